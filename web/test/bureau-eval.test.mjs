// The evaluation dashboard's logic: grid colours and gaps (eval-grid.js), coefficient bars against
// their limit (coefficients.js), the at-a-glance summary (eval-summary.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { atLeast, cellGap, classifyValue, levelGrid, missFloorOf, perStudents, valueUnit } from '../public/js/bureau/eval-grid.js';
import { coefficientBars, coefficientChartOption, cvNumber } from '../public/js/bureau/coefficients.js';
import { combineStatus, dimensions, planRowOf, schoolStandards } from '../public/js/bureau/eval-summary.js';
import { planChartOption, submissionsChartOption, trendCoefficientOption } from '../public/js/bureau/chart-options.js';

const L1 = { id: 'L1', name_zh: '每百名学生拥有高于规定学历教师数', unit_threshold: 4.2, unit_zh: '人', threshold: 0.5 };
const L4 = { id: 'L4', name_zh: '生均教学及辅助用房面积', unit_threshold: 4.5, unit_zh: '平方米', threshold: 0.5 };

test('a value at its minimum is met, below it within the floor is near, under the floor below', () => {
  assert.equal(classifyValue(4.2, 4.2, 0.85), 'met');
  assert.equal(classifyValue(5, 4.2, 0.85), 'met');
  assert.equal(classifyValue(4.19, 4.2, 0.85), 'near');
  // 85% of 4.2 is 3.57: exactly there (as doubles compute it) is still near.
  assert.equal(classifyValue(0.85 * 4.2, 4.2, 0.85), 'near');
  assert.equal(classifyValue(3.569, 4.2, 0.85), 'below');
  assert.equal(classifyValue(null, 4.2, 0.85), 'missing');
  assert.equal(classifyValue(undefined, 4.2, 0.85), 'missing');
  // Zero is a value, not a missing one.
  assert.equal(classifyValue(0, 4.2, 0.85), 'below');
  // Another profile's floor moves the line.
  assert.equal(classifyValue(3.4, 4.2, 0.8), 'near');
});

test('comparisons tolerate one ulp as the engine does', () => {
  assert.ok(atLeast(4.2 - 1e-12, 4.2));
  assert.ok(!atLeast(4.2 - 1e-6, 4.2));
});

test('the value unit and per-hundred come from the indicator', () => {
  assert.equal(perStudents(L1), 100);
  assert.equal(perStudents(L4), 1);
  assert.equal(perStudents({ ...L4, per_students: 100 }), 100);
  assert.equal(valueUnit(L1), '人/百名学生');
  assert.equal(valueUnit(L4), '平方米/生');
});

test('the gap in real units: the engine\'s addition when it has one', () => {
  const cell = { value: 3.9, minimum: 4.5 };
  const gap = {
    kind: 'unit', school_code: 'S', section: 'primary', indicator: 'L4', value_after: 4.52,
    additions: [{ amount: 120, school_amount: 220, unit_zh: '平方米', quantity: 'teaching_aux_area_m2', value_after: 4.52 }],
  };
  const g = cellGap(cell, L4, { students: 200, facility_share: 0.55 }, gap);
  assert.ok(Math.abs(g.shortfall - 0.6) < 1e-12);
  assert.equal(g.need, 120);
  assert.equal(g.school_need, 220);
  assert.equal(g.quantity, 'teaching_aux_area_m2');
  assert.equal(g.from_engine, true);
});

test('the gap in real units computed when the engine gave none: whole teachers per hundred students', () => {
  // 620 students, L1 = 3.87 per hundred -> 24 teachers; 4.2 needs 26.04 -> 3 more (ceil).
  const value = (100 * 24) / 620;
  const g = cellGap({ value, minimum: 4.2 }, L1, { students: 620, facility_share: 1 }, undefined);
  assert.equal(g.need, 3);
  assert.equal(g.school_need, 3);
  assert.equal(g.unit_zh, '人');
  assert.equal(g.from_engine, false);
  // A split facility: the school adds need / share.
  const f = cellGap({ value: 4.0, minimum: 4.5 }, L4, { students: 300, facility_share: 0.5 }, undefined);
  assert.equal(f.need, 150);
  assert.equal(f.school_need, 300);
  // A met cell has no gap.
  assert.equal(cellGap({ value: 4.5, minimum: 4.5 }, L4, { students: 300 }, undefined), null);
});

const LEVEL = {
  level: 'primary', name_zh: '小学', status: 'fail',
  indicators: [L1, L4],
  units: [
    { school_code: 'A', school_name: '甲小学', section: 'primary', students: 620, values: { L1: 4.5, L4: 3.9 }, status: 'pass', met_count: 6 },
    { school_code: 'B', school_name: '乙小学', section: 'primary', students: 100, values: { L1: 3.0 }, missing_fields: ['teaching_aux_area_m2'], status: 'fail', met_count: 5 },
    { school_code: 'C', school_name: '丙教学点', section: 'primary', students: 20, values: { L1: 1, L4: 1 }, excluded: true, exclusion_reason: '不足 50 人', status: 'excluded' },
  ],
};

test('the grid: one row per unit, a class per cell, counts over included units only', () => {
  const gaps = [{ kind: 'unit', level: 'primary', school_code: 'A', section: 'primary', indicator: 'L4',
    additions: [{ amount: 372, school_amount: 372, unit_zh: '平方米', quantity: 'teaching_aux_area_m2' }] }];
  const grid = levelGrid(LEVEL, gaps, { missFloor: 0.85, labelOf: (n) => (n === 'teaching_aux_area_m2' ? '教学及辅助用房面积(m²)' : n) });
  assert.deepEqual(grid.rows.map((r) => r.cells.map((c) => c.cls)), [
    ['met', 'near'],
    ['below', 'missing'],
    ['below', 'below'],
  ]);
  assert.deepEqual(grid.counts, { met: 1, near: 1, below: 1, missing: 1 });
  const near = grid.rows[0].cells[1];
  assert.equal(near.gap.need, 372);
  assert.match(near.title, /L4 生均教学及辅助用房面积/);
  assert.match(near.title, /3\.90 平方米\/生，低于最低 4\.5，差 0\.60 平方米\/生/);
  assert.match(near.title, /需增加 教学及辅助用房面积\(m²\) 372 平方米/);
  assert.match(grid.rows[1].cells[1].title, /无法计算：未报送 教学及辅助用房面积\(m²\)/);
  assert.equal(grid.rows[2].excluded, true);
  assert.equal(grid.indicators[0].minimum, 4.2);
});

test('the miss floor is the server\'s when it sends one, else the method\'s 85%', () => {
  assert.equal(missFloorOf({ unit_miss_floor: 0.8 }), 0.8);
  assert.equal(missFloorOf({}), 0.85);
});

const seven = (cvs, threshold) => ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'].map((id, i) => ({
  id, name_zh: `指标${i + 1}`, threshold, cv: cvs[i], cv_reason: cvs[i] === null ? 'fewer than 2 units' : '',
}));

test('coefficient bars: seven, the limit from the answer, the maximum and the ones over it', () => {
  const m = coefficientBars({ level: 'junior', name_zh: '初中', indicators: seven([0.2, 0.45, 0.46, null, 0.1, 0.61, 0.3], 0.45), mean_cv: null });
  assert.equal(m.bars.length, 7);
  assert.equal(m.limit, 0.45);
  assert.deepEqual(m.bars.map((b) => b.over), [false, false, true, false, false, true, false]);
  assert.equal(m.over, 2);
  assert.deepEqual([m.max.id, m.max.cv, m.max.index], ['L6', 0.61, 5]);
  assert.equal(m.bars[3].cv, null);
  assert.equal(m.bars[3].status, 'not_judged');
  assert.equal(m.mean_cv, null);
});

test('a coefficient equal to its limit passes (the engine\'s tolerance)', () => {
  const m = coefficientBars({ level: 'primary', indicators: seven([0.5, 0.5 + 1e-12, 0.1, 0.1, 0.1, 0.1, 0.1], 0.5) });
  assert.equal(m.over, 0);
});

test('the coefficient chart option: seven data points, the limit line at the answer\'s limit, the max outlined and labelled', () => {
  const m = coefficientBars({ level: 'primary', name_zh: '小学', indicators: seven([0.2, 0.3, 0.55, 0.1, 0.1, 0.1, 0.1], 0.5) });
  const o = coefficientChartOption(m);
  assert.equal(o.series[0].data.length, 7);
  assert.deepEqual(o.xAxis.data, ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
  assert.deepEqual(o.series[0].markLine.data.map((d) => [d.yAxis, d.label.formatter]), [[0.5, '上限 0.50']]);
  assert.equal(o.series[0].data[2].itemStyle.color, '#c62828');
  assert.equal(o.series[0].data[0].itemStyle.color, '#2e7d32');
  assert.equal(o.series[0].data[2].label.formatter, '最大 0.550');
  assert.equal(o.series[0].data[1].label.formatter, '0.300');
  assert.equal(o.series[0].data[2].itemStyle.borderWidth, 2);
  assert.equal(o.series[0].data[1].itemStyle.borderWidth, 0);
  assert.ok(o.yAxis.max >= 0.55);
  // Nothing in the option is a function: a test reads it through the browser as data.
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(o)));
  assert.deepEqual(JSON.parse(JSON.stringify(o)).series[0].markLine.data, o.series[0].markLine.data);
});

test('a Value coefficient: numbers pass, null and structs are undefined', () => {
  assert.equal(cvNumber(0.3), 0.3);
  assert.equal(cvNumber(null), null);
  assert.equal(cvNumber(undefined), null);
  assert.equal(cvNumber({}), null);
});

test('statuses combine as the verdict does', () => {
  assert.equal(combineStatus(['pass', 'pass']), 'pass');
  assert.equal(combineStatus(['pass', 'not_judged']), 'not_judged');
  assert.equal(combineStatus(['not_judged', 'fail']), 'fail');
  assert.equal(combineStatus([]), 'not_judged');
});

test('the four dimensions and the veto items at a glance', () => {
  const d = dimensions({
    levels: [{ level: 'primary', name_zh: '小学', status: 'pass' }, { level: 'junior', name_zh: '初中', status: 'fail' }],
    items: [
      { id: 'G1', category: 'government', status: 'pass' },
      { id: 'G2', category: 'government', status: 'not_judged' },
      { id: 'Q1', category: 'quality', status: 'pass' },
      { id: 'SR', category: 'social', status: 'fail' },
      { id: 'V1', category: 'veto', status: 'pass' },
    ],
  });
  assert.deepEqual(d.map((x) => [x.key, x.label, x.status]), [
    ['resource', '资源配置', 'fail'],
    ['government', '政府保障程度', 'not_judged'],
    ['quality', '教育质量', 'pass'],
    ['social', '社会认可度', 'fail'],
    ['veto', '一票否决', 'pass'],
  ]);
  assert.equal(d[0].note, '小学达标，初中未达标');
  assert.equal(d[1].note, '1/2 项达标');
});

test('a school is behind the plan when its target year has come and it does not meet the standard', () => {
  const rows = schoolStandards({ schools: [
    { school_code: '3', meets: false, status: 'fail', target_year: 2026 },
    { school_code: '1', meets: false, status: 'fail', target_year: 2024 },
    { school_code: '2', meets: true, status: 'pass', target_year: 2024 },
    { school_code: '4', meets: false, status: 'not_judged' },
  ] }, '2024');
  assert.deepEqual(rows.map((r) => [r.school_code, r.due, r.behind]), [
    ['1', true, true], ['2', true, false], ['3', false, false], ['4', false, false],
  ]);
});

test('the plan row of a period is the last year at or before it', () => {
  const e = { plan_progress: [{ year: 2024, due: 3 }, { year: 2025, due: 8 }, { year: 2026, due: 12, beyond: true }] };
  assert.equal(planRowOf(e, '2025').due, 8);
  assert.equal(planRowOf(e, '2030').due, 8);
  assert.equal(planRowOf(e, '2023'), null);
});

test('the other charts\' options carry their data', () => {
  const sub = submissionsChartOption({ days: ['2024-10-14', '2024-10-15'], on_time: [1, 2], late: [0, 0], total: [1, 2], cumulative: [1, 3], deadline_day: '2024-10-15', deadline_index: 1 }, 26);
  assert.deepEqual(sub.series[0].markLine.data, [{ xAxis: 1, name: '截止' }]);
  assert.deepEqual(sub.series[2].data, [1, 3]);
  assert.equal(sub.yAxis[1].max, 26);
  const plan = planChartOption([{ year: 2024, due: 3, meeting: 2, behind_count: 1 }, { year: 2030, due: 26, meeting: 2, behind_count: 24, beyond: true }]);
  assert.deepEqual(plan.xAxis.data, ['2024', '2030 及以后']);
  assert.deepEqual(plan.series.map((s) => s.data), [[3, 26], [2, 2], [1, 24]]);
  const trend = trendCoefficientOption([
    { year: 2023, evaluated: true, levels: [{ level: 'primary', indicators: [{ id: 'L1', cv: 0.3, threshold: 0.5 }, { id: 'L2', threshold: 0.5 }] }] },
    { year: 2024, evaluated: false },
    { year: 2025, evaluated: true, levels: [{ level: 'primary', indicators: [{ id: 'L1', cv: 0.25, threshold: 0.5 }, { id: 'L2', cv: 0.4, threshold: 0.5 }] }] },
  ], 'primary');
  assert.deepEqual(trend.xAxis.data, ['2023', '2025']);
  assert.deepEqual(trend.series.map((s) => s.data), [[0.3, 0.25], [null, 0.4]]);
  assert.deepEqual(trend.series[0].markLine.data, [{ yAxis: 0.5 }]);
});
