// The school x indicator grid of the evaluation dashboard: every unit's L1-L7 against the
// per-unit minimum, coloured met / within the miss floor (85% of the minimum in the 2017 method) /
// below it, with the gap in real units. Pure: built from the Evaluation message (evaluation.proto).

import { fixed, plain } from './format.js';

// The 2017 method's floor for a missed indicator (a miss must reach 85% of its minimum). The
// profile holds the real value (unit_miss_floor); the Evaluation message does not carry it, so
// the dashboard uses `evaluation.unit_miss_floor` when a server sends it and this otherwise.
export const METHOD_MISS_FLOOR = 0.85;

// Threshold comparisons as the engine makes them (common/eval/compare.h): a relative tolerance of
// 1e-9, so a value mathematically equal to its threshold counts as reaching it.
const RELATIVE_TOLERANCE = 1e-9;
export function atLeast(value, threshold) {
  const tol = RELATIVE_TOLERANCE * Math.max(1, Math.abs(value), Math.abs(threshold));
  return value >= threshold - tol;
}

// "met" (at or above the minimum), "near" (below it but at or above missFloor x minimum),
// "below" (under the floor), or "missing" (no value: an input was not reported).
export function classifyValue(value, minimum, missFloor = METHOD_MISS_FLOOR) {
  if (value === undefined || value === null || Number.isNaN(Number(value))) return 'missing';
  const v = Number(value);
  if (atLeast(v, minimum)) return 'met';
  if (atLeast(v, missFloor * minimum)) return 'near';
  return 'below';
}

// Per hundred students (100) or per student (1). The indicator's own `per_students` when the
// server sends it; otherwise read from its official name, which says 每百名学生 for L1, L2, L3, L7.
export function perStudents(indicator) {
  const p = Number(indicator?.per_students);
  if (p > 0) return p;
  return /^每百名/.test(indicator?.name_zh || '') ? 100 : 1;
}

// The unit an indicator's value is counted in: "人/百名学生", "平方米/生", "元/生", "间/百名学生".
export function valueUnit(indicator) {
  const u = indicator?.unit_zh || '';
  if (!u) return '';
  return perStudents(indicator) === 100 ? `${u}/百名学生` : `${u}/生`;
}

// What a unit below its minimum lacks: `shortfall` in the indicator's own unit (minimum - value)
// and `need`, the whole teachers, m², yuan or classrooms to add to the unit's own quantity,
// `school_need` what the school adds as a whole (more when a facility is split between sections).
// Taken from the engine's gap analysis (`evaluation.gaps`, kind "unit") when it has one for the
// cell, so the page says exactly what the workbook says; computed the engine's way otherwise.
export function cellGap(cell, indicator, unit, gap) {
  if (cell.value === undefined || cell.value === null) return null;
  const shortfall = cell.minimum - cell.value;
  if (shortfall <= 0 || atLeast(cell.value, cell.minimum)) return null;
  const addition = gap?.additions?.[0];
  if (addition) {
    return {
      shortfall,
      need: Number(addition.amount ?? 0),
      school_need: Number(addition.school_amount ?? addition.amount ?? 0),
      quantity: addition.quantity || '',
      unit_zh: addition.unit_zh || indicator.unit_zh || '',
      value_after: addition.value_after ?? gap.value_after ?? null,
      from_engine: true,
    };
  }
  const students = Number(unit?.students ?? 0);
  const per = perStudents(indicator);
  const need = students > 0 ? Math.ceil((shortfall * students) / per - 1e-9) : null;
  const share = Number(unit?.facility_share ?? 1);
  return {
    shortfall,
    need,
    school_need: need !== null && share > 0 && share < 1 ? Math.ceil(need / share - 1e-9) : need,
    quantity: '',
    unit_zh: indicator.unit_zh || '',
    value_after: null,
    from_engine: false,
  };
}

// The sentence shown when hovering a cell.
export function cellTitle(cell, indicator, unit, missFloor, labelOf = (n) => n) {
  const vu = valueUnit(indicator);
  const head = `${indicator.id} ${indicator.name_zh}\n${unit.school_name || unit.school_code}（${unit.section === 'junior' ? '初中' : '小学'}，${plain(unit.students)} 名学生）`;
  if (cell.cls === 'missing') {
    const missing = (unit.missing_fields || []).map(labelOf).join('、');
    return `${head}\n无法计算：${missing ? `未报送 ${missing}` : '缺少数据'}`;
  }
  const value = `${fixed(cell.value, 2)} ${vu}`;
  if (cell.cls === 'met') return `${head}\n${value}，达到最低 ${plain(cell.minimum)}`;
  const floor = missFloor * cell.minimum;
  const where = cell.cls === 'near'
    ? `在 ${Math.round(missFloor * 100)}%（${fixed(floor, 2)}）以内`
    : `低于 ${Math.round(missFloor * 100)}%（${fixed(floor, 2)}）`;
  let text = `${head}\n${value}，低于最低 ${plain(cell.minimum)}，差 ${fixed(cell.gap?.shortfall, 2)} ${vu}；${where}`;
  const g = cell.gap;
  if (g && g.need !== null && g.need !== undefined) {
    const what = g.quantity ? labelOf(g.quantity) : indicator.name_zh;
    text += `\n需增加 ${what} ${plain(g.need)} ${g.unit_zh}`;
    if (g.school_need !== g.need) text += `（按学段分摊，全校需增加 ${plain(g.school_need)} ${g.unit_zh}）`;
  }
  return text;
}

// The grid of one level (a LevelResult): {level, name_zh, indicators, rows, counts}. Each row is a
// unit with its cells [{id, value, minimum, cls, gap, title}]; `counts` the cells of each class
// over the units that are not excluded.
export function levelGrid(level, gaps, { missFloor = METHOD_MISS_FLOOR, labelOf } = {}) {
  const indicators = (level.indicators || []).map((ind) => ({
    id: ind.id,
    name_zh: ind.name_zh,
    minimum: Number(ind.unit_threshold ?? 0),
    unit_zh: ind.unit_zh || '',
    per_students: ind.per_students,
    value_unit: valueUnit(ind),
  }));
  const gapOf = new Map();
  for (const g of gaps || []) {
    if (g.kind === 'unit') gapOf.set(`${g.school_code}/${g.section || g.level}/${g.indicator}`, g);
  }
  const counts = { met: 0, near: 0, below: 0, missing: 0 };
  const rows = (level.units || []).map((u) => {
    const cells = indicators.map((ind) => {
      const raw = u.values ? u.values[ind.id] : undefined;
      const value = raw === undefined || raw === null ? null : Number(raw);
      const cell = { id: ind.id, value, minimum: ind.minimum, cls: classifyValue(value, ind.minimum, missFloor) };
      cell.gap = cellGap(cell, ind, u, gapOf.get(`${u.school_code}/${u.section || level.level}/${ind.id}`));
      cell.title = cellTitle(cell, ind, u, missFloor, labelOf);
      if (!u.excluded) counts[cell.cls] += 1;
      return cell;
    });
    return {
      school_code: u.school_code,
      school_name: u.school_name || '',
      section: u.section || level.level,
      students: Number(u.students ?? 0),
      status: u.status || (u.excluded ? 'excluded' : ''),
      excluded: Boolean(u.excluded),
      exclusion_reason: u.exclusion_reason || '',
      reason: u.reason || '',
      met_count: Number(u.met_count ?? 0),
      merged: u.merged_school_codes || [],
      cells,
    };
  });
  return { level: level.level, name_zh: level.name_zh || '', indicators, rows, counts };
}

// The miss floor an evaluation was judged with: its profile's (the dashboard reads it from
// EvaluateWithInput), else, for a stored snapshot, which keeps no profile, the method's.
export function missFloorOf(evaluation) {
  const f = Number(evaluation?.unit_miss_floor);
  return f > 0 && f <= 1 ? f : METHOD_MISS_FLOOR;
}
