// Small SVG charts and the map, drawn from data (no library, no tile server).
import { num } from './i18n.js';

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
    text.textContent = num(Math.round(v));
    root.append(text);
  }
  const tx = svg('text', { x: width - pad.r, y: height - 8, 'text-anchor': 'end', class: 'tick' });
  tx.textContent = num(Math.round(maxT * 10) / 10) + ' s';
  root.append(tx);
  const d = points.map((p, i) => (i ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(p.value).toFixed(1)).join(' ');
  root.append(svg('path', { d, class: 'line' }));
  for (const p of points) root.append(svg('circle', { cx: x(p.t), cy: y(p.value), r: 2.5, class: 'dot' }));
  return root;
}

/** Grouped horizontal bars: rows [{ label, a, b }] (before, after). */
export function barChart(rows, { labels = ['a', 'b'], title = '' } = {}) {
  const rowH = 26, width = 600, left = 150, right = 110; // right: room for the widest "3.465 → 2.881"
  const height = rows.length * rowH + 30;
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart bars', role: 'img', 'aria-label': title, 'data-testid': 'district-bars' });
  rows.forEach((r, i) => {
    const y0 = i * rowH + 4;
    const name = svg('text', { x: left - 8, y: y0 + 15, 'text-anchor': 'end', class: 'tick' });
    name.textContent = r.label;
    root.append(name);
    const w = (v) => (v / max) * (width - left - right);
    root.append(svg('rect', { x: left, y: y0, width: w(r.a), height: 10, class: 'bar-before' }, [title2(labels[0] + ': ' + num(r.a))]));
    root.append(svg('rect', { x: left, y: y0 + 11, width: w(r.b), height: 10, class: 'bar-after' }, [title2(labels[1] + ': ' + num(r.b))]));
    const v = svg('text', { x: left + w(Math.max(r.a, r.b)) + 6, y: y0 + 15, class: 'tick' });
    v.textContent = num(r.a) + ' → ' + num(r.b);
    root.append(v);
  });
  const ly = rows.length * rowH + 18;
  root.append(svg('rect', { x: left, y: ly - 9, width: 12, height: 10, class: 'bar-before' }));
  const l1 = svg('text', { x: left + 16, y: ly, class: 'tick' }); l1.textContent = labels[0]; root.append(l1);
  // The second swatch after the first label (about 6.5 px a character at 11 px), never on it.
  const second = left + 16 + Math.ceil(labels[0].length * 6.5) + 18;
  root.append(svg('rect', { x: second, y: ly - 9, width: 12, height: 10, class: 'bar-after' }));
  const l2 = svg('text', { x: second + 16, y: ly, class: 'tick' }); l2.textContent = labels[1]; root.append(l2);
  return root;
}

function title2(text) { const el = svg('title'); el.textContent = text; return el; }
