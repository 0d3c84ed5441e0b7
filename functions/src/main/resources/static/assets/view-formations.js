// The formations tab: every formation or every district, filtered, sorted, with the shortage chart.
import { barChart } from './charts.js';
import { clear, field, h, select } from './dom.js';
import { job, jobName } from './format.js';
import { num, t } from './i18n.js';
import { pagedTable } from './paging.js';
import { openDetail } from './router.js';

function sortable(columns, rows, onSort) {
  return columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '' },
    c.key ? h('button', { type: 'button', class: 'sort', 'data-sort': c.key, onclick: () => onSort(c.key) }, c.head) : c.head));
}

export async function formationsTab(body, plan, doc) {
  const state = { job: '', sector: '', district: '', facility: '', sort: 'missingAfter', desc: true, level: 'facility' };
  const jobs = [...new Set(doc.formations.map((f) => f.job))].sort();
  const sectors = [...new Set(doc.formations.map((f) => f.sector))].sort();
  const districts = [...new Set(doc.formations.map((f) => f.district))].sort();
  // Kekurangan counts people; the priority-weighted figure says so in its head and tooltip.
  const weightedHead = () => h('span', { title: t('weightedHint') }, t('shortageAfter'));
  const counts = [
    ...['before', 'after', 'minimum', 'cap'].map((key) => ({ key, head: t(key), num: true, cell: (f) => num(f[key]) })),
    { key: 'missingBefore', head: h('span', { title: t('missingHint') }, t('missingBefore')), num: true, cell: (f) => num(f.missingBefore) },
    { key: 'missingAfter', head: h('span', { title: t('missingHint') }, t('missingAfter')), num: true, cell: (f) => h('span', { class: f.missingAfter ? 'bad' : 'good' }, num(f.missingAfter)) },
  ];
  const district = { key: 'district', head: t('district'), cell: (f) => f.district };
  const columns = [
    { key: 'facilityName', head: t('facility'), cell: (f) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { facilityId: f.facilityId }); } }, f.facilityName) },
    district,
    { key: 'sector', head: t('sector'), cell: (f) => t(f.sector) },
    { key: 'job', head: t('job'), cell: (f) => job(doc, f.job) },
    ...counts,
    { key: 'shortageAfter', head: weightedHead(), num: true, cell: (f) => num(f.shortageAfter) },
  ];
  const districtColumns = [district, ...counts,
    { key: 'shortageAfter', head: weightedHead(), num: true, cell: (f) => num(f.shortageAfter) }];
  const filtered = () => doc.formations.filter((f) => (!state.job || f.job === state.job) && (!state.sector || f.sector === state.sector)
    && (!state.district || f.district === state.district)
    && (!state.facility || (f.facilityName + ' ' + f.facilityId).toLowerCase().includes(state.facility.toLowerCase())));
  const perDistrict = (list) => {
    const m = new Map();
    for (const f of list) {
      const d = m.get(f.district) || { district: f.district, before: 0, after: 0, minimum: 0, cap: 0, missingBefore: 0, missingAfter: 0, shortageAfter: 0 };
      for (const k of ['before', 'after', 'minimum', 'cap', 'missingBefore', 'missingAfter', 'shortageAfter']) d[k] += f[k];
      m.set(f.district, d);
    }
    return [...m.values()];
  };
  const sortRows = (list) => [...list].sort((a, b) => {
    const x = a[state.sort], y = b[state.sort];
    const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return state.desc ? -c : c;
  });
  const tableBox = h('div', {});
  const chartBox = h('div', { class: 'chart-box' });
  function redraw() {
    const list = filtered();
    const cols = state.level === 'district' ? districtColumns : columns;
    const rows = sortRows(state.level === 'district' ? perDistrict(list) : list);
    const table = pagedTable({ columns: cols, rows, testid: 'formations' });
    const thead = table.el.querySelector('thead tr');
    clear(thead).append(...sortable(cols, rows, (key) => { state.desc = state.sort === key ? !state.desc : true; state.sort = key; redraw(); }));
    clear(tableBox).append(table.el);
    clear(chartBox).append(barChart(perDistrict(list).sort((a, b) => a.district.localeCompare(b.district)).map((d) => ({ label: d.district, a: d.missingBefore, b: d.missingAfter })),
      { labels: [t('missingBefore'), t('missingAfter')], title: t('perDistrict') }));
  }
  const level = h('select', { 'data-testid': 'formations-level', onchange: (e) => { state.level = e.target.value; redraw(); } },
    h('option', { value: 'facility' }, t('perFacility')), h('option', { value: 'district' }, t('perDistrict')));
  body.append(h('section', { class: 'card' },
    h('div', { class: 'filters' },
      field(t('job'), select('job', jobs, '', (v) => { state.job = v; redraw(); }, 'filter-job', (c) => jobName(doc, c))),
      field(t('sector'), select('sector', sectors, '', (v) => { state.sector = v; redraw(); }, 'filter-sector', t)),
      field(t('district'), select('district', districts, '', (v) => { state.district = v; redraw(); }, 'filter-district')),
      field(t('facility'), h('input', { type: 'search', 'data-testid': 'filter-facility', oninput: (e) => { state.facility = e.target.value; redraw(); } })),
      field(t('formations'), level)),
    h('details', { open: true, class: 'district-chart' }, h('summary', {}, t('perDistrict') + ': ' + t('missingBefore') + ' / ' + t('missingAfter')), chartBox),
    tableBox));
  redraw();
}
