// ECharts options of the bureau's other charts, built from plain data: the submissions per day,
// the plan's progress by year and the trend across periods. Data only, no functions, so that a
// test reads an option as it is.

import { cvNumber } from './coefficients.js';
import { LEVEL_ZH } from './format.js';

const ON_TIME = '#2e7d32';
const LATE = '#ef6c00';
const CUMULATIVE = '#1565c0';
const DEADLINE = '#b71c1c';

// From submissionsPerDay's series: stacked bars of first submissions on time and late, the
// running total on a second axis up to `total` (the schools due), the deadline a vertical line.
export function submissionsChartOption(series, total) {
  const markLine = series.deadline_index >= 0
    ? {
        symbol: 'none',
        silent: true,
        lineStyle: { color: DEADLINE, type: 'dashed', width: 2 },
        label: { formatter: `截止 ${series.deadline_day.slice(5)}`, position: 'end', color: DEADLINE, fontWeight: 'bold' },
        data: [{ xAxis: series.deadline_index, name: '截止' }],
      }
    : undefined;
  return {
    animation: false,
    grid: { left: 40, right: 48, top: 40, bottom: 56 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['按时', '逾期', '累计已报'] },
    xAxis: { type: 'category', data: series.days.map((d) => d.slice(5)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: '当日', minInterval: 1 },
      { type: 'value', name: '累计', minInterval: 1, max: Math.max(total || 0, ...series.cumulative, 1) },
    ],
    dataZoom: series.days.length > 45 ? [{ type: 'slider', height: 18, bottom: 8 }] : [],
    series: [
      { name: '按时', type: 'bar', stack: 'day', barMaxWidth: 28, data: series.on_time, itemStyle: { color: ON_TIME }, markLine },
      { name: '逾期', type: 'bar', stack: 'day', barMaxWidth: 28, data: series.late, itemStyle: { color: LATE } },
      {
        name: '累计已报',
        type: 'line',
        yAxisIndex: 1,
        step: 'end',
        symbol: 'none',
        data: series.cumulative,
        lineStyle: { color: CUMULATIVE },
        itemStyle: { color: CUMULATIVE },
        markLine: total
          ? { symbol: 'none', silent: true, lineStyle: { color: '#90a4ae', type: 'dotted' }, label: { formatter: `应报 ${total}` }, data: [{ yAxis: total }] }
          : undefined,
      },
    ],
  };
}

// The plan's progress (Evaluation.plan_progress): per year the schools due by then and how many of
// them meet the standard in the evaluated period; `beyond` is the row after the plan's last year.
export function planChartOption(planProgress) {
  const rows = planProgress || [];
  const label = (r) => (r.beyond ? `${r.year} 及以后` : String(r.year));
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['规划应达标', '已达标', '未达标'] },
    xAxis: { type: 'category', data: rows.map(label) },
    yAxis: { type: 'value', name: '学校数', minInterval: 1 },
    series: [
      { name: '规划应达标', type: 'line', data: rows.map((r) => Number(r.due ?? 0)), symbolSize: 8, itemStyle: { color: '#455a64' }, lineStyle: { type: 'dashed' } },
      { name: '已达标', type: 'bar', stack: 'due', data: rows.map((r) => Number(r.meeting ?? 0)), itemStyle: { color: ON_TIME } },
      { name: '未达标', type: 'bar', stack: 'due', data: rows.map((r) => Number(r.behind_count ?? 0)), itemStyle: { color: '#e57373' } },
    ],
  };
}

// The trend of the standard (TrendResponse.years): schools meeting the standard against the
// plan's schools due, per year that was evaluated.
export function trendStandardOption(years) {
  const ys = (years || []).filter((y) => y.evaluated);
  return {
    animation: false,
    title: { text: '达标学校与规划', left: 'center', textStyle: { fontSize: 13 } },
    grid: { left: 40, right: 16, top: 80, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 30, data: ['达标学校', '规划应达标', '应达标中已达标', '已报学校'] },
    xAxis: { type: 'category', data: ys.map((y) => String(y.year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '达标学校', type: 'line', data: ys.map((y) => Number(y.schools_meeting ?? 0)), itemStyle: { color: ON_TIME } },
      { name: '规划应达标', type: 'line', data: ys.map((y) => Number(y.schools_due ?? 0)), lineStyle: { type: 'dashed' }, itemStyle: { color: '#455a64' } },
      { name: '应达标中已达标', type: 'line', data: ys.map((y) => Number(y.due_meeting ?? 0)), itemStyle: { color: '#6a1b9a' } },
      { name: '已报学校', type: 'line', data: ys.map((y) => Number(y.schools_reported ?? 0)), lineStyle: { type: 'dotted' }, itemStyle: { color: '#90a4ae' } },
    ],
  };
}

// The coefficients of one level across the evaluated years: one line per indicator, the limit
// dashed (TrendIndicator.threshold).
export function trendCoefficientOption(years, level) {
  const ys = (years || []).filter((y) => y.evaluated);
  const ids = [];
  const names = new Map();
  const limits = new Set();
  for (const y of ys) {
    const l = (y.levels || []).find((x) => x.level === level);
    for (const ind of l?.indicators || []) {
      if (!names.has(ind.id)) {
        ids.push(ind.id);
        names.set(ind.id, ind.name_zh || '');
      }
      if (Number(ind.threshold) > 0) limits.add(Number(ind.threshold));
    }
  }
  const series = ids.map((id) => ({
    name: id,
    type: 'line',
    connectNulls: false,
    data: ys.map((y) => {
      const ind = (y.levels || []).find((x) => x.level === level)?.indicators?.find((i) => i.id === id);
      return ind ? cvNumber(ind.cv) : null;
    }),
  }));
  if (series.length) {
    series[0].markLine = {
      symbol: 'none',
      silent: true,
      lineStyle: { color: DEADLINE, type: 'dashed', width: 2 },
      label: { formatter: '上限 {c}', position: 'insideEndTop', color: DEADLINE },
      data: [...limits].map((t) => ({ yAxis: t })),
    };
  }
  // The axis reaches the limit even when every coefficient is far below it.
  const top = Math.max(0, ...[...limits], ...series.flatMap((x) => x.data.filter((v) => v !== null)));
  return {
    animation: false,
    title: { text: `${LEVEL_ZH[level] || level}差异系数`, left: 'center', textStyle: { fontSize: 13 } },
    grid: { left: 40, right: 16, top: 80, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 30, data: ids },
    xAxis: { type: 'category', data: ys.map((y) => String(y.year)) },
    yAxis: { type: 'value', min: 0, max: Math.max(0.1, Math.ceil(top * 1.15 * 10) / 10) },
    series,
  };
}
