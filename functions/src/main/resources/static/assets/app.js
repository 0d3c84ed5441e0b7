// The planners' review page: plans, one plan, actions, comparison. Only the public API (api.js).
// This is the entry module: it ties the views to the addresses and sets up the header.
import { getUser, setUser } from './api.js';
import { startAuth } from './auth.js';
import { hideBanner, showBanner } from './dom.js';
import { getLang, setLang, t } from './i18n.js';
import { route, setRoutes } from './router.js';
import { compareView } from './view-compare.js';
import { planView } from './view-plan.js';
import { needsSignIn, renderAuth, signInPrompt } from './sign-in.js';
import { plansView } from './view-plans.js';

// With sign-in on, every view waits for someone to sign in.
const signedIn = (view) => (m) => (needsSignIn() ? signInPrompt() : view(m));
setRoutes([
  [/^#\/plans\/([^/]+)\/?([a-z]*)$/, signedIn((m) => planView(m[1], m[2] || 'summary'))],
  [/^#\/compare\/([^/]+)\/([^/]+)$/, signedIn((m) => compareView(m[1], m[2]))],
  [/^.*$/, signedIn(() => plansView())],
]);

function applyLang() {
  document.documentElement.lang = getLang();
  document.getElementById('lang').textContent = getLang() === 'id' ? 'EN' : 'ID';
  document.getElementById('lang').setAttribute('title', getLang() === 'id' ? 'English' : 'Bahasa Indonesia');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
document.getElementById('lang').addEventListener('click', () => { setLang(getLang() === 'id' ? 'en' : 'id'); applyLang(); renderAuth(); route(); });
const userInput = document.getElementById('user');
userInput.value = getUser();
userInput.addEventListener('change', () => setUser(userInput.value.trim()));
window.addEventListener('hashchange', () => { hideBanner(); route(); });
applyLang();
startAuth().then((problem) => {
  renderAuth();
  if (problem) showBanner(`${t('signInFailed')}: ${problem}`, 'error');
}, (e) => showBanner(`${t('signInFailed')}: ${e.message}`, 'error')).finally(route);
