// The three views of the city and province page (region.html): 报送情况 (RegionStatus), 评估
// (EvaluateRegion, with the chart of each county's largest coefficients) and 排名 (the counties
// ranked indicator by indicator). Each draws into its <section> from the answers the page hands it;
// the logic is in model.js.

import { badge, fill, h, headRow, note } from '../bureau/dom.js';
import { renderChart } from '../bureau/charts.js';
import { chinaTime, fixed, LEVEL_ZH, percent, plain, STATUS_ZH } from '../bureau/format.js';
import {
  dimensionsText, largestChartOption, largestOf, LEVELS, rankCounties, rankedCell, sortRows, statusTotals,
  verdictCounts, verdictOf,
} from './model.js';

// "沁县 140430": the county's name over its code, the first cell of every table.
function countyCell(row) {
  return h('td', { class: 'county' },
    h('span', { class: 'name' }, row.county_name || '（未登记名称）'), ' ',
    h('span', { class: 'code muted' }, row.county_code));
}

const num = (v) => h('td', { class: 'num' }, plain(v ?? 0));

function noCounties(region) {
  return note('info', `${region.name || region.code} 下还没有县（区）的数据：县里的学校名册导入本服务器、且区划表中有它的市和省之后，才会出现在这里。`);
}

// ---- 报送情况 ----

export function renderStatus(view, { region, period, status }) {
  const counties = status.counties || [];
  if (!counties.length) {
    fill(view, h('section', { class: 'panel' }, h('h2', {}, `${period} 年度各县报送情况`), noCounties(region)));
    return;
  }
  const t = statusTotals(counties);
  const rate = (v) => (v === null || v === undefined ? '—' : percent(v));
  const rows = counties.map((c) => h('tr', { dataset: { county: c.county_code } },
    countyCell(c),
    num(c.schools_total), num(c.submitted), num(c.on_time), num(c.late), num(c.incomplete),
    h('td', { class: Number(c.not_submitted) > 0 ? 'num owed' : 'num' }, plain(c.not_submitted ?? 0)),
    h('td', { class: 'num' }, rate(c.completeness_rate ?? 0)),
    h('td', { class: 'num', title: c.window_defined ? `截止 ${chinaTime(c.deadline)}` : '本县未设本期填报期' }, c.window_defined ? rate(c.timeliness_rate ?? 0) : '—')));
  fill(view, h('section', { class: 'panel', 'data-section': 'status' },
    h('h2', {}, `${period} 年度各县报送情况`),
    h('p', { class: 'summary' },
      `合计 ${t.counties} 个县（区）、${plain(t.schools_total)} 所学校：已报送 ${plain(t.submitted)} 所（按时 ${plain(t.on_time)}，逾期 ${plain(t.late)}），`,
      `未填完 ${plain(t.incomplete)}，未报送 ${plain(t.not_submitted)}；报送率 ${rate(t.completeness_rate)}`,
      status.as_of ? h('span', { class: 'muted' }, `（截至 ${chinaTime(status.as_of)}）`) : ''),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data region-status' },
        headRow(['县（区）', ['学校数', 'num'], ['已报送', 'num'], ['按时', 'num'], ['逾期', 'num'], ['未填完', 'num'], ['未报送', 'num'], ['报送率', 'num'], ['及时率', 'num']]),
        h('tbody', {}, rows),
        h('tfoot', {}, h('tr', {},
          h('th', {}, '合计'), num(t.schools_total), num(t.submitted), num(t.on_time), num(t.late), num(t.incomplete), num(t.not_submitted),
          h('td', { class: 'num' }, rate(t.completeness_rate)), h('td', { class: 'num' }, rate(t.timeliness_rate)))))),
    t.without_window.length
      ? note('info', `未设 ${period} 填报期的县，及时率不适用（—）：${t.without_window.map((c) => c.county_name || c.county_code).join('、')}。`)
      : null,
    h('p', { class: 'muted small' }, '报送率：已报送的学校占学校数的比例；及时率：在截止时间前报送的学校占学校数的比例（合计只算设了填报期的县）。每个县的数字与该县教育局“报送状态”页面相同。')));
}

// ---- 评估 ----

function largestCell(row, level) {
  const l = largestOf(row, level);
  if (!l) return h('td', { class: 'largest muted' }, '—');
  return h('td', { class: l.over ? 'largest over' : 'largest', title: `上限 ${fixed(l.threshold, 2)}`, dataset: { level, indicator: l.id } },
    h('span', { class: 'cv' }, fixed(l.cv, 3)), ' ',
    h('span', { class: 'ind' }, h('span', { class: 'code' }, l.id), ' ', l.name_zh));
}

export function renderEval(view, { region, period, evaluation }) {
  const rows = evaluation.counties || [];
  const head = h('h2', {}, `${period} 年度各县评估`, evaluation.profile?.name
    ? h('span', { class: 'muted small' }, ` · 标准：${evaluation.profile.name} ${evaluation.profile.version || ''}`) : '');
  if (!rows.length) {
    fill(view, h('section', { class: 'panel' }, head, noCounties(region)));
    return;
  }
  const counts = verdictCounts(rows);
  const chartBox = h('div', { class: 'chart region-chart', role: 'img', 'aria-label': '各县最大差异系数与上限' });
  const table = h('table', { class: 'data region-eval' },
    headRow(['县（区）', '结论', ['达标维度', 'num'], '一票否决', ...LEVELS.map((l) => `${LEVEL_ZH[l]}最大差异系数`), ['达标学校', 'num'], ['规划应达标', 'num'], ['其中已达标', 'num'], '输入摘要']),
    h('tbody', {}, rows.map((row) => {
      const v = verdictOf(row);
      const judged = v.key !== 'none' && v.key !== 'error';
      const figures = row.figures || {};
      return h('tr', { dataset: { county: row.county_code, verdict: v.key } },
        countyCell(row),
        h('td', { class: 'verdict-cell', title: v.sentence }, badge(v.word, v.badge)),
        h('td', { class: 'num', title: (row.dimensions || []).map((d) => `${d.name_zh} ${STATUS_ZH[d.status] || d.status}`).join('；') }, judged ? dimensionsText(row) : '—'),
        h('td', { class: row.vetoed ? 'veto' : '' }, judged ? (row.vetoed ? '是' : '否') : '—'),
        LEVELS.map((level) => largestCell(row, level)),
        h('td', { class: 'num' }, judged ? plain(figures.schools_meeting ?? 0) : '—'),
        h('td', { class: 'num' }, judged ? plain(figures.schools_due ?? 0) : '—'),
        h('td', { class: 'num' }, judged ? plain(figures.due_meeting ?? 0) : '—'),
        h('td', { class: 'code muted', title: row.input_hash ? `输入与标准的 SHA-256：该县自己的评估得到同一个值\n${row.input_hash}` : '' }, String(row.input_hash || '').slice(0, 12)));
    })));
  const errors = rows.filter((r) => r.error);
  fill(view,
    h('section', { class: 'panel', 'data-section': 'eval' },
      head,
      h('p', { class: 'summary' },
        `共 ${rows.length} 个县（区）：`,
        h('span', { class: 'count-pass' }, `达标 ${counts.pass}`), '，',
        h('span', { class: 'count-fail' }, `未达标 ${counts.fail}`), '，',
        `无法判定 ${counts.not_judged}`,
        counts.none ? `，无报送数据 ${counts.none}` : '',
        counts.error ? `，评估出错 ${counts.error}` : ''),
      h('div', { class: 'table-wrap' }, table),
      errors.map((r) => note('error', `${r.county_name || r.county_code}：${r.error}`)),
      h('p', { class: 'muted small' }, '每一行就是该县自己“评估”页面的结论和差异系数（输入摘要相同即数据相同）。最大差异系数超过上限时标红。')),
    h('section', { class: 'panel', 'data-section': 'chart' },
      h('h2', {}, '各县最大差异系数'),
      chartBox,
      h('p', { class: 'muted small' }, '每个县每个学段差异系数最大的指标（柱上标其编号）；虚线为该学段的上限，超过上限的柱为红色。')));
  renderChart(chartBox, 'region-largest', largestChartOption(rows));
}

// ---- 排名 ----

export function renderRank(view, { region, period, evaluation }, state = { sortBy: null }) {
  const counties = evaluation.counties || [];
  const ranking = rankCounties(counties);
  if (!counties.length) {
    fill(view, h('section', { class: 'panel' }, h('h2', {}, `${period} 年度差异系数排名`), noCounties(region)));
    return;
  }
  if (!ranking.levels.length) {
    fill(view, h('section', { class: 'panel' }, h('h2', {}, `${period} 年度差异系数排名`), note('info', `${period} 年度各县都还没有可比的差异系数（没有学校报送）。`)));
    return;
  }
  const redraw = () => renderRank(view, { region, period, evaluation }, state);
  const panels = ranking.levels.map((level) => {
    const rows = sortRows(ranking.rows, state.sortBy?.level === level.level ? state.sortBy : null);
    const sortedBy = (id) => state.sortBy?.level === level.level && state.sortBy.id === id;
    return h('section', { class: 'panel rank-level', 'data-level': level.level },
      h('h2', {}, `${level.name_zh}差异系数排名`,
        level.limits.length ? h('span', { class: 'muted small' }, ` · 上限 ${level.limits.map((t) => fixed(t, 2)).join('、')}`) : ''),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'data rank' },
          h('thead', {}, h('tr', {},
            h('th', { class: 'county' }, state.sortBy?.level === level.level
              ? h('button', { type: 'button', class: 'sort', onclick: () => { state.sortBy = null; redraw(); } }, '县（区）')
              : '县（区）'),
            level.indicators.map((ind) => h('th', { class: sortedBy(ind.id) ? 'ind sorted' : 'ind', 'data-indicator': ind.id, title: `${ind.id} ${ind.name_zh}，上限 ${fixed(ind.threshold, 2)}。点击按此指标排名排序` },
              h('button', { type: 'button', class: 'sort', onclick: () => { state.sortBy = { level: level.level, id: ind.id }; redraw(); } }, ind.id),
              h('div', { class: 'ind-name' }, ind.name_zh))))),
          h('tbody', {}, rows.map((row) => h('tr', { dataset: { county: row.county_code } },
            countyCell(row),
            level.indicators.map((ind) => {
              const cell = rankedCell(row, level.level, ind.id);
              if (!cell || cell.cv === null) return h('td', { class: 'num muted', 'data-indicator': ind.id }, '—');
              return h('td', { class: cell.over ? 'num over' : 'num', 'data-indicator': ind.id, 'data-rank': cell.rank,
                title: `${ind.id} ${ind.name_zh}：${plain(cell.cv)}，第 ${cell.rank} 名${cell.over ? `，超过上限 ${fixed(ind.threshold, 2)}` : ''}` },
              h('span', { class: 'cv' }, fixed(cell.cv, 3)), h('span', { class: 'rank-no' }, `(${cell.rank})`));
            })))))));
  });
  fill(view,
    h('p', { class: 'muted small rank-rule' }, '名次：同一学段、同一指标的差异系数从小到大排列，1 为最小（最均衡）；系数相同的县名次相同；没有系数的县不排名（—）。红色为超过上限。点击指标编号按其名次排序。'),
    panels);
}
