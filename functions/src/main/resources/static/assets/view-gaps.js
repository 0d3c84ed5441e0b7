// The gaps tab: formations left unfilled, surplus, and hard violations, each with its reason.
import { h } from './dom.js';
import { job, who } from './format.js';
import { num, t, tr } from './i18n.js';
import { pagedTable } from './paging.js';
import { openDetail } from './router.js';

export async function gapsTab(body, plan, doc) {
  const e = doc.explanation;
  const fac = (x) => h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); openDetail(plan.planId, { facilityId: x.facilityId }); } }, doc.names.get(x.facilityId) || x.facilityId);
  body.append(
    h('section', { class: 'card' }, h('h2', {}, t('unfilled')), pagedTable({ testid: 'unfilled', rows: [...(e.unfilled || [])].sort((a, b) => b.priority * b.missing - a.priority * a.missing), columns: [
      { head: t('facility'), cell: fac }, { head: t('job'), cell: (x) => job(doc, x.job) }, { head: t('missing'), num: true, cell: (x) => num(x.missing) },
      { head: t('priority'), num: true, cell: (x) => num(x.priority) }, { head: t('reason'), cell: (x) => h('span', { class: 'reason' }, tr(x.reason)) }] }).el),
    h('section', { class: 'card' }, h('h2', {}, t('surplus')), pagedTable({ testid: 'surplus', rows: e.surplus || [], columns: [
      { head: t('facility'), cell: fac }, { head: t('job'), cell: (x) => job(doc, x.job) }, { head: t('excess'), num: true, cell: (x) => num(x.excess) },
      { head: t('reason'), cell: (x) => h('span', { class: 'reason' }, tr(x.reason)) }] }).el),
    h('section', { class: 'card' }, h('h2', {}, t('violations')), pagedTable({ testid: 'violations', rows: e.violations || [], columns: [
      { head: t('kind'), cell: (x) => t(x.kind) }, { head: t('facility'), cell: (x) => x.facilityId ? fac(x) : '' },
      { head: t('person'), cell: (x) => x.staffId ? who(doc, x.staffId) : '' }, { head: t('reason'), cell: (x) => tr(x.reason) }] }).el));
}
