// The public API of Formasi, and nothing else: every call the page makes goes through here.
import { authOn, idToken, renew } from './auth.js';
import { said } from './i18n.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(said(body) || 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
    this.details = (body && body.details) || [];
  }
}

let user = localStorage.getItem('formasi.user') || 'perencana';

// With sign-in on (auth.js) every call carries the ID token; without it the local runtime is open and the
// reviewer's name goes as X-Formasi-User.
export function setUser(name) { user = name || 'perencana'; localStorage.setItem('formasi.user', user); }
export function getUser() { return user; }

export async function call(method, path, body) {
  const init = { method, headers: { 'X-Formasi-User': user } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  return answer(path, init);
}

/** Sends the request with the reviewer and the token, and reads the JSON answer; a refusal throws ApiError. */
async function answer(path, init) {
  const response = await authorized(path, init);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** The request with the ID token; a 401 renews the token once (refresh token) and tries again. */
async function authorized(path, init, again = true) {
  const token = await idToken();
  if (token) init.headers.Authorization = 'Bearer ' + token;
  const response = await fetch(path, init);
  if (response.status === 401 && token && again && authOn() && await renew()) return authorized(path, init, false);
  return response;
}

export const get = (path) => call('GET', path);

/** A binary body (a workbook or a zip) to a route that answers JSON. */
export async function send(method, path, blob, contentType) {
  return answer(path, { method, headers: { 'X-Formasi-User': user, 'Content-Type': contentType }, body: blob });
}

/** Saves what a route answers (a workbook) as a file: the token goes along, so a plain link would not do. */
export async function download(path, name) {
  const response = await authorized(path, { headers: { 'X-Formasi-User': user } });
  if (!response.ok) {
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    throw new ApiError(response.status, json);
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await response.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Every item of a paged route, 1000 at a time. */
export async function all(path) {
  const items = [];
  let offset = 0;
  for (;;) {
    const page = await get(path + (path.includes('?') ? '&' : '?') + 'offset=' + offset + '&limit=1000');
    items.push(...page.items);
    if (page.next == null) return items;
    offset = page.next;
  }
}
