// One plan: its header, the solve's progress while it runs, then the tabs of the solved plan.
import { get } from './api.js';
import { lineChart } from './charts.js';
import { clear, h, main } from './dom.js';
import { decidedBy, parseScore, scoreText, statusBadge } from './format.js';
import { num, t, when } from './i18n.js';
import { auditTrail, budgetBar, deleteButton, lifecycleNote, stopButton, watchPlan } from './lifecycle.js';
import { actions } from './plan-actions.js';
import { loadDocument, progressSeries } from './plan-data.js';
import { onLeave, route, stale, token } from './router.js';
import { detailTab } from './view-detail.js';
import { formationsTab } from './view-formations.js';
import { gapsTab } from './view-gaps.js';
import { leavingTab } from './view-leaving.js';
import { movesTab } from './view-moves.js';
import { summaryTab } from './view-summary.js';

export async function planView(id, tab) {
  const mine = token();
  const plan = await get('/plans/' + id);
  if (stale(mine)) return;
  document.title = 'Formasi — ' + id;
  const shell = h('div', { class: 'plan', 'data-plan': id });
  clear(main).append(shell);
  if (plan.status === 'QUEUED' || plan.status === 'SOLVING') {
    await solvingView(shell, plan);
    return;
  }
  if (plan.status === 'FAILED' || !plan.links.moves) {
    shell.append(planHeader(plan), plan.status === 'FAILED' ? h('p', { class: 'error' }, `${t('failed')}: ${plan.failure || ''}`) : null,
      h('section', { class: 'card actions' }, h('div', { class: 'row' }, h('span', { class: 'spacer' }), deleteButton(plan))), auditTrail(plan));
    return;
  }
  const doc = await loadDocument(plan);
  if (stale(mine)) return;
  const tabs = [['summary', t('summaryTab')], ['formations', t('formationsTab')], ['moves', t('movesTab')],
    ['leaving', t('leavingTab')], ['gaps', t('gapsTab')], ['detail', t('detailTab')]];
  const nav = h('nav', { class: 'tabs', role: 'tablist' }, tabs.map(([key, label]) =>
    h('a', { href: `#/plans/${id}/${key}`, role: 'tab', 'aria-selected': key === tab ? 'true' : 'false', class: key === tab ? 'active' : '', 'data-testid': 'tab-' + key }, label)));
  const body = h('div', { class: 'tab-body', 'data-testid': 'tab-body' });
  shell.append(planHeader(plan, doc), actions(plan, doc), auditTrail(plan), nav, body);
  watchPlan(plan, () => stale(mine), route);
  const views = { summary: summaryTab, formations: formationsTab, moves: movesTab, leaving: leavingTab, gaps: gapsTab, detail: detailTab };
  await (views[tab] || summaryTab)(body, plan, doc);
}

function planHeader(plan) {
  return h('section', { class: 'card head' },
    h('div', { class: 'row' }, h('h1', { 'data-testid': 'plan-id' }, plan.planId), statusBadge(plan.status),
      h('span', { class: 'muted', 'data-testid': 'plan-version' }, `${t('version')} ${plan.version}`), h('span', { class: 'spacer' }),
      h('a', { href: '#/plans' }, '← ' + t('plans'))),
    h('p', { class: 'muted' }, `${t('snapshot')}: ${plan.snapshotId} · ${t('created')}: ${when(plan.createdAt)} · ${t('score')}: `,
      h('span', { 'data-testid': 'plan-score' }, scoreText(plan.score)), ` · ${t('decidedBy')}: ${decidedBy(plan)}`),
    lifecycleNote(plan));
}

async function solvingView(shell, plan) {
  const series = progressSeries.get(plan.planId) || [];
  progressSeries.set(plan.planId, series);
  const chartBox = h('div', { class: 'chart-box' });
  const status = h('p', { 'data-testid': 'progress-text', 'aria-live': 'polite' });
  const budget = h('div', {});
  const stopBox = h('div', { class: 'row' });
  const stopNote = h('p', { class: 'muted', 'data-testid': 'stop-note' });
  const showStop = (p) => {
    clear(stopBox).append(stopButton(p, (next) => showStop(next)));
    stopNote.textContent = p.stopRequested ? t('stopRequested') : '';
  };
  showStop(plan);
  shell.append(planHeader(plan), h('section', { class: 'card' }, h('div', { class: 'row' }, h('h2', {}, t('progress')), h('span', { class: 'spacer' }), stopBox),
    h('p', { class: 'muted' }, t('progressHint')), status, budget, stopNote, chartBox), auditTrail(plan));
  let stopped = false;
  onLeave(() => { stopped = true; });
  const draw = (p) => {
    if (p.progress) {
      const s = parseScore(p.progress.score);
      const tSec = p.progress.elapsedMillis / 1000;
      if (s && (!series.length || series[series.length - 1].t !== tSec)) series.push({ t: tSec, value: s.shortage });
      // The solver's figures in words, never its raw score text (0hard/-3274medium/-11982soft).
      const best = s ? ` · ${num(s.hard)} ${t('hard')} · ${num(s.shortage)} ${t('shortage')}` : '';
      status.textContent = `${t(p.status)} · ${t('elapsed')} ${num(Math.round(tSec * 10) / 10)} s${best}`;
    } else status.textContent = t(p.status) + '…';
    // Before the flow's first answer there is no progress yet: the time since the solve claimed the plan.
    const since = p.status === 'SOLVING' ? Math.max(0, Date.now() - Date.parse(p.updatedAt)) : 0;
    clear(budget).append(budgetBar(p.progress ? p.progress.elapsedMillis : since, p.budgetSeconds));
    if (p.stopRequested) stopNote.textContent = t('stopRequested');
    clear(chartBox).append(lineChart(series, { label: t('progressHint'), maxT: p.budgetSeconds }));
  };
  draw(plan);
  while (!stopped) {
    await new Promise((r) => setTimeout(r, 700));
    if (stopped) return;
    const p = await get('/plans/' + plan.planId);
    draw(p);
    if (!(p.status === 'QUEUED' || p.status === 'SOLVING')) { if (!stopped) route(); return; }
  }
}
