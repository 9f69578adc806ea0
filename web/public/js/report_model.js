// The clerk's report form as data, without the DOM: which catalogue fields a school fills in,
// how a typed cell becomes a SchoolReport value, and the small formatting the pages share. Pure
// functions, so node tests them directly (web/test/report_model.test.mjs).

// Filled from the session and the chosen period, never typed.
export const FIXED_FIELDS = Object.freeze(['school_code', 'county_code', 'period']);

export const GROUP_ORDER = Object.freeze(['students', 'teachers', 'facilities', 'funds', 'management']);

// The largest value a proto int32 holds: a count or year above it cannot be sent at all.
const INT32_MAX = 2147483647;

/** The sections (primary/junior/senior) of a school of `type`, from the catalogue's
 * school_types; every section when the type is unknown, so nothing is hidden by mistake. */
export function sectionsOfType(catalog, type) {
  const entry = (catalog.school_types ?? []).find((t) => t.word === type);
  return entry ? [...entry.sections] : ['primary', 'junior', 'senior'];
}

/** The Chinese name of a school type ("小学"), or the word itself. */
export function typeLabel(catalog, type) {
  return (catalog.school_types ?? []).find((t) => t.word === type)?.label ?? type ?? '';
}

/** The report fields a school with `sections` fills in, in catalogue order. */
export function formFields(catalog, sections) {
  const have = new Set(sections);
  return (catalog.report ?? []).filter((f) =>
    !FIXED_FIELDS.includes(f.name) && (f.sections ?? []).some((s) => have.has(s)));
}

/** The fields grouped for the form: [{group, label, fields}], in the order of `order` (the
 * catalogue's groups, [{id}]) or else GROUP_ORDER; unknown groups after them. */
export function groupFields(fields, order = GROUP_ORDER.map((id) => ({ id }))) {
  const ids = order.map((g) => g.id);
  const groups = new Map();
  for (const f of fields) {
    const key = f.group || 'other';
    if (!groups.has(key)) groups.set(key, { group: key, label: f.group_label || '其他', fields: [] });
    groups.get(key).fields.push(f);
  }
  const rank = (g) => { const i = ids.indexOf(g); return i < 0 ? ids.length : i; };
  return [...groups.values()].sort((a, b) => rank(a.group) - rank(b.group));
}

// Full-width digits and signs (typed with a Chinese input method) as ASCII.
function halfWidth(text) {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF0C\uFF05\uFF0D\uFF0B]/g,
    (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/[\u3000\s]/g, '');
}

// A decimal number as typed: digits, an optional sign and point, thousands separators only in
// their proper places ("5,479.5"). NaN when it is none.
function readNumber(text) {
  let t = halfWidth(text);
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return NaN;
  return Number(t);
}

/** Reads the text of one cell as the value of field `f`. Answers {empty: true} for a blank cell
 * (not reported), {value} for a readable one, {error} with a Chinese sentence otherwise. Rules
 * such as "must not be negative" are the server's (ValidateReport): only what cannot be put in
 * a report at all is refused here. */
export function parseValue(f, raw) {
  const text = String(raw ?? '').trim();
  if (text === '') return { empty: true };
  switch (f.kind) {
    case 'count':
    case 'year': {
      const n = readNumber(text);
      if (Number.isNaN(n)) return { error: `“${text}”不是整数：只写数字，例如 120` };
      if (!Number.isInteger(n)) return { error: `“${text}”不是整数：${f.kind === 'year' ? '年份' : '人数、班数、间数'}不能有小数` };
      if (Math.abs(n) > INT32_MAX) return { error: `“${text}”太大了，请检查` };
      return { value: n };
    }
    case 'decimal': {
      const n = readNumber(text);
      if (Number.isNaN(n)) return { error: `“${text}”不是数字：只写数字和小数点，不带单位，例如 2450.5` };
      return { value: n };
    }
    case 'share': {
      const t = halfWidth(text);
      const percent = t.endsWith('%');
      const n = readNumber(percent ? t.slice(0, -1) : t);
      if (Number.isNaN(n)) return { error: `“${text}”不是比例：写 0.95 或 95%` };
      return { value: percent ? n / 100 : n };
    }
    case 'yesno':
      if (['true', '是', '1'].includes(text)) return { value: true };
      if (['false', '否', '0'].includes(text)) return { value: false };
      return { error: `“${text}”应为“是”或“否”` };
    case 'word': {
      const w = (f.words ?? []).find((x) => x.word === text || x.label === text);
      if (!w) return { error: `“${text}”不是可选的一项：${(f.words ?? []).map((x) => x.label).join('、')}` };
      return { value: w.word };
    }
    default:
      return { value: text };
  }
}

/** The SchoolReport of the form: `values` maps field name to the cell's text; `base` gives
 * school_code, county_code and period. Empty cells are left out (not reported), numbers are JSON
 * numbers, yes/no booleans, words the catalogue word. Answers {report, errors: {name: sentence}};
 * a field with an error is left out of the report. */
export function buildReport(fields, values, { school_code, county_code, period }) {
  const report = { school_code, period, county_code };
  const errors = {};
  for (const f of fields) {
    const read = parseValue(f, values[f.name]);
    if (read.error) errors[f.name] = read.error;
    else if (!read.empty) report[f.name] = read.value;
  }
  return { report, errors };
}

/** The cell texts of a stored report, for filling the form (the inverse of buildReport). */
export function valuesFromReport(fields, report) {
  const values = {};
  for (const f of fields) {
    const v = report?.[f.name];
    if (v === undefined || v === null || v === '') continue;
    if (f.kind === 'yesno') values[f.name] = v ? 'true' : 'false';
    else values[f.name] = String(v);
  }
  return values;
}

/** A value as a clerk reads it: 是/否, a word's Chinese name, a number with thousands grouping
 * for money, '' when absent. */
export function displayValue(f, v) {
  if (v === undefined || v === null || v === '') return '';
  if (f.kind === 'yesno') return v === true || v === 'true' ? '是' : '否';
  if (f.kind === 'word') return (f.words ?? []).find((w) => w.word === v)?.label ?? String(v);
  if (f.kind === 'share') return `${Math.round(Number(v) * 1000) / 10}%`;
  return String(v);
}

/** A new submission id: "web-" and a random UUID, 40 characters of [a-z0-9-], inside the
 * server's rule ([A-Za-z0-9._-], at most 64). Made once per submission, before its first
 * attempt, and kept across retries. */
export function newSubmissionId(randomUUID = uuid4) {
  return `web-${randomUUID()}`;
}

// crypto.randomUUID, or the same from getRandomValues on browsers before it (Chromium < 92, as
// in some domestic browsers' fast mode).
function uuid4() {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const isValidSubmissionId = (id) => typeof id === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(id);

const ms = (v) => Number(v ?? 0);

/** Periods newest first: by opening time, then by label. */
export function sortPeriods(periods) {
  return [...(periods ?? [])].sort((a, b) =>
    (ms(b.opens_unix_ms) - ms(a.opens_unix_ms)) || String(b.period).localeCompare(String(a.period), 'en', { numeric: true }));
}

/** The period a clerk most likely reports for: one whose window is open now (the one closing
 * first when several are), else the newest. '' when there are none. */
export function defaultPeriod(periods, nowMs) {
  const open = (periods ?? []).filter((p) => ms(p.opens_unix_ms) <= nowMs && (ms(p.closes_unix_ms) === 0 || nowMs < ms(p.closes_unix_ms)));
  if (open.length) return [...open].sort((a, b) => ms(a.closes_unix_ms) - ms(b.closes_unix_ms))[0].period;
  return sortPeriods(periods)[0]?.period ?? '';
}

/** The period before `period`: the next older one the bureau defined, else the year before for
 * a period named by a year ("2024" → "2023", "2024-autumn" → "2023-autumn"); '' when none. */
export function previousPeriod(periods, period) {
  const sorted = sortPeriods(periods);
  const i = sorted.findIndex((p) => p.period === period);
  if (i >= 0 && i + 1 < sorted.length) return sorted[i + 1].period;
  const m = /^(\d{4})(.*)$/.exec(period ?? '');
  return m ? `${Number(m[1]) - 1}${m[2]}` : '';
}

/** A period as a clerk reads it: "2024 年度" for a year, the label itself otherwise. */
export const periodLabel = (period) => (/^\d{4}$/.test(period ?? '') ? `${period} 年度` : String(period ?? ''));

/** "2026-11-29 12:35" from the server's RFC 3339 text, in the server's own offset (Beijing
 * time): what the clerk's receipt says, whatever the browser's zone. */
export function formatTime(rfc3339, { seconds = false } = {}) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(rfc3339 ?? '');
  if (!m) return rfc3339 ?? '';
  return `${m[1]} ${m[2]}${seconds && m[3] ? m[3] : ''}`;
}

/** "2026-11-29 12:35" for a moment of this browser (an outbox entry's), in Beijing time like
 * the server's times. */
export function localTime(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** "还有 3 天" / "今天截止" / "已过截止 2 天" from fractional days to a deadline. */
export function daysText(days) {
  const d = Number(days);
  if (!Number.isFinite(d)) return '';
  if (d >= 1) return `还有 ${Math.floor(d)} 天`;
  if (d >= 0) return `不到 1 天，今天截止`;
  return `已过截止 ${Math.max(1, Math.floor(-d))} 天`;
}

/** A server sentence with the field names it quotes ("must not exceed primary_students (620)")
 * replaced by their Chinese labels, for a clerk who never sees field names. */
export function humanizeRule(text, fields) {
  const labels = new Map((fields ?? []).map((f) => [f.name, f.label]));
  return String(text ?? '').replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (name) => labels.get(name) ?? name);
}

/** The issues of a ValidateReport answer by field: {name: {violations: [rule], warnings: [rule]}}
 * and the ones of no form field (school_code, a hidden section) under ''. */
export function issuesByField(answer, fieldNames) {
  const known = new Set(fieldNames);
  const out = {};
  const add = (issue, kind) => {
    const key = known.has(issue.field) ? issue.field : '';
    out[key] ??= { violations: [], warnings: [] };
    out[key][kind].push(issue);
  };
  for (const i of answer?.violations ?? []) add(i, 'violations');
  for (const i of answer?.warnings ?? []) add(i, 'warnings');
  return out;
}
