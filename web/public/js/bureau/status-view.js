// 报送状态: the live status board of a reporting round. Cards for the counts, the submissions per
// day with the deadline, the schools that still owe a report with their contacts, a printable
// reminder sheet (BureauService/Reminders), the consistency warnings, and every school's state.
// Refreshed every 30 s while the page is visible.

import { downloadLink } from './downloads.js';
import { daysText } from '../report_model.js';
import { renderChart } from './charts.js';
import { submissionsChartOption } from './chart-options.js';
import { badge, fill, h, headRow, loading, note } from './dom.js';
import { chinaTime, int64, percent, plain, STATE_ZH } from './format.js';
import { missingByTown, schoolsOfCard, statusCards, submissionsPerDay, toCsv } from './submissions.js';

const REFRESH_MS = 30000;
const STATE_BADGE = { not_submitted: 'fail', incomplete: 'warn', on_time: 'pass', late: 'warn', returned: 'warn', accepted: 'done' };

export async function renderStatus(view, ctx, current) {
  const period = ctx.route.period;
  let filter = 'due';
  let latest = null;

  const head = h('div', { class: 'status-head' });
  const cards = h('div', { class: 'stat-cards', role: 'list' });
  const chartBox = h('div', { class: 'chart chart-wide', 'aria-label': '每日报送数量' });
  const missing = h('div', { class: 'missing' });
  const reminder = h('div', { class: 'reminder' });
  const warnings = h('div', { class: 'warnings' });
  const table = h('div', { class: 'school-table' });
  fill(
    view,
    head,
    cards,
    h('div', { class: 'panel' }, h('h2', {}, '每日报送（按各校首次报送时间）'), chartBox),
    h('div', { class: 'two-col' },
      h('div', { class: 'panel' }, h('h2', {}, '未报送学校'), missing),
      h('div', { class: 'panel' }, h('h2', {}, '催报单'), reminder)),
    h('div', { class: 'panel' }, h('h2', {}, '数据一致性提示'), h('p', { class: 'muted' }, '提示不阻止报送，只指出值得打电话核实的数字。'), warnings),
    h('div', { class: 'panel' }, h('h2', {}, '各校报送情况'), table),
  );
  fill(head, loading());

  const drawTable = () => {
    if (!latest) return;
    const deadline = latest.window_defined ? latest.window?.deadline_unix_ms : undefined;
    const list = schoolsOfCard(latest.schools || [], filter, deadline);
    const card = statusCards(latest).find((c) => c.key === filter);
    const rows = list.map((s) => h('tr', { 'data-school': s.school_code, class: `state-${s.state}` },
      h('td', { class: 'code' }, s.school_code),
      h('td', {}, s.school_name || ctx.schoolName(s.school_code)),
      h('td', {}, badge(STATE_ZH[s.state] || s.state, STATE_BADGE[s.state])),
      h('td', { class: 'num' }, int64(s.latest_version) > 0 ? `v${s.latest_version}` : ''),
      h('td', {}, chinaTime(s.first_received || s.first_received_unix_ms)),
      h('td', {}, chinaTime(s.received || s.received_unix_ms)),
      h('td', {}, s.submitter || ''),
      h('td', {}, s.contact_name || ''),
      h('td', {}, s.contact_phone ? h('a', { href: `tel:${s.contact_phone}` }, s.contact_phone) : ''),
      h('td', {}, s.review_comment || (s.exception_expires ? `特许至 ${chinaTime(s.exception_expires)}` : '')),
      h('td', {}, int64(s.latest_version) > 0 ? h('a', { href: `#/review/${encodeURIComponent(period)}/${encodeURIComponent(s.school_code)}` }, '查看') : '')));
    fill(table,
      h('div', { class: 'toolbar' },
        h('span', {}, `${card ? card.label : ''}：${list.length} 所`),
        filter !== 'due' ? h('button', { type: 'button', class: 'btn btn-link', onclick: () => { filter = 'due'; drawCards(); drawTable(); } }, '显示全部') : null,
        h('button', { type: 'button', class: 'btn btn-small', onclick: () => exportCsv(list, ctx, period, filter) }, '导出表格（CSV，可用 Excel/WPS 打开）'),
        downloadLink('status', period, '报送情况.xlsx'),
        downloadLink('reminders', period, '催报名单.xlsx'),
        downloadLink('values', period, '各校填报数据.xlsx'),
        downloadLink('schools', period, '学校名册.xlsx')),
      h('table', { class: 'data' },
        headRow(['学校标识码', '学校名称', '状态', ['版本', 'num'], '首次报送', '最近报送', '报送人', '联系人', '电话', '审核意见/特许', '']),
        h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 11, class: 'muted' }, '没有学校')))));
  };

  const drawCards = () => {
    fill(cards, statusCards(latest).map((c) => h('button', {
      type: 'button',
      role: 'listitem',
      class: `stat-card stat-${c.key}${filter === c.key ? ' selected' : ''}`,
      'data-card': c.key,
      'aria-pressed': filter === c.key ? 'true' : 'false',
      title: `在下表中只看「${c.label}」的学校`,
      onclick: () => { filter = c.key; drawCards(); drawTable(); },
    }, h('span', { class: 'stat-value' }, plain(c.value)), h('span', { class: 'stat-label' }, c.label), h('span', { class: 'stat-hint' }, c.hint))));
  };

  const draw = (s) => {
    latest = s;
    const w = s.window_defined ? s.window : null;
    const now = Date.now();
    const deadlineMs = w ? int64(w.deadline_unix_ms) : NaN;
    fill(head,
      h('div', { class: 'window' },
        w
          ? [
              h('span', {}, `开放 ${chinaTime(w.opens || w.opens_unix_ms)}`), ' · ',
              h('strong', {}, `截止 ${chinaTime(w.deadline || w.deadline_unix_ms)}`),
              ` （${daysText((deadlineMs - now) / 86400000)}）`, ' · ',
              h('span', {}, `关闭 ${chinaTime(w.closes || w.closes_unix_ms)}`),
            ]
          : h('span', {}, `${period} 没有设定填报时间（事后补录）：随时可报，不计逾期。`)),
      h('div', { class: 'as-of muted' }, `报送率 ${percent(s.completeness_rate)} · 及时率 ${percent(s.timeliness_rate)} · 数据时间 ${chinaTime(s.as_of)} · 每 30 秒自动刷新`));
    drawCards();
    const series = submissionsPerDay(s.schools || [], w, now);
    if (series.days.length) {
      renderChart(chartBox, 'submissions-per-day', submissionsChartOption(series, Number(s.schools_total || 0)));
    } else {
      fill(chartBox, note('info', '还没有学校报送。'));
    }
    drawMissing(missing, s, ctx);
    drawWarnings(warnings, s, ctx, period);
    drawTable();
  };

  const load = async () => {
    const s = await ctx.api.submissionStatus({ county_code: ctx.county, period });
    if (!current()) return;
    draw(s);
  };

  await load();
  if (latest && latest.window_defined) {
    drawReminder(reminder, ctx, period, latest);
  } else {
    fill(reminder, note('info', `${period} 没有截止时间，不生成催报单；左侧是还没有报送的学校和联系人。`));
  }

  const timer = setInterval(async () => {
    if (document.visibilityState !== 'visible') return;
    try {
      await load();
    } catch {
      // Keep what is shown; the next tick tries again.
    }
  }, REFRESH_MS);
  ctx.cleanup = () => clearInterval(timer);
}

function drawMissing(box, s, ctx) {
  const groups = missingByTown(s.schools || [], ctx.registry);
  if (!groups.length) {
    fill(box, note('ok', '所有学校都已报送。'));
    return;
  }
  fill(box, groups.map((g) => h('div', { class: 'town' },
    h('h3', {}, g.town || '未填乡镇', h('span', { class: 'muted' }, ` ${g.schools.length} 所`)),
    h('ul', { class: 'contacts' }, g.schools.map((x) => h('li', { 'data-school': x.school_code },
      h('span', { class: 'name' }, x.school_name || ctx.schoolName(x.school_code)),
      h('span', { class: 'code muted' }, ` ${x.school_code} `),
      x.contact_name || x.contact_phone
        ? h('span', { class: 'contact' }, x.contact_name || '', ' ', x.contact_phone ? h('a', { href: `tel:${x.contact_phone}` }, x.contact_phone) : '')
        : h('span', { class: 'muted' }, '名册中没有联系人'),
      x.exception_expires ? h('span', { class: 'muted' }, `（特许至 ${chinaTime(x.exception_expires)}）`) : null))))));
}

function drawWarnings(box, s, ctx, period) {
  const list = s.warnings || [];
  if (!list.length) {
    fill(box, h('p', { class: 'muted' }, '没有提示。'));
    return;
  }
  fill(box, h('table', { class: 'data' },
    headRow(['学校', '字段', '类型', ['本期值', 'num'], ['参照值', 'num'], '说明']),
    h('tbody', {}, list.map((w) => h('tr', {},
      h('td', {}, h('a', { href: `#/review/${encodeURIComponent(period)}/${encodeURIComponent(w.school_code)}` }, ctx.schoolName(w.school_code) || w.school_code), h('span', { class: 'muted code' }, ` ${w.school_code}`)),
      h('td', {}, ctx.fieldOf.has(w.field) ? [ctx.labelOf(w.field), h('span', { class: 'muted code' }, ` ${w.field}`)] : h('span', { class: 'code' }, w.field)),
      h('td', {}, w.kind === 'change' ? '与上期相比变化大' : w.kind === 'outlier' ? '明显偏离全县中位数' : w.kind),
      h('td', { class: 'num' }, plain(w.value)),
      h('td', { class: 'num' }, plain(w.reference)),
      h('td', {}, w.message || ''))))));
}

// The reminder sheet: Reminders for `days` (3 by default: the command line's), printable on one
// page with a column to tick off each call.
function drawReminder(box, ctx, period, status) {
  const daysInput = h('input', { type: 'number', min: 0, max: 366, value: 3, class: 'days', 'aria-label': '截止前几天开始催报' });
  const sheet = h('div', { class: 'reminder-sheet' });
  const make = async () => {
    fill(sheet, loading());
    try {
      const r = await ctx.api.reminders({ county_code: ctx.county, period, days: Number(daysInput.value) || 0 });
      drawSheet(sheet, r, ctx, period, Number(daysInput.value) || 0);
    } catch (err) {
      fill(sheet, note('error', err.message));
    }
  };
  fill(box,
    h('div', { class: 'toolbar' },
      h('label', {}, '截止前 ', daysInput, ' 天内（或已过截止）列出欠报学校'),
      h('button', { type: 'button', class: 'btn btn-small', onclick: make }, '生成催报单'),
      h('button', { type: 'button', class: 'btn btn-small btn-primary', onclick: async () => { await make(); printSheet(); } }, '打印催报单')),
    sheet);
  make();
}

function drawSheet(sheet, r, ctx, period, days) {
  const owing = r.owing || [];
  const d = Number(r.days_to_deadline);
  const deadline = r.window ? chinaTime(r.window.deadline || r.window.deadline_unix_ms) : '';
  if (!owing.length) {
    fill(sheet, note(Number.isFinite(d) && d > days ? 'info' : 'ok',
      Number.isFinite(d) && d > days
        ? `距截止还有 ${Math.floor(d)} 天，还不到催报时间（${days} 天内）。把天数调大可提前列出。`
        : '没有欠报的学校。'));
    return;
  }
  const today = chinaTime(Date.now()).slice(0, 10);
  fill(sheet,
    h('h3', { class: 'sheet-title' }, `${period} 年度义务教育优质均衡监测数据 催报单`),
    h('p', {}, `县代码 ${ctx.county} · 截止 ${deadline}（${daysText(d)}） · 打印日期 ${today} · 欠报 ${owing.length} 所`),
    h('table', { class: 'data sheet' },
      headRow([['序号', 'num'], '学校名称', '学校标识码', '情况', '联系人', '电话', '已通知 ✓', '备注']),
      h('tbody', {}, owing.map((x, i) => h('tr', {},
        h('td', { class: 'num' }, i + 1),
        h('td', {}, x.school_name || ctx.schoolName(x.school_code)),
        h('td', { class: 'code' }, x.school_code),
        h('td', {}, x.state === 'returned' ? `已退回：${x.review_comment || ''}` : STATE_ZH[x.state] || x.state),
        h('td', {}, x.contact_name || ''),
        h('td', {}, x.contact_phone || ''),
        h('td', { class: 'tick' }, '□'),
        h('td', { class: 'blank' }, '')))),
    ),
    h('p', { class: 'muted' }, '报送方法：学校填报员打开教育局发的登录链接，在「填报」页面填写并提交；或用 junheng submit 命令提交。'));
}

// Prints the sheet alone: a copy of it becomes the body's only printed child, so the page behind it
// leaves no blank pages.
function printSheet() {
  const sheet = document.querySelector('.reminder-sheet');
  if (!sheet) return;
  document.getElementById('print-root')?.remove();
  const root = h('div', { id: 'print-root', class: 'reminder-sheet' });
  root.append(...[...sheet.childNodes].map((n) => n.cloneNode(true)));
  document.body.append(root);
  document.body.classList.add('print-reminders');
  const done = () => {
    document.body.classList.remove('print-reminders');
    root.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

function exportCsv(list, ctx, period, filter) {
  const rows = [['学校标识码', '学校名称', '状态', '版本', '首次报送', '最近报送', '报送人', '联系人', '电话', '审核意见']];
  for (const s of list) {
    rows.push([s.school_code, s.school_name || ctx.schoolName(s.school_code), STATE_ZH[s.state] || s.state,
      int64(s.latest_version) > 0 ? s.latest_version : '', chinaTime(s.first_received || s.first_received_unix_ms).replace('—', ''),
      chinaTime(s.received || s.received_unix_ms).replace('—', ''), s.submitter || '', s.contact_name || '', s.contact_phone || '', s.review_comment || '']);
  }
  const blob = new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const a = h('a', { href: URL.createObjectURL(blob), download: `报送情况-${period}${filter === 'due' ? '' : `-${filter}`}.csv` });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

