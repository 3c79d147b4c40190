// Calls to the native API with the key from sessionStorage, and the live stream read with fetch
// (EventSource cannot send the x-api-key header).
const KEY = 'cdnpulse.apiKey';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value.trim()),
  clear: () => sessionStorage.removeItem(KEY),
};

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const url = query.size > 0 ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { 'x-api-key': apiKey.get() ?? '' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      message = body.message ?? (body.parameter ? `${body.parameter}: ${body.message}` : message);
    } catch { /* not JSON */ }
    throw new ApiError(response.status, message);
  }
  return response.json();
}

// Reads Server-Sent Events from /api/v1/stream until aborted; calls onEvent(type, data) per event.
export async function readStream(domain, onEvent, signal) {
  const response = await fetch(`/api/v1/stream?domain=${encodeURIComponent(domain)}`, {
    headers: { 'x-api-key': apiKey.get() ?? '', accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body) throw new ApiError(response.status, `stream: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onEvent(type, JSON.parse(data.join('\n')));
    }
  }
}
