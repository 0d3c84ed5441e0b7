// Little DOM helpers: build elements, clear them, form fields, the banner.
import { t } from './i18n.js';

export const main = document.getElementById('main');
const banner = document.getElementById('banner');

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
/** Element.append without the nulls of optional parts. */
export const append = (el, ...children) => el.append(...children.flat().filter((c) => c != null && c !== false));
export const clear = (el) => { while (el.firstChild) el.firstChild.remove(); return el; };

export function showBanner(message, kind = 'info', action) {
  clear(banner);
  banner.className = 'banner ' + kind;
  banner.append(h('span', { 'data-testid': 'banner-text' }, message));
  if (action) banner.append(' ', h('button', { type: 'button', onclick: action.run, 'data-testid': 'banner-action' }, action.label));
  banner.append(' ', h('button', { type: 'button', class: 'link', 'aria-label': 'x', onclick: hideBanner }, '×'));
  banner.hidden = false;
}
export function hideBanner() { banner.hidden = true; clear(banner); }

export function select(name, options, value, onchange, testid, label = (o) => o) {
  const el = h('select', { name, 'data-testid': testid, onchange: (e) => onchange(e.target.value) },
    h('option', { value: '' }, t('all')), options.map((o) => h('option', { value: o, selected: o === value }, label(o))));
  return el;
}

export function field(label, control, error) {
  return h('label', { class: 'field' }, h('span', {}, label), control, error || null);
}
