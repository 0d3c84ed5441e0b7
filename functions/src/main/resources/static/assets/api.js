// The public API of Formasi, and nothing else: every call the page makes goes through here.

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
    this.details = (body && body.details) || [];
  }
}

let user = localStorage.getItem('formasi.user') || 'perencana';

// On AWS every API call needs the identity provider's access token: it comes back in the address after
// sign-in (#access_token=…, the OAuth implicit redirect) and is kept for this tab only.
const redirect = new URLSearchParams(location.hash.replace(/^#/, ''));
if (redirect.get('access_token')) {
  sessionStorage.setItem('formasi.token', redirect.get('access_token'));
  history.replaceState(null, '', location.pathname + location.search + '#/plans');
}
const token = () => sessionStorage.getItem('formasi.token');
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
  if (token()) init.headers.Authorization = 'Bearer ' + token();
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path) => call('GET', path);

/** A binary body (a workbook or a zip) to a route that answers JSON. */
export async function send(method, path, blob, contentType) {
  return answer(path, { method, headers: { 'X-Formasi-User': user, 'Content-Type': contentType }, body: blob });
}

/** Saves what a route answers (a workbook) as a file: the token goes along, so a plain link would not do. */
export async function download(path, name) {
  const init = { headers: { 'X-Formasi-User': user } };
  if (token()) init.headers.Authorization = 'Bearer ' + token();
  const response = await fetch(path, init);
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
