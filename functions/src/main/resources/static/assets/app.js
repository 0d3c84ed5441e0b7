// The planners' review page: plans, one plan, actions, comparison. Only the public API (api.js).
// This is the entry module: it ties the views to the addresses and sets up the header.
import { getUser, setUser } from './api.js';
import { hideBanner } from './dom.js';
import { getLang, setLang, t } from './i18n.js';
import { route, setRoutes } from './router.js';
import { compareView } from './view-compare.js';
import { planView } from './view-plan.js';
import { plansView } from './view-plans.js';

setRoutes([
  [/^#\/plans\/([^/]+)\/?([a-z]*)$/, (m) => planView(m[1], m[2] || 'summary')],
  [/^#\/compare\/([^/]+)\/([^/]+)$/, (m) => compareView(m[1], m[2])],
  [/^.*$/, () => plansView()],
]);

function applyLang() {
  document.documentElement.lang = getLang();
  document.getElementById('lang').textContent = getLang() === 'id' ? 'EN' : 'ID';
  document.getElementById('lang').setAttribute('title', getLang() === 'id' ? 'English' : 'Bahasa Indonesia');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
document.getElementById('lang').addEventListener('click', () => { setLang(getLang() === 'id' ? 'en' : 'id'); applyLang(); route(); });
const userInput = document.getElementById('user');
userInput.value = getUser();
userInput.addEventListener('change', () => setUser(userInput.value.trim()));
window.addEventListener('hashchange', () => { hideBanner(); route(); });
applyLang();
route();
