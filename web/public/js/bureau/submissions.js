// The reporting round as the status board shows it: the cards, the submissions per day, the
// review queue and the schools that still owe a report. Pure: built from SubmissionStatus's
// answer (bureau.proto), no DOM.

import { chinaDay, int64, nextDay } from './format.js';

// Longest run of days the chart shows; a longer window starts at its end's year before.
const MAX_DAYS = 366;

// The status cards, in the order the board shows them: [{key, label, value, hint}].
export function statusCards(status) {
  const n = (k) => Number(status?.[k] ?? 0);
  const total = n('schools_total');
  return [
    { key: 'due', label: '应报', value: total, hint: '名册中的学校' },
    { key: 'submitted', label: '已报', value: n('submitted'), hint: `报送率 ${rate(n('submitted'), total)}（只计填完的）` },
    { key: 'incomplete', label: '未填完', value: n('incomplete'), hint: '有空项，不计入已报' },
    { key: 'on_time', label: '按时', value: n('on_time'), hint: `及时率 ${rate(n('on_time'), total)}` },
    { key: 'late', label: '逾期', value: n('late'), hint: '首次报送晚于截止时间' },
    { key: 'returned', label: '已退回', value: n('returned'), hint: '等待学校修改重报' },
    { key: 'accepted', label: '已审核', value: n('accepted'), hint: '已锁定' },
    { key: 'not_submitted', label: '未报', value: n('not_submitted'), hint: '需要催报' },
  ];
}

function rate(part, total) {
  return total > 0 ? `${((part / total) * 100).toFixed(1)}%` : '—';
}

// Which schools a card stands for, to filter the table by it. `deadlineMs` judges the timeliness
// of schools whose state no longer shows it (returned, accepted).
export function schoolsOfCard(schools, key, deadlineMs) {
  const list = schools || [];
  switch (key) {
    case 'due':
      return list;
    case 'submitted':
      return list.filter((s) => s.state && s.state !== 'not_submitted' && s.state !== 'incomplete');
    case 'on_time':
    case 'late':
      return list.filter((s) => firstTimeliness(s, deadlineMs) === key);
    default:
      return list.filter((s) => s.state === key);
  }
}

// "on_time" | "late" | null (not submitted) for a school, judged as the server does on its first
// receipt; kept after the bureau returned or accepted the report, which hides it in `state`.
export function firstTimeliness(school, deadlineMs) {
  if (school.state === 'on_time' || school.state === 'late') return school.state;
  if (school.state === 'incomplete') return null;  // counts once a complete version arrives
  const first = int64(school.first_received_unix_ms);
  if (Number.isNaN(first) || first === 0) return null;
  if (deadlineMs === undefined || Number.isNaN(int64(deadlineMs))) return 'on_time';
  return first <= int64(deadlineMs) ? 'on_time' : 'late';
}

// The submissions per China-time day, from each school's first receipt (a school counts once,
// on the day its first version arrived: later corrections are not new submissions).
//
// `window` is the period's ReportingPeriod (or null when the bureau defined none); `nowMs` the
// current time, so that a round still open shows the days up to today. The days run from the
// window's opening (else the first submission) to the latest of the deadline, the last
// submission and today (but not past the window's close); without a window, from the first to the
// last submission. Days without submissions are there with 0.
//
// Returns {days, on_time, late, total, cumulative, deadline_day, deadline_index}: parallel arrays
// over `days` ("YYYY-MM-DD"), and the deadline's day and its index in `days` (null / -1 when
// the period has no deadline).
export function submissionsPerDay(schools, window, nowMs) {
  const deadlineMs = window ? int64(window.deadline_unix_ms) : NaN;
  const hasDeadline = !Number.isNaN(deadlineMs) && deadlineMs > 0;
  const perDay = new Map();
  let first = null;
  let last = null;
  for (const s of schools || []) {
    const ms = int64(s.first_received_unix_ms);
    if (Number.isNaN(ms) || ms <= 0) continue;
    const day = chinaDay(ms);
    const late = hasDeadline && ms > deadlineMs;
    const e = perDay.get(day) || { on_time: 0, late: 0 };
    if (late) e.late += 1;
    else e.on_time += 1;
    perDay.set(day, e);
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  }
  const opensMs = window ? int64(window.opens_unix_ms) : NaN;
  const closesMs = window ? int64(window.closes_unix_ms) : NaN;
  const deadlineDay = hasDeadline ? chinaDay(deadlineMs) : null;
  let start = first;
  if (!Number.isNaN(opensMs) && opensMs > 0) {
    const opens = chinaDay(opensMs);
    if (start === null || opens < start) start = opens;
  }
  let end = last;
  const later = (d) => {
    if (d !== null && (end === null || d > end)) end = d;
  };
  later(deadlineDay);
  if (window && nowMs !== undefined && !Number.isNaN(int64(nowMs)) && (start !== null || end !== null)) {
    let today = chinaDay(nowMs);
    if (!Number.isNaN(closesMs) && closesMs > 0 && chinaDay(closesMs) < today) today = chinaDay(closesMs);
    later(today);
  }
  if (start === null) start = end;
  const out = { days: [], on_time: [], late: [], total: [], cumulative: [], deadline_day: deadlineDay, deadline_index: -1 };
  if (start === null) return out;
  if (end < start) end = start;
  let days = [];
  for (let d = start; d <= end; d = nextDay(d)) days.push(d);
  if (days.length > MAX_DAYS) days = days.slice(days.length - MAX_DAYS);
  let sum = 0;
  // Submissions before the first shown day still count in the cumulative line.
  for (const [day, e] of perDay) if (day < days[0]) sum += e.on_time + e.late;
  for (const d of days) {
    const e = perDay.get(d) || { on_time: 0, late: 0 };
    out.days.push(d);
    out.on_time.push(e.on_time);
    out.late.push(e.late);
    out.total.push(e.on_time + e.late);
    sum += e.on_time + e.late;
    out.cumulative.push(sum);
  }
  out.deadline_index = deadlineDay ? out.days.indexOf(deadlineDay) : -1;
  return out;
}

// The review queue: schools whose latest version is not accepted. `to_review` have a version the
// bureau has not decided on (on time or late; a reopened report is back here), oldest receipt
// first so that nobody waits longest; `returned` wait for the school's correction; `accepted` are
// locked (listed so that an admin can reopen one).
export function reviewQueue(schools) {
  const byReceived = (a, b) => int64(a.received_unix_ms) - int64(b.received_unix_ms) || a.school_code.localeCompare(b.school_code);
  const list = schools || [];
  return {
    // An incomplete report may be reviewed too: accepting it counts it as submitted as it is.
    to_review: list.filter((s) => ['on_time', 'late', 'incomplete'].includes(s.state)).sort(byReceived),
    returned: list.filter((s) => s.state === 'returned').sort(byReceived),
    accepted: list.filter((s) => s.state === 'accepted').sort((a, b) => a.school_code.localeCompare(b.school_code)),
  };
}

// The schools that have not submitted a complete report, grouped by town (乡镇) when the registry gives one:
// [{town, schools}], towns in name order, schools by code. `registry` maps school_code to the
// School message (for town); it may be empty.
export function missingByTown(schools, registry) {
  const groups = new Map();
  for (const s of (schools || []).filter((x) => x.state === 'not_submitted' || x.state === 'incomplete')) {
    const town = registry?.get?.(s.school_code)?.town || '';
    if (!groups.has(town)) groups.set(town, []);
    groups.get(town).push(s);
  }
  return [...groups.keys()]
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map((town) => ({ town, schools: groups.get(town).sort((a, b) => a.school_code.localeCompare(b.school_code)) }));
}

// Rows as CSV text for Excel and WPS: a UTF-8 byte-order mark, CRLF lines, every cell quoted
// when it holds a comma, a quote or a line break.
export function toCsv(rows) {
  const cell = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
