// The leaving tab: who leaves service in the planning period, and why.
import { h } from './dom.js';
import { job, who } from './format.js';
import { day, t, tr } from './i18n.js';
import { pagedTable } from './paging.js';

export async function leavingTab(body, plan, doc) {
  const columns = [
    { head: t('person'), cell: (l) => who(doc, l.staffId) },
    { head: t('facility'), cell: (l) => doc.names.get(l.facilityId) || l.facilityId },
    { head: t('job'), cell: (l) => job(doc, l.job) },
    { head: t('reason'), cell: (l) => t(l.reason) },
    { head: t('date'), cell: (l) => h('time', { datetime: l.date }, day(l.date)) },
    { head: t('explanation'), cell: (l) => tr(l.explanation) },
  ];
  const rows = [...doc.leaving].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  body.append(h('section', { class: 'card' }, h('h2', {}, t('leaving')), pagedTable({ columns, rows, testid: 'leaving' }).el));
}
