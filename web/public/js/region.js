// The page of city and province staff (region.html), for a region_viewer: its region (a city such
// as 1404 长治市, a province such as 14 山西省, or 00 the nation), the period, and three views of
// every county under it — 报送情况 (RegionStatus), 评估 (EvaluateRegion and the chart of each
// county's largest coefficients) and 排名 (the counties ranked indicator by indicator). The address
// says where one is: #/status/2024, #/eval/2024, #/rank/2024.

import * as api from './api.js';
import { fill, h, loading } from './bureau/dom.js';
import { errorNote, requireSession } from './bureau/session.js';
import { disposeCharts } from './bureau/charts.js';
import { candidateYears, defaultPeriod, hasData } from './region/model.js';
import { renderEval, renderRank, renderStatus } from './region/views.js';

const TABS = [
  { key: 'status', label: '报送情况', needs: 'status', render: renderStatus },
  { key: 'eval', label: '评估', needs: 'evaluation', render: renderEval },
  { key: 'rank', label: '排名', needs: 'evaluation', render: renderRank },
];

const main = document.getElementById('main');
const nav = document.getElementById('tabs');
const who = document.getElementById('who');
const regionTitle = document.getElementById('region');
const periodSelect = document.getElementById('period');

const ctx = {
  region: { code: '', name: '' },
  years: [],
  // The calls of this page load, by period: RegionStatus and EvaluateRegion (every page of each).
  status: new Map(),
  evaluation: new Map(),
  // The RegionStatus answers received, by period: which years have data.
  statusOf: new Map(),
  route: { tab: 'status', period: '' },
  rankState: { sortBy: null },
};

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { tab: TABS.some((t) => t.key === parts[0]) ? parts[0] : 'status', period: parts[1] || '' };
}

const hashOf = (tab, period) => `#/${encodeURIComponent(tab)}/${encodeURIComponent(period)}`;

function drawTabs() {
  fill(nav, TABS.map((t) => h('a', {
    href: hashOf(t.key, ctx.route.period),
    class: t.key === ctx.route.tab ? 'tab active' : 'tab',
    'aria-current': t.key === ctx.route.tab ? 'page' : null,
    'data-tab': t.key,
  }, t.label)));
}

function drawPeriods() {
  fill(periodSelect, ctx.years.map((year) => h('option', { value: year, selected: year === ctx.route.period },
    hasData(ctx.statusOf.get(year)) ? `${year} 年度` : `${year} 年度（尚无报送）`)));
}

// The answer a view needs for the period, fetched once per page load (刷新 fetches it again).
function answerOf(kind, period) {
  const cache = ctx[kind];
  if (!cache.has(period)) {
    const fetched = kind === 'status'
      ? api.regionStatus({ region_code: ctx.region.code, period })
      : api.evaluateRegion({ region_code: ctx.region.code, period });
    // A failed call is not kept: the next visit tries again.
    cache.set(period, fetched.then((answer) => {
      if (kind === 'status') ctx.statusOf.set(period, answer);
      return answer;
    }, (err) => { cache.delete(period); throw err; }));
  }
  return cache.get(period);
}

let drawing = 0;
async function route() {
  const r = parseHash();
  if (!r.period) r.period = defaultPeriod(ctx.years, ctx.statusOf);
  if (!ctx.years.includes(r.period)) ctx.years = [...ctx.years, r.period].sort().reverse();
  if (location.hash !== hashOf(r.tab, r.period)) history.replaceState(null, '', hashOf(r.tab, r.period));
  ctx.route = r;
  drawTabs();
  drawPeriods();
  disposeCharts(main);
  const mine = ++drawing;
  const tab = TABS.find((t) => t.key === r.tab);
  const view = h('div', { class: `view view-${r.tab}`, 'data-view': r.tab });
  const refresh = h('button', { type: 'button', class: 'btn btn-small', onclick: () => { ctx[tab.needs].delete(r.period); route(); } }, '刷新');
  fill(main, h('div', { class: 'toolbar' }, refresh, h('button', { type: 'button', class: 'btn btn-small', onclick: () => window.print() }, '打印')), view);
  document.title = `${tab.label} · ${r.period} · ${ctx.region.name || ctx.region.code} · 均衡`;
  fill(view, loading(tab.needs === 'status' ? '正在读取各县报送情况…' : '正在评估各县（按各县最新数据计算）…'));
  try {
    const answer = await answerOf(tab.needs, r.period);
    if (mine !== drawing) return;
    if (tab.needs === 'status') drawPeriods();
    const data = { region: ctx.region, period: r.period, [tab.needs]: answer };
    tab.render(view, data, ctx.rankState);
  } catch (err) {
    if (mine === drawing) fill(view, errorNote(err));
  }
}

async function start() {
  const s = await requireSession({
    main, who, roles: ['region_viewer'], notSignedIn: '您还没有登录。请打开发给您的登录链接。',
    pageFor: '市、省教育部门', elsewhere: '前往您的页面',
  });
  if (!s) return;
  ctx.region = { code: s.county_code, name: '' };

  // The years offered: this one and the five before; the page opens on the latest with reports.
  fill(main, loading('正在读取各县报送情况…'));
  ctx.years = candidateYears(Date.now());
  const wanted = parseHash().period;
  if (wanted && !ctx.years.includes(wanted)) ctx.years = [...ctx.years, wanted].sort().reverse();
  const answers = await Promise.all(ctx.years.map((year) => answerOf('status', year).catch((err) => err)));
  const failed = answers.find((a) => a instanceof Error);
  if (failed && answers.every((a) => a instanceof Error)) {
    fill(main, errorNote(failed));
    return;
  }
  const named = answers.find((a) => !(a instanceof Error) && a.region_name);
  ctx.region.name = named?.region_name || '';
  fill(regionTitle, h('span', { class: 'region-name' }, ctx.region.name || '（未命名区域）'), ' ', h('span', { class: 'region-code' }, ctx.region.code));

  periodSelect.addEventListener('change', () => { location.hash = hashOf(ctx.route.tab, periodSelect.value); });
  window.addEventListener('hashchange', route);
  await route();
}

start();
