// The address picks the view: #/plans, #/plans/{id}/{tab}, #/compare/{a}/{b}. A newer navigation wins.
import { ApiError } from './api.js';
import { clear, h, main } from './dom.js';
import { explainRefusal, signInPrompt } from './sign-in.js';

let routes = [];
let current = null;
let stopPolling = () => {};
let routeToken = 0; // a newer navigation wins: an older one that finishes later draws nothing

/** The views: [regular expression over the address, view(match)], the first that matches draws. */
export function setRoutes(table) { routes = table; }
/** The navigation a view starts in; {@link stale} tells it a newer one has begun. */
export const token = () => routeToken;
export const stale = (mine) => mine !== routeToken;
/** What to stop (a poll) when the page moves on. */
export function onLeave(stop) { stopPolling = stop; }

export async function route() {
  stopPolling();
  routeToken++;
  const hash = location.hash || '#/plans';
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) { current = () => view(m); break; }
  }
  try { await current(); } catch (e) { renderError(e); }
}
function renderError(e) {
  console.error(e);
  if (e instanceof ApiError && e.status === 401) { explainRefusal(e); signInPrompt(); return; }
  explainRefusal(e);
  clear(main).append(h('p', { class: 'error', 'data-testid': 'error' }, e instanceof ApiError ? `${e.status}: ${e.message}` : String(e)));
}

// The detail tab of a plan, opened on a person or a facility.
export let detailTarget = {};
export function openDetail(planId, target) { detailTarget = target; const want = `#/plans/${planId}/detail`; if (location.hash === want) route(); else location.hash = want; }
