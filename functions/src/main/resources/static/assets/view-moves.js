// The moves tab: who moves where and why, filtered, each with its pin.
import { field, h, select } from './dom.js';
import { job, jobName, who } from './format.js';
import { t, tr } from './i18n.js';
import { togglePin } from './plan-actions.js';
import { pagedTable } from './paging.js';
import { openDetail } from './router.js';

export async function movesTab(body, plan, doc) {
  const state = { job: '', district: '', facility: '', person: '' };
  const jobs = [...new Set(doc.moves.map((m) => m.job))].sort();
  const districts = [...new Set(doc.formations.map((f) => f.district))].sort();
  const pinned = new Map(plan.pins.map((p) => [p.staffId, p]));
  // Only a SOLVED plan takes pins: the API refuses the others (a stale one with 409).
  const decided = plan.status !== 'SOLVED';
  const columns = [
    { head: t('person'), cell: (m) => h('a', { href: '#', 'data-testid': 'move-person', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { staffId: m.staffId }); } }, who(doc, m.staffId)) },
    { head: t('from'), cell: (m) => `${doc.names.get(m.from) || m.from}` },
    { head: t('to'), cell: (m) => `${doc.names.get(m.to) || m.to}` },
    { head: t('job'), cell: (m) => [job(doc, m.job), m.fromJob !== m.job ? ` (${jobName(doc, m.fromJob)})` : ''] },
    { head: t('km'), num: true, cell: (m) => m.km },
    { head: t('reason'), cell: (m) => h('span', { class: 'reason' }, tr(m.reason)) },
    { head: t('pin'), cell: (m) => {
      const isPinned = pinned.has(m.staffId);
      return h('button', { type: 'button', class: isPinned ? 'pinned' : '', disabled: decided, 'aria-pressed': isPinned ? 'true' : 'false', 'data-testid': 'pin',
        onclick: () => togglePin(plan, { staffId: m.staffId, facilityId: m.to, job: m.job }) }, isPinned ? t('unpin') : t('pin'));
    } },
  ];
  const filtered = () => doc.moves.filter((m) => (!state.job || m.job === state.job)
    && (!state.district || doc.districtOf.get(m.to) === state.district || doc.districtOf.get(m.from) === state.district)
    && (!state.facility || [m.from, m.to, doc.names.get(m.from), doc.names.get(m.to)].some((s) => s && s.toLowerCase().includes(state.facility.toLowerCase())))
    && (!state.person || m.staffId.includes(state.person.trim())
      || (doc.people.get(m.staffId) || '').toLowerCase().includes(state.person.trim().toLowerCase())));
  const table = pagedTable({ columns, rows: filtered(), testid: 'moves', rowKey: (m) => m.staffId });
  const redraw = () => table.set(filtered());
  body.append(h('section', { class: 'card' },
    h('div', { class: 'filters' },
      field(t('job'), select('job', jobs, '', (v) => { state.job = v; redraw(); }, 'moves-job', (c) => jobName(doc, c))),
      field(t('district'), select('district', districts, '', (v) => { state.district = v; redraw(); }, 'moves-district')),
      field(t('facility'), h('input', { type: 'search', 'data-testid': 'moves-facility', oninput: (e) => { state.facility = e.target.value; redraw(); } })),
      field(t('person'), h('input', { type: 'search', 'data-testid': 'moves-person', oninput: (e) => { state.person = e.target.value; redraw(); } }))),
    table.el));
}
