// The sign-in check each staff page starts with (bureau.html for the county bureau, region.html
// for city and province staff), so both pages tell a reader the same things the same way.

import * as api from '../api.js';
import { fill, h, loading, note } from './dom.js';
import { ROLE_ZH } from './format.js';

// Resolves to the session when the reader is signed in with one of `roles`. Otherwise resolves to
// null once `main` says why: the session could not be read, the reader is not signed in
// (`notSignedIn`), or the page is not for their role (`pageFor`, e.g. '教育局', with a link to
// `elsewhere`, the text of the link to their own page). With a session, `who` shows its label,
// its role, what `extra(session)` adds, and a sign-out button.
export async function requireSession({ main, who, roles, notSignedIn, pageFor, elsewhere, extra = () => [] }) {
  fill(main, loading('正在确认登录…'));
  let s;
  try {
    s = await api.session();
  } catch (err) {
    fill(main, errorNote(err));
    return null;
  }
  if (!s) {
    fill(main, note('error', notSignedIn));
    return null;
  }
  if (!roles.includes(s.role)) {
    fill(main, note('error', `此页面供${pageFor}使用；您的身份是${ROLE_ZH[s.role] || s.role}。`, ' ', h('a', { href: '/' }, elsewhere)));
    return null;
  }
  fill(who, h('span', { class: 'who-label' }, s.label || ''), ' ', h('span', { class: 'who-role' }, ROLE_ZH[s.role] || s.role), extra(s), ' ',
    h('button', { type: 'button', class: 'btn btn-small', onclick: async () => { try { await api.logout(); } finally { location.reload(); } } }, '退出'));
  return s;
}

// What a failed call shows: a session that expired is told as such, with where the sign-in link
// came from (`linkFrom`, e.g. '教育局'); anything else with its message.
export function errorNote(err, linkFrom = '') {
  if (err instanceof api.ApiError && err.code === 'unauthenticated') {
    return note('error', `登录已过期，请用${linkFrom}发给您的登录链接重新登录。`);
  }
  return note('error', `出错了：${err?.message || err}`);
}
