// The detail tab: a facility, or a person with why they are placed there and the what-if.
import { ApiError, get } from './api.js';
import { append, clear, h } from './dom.js';
import { facilityCard } from './facility-card.js';
import { job, jobName, signed } from './format.js';
import { day, num, said, t, tr } from './i18n.js';
import { placementsOf } from './plan-data.js';
import { detailTarget } from './router.js';

export async function detailTab(body, plan, doc) {
  const input = h('input', { type: 'search', 'data-testid': 'detail-query', 'aria-label': t('person') + ' / ' + t('facility'), placeholder: `${t('person')} / ${t('facility')}`,
    value: detailTarget.staffId || detailTarget.facilityId || '' });
  const out = h('div', { 'data-testid': 'detail' });
  const show = async () => {
    const q = input.value.trim();
    clear(out);
    if (!q) return;
    if (doc.names.has(q)) { out.append(h('section', { class: 'card' }, h('h2', {}, t('facilityDetail')), facilityCard(plan, doc, q))); return; }
    const byName = [...doc.names.entries()].find(([, name]) => name && name.toLowerCase() === q.toLowerCase());
    if (byName) { out.append(h('section', { class: 'card' }, h('h2', {}, t('facilityDetail')), facilityCard(plan, doc, byName[0]))); return; }
    const byPerson = [...doc.people.entries()].find(([, name]) => name && name.toLowerCase() === q.toLowerCase());
    out.append(await personCard(plan, doc, byPerson ? byPerson[0] : q));
  };
  body.append(h('section', { class: 'card' }, h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); show(); } }, input,
    h('button', { type: 'submit', 'data-testid': 'detail-show' }, t('lookUp')))), out);
  await show();
}

async function personCard(plan, doc, staffId) {
  const placements = await placementsOf(plan.planId, doc);
  const placement = placements.find((p) => p.staffId === staffId);
  const leaving = doc.leaving.find((l) => l.staffId === staffId);
  const move = doc.moves.find((m) => m.staffId === staffId);
  const card = h('section', { class: 'card', 'data-testid': 'person-card', 'data-staff': staffId }, h('h2', {}, `${t('personDetail')}: `, doc.people.get(staffId) ? `${doc.people.get(staffId)} · ${staffId}` : staffId));
  if (leaving) { card.append(h('p', { 'data-testid': 'person-leaving' }, `${t(leaving.reason)} · ${day(leaving.date)} · ${tr(leaving.explanation)}`)); return card; }
  if (!placement) { card.append(h('p', { class: 'error' }, t('notFound'))); return card; }
  card.append(h('p', {}, `${doc.names.get(placement.facilityId) || placement.facilityId} (${placement.facilityId}) · `, job(doc, placement.job),
    placement.pinned ? ' · ' + t('pinned') : ''));
  card.append(h('h3', {}, t('whyHere')), h('p', { class: 'reason', 'data-testid': 'person-reason' }, move ? tr(move.reason) : t('stays')));
  // What if: the same job at another facility.
  const options = doc.formations.filter((f) => f.job === placement.job && f.facilityId !== placement.facilityId)
    .sort((a, b) => b.missingAfter - a.missingAfter || b.shortageAfter - a.shortageAfter);
  const target = h('select', { 'data-testid': 'whatif-target', 'aria-label': t('facility') },
    options.map((f) => h('option', { value: f.facilityId }, `${f.facilityName} (${f.district}) · ${t('missingAfter')} ${num(f.missingAfter)}`)));
  const result = h('div', { 'data-testid': 'whatif-result', 'aria-live': 'polite' });
  const run = async () => {
    clear(result).append(h('p', { class: 'muted' }, t('solving')));
    try {
      const w = await get(`/plans/${plan.planId}/whatif?staffId=${encodeURIComponent(staffId)}&facilityId=${encodeURIComponent(target.value)}&job=${encodeURIComponent(placement.job)}`);
      const lv = (l) => `${t('hard')} ${signed(l.hard)} · ${t('shortage')} ${signed(l.shortage)} · ${t('disruption')} ${signed(l.disruption)}`;
      clear(result).append(
        h('p', { 'data-testid': 'whatif-summary' }, tr(w.summary)),
        h('p', {}, h('strong', {}, t('direct') + ': '), lv(w.directChange)),
        h('table', { class: 'grid small' }, h('thead', {}, h('tr', {}, [t('facility'), t('job'), t('inThisPlan'), t('withPin'), t('minimum'), t('cap'), t('shortage') + ' · ' + t('inThisPlan'), t('shortage') + ' · ' + t('withPin')].map((c) => h('th', {}, c)))),
          h('tbody', {}, w.formations.map((f) => h('tr', {}, h('td', {}, doc.names.get(f.facilityId) || f.facilityId), h('td', {}, jobName(doc, f.job)),
            h('td', { class: 'num' }, num(f.placed)), h('td', { class: 'num' }, num(f.placedAfter)), h('td', { class: 'num' }, num(f.minimum)), h('td', { class: 'num' }, num(f.cap)),
            h('td', { class: 'num' }, num(f.shortage)), h('td', { class: 'num' }, num(f.shortageAfter)))))),
        h('p', {}, h('strong', {}, t('best') + ': '), lv(w.reoptimized.change), ``));
    } catch (e) {
      clear(result).append(h('p', { class: 'error' }, e instanceof ApiError ? e.details.map(said).join('; ') || e.message : String(e)));
    }
  };
  append(card, h('h3', {}, t('whatIf')), placement.pinned && !plan.pins.some((p) => p.staffId === staffId) ? h('p', { class: 'muted' }, t('pinned')) : null,
    h('div', { class: 'row wrap' }, target, h('button', { type: 'button', 'data-testid': 'whatif-run', onclick: run, disabled: !options.length }, t('compute'))), result);
  return card;
}
