// Opening the sign-in sheet's link (enrol.html#code=...): the code leaves the address bar and
// the history at once, is exchanged for a session (POST /auth/enrol), and the browser goes to
// its console. The code lives only in this page's memory, for a retry.
import { csrfToken, enrol, session } from './api.js';
import { kvSet } from './outbox.js';
import { $ } from './ui.js';

let code = '';

// Takes the code out of the address bar (and so out of the history).
function takeCode() {
  code = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  history.replaceState(null, '', location.pathname);
}

function fail(title, text, canRetry) {
  $('working').hidden = true;
  $('failed').hidden = false;
  $('failed-title').textContent = title;
  $('failed-text').textContent = text;
  $('retry').hidden = !canRetry;
}

async function start() {
  if (!code) {
    fail('登录链接不完整', '这个网址里没有登录码。请重新扫描登录单上的二维码，或完整地复制登录单上的链接（以 #code= 加一串字母数字结尾）。', false);
    return;
  }
  $('working').hidden = false;
  $('failed').hidden = true;
  // A link opened in a browser that is already signed in could be someone else's sheet: ask
  // before changing who this browser is.
  // (Only a browser holding the session's CSRF cookie can be signed in: others are not asked.)
  const current = csrfToken() ? await session().catch(() => null) : null;
  if (current && !confirm(`这个浏览器已经登录为“${current.label || current.school_code || current.role}”。要改用这张登录单登录吗？`)) {
    location.replace('/index.html');
    return;
  }
  try {
    const who = await enrol(code);
    await kvSet('session', who).catch(() => {});
    location.replace('/index.html');
  } catch (err) {
    if (err.offline) {
      fail('连不上服务器', '请检查网络后点“重试”。不要关闭本页：登录码已从地址栏移除，关闭后需要重新扫码。', true);
    } else if (['not_found', 'permission_denied', 'unauthenticated', 'failed_precondition', 'invalid_argument', 'aborted'].includes(err.code)) {
      fail('登录单已用过或已过期', `每张登录单只能用一次，14 天内有效。请联系县教育局重新打印一张登录单。（服务器说明：${err.message}）`, false);
    } else if (err.code === 'resource_exhausted') {
      fail('尝试次数太多', `请稍等几分钟后点“重试”。（${err.message}）`, true);
    } else {
      fail('没有登录成功', `${err.message}。请稍后点“重试”，仍不行请联系县教育局。`, true);
    }
  }
}

$('retry').addEventListener('click', start);
// Another link opened in this tab changes only the fragment: no new page load.
addEventListener('hashchange', () => { if (location.hash.includes('code=')) { takeCode(); start(); } });
takeCode();
start();
