// What the page shows of sign-in: the header's Masuk / Keluar and who is signed in, the prompt before anyone
// is, and what a 401 or 403 means for the person who got it.
import { ApiError } from './api.js';
import { authOn, person, sessionExpired, signIn, signOut } from './auth.js';
import { clear, h, main, showBanner } from './dom.js';
import { said, t } from './i18n.js';

/** The header's sign-in part; without sign-in the reviewer's name field stays, as on the open local runtime. */
export function renderAuth() {
  const slot = document.getElementById('auth');
  clear(slot);
  document.getElementById('user-label').hidden = authOn();
  if (!authOn()) return;
  const who = person();
  if (!who) {
    slot.append(h('button', { type: 'button', 'data-testid': 'sign-in', onclick: signIn }, t('signIn')));
    return;
  }
  slot.append(h('span', { 'data-testid': 'person' }, who.name),
    h('span', { class: 'badge', 'data-testid': 'role' }, who.role ? t('role_' + who.role) : t('noRole')),
    h('button', { type: 'button', 'data-testid': 'sign-out', onclick: signOut }, t('signOut')));
}

/** Sign-in is on and nobody is signed in (or the session ended): the views wait for it. */
export const needsSignIn = () => authOn() && !person();

export function signInPrompt() {
  renderAuth();
  clear(main).append(h('section', { class: 'card', 'data-testid': 'sign-in-prompt' },
    h('p', {}, sessionExpired() ? t('sessionEnded') : t('signInPrompt')),
    h('button', { type: 'button', class: 'primary', 'data-testid': 'sign-in-prompt-button', onclick: signIn }, t('signIn'))));
}

/** Says what a 401 or 403 lacks, in the banner; false for any other error. */
export function explainRefusal(e) {
  if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) return false;
  if (e.status === 401) {
    renderAuth();
    showBanner(sessionExpired() ? t('sessionEnded') : t('notSignedIn'), 'warn', { label: t('signIn'), run: signIn });
    return true;
  }
  const reasons = e.details.map(said);
  showBanner(`${t('notAllowed')}: ${reasons.length ? reasons.join('; ') : e.message}`, 'error');
  return true;
}
