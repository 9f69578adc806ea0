// The field-by-field difference of two versions of a school's report, in the catalogue's order
// and words. Pure: the review page renders what `diffReports` returns.
//
// A report is the SchoolReport message as JSON (proto field names). An unset field is absent from
// the JSON (every quantity is `optional`: not reported is never zero); a text field may also come
// as "" and a value as null. So a field of the newer version is:
//   same     equal to the older version (both absent counts as same);
//   changed  present in both with different values;
//   added    present now, absent before;
//   removed  present before, its key gone now (no longer reported);
//   emptied  present before, now "" or null (reported as blank).

// Who and when, not what: shown above the diff, never as rows.
const IDENTITY_FIELDS = new Set(['school_code', 'period', 'county_code']);

// Whether `report` holds a value for `name` (absent, null and "" hold none).
export function hasValue(report, name) {
  if (!report || !Object.prototype.hasOwnProperty.call(report, name)) return false;
  const v = report[name];
  return v !== undefined && v !== null && v !== '';
}

function sameValue(a, b) {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
  }
  return a === b;
}

// The change of one field from `before` (a report or null) to `after`.
export function fieldChange(before, after, name) {
  const was = hasValue(before, name);
  const is = hasValue(after, name);
  if (!was && !is) return 'same';
  if (!was) return 'added';
  if (!is) {
    return after && Object.prototype.hasOwnProperty.call(after, name) ? 'emptied' : 'removed';
  }
  return sameValue(before[name], after[name]) ? 'same' : 'changed';
}

// A value as the clerk entered it, in the catalogue's words: 小学 for "primary", 是/否 for flags,
// numbers with thousands separated and the field's unit.
export function displayValue(field, v) {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field && Array.isArray(field.words) && field.words.length > 0) {
    const w = field.words.find((x) => x.word === v);
    if (w) return w.label;
  }
  const kind = (field && field.kind) || '';
  const numericKind = /count|decimal|share|year/i.test(kind);
  if (typeof v === 'number' || (numericKind && typeof v === 'string' && !Number.isNaN(Number(v)))) {
    const n = Number(v);
    const text = /year/i.test(kind) ? String(n) : n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
    return field && field.unit ? `${text} ${field.unit}` : text;
  }
  return String(v);
}

// The rows of the diff of `after` against `before` (null when there is no older version: every
// value is then "added"). `catalog` is /api/catalog.json's `report` list; fields of either report
// that the catalogue does not know are kept at the end under their own names, so nothing is
// silently dropped.
//
// Each row: {name, label, unit, kind, group, group_label, before, after, before_text, after_text,
// change, delta, ratio}. delta = after - before and ratio = delta / |before| for two numbers
// (ratio null when before is 0).
export function diffReports(before, after, catalog) {
  const fields = (catalog || []).filter((f) => !IDENTITY_FIELDS.has(f.name));
  const known = new Set((catalog || []).map((f) => f.name));
  const extra = new Set();
  for (const r of [before, after]) {
    if (!r) continue;
    for (const k of Object.keys(r)) {
      if (!known.has(k) && !IDENTITY_FIELDS.has(k)) extra.add(k);
    }
  }
  const all = fields.concat(
    [...extra].sort().map((name) => ({ name, label: name, unit: '', kind: '', group: '', group_label: '其他' })),
  );
  const rows = all.map((f) => {
    const b = before ? before[f.name] : undefined;
    const a = after ? after[f.name] : undefined;
    const change = fieldChange(before, after, f.name);
    let delta = null;
    let ratio = null;
    if (change === 'changed') {
      const x = Number(b);
      const y = Number(a);
      if (typeof b !== 'boolean' && typeof a !== 'boolean' && !Number.isNaN(x) && !Number.isNaN(y)) {
        delta = y - x;
        ratio = x !== 0 ? delta / Math.abs(x) : null;
      }
    }
    return {
      name: f.name,
      label: f.label || f.name,
      unit: f.unit || '',
      kind: f.kind || '',
      group: f.group || '',
      group_label: f.group_label || '',
      before: b,
      after: a,
      before_text: displayValue(f, b),
      after_text: displayValue(f, a),
      change,
      delta,
      ratio,
    };
  });
  return rows;
}

// How many rows of each kind of change: {same, changed, added, removed, emptied}.
export function countChanges(rows) {
  const counts = { same: 0, changed: 0, added: 0, removed: 0, emptied: 0 };
  for (const r of rows) counts[r.change] += 1;
  return counts;
}

// Rows grouped by the catalogue's group, in first-seen order: [{group, group_label, rows}].
export function groupRows(rows) {
  const groups = [];
  const byKey = new Map();
  for (const r of rows) {
    const key = r.group || r.group_label || '';
    if (!byKey.has(key)) {
      const g = { group: r.group, group_label: r.group_label, rows: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    byKey.get(key).rows.push(r);
  }
  return groups;
}

// The version a review compares against: the version just before `latest` among `versions`
// (ListReportVersions' receipts), or null for a first report.
export function previousVersion(versions, latest) {
  const nums = (versions || [])
    .map((v) => Number(v.version))
    .filter((n) => !Number.isNaN(n) && n < Number(latest))
    .sort((a, b) => a - b);
  return nums.length ? nums[nums.length - 1] : null;
}
