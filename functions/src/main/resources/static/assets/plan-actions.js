// What a reviewer does with a plan: pin, re-solve, approve or reject, compare, export the moves.
import { ApiError, call, download, get } from './api.js';
import { h, hideBanner, showBanner } from './dom.js';
import { said, t, tr } from './i18n.js';
import { confirmStep, deleteButton, fill } from './lifecycle.js';
import { route } from './router.js';
import { explainRefusal } from './sign-in.js';

export function actions(plan, doc) {
  const comment = h('textarea', { rows: 2, name: 'comment', 'data-testid': 'comment', 'aria-label': t('comment'), placeholder: t('comment') });
  const decide = async (decision) => {
    const question = fill(t(decision === 'approve' ? 'approveConfirm' : 'rejectConfirm'), { id: plan.planId, version: plan.version });
    if (!(await confirmStep(question, decision === 'reject'))) return;
    try {
      await call('POST', `/plans/${plan.planId}/decision`, { decision, version: plan.version, comment: comment.value || undefined });
      showBanner(t('decided') + ': ' + t(decision === 'approve' ? 'APPROVED' : 'REJECTED'), 'ok');
      route();
    } catch (e) { conflictOr(e); }
  };
  const others = [];
  const cmp = h('select', { 'data-testid': 'compare-with', 'aria-label': t('compareWith') }, h('option', { value: '' }, t('compareWith') + '…'));
  get('/plans?snapshotId=' + encodeURIComponent(plan.snapshotId)).then((page) => {
    for (const p of page.items) if (p.planId !== plan.planId) { others.push(p); cmp.append(h('option', { value: p.planId }, `${p.planId} (${t(p.status)})`)); }
  });
  cmp.addEventListener('change', () => { if (cmp.value) location.hash = `#/compare/${plan.planId}/${cmp.value}`; });
  const solved = plan.status === 'SOLVED';
  return h('section', { class: 'card actions', 'data-testid': 'actions' },
    h('div', { class: 'row wrap' },
      h('span', { 'data-testid': 'pin-count' }, `${t('pins')}: ${plan.pins.length}`),
      h('button', { type: 'button', 'data-testid': 'resolve', onclick: () => resolve(plan) }, t('resolve')),
      h('button', { type: 'button', 'data-testid': 'export-xlsx',
        onclick: () => download(`/plans/${plan.planId}/export.xlsx`, `formasi-${plan.planId}.xlsx`).catch(conflictOr) }, t('exportXlsx')),
      h('button', { type: 'button', 'data-testid': 'export-csv', onclick: () => exportCsv(plan, doc) }, t('exportCsv')),
      cmp),
    h('div', { class: 'row wrap' }, comment,
      h('button', { type: 'button', class: 'primary', disabled: !solved, 'data-testid': 'approve', onclick: () => decide('approve') }, t('approve')),
      h('button', { type: 'button', class: 'danger', disabled: !solved, 'data-testid': 'reject', onclick: () => decide('reject') }, t('reject')),
      h('span', { class: 'spacer' }), deleteButton(plan)));
}

function conflictOr(e) {
  if (e instanceof ApiError && e.status === 409) {
    showBanner(t('conflict'), 'warn', { label: t('reload'), run: () => { hideBanner(); route(); } });
  } else if (explainRefusal(e)) {
    // said in the banner: what the sign-in lacks
  } else if (e instanceof ApiError) {
    showBanner(`${e.status}: ${e.message}` + (e.details.length ? ' — ' + e.details.map((d) => `${d.path}: ${said(d)}`).join('; ') : ''), 'error');
  } else throw e;
}

async function resolve(plan) {
  try {
    const q = await call('POST', `/plans/${plan.planId}/resolve`, {});
    location.hash = '#/plans/' + q.planId;
  } catch (e) { conflictOr(e); }
}

export async function togglePin(plan, pin) {
  const has = plan.pins.some((p) => p.staffId === pin.staffId);
  const pins = has ? plan.pins.filter((p) => p.staffId !== pin.staffId) : [...plan.pins, pin];
  try {
    await call('PUT', `/plans/${plan.planId}/pins`, { pins, version: plan.version, comment: has ? 'unpin' : 'pin' });
    route();
  } catch (e) { conflictOr(e); }
}

function csvCell(v) { const s = v == null ? '' : String(v); return /[",\n;]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
function exportCsv(plan, doc) {
  const head = ['staffId', 'fromFacilityId', 'fromFacility', 'fromJob', 'toFacilityId', 'toFacility', 'job', 'km', 'reason'];
  const lines = [head.join(',')];
  for (const m of doc.moves) lines.push([m.staffId, m.from, doc.names.get(m.from), m.fromJob, m.to, doc.names.get(m.to), m.job, m.km, tr(m.reason)].map(csvCell).join(','));
  const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const a = h('a', { href: URL.createObjectURL(blob), download: `mutasi-${plan.planId}.csv` });
  document.body.append(a); a.click(); a.remove();
}
