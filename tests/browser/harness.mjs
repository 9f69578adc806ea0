// What the browser tests (clerk.test.mjs, bureau.test.mjs) share: the prerequisites, the real
// junheng-server on free ports of a fresh data dir, its API, the demo county of deploy/sample and
// headless Chromium through playwright-core. Not a test file itself: node --test runs *.test.mjs.
//
// The prerequisites: build/server/junheng-server (or $JUNHENG_SERVER), web/node_modules (bash
// deploy/install-web.sh) and /usr/bin/chromium (or $CHROMIUM). A test without them is skipped with
// the reason, or, under ctest (JUNHENG_BROWSER_TESTS_REQUIRED, tests/browser/CMakeLists.txt), fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The checkout's root directory.
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER = process.env.JUNHENG_SERVER || join(ROOT, 'build/server/junheng-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The screenshots go to docs/images with JUNHENG_UPDATE_DOCS=1 (as the docs tests do), else to a
// temporary directory, so a test run leaves the checkout as it was.
export const IMAGES = process.env.JUNHENG_UPDATE_DOCS ? join(ROOT, 'docs/images')
  : join(tmpdir(), 'junheng-browser-screenshots');
// The county of deploy/sample, whose bureau_admin token every Server holds.
export const COUNTY = '140430';
export const DAY = 86400000;
// Chromium's switches for a headless run in a container.
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// playwright-core as web/ installs it, or null when it is not installed.
export function playwright() {
  try {
    return createRequire(join(ROOT, 'web/package.json'))('playwright-core');
  } catch {
    return null;
  }
}

// Why the browser tests cannot run here ('' when every prerequisite is present).
export const why = !existsSync(SERVER) ? `no server binary at ${SERVER} (build it, or set JUNHENG_SERVER)`
  : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`
    : !playwright() ? 'playwright-core is not installed (run: bash deploy/install-web.sh)' : '';

const required = Boolean(process.env.JUNHENG_BROWSER_TESTS_REQUIRED);

// Resolves after ms milliseconds.
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A TCP port on 127.0.0.1 that was free a moment ago.
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// ---- the server ----

// junheng-server on work/data, logging to work/server.log. Its ports and the bureau_admin token
// (this.adminToken) are chosen once, on the first start: a later start() after stop() comes back on
// the same data dir, ports and base URL.
export class Server {
  // label: the admin token's label; args: more command-line arguments for the server (--profile …).
  constructor(work, { label = 'browser test', args = [] } = {}) {
    this.work = work;
    this.data = join(work, 'data');
    this.log = join(work, 'server.log');
    this.label = label;
    this.args = args;
  }

  // Picks the ports and issues a bureau_admin token of COUNTY offline, before the first start (as
  // deploy/server-lib.sh does); asserts the token looks like one. start() calls it when not yet done.
  async init() {
    this.grpcPort = await freePort();
    this.httpPort = await freePort();
    this.base = `http://127.0.0.1:${this.httpPort}`;
    const out = execFileSync(SERVER, ['token', 'issue', '--data-dir', this.data, '--role', 'bureau_admin',
      '--county', COUNTY, '--label', this.label], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    this.adminToken = out.trim().split('\n').pop().trim();
    assert.match(this.adminToken, /^jh1\./, `token issue printed ${out}`);
  }

  // Starts the server; resolves once its HTTP door answers, throws with the log if it exits or
  // does not answer within about 30 s.
  async start() {
    if (!this.base) await this.init();
    const log = createWriteStream(this.log, { flags: 'a' });
    this.proc = spawn(SERVER, ['--data-dir', this.data, '--listen', `127.0.0.1:${this.grpcPort}`,
      '--insecure-plaintext', '--http-listen', `127.0.0.1:${this.httpPort}`,
      '--web-root', join(ROOT, 'web/public'), ...this.args, '--rate-limit', '0', '--schedule-interval', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout.pipe(log);
    this.proc.stderr.pipe(log);
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    for (let i = 0; i < 300; i++) {
      if (this.proc.exitCode !== null) throw new Error(`junheng-server exited:\n${readFileSync(this.log, 'utf8')}`);
      try {
        await fetch(`${this.base}/auth/session`);
        return;
      } catch { await sleep(100); }
    }
    throw new Error(`junheng-server did not answer on ${this.base}:\n${readFileSync(this.log, 'utf8')}`);
  }

  // Stops a running server with SIGTERM and asserts it exited with 0; does nothing when not running.
  async stop() {
    if (!this.proc || this.proc.exitCode !== null) return;
    this.proc.kill('SIGTERM');
    const { code } = await this.exited;
    assert.equal(code, 0, `junheng-server did not stop cleanly:\n${readFileSync(this.log, 'utf8')}`);
  }

  // An API call with a bearer token (the bureau admin's unless given): answers the JSON or throws
  // an Error carrying the answer's {code, message}.
  async call(service, method, body, token = this.adminToken) {
    const r = await fetch(`${this.base}/junheng.v1.${service}/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const json = await r.json();
    if (!r.ok) throw Object.assign(new Error(`${method}: ${json.message}`), json);
    return json;
  }
}

// ---- the demo county (deploy/sample) ----

// A CSV file of the checkout (no quoted cells) as one {column: text} a row, empty cells left out.
export function csvRows(file) {
  const [header, ...rows] = readFileSync(join(ROOT, file), 'utf8').trim().split('\n');
  const names = header.split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']).filter(([, v]) => v !== ''));
  });
}

// deploy/sample/schools.csv as School messages (boarding a boolean, the years numbers).
export function sampleSchools() {
  return csvRows('deploy/sample/schools.csv').map((s) => {
    const school = { ...s };
    if ('boarding' in s) school.boarding = s.boarding === 'true';
    for (const k of ['built_year', 'target_year']) if (k in s) school[k] = Number(s[k]);
    return school;
  });
}

// deploy/sample/reports-YEAR.csv as {field: text} rows, empty cells left out.
export const sampleReportTexts = (year) => csvRows(`deploy/sample/reports-${year}.csv`);

// One row of sampleReportTexts as a Report message of COUNTY: the codes and ratings stay text,
// true/false become booleans, the rest numbers.
export function asReport(texts) {
  const report = { county_code: COUNTY };
  for (const [k, v] of Object.entries(texts)) {
    if (['school_code', 'period', 'ict_rating', 'moral_culture_rating'].includes(k)) report[k] = v;
    else if (v === 'true' || v === 'false') report[k] = v === 'true';
    else report[k] = Number(v);
  }
  return report;
}

// deploy/sample/reports-YEAR.csv as Report messages.
export const sampleReports = (year) => sampleReportTexts(year).map(asReport);

// deploy/sample/county-facts-YEAR.json, parsed.
export const sampleCountyFacts = (year) => JSON.parse(readFileSync(join(ROOT, `deploy/sample/county-facts-${year}.json`), 'utf8'));

// ---- the browser ----

// The path of a screenshot named name in IMAGES; the directory exists when it answers.
export function imagePath(name) {
  mkdirSync(IMAGES, { recursive: true });
  return join(IMAGES, name);
}

// Options of a browser context as a Chinese user in Shanghai sees the console, at width x height.
export const contextOptions = (width, height) => ({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

let prerequisitesTest = false;

// Registers a browser test as node:test's test(name, {timeout}, …): skipped with `why` when a
// prerequisite is missing, or, under JUNHENG_BROWSER_TESTS_REQUIRED, run (and failed) after a test
// 'prerequisites of the browser test' that fails with `why` (registered once a file).
// body(t, env) gets env = {work, server, launch}: a fresh temporary directory work; a Server on it
// built with serverOptions ({label, args}), not started yet; launch(), which answers a headless
// Chromium (LAUNCH_ARGS). Afterwards, pass or fail, the browser is closed, the server stopped and
// work removed.
export function browserTest(name, { timeout, workPrefix = 'junheng-browser-', server: serverOptions } = {}, body) {
  if (required && why && !prerequisitesTest) {
    prerequisitesTest = true;
    test('prerequisites of the browser test', () => assert.fail(why));
  }
  return test(name, { skip: (!required && why) || false, timeout }, async (t) => {
    const { chromium } = playwright();
    const work = mkdtempSync(join(tmpdir(), workPrefix));
    const server = new Server(work, serverOptions);
    let browser;
    t.after(async () => {
      await browser?.close().catch(() => {});
      await server.stop().catch(() => {});
      rmSync(work, { recursive: true, force: true });
    });
    const launch = async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
      return browser;
    };
    await body(t, { work, server, launch });
  });
}
