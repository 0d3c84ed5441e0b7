// The map of a plan: approximate district areas, facilities coloured by remaining shortage in steps that
// read with colour-vision deficiency, and the moves bundled per district pair as arrows.
import { svg } from './charts.js';
import { num, t } from './i18n.js';

/** Viridis in five steps, light (met) to dark (most short): distinct in lightness, so also without hue. */
export const STEPS = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];

/** The step edges for a largest shortage: 0 | 1..a | a+1..b | b+1..c | c+1..max. */
export function stepEdges(max) {
  const m = Math.max(4, max);
  return [0, Math.ceil(m / 8), Math.ceil(m / 4), Math.ceil(m / 2), m];
}
export function stepOf(value, edges) {
  if (!value) return 0;
  for (let i = 1; i < edges.length; i++) if (value <= edges[i]) return i;
  return edges.length - 1;
}
/** The legend's ranges: "0 (met)", "1–5", … */
export function stepLabels(edges) {
  return edges.map((e, i) => (i === 0 ? `0 (${t('met')})` : `${num(edges[i - 1] + 1)}–${num(e)}`));
}

function hull(points) {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower = [], upper = [];
  for (const q of p) { while (lower.length >= 2 && cross(lower.at(-2), lower.at(-1), q) <= 0) lower.pop(); lower.push(q); }
  for (const q of p.reverse()) { while (upper.length >= 2 && cross(upper.at(-2), upper.at(-1), q) <= 0) upper.pop(); upper.push(q); }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}
const centroid = (pts) => [pts.reduce((s, q) => s + q[0], 0) / pts.length, pts.reduce((s, q) => s + q[1], 0) / pts.length];

/** A hull grown outward by {@code pad} px around its centre, as a path; a round area for one or two points. */
function areaPath(points, pad) {
  const c = centroid(points);
  const hp = hull(points);
  if (hp.length < 3) {
    const r = pad + Math.max(...points.map((q) => Math.hypot(q[0] - c[0], q[1] - c[1])));
    return `M ${c[0] - r} ${c[1]} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
  }
  const grown = hp.map((q) => { const d = Math.hypot(q[0] - c[0], q[1] - c[1]) || 1; return [q[0] + ((q[0] - c[0]) / d) * pad, q[1] + ((q[1] - c[1]) / d) * pad]; });
  return 'M ' + grown.map((q) => q[0].toFixed(1) + ' ' + q[1].toFixed(1)).join(' L ') + ' Z';
}

/** A curved arrow from a to b, bent to its left so the two directions of a pair stay apart. */
function arrow(a, b, width, cls, title) {
  const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy) || 1;
  const bend = Math.min(40, len / 5);
  const mx = (a[0] + b[0]) / 2 - (dy / len) * bend, my = (a[1] + b[1]) / 2 + (dx / len) * bend;
  const path = svg('path', { d: `M ${a[0].toFixed(1)} ${a[1].toFixed(1)} Q ${mx.toFixed(1)} ${my.toFixed(1)} ${b[0].toFixed(1)} ${b[1].toFixed(1)}`,
    class: cls, 'stroke-width': width.toFixed(1), 'marker-end': 'url(#arrowhead)' });
  const tip = svg('title'); tip.textContent = title; path.append(tip);
  return { path, mid: [(a[0] + 2 * mx + b[0]) / 4, (a[1] + 2 * my + b[1]) / 4] };
}

/**
 * facilities: [{ facilityId, name, district, lat, lon, kind, shortage }]; moves: [{ from, to, job }] already
 * filtered; focus: a district whose moves are also drawn per facility, or ''.
 */
export function planMap(facilities, moves, { onPick, focus = '', width = 640, height = 560, label = '' } = {}) {
  const placed = facilities.filter((f) => f.lat != null && f.lon != null);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'group', 'aria-label': label, 'data-testid': 'map' });
  if (!placed.length) return root;
  root.append(svg('defs', {}, [svg('marker', { id: 'arrowhead', viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' },
    [svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' })])]));
  const lats = placed.map((f) => f.lat), lons = placed.map((f) => f.lon);
  const [la0, la1, lo0, lo1] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const kx = Math.cos(((la0 + la1) / 2) * Math.PI / 180);
  const spanX = Math.max(1e-6, (lo1 - lo0) * kx), spanY = Math.max(1e-6, la1 - la0);
  const s = Math.min((width - 60) / spanX, (height - 60) / spanY);
  const ox = (width - spanX * s) / 2, oy = (height - spanY * s) / 2;
  const at = new Map(), district = new Map(), byDistrict = new Map();
  for (const f of placed) {
    const p = [ox + (f.lon - lo0) * kx * s, oy + (la1 - f.lat) * s];
    at.set(f.facilityId, p); district.set(f.facilityId, f.district);
    if (!byDistrict.has(f.district)) byDistrict.set(f.district, []);
    byDistrict.get(f.district).push(p);
  }
  const centre = new Map([...byDistrict].map(([d, pts]) => [d, centroid(pts)]));

  const areas = svg('g', { class: 'districts' });
  const names = svg('g', { class: 'district-names' });
  const within = new Map();
  for (const m of moves) if (district.get(m.from) === district.get(m.to)) within.set(district.get(m.from), (within.get(district.get(m.from)) || 0) + 1);
  [...byDistrict.keys()].sort().forEach((d, i) => {
    areas.append(svg('path', { d: areaPath(byDistrict.get(d), 14), class: 'district-area' + (d === focus ? ' focus' : ''), 'data-district': d,
      style: `fill: hsl(${(i * 67) % 360} 25% 88%)` }));
    const [cx, cy] = centre.get(d);
    const name = svg('text', { x: cx, y: cy - 6, 'text-anchor': 'middle', class: 'district-name', 'data-testid': 'district-name' });
    name.textContent = d;
    names.append(name);
    if (within.get(d)) {
      const n = svg('text', { x: cx, y: cy + 9, 'text-anchor': 'middle', class: 'district-within' });
      n.textContent = `${num(within.get(d))} ${t('withinDistrict')}`;
      names.append(n);
    }
  });
  root.append(areas);

  // Moves between districts, one arrow per ordered pair, as thick as its count.
  const pairs = new Map();
  for (const m of moves) {
    const a = district.get(m.from), b = district.get(m.to);
    if (a == null || b == null || a === b) continue;
    pairs.set(a + '\u0000' + b, (pairs.get(a + '\u0000' + b) || 0) + 1);
  }
  const most = Math.max(1, ...pairs.values());
  const bundles = svg('g', { class: 'bundles' });
  for (const [key, count] of pairs) {
    const [a, b] = key.split('\u0000');
    const { path, mid } = arrow(centre.get(a), centre.get(b), 1.5 + 8 * (count / most), 'bundle', `${a} → ${b}: ${num(count)}`);
    path.setAttribute('data-pair', `${a}>${b}`); path.setAttribute('data-count', count);
    bundles.append(path);
    const n = svg('text', { x: mid[0], y: mid[1], 'text-anchor': 'middle', class: 'bundle-count' });
    n.textContent = num(count);
    bundles.append(n);
  }
  if (focus) {
    for (const m of moves) {
      const a = at.get(m.from), b = at.get(m.to);
      if (a && b && (district.get(m.from) === focus || district.get(m.to) === focus)) bundles.append(arrow(a, b, 1, 'move-arrow', `${m.staffId || ''} ${m.job || ''}`).path);
    }
  }
  root.append(bundles);

  const edges = stepEdges(Math.max(0, ...placed.map((f) => f.shortage || 0)));
  const dots = svg('g', { class: 'facilities' });
  const hover = svg('text', { class: 'hover-label', 'data-testid': 'hover-label', x: 0, y: 0, visibility: 'hidden' });
  for (const f of placed) {
    const [cx, cy] = at.get(f.facilityId);
    const r = f.kind === 'RSUD' || f.kind === 'RS' ? 8 : f.kind && f.kind.startsWith('PUSK') ? 6 : 4.5;
    const step = stepOf(f.shortage, edges);
    const dot = svg('circle', { cx, cy, r, fill: STEPS[step], class: 'facility-dot', tabindex: 0, 'data-step': step,
      'data-facility': f.facilityId, role: 'button', 'aria-label': `${f.name}: ${f.shortage}` });
    const showName = () => {
      hover.textContent = `${f.name} · ${num(f.shortage)}`;
      hover.setAttribute('x', Math.min(width - 4, Math.max(4, cx)));
      hover.setAttribute('y', Math.max(14, cy - r - 6));
      hover.setAttribute('text-anchor', cx > width * 0.7 ? 'end' : cx < width * 0.3 ? 'start' : 'middle');
      hover.setAttribute('visibility', 'visible');
    };
    dot.addEventListener('mouseenter', showName); dot.addEventListener('focus', showName);
    dot.addEventListener('mouseleave', () => hover.setAttribute('visibility', 'hidden'));
    dot.addEventListener('click', () => onPick && onPick(f.facilityId));
    dot.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick && onPick(f.facilityId); } });
    dots.append(dot);
  }
  root.append(dots, names, hover);
  root.edges = edges;
  return root;
}
