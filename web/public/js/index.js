// The front door: sends a signed-in browser to its console and tells everyone else how to sign
// in (the bureau's sign-in sheet, its link or QR code).
import { session } from './api.js';
import { kvGet, kvSet } from './outbox.js';
import { registerServiceWorker } from './sw_register.js';
import { $ } from './ui.js';

const PAGE_OF_ROLE = {
  school_clerk: '/clerk.html', bureau_viewer: '/bureau.html', bureau_admin: '/bureau.html', region_viewer: '/region.html',
};

function show(id) {
  for (const s of ['checking', 'signin', 'problem']) $(s).hidden = s !== id;
}

async function start() {
  show('checking');
  let who;
  try {
    who = await session();
    await kvSet('session', who).catch(() => {});
  } catch (err) {
    // Offline: a clerk who signed in before can still open the form and keep reports locally.
    const last = await kvGet('session').catch(() => null);
    if (last && PAGE_OF_ROLE[last.role]) { location.replace(PAGE_OF_ROLE[last.role]); return; }
    $('problem-text').textContent = `${err.message}。请检查网络后重试。`;
    show('problem');
    return;
  }
  if (!who) { show('signin'); return; }
  const page = PAGE_OF_ROLE[who.role];
  if (page) { location.replace(page); return; }
  $('problem-text').textContent = '这个登录身份不能使用网页端，请联系县教育局。';
  show('problem');
}

$('retry').addEventListener('click', start);
registerServiceWorker();
start();
