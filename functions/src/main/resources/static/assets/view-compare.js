// Two plans side by side: their figures and the placements that differ.
import { get } from './api.js';
import { clear, h, main } from './dom.js';
import { jobName, signed, who } from './format.js';
import { num, t } from './i18n.js';
import { pagedTable } from './paging.js';
import { loadDocument } from './plan-data.js';
import { stale, token } from './router.js';

export async function compareView(a, b) {
  const mine = token();
  document.title = 'Formasi — ' + t('compare');
  const [diff, pa, pb] = await Promise.all([get(`/plans/${a}/diff/${b}`), get('/plans/' + a), get('/plans/' + b)]);
  const [da, db] = await Promise.all([loadDocument(pa), loadDocument(pb)]);
  const sum = (list, key) => list.reduce((s, x) => s + (x[key] || 0), 0);
  const fig = (p, d) => ({ hard: p.score.hard, shortage: p.score.shortage, disruption: p.score.disruption, moves: d.moves.length,
    km: sum(d.moves, 'km'), leaving: d.leaving.length, pins: p.pins.length });
  const fa = fig(pa, da), fb = fig(pb, db);
  const missing = (d) => sum(d.formations, 'missingAfter');
  fa.missing = missing(da); fb.missing = missing(db);
  const labels = { hard: t('hardViolations'), missing: t('missingAfter'), shortage: t('shortageAfter'), disruption: t('disruption'), moves: t('moves'), km: t('totalKm'), leaving: t('leaving'), pins: t('pins') };
  const names = (id) => da.names.get(id) || db.names.get(id) || id;
  if (stale(mine)) return;
  clear(main).append(
    h('section', { class: 'card' }, h('div', { class: 'row' }, h('h1', {}, t('diffTitle')), h('span', { class: 'spacer' }), h('a', { href: '#/plans' }, '← ' + t('plans'))),
      h('p', { class: 'muted' }, diff.sameSnapshot ? t('sameSnapshot') : t('differentSnapshot')),
      h('table', { class: 'grid', 'data-testid': 'compare-figures' },
        h('thead', {}, h('tr', {}, h('th', {}, t('figures')), h('th', { class: 'num' }, h('a', { href: '#/plans/' + a }, 'A: ' + a)), h('th', { class: 'num' }, h('a', { href: '#/plans/' + b }, 'B: ' + b)), h('th', { class: 'num' }, 'B − A'))),
        h('tbody', {}, h('tr', {}, h('td', {}, t('status')), h('td', { class: 'num' }, t(pa.status)), h('td', { class: 'num' }, t(pb.status)), h('td', {})),
          Object.keys(labels).map((k) => h('tr', { 'data-figure': k }, h('td', {}, labels[k]), h('td', { class: 'num' }, num(fa[k])), h('td', { class: 'num' }, num(fb[k])), h('td', { class: 'num' }, signed(fb[k] - fa[k]))))))),
    h('section', { class: 'card' }, h('h2', {}, `${t('changedPlacements')}: `, h('span', { 'data-testid': 'changed-count' }, num(diff.changedCount))),
      pagedTable({ testid: 'diff', rows: diff.changed, columns: [
        { head: t('person'), cell: (c) => who(da.people.size ? da : db, c.staffId) },
        { head: 'A', cell: (c) => `${names(c.a.facilityId)} · ${jobName(da, c.a.job)}` },
        { head: 'B', cell: (c) => `${names(c.b.facilityId)} · ${jobName(db, c.b.job)}` }] }).el,
      diff.onlyInA.length ? h('p', {}, `${t('onlyIn')} A: ${diff.onlyInA.join(', ')}`) : null,
      diff.onlyInB.length ? h('p', {}, `${t('onlyIn')} B: ${diff.onlyInB.join(', ')}`) : null));
}
