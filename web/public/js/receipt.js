// The receipt: the server's proof that it stored a report version. Shown from the copy kept in
// IndexedDB when the submission was accepted (so it opens offline), or read from the server for
// an older version (receipt.html#school=..&period=..&version=..), and printable.
//   receipt.html#id=<submission_id>    a receipt kept in this browser
//   receipt.html#school=S&period=P&version=V[&id=..]   any version of the school's report
//   receipt.html                        the list of receipts kept in this browser
import { getReportOrNull, getSchool } from './api.js';
import { getReceipt, kvGet, listReceipts, saveReceipt } from './outbox.js';
import { formatTime, humanizeRule, periodLabel } from './report_model.js';
import { registerServiceWorker } from './sw_register.js';
import { $, fill, h } from './ui.js';

const params = new URLSearchParams(location.hash.slice(1));

// The content hash in groups of eight, so that a person can read it aloud and compare it.
const groups = (hex) => (hex ?? '').match(/.{1,8}/g)?.join(' ') ?? '';

const catalogFields = async () => (await kvGet('catalog').catch(() => null))?.report ?? [];

async function labelOf(name) {
  return (await catalogFields()).find((f) => f.name === name)?.label ?? name;
}

async function render(record) {
  const r = record.receipt ?? {};
  // An empty needed field is listed once, on the 是否填完 line, not again among the figures to check.
  const missing = await Promise.all((r.missing_fields ?? []).map((f) => labelOf(f)));
  const review = record.review?.state ? record.review : null;
  const warnings = await Promise.all((record.warnings ?? []).filter((w) => w.rule_id !== 'needed_field').map(async (w) => h('li', {}, `${await labelOf(w.field)}${w.value ? `（${w.value}）` : ''}：${humanizeRule(w.rule, await catalogFields())}`)));
  document.title = `回执 ${r.school_code} ${r.period} 第${r.version}版`;
  fill($('content'),
    h('section', { class: 'receipt' },
      h('h1', { class: 'print-only' }, '义务教育优质均衡 · 学校报表提交回执'),
      h('div', { class: 'stamp' }, h('span', { class: 'tick', 'aria-hidden': 'true' }, '✓'), '报表已提交，县教育局已收到'),
      record.duplicate ? h('p', { class: 'banner banner-info' }, '这份报表之前已经提交过，服务器没有重复保存；下面是当时的回执。') : null,
      h('dl', {},
        h('dt', {}, '学校'), h('dd', {}, record.school_name ? `${record.school_name}（${r.school_code}）` : r.school_code),
        h('dt', {}, '填报期'), h('dd', {}, periodLabel(r.period)),
        h('dt', {}, '版本'), h('dd', {}, `第 ${r.version} 版`, Number(r.version) > 1 ? h('span', { class: 'muted small' }, '（更正，替换了之前的版本）') : ''),
        h('dt', {}, '收到时间'), h('dd', {}, formatTime(r.server_time, { seconds: true }), h('span', { class: 'muted small' }, '（北京时间，服务器时间）')),
        h('dt', {}, '是否逾期'), h('dd', {}, r.late ? h('span', { class: 'pill pill-warn' }, '逾期提交（截止时间之后收到）') : '按时'),
        h('dt', {}, '是否填完'), h('dd', {}, missing.length
          ? [h('span', { class: 'pill pill-warn' }, `未填完：空 ${missing.length} 项`), h('div', { class: 'small' }, `${missing.join('、')}。教育局的报送情况里算“未填完”，填齐后请再提交一版。`)]
          : '已填完'),
        review ? [h('dt', {}, '教育局审核'), h('dd', {}, review.state === 'accepted' ? '已审核通过' : review.state === 'returned' ? h('span', { class: 'pill pill-err' }, '被退回') : '已重新打开',
          review.comment ? h('div', { class: 'comment' }, `意见：${review.comment}`) : null,
          review.time ? h('div', { class: 'small muted' }, formatTime(review.time)) : null)] : null,
        h('dt', {}, '提交人'), h('dd', {}, r.submitter || '—'),
        h('dt', {}, '回执编号'), h('dd', { class: 'mono' }, r.receipt_id),
        h('dt', {}, '内容指纹'), h('dd', { class: 'hash' }, groups(r.content_hash)),
        h('dt', {}, '提交编号'), h('dd', { class: 'mono small' }, r.submission_id)),
      warnings.length ? h('div', { class: 'banner banner-warn', style: 'margin-top:1rem' },
        h('h3', {}, '请核对以下数字（不影响提交）'), h('ul', {}, warnings),
        h('p', { class: 'small' }, '如果确实写错了，改正后再提交一次即可（生成新的版本）。')) : null,
      h('p', { class: 'small muted', style: 'margin-top:1rem' },
        '回执是已经提交的凭证，请打印或保存。内容指纹由报表内容计算：内容有一点不同，指纹就不同。')),
  );
  $('receipt-actions').hidden = false;
}

async function fromServer(school, period, version) {
  const who = await kvGet('session').catch(() => null);
  const county = who?.county_code ?? '';
  const stored = await getReportOrNull({ county_code: county, school_code: school, period, version: Number(version) });
  if (!stored) return null;
  let schoolName = '';
  try { schoolName = (await getSchool({ county_code: county, school_code: school })).school_name ?? ''; } catch { /* the code alone */ }
  return { submission_id: stored.receipt?.submission_id, receipt: stored.receipt, school_name: schoolName, duplicate: false, warnings: stored.warnings ?? [], review: stored.review, saved_ms: Date.now() };
}

async function renderList() {
  const all = await listReceipts().catch(() => []);
  $('all').hidden = false;
  if (!all.length) { fill($('all-list'), h('p', { class: 'muted' }, '本机还没有保存回执。')); return; }
  fill($('all-list'), h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, h('th', {}, '填报期'), h('th', {}, '版本'), h('th', {}, '收到时间'), h('th', {}, ''))),
    h('tbody', {}, all.map((rec) => h('tr', {},
      h('td', {}, periodLabel(rec.receipt?.period)),
      h('td', {}, `第 ${rec.receipt?.version} 版`),
      h('td', {}, formatTime(rec.receipt?.server_time)),
      h('td', {}, h('a', { href: `#id=${encodeURIComponent(rec.submission_id)}` }, '查看')))))));
}

async function start() {
  registerServiceWorker();
  const id = params.get('id');
  const period = params.get('period');
  const version = params.get('version');
  let record = null;
  if (id) record = (await getReceipt(id).catch(() => null)) ?? null;
  if (!record && period && version) {
    try {
      record = await fromServer(params.get('school') ?? '', period, version);
      // Kept like the others, so that it opens offline next time.
      if (record?.submission_id) saveReceipt(record).catch(() => {});
    } catch (err) {
      fill($('content'), h('div', { class: 'banner banner-error' }, h('h3', {}, '回执没有载入'), h('p', {}, err.message)));
      return;
    }
  }
  if (record && !record.review && record.receipt?.version) {
    // The bureau's decision comes later than the receipt: ask for it when online, so that the
    // printed receipt carries the review comment; offline the receipt shows without it.
    const r = record.receipt;
    const latest = await fromServer(r.school_code, r.period, r.version).catch(() => null);
    if (latest?.review?.state) record = { ...record, review: latest.review };
  }
  if (record) await render(record);
  else if (id || period) fill($('content'), h('div', { class: 'banner banner-warn' }, h('p', {}, '本机没有这张回执。联网后在填报页面的“已提交的版本”中可以查看每一版的回执。')));
  else $('content').replaceChildren();
  await renderList();
}

$('print').addEventListener('click', () => window.print());
addEventListener('hashchange', () => location.reload());
start();
