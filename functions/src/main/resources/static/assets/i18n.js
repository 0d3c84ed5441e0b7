// Bahasa Indonesia first, English by the toggle.

// Every page text, [Bahasa Indonesia, English] by key, in one data file.
import T from './texts.json' with { type: 'json' };

let lang = localStorage.getItem('formasi.lang') === 'en' ? 'en' : 'id';

export function getLang() { return lang; }
export function setLang(next) { lang = next; localStorage.setItem('formasi.lang', next); document.documentElement.lang = next; }
/** More page texts, from the module that uses them. */
/** A page text by key. */
export function t(key) { const entry = T[key]; return entry ? entry[lang === 'en' ? 1 : 0] : key; }
/** A text the API gave as { id, en }. */
export function tr(text) { return text == null ? '' : typeof text === 'string' ? text : (lang === 'en' ? text.en : text.id) || text.id || ''; }
/** An API error or error detail: { message } in Bahasa Indonesia, { messageEn } in English. */
export function said(m) { return m == null ? '' : (lang === 'en' && m.messageEn) || m.message || ''; }
export function num(value) { return value == null ? '–' : Number(value).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID'); }
/** A calendar date (YYYY-MM-DD) as the language writes it: "1 Des 2026", "1 Dec 2026". */
export function day(iso) {
  if (!iso) return '–';
  const [y, m, d] = String(iso).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'UTC' });
}
export function when(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' });
}
