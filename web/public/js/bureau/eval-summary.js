// The evaluation at a glance: the verdict, the four dimensions of the method (资源配置, 政府保障程度,
// 教育质量, 社会认可度) and the veto items, the items by category, each school's standard against
// its target year. Pure: from the Evaluation message (evaluation.proto).

// One status for many: fail when any fails, else not_judged when any could not be judged, else
// pass (as the engine's verdict). Empty input is not_judged.
export function combineStatus(statuses) {
  const list = statuses.filter(Boolean);
  if (list.length === 0) return 'not_judged';
  if (list.includes('fail')) return 'fail';
  if (list.some((s) => s !== 'pass')) return 'not_judged';
  return 'pass';
}

function itemsOf(evaluation, category) {
  return (evaluation.items || []).filter((i) => i.category === category);
}

function tally(list) {
  const t = { pass: 0, fail: 0, not_judged: 0 };
  for (const x of list) t[x.status in t ? x.status : 'not_judged'] += 1;
  return t;
}

// [{key, label, status, pass, fail, not_judged, total, note}] for resource allocation, the
// government's guarantee, education quality and social recognition, then the veto items.
export function dimensions(evaluation) {
  const levels = evaluation.levels || [];
  const out = [];
  const lt = tally(levels);
  out.push({
    key: 'resource',
    label: '资源配置',
    status: combineStatus(levels.map((l) => l.status)),
    ...lt,
    total: levels.length,
    note: levels.map((l) => `${l.name_zh || l.level}${statusWordShort(l.status)}`).join('，'),
  });
  for (const [key, label, category] of [
    ['government', '政府保障程度', 'government'],
    ['quality', '教育质量', 'quality'],
    ['social', '社会认可度', 'social'],
    ['veto', '一票否决', 'veto'],
  ]) {
    const items = itemsOf(evaluation, category);
    const t = tally(items);
    out.push({
      key,
      label,
      status: combineStatus(items.map((i) => i.status)),
      ...t,
      total: items.length,
      note: items.length ? `${t.pass}/${items.length} 项达标` : '无',
    });
  }
  return out;
}

function statusWordShort(s) {
  return s === 'pass' ? '达标' : s === 'fail' ? '未达标' : '无法判定';
}

// The items grouped by category in the method's order: [{category, items}].
export function itemsByCategory(evaluation) {
  const order = ['government', 'quality', 'social', 'veto'];
  const groups = order.map((category) => ({ category, items: itemsOf(evaluation, category) }));
  const other = (evaluation.items || []).filter((i) => !order.includes(i.category));
  if (other.length) groups.push({ category: 'other', items: other });
  return groups.filter((g) => g.items.length);
}

// Each school's standard (SchoolStandard) with whether it is behind the plan: its target year is
// the evaluated period's year or earlier and it does not meet the standard. Sorted by target year,
// then code; `period` is the evaluated period's label (a year, or the plan cannot be compared).
export function schoolStandards(evaluation, period) {
  const year = Number.parseInt(period, 10);
  return (evaluation.schools || [])
    .map((s) => {
      const target = Number(s.target_year ?? 0);
      const due = target > 0 && Number.isFinite(year) && target <= year;
      return {
        school_code: s.school_code,
        school_name: s.school_name || '',
        meets: Boolean(s.meets),
        status: s.status || (s.meets ? 'pass' : 'fail'),
        target_year: target || null,
        due,
        behind: due && !s.meets,
        reasons: s.reasons || [],
      };
    })
    .sort((a, b) => (a.target_year ?? 9999) - (b.target_year ?? 9999) || a.school_code.localeCompare(b.school_code));
}

// The plan row of the evaluated year (or the last row before it), for the headline
// "2024 年应达标 8 所，已达标 6 所".
export function planRowOf(evaluation, period) {
  const year = Number.parseInt(period, 10);
  const rows = (evaluation.plan_progress || []).filter((r) => !r.beyond);
  if (!rows.length || !Number.isFinite(year)) return null;
  let best = null;
  for (const r of rows) if (Number(r.year) <= year) best = r;
  return best;
}
