// The CdnPulse dashboard: pick a domain, a country and a range; panels load from the native API and reload when the
// live stream announces a change inside the range.
import { ApiError, apiKey, getJson, readStream } from './api.js';
import { PANEL_IDS, failure, loadPanel, showPanel } from './panels.js';

const PRESETS = { '1h': 1, '3h': 3, '12h': 12, '1d': 24, '3d': 72, '1w': 168 };
const MINUTE = 60_000;
const $ = selector => document.querySelector(selector);

const state = { domain: '', country: '', preset: '1h', from: null, to: null, loading: false, again: false, loads: 0 };
let stream = null;
let refreshTimer = null;

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.domain = params.get('domain') ?? sessionStorage.getItem('cdnpulse.domain') ?? '';
  state.country = params.get('country') ?? '';
  if (params.get('from') && params.get('to')) {
    state.preset = null;
    state.from = new Date(params.get('from'));
    state.to = new Date(params.get('to'));
  } else if (PRESETS[params.get('range')]) {
    state.preset = params.get('range');
  }
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.domain) params.set('domain', state.domain);
  if (state.country) params.set('country', state.country);
  if (state.preset) params.set('range', state.preset);
  else { params.set('from', state.from.toISOString()); params.set('to', state.to.toISOString()); }
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

// The range to query: a preset ends now (rounded up to the minute), a custom range is fixed.
function range() {
  if (!state.preset) return { from: state.from, to: state.to };
  const to = new Date(Math.ceil(Date.now() / MINUTE) * MINUTE);
  return { from: new Date(to - PRESETS[state.preset] * 3600_000), to };
}

function showMessage(text) {
  const message = $('#message');
  message.textContent = text ?? '';
  message.hidden = !text;
}

function askForKey(error) {
  const dialog = $('#key-dialog');
  $('#key-error').textContent = error ?? '';
  $('#key-error').hidden = !error;
  $('#key-input').value = '';
  if (!dialog.open) dialog.showModal();
}

async function start() {
  readUrl();
  if (!apiKey.get()) {
    askForKey();
    return;
  }
  let domains;
  try {
    domains = await getJson('/api/v1/domains');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      apiKey.clear();
      askForKey(`That key was refused (${error.message}).`);
    } else {
      showMessage(`Could not load the domains: ${error.message}`);
    }
    return;
  }
  const select = $('#domain');
  select.replaceChildren(...domains.map(d => new Option(d.name, d.name)));
  if (domains.length === 0) {
    showMessage('No domain has data yet: send CloudFront logs to Ingest, then reload.');
    return;
  }
  if (!domains.some(d => d.name === state.domain)) state.domain = domains[0].name;
  select.value = state.domain;
  showMessage(null);
  markRange();
  await refresh();
  connectStream();
}

async function loadCountries(query) {
  const select = $('#country');
  try {
    const answer = await getJson('/api/v1/metrics/requests', { domain: query.domain, from: query.from, to: query.to, groupBy: 'country', interval: 'total', limit: 100 });
    const codes = answer.series.map(s => s.group);
    if (state.country && !codes.includes(state.country)) codes.unshift(state.country);
    select.replaceChildren(new Option('All countries', ''), ...codes.map(c => new Option(c, c)));
    select.value = state.country;
  } catch { /* the panels report the error */ }
}

async function refresh() {
  if (state.loading) { state.again = true; return; }
  state.loading = true;
  try {
    do {
      state.again = false;
      writeUrl();
      const { from, to } = range();
      const query = { domain: state.domain, country: state.country || undefined, from: from.toISOString(), to: to.toISOString() };
      document.body.dataset.state = 'loading';
      await Promise.all([loadCountries(query), ...PANEL_IDS.map(async id => {
        const section = document.querySelector(`[data-chart="${id}"]`);
        section.dataset.state = section.dataset.state === 'ready' ? 'refreshing' : 'loading';
        try {
          const result = await loadPanel(id, query);
          showPanel(section, result.state, result.content, result.note);
        } catch (error) {
          const { state: failed, note } = failure(error);
          showPanel(section, failed, [], note);
        }
      })]);
      state.loads++;
      document.body.dataset.loads = state.loads;
      document.body.dataset.state = 'ready';
      $('#updated').textContent = `updated ${new Date().toISOString().slice(11, 19)} UTC`;
    } while (state.again);
  } finally {
    state.loading = false;
  }
}

// Several windows usually change together: wait a moment, then reload once.
function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => { refreshTimer = null; refresh(); }, 1500);
}

function connectStream() {
  stream?.abort();
  const controller = new AbortController();
  stream = controller;
  const live = $('#live');
  let delay = 1000;
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        await readStream(state.domain, (type, data) => {
          if (type === 'ready') { live.dataset.live = 'on'; live.textContent = 'live: on'; delay = 1000; }
          if (type === 'window') {
            live.dataset.lastWindow = data.windowStart;
            const { from, to } = range();
            if (Date.parse(data.windowEnd) > from.getTime() && Date.parse(data.windowStart) < to.getTime()) scheduleRefresh();
          }
        }, controller.signal);
      } catch { /* reconnect below */ }
      if (controller.signal.aborted) return;
      live.dataset.live = 'off';
      live.textContent = 'live: reconnecting';
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  };
  run();
}

function markRange() {
  for (const button of document.querySelectorAll('[data-range]')) button.classList.toggle('active', button.dataset.range === state.preset);
  const { from, to } = range();
  $('#from').value = from.toISOString().slice(0, 16);
  $('#to').value = to.toISOString().slice(0, 16);
}

$('#domain').addEventListener('change', event => {
  state.domain = event.target.value;
  state.country = '';
  sessionStorage.setItem('cdnpulse.domain', state.domain);
  refresh();
  connectStream();
});
$('#country').addEventListener('change', event => { state.country = event.target.value; refresh(); });
for (const button of document.querySelectorAll('[data-range]')) {
  button.addEventListener('click', () => { state.preset = button.dataset.range; markRange(); refresh(); });
}
$('#custom-range').addEventListener('submit', event => {
  event.preventDefault();
  const from = new Date(`${$('#from').value}:00Z`);
  const to = new Date(`${$('#to').value}:00Z`);
  if (!(from < to)) { showMessage('The custom range needs From before To.'); return; }
  showMessage(null);
  Object.assign(state, { preset: null, from, to });
  markRange();
  refresh();
});
$('#key-form').addEventListener('submit', () => { apiKey.set($('#key-input').value); start(); });
$('#change-key').addEventListener('click', () => askForKey());
// A preset range slides with time even when no traffic arrives.
setInterval(() => { if (state.preset && state.domain && apiKey.get()) refresh(); }, 60_000);

start();
