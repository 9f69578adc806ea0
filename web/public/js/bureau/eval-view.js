// 评估: the evaluation dashboard of a period (EvaluationService/Evaluate, or a stored snapshot).
// The verdict and the four dimensions at a glance; per level the seven difference coefficients
// against their limit and the school x indicator grid; the G/Q/SR/V items; each school's standard
// against its target year; the plan's progress; the trend across periods; the snapshots.

import { downloadLink } from './downloads.js';
import { renderChart } from './charts.js';
import { planChartOption, trendCoefficientOption, trendStandardOption } from './chart-options.js';
import { coefficientBars, coefficientChartOption } from './coefficients.js';
import { badge, fill, h, headRow, loading, note } from './dom.js';
import { levelGrid, missFloorOf, valueUnit } from './eval-grid.js';
import { dimensions, itemsByCategory, planRowOf, schoolStandards } from './eval-summary.js';
import { CATEGORY_ZH, chinaTime, fixed, int64, LEVEL_ZH, plain, showValue, STATUS_BADGE, STATUS_ZH, TRIGGER_ZH, VERDICT_ZH } from './format.js';

const status = (s) => badge(STATUS_ZH[s] || s || '—', STATUS_BADGE[s]);

// A list of names: the first `n` shown, the rest a click away.
function foldList(nodes, n) {
  if (nodes.length <= n) return nodes;
  return h('details', { class: 'long' }, h('summary', {}, nodes.slice(0, n).map((x) => x.cloneNode(true)), `… 等 ${nodes.length} 所`), h('div', {}, nodes));
}

// An item's value, threshold or gap: a composite (G8, G11, Q9: an object) one part a line.
function valueCell(v) {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.keys(v).sort().map((k) => h('div', { class: 'part' }, h('span', { class: 'muted' }, `${k} `), showValue(v[k])));
  }
  return showValue(v);
}

// A reason of a few lines as it is; a longer one (an S item lists every failing school) folded
// after its first words, the whole text a click away.
function longText(text, n = 120) {
  if (!text || text.length <= n) return text || '';
  return h('details', { class: 'long' }, h('summary', {}, `${text.slice(0, n)}…`), h('div', {}, text));
}

export async function renderEval(view, ctx, current) {
  const period = ctx.route.period;
  const rest = ctx.route.rest;
  const snapshotSeq = rest[0] === 'snapshot' ? rest[1] : null;
  const acceptedOnly = rest[0] === 'accepted';
  fill(view, loading(snapshotSeq ? `正在读取快照 #${snapshotSeq}…` : '正在评估（按最新数据计算）…'));

  let evaluation;
  let snapshot = null;
  if (snapshotSeq) {
    snapshot = await ctx.api.getSnapshot({ county_code: ctx.county, period, seq: snapshotSeq });
    evaluation = snapshot.evaluation || {};
  } else {
    // With its input, for the profile the evaluation was judged by: the grid colours a miss by the
    // profile's own floor (thresholds are data), not a number of the page's.
    const withInput = await ctx.api.rpc('EvaluateWithInput', { county_code: ctx.county, period, accepted_only: acceptedOnly });
    evaluation = { ...(withInput.evaluation || {}), unit_miss_floor: withInput.profile?.unit_miss_floor };
  }
  if (!current()) return;
  globalThis.__junhengEvaluation = evaluation;

  const sections = [
    ['verdict', '结论'],
    ['resource', '资源配置'],
    ['items', '评估项目'],
    ['schools', '学校达标'],
    ['plan', '规划进度'],
    ['trend', '趋势'],
    ['snapshots', '快照'],
  ];
  const boxes = Object.fromEntries(sections.map(([key]) => [key, h('section', { class: 'panel', id: `eval-${key}`, 'data-section': key })]));
  fill(view,
    h('div', { class: 'toolbar eval-toolbar' },
      snapshot
        ? note('info', `正在查看快照 #${snapshot.seq}（${chinaTime(snapshot.time || snapshot.time_unix_ms)}，${TRIGGER_ZH[snapshot.trigger] || snapshot.trigger}${snapshot.accepted_only ? '，仅已审核版本' : ''}）。`, ' ',
          h('a', { href: `#/eval/${encodeURIComponent(period)}` }, '返回实时评估'))
        : h('span', { class: 'scope' },
          h('a', { href: `#/eval/${encodeURIComponent(period)}`, class: acceptedOnly ? '' : 'current' }, '用各校最新报送版本'), ' | ',
          h('a', { href: `#/eval/${encodeURIComponent(period)}/accepted`, class: acceptedOnly ? 'current' : '' }, '只用已审核通过的版本')),
      h('nav', { class: 'jump', 'aria-label': '跳到' }, sections.map(([key, label]) =>
        h('button', { type: 'button', class: 'btn btn-link', onclick: () => boxes[key].scrollIntoView({ behavior: 'smooth', block: 'start' }) }, label))),
      h('button', { type: 'button', class: 'btn btn-small', onclick: () => window.print() }, '打印'),
      snapshot ? null : downloadLink('evaluation', period, '评估结果.xlsx', acceptedOnly),
      snapshot ? null : downloadLink('forms', period, '申报表 表Ⅰ–表Ⅵ.xlsx', acceptedOnly)),
    Object.values(boxes));

  drawVerdict(boxes.verdict, evaluation, period, ctx);
  drawResource(boxes.resource, evaluation, ctx);
  drawItems(boxes.items, evaluation, ctx);
  drawSchools(boxes.schools, evaluation, period);
  drawPlan(boxes.plan, evaluation, period, ctx);
  fill(boxes.trend, h('h2', {}, '趋势'), loading());
  fill(boxes.snapshots, h('h2', {}, '快照'), loading());
  await Promise.all([
    drawTrend(boxes.trend, ctx, period, current).catch((err) => fill(boxes.trend, h('h2', {}, '趋势'), note('error', err.message))),
    drawSnapshots(boxes.snapshots, ctx, period, snapshotSeq, current).catch((err) => fill(boxes.snapshots, h('h2', {}, '快照'), note('error', err.message))),
  ]);
}

function drawVerdict(box, e, period, ctx) {
  const v = e.verdict || {};
  const verdictStatus = v.status || (v.pass ? 'pass' : 'fail');
  const headline = VERDICT_ZH[verdictStatus] || verdictStatus;
  const plan = planRowOf(e, period);
  const failures = v.failures || [];
  const notJudged = v.not_judged || [];
  fill(box,
    h('h2', {}, `${period} 年度县域评估结论`),
    h('div', { class: `verdict verdict-${verdictStatus}`, 'data-verdict': verdictStatus },
      h('div', { class: 'verdict-word' }, headline),
      h('div', { class: 'verdict-meta' },
        `已报 ${plain(e.schools_reported ?? 0)} / ${plain(e.schools_in_registry ?? 0)} 所学校`,
        (e.not_reported || []).length ? `（未报 ${e.not_reported.length} 所：${e.not_reported.slice(0, 5).map((c) => ctx.schoolName(c) || c).join('、')}${e.not_reported.length > 5 ? ' 等' : ''}）` : '',
        ` · 标准：${e.profile?.name || ''} ${e.profile?.version || ''}`,
        plan ? ` · 规划：到 ${plan.year} 年应达标 ${plain(plan.due)} 所，已达标 ${plain(plan.meeting)} 所` : '',
        h('span', { class: 'muted code', title: '输入与标准的 SHA-256：同样的数据得到同样的值' }, ` · ${String(e.input_hash || '').slice(0, 12)}`))),
    h('div', { class: 'dimensions' }, dimensions(e).map((d) => h('div', { class: `dimension dim-${d.status}`, 'data-dimension': d.key },
      h('div', { class: 'dim-label' }, d.label),
      h('div', { class: 'dim-status' }, STATUS_ZH[d.status] || d.status),
      h('div', { class: 'dim-note' }, d.note),
      d.key !== 'resource' && d.total ? h('div', { class: 'dim-bar', title: `达标 ${d.pass}，未达标 ${d.fail}，无法判定 ${d.not_judged}` },
        h('span', { class: 'seg seg-pass', style: `flex:${d.pass}` }), h('span', { class: 'seg seg-fail', style: `flex:${d.fail}` }), h('span', { class: 'seg seg-warn', style: `flex:${d.not_judged}` })) : null))),
    failures.length
      ? h('details', { class: 'failures', open: failures.length <= 12 },
        h('summary', {}, `未达标 ${failures.length} 项（测得值、标准、差距）`),
        failureTable(failures))
      : null,
    notJudged.length
      ? h('details', { class: 'failures' },
        h('summary', {}, `无法判定 ${notJudged.length} 项（缺少数据）`),
        failureTable(notJudged))
      : null);
}

function failureTable(list) {
  return h('table', { class: 'data' },
    headRow(['编号', '名称', ['测得值', 'value'], ['标准', 'value'], ['差距', 'value'], '说明']),
    h('tbody', {}, list.map((f) => h('tr', {},
      h('td', { class: 'code' }, f.id),
      h('td', {}, f.name_zh || ''),
      h('td', { class: 'value' }, valueCell(f.value)),
      h('td', { class: 'value' }, valueCell(f.threshold)),
      h('td', { class: 'value' }, valueCell(f.gap)),
      h('td', { class: 'reason' }, longText(f.reason))))));
}

function drawResource(box, e, ctx) {
  const missFloor = missFloorOf(e);
  // Plain labels: the sentence on hover says the unit itself (需增加 体育运动场馆面积 546 平方米).
  const labelOf = (n) => (n === 'report' ? '本期报表' : ctx.fieldOf.get(n)?.label || n);
  const parts = [h('h2', {}, '资源配置（差异系数与校际达标）')];
  for (const level of e.levels || []) {
    const model = coefficientBars(level);
    const chartEl = h('div', { class: 'chart', 'data-level': level.level });
    const grid = levelGrid(level, e.gaps, { missFloor, labelOf });
    const levelGaps = (e.gaps || []).filter((g) => g.kind === 'coefficient' && g.level === level.level);
    parts.push(h('div', { class: 'level', 'data-level': level.level },
      h('h3', {}, `${level.name_zh || LEVEL_ZH[level.level] || level.level} `, status(level.status),
        h('span', { class: 'muted' }, ` 达到校际标准的单位 ${plain(level.units_meeting ?? 0)} / ${grid.rows.filter((r) => !r.excluded).length}`)),
      h('div', { class: 'coef' },
        chartEl,
        h('div', { class: 'coef-side' },
          h('p', { class: 'coef-max', 'data-max': model.max ? model.max.id : '' },
            model.max
              ? [`最大差异系数：`, h('strong', {}, `${model.max.id} ${model.max.name_zh} ${fixed(model.max.cv, 3)}`), `（上限 ${fixed(model.limit, 2)}）`,
                model.over ? h('span', { class: 'badge badge-fail' }, `${model.over} 项超限`) : h('span', { class: 'badge badge-pass' }, '全部不超限')]
              : '差异系数无法计算'),
          h('p', { class: 'muted' }, `综合差异系数 ${model.mean_cv === null ? '—' : fixed(model.mean_cv, 3)}（七项平均，仅供参考，不作判定）`),
          (level.reasons || []).length ? h('ul', { class: 'reasons' }, level.reasons.map((r) => h('li', {}, r))) : null)),
      indicatorTable(level, model),
      levelGaps.length ? coefficientGaps(levelGaps, ctx) : null,
      gridTable(grid, missFloor)));
    // Drawn once the element is in the page (ECharts measures its container).
    queueMicrotask(() => renderChart(chartEl, `coefficients-${level.level}`, coefficientChartOption(model)));
  }
  const excl = e.exclusions || [];
  if (excl.length) {
    parts.push(h('details', { class: 'exclusions' }, h('summary', {}, `不参评的学校 ${excl.length} 所`),
      h('ul', {}, excl.map((u) => h('li', {}, `${u.school_name || u.school_code}（${u.school_code}）：${u.exclusion_reason || u.reason || ''}`)))));
  }
  fill(box, parts);
}

function indicatorTable(level, model) {
  return h('table', { class: 'data indicators' },
    headRow(['指标', ['每校最低标准', 'num'], ['全县均值', 'num'], ['差异系数', 'num'], ['上限', 'num'], ['低于最低标准的单位', 'num'], ['无数据', 'num'], '状态']),
    h('tbody', {}, (level.indicators || []).map((ind, i) => h('tr', { class: model.bars[i]?.over ? 'over' : '' },
      h('td', {}, h('span', { class: 'code' }, ind.id), ` ${ind.name_zh}`),
      h('td', { class: 'num' }, `${plain(ind.unit_threshold)} ${valueUnit(ind)}`),
      h('td', { class: 'num' }, fixed(ind.mean, 2)),
      h('td', { class: 'num', title: ind.cv_reason || null }, model.bars[i]?.cv === null ? '无法计算' : fixed(model.bars[i].cv, 3)),
      h('td', { class: 'num' }, fixed(ind.threshold, 2)),
      h('td', { class: 'num' }, plain(ind.units_below ?? 0)),
      h('td', { class: 'num' }, plain(ind.units_missing ?? 0)),
      h('td', {}, status(ind.status))))));
}

function coefficientGaps(gaps, ctx) {
  return h('details', { class: 'gaps' },
    h('summary', {}, `差距分析：使超限的差异系数降到上限以内（${gaps.length} 项）`),
    gaps.map((g) => h('div', { class: 'gap' },
      h('p', {}, h('strong', {}, `${g.indicator} ${g.name_zh || ''}`), `：${fixed(g.value, 3)} → ${fixed(g.value_after, 3)}（上限 ${fixed(g.threshold, 2)}）${g.verified ? '' : '，未能验证'}`),
      (g.additions || []).length
        ? h('table', { class: 'data' },
          headRow(['学校', ['需增加', 'num'], '项目', ['指标值', 'num']]),
          h('tbody', {}, g.additions.map((a) => h('tr', {},
            h('td', {}, ctx.schoolName(a.school_code) || a.school_code, h('span', { class: 'muted code' }, ` ${a.school_code}`)),
            h('td', { class: 'num' }, `${plain(a.school_amount || a.amount)} ${a.unit_zh || ''}`),
            h('td', {}, ctx.labelOf(a.quantity)),
            h('td', { class: 'num' }, `${fixed(a.value_before, 2)} → ${fixed(a.value_after, 2)}`)))))
        : null)));
}

function gridTable(grid, missFloor) {
  const pct = Math.round(missFloor * 100);
  let sortBy = null;
  const body = h('tbody', {});
  const unreported = (row) => row.cells.every((c) => c.value === null);
  const drawRows = () => {
    let rows = grid.rows;
    if (sortBy !== null) {
      // Weakest first: the value relative to the minimum, no value last.
      const key = (r) => {
        const c = r.cells[sortBy];
        return c.value === null || r.excluded ? Infinity : c.value / (c.minimum || 1);
      };
      rows = [...rows].sort((a, b) => key(a) - key(b) || a.school_code.localeCompare(b.school_code));
    }
    fill(body, rows.map((row) => h('tr', { class: row.excluded ? 'excluded' : '', 'data-school': row.school_code },
      h('td', { class: 'school', title: row.excluded ? row.exclusion_reason : row.reason || null },
        row.school_name || row.school_code, h('span', { class: 'muted code' }, ` ${row.school_code}`),
        row.merged.length ? h('span', { class: 'muted' }, `（并入 ${row.merged.join('、')}）`) : null,
        row.excluded ? h('span', { class: 'muted' }, `（不参评：${row.exclusion_reason}）`) : null),
      h('td', { class: 'num' }, unreported(row) && !row.students ? '—' : plain(row.students)),
      row.cells.map((c) => h('td', {
        class: `num cell cell-${c.cls}`,
        'data-indicator': c.id,
        'data-cls': c.cls,
        'data-gap': c.gap && c.gap.need !== null ? `${c.gap.need}` : null,
        title: c.title,
        'aria-label': c.title,
        tabindex: 0,
      }, c.value === null ? '—' : fixed(c.value, 2))),
      h('td', { class: 'num' }, row.excluded || unreported(row) ? '—' : `${row.met_count}/${row.cells.length}`),
      h('td', {}, status(row.status)))));
  };
  const head = h('tr', {},
    h('th', {}, h('button', { type: 'button', class: 'sort', title: '按学校标识码排列', onclick: () => { sortBy = null; drawRows(); } }, '学校')),
    h('th', { class: 'num' }, '学生'),
    grid.indicators.map((ind, i) => h('th', { class: 'num', title: `${ind.id} ${ind.name_zh}\n最低 ${ind.minimum} ${ind.value_unit}\n点击：最弱的学校排在前面` },
      h('button', { type: 'button', class: 'sort', onclick: () => { sortBy = i; drawRows(); } }, ind.id), h('br'), h('span', { class: 'muted min' }, `≥${plain(ind.minimum)}`))),
    h('th', { class: 'num' }, '达到'),
    h('th', {}, '校际标准'));
  drawRows();
  return h('div', { class: 'grid-wrap' },
    h('p', { class: 'legend' }, '各单位指标值（鼠标停在格子上可看差距；点指标名按该指标从弱到强排列）：',
      h('span', { class: 'cell-met swatch' }, '达到最低标准'),
      h('span', { class: 'cell-near swatch' }, `低于标准但在 ${pct}% 以内`),
      h('span', { class: 'cell-below swatch' }, `低于 ${pct}%`),
      h('span', { class: 'cell-missing swatch' }, '无数据'),
      h('span', { class: 'muted' }, ` 共 ${grid.counts.met} 格达标，${grid.counts.near} 格在 ${pct}% 以内，${grid.counts.below} 格低于 ${pct}%，${grid.counts.missing} 格无数据`)),
    h('table', { class: 'data grid', 'data-level': grid.level }, h('thead', {}, head), body));
}

function drawItems(box, e, ctx) {
  const KIND = { S: '由各校报表逐校判定', C: '县级数据', 'S->C': '由各校报表汇总为全县比率' };
  fill(box,
    h('h2', {}, '政府保障程度、教育质量、社会认可度与一票否决'),
    h('table', { class: 'data items' },
      headRow(['编号', '项目', '数据', '状态', ['测得值', 'value'], ['标准', 'value'], ['差距', 'value'], '说明']),
      itemsByCategory(e).map((g) => [
        h('tbody', { class: 'category', 'data-category': g.category },
          h('tr', { class: 'category-row' }, h('th', { colspan: 8 }, CATEGORY_ZH[g.category] || g.category,
            h('span', { class: 'muted' }, `  ${g.items.filter((i) => i.status === 'pass').length}/${g.items.length} 项达标`)))),
        g.items.map((it) => h('tbody', { 'data-item': it.id, 'data-status': it.status },
          h('tr', { class: `item-${it.status}` },
            h('td', { class: 'code' }, it.id),
            h('td', {}, it.name_zh || ''),
            h('td', { class: 'nowrap', title: KIND[it.kind] || null }, { S: '学校', C: '县级', 'S->C': '学校→县' }[it.kind] || it.kind || ''),
            h('td', {}, status(it.status)),
            h('td', { class: 'value' }, valueCell(it.value)),
            h('td', { class: 'value' }, valueCell(it.threshold)),
            h('td', { class: 'value' }, valueCell(it.gap)),
            h('td', { class: 'reason' }, longText(it.reason))),
          (it.schools || []).length
            ? h('tr', { class: 'findings' }, h('td', {}), h('td', { colspan: 7 },
              h('details', {}, h('summary', {}, `涉及学校 ${it.schools.length} 所`),
                h('ul', {}, it.schools.map((f) => h('li', {},
                  status(f.status), ' ', ctx.schoolName(f.school_code) || f.school_code, h('span', { class: 'muted code' }, ` ${f.school_code}`),
                  `：${showValue(f.value)}（标准 ${showValue(f.threshold)}）${f.reason ? ` ${f.reason}` : ''}`))))))
            : null)),
      ])));
}

function drawSchools(box, e, period) {
  const rows = schoolStandards(e, period);
  const meets = rows.filter((r) => r.meets).length;
  const behind = rows.filter((r) => r.behind).length;
  fill(box,
    h('h2', {}, '各校达标情况'),
    h('p', {}, `${meets} / ${rows.length} 所学校达标`, behind ? h('span', { class: 'badge badge-fail' }, `${behind} 所已到规划年份仍未达标`) : null),
    h('table', { class: 'data standards' },
      headRow(['学校', ['规划达标年份', 'num'], '状态', '原因']),
      h('tbody', {}, rows.map((r) => h('tr', { class: r.behind ? 'behind' : '', 'data-school': r.school_code },
        h('td', {}, r.school_name || r.school_code, h('span', { class: 'muted code' }, ` ${r.school_code}`)),
        h('td', { class: 'num' }, r.target_year ?? '—', r.behind ? h('span', { class: 'badge badge-fail' }, '落后于规划') : null),
        h('td', {}, status(r.status)),
        h('td', { class: 'reason' }, r.reasons.join('；')))))));
}

function drawPlan(box, e, period, ctx) {
  const rows = e.plan_progress || [];
  const chartEl = h('div', { class: 'chart' });
  fill(box,
    h('h2', {}, '规划进度（按各校规划达标年份，以本期数据判定）'),
    rows.length
      ? [chartEl,
        h('table', { class: 'data plan' },
          headRow(['年份', ['当年应达标', 'num'], ['累计应达标', 'num'], ['已达标', 'num'], ['未达标', 'num'], '未达标学校']),
          h('tbody', {}, rows.map((r) => h('tr', { class: String(r.year) === String(period) ? 'current' : '' },
            h('td', {}, r.beyond ? `${r.year} 及以后` : r.year),
            h('td', { class: 'num' }, plain(r.due_this_year ?? 0)),
            h('td', { class: 'num' }, plain(r.due ?? 0)),
            h('td', { class: 'num' }, plain(r.meeting ?? 0)),
            h('td', { class: 'num' }, plain(r.behind_count ?? 0)),
            h('td', { class: 'reason' }, foldList((r.behind || []).map((c) => h('span', { title: c, class: 'behind-school' }, ctx.schoolName(c) || c)), 6))))))]
      : note('info', '名册中没有学校填写规划达标年份。'));
  if (rows.length) queueMicrotask(() => renderChart(chartEl, 'plan-progress', planChartOption(rows)));
}

async function drawTrend(box, ctx, period, current) {
  const years = ctx.labels.map((l) => Number.parseInt(l, 10)).filter((y) => Number.isFinite(y) && String(y) === String(Number.parseInt(y, 10)));
  const y = Number.parseInt(period, 10);
  if (!Number.isFinite(y)) {
    fill(box, h('h2', {}, '趋势'), note('info', '趋势只比较以年份命名的填报期。'));
    return;
  }
  const from = Math.min(y, ...years);
  const to = Math.max(y, ...years);
  const t = await ctx.api.trend({ county_code: ctx.county, from_year: from, to_year: to });
  if (!current()) return;
  const evaluated = (t.years || []).filter((x) => x.evaluated);
  const standardEl = h('div', { class: 'chart' });
  const primaryEl = h('div', { class: 'chart' });
  const juniorEl = h('div', { class: 'chart' });
  fill(box,
    h('h2', {}, `趋势（${from}–${to}）`, ' ',
      h('a', { class: 'btn btn-small', 'data-export': 'trend', href: `/api/export/trend.xlsx?from=${from}&to=${to}`, download: '' }, '下载 趋势.xlsx')),
    evaluated.length < 1
      ? note('info', '这些年份都还没有数据。')
      : [h('div', { class: 'three-col' }, standardEl, primaryEl, juniorEl),
        h('table', { class: 'data trend' },
          headRow(['年份', '数据来源', ['已报学校', 'num'], ['达标学校', 'num'], ['规划应达标', 'num'], ['应达标中已达标', 'num'], '县域结论']),
          h('tbody', {}, (t.years || []).map((x) => h('tr', {},
            h('td', {}, x.year),
            h('td', {}, x.evaluated ? (x.source === 'snapshot' ? '快照' : '实时计算') : '无数据'),
            h('td', { class: 'num' }, x.evaluated ? plain(x.schools_reported ?? 0) : ''),
            h('td', { class: 'num' }, x.evaluated ? plain(x.schools_meeting ?? 0) : ''),
            h('td', { class: 'num' }, plain(x.schools_due ?? 0)),
            h('td', { class: 'num' }, x.evaluated ? plain(x.due_meeting ?? 0) : ''),
            h('td', {}, x.evaluated ? status(x.county_pass ? 'pass' : 'fail') : '')))))]);
  if (evaluated.length) {
    queueMicrotask(() => {
      renderChart(standardEl, 'trend-standard', trendStandardOption(t.years));
      renderChart(primaryEl, 'trend-cv-primary', trendCoefficientOption(t.years, 'primary'));
      renderChart(juniorEl, 'trend-cv-junior', trendCoefficientOption(t.years, 'junior'));
    });
  }
}

async function drawSnapshots(box, ctx, period, seq, current) {
  const s = await ctx.api.listSnapshots({ county_code: ctx.county, period });
  if (!current()) return;
  const list = [...(s.snapshots || [])].reverse();
  fill(box,
    h('h2', {}, '快照（服务器按计划、截止和关闭时保存的评估结果）'),
    list.length
      ? h('table', { class: 'data snapshots' },
        headRow([['序号', 'num'], '时间', '触发', '标准', '数据范围', '输入摘要', '']),
        h('tbody', {}, list.map((x) => h('tr', { class: String(x.seq) === String(seq) ? 'current' : '' },
          h('td', { class: 'num' }, `#${x.seq}`),
          h('td', {}, chinaTime(x.time || x.time_unix_ms)),
          h('td', {}, TRIGGER_ZH[x.trigger] || x.trigger || ''),
          h('td', {}, `${x.profile_name || ''} ${x.profile_version || ''}`),
          h('td', {}, x.accepted_only ? '仅已审核版本' : '最新报送版本'),
          h('td', { class: 'code muted' }, String(x.input_hash || '').slice(0, 12)),
          h('td', {}, h('a', { href: `#/eval/${encodeURIComponent(period)}/snapshot/${encodeURIComponent(int64(x.seq))}` }, '查看'))))))
      : note('info', `${period} 还没有保存的快照。服务器会按计划（默认每小时）、在截止和关闭时各保存一次。`));
}
