// The summary tab: headline figures, the map with its facility card, the explanation.
import { lineChart } from './charts.js';
import { append, clear, field, h, select } from './dom.js';
import { facilityCard } from './facility-card.js';
import { headline } from './headline.js';
import { t, tr } from './i18n.js';
import { planMap, STEPS, stepEdges, stepLabels } from './map.js';
import { progressSeries } from './plan-data.js';

export async function summaryTab(body, plan, doc) {
  const shortageAt = new Map();
  for (const f of doc.formations) shortageAt.set(f.facilityId, (shortageAt.get(f.facilityId) || 0) + f.missingAfter);
  const facilities = doc.facilities.map((f) => ({ ...f, shortage: shortageAt.get(f.facilityId) || 0 }));
  const legend = h('div', { class: 'legend', 'data-testid': 'legend' });
  const key = h('div', { class: 'map-key' }, h('p', { class: 'muted' }, t('legendSteps')), legend,
    h('p', { class: 'muted' }, t('mapArrows') + ' ' + t('mapApprox')));
  const info = h('div', { class: 'map-info', 'data-testid': 'map-info', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('mapHint')));
  const pick = (fid) => { clear(info).append(facilityCard(plan, doc, fid)); };
  // Filters of the moves drawn: by job, by district (then also per facility).
  const filter = { job: '', district: '' };
  const jobs = [...new Set(doc.moves.map((m) => m.job))].sort();
  const districts = [...new Set(facilities.map((f) => f.district).filter(Boolean))].sort();
  const box = h('div', { class: 'map-box' });
  const draw = () => {
    const moves = doc.moves.filter((m) => (!filter.job || m.job === filter.job)
      && (!filter.district || doc.districtOf.get(m.from) === filter.district || doc.districtOf.get(m.to) === filter.district));
    const map = planMap(facilities, moves, { onPick: pick, focus: filter.district, label: t('mapTab') });
    clear(box).append(map);
    const labels = stepLabels(map.edges || stepEdges(0));
    clear(legend).append(...STEPS.map((c, i) => h('span', { class: 'legend-step' }, h('span', { class: 'swatch', style: `background:${c}` }), h('span', {}, labels[i]))));
  };
  const filters = h('div', { class: 'filters' },
    field(t('job'), select('job', jobs, '', (v) => { filter.job = v; draw(); }, 'map-job', (j) => doc.jobNames?.get(j) || j)),
    field(t('district'), select('district', districts, '', (v) => { filter.district = v; draw(); }, 'map-district')));
  draw();
  const series = progressSeries.get(plan.planId);
  append(body, 
    h('section', { class: 'card' }, headline(doc, plan)),
    h('section', { class: 'card map-card' }, h('h2', {}, t('mapTab')),
      h('div', { class: 'row wrap map-top' }, filters, key), h('div', { class: 'map-layout' }, box, info)),
    series && series.length ? h('section', { class: 'card' }, h('h2', {}, t('progress')), lineChart(series, { label: t('progressHint') })) : null,
    h('section', { class: 'card' }, h('h2', {}, t('explanation')), h('p', { 'data-testid': 'explanation-summary' }, tr(doc.explanation.summary))));
}
