// What each panel shows and which API calls feed it. Every panel ends in data-state ready, empty, unavailable or error.
import { ApiError, getJson } from './api.js';
import { barList, columns, dataTable, format, lineChart, totals } from './charts.js';

const METRICS = '/api/v1/metrics/';

// Line-chart panels: one series per metric (or per group with groupBy), totals over the range, extra range totals.
const SERIES_PANELS = {
  requests: { unit: 'count', chart: [{ metric: 'requests', name: 'requests' }, { metric: 'originRequests', name: 'origin requests' }] },
  bandwidth: { unit: 'bit/s', chart: [{ metric: 'bandwidth', name: 'bandwidth' }, { metric: 'originBandwidth', name: 'origin bandwidth' }] },
  cacheHitRate: { unit: 'percent', chart: [{ metric: 'cacheHitRate', name: 'by requests' }, { metric: 'byteHitRate', name: 'by bytes' }] },
  statusCodes: { unit: 'count', chart: [{ metric: 'requests', groupBy: 'status' }], extra: [{ metric: 'errorRate4xx', name: '4xx rate', unit: 'percent' }, { metric: 'errorRate5xx', name: '5xx rate', unit: 'percent' }] },
  edgeTypes: { unit: 'count', chart: [{ metric: 'requests', groupBy: 'edgeType' }] },
  latency: {
    unit: 'ms',
    chart: [{ metric: 'latencyP50', name: 'p50' }, { metric: 'latencyP90', name: 'p90' }, { metric: 'latencyP99', name: 'p99' }, { metric: 'latencyMean', name: 'mean' }],
    extra: [{ metric: 'ttfbP50', name: 'time to first byte p50', unit: 'ms' }, { metric: 'ttfbP99', name: 'time to first byte p99', unit: 'ms' }],
  },
  latencyRatio: { unit: 'percent', chart: [{ metric: 'latencyOver1s', name: '≥ 1 s' }, { metric: 'latency600To1000', name: '0.6–1 s' }, { metric: 'latency300To600', name: '0.3–0.6 s' }] },
  origin: {
    unit: 'bytes',
    chart: [{ metric: 'originBytes', name: 'origin bytes' }],
    extra: [{ metric: 'originRequests', name: 'origin requests', unit: 'count' }, { metric: 'originLatencyMean', name: 'origin latency (mean)', unit: 'ms' }],
  },
};

export const PANEL_IDS = [...Object.keys(SERIES_PANELS), 'topUrls', 'countries', 'isps', 'downloadSpeed'];

export async function loadPanel(id, query) {
  if (SERIES_PANELS[id]) return seriesPanel(SERIES_PANELS[id], query);
  switch (id) {
    case 'topUrls': return topUrlsPanel(query);
    case 'countries': return countriesPanel(query);
    case 'isps': return ispsPanel(query);
    case 'downloadSpeed': return downloadSpeedPanel(query);
    default: throw new Error(`unknown panel ${id}`);
  }
}

// Show a panel's content, or why there is none.
export function showPanel(section, state, content = [], note) {
  section.dataset.state = state;
  const title = section.querySelector('h2');
  section.replaceChildren(title, ...content);
  if (note) {
    const p = document.createElement('p');
    p.className = `note ${state}`;
    p.textContent = note;
    section.append(p);
  }
}

export function failure(error) {
  return error instanceof ApiError && error.status === 404
    ? { state: 'unavailable', note: 'not available: this metric is not served by this CdnPulse version' }
    : { state: 'error', note: `error: ${error.message}` };
}

async function seriesPanel(spec, query) {
  const answers = await Promise.all(spec.chart.map(c => getJson(METRICS + c.metric, { ...query, groupBy: c.groupBy, limit: c.groupBy ? 8 : undefined })));
  const series = answers.flatMap((answer, i) => answer.series.map(s => ({
    name: spec.chart[i].groupBy ? s.group : spec.chart[i].name,
    total: s.total,
    points: s.points,
  })));
  const extras = await Promise.all((spec.extra ?? []).map(async e => {
    try {
      const answer = await getJson(METRICS + e.metric, { ...query, interval: 'total' });
      return { name: e.name, total: answer.series[0]?.total ?? null, unit: e.unit };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { name: e.name, total: null, unit: e.unit, unavailable: true };
      throw error;
    }
  }));
  const empty = series.length === 0 || series.every(s => s.points.every(p => !p.value));
  const content = [totals(series, spec.unit)];
  if (extras.length > 0) content.push(extraTotals(extras));
  content.push(lineChart(series, spec.unit), dataTable(series, spec.unit));
  return { state: empty ? 'empty' : 'ready', content, note: empty ? 'no requests in this range' : undefined };
}

function extraTotals(extras) {
  const list = document.createElement('dl');
  list.className = 'totals extra';
  for (const e of extras) {
    const item = document.createElement('div');
    item.className = 'total';
    const term = document.createElement('dt');
    term.textContent = e.name;
    const value = document.createElement('dd');
    value.dataset.series = e.name;
    value.dataset.value = e.total ?? '';
    value.textContent = e.unavailable ? 'not available' : format(e.total, e.unit);
    item.append(term, value);
    list.append(item);
  }
  return list;
}

async function topUrlsPanel(query) {
  const [byRequests, byBytes] = await Promise.all([
    getJson(METRICS + 'topUrlsByRequests', { ...query, interval: undefined, limit: 10 }),
    getJson(METRICS + 'topUrlsByBytes', { ...query, interval: undefined, limit: 10 }),
  ]);
  const block = (title, answer, unit, attribute) => {
    const box = document.createElement('div');
    box.className = 'half';
    box.dataset.ranking = attribute;
    const h = document.createElement('h3');
    h.textContent = title;
    box.append(h, barList(answer.items.map(i => ({ label: i.path, value: i.value })), unit, 'data-path'));
    return box;
  };
  const empty = byRequests.items.length === 0;
  return {
    state: empty ? 'empty' : 'ready',
    content: [block('By requests', byRequests, 'count', 'requests'), block('By bytes', byBytes, 'bytes', 'bytes')],
    note: empty ? 'no requests in this range' : 'lower bounds (heavy-hitter summaries, docs/metrics.md)',
  };
}

async function countriesPanel(query) {
  const answer = await getJson(METRICS + 'requests', { ...query, country: undefined, groupBy: 'country', interval: 'total', limit: 15 });
  const items = answer.series.map(s => ({ label: s.group, value: s.total }));
  return {
    state: items.length === 0 ? 'empty' : 'ready',
    content: [barList(items, 'count', 'data-country')],
    note: `${answer.groupCount} countries; requests over the range`,
  };
}

async function ispsPanel(query) {
  const answer = await getJson(METRICS + 'downloadSpeed', { ...query, groupBy: 'isp', interval: 'total', limit: 15 });
  const items = answer.series.map(s => ({ label: s.group, value: s.total }));
  return {
    state: items.length === 0 ? 'empty' : 'ready',
    content: [barList(items, 'count', 'data-isp')],
    note: `${answer.groupCount} ISPs; requests counted for download speed`,
  };
}

async function downloadSpeedPanel(query) {
  const [cdn, origin] = await Promise.all(['downloadSpeed', 'downloadSpeedOrigin'].map(m => getJson(METRICS + m, { ...query, interval: 'total' })));
  const block = (title, answer, kind) => {
    const box = document.createElement('div');
    box.className = 'half';
    box.dataset.distribution = kind;
    const h = document.createElement('h3');
    const series = answer.series[0];
    h.textContent = `${title}: ${format(series?.total ?? 0, 'count')} requests`;
    const items = answer.buckets.map((b, i) => {
      const share = series ? series.distribution[i].share : 0;
      return { label: b.name, value: series ? series.distribution[i].requests : 0, text: format(share, 'share') };
    });
    box.append(h, columns(items));
    return box;
  };
  const empty = !cdn.series[0] && !origin.series[0];
  return {
    state: empty ? 'empty' : 'ready',
    content: [block('CDN', cdn, 'cdn'), block('Origin', origin, 'origin')],
    note: 'bytes per second: 250K < 256000, … 4M < 4194304, Other above',
  };
}
