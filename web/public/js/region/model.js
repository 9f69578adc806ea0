// The city and province page's logic (region.html): the period to open, the status totals, each
// county's verdict, the ranking of the counties indicator by indicator and the chart of their
// largest coefficients. Pure: from the answers of RegionService (proto/junheng/v1/region.proto),
// no DOM, no fetch. Names of counties and indicators, thresholds and statuses are the answer's;
// nothing here types a limit or an indicator's name.

import { cvNumber, overLimit } from '../bureau/coefficients.js';
import { fixed, LEVEL_ZH, STATUS_BADGE, STATUS_ZH, VERDICT_ZH } from '../bureau/format.js';

// The method's levels, in the order the tables show them.
export const LEVELS = Object.freeze(['primary', 'junior']);

// ---- the period ----

// The years the period picker offers: `now`'s year and the five before it, newest first.
export function candidateYears(nowMs, back = 5) {
  const year = new Date(nowMs).getUTCFullYear();
  return Array.from({ length: back + 1 }, (_, i) => String(year - i));
}

// Whether a RegionStatus answer has data: some county has a school that reported.
export const hasData = (status) => (status?.counties || []).some((c) => Number(c.submitted ?? 0) > 0);

// The period the page opens on: the latest year with data ({year: RegionStatus answer}), or the
// newest candidate (the current year) when no year has any.
export function defaultPeriod(years, statusByYear) {
  return years.find((y) => hasData(statusByYear.get(y))) ?? years[0] ?? '';
}

// ---- 报送情况 ----

// The region's totals over its counties: the counts summed, and the rates as a county's status
// gives them (bureau.proto): completeness the submitted share of all schools, timeliness the on-time
// share of the schools of the counties with a window for the period (null when none has one).
export function statusTotals(counties) {
  const sum = (key, rows = counties) => rows.reduce((n, c) => n + Number(c[key] ?? 0), 0);
  const windowed = counties.filter((c) => c.window_defined);
  const schools = sum('schools_total');
  const windowedSchools = sum('schools_total', windowed);
  return {
    counties: counties.length,
    schools_total: schools,
    submitted: sum('submitted'),
    on_time: sum('on_time'),
    late: sum('late'),
    incomplete: sum('incomplete'),
    not_submitted: sum('not_submitted'),
    completeness_rate: schools > 0 ? sum('submitted') / schools : null,
    timeliness_rate: windowedSchools > 0 ? sum('on_time', windowed) / windowedSchools : null,
    without_window: counties.filter((c) => !c.window_defined),
  };
}

// ---- 评估 ----

// A county row's verdict for a person: {key, word, badge, sentence}. key is the answer's verdict
// (pass | fail | not_judged), 'none' when no school reported for the period, 'error' when the
// county could not be evaluated (sentence: the server's message).
export function verdictOf(row) {
  if (row.error) return { key: 'error', word: '评估出错', badge: 'fail', sentence: row.error };
  if (!row.evaluated) return { key: 'none', word: '无报送数据', badge: 'plain', sentence: '本期没有学校报送，无法评估' };
  const key = row.verdict || 'not_judged';
  return { key, word: STATUS_ZH[key] || key, badge: STATUS_BADGE[key] || 'plain', sentence: VERDICT_ZH[key] || key };
}

// How many counties have each verdict key (verdictOf), for the headline.
export function verdictCounts(rows) {
  const counts = { pass: 0, fail: 0, not_judged: 0, none: 0, error: 0 };
  for (const row of rows) {
    const { key } = verdictOf(row);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

// A row's largest coefficient of `level` (LargestCoefficient): {cv, id, name_zh, threshold, over},
// or null when the county has none for the level (nothing evaluated, or no coefficient defined).
export function largestOf(row, level) {
  if (row.error || !row.evaluated) return null;
  const l = (row.largest || []).find((x) => x.level === level);
  const cv = cvNumber(l?.cv);
  if (!l || cv === null) return null;
  const threshold = Number(l.threshold ?? 0);
  return { cv, id: l.indicator || '', name_zh: l.indicator_zh || '', threshold, over: overLimit(cv, threshold) };
}

// "x/4": the dimensions passing of the method's four (资源配置, 政府保障程度, 教育质量, 社会认可度).
export function dimensionsText(row) {
  const total = (row.dimensions || []).length || 4;
  return `${Number(row.dimensions_passing ?? 0)}/${total}`;
}

// ---- 排名 ----

const cellKey = (level, id) => `${level}/${id}`;

/**
 * The counties ranked indicator by indicator, as `junheng region eval` ranks them
 * (common/render/region_tables.h, RankCounties): per level and indicator the coefficients from the
 * smallest up, 1 the smallest (the most balanced county); counties with the same coefficient share
 * a rank and the next rank skips as many places (1, 1, 3); a county without the coefficient (nothing
 * reported, an error, or undefined) has no rank.
 *
 * Answers {levels, rows}:
 *   levels [{level, name_zh, limits, indicators: [{id, name_zh, threshold}]}], primary then junior,
 *          the indicators in the answer's order (L1..L7) with the official name the rows carry;
 *   rows   one per county in the answer's order: {county_code, county_name, cells}, cells keyed
 *          "primary/L1" → {cv, rank, over, status} (cv and rank null when absent; over: the
 *          coefficient is above its threshold).
 */
export function rankCounties(counties) {
  const byLevel = new Map();
  const figuresOf = (row) => (row.evaluated && !row.error ? row.figures?.levels || [] : []);
  for (const row of counties) {
    for (const l of figuresOf(row)) {
      if (!byLevel.has(l.level)) byLevel.set(l.level, { level: l.level, name_zh: LEVEL_ZH[l.level] || l.level, indicators: [] });
      const level = byLevel.get(l.level);
      for (const ind of l.indicators || []) {
        let column = level.indicators.find((c) => c.id === ind.id);
        if (!column) {
          column = { id: ind.id, name_zh: '', threshold: Number(ind.threshold ?? 0) };
          level.indicators.push(column);
        }
        if (!column.name_zh && ind.name_zh) column.name_zh = ind.name_zh;
      }
    }
  }
  const order = (level) => (LEVELS.includes(level) ? LEVELS.indexOf(level) : LEVELS.length);
  const levels = [...byLevel.values()].sort((a, b) => order(a.level) - order(b.level));
  for (const level of levels) {
    level.limits = [...new Set(level.indicators.map((c) => c.threshold).filter((t) => t > 0))].sort((a, b) => a - b);
  }

  const rows = counties.map((row) => {
    const cells = {};
    for (const level of levels) {
      const l = figuresOf(row).find((x) => x.level === level.level);
      for (const column of level.indicators) {
        const ind = l?.indicators?.find((x) => x.id === column.id);
        const cv = cvNumber(ind?.cv);
        const threshold = Number(ind?.threshold ?? column.threshold);
        cells[cellKey(level.level, column.id)] = { cv, rank: null, over: overLimit(cv, threshold), status: ind?.status || '' };
      }
    }
    return { county_code: row.county_code, county_name: row.county_name || '', cells };
  });

  for (const level of levels) {
    for (const column of level.indicators) {
      const key = cellKey(level.level, column.id);
      // A stable sort: equal coefficients keep the answer's order.
      const present = rows.map((r) => r.cells[key]).filter((c) => c.cv !== null).sort((a, b) => a.cv - b.cv);
      present.forEach((cell, k) => {
        cell.rank = k > 0 && cell.cv === present[k - 1].cv ? present[k - 1].rank : k + 1;
      });
    }
  }
  return { levels, rows };
}

/** The cell of `row` (a rankCounties row) for a level and indicator. */
export const rankedCell = (row, level, id) => row.cells[cellKey(level, id)];

/** The rows sorted by one indicator's rank (unranked last, then by code), or as they are when
 * `by` is null ({level, id}). */
export function sortRows(rows, by) {
  if (!by) return rows;
  const rankOf = (r) => rankedCell(r, by.level, by.id)?.rank ?? Infinity;
  return [...rows].sort((a, b) => rankOf(a) - rankOf(b) || a.county_code.localeCompare(b.county_code));
}

// ---- the chart ----

const LEVEL_COLOUR = { primary: '#1565c0', junior: '#6a1b9a' };
const OVER_COLOUR = '#c62828';

// The ECharts option of 各县最大差异系数: per county one bar per level, its largest coefficient
// (labelled with the indicator's id), red when over the level's threshold, which is a dashed line
// of the level's colour. Data only, no functions, so that a test reads it as it is.
export function largestChartOption(rows) {
  const names = rows.map((r) => r.county_name || r.county_code);
  let top = 0;
  const series = LEVELS.map((level) => {
    const limits = new Set();
    const data = rows.map((row) => {
      const l = largestOf(row, level);
      if (!l) return { value: null };
      if (l.threshold > 0) limits.add(l.threshold);
      top = Math.max(top, l.cv, l.threshold);
      return {
        value: l.cv,
        name: `${l.id} ${l.name_zh}`,
        itemStyle: { color: l.over ? OVER_COLOUR : LEVEL_COLOUR[level] },
        label: { show: true, position: 'top', fontSize: 11, formatter: `${l.id}\n${fixed(l.cv, 3)}`, color: l.over ? OVER_COLOUR : '#333', fontWeight: l.over ? 'bold' : 'normal' },
        tooltip: { formatter: `${row.county_name || row.county_code} ${LEVEL_ZH[level]}<br>最大：${l.id} ${l.name_zh}<br>差异系数 ${fixed(l.cv, 3)}（上限 ${fixed(l.threshold, 2)}）` },
      };
    });
    return {
      name: `${LEVEL_ZH[level]}最大差异系数`,
      type: 'bar',
      barMaxWidth: 40,
      barGap: '20%',
      itemStyle: { color: LEVEL_COLOUR[level] },
      data,
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: LEVEL_COLOUR[level], type: 'dashed', width: 2 },
        // Right of the plot, where no bar is: "小学 0.50".
        label: { position: 'end', color: LEVEL_COLOUR[level], fontWeight: 'bold', fontSize: 10 },
        data: [...limits].sort((a, b) => a - b).map((t) => ({ yAxis: t, name: `${LEVEL_ZH[level]}上限`, label: { formatter: `${LEVEL_ZH[level]} ${fixed(t, 2)}` } })),
      },
    };
  });
  // A limit both levels share is one line, labelled once.
  const [first, second] = series;
  for (const line of second.markLine.data) {
    const same = first.markLine.data.find((m) => m.yAxis === line.yAxis);
    if (!same) continue;
    same.label.formatter = `上限 ${fixed(line.yAxis, 2)}`;
    line.label = { show: false };
  }
  return {
    animation: false,
    grid: { left: 48, right: 64, top: 72, bottom: 48 },
    tooltip: { trigger: 'item' },
    legend: { top: 0, data: series.map((s) => s.name) },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', name: '差异系数', min: 0, max: Math.max(0.1, Math.ceil(top * 1.2 * 10) / 10) },
    dataZoom: names.length > 20 ? [{ type: 'slider', height: 18, bottom: 8 }] : [],
    series,
  };
}
