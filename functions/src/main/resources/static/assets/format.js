// How figures, scores and statuses read on the page.
import { h } from './dom.js';
import { num, t, when } from './i18n.js';

export function statusBadge(status) { return h('span', { class: 'badge s-' + status, 'data-testid': 'status' }, t(status)); }

export function scoreText(score) {
  if (!score) return '–';
  return `${num(score.hard)} ${t('hard')} · ${num(score.shortage)} ${t('shortage')} · ${num(score.disruption)} ${t('disruption')}`;
}

export function decidedBy(plan) {
  const entry = (plan.audit || []).filter((a) => a.action === 'APPROVE' || a.action === 'REJECT').pop();
  return entry ? `${entry.actor} (${when(entry.at)})` : '–';
}

export function parseScore(text) {
  const m = /(-?\d+)hard\/(-?\d+)medium\/(-?\d+)soft/.exec(text || '');
  // 0 - x, not -x: a score of 0hard would read as "-0".
  return m ? { hard: 0 - Number(m[1]), shortage: 0 - Number(m[2]), soft: Number(m[3]) } : null;
}

export const signed = (v) => (v > 0 ? '+' : '') + num(v);

/** A person as the planner knows them: the name, then the NIP in small type (the NIP alone if no name is known). */
export function who(doc, staffId) {
  const name = doc.people && doc.people.get(staffId);
  return name ? h('span', { class: 'who' }, name, ' ', h('span', { class: 'code' }, staffId)) : h('span', { class: 'who' }, staffId);
}
/** A job by its name from the snapshot, the code in small type after it. */
export function job(doc, code) {
  const name = doc.jobNames && doc.jobNames.get(code);
  return name && name !== code ? h('span', {}, name, ' ', h('span', { class: 'code' }, code)) : code;
}
export const jobName = (doc, code) => (doc.jobNames && doc.jobNames.get(code)) || code;
