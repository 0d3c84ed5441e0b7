// The summary tab: headline figures, the map with its facility card, the explanation.
import { lineChart, mapView } from './charts.js';
import { append, clear, h } from './dom.js';
import { facilityCard } from './facility-card.js';
import { headline } from './headline.js';
import { t, tr } from './i18n.js';
import { progressSeries } from './plan-data.js';

export async function summaryTab(body, plan, doc) {
  const shortageAt = new Map();
  for (const f of doc.formations) shortageAt.set(f.facilityId, (shortageAt.get(f.facilityId) || 0) + f.shortageAfter);
  const facilities = doc.facilities.map((f) => ({ ...f, shortage: shortageAt.get(f.facilityId) || 0 }));
  const info = h('div', { class: 'map-info', 'data-testid': 'map-info', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, t('legendShortage')),
    h('div', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'swatch', style: 'background:#2e8b57' }), '0',
      h('span', { class: 'swatch ramp' }), t('shortage') + ' ↑'),
    h('p', { class: 'muted' }, t('mapHint')));
  const pick = (fid) => { clear(info).append(facilityCard(plan, doc, fid)); };
  const series = progressSeries.get(plan.planId);
  append(body, 
    h('section', { class: 'card' }, headline(doc, plan)),
    h('section', { class: 'card map-card' }, h('h2', {}, t('mapTab')),
      h('div', { class: 'map-layout' }, h('div', { class: 'map-box' }, mapView(facilities, doc.moves, { onPick: pick, label: t('mapTab') })), info)),
    series && series.length ? h('section', { class: 'card' }, h('h2', {}, t('progress')), lineChart(series, { label: t('progressHint') })) : null,
    h('section', { class: 'card' }, h('h2', {}, t('explanation')), h('p', { 'data-testid': 'explanation-summary' }, tr(doc.explanation.summary))));
}
