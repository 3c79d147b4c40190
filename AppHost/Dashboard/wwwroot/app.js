// CdnPulse dashboard: a dependency-free single page over /api (resources, console, structured logs, traces, metrics).
'use strict';

const main = document.getElementById('main');
const statusLine = document.getElementById('status');
const palette = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4f46e5', '#be185d', '#65a30d', '#0d9488'];
let refreshTimer = null;

// ---- helpers ---------------------------------------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'style' && typeof value === 'object') Object.assign(node.style, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Replaces the page body; null entries (optional sections) are skipped.
function show(...nodes) { main.replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined && n !== false)); }

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path) {
  const response = await fetch('/api' + path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (response.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== '' && value !== null && value !== undefined && value !== false) search.set(key, value);
  const text = search.toString();
  return text ? '?' + text : '';
}

// Fixed colours for CdnPulse's own resources, so a service looks the same in every view; others by hash.
const serviceColors = { ingest: '#2563eb', enrichment: '#be185d', aggregation: '#d97706', 'metrics-query': '#0d9488', alerting: '#7c3aed',
  postgres: '#475569', messaging: '#ea580c', kinesis: '#65a30d', migrations: '#64748b' };

function colorOf(name) {
  if (serviceColors[name]) return serviceColors[name];
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length];
}

function time(iso) { return new Date(iso).toLocaleTimeString([], { hour12: false }) + '.' + String(new Date(iso).getMilliseconds()).padStart(3, '0'); }
function ms(value) { return value >= 1000 ? (value / 1000).toFixed(2) + ' s' : value >= 10 ? value.toFixed(0) + ' ms' : value.toFixed(2) + ' ms'; }
function chip(service) { return el('span', { class: 'chip', style: { background: colorOf(service) } }, service); }
function badge(text) { return el('span', { class: 'badge ' + text }, text); }
function select(id, options, value, onchange) {
  return el('select', { id, onchange }, options.map(([v, label]) => el('option', { value: v, selected: v === value }, label)));
}
function setStatus(text) { statusLine.textContent = text; }

function every(ms, fn) {
  clearInterval(refreshTimer);
  const run = () => fn().then(() => setStatus('updated ' + new Date().toLocaleTimeString([], { hour12: false })))
    .catch(e => setStatus(String(e.message || e)));
  run();
  refreshTimer = setInterval(run, ms);
}

// ---- resources -------------------------------------------------------------------------------------------------
function resourcesView() {
  const body = el('div');
  show(el('h2', {}, 'Resources'), el('div', { class: 'panel' }, body));
  every(3000, async () => {
    const resources = await api('/resources');
    body.replaceChildren(el('table', { id: 'resources' },
      el('thead', {}, el('tr', {}, ['Name', 'Type', 'State', 'Health', 'Endpoints', 'PID', 'Logs'].map(h => el('th', {}, h)))),
      el('tbody', {}, resources.map(r => el('tr', { 'data-resource': r.name },
        el('td', {}, el('strong', {}, r.name)),
        el('td', { class: 'muted' }, r.type),
        el('td', {}, badge(r.state), r.exitCode !== null && r.exitCode !== undefined && r.state === 'Exited' ? el('span', { class: 'muted' }, ` (exit ${r.exitCode})`) : null),
        el('td', {}, badge(r.health)),
        el('td', { class: 'mono' }, r.endpoints.map(e => el('div', {}, e.startsWith('http') ? el('a', { href: e.split(' ')[0], target: '_blank' }, e) : e))),
        el('td', { class: 'mono' }, r.pid ?? ''),
        el('td', {}, el('a', { href: '#/console/' + encodeURIComponent(r.name) }, 'console'),
          r.type === 'project' && r.name !== 'migrations' ? [' · ', el('a', { href: '#/logs/' + encodeURIComponent(r.name) }, 'structured')] : null))))));
  });
}

// ---- console ---------------------------------------------------------------------------------------------------
function consoleView(resource) {
  const filter = el('input', { id: 'console-filter', placeholder: 'filter text', size: 30 });
  const resourceSelect = select('console-resource', [['', 'all resources'], ...(resource ? [[resource, resource]] : [])], resource || '', () => { location.hash = '#/console/' + encodeURIComponent(resourceSelect.value); });
  const output = el('div', { class: 'console', id: 'console-lines' });
  let stick = true;
  output.addEventListener('scroll', () => { stick = output.scrollTop + output.clientHeight >= output.scrollHeight - 20; });
  show(el('h2', {}, 'Console output'), el('div', { class: 'toolbar' }, el('label', {}, 'Resource'), resourceSelect, el('label', {}, 'Filter'), filter), output);
  filter.addEventListener('input', () => load());
  const load = async () => {
    const data = await api('/console' + query({ resource: resource || '', filter: filter.value, limit: 2000 }));
    const known = new Set([...resourceSelect.options].map(o => o.value));
    for (const name of data.resources) if (!known.has(name)) resourceSelect.append(el('option', { value: name }, name));
    output.replaceChildren(...data.lines.map(l => el('div', { class: l.isError ? 'err' : '' },
      resource ? null : el('span', { class: 'res' }, l.resource.padEnd(14) + '| '), l.text)));
    if (data.lines.length === 0) output.append(el('div', { class: 'muted' }, 'No output yet.'));
    if (stick) output.scrollTop = output.scrollHeight;
  };
  every(2000, load);
}

// ---- structured logs -------------------------------------------------------------------------------------------
function logsView(resource, traceId) {
  const severities = [['0', 'all levels'], ['5', 'Debug+'], ['9', 'Information+'], ['13', 'Warning+'], ['17', 'Error+']];
  const resourceSelect = select('logs-resource', [['', 'all resources'], ...(resource ? [[resource, resource]] : [])], resource || '', () => load());
  const severity = select('logs-severity', severities, '0', () => load());
  const filter = el('input', { id: 'logs-filter', placeholder: 'message, category or attribute', size: 30, oninput: () => load() });
  const trace = el('input', { id: 'logs-trace', placeholder: 'trace id', size: 34, value: traceId || '', oninput: () => load() });
  const body = el('div');
  show(el('h2', {}, 'Structured logs'),
    el('div', { class: 'toolbar' }, el('label', {}, 'Resource'), resourceSelect, el('label', {}, 'Level'), severity, el('label', {}, 'Filter'), filter, el('label', {}, 'Trace'), trace),
    el('div', { class: 'panel' }, body));
  const load = async () => {
    const data = await api('/logs' + query({ resource: resourceSelect.value, severity: severity.value, filter: filter.value, traceId: trace.value, limit: 500 }));
    const known = new Set([...resourceSelect.options].map(o => o.value));
    for (const name of data.resources) if (!known.has(name)) resourceSelect.append(el('option', { value: name }, name));
    body.replaceChildren(data.logs.length === 0 ? el('div', { class: 'empty' }, 'No structured logs match.') : logTable(data.logs.slice().reverse()));
  };
  every(3000, load);
}

function logTable(logs) {
  return el('table', { id: 'logs' },
    el('thead', {}, el('tr', {}, ['Time', 'Resource', 'Level', 'Category', 'Message', 'Trace'].map(h => el('th', {}, h)))),
    el('tbody', {}, logs.map(l => el('tr', {},
      el('td', { class: 'mono' }, time(l.time)),
      el('td', {}, chip(l.service)),
      el('td', { class: 'sev-' + l.severity }, l.severity),
      el('td', { class: 'mono muted' }, l.category),
      el('td', {}, l.message),
      el('td', { class: 'mono' }, l.traceId ? el('a', { href: '#/traces/' + l.traceId }, l.traceId.slice(0, 8) + '…') : '')))));
}

// ---- traces ----------------------------------------------------------------------------------------------------
function tracesView() {
  const service = select('traces-service', [['', 'any service']], '', () => load());
  const minDuration = el('input', { id: 'traces-min', type: 'number', min: 0, placeholder: 'ms', style: { width: '90px' }, oninput: () => load() });
  const errors = el('input', { id: 'traces-errors', type: 'checkbox', onchange: () => load() });
  const search = el('input', { id: 'traces-search', placeholder: 'span name, attribute value or trace id', size: 36, oninput: () => load() });
  const body = el('div');
  show(el('h2', {}, 'Traces'),
    el('div', { class: 'toolbar' }, el('label', {}, 'Service'), service, el('label', {}, 'Min duration'), minDuration,
      el('label', {}, errors, ' errors only'), el('label', {}, 'Search'), search),
    el('div', { class: 'panel' }, body));
  const load = async () => {
    const data = await api('/traces' + query({ service: service.value, minDurationMs: minDuration.value, errors: errors.checked, search: search.value, limit: 200 }));
    const known = new Set([...service.options].map(o => o.value));
    for (const name of data.services) if (!known.has(name)) service.append(el('option', { value: name }, name));
    const longest = Math.max(1, ...data.traces.map(t => t.durationMs));
    body.replaceChildren(data.traces.length === 0 ? el('div', { class: 'empty' }, 'No traces match.') : el('table', { id: 'traces' },
      el('thead', {}, el('tr', {}, ['Start', 'Name', 'Services', 'Spans', 'Errors', 'Duration', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, data.traces.map(t => el('tr', { class: 'clickable', 'data-trace': t.traceId, onclick: () => { location.hash = '#/traces/' + t.traceId; } },
        el('td', { class: 'mono' }, time(t.start)),
        el('td', {}, el('strong', {}, t.rootService), ': ', t.name),
        el('td', {}, t.services.map(chip)),
        el('td', {}, t.spanCount),
        el('td', {}, t.errorCount > 0 ? badge('Error') : ''),
        el('td', { class: 'mono' }, ms(t.durationMs)),
        el('td', {}, el('div', { class: 'durbar' }, el('div', { style: { width: (100 * t.durationMs / longest).toFixed(1) + '%' } }))))))));
  };
  every(5000, load);
}

function waterfallView(traceId) {
  clearInterval(refreshTimer);
  const load = async () => {
    const trace = await api('/traces/' + encodeURIComponent(traceId));
    if (!trace) { show(el('h2', {}, 'Trace ' + traceId), el('div', { class: 'empty' }, 'This trace is not (or no longer) in the store.')); return; }
    const details = el('div', { class: 'panel', id: 'span-details' }, el('div', { class: 'muted' }, 'Select a span to see its attributes.'));
    const total = Math.max(trace.durationMs, 0.001);
    const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => el('span', { style: { left: (f * 100) + '%', transform: `translateX(${-100 * f}%)` } }, ms(f * total)));
    const rows = trace.rows.map(row => {
      const s = row.span;
      const left = 100 * row.offsetMs / total;
      const width = Math.max(0.2, 100 * s.durationMs / total);
      const line = el('div', { class: 'wf-row', 'data-span': s.spanId, 'data-service': s.service },
        el('div', { class: 'wf-name', style: { paddingLeft: (6 + row.depth * 16) + 'px' }, title: `${s.service}: ${s.name}` },
          chip(s.service), s.name),
        el('div', { class: 'wf-track' }, el('div', { class: 'wf-bar' + (s.status === 'Error' ? ' error' : ''), style: { left: left + '%', width: width + '%', background: colorOf(s.service) } })),
        el('div', { class: 'wf-dur' }, ms(s.durationMs)));
      line.addEventListener('click', () => {
        document.querySelectorAll('.wf-row.selected').forEach(r => r.classList.remove('selected'));
        line.classList.add('selected');
        showSpan(details, s);
      });
      return line;
    });
    const logs = await api('/logs' + query({ traceId, limit: 200 }));
    show(
      el('h2', {}, 'Trace ', el('span', { class: 'mono' }, trace.traceId)),
      el('div', { class: 'toolbar' }, el('a', { href: '#/traces' }, '← all traces'),
        el('span', { class: 'muted' }, `${trace.rows.length} spans · ${ms(trace.durationMs)} · started ${time(trace.start)}`), trace.services.map(chip)),
      el('div', { class: 'panel waterfall', id: 'waterfall' }, el('div', { class: 'wf-scale' }, el('div', {}, 'span'), el('div', { class: 'ticks' }, ticks), el('div', {}, '')), rows),
      trace.linkedFrom.length === 0 ? null : el('div', { class: 'panel', id: 'linked-from' },
        el('strong', {}, 'Continued in other traces '), el('span', { class: 'muted' }, '(a batch consumer folded this trace\'s message into a group):'),
        trace.linkedFrom.map(s => el('div', {}, chip(s.service), el('a', { href: '#/traces/' + s.traceId }, s.name), el('span', { class: 'muted mono' }, ' trace ' + s.traceId)))),
      details,
      el('h3', {}, 'Structured logs of this trace'),
      el('div', { class: 'panel' }, logs && logs.logs.length ? logTable(logs.logs) : el('div', { class: 'empty' }, 'No structured logs carry this trace id.')));
  };
  load().catch(e => setStatus(String(e.message || e)));
}

function showSpan(panel, s) {
  const pairs = [['service', s.service], ['name', s.name], ['kind', s.kind], ['scope', s.scope], ['span id', s.spanId], ['parent', s.parentSpanId || '(root)'],
    ['start', s.start], ['duration', ms(s.durationMs)], ['status', s.status + (s.statusMessage ? ': ' + s.statusMessage : '')],
    ...s.attributes.map(a => [a.key, a.value]),
    ...s.events.map(e => ['event ' + e.name, e.attributes.map(a => `${a.key}=${a.value}`).join(' ')]),
    ...s.links.map(l => ['link', `${l.traceId}/${l.spanId}`])];
  panel.replaceChildren(el('h3', { style: { marginTop: 0 } }, s.name), el('div', { class: 'details' }, pairs.flatMap(([k, v]) => [el('div', {}, k), el('div', {}, v)])));
}

// ---- metrics ---------------------------------------------------------------------------------------------------
function metricsView() {
  const grid = el('div', { class: 'charts', id: 'charts' });
  show(el('h2', {}, 'Pipeline health (last 15 minutes)'), grid);
  every(5000, async () => {
    const charts = await api('/charts?minutes=15');
    grid.replaceChildren(...charts.map(chart));
  });
}

function chart(c) {
  const width = 420, height = 170, left = 48, right = 8, top = 8, bottom = 20;
  const points = c.lines.flatMap(l => l.points);
  const box = el('div', { class: 'panel chart', 'data-chart': c.id }, el('h3', {}, `${c.title} `, el('span', { class: 'muted' }, `(${c.unit})`)), el('div', { class: 'source' }, c.source));
  if (points.length === 0) {
    box.append(el('div', { class: 'empty' }, 'No data yet.'));
    return box;
  }
  const t0 = Math.min(...points.map(p => p.t)), t1 = Math.max(...points.map(p => p.t), t0 + 1000);
  const vMax = Math.max(...points.map(p => p.v), 0) || 1;
  const x = t => left + (width - left - right) * (t - t0) / (t1 - t0);
  const y = v => top + (height - top - bottom) * (1 - v / vMax);
  const grid = [0, 0.5, 1].map(f => [
    svg('line', { x1: left, x2: width - right, y1: y(f * vMax), y2: y(f * vMax), stroke: '#e5e7eb' }),
    svg('text', { x: left - 4, y: y(f * vMax) + 3, 'text-anchor': 'end', 'font-size': 10, fill: '#6b7280' }, formatValue(f * vMax))]);
  const axis = [t0, t1].map((t, i) => svg('text', { x: i === 0 ? left : width - right, y: height - 5, 'text-anchor': i === 0 ? 'start' : 'end', 'font-size': 10, fill: '#6b7280' },
    new Date(t).toLocaleTimeString([], { hour12: false })));
  const lines = c.lines.map((l, i) => {
    const color = palette[i % palette.length];
    const path = l.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
    return [svg('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 1.8 }),
      l.points.length === 1 ? svg('circle', { cx: x(l.points[0].t), cy: y(l.points[0].v), r: 3, fill: color }) : null];
  });
  box.append(svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none' }, grid, axis, lines),
    el('div', { class: 'legend' }, c.lines.map((l, i) => el('span', {}, el('i', { style: { background: palette[i % palette.length] } }), l.label,
      el('span', { class: 'muted' }, ' ' + formatValue(l.points[l.points.length - 1]?.v ?? 0))))));
  return box;
}

function formatValue(v) {
  if (v >= 1e6) return (v / 1e6).toFixed(1) + 'M';
  if (v >= 1e3) return (v / 1e3).toFixed(1) + 'k';
  if (v >= 10 || v === 0) return v.toFixed(0);
  return v.toFixed(2);
}

// ---- routing ---------------------------------------------------------------------------------------------------
function route() {
  const [view, arg] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const name = view || 'resources';
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.view === name));
  switch (name) {
    case 'console': consoleView(arg); break;
    case 'logs': logsView(arg); break;
    case 'traces': arg ? waterfallView(arg) : tracesView(); break;
    case 'metrics': metricsView(); break;
    default: resourcesView();
  }
}

window.addEventListener('hashchange', route);
route();
