// 审核: the review queue (schools whose latest version is not accepted) and, for one school, the
// latest version against the one it replaces (or the school's report of the previous period) field
// by field, with accept / return / reopen (BureauService/ReviewReport, bureau_admin only).

import { ApiError } from '../api.js';
import { previousPeriod, sectionsOfType } from '../report_model.js';
import { badge, fill, h, loading, note } from './dom.js';
import { chinaTime, int64, plain, STATE_ZH } from './format.js';
import { countChanges, diffReports, groupRows, previousVersion } from './report-diff.js';
import { reviewQueue } from './submissions.js';

const STATE_BADGE = { not_submitted: 'fail', incomplete: 'warn', on_time: 'pass', late: 'warn', returned: 'warn', accepted: 'done' };
const CHANGE_ZH = { changed: '已修改', added: '新填', removed: '删除', emptied: '清空', same: '' };

export async function renderReview(view, ctx, current) {
  const period = ctx.route.period;
  const selected = ctx.route.rest[0] || '';
  const queueBox = h('aside', { class: 'queue', 'aria-label': '审核队列' });
  const detail = h('div', { class: 'review-detail' });
  fill(view, h('div', { class: 'review-layout' }, queueBox, detail));
  fill(queueBox, loading());

  let status = await ctx.api.submissionStatus({ county_code: ctx.county, period });
  if (!current()) return;

  const drawQueue = () => {
    const q = reviewQueue(status.schools || []);
    const warned = new Map();
    for (const w of status.warnings || []) warned.set(w.school_code, (warned.get(w.school_code) || 0) + 1);
    const item = (s) => h('li', { class: s.school_code === selected ? 'selected' : '', 'data-school': s.school_code },
      h('a', { href: `#/review/${encodeURIComponent(period)}/${encodeURIComponent(s.school_code)}` },
        h('span', { class: 'name' }, s.school_name || ctx.schoolName(s.school_code)),
        h('span', { class: 'meta' },
          badge(STATE_ZH[s.state] || s.state, STATE_BADGE[s.state]), ' ',
          `v${s.latest_version} · ${chinaTime(s.received || s.received_unix_ms)}`,
          warned.get(s.school_code) ? h('span', { class: 'warn-count', title: '数据一致性提示' }, ` ⚠${warned.get(s.school_code)}`) : null)));
    const section = (title, list, hint, open = true) => h('details', { open: open || list.some((s) => s.school_code === selected) },
      h('summary', {}, `${title}（${list.length}）`),
      list.length ? h('ul', { class: 'queue-list' }, list.map(item)) : h('p', { class: 'muted' }, hint));
    fill(queueBox,
      h('h2', {}, '审核队列'),
      section('待审核', q.to_review, '没有等待审核的报表。'),
      section('已退回，等待学校重报', q.returned, '没有。'),
      section('已审核通过（已锁定）', q.accepted, '还没有。', false));
  };
  drawQueue();

  if (!selected) {
    const q = reviewQueue(status.schools || []);
    fill(detail, note('info', q.to_review.length
      ? `有 ${q.to_review.length} 份报表等待审核。从左侧选择一所学校，查看它本次报送与上一版本的差异。`
      : '目前没有等待审核的报表。'));
    return;
  }

  const refreshStatus = async () => {
    status = await ctx.api.submissionStatus({ county_code: ctx.county, period });
    drawQueue();
  };
  await drawDetail(detail, ctx, period, selected, status, current, refreshStatus);
}

async function drawDetail(box, ctx, period, code, status, current, refreshStatus) {
  fill(box, loading());
  const prevPeriod = previousPeriod(ctx.periods, period);
  // The previous period's versions too, so that it is offered only when the school reported then.
  const [mine, before] = await Promise.all([
    ctx.api.listReportVersions({ county_code: ctx.county, school_code: code, period }),
    prevPeriod ? ctx.api.listReportVersions({ county_code: ctx.county, school_code: code, period: prevPeriod }).catch(() => ({ versions: [] })) : { versions: [] },
  ]);
  const versions = mine.versions || [];
  if (!current()) return;
  const submission = (status.schools || []).find((s) => s.school_code === code) || { school_code: code, state: 'not_submitted' };
  const name = submission.school_name || ctx.schoolName(code);
  if (!versions.length) {
    fill(box, h('h2', {}, name, ' ', h('span', { class: 'code muted' }, code)), note('info', `${name}还没有报送 ${period} 年度的报表。`));
    return;
  }
  const latest = Math.max(...versions.map((v) => int64(v.version)));
  const receiptOf = (v) => versions.find((r) => int64(r.version) === v);
  const prevVersion = previousVersion(versions, latest);

  // What to compare against: the version just before (default), any older version, the previous
  // period's latest report, or nothing.
  const bases = [];
  for (const r of [...versions].sort((a, b) => int64(b.version) - int64(a.version))) {
    const v = int64(r.version);
    if (v < latest) bases.push({ key: `v${v}`, label: `上一版本 v${v}（${chinaTime(r.server_time || r.server_time_unix_ms)}）`, version: v, period });
  }
  if ((before.versions || []).length) bases.push({ key: `p${prevPeriod}`, label: `上一期 ${prevPeriod} 的最新版本`, version: 0, period: prevPeriod });
  bases.push({ key: 'none', label: '不对比，只看本版本', version: null, period: null });

  const state = { base: bases[0].key, onlyChanged: prevVersion !== null };
  const header = h('div', { class: 'review-head' });
  const body = h('div', { class: 'review-body' });
  const actions = h('div', { class: 'review-actions panel' });
  fill(box, header, body, actions);

  const latestReport = await ctx.api.getReport({ county_code: ctx.county, school_code: code, period, version: latest });
  if (!current()) return;
  const r = latestReport.receipt || receiptOf(latest) || {};
  // The next school waiting for a decision, so that a reviewer goes through the queue in order.
  const waiting = reviewQueue(status.schools || []).to_review;
  const next = waiting[(waiting.findIndex((s) => s.school_code === code) + 1) % Math.max(1, waiting.length)];
  fill(header,
    next && next.school_code !== code
      ? h('a', { class: 'next-school', href: `#/review/${encodeURIComponent(period)}/${encodeURIComponent(next.school_code)}` },
        `下一份待审核：${next.school_name || ctx.schoolName(next.school_code)} →`)
      : null,
    h('h2', {}, name, ' ', h('span', { class: 'code muted' }, code)),
    h('p', { class: 'meta' },
      badge(STATE_ZH[submission.state] || submission.state, STATE_BADGE[submission.state]), ' ',
      `版本 v${latest} · 收到 ${chinaTime(r.server_time || r.server_time_unix_ms)} · 报送人 ${r.submitter || '—'}`,
      r.late ? h('span', { class: 'badge badge-warn', title: '本版本在截止时间之后收到' }, '本版本逾期收到') : null,
      ` · 共 ${versions.length} 个版本`),
    latestReport.review && latestReport.review.state
      ? note(latestReport.review.state === 'returned' ? 'warn' : 'info',
        `本版本 v${latestReport.review.version}：${reviewStateZh(latestReport.review.state)}（${latestReport.review.reviewer || ''}，${chinaTime(latestReport.review.time || latestReport.review.time_unix_ms)}）`,
        latestReport.review.comment ? `：${latestReport.review.comment}` : '')
      : null);

  const drawBody = async () => {
    const base = bases.find((b) => b.key === state.base);
    fill(body, loading('正在读取对比版本…'));
    let baseReport = null;
    if (base && base.version !== null) {
      baseReport = await ctx.api.getReportOrNull({ county_code: ctx.county, school_code: code, period: base.period, version: base.version });
    }
    if (!current()) return;
    const rows = diffReports(baseReport ? baseReport.report : null, latestReport.report || {}, ctx.catalog.report);
    const counts = countChanges(rows);
    const changedTotal = counts.changed + counts.added + counts.removed + counts.emptied;
    const fieldIssues = new Map();
    for (const w of latestReport.warnings || []) {
      if (!fieldIssues.has(w.field)) fieldIssues.set(w.field, []);
      fieldIssues.get(w.field).push(w.rule);
    }
    for (const w of status.warnings || []) {
      if (w.school_code !== code) continue;
      if (!fieldIssues.has(w.field)) fieldIssues.set(w.field, []);
      fieldIssues.get(w.field).push(w.message);
    }
    const baseSelect = h('select', { 'aria-label': '对比的版本', onchange: (e) => { state.base = e.target.value; drawBody(); } },
      bases.map((b) => h('option', { value: b.key, selected: b.key === state.base }, b.label)));
    const onlyBox = h('input', { type: 'checkbox', checked: state.onlyChanged && baseReport !== null, disabled: baseReport === null,
      onchange: (e) => { state.onlyChanged = e.target.checked; drawBody(); } });
    const baseReview = baseReport?.review && int64(baseReport.review.version) === int64(baseReport.receipt?.version) ? baseReport.review : null;
    const groups = groupRows(rows);
    // A field of a section the school does not have (初中 fields of a 小学), blank in both versions,
    // is not worth a row.
    const sections = new Set(sectionsOfType(ctx.catalog, ctx.registry.get(code)?.school_type));
    const applies = (row) => {
      const f = ctx.fieldOf.get(row.name);
      return !f || !Array.isArray(f.sections) || f.sections.some((x) => sections.has(x)) || row.before_text || row.after_text;
    };
    const shown = (row) => applies(row) && (!state.onlyChanged || baseReport === null || row.change !== 'same' || fieldIssues.has(row.name));
    const baseLabel = baseReport ? (base.period === period ? `v${baseReport.receipt?.version}` : `${base.period} v${baseReport.receipt?.version}`) : '';
    fill(body,
      h('div', { class: 'toolbar' },
        h('label', {}, '对比：', baseSelect),
        h('label', {}, onlyBox, ' 只看有变化或有提示的字段'),
        baseReport
          ? h('span', { class: 'diff-summary', 'data-changed': changedTotal },
            `改动 ${changedTotal} 处：修改 ${counts.changed}，新填 ${counts.added}，删除 ${counts.removed}，清空 ${counts.emptied}`)
          : h('span', { class: 'muted' }, base && base.version !== null ? '没有找到对比的报表。' : '')),
      baseReview && baseReview.state === 'returned'
        ? note('warn', `${baseLabel} 曾被退回（${baseReview.reviewer || ''}，${chinaTime(baseReview.time || baseReview.time_unix_ms)}）：${baseReview.comment || ''}`)
        : null,
      fieldIssues.size
        ? note('warn', `本版本有 ${[...fieldIssues.values()].reduce((n, l) => n + l.length, 0)} 条提示（表中 ⚠ 标出），请核实后再决定。`)
        : null,
      h('table', { class: 'data diff', 'data-base': baseLabel },
        h('thead', {}, h('tr', {},
          h('th', {}, '字段'),
          h('th', { class: 'num' }, baseReport ? `对比 ${baseLabel}` : '—'),
          h('th', { class: 'num' }, `本版本 v${latest}`),
          h('th', { class: 'num' }, '变化'),
          h('th', {}, ''))),
        groups.map((g) => {
          const visible = g.rows.filter(shown);
          if (!visible.length) return null;
          return h('tbody', {},
            h('tr', { class: 'diff-group' }, h('th', { colspan: 5 }, g.group_label || g.group || '其他')),
            visible.map((row) => diffRow(row, fieldIssues.get(row.name), Boolean(baseReport), ctx)));
        }),
        rows.filter(shown).length === 0 ? h('tbody', {}, h('tr', {}, h('td', { colspan: 5, class: 'muted' }, '两个版本的所有字段都相同。'))) : null));
  };
  await drawBody();
  drawActions(actions, ctx, period, code, latest, submission, async () => {
    await refreshStatus();
    ctx.go('review', period, code);
  });
}

function diffRow(row, issues, hasBase, ctx) {
  const cls = hasBase && row.change !== 'same' ? `diff-${row.change}` : '';
  let change = '';
  if (hasBase && row.change === 'changed' && row.delta !== null) {
    const sign = row.delta > 0 ? '+' : '';
    change = `${sign}${plain(row.delta)}${row.ratio !== null ? `（${sign}${(row.ratio * 100).toFixed(1)}%）` : ''}`;
  } else if (hasBase) {
    change = CHANGE_ZH[row.change];
  }
  return h('tr', { class: cls, 'data-field': row.name, 'data-change': row.change },
    h('td', { class: 'field' },
      row.label, row.unit ? h('span', { class: 'unit' }, `（${row.unit}）`) : null,
      h('span', { class: 'code muted' }, ` ${row.name}`),
      issues ? h('span', { class: 'issue', title: issues.join('\n') }, ' ⚠') : null),
    h('td', { class: `num before${cls ? ' changed-cell' : ''}` }, hasBase ? row.before_text || '（空）' : ''),
    h('td', { class: `num after${cls ? ' changed-cell' : ''}` }, row.after_text || '（空）'),
    h('td', { class: 'num delta' }, change),
    h('td', {}, ctx.canReview && h('button', {
      type: 'button',
      class: 'btn btn-link quote',
      title: '把这个字段写进审核意见',
      onclick: () => {
        const box = document.getElementById('review-comment');
        if (!box || box.disabled) return;
        const line = `「${row.label}」（${row.name}）${row.after_text ? `填报 ${row.after_text}` : '未填'}，请核实。`;
        box.value = box.value ? `${box.value}\n${line}` : line;
        box.focus();
      },
    }, '写入意见')));
}

function reviewStateZh(s) {
  return s === 'accepted' ? '已审核通过' : s === 'returned' ? '已退回' : s === 'reopened' ? '已重新打开' : s;
}

function drawActions(box, ctx, period, code, version, submission, after) {
  const disabled = !ctx.canReview;
  const accepted = submission.state === 'accepted';
  const comment = h('textarea', {
    id: 'review-comment',
    rows: 3,
    maxlength: 2000,
    placeholder: '退回时必须写明学校需要修改什么，例如：体育运动场馆面积与去年相差过大，请核实。',
    disabled,
    'aria-label': '审核意见',
  });
  const message = h('div', { class: 'action-message', 'aria-live': 'polite' });
  const decide = async (action) => {
    if (action === 'return' && !comment.value.trim()) {
      fill(message, note('error', '退回时必须写明学校需要修改的内容。'));
      comment.focus();
      return;
    }
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    fill(message, loading('正在提交审核结果…'));
    try {
      const rec = await ctx.api.reviewReport({ county_code: ctx.county, period, school_code: code, version, action, comment: comment.value.trim() });
      fill(message, note('ok', `${reviewStateZh(rec.state)} v${rec.version}（${chinaTime(rec.time || rec.time_unix_ms)}）。${action === 'return' ? '学校打开报表时会看到您的意见。' : ''}`));
      setTimeout(after, 800);
    } catch (err) {
      for (const b of box.querySelectorAll('button')) b.disabled = disabled;
      if (err instanceof ApiError && err.code === 'aborted') {
        fill(message, note('error', `该校在您查看之后又提交了新版本：${err.message}。请重新查看最新版本后再审核。`, ' ',
          h('button', { type: 'button', class: 'btn btn-small', onclick: after }, '重新读取')));
      } else {
        fill(message, note('error', err.message));
      }
    }
  };
  const reason = disabled ? ctx.reviewRefusal : '';
  fill(box,
    h('h3', {}, `审核 v${version}`),
    disabled ? note('info', reason) : null,
    accepted
      ? [h('p', {}, `v${version} 已审核通过并锁定，学校不能再提交新版本。若需要学校修改，先重新打开。`),
        h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'btn', disabled, title: reason || null, 'data-action': 'reopen', onclick: () => decide('reopen') }, '重新打开'))]
      : [comment,
        h('div', { class: 'buttons' },
          h('button', { type: 'button', class: 'btn btn-primary', disabled, title: reason || null, 'data-action': 'accept', onclick: () => decide('accept') }, `审核通过（锁定 v${version}）`),
          h('button', { type: 'button', class: 'btn btn-danger', disabled, title: reason || null, 'data-action': 'return', onclick: () => decide('return') }, '退回修改'))],
    message);
}
