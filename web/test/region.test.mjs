// The city and province page's logic (web/public/js/region/model.js): the period it opens on, the
// status totals, each county's verdict and largest coefficients, the ranking (as `junheng region
// eval` ranks: 1 the smallest, ties share a rank) and the chart's option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  candidateYears, defaultPeriod, dimensionsText, largestChartOption, largestOf, rankCounties, rankedCell, sortRows,
  statusTotals, verdictCounts, verdictOf,
} from '../public/js/region/model.js';

const NAMES = { L1: '每百名学生拥有高于规定学历教师数', L5: '生均体育运动场馆面积', L6: '生均教学仪器设备值' };

// A TrendLevel of `level` with coefficients {L1: 0.3, ...} (null: undefined) and its threshold.
function level(name, cvs, threshold) {
  return {
    level: name,
    indicators: Object.entries(cvs).map(([id, cv]) => ({
      id, name_zh: NAMES[id], threshold, status: cv === null ? 'not_judged' : cv > threshold ? 'fail' : 'pass', ...(cv === null ? {} : { cv }),
    })),
  };
}

// A CountyEvaluationRow as the server answers it in JSON.
function county(code, name, { primary = {}, junior = {}, verdict = 'fail', evaluated = true, error = '' } = {}) {
  const largest = (lvl, cvs, threshold, zh) => {
    const defined = Object.entries(cvs).filter(([, cv]) => cv !== null);
    if (!defined.length) return { level: lvl, level_zh: zh, threshold };
    const [id, cv] = defined.reduce((a, b) => (b[1] > a[1] ? b : a));
    return { level: lvl, level_zh: zh, cv, indicator: id, indicator_zh: NAMES[id], threshold };
  };
  return {
    county_code: code,
    county_name: name,
    evaluated,
    error,
    verdict,
    dimensions: [{ id: 'resources', name_zh: '资源配置', status: 'fail' }, { id: 'government', name_zh: '政府保障程度', status: 'pass' },
      { id: 'quality', name_zh: '教育质量', status: 'pass' }, { id: 'social', name_zh: '社会认可度', status: 'pass' }],
    dimensions_passing: 3,
    vetoed: false,
    largest: evaluated && !error ? [largest('primary', primary, 0.5, '小学'), largest('junior', junior, 0.45, '初中')] : [],
    figures: evaluated && !error ? { levels: [level('primary', primary, 0.5), level('junior', junior, 0.45)], schools_meeting: 6, schools_due: 8, due_meeting: 5 } : undefined,
    input_hash: 'ab'.repeat(32),
  };
}

test('the picker offers this year and the five before; the page opens on the latest with reports', () => {
  const years = candidateYears(Date.UTC(2026, 11, 5));
  assert.deepEqual(years, ['2026', '2025', '2024', '2023', '2022', '2021']);
  const status = new Map([
    ['2026', { counties: [{ submitted: 0 }] }],
    ['2025', { counties: [] }],
    ['2024', { counties: [{ submitted: 0 }, { submitted: '3' }] }],
    ['2023', { counties: [{ submitted: 26 }] }],
  ]);
  assert.equal(defaultPeriod(years, status), '2024');
  assert.equal(defaultPeriod(years, new Map()), '2026', 'no data at all: the current year');
});

test('the status totals sum the counties; timeliness only over counties with a window', () => {
  const t = statusTotals([
    { county_code: '140429', schools_total: 18, submitted: 18, on_time: 16, late: 2, incomplete: 0, not_submitted: 0, window_defined: true },
    { county_code: '140430', schools_total: 26, submitted: 24, on_time: 24, late: 0, incomplete: 1, not_submitted: 2, window_defined: true },
    { county_code: '140431', schools_total: 22, submitted: 11, on_time: 0, late: 0, incomplete: 0, not_submitted: 11, window_defined: false },
  ]);
  assert.equal(t.counties, 3);
  assert.equal(t.schools_total, 66);
  assert.equal(t.submitted, 53);
  assert.equal(t.not_submitted, 13);
  assert.equal(t.completeness_rate, 53 / 66);
  assert.equal(t.timeliness_rate, 40 / 44, 'on time of the schools of the counties with a window');
  assert.deepEqual(t.without_window.map((c) => c.county_code), ['140431']);
  assert.equal(statusTotals([]).completeness_rate, null);
});

test('a county\'s verdict is said in the console\'s words, with nothing reported and errors apart', () => {
  assert.deepEqual(verdictOf(county('140429', '武乡县', { verdict: 'pass' })), { key: 'pass', word: '达标', badge: 'pass', sentence: '达到优质均衡标准' });
  assert.equal(verdictOf(county('140430', '沁县')).word, '未达标');
  assert.equal(verdictOf(county('140430', '沁县', { verdict: 'not_judged' })).badge, 'warn');
  assert.equal(verdictOf(county('140431', '沁源县', { evaluated: false })).key, 'none');
  const broken = verdictOf(county('140431', '沁源县', { error: 'county facts unreadable' }));
  assert.equal(broken.key, 'error');
  assert.equal(broken.sentence, 'county facts unreadable');
  const rows = [county('1', 'a', { verdict: 'pass' }), county('2', 'b'), county('3', 'c', { evaluated: false }), county('4', 'd', { verdict: 'pass' })];
  assert.deepEqual(verdictCounts(rows), { pass: 2, fail: 1, not_judged: 0, none: 1, error: 0 });
  assert.equal(dimensionsText(rows[0]), '3/4');
});

test('the largest coefficient of a level carries its indicator and whether it is over the limit', () => {
  const row = county('140431', '沁源县', { primary: { L1: 0.2, L6: 0.538 }, junior: { L5: 0.328 } });
  assert.deepEqual(largestOf(row, 'primary'), { cv: 0.538, id: 'L6', name_zh: NAMES.L6, threshold: 0.5, over: true });
  assert.equal(largestOf(row, 'junior').over, false);
  assert.equal(largestOf(county('1', 'a', { primary: { L1: null } }), 'primary'), null, 'no coefficient defined');
  assert.equal(largestOf(county('1', 'a', { evaluated: false }), 'primary'), null);
  // Exactly the limit passes (the engine's tolerance).
  assert.equal(largestOf(county('1', 'a', { primary: { L1: 0.5 } }), 'primary').over, false);
});

test('counties are ranked per level and indicator, 1 the smallest, ties sharing a rank', () => {
  const counties = [
    county('140429', '武乡县', { primary: { L1: 0.3, L5: 0.2 }, junior: { L1: 0.1 } }),
    county('140430', '沁县', { primary: { L1: 0.25, L5: 0.366 }, junior: { L1: 0.1 } }),
    county('140431', '沁源县', { primary: { L1: 0.3, L5: 0.538 }, junior: { L1: 0.05 } }),
    county('140423', '襄垣县', { evaluated: false }),
    county('140499', '某县', { primary: { L1: null, L5: 0.1 }, junior: { L1: 0.2 } }),
  ];
  const { levels, rows } = rankCounties(counties);
  assert.deepEqual(levels.map((l) => [l.level, l.name_zh, l.limits]), [['primary', '小学', [0.5]], ['junior', '初中', [0.45]]]);
  assert.deepEqual(levels[0].indicators.map((c) => [c.id, c.name_zh]), [['L1', NAMES.L1], ['L5', NAMES.L5]]);
  assert.deepEqual(rows.map((r) => r.county_code), ['140429', '140430', '140431', '140423', '140499'], 'the answer\'s order');
  const ranks = (lvl, id) => rows.map((r) => rankedCell(r, lvl, id).rank);
  // 0.25 first, the two 0.3 share 2, no coefficient no rank.
  assert.deepEqual(ranks('primary', 'L1'), [2, 1, 2, null, null]);
  assert.deepEqual(ranks('primary', 'L5'), [2, 3, 4, null, 1]);
  // The two equal share 2 and the next skips to 4 (1, 2, 2, 4).
  assert.deepEqual(ranks('junior', 'L1'), [2, 2, 1, null, 4]);
  assert.deepEqual(rows.map((r) => rankedCell(r, 'primary', 'L5').over), [false, false, true, false, false]);
  assert.equal(rankedCell(rows[3], 'primary', 'L5').cv, null);
  // Sorted by an indicator's rank: ranked counties first by rank, then the unranked by code.
  assert.deepEqual(sortRows(rows, { level: 'primary', id: 'L5' }).map((r) => r.county_code), ['140499', '140429', '140430', '140431', '140423']);
  assert.equal(sortRows(rows, null), rows);
  assert.deepEqual(rankCounties([county('1', 'a', { evaluated: false })]).levels, [], 'nothing to rank');
});

test('the chart draws each county\'s largest coefficient per level against the level\'s own limit', () => {
  const rows = [
    county('140429', '武乡县', { primary: { L1: 0.263 }, junior: { L1: 0.17 } }),
    county('140431', '沁源县', { primary: { L6: 0.538 }, junior: { L6: 0.328 } }),
    county('140423', '', { evaluated: false }),
  ];
  const option = largestChartOption(rows);
  assert.deepEqual(option.xAxis.data, ['武乡县', '沁源县', '140423']);
  const [primary, junior] = option.series;
  assert.equal(primary.name, '小学最大差异系数');
  assert.deepEqual(primary.data.map((d) => d.value), [0.263, 0.538, null]);
  assert.equal(primary.data[1].itemStyle.color, '#c62828', 'over the limit: red');
  assert.notEqual(primary.data[0].itemStyle.color, '#c62828');
  assert.equal(primary.data[1].label.formatter, 'L6\n0.538');
  assert.deepEqual(primary.markLine.data.map((m) => m.yAxis), [0.5]);
  assert.deepEqual(junior.markLine.data.map((m) => m.yAxis), [0.45]);
  assert.ok(option.yAxis.max >= 0.538 && option.yAxis.max <= 0.7);
  assert.equal(primary.markLine.data[0].label.formatter, '小学 0.50');
  assert.doesNotThrow(() => JSON.stringify(option), 'data only');
  // One limit for both levels: labelled once.
  const shared = largestChartOption([{ ...rows[0], largest: rows[0].largest.map((l) => ({ ...l, threshold: 0.5 })) }]);
  assert.equal(shared.series[0].markLine.data[0].label.formatter, '上限 0.50');
  assert.equal(shared.series[1].markLine.data[0].label.show, false);
});
