// One facility of a plan: its formations, who moves in and out, what stays unfilled or in surplus.
import { h } from './dom.js';
import { job, jobName, who } from './format.js';
import { num, t, tr } from './i18n.js';
import { openDetail } from './router.js';

export function facilityCard(plan, doc, fid) {
  const rows = doc.formations.filter((f) => f.facilityId === fid);
  const inn = doc.moves.filter((m) => m.to === fid), out = doc.moves.filter((m) => m.from === fid);
  const unf = (doc.explanation.unfilled || []).filter((u) => u.facilityId === fid);
  const sur = (doc.explanation.surplus || []).filter((u) => u.facilityId === fid);
  const personLink = (sid) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { staffId: sid }); } }, who(doc, sid));
  return h('div', { class: 'facility-card', 'data-testid': 'facility-card', 'data-facility': fid },
    h('h3', {}, doc.names.get(fid) || fid), h('p', { class: 'muted' }, `${fid} · ${doc.districtOf.get(fid) || ''}`),
    h('table', { class: 'grid small' }, h('thead', {}, h('tr', {}, [t('job'), t('before'), t('after'), t('minimum'), t('cap')].map((c) => h('th', {}, c)),
        h('th', { title: t('missingHint') }, t('missing')))),
      h('tbody', {}, rows.map((f) => h('tr', {}, h('td', {}, job(doc, f.job)), h('td', { class: 'num' }, num(f.before)), h('td', { class: 'num' }, num(f.after)),
        h('td', { class: 'num' }, num(f.minimum)), h('td', { class: 'num' }, num(f.cap)), h('td', { class: 'num' }, num(f.missingAfter)))))),
    h('p', {}, h('strong', {}, t('movesIn') + ': '), inn.length ? inn.map((m, i) => [i ? ', ' : '', personLink(m.staffId)]) : t('none')),
    h('p', {}, h('strong', {}, t('movesOut') + ': '), out.length ? out.map((m, i) => [i ? ', ' : '', personLink(m.staffId)]) : t('none')),
    unf.map((u) => h('p', { class: 'reason' }, h('strong', {}, `${t('unfilled')} ${jobName(doc, u.job)} (−${num(u.missing)}): `), tr(u.reason))),
    sur.map((u) => h('p', { class: 'reason' }, h('strong', {}, `${t('surplus')} ${jobName(doc, u.job)} (+${num(u.excess)}): `), tr(u.reason))),
    h('p', {}, h('a', { href: '#', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { facilityId: fid }); } }, t('detailTab') + ' →')));
}
