// Long lists a page at a time.
import { clear, h } from './dom.js';
import { num, t } from './i18n.js';

const PAGE = 50;

/** A paged table: fixed page size so the layout does not jump; rows built lazily. */
export function pagedTable({ columns, rows, testid, rowKey, empty }) {
  let page = 0;
  const body = h('tbody');
  const info = h('span', { class: 'muted', 'data-testid': testid + '-count' });
  const prev = h('button', { type: 'button', onclick: () => { page--; draw(); }, 'data-testid': testid + '-prev' }, t('prev'));
  const next = h('button', { type: 'button', onclick: () => { page++; draw(); }, 'data-testid': testid + '-next' }, t('next'));
  const table = h('table', { class: 'grid', 'data-testid': testid },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '' }, c.head)))), body);
  function draw() {
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.min(Math.max(0, page), pages - 1);
    clear(body);
    const slice = rows.slice(page * PAGE, page * PAGE + PAGE);
    if (!slice.length) body.append(h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, empty || t('none'))));
    for (const row of slice) {
      body.append(h('tr', { 'data-key': rowKey ? rowKey(row) : null }, columns.map((c) => h('td', { class: c.num ? 'num' : '' }, c.cell(row)))));
    }
    info.textContent = `${num(rows.length)} ${t('rows')} · ${t('page')} ${page + 1}/${pages}`;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  draw();
  return { el: h('div', { class: 'paged' }, h('div', { class: 'scroll' }, table), h('div', { class: 'pager' }, prev, info, next)),
    set(newRows) { rows = newRows; page = 0; draw(); } };
}
