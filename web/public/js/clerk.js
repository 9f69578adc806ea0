// The school clerk's console: the school, the period and what is owed; the report form built
// from the field catalogue, checked by the server as the clerk types; submission through the
// outbox (so nothing typed is lost offline); the versions already submitted and the bureau's
// review of them.
import {
  ApiError, catalog as fetchCatalog, csrfToken, due, fetchTemplate, getReportOrNull, getSchool,
  listPeriods, listReportVersions, logout, readReportFile, schoolStanding, session, validateReport,
} from './api.js';
import {
  CHANNEL, dismissRefusal, flush, getReceipt, kvDelete, kvGet, kvSet, listRefusals, pending, queue,
} from './outbox.js';
import {
  buildReport, daysText, defaultPeriod, displayValue, formatTime, formFields, groupFields,
  humanizeRule, issuesByField, localTime, newSubmissionId, periodLabel, previousPeriod, sectionsOfType, sortPeriods, typeLabel,
  valuesFromReport,
} from './report_model.js';
import { registerServiceWorker, requestDelivery } from './sw_register.js';
import { $, banner, fill, h, toast, watchNetwork } from './ui.js';

const VALIDATE_DELAY_MS = 400;
const DRAFT_DELAY_MS = 800;
// Reviews are read for this many of the newest versions (one GetReport each).
const REVIEWED_VERSIONS = 6;

const REVIEW_TEXT = { accepted: '教育局已审核通过', returned: '教育局退回', reopened: '教育局已重新打开' };

const state = {
  who: null,          // the session: {role, county_code, school_code, label}
  school: null,       // School
  catalog: null,
  fields: [],         // the form's catalogue fields
  periods: [],        // ReportingPeriod[]
  period: '',
  due: null,          // DueResponse
  latest: null,       // StoredReport of the period (latest version), or null
  last: null,         // SchoolReport of the previous period, or null
  lastPeriod: '',
  versions: [],       // Receipt[], newest first
  reviews: new Map(), // version -> ReviewRecord
  answer: null,       // the last ValidateReport answer
  answerKey: '',      // JSON of the report it answered
  checkOffline: false,
  touched: new Set(),
  strict: false,      // after a submit attempt every violation is shown in red
  busy: false,
};

const county = () => state.who.county_code;
const schoolCode = () => state.who.school_code;
const draftKey = () => `draft:${county()}/${schoolCode()}/${state.period}`;
const cacheKey = (what) => `${what}:${county()}/${schoolCode()}`;
const fieldByName = (name) => state.fields.find((f) => f.name === name);
const human = (text) => humanizeRule(text, state.catalog?.report);
const labelOf = (name) => fieldByName(name)?.label ?? state.catalog?.report?.find((f) => f.name === name)?.label ?? name;

// ---- loading, with the last known answers for offline use ----

// Calls `load` and keeps its answer under `key`; offline, answers the kept one (or throws).
async function cached(key, load) {
  try {
    const value = await load();
    kvSet(key, value).catch(() => {});
    return value;
  } catch (err) {
    if (!(err instanceof ApiError) || !err.offline) throw err;
    const kept = await kvGet(key).catch(() => undefined);
    if (kept === undefined) throw err;
    return kept;
  }
}

function sessionOver() {
  fill($('notices'), banner('error', '登录已过期',
    h('p', {}, '填写的内容已保存在本机。请用教育局发的登录单重新登录（扫码或打开登录链接），登录后回到本页继续。'),
    h('div', { class: 'actions' }, h('a', { class: 'btn', href: '/index.html' }, '去登录'))));
}

async function start() {
  watchNetwork($('netbar'));
  registerServiceWorker();
  try {
    state.who = await session();
    if (state.who) await kvSet('session', state.who);
  } catch (err) {
    state.who = await kvGet('session').catch(() => null);
    if (!state.who) { fatal('连不上服务器', err.message); return; }
  }
  if (!state.who) { location.replace('/index.html'); return; }
  if (state.who.role !== 'school_clerk') { location.replace('/index.html'); return; }
  $('who').textContent = state.who.label || schoolCode();
  $('submitter').value = (await kvGet('submitter').catch(() => '')) || state.who.label || '';

  try {
    const [cat, school, periods] = await Promise.all([
      cached('catalog', () => fetchCatalog()),
      cached(cacheKey('school'), () => getSchool({ county_code: county(), school_code: schoolCode() })),
      cached(`periods:${county()}`, () => listPeriods({ county_code: county() })),
    ]);
    state.catalog = cat;
    state.school = school;
    state.periods = sortPeriods(periods.periods ?? []);
  } catch (err) {
    if (err.code === 'unauthenticated') { location.replace('/index.html'); return; }
    fatal('载入失败', err.message);
    return;
  }
  state.fields = formFields(state.catalog, sectionsOfType(state.catalog, state.school.school_type));
  renderSchool();
  renderPeriodChooser();
  wireEvents();
  await choosePeriod($('period').value);
  loadDue();
  deliverOutbox();
}

function fatal(title, text) {
  fill($('school-card'), h('h1', {}, title), h('p', {}, text), h('div', { class: 'actions' },
    h('button', { class: 'btn btn-primary', type: 'button', onclick: () => location.reload() }, '重试')));
  $('report-form').replaceChildren();
}

function renderSchool() {
  const s = state.school;
  $('school-name').textContent = s.school_name || `学校 ${s.school_code}`;
  document.title = `${s.school_name || s.school_code} · 学校填报`;
  $('school-meta').textContent = [`学校标识码 ${s.school_code}`, typeLabel(state.catalog, s.school_type), s.town].filter(Boolean).join(' · ');
}

function renderPeriodChooser() {
  const select = $('period');
  let periods = state.periods.map((p) => p.period);
  let chosen = new URLSearchParams(location.search).get('period') || defaultPeriod(state.periods, Date.now());
  if (!periods.length) {
    // The bureau has set no reporting windows: offer this year and last year.
    const y = new Date().getFullYear();
    periods = [String(y), String(y - 1)];
    chosen = chosen || String(y);
  }
  if (chosen && !periods.includes(chosen)) periods.unshift(chosen);
  fill(select, periods.map((p) => h('option', { value: p, selected: p === chosen }, periodLabel(p))));
  select.value = chosen;
}

async function choosePeriod(period) {
  state.period = period;
  state.answer = null;
  state.answerKey = '';
  state.touched.clear();
  state.strict = false;
  state.lastPeriod = previousPeriod(state.periods, period);
  const url = new URL(location.href);
  url.searchParams.set('period', period);
  history.replaceState(null, '', url);
  renderStatus();

  const base = { county_code: county(), school_code: schoolCode() };
  const [latest, last, versions] = await Promise.all([
    cached(cacheKey(`latest:${period}`), () => getReportOrNull({ ...base, period })).catch(errorToNull),
    state.lastPeriod
      ? cached(cacheKey(`latest:${state.lastPeriod}`), () => getReportOrNull({ ...base, period: state.lastPeriod })).catch(errorToNull)
      : null,
    cached(cacheKey(`versions:${period}`), () => listReportVersions({ ...base, period })).catch(errorToNull),
  ]);
  if (period !== state.period) return; // the clerk chose another period meanwhile
  state.latest = latest;
  state.last = last?.report ?? null;
  state.versions = [...(versions?.versions ?? [])].sort((a, b) => Number(b.version) - Number(a.version));
  state.reviews = new Map();
  if (latest?.review?.state) state.reviews.set(Number(latest.review.version || latest.receipt?.version), latest.review);

  renderForm();
  await restoreValues();
  renderStatus();
  renderHistory();
  renderNotices();
  loadReviews();
  validateSoon(0);
  loadStanding();
}

function errorToNull(err) {
  if (err?.code === 'unauthenticated') sessionOver();
  else if (err && !err.offline) toast(err.message);
  return null;
}

const latestVersion = () => Number(state.latest?.receipt?.version ?? state.versions[0]?.version ?? 0);

// ---- the form ----

function inputFor(f) {
  const id = `in-${f.name}`;
  const common = { id, name: f.name, 'aria-describedby': `is-${f.name}` };
  if (f.kind === 'yesno') {
    return h('select', common, h('option', { value: '' }, '请选择'), h('option', { value: 'true' }, '是'), h('option', { value: 'false' }, '否'));
  }
  if (f.kind === 'word') {
    return h('select', common, h('option', { value: '' }, '请选择'), (f.words ?? []).map((w) => h('option', { value: w.word }, w.label)));
  }
  const numeric = f.kind === 'count' || f.kind === 'year';
  const decimal = f.kind === 'decimal' || f.kind === 'share';
  return h('input', {
    ...common, type: 'text',
    inputmode: numeric ? 'numeric' : decimal ? 'decimal' : 'text',
    enterkeyhint: 'next', spellcheck: 'false',
    placeholder: numeric ? '整数' : decimal ? (f.kind === 'share' ? '如 0.95' : '数字，可带小数') : '',
  });
}

function renderForm() {
  const form = $('report-form');
  const groups = groupFields(state.fields, state.catalog.groups?.length ? state.catalog.groups : undefined);
  form.replaceChildren(...groups.map((g) => h('fieldset', { class: 'group', id: `g-${g.group}` },
    h('legend', {}, g.label),
    h('div', { class: 'fields' }, g.fields.map((f) => {
      const lastValue = displayValue(f, state.last?.[f.name]);
      return h('div', { class: 'field', id: `f-${f.name}`, dataset: { name: f.name } },
        h('label', { for: `in-${f.name}` }, h('span', {}, f.label), f.unit ? h('span', { class: 'unit' }, `（${f.unit}）`) : null),
        h('div', { class: 'input-row' },
          inputFor(f),
          lastValue !== ''
            ? h('button', { class: 'last', type: 'button', title: `填入上期（${state.lastPeriod}）的数`, dataset: { copy: f.name } },
              h('span', { class: 'k' }, `上期 ${state.lastPeriod}`), lastValue)
            : null),
        h('ul', { class: 'issues', id: `is-${f.name}` }));
    })))));
}

function readValues() {
  const values = {};
  for (const f of state.fields) values[f.name] = $(`in-${f.name}`)?.value ?? '';
  return values;
}

function writeValues(values) {
  for (const f of state.fields) {
    const el = $(`in-${f.name}`);
    if (el) el.value = values[f.name] ?? '';
  }
  markChanged();
}

const hasAnyValue = (values) => Object.values(values).some((v) => String(v).trim() !== '');

function currentReport() {
  return buildReport(state.fields, readValues(), { school_code: schoolCode(), county_code: county(), period: state.period });
}

async function restoreValues() {
  const draft = await kvGet(draftKey()).catch(() => null);
  const stored = state.latest ? valuesFromReport(state.fields, state.latest.report) : {};
  const waiting = (await pending().catch(() => [])).find((e) => e.school_code === schoolCode() && e.period === state.period);
  if (waiting) {
    // The report waiting in the outbox is the newest the clerk wrote.
    writeValues(valuesFromReport(state.fields, waiting.report));
    state.draftNote = '';
    return;
  }
  if (draft && hasAnyValue(draft.values) && (draft.base_version ?? 0) >= latestVersion()) {
    writeValues(draft.values);
    for (const name of Object.keys(draft.values)) if (draft.values[name]) state.touched.add(name);
    state.draftNote = `已恢复 ${localTime(draft.saved_ms)} 保存在本机的草稿（尚未提交）。`;
  } else {
    if (draft) kvDelete(draftKey()).catch(() => {});
    writeValues(stored);
    state.draftNote = '';
  }
}

// Marks the fields that differ from the latest submitted version ("已改").
function markChanged() {
  const stored = state.latest ? valuesFromReport(state.fields, state.latest.report) : null;
  const values = readValues();
  for (const f of state.fields) {
    const changed = stored !== null && String(values[f.name] ?? '').trim() !== String(stored[f.name] ?? '');
    $(`f-${f.name}`)?.classList.toggle('changed', changed);
  }
}

let draftTimer = 0;
function saveDraftSoon() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    const values = readValues();
    if (hasAnyValue(values)) kvSet(draftKey(), { values, saved_ms: Date.now(), base_version: latestVersion() }).catch(() => {});
  }, DRAFT_DELAY_MS);
}

// ---- checking as the clerk types ----

let validateTimer = 0;
let validateSeq = 0;
let validateAbort = null;

function validateSoon(delay = VALIDATE_DELAY_MS) {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(() => { validateNow(); }, delay);
}

/** Checks the current report with the server (ValidateReport) and shows the issues. Answers
 * when the answer (or the failure) is in. */
async function validateNow() {
  clearTimeout(validateTimer);
  const seq = ++validateSeq;
  const { report } = currentReport();
  const key = JSON.stringify(report);
  if (!hasAnyValue(readValues())) {
    state.answer = null;
    state.answerKey = key;
    renderIssues();
    return;
  }
  validateAbort?.abort();
  validateAbort = new AbortController();
  try {
    const answer = await validateReport({ county_code: county(), report }, { signal: validateAbort.signal, timeoutMs: 15000 });
    if (seq !== validateSeq) return;
    state.answer = answer;
    state.answerKey = key;
    state.checkOffline = false;
  } catch (err) {
    if (seq !== validateSeq || err.code === 'canceled') return;
    if (err.code === 'unauthenticated') sessionOver();
    state.checkOffline = true;
  }
  renderIssues();
}

function renderIssues() {
  const values = readValues();
  const { errors } = currentReport();
  const stale = state.answerKey !== JSON.stringify(currentReport().report);
  const by = issuesByField(stale && !state.answer ? null : state.answer, state.fields.map((f) => f.name));
  let nErr = 0;
  let nTodo = 0;
  let nWarn = 0;
  for (const f of state.fields) {
    const list = $(`is-${f.name}`);
    if (!list) continue;
    const items = [];
    const local = errors[f.name];
    const mine = by[f.name] ?? { violations: [], warnings: [] };
    const empty = String(values[f.name] ?? '').trim() === '';
    const quiet = empty && !state.touched.has(f.name) && !state.strict;
    if (local) items.push(h('li', { class: 'error' }, local));
    else {
      for (const v of mine.violations) items.push(h('li', { class: quiet ? 'todo' : 'error' }, quiet ? `待填：${human(v.rule)}` : human(v.rule)));
    }
    for (const w of mine.warnings) items.push(h('li', { class: 'warning' }, `请核对：${human(w.rule)}`));
    list.replaceChildren(...items);
    const hasError = Boolean(local) || (!quiet && mine.violations.length > 0);
    const fieldEl = $(`f-${f.name}`);
    fieldEl.classList.toggle('has-error', hasError);
    fieldEl.classList.toggle('has-warning', mine.warnings.length > 0);
    $(`in-${f.name}`)?.setAttribute('aria-invalid', hasError ? 'true' : 'false');
    if (hasError) nErr++;
    else if (quiet && mine.violations.length) nTodo++;
    if (mine.warnings.length) nWarn++;
  }
  const general = by[''];
  const generalBox = $('general-issues');
  if (general && (general.violations.length || general.warnings.length)) {
    nErr += general.violations.length;
    nWarn += general.warnings.length;
    fill(generalBox, banner(general.violations.length ? 'error' : 'warn', '整份报表的问题',
      h('ul', {}, general.violations.map((v) => h('li', {}, `${labelOf(v.field)}${v.value ? `（${v.value}）` : ''}：${human(v.rule)}`)),
        general.warnings.map((w) => h('li', {}, `请核对 ${labelOf(w.field)}：${human(w.rule)}`)))));
  } else generalBox.replaceChildren();
  state.counts = { nErr, nTodo, nWarn };
  renderSummary();
}

function renderSummary() {
  const { nErr = 0, nTodo = 0, nWarn = 0 } = state.counts ?? {};
  const box = $('summary');
  const parts = [];
  const jump = (cls, text, pick) => h('button', { type: 'button', class: cls, onclick: () => scrollToIssue(pick) }, text);
  if (nErr) parts.push(jump('n-err', `${nErr} 处需改正`, '.field.has-error'));
  if (nTodo) parts.push(jump('', `${nTodo} 项待填`, '.issues .todo'));
  if (nWarn) parts.push(jump('n-warn', `${nWarn} 处请核对`, '.field.has-warning'));
  if (!hasAnyValue(readValues())) fill(box, h('span', { class: 'muted' }, '逐项填写，写完会自动检查'));
  else if (parts.length) fill(box, ...parts.flatMap((p, i) => (i ? [' · ', p] : [p])));
  else if (state.checkOffline) fill(box, h('span', { class: 'muted' }, '离线：暂时无法检查，提交后由服务器检查'));
  else if (state.answer) fill(box, h('span', { class: 'n-ok' }, '✓ 检查通过，可以提交'));
  else fill(box, h('span', { class: 'muted' }, '正在检查…'));
}

function scrollToIssue(selector) {
  const el = document.querySelector(selector);
  const field = el?.closest('.field') ?? el;
  if (!field) return false;
  field.scrollIntoView({ behavior: 'smooth', block: 'center' });
  field.querySelector('input, select')?.focus({ preventScroll: true });
  return true;
}

// ---- status, notices, history ----

function periodEntry() { return state.periods.find((p) => p.period === state.period); }

function renderStatus() {
  const box = $('status');
  const items = [];
  const p = periodEntry();
  const now = Date.now();
  if (p) {
    const deadline = Number(p.deadline_unix_ms);
    const closes = Number(p.closes_unix_ms);
    const days = (deadline - now) / 86400000;
    let windowText = `截止 ${formatTime(p.deadline)}（${daysText(days)}）`;
    if (closes && now > closes) windowText = `本期已于 ${formatTime(p.closes)} 关闭；如需补报，请向教育局申请延期`;
    else if (deadline && now > deadline) windowText = `截止时间 ${formatTime(p.deadline)} 已过，${formatTime(p.closes)} 前仍可提交（记为逾期）`;
    else if (Number(p.opens_unix_ms) > now) windowText = `本期 ${formatTime(p.opens)} 开始填报，截止 ${formatTime(p.deadline)}`;
    items.push(h('p', {}, windowText));
  } else if (state.periods.length === 0) {
    items.push(h('p', { class: 'muted' }, '教育局还没有设定填报时间。'));
  }
  const owed = state.due?.owed?.find((o) => o.period === state.period);
  const v = latestVersion();
  if (owed?.state === 'returned') {
    items.push(h('p', { class: 'state state-owed' }, '本期报表被教育局退回，请按意见修改后重新提交。'));
  } else if (v > 0) {
    const r = state.latest?.receipt ?? state.versions[0];
    items.push(h('p', { class: 'state state-done' }, `✓ 已提交第 ${v} 版`, r?.server_time ? `（${formatTime(r.server_time)}）` : '',
      ' ', h('a', { href: receiptHref(r) }, '查看回执')));
  } else {
    items.push(h('p', { class: 'state state-owed' }, '本期报表尚未提交。'));
  }
  const others = (state.due?.owed ?? []).filter((o) => o.period !== state.period);
  if (others.length) {
    items.push(h('p', { class: 'small' }, '其他应报：', others.map((o) => h('button', {
      type: 'button', class: 'btn btn-small', onclick: () => { $('period').value = o.period; choosePeriod(o.period); },
    }, `${o.period}（${o.state === 'returned' ? '被退回' : '未提交'}，${daysText(o.days_to_deadline)}）`))));
  }
  const missed = (state.due?.missed ?? []).filter((o) => o.period !== state.period);
  if (missed.length) {
    items.push(h('p', { class: 'small state-owed' }, '已关闭而本校未报：',
      missed.map((o) => `${o.period}（${formatTime(o.closes)} 关闭）`).join('、'),
      '。如需补报，请联系教育局开通特许补报。'));
  }
  fill(box, items);
}

function receiptHref(r) {
  if (!r) return '/receipt.html';
  return `/receipt.html#school=${encodeURIComponent(r.school_code || schoolCode())}&period=${encodeURIComponent(r.period || state.period)}&version=${encodeURIComponent(r.version)}&id=${encodeURIComponent(r.submission_id ?? '')}`;
}

async function loadDue() {
  try {
    state.due = await due({ county_code: county(), school_code: schoolCode() });
    renderStatus();
    renderNotices();
  } catch (err) {
    if (err.code === 'unauthenticated') sessionOver();
  }
}

async function loadReviews() {
  const period = state.period;
  const base = { county_code: county(), school_code: schoolCode(), period };
  const wanted = state.versions.slice(0, REVIEWED_VERSIONS).map((r) => Number(r.version)).filter((v) => !state.reviews.has(v));
  await Promise.all(wanted.map(async (version) => {
    try {
      const stored = await getReportOrNull({ ...base, version });
      if (stored?.review?.state && Number(stored.review.version || version) === version) state.reviews.set(version, stored.review);
    } catch { /* offline: the history shows no review */ }
  }));
  if (period === state.period) { renderHistory(); renderNotices(); }
}

function renderHistory() {
  const box = $('versions');
  if (!state.versions.length) { fill(box, h('p', { class: 'muted' }, '本期还没有提交过。')); return; }
  fill(box, h('ol', { class: 'versions' }, state.versions.map((r) => {
    const v = Number(r.version);
    const review = state.reviews.get(v);
    const pill = review?.state === 'accepted' ? h('span', { class: 'pill pill-ok' }, '已通过')
      : review?.state === 'returned' ? h('span', { class: 'pill pill-err' }, '被退回')
        : review?.state === 'reopened' ? h('span', { class: 'pill pill-warn' }, '已重新打开')
          : h('span', { class: 'pill' }, v === latestVersion() ? '待审核' : '已被新版本替换');
    return h('li', {},
      h('span', { class: 'v' }, `第 ${v} 版`),
      h('div', {},
        h('div', {}, formatTime(r.server_time), r.late ? [' ', h('span', { class: 'pill pill-warn' }, '逾期')] : null),
        h('div', { class: 'small muted' }, r.submitter ? `提交人 ${r.submitter} · ` : '', '回执 ', h('span', { class: 'mono' }, r.receipt_id)),
        h('a', { class: 'small', href: receiptHref(r) }, '查看回执')),
      pill,
      review?.state === 'returned' && review.comment ? h('div', { class: 'comment' }, `教育局退回：${review.comment}`) : null);
  })));
}

async function renderNotices() {
  const box = $('notices');
  const out = [];
  if (state.refusal) {
    const { title, message, extra } = state.refusal;
    out.push(banner('error', title, h('p', {}, message), extra ? h('p', {}, extra) : null,
      h('div', { class: 'actions' }, h('button', { class: 'btn btn-small', type: 'button', onclick: () => { state.refusal = null; renderNotices(); } }, '知道了'))));
  }
  const latestReview = state.reviews.get(latestVersion());
  const owed = state.due?.owed?.find((o) => o.period === state.period);
  const returnedComment = (latestReview?.state === 'returned' && latestReview.comment) || (owed?.state === 'returned' && owed.review_comment) || '';
  if (returnedComment) {
    out.push(banner('returned', null, h('p', {}, h('strong', {}, `教育局退回：${returnedComment}`)),
      h('p', {}, '请按意见修改下面的数字，然后重新提交。')));
  } else if (latestReview?.state === 'accepted') {
    out.push(banner('ok', `教育局已审核通过第 ${latestVersion()} 版`, h('p', {}, '本期报表已锁定。如需更正，请联系县教育局“重新打开”后再提交。')));
  }
  setLocked(latestReview?.state === 'accepted');

  for (const [id, rec] of state.delivered ?? []) {
    const r = rec.receipt ?? {};
    out.push(banner('ok', `保存在本机的${periodLabel(r.period)}报表已提交`, h('p', {}, `第 ${r.version} 版，${formatTime(r.server_time)} 收到。`),
      h('div', { class: 'actions' }, h('a', { class: 'btn btn-small', href: `/receipt.html#id=${encodeURIComponent(id)}` }, '查看回执'),
        h('button', { class: 'btn btn-small', type: 'button', onclick: () => { state.delivered.delete(id); renderNotices(); } }, '知道了'))));
  }
  const refusals = await listRefusals().catch(() => []);
  for (const r of refusals) {
    out.push(banner('error', `${periodLabel(r.period)}报表没有被接收`, h('p', {}, human(r.message)),
      h('div', { class: 'actions' }, h('button', {
        class: 'btn btn-small', type: 'button', onclick: async () => { await dismissRefusal(r.submission_id); renderNotices(); },
      }, '知道了'))));
  }
  const waiting = await pending().catch(() => []);
  if (waiting.length) {
    out.push(banner('warn', `${waiting.length} 份报表已保存在本机，联网后自动提交`,
      h('ul', {}, waiting.map((e) => h('li', {}, `${periodLabel(e.period)}，${localTime(e.created_ms)} 保存`,
        e.last_error ? h('span', { class: 'small' }, `（上次尝试：${e.last_error}）`) : null))),
      h('p', { class: 'small' }, '不要清除浏览器数据。可以关闭本页；联网后打开本页（或浏览器在后台）会自动提交，并生成回执。'),
      h('div', { class: 'actions' }, h('button', { class: 'btn btn-small', type: 'button', onclick: () => deliverOutbox(true) }, '现在重试'))));
  }
  if (state.draftNote) {
    out.push(banner('info', null, h('p', {}, state.draftNote), h('div', { class: 'actions' },
      h('button', { class: 'btn btn-small', type: 'button', onclick: discardDraft }, state.latest ? '放弃草稿，载入已提交的版本' : '放弃草稿，清空'))));
  }
  fill(box, out);
}

function setLocked(locked) {
  state.locked = locked;
  updateSubmitButton();
}

function updateSubmitButton() {
  const b = $('submit');
  b.disabled = state.busy || state.locked;
  b.textContent = state.busy ? '正在提交…' : state.locked ? '已审核通过' : latestVersion() > 0 ? '提交更正' : '提交报表';
}

async function discardDraft() {
  await kvDelete(draftKey()).catch(() => {});
  state.draftNote = '';
  state.touched.clear();
  writeValues(state.latest ? valuesFromReport(state.fields, state.latest.report) : {});
  renderNotices();
  validateSoon(0);
}

// ---- the school's own standing (EvaluationService/SchoolStanding) ----

const STANDING_ZH = { pass: '达标', fail: '未达标', not_judged: '无法判定', excluded: '不参评' };
const SECTION_ZH = { primary: '小学', junior: '初中', senior: '高中' };
const INDICATORS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'];
let standingSeq = 0;

// A number as a person reads it: at most two decimals, no trailing zeros.
const num = (v) => (v === undefined || v === null || v === '' || Number.isNaN(Number(v)) ? '—'
  : String(Math.round(Number(v) * 100) / 100));
const standingPill = (status) => h('span', {
  class: `pill ${status === 'pass' ? 'pill-ok' : status === 'fail' ? 'pill-err' : 'pill-warn'}`,
}, STANDING_ZH[status] ?? status ?? '无法判定');

/** Loads and shows whether the school meets the standard in the chosen period, its indicators
 * against the per-unit minimums, what it would take to reach each missed one, and the per-school
 * items it fails or that cannot be judged. It needs the server: offline it says so. */
async function loadStanding() {
  const box = $('standing');
  const period = state.period;
  const seq = ++standingSeq;
  if (!box.firstChild || state.standingOffline) fill(box, h('p', { class: 'muted' }, '正在载入…'));
  try {
    const answer = await schoolStanding({ county_code: county(), school_code: schoolCode(), period });
    if (seq !== standingSeq || period !== state.period) return;
    state.standingOffline = false;
    renderStanding(answer);
  } catch (err) {
    if (seq !== standingSeq) return;
    state.standingOffline = Boolean(err?.offline);
    if (err?.code === 'unauthenticated') sessionOver();
    fill(box, h('p', { class: 'muted' }, err?.offline
      ? '现在连不上服务器，暂时无法载入本校达标情况；联网后会自动重新载入。'
      : `暂时无法载入本校达标情况：${human(err?.message ?? '')}`));
  }
}

function renderStanding(answer) {
  const out = [];
  const std = answer.standard ?? {};
  const status = std.meets ? 'pass' : std.status === 'not_judged' ? 'not_judged' : 'fail';
  out.push(h('p', { class: 'standing-head' },
    `${periodLabel(answer.period || state.period)}本校：`, standingPill(status),
    Number(std.target_year) > 0 ? h('span', { class: 'muted' }, `　计划达标年份：${std.target_year} 年`) : null));
  if (std.reasons?.length) out.push(h('ul', { class: 'small standing-reasons' }, std.reasons.map((r) => h('li', {}, human(r)))));

  const units = answer.units ?? [];
  const minimums = answer.minimums ?? [];
  const gaps = answer.gaps ?? [];
  if (!units.length) out.push(h('p', { class: 'muted' }, '本期还没有可以评估的数据（报表尚未提交或尚未填完）。'));
  for (const unit of units) {
    const section = SECTION_ZH[unit.section] ?? unit.section ?? '';
    if (units.length > 1 || unit.excluded) out.push(h('h3', {}, section ? `${section}部分` : '本校'));
    if (unit.excluded) {
      out.push(h('p', {}, '本期不参评', unit.exclusion_reason ? `：${human(unit.exclusion_reason)}` : '。'));
      continue;
    }
    const below = new Set(unit.below ?? []);
    const mins = minimums.filter((m) => !unit.section || m.level === unit.section);
    const ids = mins.length ? mins.map((m) => m.indicator) : INDICATORS;
    out.push(h('div', { class: 'table-wrap' }, h('table', { class: 'list standing' },
      h('thead', {}, h('tr', {}, h('th', {}, '指标'), h('th', {}, '本校数值'), h('th', {}, '最低要求'), h('th', {}, '单位'), h('th', {}, '结果'))),
      h('tbody', {}, ids.map((id) => {
        const m = mins.find((x) => x.indicator === id) ?? {};
        const value = unit.values?.[id];
        const known = value !== undefined && value !== null;
        const isBelow = below.has(id) || (known && m.minimum !== undefined && Number(value) < Number(m.minimum));
        return h('tr', { class: isBelow ? 'below' : null, dataset: { indicator: id } },
          h('td', {}, h('span', { class: 'mono' }, id), ' ', m.name_zh ?? ''),
          h('td', { class: isBelow ? 'value-below' : null }, known ? num(value) : '未能计算', isBelow ? h('span', { class: 'sr-only' }, '（低于最低要求）') : null),
          h('td', {}, num(m.minimum)),
          h('td', {}, m.unit_zh ?? ''),
          h('td', {}, standingPill(!known ? 'not_judged' : isBelow ? 'fail' : 'pass')));
      })))));
    if (unit.missing_fields?.length) {
      out.push(h('p', { class: 'small' }, '以下数据未填写，相关指标无法计算：', unit.missing_fields.map(labelOf).join('、'), '。'));
    }
    const mine = gaps.filter((g) => !unit.section || !g.section || g.section === unit.section);
    if (mine.length) {
      out.push(h('ul', { class: 'gaps' }, mine.map((g) => h('li', {},
        h('strong', {}, `${g.indicator} ${g.name_zh ?? ''}`), '：',
        (g.additions ?? []).length
          ? ['还需增加 ', (g.additions ?? []).map((a) => `${labelOf(a.quantity)} ${num(a.school_amount || a.amount)} ${a.unit_zh ?? ''}`.trim()).join('，')]
          : '未达到最低要求'))));
    }
  }

  const items = answer.items ?? [];
  const open = items.filter((i) => i.status === 'fail' || i.status === 'not_judged');
  out.push(h('h3', {}, '校级评估项'));
  if (!items.length) out.push(h('p', { class: 'muted' }, '没有校级评估项。'));
  else if (!open.length) out.push(h('p', {}, `全部 ${items.length} 项均达标。`));
  else {
    out.push(h('ul', { class: 'standing-items' }, open.map((i) => h('li', { dataset: { item: i.id } },
      standingPill(i.status), ' ', h('strong', {}, `${i.id} ${i.name_zh ?? ''}`),
      i.reason ? h('div', { class: 'small' }, human(i.reason)) : null))));
    if (open.length < items.length) out.push(h('p', { class: 'small muted' }, `其余 ${items.length - open.length} 项达标。`));
  }
  out.push(h('p', { class: 'small muted' }, '按本期最新提交的版本计算，只含本校的数据。'));
  fill($('standing'), out);
}

// ---- delivering the outbox ----

let delivering = false;
async function deliverOutbox(byHand = false) {
  if (delivering) return;
  const waiting = await pending().catch(() => []);
  if (!waiting.length) return;
  delivering = true;
  try {
    const out = await flush({ csrf: csrfToken(), owner: state.who });
    for (const { entry } of out.accepted) noteDelivered(entry.submission_id);
    if (out.accepted.length) toast(`${out.accepted.length} 份保存在本机的报表已提交成功`);
    else if (byHand && out.kept.length) toast(out.kept[0].err.message);
    if (out.kept.length) requestDelivery();
    if (out.accepted.length || out.refused.length) await refreshPeriod();
  } catch (err) {
    if (byHand) toast(err.message);
  } finally {
    delivering = false;
    renderNotices();
  }
}

// A report delivered from the outbox (by this page or the service worker): a banner with its
// receipt.
async function noteDelivered(submissionId) {
  const record = await getReceipt(submissionId).catch(() => null);
  if (!record) return;
  state.delivered ??= new Map();
  state.delivered.set(submissionId, record);
  renderNotices();
}

// Re-reads the period's versions after a delivery, keeping what the clerk typed.
async function refreshPeriod() {
  const period = state.period;
  const base = { county_code: county(), school_code: schoolCode(), period };
  try {
    const [latest, versions] = await Promise.all([getReportOrNull(base), listReportVersions(base)]);
    if (period !== state.period) return;
    state.latest = latest;
    state.versions = [...(versions.versions ?? [])].sort((a, b) => Number(b.version) - Number(a.version));
    kvSet(cacheKey(`latest:${period}`), latest).catch(() => {});
    kvSet(cacheKey(`versions:${period}`), versions).catch(() => {});
  } catch { return; }
  markChanged();
  renderStatus();
  renderHistory();
  updateSubmitButton();
  loadReviews();
  loadDue();
  loadStanding();
}

// ---- submitting ----

async function submit() {
  if (state.busy || state.locked) return;
  state.strict = true;
  const { report, errors } = currentReport();
  if (Object.keys(errors).length) {
    renderIssues();
    scrollToIssue('.field.has-error');
    toast('有填写格式不对的项目，请先改正（标红处）');
    return;
  }
  if (!hasAnyValue(readValues())) { toast('还没有填写任何数据'); return; }
  const submitter = $('submitter').value.trim();
  kvSet('submitter', submitter).catch(() => {});

  state.busy = true;
  state.refusal = null;
  updateSubmitButton();
  try {
    // Check once more when the last check was of other values.
    if (state.answerKey !== JSON.stringify(report) && navigator.onLine) await validateNow();
    renderIssues();
    if (state.answerKey === JSON.stringify(report) && (state.answer?.violations?.length ?? 0) > 0) {
      scrollToIssue('.field.has-error') || scrollToIssue('#general-issues');
      toast(`还有 ${state.answer.violations.length} 处需要改正，改正后才能提交`);
      return;
    }
    // The outbox first: from here on the report survives a closed tab or a lost network.
    const entry = await queue({
      submission_id: newSubmissionId(),
      county_code: county(),
      school_code: schoolCode(),
      period: state.period,
      report,
      replaces_version: latestVersion(),
      submitter,
      csrf: csrfToken(),
    });
    // The outbox entry holds these values now.
    await kvDelete(draftKey()).catch(() => {});
    state.draftNote = '';
    const out = await flush({ csrf: csrfToken(), owner: state.who });
    const mine = (list) => list.find((x) => x.entry.submission_id === entry.submission_id);
    const accepted = mine(out.accepted);
    const refused = mine(out.refused);
    const kept = mine(out.kept);
    if (accepted || (!refused && !kept && (await getReceipt(entry.submission_id)))) {
      await kvDelete(draftKey()).catch(() => {});
      location.href = `/receipt.html#id=${encodeURIComponent(entry.submission_id)}`;
      return;
    }
    if (refused) {
      await dismissRefusal(entry.submission_id).catch(() => {});
      showRefusal(refused.err);
      return;
    }
    const err = kept?.err;
    if (err?.code === 'unauthenticated') {
      showSaved('登录已过期：报表已保存在本机。请用教育局的登录单重新登录，登录后打开本页会自动提交。');
    } else {
      showSaved('已保存在本机，联网后自动提交。');
    }
    requestDelivery();
  } catch (err) {
    toast(`没有保存：${err.message}`);
  } finally {
    state.busy = false;
    updateSubmitButton();
    renderNotices();
  }
}

function showSaved(text) {
  toast(text, 6000);
  window.scrollTo({ top: 0, behavior: 'smooth' });
}

async function showRefusal(err) {
  const title = {
    aborted: '本期已有更新的版本，这份没有提交',
    failed_precondition: '现在不能提交',
    invalid_argument: '报表有错误，没有提交',
    permission_denied: '没有权限提交',
    already_exists: '这份报表与先前的提交冲突',
  }[err.code] ?? '报表没有被接收';
  const extra = err.code === 'aborted'
    ? '可能是本校其他人刚提交过。已载入最新的版本号；请核对下面的数字后再提交一次。'
    : err.code === 'failed_precondition' ? '填写的内容仍保存在本页。' : '';
  state.refusal = { title, message: human(err.message), extra };
  window.scrollTo({ top: 0, behavior: 'smooth' });
  if (err.code === 'aborted') await refreshPeriod();
  if (err.code === 'invalid_argument') await validateNow();
}

// ---- tools: last period, template, upload ----

function copyLastAll() {
  if (!state.last) { toast(`没有找到上期（${state.lastPeriod || '无'}）已提交的数据`); return; }
  const values = readValues();
  const last = valuesFromReport(state.fields, state.last);
  let n = 0;
  for (const [name, v] of Object.entries(last)) {
    if (!String(values[name] ?? '').trim()) { values[name] = v; n++; state.touched.add(name); }
  }
  writeValues(values);
  saveDraftSoon();
  validateSoon(0);
  toast(n ? `已把上期的 ${n} 项数据填入空白处，请逐项核对并改成本期的数` : '空白处没有可以沿用的上期数据');
}

async function downloadTemplate() {
  const msg = $('tools-msg');
  msg.replaceChildren();
  try {
    const blob = await fetchTemplate(schoolCode(), state.period);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `${schoolCode()}-${state.period}.xlsx` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (err) {
    const text = ['unimplemented', 'not_found'].includes(err.code) ? `服务器暂时不提供模板下载。（${err.message}）` : err.message;
    fill(msg, banner('warn', '模板没有下载', h('p', {}, text)));
  }
}

async function upload(file) {
  const msg = $('tools-msg');
  fill(msg, banner('info', null, h('p', {}, h('span', { class: 'spinner' }), ` 正在读取 ${file.name}…`)));
  try {
    const { reports = [] } = await readReportFile(file);
    const mine = reports.find((r) => r.school_code === schoolCode()) ?? (reports.length === 1 && !reports[0].school_code ? reports[0] : null);
    if (!mine) {
      const codes = [...new Set(reports.map((r) => r.school_code))].filter(Boolean).slice(0, 5).join('、');
      fill(msg, banner('error', '文件里没有本校的报表', h('p', {}, `本校学校标识码为 ${schoolCode()}；文件中的学校：${codes || '（无）'}。请检查“学校标识码”一列。`)));
      return;
    }
    const values = valuesFromReport(state.fields, mine);
    const shown = new Set(state.fields.map((f) => f.name));
    const ignored = Object.keys(mine).filter((k) => !shown.has(k) && !['school_code', 'county_code', 'period'].includes(k));
    if (hasAnyValue(readValues()) && !confirm('用文件中的数据替换下面已经填写的内容？')) { msg.replaceChildren(); return; }
    writeValues(values);
    for (const name of Object.keys(values)) state.touched.add(name);
    saveDraftSoon();
    await validateNow();
    const notes = [h('p', {}, `已从 ${file.name} 填入 ${Object.keys(values).length} 项。请核对后点“提交”。（文件只用来读出数字，服务器不保存文件本身。）`)];
    if (mine.period && mine.period !== state.period) notes.push(h('p', {}, `注意：文件里的填报期是 ${mine.period}，已按当前选择的 ${periodLabel(state.period)}填入。`));
    if (ignored.length) notes.push(h('p', {}, `文件中 ${ignored.map(labelOf).join('、')} 不属于本校学段，已忽略。`));
    fill(msg, banner('ok', '已读取文件', ...notes));
  } catch (err) {
    fill(msg, banner('error', '文件没有读取成功', h('p', {}, err.message),
      h('p', { class: 'small' }, '改正后再上传；或者直接在下面逐项填写。')));
  } finally {
    $('upload').value = '';
  }
}

// ---- events ----

function wireEvents() {
  $('period').addEventListener('change', (e) => choosePeriod(e.target.value));
  const form = $('report-form');
  form.addEventListener('input', (e) => {
    const name = e.target.name;
    if (name) state.touched.add(name);
    markChanged();
    saveDraftSoon();
    renderIssues();
    validateSoon();
  });
  form.addEventListener('change', (e) => { if (e.target.name) { state.touched.add(e.target.name); validateSoon(0); } });
  form.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-copy]');
    if (!button) return;
    const f = fieldByName(button.dataset.copy);
    const el = $(`in-${f.name}`);
    el.value = valuesFromReport([f], state.last)[f.name] ?? '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.focus();
  });
  // Enter moves to the next field instead of submitting.
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.target.tagName !== 'INPUT') return;
    e.preventDefault();
    const inputs = [...form.querySelectorAll('input, select')];
    inputs[inputs.indexOf(e.target) + 1]?.focus();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('submit').addEventListener('click', submit);
  $('copy-last').addEventListener('click', copyLastAll);
  $('template').addEventListener('click', downloadTemplate);
  $('upload').addEventListener('change', (e) => { if (e.target.files?.[0]) upload(e.target.files[0]); });
  $('logout').addEventListener('click', signOut);
  addEventListener('online', () => { deliverOutbox(); validateSoon(0); if (state.standingOffline) loadStanding(); });
  try {
    new BroadcastChannel(CHANNEL).onmessage = (e) => {
      if (e.data?.type === 'delivered') noteDelivered(e.data.submission_id);
      if (e.data?.type === 'delivered' || e.data?.type === 'refused') refreshPeriod();
      renderNotices();
    };
  } catch { /* no BroadcastChannel */ }
}

async function signOut() {
  const waiting = await pending().catch(() => []);
  const question = waiting.length
    ? '本机还有未提交的报表。退出后需要重新登录才能把它们提交。确定退出登录？'
    : '确定退出登录？退出后需要用教育局的登录单重新登录。';
  if (!confirm(question)) return;
  try { await logout(); } catch (err) { if (!err.offline) toast(err.message); }
  await kvDelete('session').catch(() => {});
  location.replace('/index.html');
}

start();
