// A stand-in for junheng-server's HTTP door, for working on the clerk pages without building the
// C++ server: serves web/public with the real server's security headers and answers the calls the
// clerk pages make from memory (one county, one primary school, periods 2023 and 2024). It checks
// the CSRF header and a clerk's school as the server does, and nothing else: the real rules and
// messages are the server's. tests/browser/ runs against the real server.
//
//   node web/testlib/mock_server.mjs [port]     then open http://127.0.0.1:PORT/enrol.html#code=demo
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureCatalog } from './catalog_fixture.mjs';

const ROOT = fileURLToPath(new URL('../public/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const SECURITY = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};
const COUNTY = '140430';
const SCHOOL = { school_code: '2140043001', school_name: '沁县新店镇新店小学', school_type: 'primary', county_code: COUNTY, town: '新店镇' };
const DAY = 86400000;

export function startMockServer({ port = 0, now = () => Date.now() } = {}) {
  const catalog = fixtureCatalog();
  const sessions = new Map(); // cookie -> {csrf, who}
  const reports = new Map();  // "school/period" -> [StoredReport]
  const submissions = new Map(); // submission_id -> {hash, answer}
  const t0 = now();
  const period = (p, opens, deadline, closes) => ({
    county_code: COUNTY, period: p, opens_unix_ms: String(opens), deadline_unix_ms: String(deadline), closes_unix_ms: String(closes),
    opens: iso(opens), deadline: iso(deadline), closes: iso(closes),
  });
  const periods = [period('2023', t0 - 400 * DAY, t0 - 330 * DAY, t0 - 300 * DAY), period('2024', t0 - 20 * DAY, t0 + 5 * DAY, t0 + 30 * DAY)];
  store('2023', { school_code: SCHOOL.school_code, period: '2023', county_code: COUNTY, primary_students: 632, primary_classes: 16, primary_max_class_size: 44, primary_teachers: 42, teaching_aux_area_m2: 3511.3, sports_area_m2: 5353.1, has_charter: true, ict_rating: 'good' }, 'web-seed-2023');

  function iso(ms) { return new Date(ms + 8 * 3600000).toISOString().replace('Z', '+08:00'); }
  function store(p, report, submission_id, submitter = '傅丽娟', replaces = null) {
    const key = `${report.school_code}/${p}`;
    const list = reports.get(key) ?? [];
    const version = list.length + 1;
    const hash = createHash('sha256').update(JSON.stringify(report)).digest('hex');
    const receipt = {
      receipt_id: hash.slice(0, 20), county_code: COUNTY, school_code: report.school_code, period: p, version: String(version),
      server_time_unix_ms: String(now()), server_time: iso(now()), content_hash: hash, submission_id, submitter,
      late: now() > Number(periods.find((x) => x.period === p)?.deadline_unix_ms ?? Infinity),
    };
    list.push({ report, receipt, warnings: [] });
    reports.set(key, list);
    return receipt;
  }
  function check(report) {
    const violations = [];
    const warnings = [];
    for (const f of catalog.report) {
      const v = report[f.name];
      if (typeof v === 'number' && v < 0) violations.push({ field: f.name, value: String(v), rule: '不能为负数；没有请填 0' });
    }
    if (report.primary_students === undefined) violations.push({ field: 'primary_students', value: '', rule: '必填：小学要填报小学在校生数' });
    if (report.primary_classes > report.primary_students) violations.push({ field: 'primary_classes', value: String(report.primary_classes), rule: `不能大于小学在校生数（${report.primary_students}）` });
    if (report.teaching_aux_area_m2 > 50 * (report.primary_students ?? Infinity)) warnings.push({ field: 'teaching_aux_area_m2', value: String(report.teaching_aux_area_m2), rule: '生均超过 50 平方米，请检查单位和小数点' });
    return { violations, warnings };
  }
  class Refusal extends Error { constructor(code, message) { super(message); this.code = code; } }
  const status = { invalid_argument: 400, failed_precondition: 400, unauthenticated: 401, permission_denied: 403, not_found: 404, aborted: 409, already_exists: 409, unimplemented: 501 };

  const rpcs = {
    'RegistryService/GetSchool': (q, who) => { mine(q.school_code, who); return SCHOOL; },
    'BureauService/ListPeriods': () => ({ periods }),
    'BureauService/Due': (q, who) => {
      mine(q.school_code, who);
      const owed = periods.filter((p) => !reports.has(`${q.school_code}/${p.period}`) && now() < Number(p.closes_unix_ms))
        .map((p) => ({ period: p.period, state: 'not_submitted', deadline: p.deadline, closes: p.closes, days_to_deadline: (Number(p.deadline_unix_ms) - now()) / DAY }));
      return { school_code: q.school_code, school_name: SCHOOL.school_name, owed };
    },
    'ReportingService/ValidateReport': (q) => check(q.report ?? {}),
    'ReportingService/GetReport': (q, who) => {
      mine(q.school_code, who);
      const list = reports.get(`${q.school_code}/${q.period}`) ?? [];
      const v = Number(q.version ?? 0);
      const found = v ? list[v - 1] : list.at(-1);
      if (!found) throw new Refusal('not_found', `学校 ${q.school_code} 没有 ${q.period} 的报表`);
      return found;
    },
    'ReportingService/ListReportVersions': (q, who) => {
      mine(q.school_code, who);
      return { versions: (reports.get(`${q.school_code}/${q.period}`) ?? []).map((s) => s.receipt) };
    },
    'ReportingService/SubmitReport': (q, who) => {
      const report = { ...q.report, county_code: q.report.county_code || q.county_code };
      mine(report.school_code, who);
      const hash = createHash('sha256').update(JSON.stringify(report)).digest('hex');
      const seen = submissions.get(q.submission_id);
      if (seen) {
        if (seen.hash !== hash) throw new Refusal('already_exists', '同一提交编号的内容不同');
        return { ...seen.answer, duplicate: true };
      }
      const { violations, warnings } = check(report);
      if (violations.length) throw new Refusal('invalid_argument', `报表 ${report.school_code} / ${report.period}：${violations.map((v) => `${v.field} = ${v.value}：${v.rule}`).join('；')}`);
      const latest = (reports.get(`${report.school_code}/${report.period}`) ?? []).length;
      if (Number(q.replaces_version ?? 0) !== latest) throw new Refusal('aborted', `这份报表替换第 ${q.replaces_version} 版，但最新的是第 ${latest} 版`);
      const receipt = store(report.period, report, q.submission_id, q.submitter || who.label);
      const answer = { receipt, duplicate: false, warnings, school_name: SCHOOL.school_name };
      submissions.set(q.submission_id, { hash, answer });
      return answer;
    },
  };
  function mine(school, who) {
    if (who.role === 'school_clerk' && school !== who.school_code) throw new Refusal('permission_denied', `只能访问本校（${who.school_code}）的数据，不能访问 ${school}`);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (code, body, headers = {}) => {
      res.writeHead(code, { ...SECURITY, 'Cache-Control': 'no-store', 'Content-Type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const fail = (code, message) => send(status[code] ?? 500, { code, message });
    const cookies = Object.fromEntries((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).filter((c) => c[0]));
    const sess = sessions.get(cookies.jh_session);
    const body = async () => { let data = ''; for await (const chunk of req) data += chunk; return data ? JSON.parse(data) : {}; };
    try {
      if (url.pathname === '/auth/session') return sess ? send(200, sess.who) : fail('unauthenticated', '没有登录');
      if (url.pathname === '/auth/enrol' && req.method === 'POST') {
        const { code } = await body();
        if (code !== 'demo') return fail('not_found', '登录码无效、已用过或已过期');
        const id = randomBytes(16).toString('hex');
        const csrf = randomBytes(16).toString('hex');
        const who = { role: 'school_clerk', county_code: COUNTY, school_code: SCHOOL.school_code, label: '新店小学 李老师' };
        sessions.set(id, { csrf, who });
        return send(200, who, { 'Set-Cookie': [`jh_session=${id}; Path=/; HttpOnly; SameSite=Strict`, `jh_csrf=${csrf}; Path=/; SameSite=Strict`] });
      }
      if (url.pathname === '/auth/logout') { sessions.delete(cookies.jh_session); return send(200, {}); }
      if (url.pathname === '/api/catalog.json') return send(200, catalog);
      if (url.pathname === '/api/template.xlsx') return fail('unimplemented', '服务器暂不提供模板');
      if (url.pathname === '/api/read-report') {
        // CSV only, without quoting: enough for a stand-in. The server reads .xlsx too.
        if (!sess || req.headers['x-csrf-token'] !== sess.csrf) return fail('permission_denied', '缺少或不匹配的 X-CSRF-Token');
        let text = '';
        for await (const chunk of req) text += chunk;
        const name = decodeURIComponent(req.headers['x-file-name'] ?? 'report.csv');
        if (!name.endsWith('.csv')) return fail('invalid_argument', `${name}：模拟服务器只读 CSV`);
        const [head, ...rows] = text.trim().split(/\r?\n/);
        const names = head.split(',');
        const kinds = Object.fromEntries(catalog.report.map((f) => [f.name, f.kind]));
        const reports = rows.map((row, i) => {
          const r = {};
          row.split(',').forEach((v, j) => {
            const k = names[j];
            if (v === '') return;
            if (!(k in kinds)) throw new Refusal('invalid_argument', `${name}：第 1 行：不认识的列“${k}”`);
            if (kinds[k] === 'yesno') r[k] = v === 'true' || v === '是';
            else if (['count', 'decimal', 'year', 'share'].includes(kinds[k])) {
              if (!/^-?\d+(\.\d+)?$/.test(v)) throw new Refusal('invalid_argument', `${name}：第 ${i + 2} 行，${k}：“${v}”不是数字`);
              r[k] = Number(v);
            } else r[k] = v;
          });
          return r;
        });
        return send(200, { reports });
      }
      const rpc = /^\/junheng\.v1\.(\w+\/\w+)$/.exec(url.pathname);
      if (rpc) {
        if (!sess) return fail('unauthenticated', '没有登录');
        if (req.headers['x-csrf-token'] !== sess.csrf) return fail('permission_denied', '缺少或不匹配的 X-CSRF-Token');
        const handler = rpcs[rpc[1]];
        if (!handler) return fail('unimplemented', `${rpc[1]} 未实现`);
        return send(200, handler(await body(), sess.who));
      }
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      if (path === '/') path = '/index.html';
      const file = join(ROOT, path);
      if (!file.startsWith(ROOT)) return fail('not_found', 'not found');
      const data = await readFile(file).catch(() => null);
      if (!data) return fail('not_found', `${path} 不存在`);
      res.writeHead(200, { ...SECURITY, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      return res.end(data);
    } catch (err) {
      if (err instanceof Refusal) return fail(err.code, err.message);
      return fail('internal', String(err));
    }
  });
  const stop = () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); });
  const listen = (p) => new Promise((resolve) => server.listen(p, '127.0.0.1', resolve));
  return listen(port).then(() => {
    const bound = server.address().port;
    // stop() and restart() keep the data: a server that was down for a while.
    return { server, port: bound, close: stop, stop, restart: () => listen(bound), reports };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { port } = await startMockServer({ port: Number(process.argv[2] ?? 8099) });
  console.log(`mock junheng HTTP door on http://127.0.0.1:${port}/ — sign in at http://127.0.0.1:${port}/enrol.html#code=demo`);
}
