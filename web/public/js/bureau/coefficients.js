// A level's seven difference coefficients (差异系数) against their limit, as the dashboard's bars
// show them. Pure: from a LevelResult of the Evaluation message; the limit is each indicator's
// `threshold` from the answer (0.50 primary, 0.45 junior in the 2017 method), never typed here.

import { fixed } from './format.js';

// A google.protobuf.Value coefficient as a number, or null when undefined (fewer than 2 units,
// a zero mean: see cv_reason).
export function cvNumber(v) {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'object') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

// Whether a coefficient is over its limit, with the engine's tolerance: a coefficient of exactly
// the limit passes. An undefined coefficient (null) is over nothing.
export function overLimit(cv, threshold) {
  return cv !== null && cv > threshold + 1e-9 * Math.max(1, Math.abs(cv), Math.abs(threshold));
}

// {level, name_zh, limit, limits, bars, max, over, mean_cv, status}
//   bars   [{id, name_zh, cv, threshold, over, status, reason}], L1..L7 in the answer's order;
//   limit  the coefficients' common limit (the largest, should a profile ever differ per indicator)
//          and `limits` every distinct one;
//   max    the bar with the largest coefficient {index, id, name_zh, cv, over}, null when none is
//          defined;
//   over   how many coefficients exceed their limit.
export function coefficientBars(level) {
  const bars = (level.indicators || []).map((ind) => {
    const cv = cvNumber(ind.cv);
    const threshold = Number(ind.threshold ?? 0);
    const over = overLimit(cv, threshold);
    return {
      id: ind.id,
      name_zh: ind.name_zh || '',
      cv,
      threshold,
      over,
      status: ind.status || (cv === null ? 'not_judged' : over ? 'fail' : 'pass'),
      reason: ind.cv_reason || '',
      mean: ind.mean,
    };
  });
  const limits = [...new Set(bars.map((b) => b.threshold).filter((t) => t > 0))].sort((a, b) => a - b);
  let max = null;
  bars.forEach((b, index) => {
    if (b.cv !== null && (max === null || b.cv > max.cv)) max = { index, id: b.id, name_zh: b.name_zh, cv: b.cv, over: b.over };
  });
  return {
    level: level.level,
    name_zh: level.name_zh || '',
    limit: limits.length ? limits[limits.length - 1] : null,
    limits,
    bars,
    max,
    over: bars.filter((b) => b.over).length,
    mean_cv: cvNumber(level.mean_cv),
    status: level.status || '',
  };
}

const PASS_COLOUR = '#2e7d32';
const FAIL_COLOUR = '#c62828';
const LIMIT_COLOUR = '#b71c1c';

// The ECharts option of the bars: one bar per indicator (null where the coefficient is undefined),
// red above the limit, the largest one outlined and labelled 最大, the limit a dashed line. Data only, no functions, so
// that a test reads it as it is.
export function coefficientChartOption(model) {
  const top = Math.max(model.limit ?? 0, model.max?.cv ?? 0);
  const yMax = Math.max(0.1, Math.ceil(top * 1.2 * 10) / 10);
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 36, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'category',
      data: model.bars.map((b) => b.id),
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', name: '差异系数', min: 0, max: yMax },
    series: [
      {
        name: `${model.name_zh}差异系数`,
        type: 'bar',
        barMaxWidth: 36,
        data: model.bars.map((b, i) => ({
          value: b.cv,
          name: `${b.id} ${b.name_zh}`,
          itemStyle: {
            color: b.over ? FAIL_COLOUR : PASS_COLOUR,
            borderColor: model.max && model.max.index === i ? '#111' : undefined,
            borderWidth: model.max && model.max.index === i ? 2 : 0,
          },
          label: {
            show: true,
            position: 'top',
            formatter: b.cv === null ? '无法计算' : model.max && model.max.index === i ? `最大 ${fixed(b.cv, 3)}` : fixed(b.cv, 3),
            fontWeight: model.max && model.max.index === i ? 'bold' : 'normal',
            color: b.over ? FAIL_COLOUR : '#333',
          },
          tooltip: {
            formatter: `${b.id} ${b.name_zh}<br>差异系数 ${b.cv === null ? '无法计算' : fixed(b.cv, 3)}（上限 ${fixed(b.threshold, 2)}）${b.reason ? `<br>${escapeHtml(b.reason)}` : ''}`,
          },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: LIMIT_COLOUR, type: 'dashed', width: 2 },
          label: { position: 'insideEndTop', color: LIMIT_COLOUR, fontWeight: 'bold' },
          data: model.limits.map((t) => ({ yAxis: t, name: '上限', label: { formatter: `上限 ${fixed(t, 2)}` } })),
        },
      },
    ],
  };
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
