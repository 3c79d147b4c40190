// Hand-written SVG/HTML charts. Every number drawn is also in the DOM as data-value (totals and a data table),
// so tests and screen readers can read exactly what the API served.
const SVG = 'http://www.w3.org/2000/svg';
export const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c'];

export function format(value, unit) {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'bytes': return scaled(value, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB']);
    case 'bit/s': return scaled(value, 1000, ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s']);
    case 'percent': return `${value.toFixed(2)} %`;
    case 'ms': return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
    case 'share': return `${(value * 100).toFixed(1)} %`;
    default: return Math.round(value).toLocaleString('en-US');
  }
}

function scaled(value, base, units) {
  let i = 0;
  while (Math.abs(value) >= base && i < units.length - 1) { value /= base; i++; }
  return `${i === 0 ? Math.round(value) : value.toFixed(value >= 100 ? 0 : 1)} ${units[i]}`;
}

function el(name, attributes = {}, text) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgEl(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

export function timeLabel(iso, withDate) {
  const d = new Date(iso);
  const hm = d.toISOString().slice(11, 16);
  return withDate ? `${d.toISOString().slice(5, 10)} ${hm}` : hm;
}

// A step for four gridlines that reads well (15, 20, 25, …); whole steps for whole units.
function niceStep(max, unit) {
  if (!(max > 0)) return unit === 'percent' ? 25 : 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map(m => m * power).find(s => s >= raw);
  return unit === 'count' || unit === 'bytes' ? Math.max(1, Math.ceil(step)) : step;
}

// Totals as a list: one item per series with its raw number in data-value.
export function totals(series, unit, label = 'total') {
  const list = el('dl', { class: 'totals' });
  series.forEach((s, i) => {
    const item = el('div', { class: 'total' });
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = s.color ?? COLORS[i % COLORS.length];
    const term = el('dt');
    term.append(swatch, document.createTextNode(s.name));
    const value = el('dd', { 'data-series': s.name, 'data-value': s.total ?? '', title: label }, format(s.total, unit));
    item.append(term, value);
    list.append(item);
  });
  return list;
}

// A time-series line chart; null values leave gaps. series: [{name, color?, points: [{start, value}]}].
export function lineChart(series, unit) {
  const width = 560, height = 200, left = 64, right = 8, top = 8, bottom = 24;
  const times = series[0]?.points.map(p => Date.parse(p.start)) ?? [];
  const wrapper = el('div', { class: 'chart' });
  if (times.length === 0) return wrapper;
  const t0 = times[0], t1 = times.length > 1 ? times[times.length - 1] : t0 + 1;
  const max = 4 * niceStep(Math.max(0, ...series.flatMap(s => s.points.map(p => p.value ?? 0))), unit);
  const x = t => left + ((t - t0) / (t1 - t0 || 1)) * (width - left - right);
  const y = v => top + (1 - v / max) * (height - top - bottom);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', preserveAspectRatio: 'none' });
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    svg.append(svgEl('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid' }));
    const label = svgEl('text', { x: left - 4, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' });
    label.textContent = format(v, unit);
    svg.append(label);
  }
  const multiDay = t1 - t0 > 24 * 3600 * 1000;
  const ticks = Math.min(6, times.length);
  for (let i = 0; i < ticks; i++) {
    const index = Math.round((i * (times.length - 1)) / Math.max(1, ticks - 1));
    const label = svgEl('text', { x: x(times[index]), y: height - 6, class: 'axis', 'text-anchor': i === 0 ? 'start' : i === ticks - 1 ? 'end' : 'middle' });
    label.textContent = timeLabel(series[0].points[index].start, multiDay);
    svg.append(label);
  }
  series.forEach((s, i) => {
    let d = '';
    let pen = false;
    s.points.forEach((p, j) => {
      if (p.value === null || p.value === undefined) { pen = false; return; }
      d += `${pen ? 'L' : 'M'}${x(times[j]).toFixed(1)},${y(p.value).toFixed(1)}`;
      pen = true;
    });
    const path = svgEl('path', { d, class: 'line', 'data-series': s.name });
    path.style.stroke = s.color ?? COLORS[i % COLORS.length];
    svg.append(path);
    if (s.points.length === 1 && s.points[0].value !== null) {
      const dot = svgEl('circle', { cx: x(times[0]), cy: y(s.points[0].value), r: 3 });
      dot.style.fill = s.color ?? COLORS[i % COLORS.length];
      svg.append(dot);
    }
  });
  const cursor = svgEl('line', { y1: top, y2: height - bottom, class: 'cursor', visibility: 'hidden' });
  svg.append(cursor);
  const tip = el('div', { class: 'tip', hidden: '' });
  svg.addEventListener('mousemove', event => {
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * width;
    const t = t0 + ((px - left) / (width - left - right)) * (t1 - t0);
    let index = 0;
    times.forEach((time, j) => { if (Math.abs(time - t) < Math.abs(times[index] - t)) index = j; });
    cursor.setAttribute('x1', x(times[index]));
    cursor.setAttribute('x2', x(times[index]));
    cursor.setAttribute('visibility', 'visible');
    tip.textContent = `${timeLabel(series[0].points[index].start, true)}  ` +
      series.map(s => `${s.name}: ${format(s.points[index].value, unit)}`).join('  ');
    tip.hidden = false;
  });
  svg.addEventListener('mouseleave', () => { cursor.setAttribute('visibility', 'hidden'); tip.hidden = true; });
  wrapper.append(svg, tip);
  return wrapper;
}

// Horizontal bars with labels; items: [{label, value, text?}].
export function barList(items, unit, attribute = 'data-label') {
  const list = el('ol', { class: 'bars' });
  const max = Math.max(0, ...items.map(i => i.value));
  for (const item of items) {
    const row = el('li', { [attribute]: item.label, 'data-value': item.value });
    const label = el('span', { class: 'bar-label', title: item.label }, item.label);
    const track = el('span', { class: 'bar-track' });
    const fill = el('span', { class: 'bar-fill' });
    fill.style.width = `${max > 0 ? (100 * item.value) / max : 0}%`;
    track.append(fill);
    row.append(label, track, el('span', { class: 'bar-value' }, item.text ?? format(item.value, unit)));
    list.append(row);
  }
  return list;
}

// Vertical columns (a distribution); items: [{label, value, text}].
export function columns(items) {
  const box = el('div', { class: 'columns' });
  const max = Math.max(0, ...items.map(i => i.value));
  for (const item of items) {
    const column = el('div', { class: 'column', 'data-bucket': item.label, 'data-value': item.value });
    const fill = el('span', { class: 'column-fill' });
    fill.style.height = `${max > 0 ? (100 * item.value) / max : 0}%`;
    column.append(el('span', { class: 'column-value' }, item.text), fill, el('span', { class: 'column-label' }, item.label));
    box.append(column);
  }
  return box;
}

// The numbers behind a line chart, one row per point.
export function dataTable(series, unit) {
  const details = el('details', { class: 'data' });
  details.append(el('summary', {}, 'Data'));
  const table = el('table');
  const head = el('tr');
  head.append(el('th', {}, 'Start (UTC)'), ...series.map(s => el('th', {}, s.name)));
  table.append(head);
  const multiDay = series[0] && series[0].points.length > 1 &&
    Date.parse(series[0].points.at(-1).start) - Date.parse(series[0].points[0].start) > 24 * 3600 * 1000;
  (series[0]?.points ?? []).forEach((p, j) => {
    const row = el('tr', { 'data-start': p.start });
    row.append(el('td', {}, timeLabel(p.start, multiDay || true)));
    for (const s of series) row.append(el('td', { 'data-series': s.name, 'data-value': s.points[j].value ?? '' }, format(s.points[j].value, unit)));
    table.append(row);
  });
  details.append(table);
  return details;
}
