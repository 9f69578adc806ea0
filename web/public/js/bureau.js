// The bureau's console (bureau.html): who is signed in, the period chooser, and three views —
// 报送状态 (status board), 审核 (review queue and diff), 评估 (evaluation dashboard). The address
// says where one is, so a link or the back button brings a colleague to the same place:
//   #/status/2024   #/review/2024[/school_code]   #/eval/2024[/snapshot/<seq>]

import * as api from './api.js';
import { defaultPeriod, sortPeriods } from './report_model.js';
import { fill, h, loading, note } from './bureau/dom.js';
import { ROLE_ZH } from './bureau/format.js';
import { errorNote as sessionErrorNote, requireSession } from './bureau/session.js';
import { disposeCharts } from './bureau/charts.js';
import { renderStatus } from './bureau/status-view.js';
import { renderReview } from './bureau/review-view.js';
import { renderEval } from './bureau/eval-view.js';

const TABS = [
  { key: 'status', label: '报送状态', render: renderStatus },
  { key: 'review', label: '审核', render: renderReview },
  { key: 'eval', label: '评估', render: renderEval },
];

const main = document.getElementById('main');
const nav = document.getElementById('tabs');
const who = document.getElementById('who');
const periodSelect = document.getElementById('period');

// What every view reads: the session, the county's registry, the field catalogue, the periods.
const ctx = {
  session: null,
  county: '',
  role: '',
  canReview: false,
  reviewRefusal: '',
  periods: [],
  labels: [],
  registry: new Map(),
  catalog: { report: [] },
  fieldOf: new Map(),
  route: { tab: 'status', period: '', rest: [] },
  // The view's cleanup (timers), run before the next view is drawn.
  cleanup: null,
  // A field's Chinese label with its unit: "体育运动场馆面积(m²)"; the name when unknown.
  labelOf(name) {
    const f = ctx.fieldOf.get(name);
    if (!f) return name;
    return f.unit ? `${f.label}(${f.unit})` : f.label;
  },
  schoolName(code) {
    return ctx.registry.get(code)?.school_name || '';
  },
  go(tab, period = ctx.route.period, ...rest) {
    const hash = `#/${[tab, period, ...rest].map(encodeURIComponent).join('/')}`;
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  api,
};

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const tab = TABS.some((t) => t.key === parts[0]) ? parts[0] : 'status';
  return { tab, period: parts[1] || '', rest: parts.slice(2) };
}

function drawTabs() {
  fill(
    nav,
    TABS.map((t) =>
      h('a', {
        href: `#/${t.key}/${encodeURIComponent(ctx.route.period)}`,
        class: t.key === ctx.route.tab ? 'tab active' : 'tab',
        'aria-current': t.key === ctx.route.tab ? 'page' : null,
        'data-tab': t.key,
      }, t.label),
    ),
  );
}

function drawPeriods() {
  fill(
    periodSelect,
    ctx.labels.map((label) => {
      const p = ctx.periods.find((x) => x.period === label);
      const text = p ? `${label}（截止 ${String(p.deadline || '').slice(0, 10)}）` : `${label}（未设填报期）`;
      return h('option', { value: label, selected: label === ctx.route.period }, text);
    }),
  );
}

let drawing = 0;
async function route() {
  const r = parseHash();
  if (!r.period || !ctx.labels.includes(r.period)) {
    if (!r.period) r.period = defaultPeriod(ctx.periods, Date.now()) || ctx.labels[0] || '';
    if (r.period && !ctx.labels.includes(r.period)) {
      ctx.labels = [...ctx.labels, r.period].sort().reverse();
    }
    const hash = `#/${[r.tab, r.period, ...r.rest].map(encodeURIComponent).join('/')}`;
    if (location.hash !== hash) {
      history.replaceState(null, '', hash);
    }
  }
  ctx.route = r;
  drawTabs();
  drawPeriods();
  if (ctx.cleanup) {
    ctx.cleanup();
    ctx.cleanup = null;
  }
  disposeCharts(main);
  const mine = ++drawing;
  const view = h('section', { class: `view view-${r.tab}`, 'data-view': r.tab });
  fill(main, view);
  document.title = `${TABS.find((t) => t.key === r.tab).label} · ${r.period} · 均衡 教育局`;
  if (!r.period) {
    fill(view, note('info', '还没有填报期。用 junheng period define 定义一个填报期，或等学校报送数据后再来。'));
    return;
  }
  try {
    await TABS.find((t) => t.key === r.tab).render(view, ctx, () => mine === drawing);
  } catch (err) {
    if (mine !== drawing) return;
    fill(view, errorNote(err));
  }
}

export function errorNote(err) {
  return sessionErrorNote(err, '教育局');
}

// Periods that have reports but no window (a year entered afterwards) are found through Trend,
// which says which year labels were evaluated.
async function discoverYears(defined) {
  const years = defined.map((p) => Number.parseInt(p.period, 10)).filter(Number.isFinite);
  const now = new Date().getFullYear();
  const to = Math.max(now, ...years);
  const from = Math.min(now, ...years) - 5;
  try {
    const t = await api.trend({ county_code: ctx.county, from_year: from, to_year: to });
    return (t.years || []).filter((y) => y.evaluated).map((y) => String(y.year));
  } catch {
    return [];
  }
}

async function start() {
  const s = await requireSession({
    main, who, roles: ['bureau_admin', 'bureau_viewer'],
    notSignedIn: '您还没有登录。请打开教育局发给您的登录链接（或扫描登录单上的二维码）。',
    pageFor: '教育局', elsewhere: '前往填报页面', extra: (session) => [' · 县代码 ', session.county_code],
  });
  if (!s) return;
  ctx.session = s;
  ctx.county = s.county_code;
  ctx.role = s.role;
  ctx.canReview = s.role === 'bureau_admin';
  ctx.reviewRefusal = ctx.canReview ? '' : `只有教育局管理员（bureau_admin）可以审核；您的身份是${ROLE_ZH[s.role]}，只能查看。`;

  fill(main, loading('正在读取填报期和学校名册…'));
  const [periods, schools, catalog] = await Promise.all([
    api.listPeriods({ county_code: ctx.county }).catch(() => ({ periods: [] })),
    api.listSchools({ county_code: ctx.county }).catch(() => ({ schools: [] })),
    api.catalog().catch(() => ({ report: [] })),
  ]);
  ctx.periods = sortPeriods(periods.periods || []);
  ctx.registry = new Map((schools.schools || []).map((x) => [x.school_code, x]));
  ctx.catalog = catalog && catalog.report ? catalog : { report: [] };
  ctx.fieldOf = new Map(ctx.catalog.report.map((f) => [f.name, f]));
  const found = await discoverYears(ctx.periods);
  ctx.labels = [...new Set([...ctx.periods.map((p) => p.period), ...found])].sort().reverse();

  periodSelect.addEventListener('change', () => ctx.go(ctx.route.tab, periodSelect.value));
  window.addEventListener('hashchange', route);
  await route();
}

start();
