// Small SVG charts and the map, drawn from data (no library, no tile server).

const NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs = {}, children = []) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

/** Best score over time: points [{ t (s), value }], a line with its axes. */
export function lineChart(points, { width = 520, height = 180, label = '', maxT: budget } = {}) {
  const pad = { l: 56, r: 12, t: 12, b: 28 };
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': label, 'data-testid': 'progress-chart' });
  if (!points.length) return root;
  // Against the budget while solving, so the line shows how much of it is spent.
  const maxT = Math.max(1, budget || 0, ...points.map((p) => p.t));
  const values = points.map((p) => p.value);
  let lo = Math.min(...values), hi = Math.max(...values);
  if (lo === hi) { lo -= 1; hi += 1; }
  const x = (t) => pad.l + (t / maxT) * (width - pad.l - pad.r);
  const y = (v) => pad.t + (1 - (v - lo) / (hi - lo)) * (height - pad.t - pad.b);
  root.append(svg('line', { x1: pad.l, y1: height - pad.b, x2: width - pad.r, y2: height - pad.b, class: 'axis' }));
  root.append(svg('line', { x1: pad.l, y1: pad.t, x2: pad.l, y2: height - pad.b, class: 'axis' }));
  for (const v of [lo, hi]) {
    const text = svg('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' });
    text.textContent = Math.round(v).toLocaleString();
    root.append(text);
  }
  const tx = svg('text', { x: width - pad.r, y: height - 8, 'text-anchor': 'end', class: 'tick' });
  tx.textContent = maxT.toFixed(1) + ' s';
  root.append(tx);
  const d = points.map((p, i) => (i ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(p.value).toFixed(1)).join(' ');
  root.append(svg('path', { d, class: 'line' }));
  for (const p of points) root.append(svg('circle', { cx: x(p.t), cy: y(p.value), r: 2.5, class: 'dot' }));
  return root;
}

/** Grouped horizontal bars: rows [{ label, a, b }] (before, after). */
export function barChart(rows, { labels = ['a', 'b'], title = '' } = {}) {
  const rowH = 26, width = 560, left = 150, right = 60;
  const height = rows.length * rowH + 30;
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart bars', role: 'img', 'aria-label': title, 'data-testid': 'district-bars' });
  rows.forEach((r, i) => {
    const y0 = i * rowH + 4;
    const name = svg('text', { x: left - 8, y: y0 + 15, 'text-anchor': 'end', class: 'tick' });
    name.textContent = r.label;
    root.append(name);
    const w = (v) => (v / max) * (width - left - right);
    root.append(svg('rect', { x: left, y: y0, width: w(r.a), height: 10, class: 'bar-before' }, [title2(labels[0] + ': ' + r.a)]));
    root.append(svg('rect', { x: left, y: y0 + 11, width: w(r.b), height: 10, class: 'bar-after' }, [title2(labels[1] + ': ' + r.b)]));
    const v = svg('text', { x: left + w(Math.max(r.a, r.b)) + 6, y: y0 + 15, class: 'tick' });
    v.textContent = r.a + ' → ' + r.b;
    root.append(v);
  });
  const ly = rows.length * rowH + 18;
  root.append(svg('rect', { x: left, y: ly - 9, width: 12, height: 10, class: 'bar-before' }));
  const l1 = svg('text', { x: left + 16, y: ly, class: 'tick' }); l1.textContent = labels[0]; root.append(l1);
  root.append(svg('rect', { x: left + 130, y: ly - 9, width: 12, height: 10, class: 'bar-after' }));
  const l2 = svg('text', { x: left + 146, y: ly, class: 'tick' }); l2.textContent = labels[1]; root.append(l2);
  return root;
}

function title2(text) { const el = svg('title'); el.textContent = text; return el; }

/** Shortage colour: 0 green, growing to red. */
export function shortageColour(value, max) {
  if (!value) return '#2e8b57';
  const f = Math.min(1, value / Math.max(1, max));
  const hue = 45 - 45 * f;
  return `hsl(${hue.toFixed(0)} 85% ${(52 - 12 * f).toFixed(0)}%)`;
}

/**
 * Facilities by their coordinates, coloured by remaining shortage, with the moves as lines.
 * facilities: [{ facilityId, name, district, lat, lon, shortage }]; moves: [{ from, to }].
 */
export function mapView(facilities, moves, { onPick, width = 640, height = 560, label = '' } = {}) {
  const placed = facilities.filter((f) => f.lat != null && f.lon != null);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'group', 'aria-label': label, 'data-testid': 'map' });
  if (!placed.length) return root;
  const lats = placed.map((f) => f.lat), lons = placed.map((f) => f.lon);
  const [la0, la1, lo0, lo1] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const kx = Math.cos(((la0 + la1) / 2) * Math.PI / 180);
  const spanX = Math.max(1e-6, (lo1 - lo0) * kx), spanY = Math.max(1e-6, la1 - la0);
  const s = Math.min((width - 40) / spanX, (height - 40) / spanY);
  const ox = (width - spanX * s) / 2, oy = (height - spanY * s) / 2;
  const at = new Map();
  for (const f of placed) at.set(f.facilityId, [ox + (f.lon - lo0) * kx * s, oy + (la1 - f.lat) * s]);
  const lines = svg('g', { class: 'moves' });
  for (const m of moves) {
    const a = at.get(m.from), b = at.get(m.to);
    if (a && b) lines.append(svg('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: 'move-line' }));
  }
  root.append(lines);
  const max = Math.max(1, ...placed.map((f) => f.shortage || 0));
  const dots = svg('g', { class: 'facilities' });
  for (const f of placed) {
    const [cx, cy] = at.get(f.facilityId);
    const r = f.kind === 'RSUD' || f.kind === 'RS' ? 8 : f.kind && f.kind.startsWith('PUSK') ? 6 : 4.5;
    const dot = svg('circle', { cx, cy, r, fill: shortageColour(f.shortage, max), class: 'facility-dot', tabindex: 0,
      'data-facility': f.facilityId, role: 'button', 'aria-label': `${f.name}: ${f.shortage}` }, [title2(`${f.name} (${f.district}) — ${f.shortage}`)]);
    dot.addEventListener('click', () => onPick && onPick(f.facilityId));
    dot.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick && onPick(f.facilityId); } });
    dots.append(dot);
  }
  root.append(dots);
  return root;
}
