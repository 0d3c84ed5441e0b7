// A solved plan's headline figures and its shortage by sector.
import { h } from './dom.js';
import { num, t, tr } from './i18n.js';

export function headline(doc, plan) {
  const sum = (list, key) => list.reduce((s, x) => s + (x[key] || 0), 0);
  const bySector = {};
  for (const f of doc.formations) {
    const s = (bySector[f.sector] ||= { before: 0, after: 0 });
    s.before += f.missingBefore; s.after += f.missingAfter;
  }
  const opt = doc.explanation.optimum;
  const figures = [
    ['missing-before', t('missingBefore'), num(sum(doc.formations, 'missingBefore'))],
    ['missing-after', t('missingAfter'), num(sum(doc.formations, 'missingAfter'))],
    ['shortage-before', t('shortageBefore'), num(sum(doc.formations, 'shortageBefore'))],
    ['shortage-after', t('shortageAfter'), num(sum(doc.formations, 'shortageAfter'))],
    ['moves', t('moves'), num(doc.moves.length)],
    ['km', t('totalKm'), num(sum(doc.moves, 'km'))],
    ['leaving', t('leaving'), num(doc.leaving.length)],
    ['surplus', t('surplusLeft'), num(sum(doc.explanation.surplus || [], 'excess'))],
    ['hard', t('hardViolations'), num(plan.score ? plan.score.hard : null)],
  ];
  // What the solve took against what it was given (the pending view's bar, once solved).
  if (plan.summary) figures.push(['time', t('solveTime'), `${num(Math.round(plan.summary.timeSpentMillis / 100) / 10)} s ${t('budgetOf')} ${num(plan.budgetSeconds)} s`]);
  if (opt) figures.push(['gap', t('gapOptimum'), opt.optimal ? t('optimal') : `${t('shortage')} +${num(opt.shortageGap)} · ${t('disruption')} +${num(opt.disruptionGap)}`]);
  return h('div', {},
    h('div', { class: 'figures', 'data-testid': 'headline' }, figures.map(([key, label, value]) =>
      h('div', { class: 'figure', 'data-figure': key, title: key.startsWith('shortage') ? t('weightedHint') : key.startsWith('missing') ? t('missingHint') : null }, h('div', { class: 'label' }, label), h('div', { class: 'value', 'data-testid': 'fig-' + key }, value)))),
    opt ? h('p', { class: 'muted', 'data-testid': 'optimum-summary' }, tr(opt.summary)) : null,
    h('table', { class: 'grid small', 'data-testid': 'by-sector' }, h('caption', {}, t('bySector')),
      h('thead', {}, h('tr', {}, h('th', {}, t('sector')), h('th', { class: 'num' }, t('missingBefore')), h('th', { class: 'num' }, t('missingAfter')))),
      h('tbody', {}, Object.entries(bySector).map(([s, v]) => h('tr', { 'data-sector': s }, h('td', {}, t(s)), h('td', { class: 'num' }, num(v.before)), h('td', { class: 'num' }, num(v.after)))))));
}
