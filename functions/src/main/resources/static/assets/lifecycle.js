// A plan's life: what replaced it, its audit trail, stopping a solve, deleting, asking before a decision,
// and the poll that keeps views current while anything solves.
import { ApiError, all, call } from './api.js';
import { h, showBanner } from './dom.js';
import { explainRefusal } from './sign-in.js';
import { num, t, when } from './i18n.js';

/** Replaces {name} in a page text. */
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');

/** What replaced the plan, or how its solve ended, as lines under its header. */
export function lifecycleNote(plan) {
  const notes = [];
  const by = plan.replacedBy;
  if (plan.status === 'SUPERSEDED' && by && by.planId) {
    notes.push(h('p', { class: 'note', 'data-testid': 'superseded-by' }, t('supersededBy') + ' ',
      h('a', { href: '#/plans/' + by.planId }, by.planId), by.at ? ` (${when(by.at)})` : ''));
  }
  if (plan.status === 'STALE') {
    notes.push(h('p', { class: 'note', 'data-testid': 'stale-by' }, `${t('staleBy')} `,
      h('strong', {}, by && by.snapshotId ? by.snapshotId : '?'),
      by && by.snapshotVersion ? ` (${t('staleVersion')} ${by.snapshotVersion})` : '', by && by.at ? `, ${when(by.at)}. ` : '. ',
      t('staleHint')));
  }
  if (plan.summary && plan.summary.stoppedEarly) notes.push(h('p', { class: 'note', 'data-testid': 'stopped-early' }, t('stoppedEarly')));
  if (plan.status === 'CANCELLED') notes.push(h('p', { class: 'note', 'data-testid': 'cancelled' }, t('cancelledNote')));
  return notes;
}

/** Who did what when, newest first, with the comment given. */
export function auditTrail(plan) {
  const entries = [...(plan.audit || [])].reverse();
  const actor = (a) => (a === 'system' ? t('system') : a);
  return h('details', { class: 'card audit', 'data-testid': 'audit', open: entries.length > 0 && entries.length <= 6 },
    h('summary', {}, `${t('audit')} (${num(entries.length)})`),
    entries.length ? h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, [t('auditWhen'), t('auditWho'), t('auditWhat'), t('auditComment'), t('auditDetails')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, entries.map((e) => h('tr', { 'data-action': e.action },
        h('td', {}, when(e.at)), h('td', {}, actor(e.actor)), h('td', {}, t('A_' + e.action)),
        h('td', { 'data-testid': 'audit-comment' }, e.comment || '–'), h('td', { class: 'muted' }, e.details || '')))))
      : h('p', { class: 'muted' }, t('noAudit')));
}

/** Asks before a step that cannot be taken back; resolves true on yes. */
export function confirmStep(message, danger = false) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'data-testid': 'confirm-dialog' });
    const done = (yes) => { dialog.close(); dialog.remove(); resolve(yes); };
    dialog.append(h('p', { 'data-testid': 'confirm-text' }, message), h('div', { class: 'row' }, h('span', { class: 'spacer' }),
      h('button', { type: 'button', 'data-testid': 'confirm-no', onclick: () => done(false) }, t('cancel')),
      h('button', { type: 'button', class: danger ? 'danger' : 'primary', 'data-testid': 'confirm-yes', onclick: () => done(true) }, t('confirm'))));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

function failed(e) {
  if (!(e instanceof ApiError)) throw e;
  if (explainRefusal(e)) return;
  showBanner(`${e.status}: ${e.message}`, 'error');
}

/** The button that stops a pending plan's solve (the best plan so far is kept). */
export function stopButton(plan, onDone) {
  return h('button', { type: 'button', class: 'danger', 'data-testid': 'stop', disabled: plan.stopRequested,
    onclick: async () => {
      if (!(await confirmStep(fill(t('stopConfirm'), { id: plan.planId }), true))) return;
      try { onDone(await call('POST', `/plans/${plan.planId}/cancel`, {})); } catch (e) { failed(e); }
    } }, t('stop'));
}

/** The button that deletes a plan not approved; afterwards the list. */
export function deleteButton(plan) {
  const kept = ['APPROVED', 'SUPERSEDED', 'QUEUED', 'SOLVING'].includes(plan.status);
  return h('button', { type: 'button', class: 'danger', 'data-testid': 'delete', disabled: kept,
    onclick: async () => {
      if (!(await confirmStep(fill(t('removeConfirm'), { id: plan.planId }), true))) return;
      try {
        await call('DELETE', `/plans/${plan.planId}?version=${plan.version}`);
        showBanner(`${t('removed')}: ${plan.planId}`, 'ok');
        location.hash = '#/plans';
      } catch (e) { failed(e); }
    } }, t('remove'));
}

/** Elapsed against the budget: a bar and its figures. */
export function budgetBar(elapsedMillis, budgetSeconds) {
  const s = (elapsedMillis || 0) / 1000;
  const fmt = (v) => v.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  return h('div', { class: 'budget', 'data-testid': 'budget-bar' },
    h('progress', { max: budgetSeconds, value: Math.min(s, budgetSeconds), 'aria-label': t('budgetOf') }),
    h('span', { 'data-testid': 'budget-text' }, `${fmt(s)} s ${t('budgetOf')} ${fmt(budgetSeconds)} s`));
}

/**
 * Keeps a view current: {@code onList} gets the plan list every 2 s while any plan is queued or solving,
 * every 6 s otherwise (a snapshot arriving queues one); ends when {@code stopped()} says the view has gone.
 */
export function whilePending(list, onList, stopped, busyMs = 2000, idleMs = 6000) {
  const pending = (items) => items.some((p) => p.status === 'QUEUED' || p.status === 'SOLVING');
  const next = (items) => setTimeout(tick, pending(items) ? busyMs : idleMs);
  const tick = async () => {
    if (stopped()) return;
    let items;
    try { items = await all('/plans'); } catch (e) { setTimeout(tick, idleMs); return; }
    if (stopped()) return;
    onList(items);
    next(items);
  };
  next(list);
}

/** The plan view's part of the poll: when this plan's version moves on, say so and offer the reload. */
export function watchPlan(plan, stopped, reload) {
  let seen = plan.version;
  all('/plans').then((list) => whilePending(list, (items) => {
    const now = items.find((p) => p.planId === plan.planId);
    if (now && now.version !== seen) {
      seen = now.version;
      showBanner(`${t('conflict')} (${t('status')}: ${t(now.status)})`, 'warn', { label: t('reload'), run: reload });
    }
  }, stopped)).catch(() => {});
}
