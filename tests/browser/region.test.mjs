// The page of city and province staff against the real junheng-server, in headless Chromium:
//   the region registry (deploy/sample/regions.csv) imported offline, and a region_viewer of 1404
//   长治市 issued offline with a sign-in link (`junheng-server token issue --enrolment --web-url`),
//   before the server starts; three counties of Changzhi loaded through the API (deploy/sample:
//   沁县 140430 with an open 2024 window and two schools missing, and the synthetic 140429 武乡县 and
//   140431 沁源县) and one county of another province; the viewer signs in from the link, lands on
//   region.html and finds each county in 报送情况, 评估 (with the chart) and 排名 as RegionStatus and
//   EvaluateRegion answer them, and nothing of the other province.
// It also saves the screenshots of docs/web-console.md (docs/images/web-region-*.png).
//
//   node --test tests/browser/region.test.mjs
// Needs build/server/junheng-server (or $JUNHENG_SERVER), web/node_modules (bash
// deploy/install-web.sh) and /usr/bin/chromium (or $CHROMIUM); skips with a reason otherwise.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, SERVER, COUNTY, DAY, asReport, browserTest, contextOptions, csvRows, imagePath,
} from './harness.mjs';

const CHANGZHI = ['140429', '140430', '140431'];
// A county of another province (河北省 石家庄市 长安区), holding Qin County's schools under its code.
const HEBEI = '130102';
// Never report for 2024 in Qin County: its not-submitted schools.
const MISSING = ['2140043017', '2140043022'];

// The folder of a county's sample files: Qin County's at the top of deploy/sample.
const sampleDir = (county) => (county === COUNTY ? 'deploy/sample' : `deploy/sample/${county}`);

// A sample county's schools as School messages of `as` (its own code unless given).
function schoolsOf(county, as = county) {
  return csvRows(`${sampleDir(county)}/schools.csv`).map((s) => {
    const school = { ...s, county_code: as };
    if ('boarding' in s) school.boarding = s.boarding === 'true';
    for (const k of ['built_year', 'target_year']) if (k in s) school[k] = Number(s[k]);
    return school;
  });
}

const reportsOf = (county, year) => csvRows(`${sampleDir(county)}/reports-${year}.csv`).map((t) => ({ ...asReport(t), county_code: county }));
const factsOf = (county, year) => JSON.parse(readFileSync(join(ROOT, sampleDir(county), `county-facts-${year}.json`), 'utf8'));

// `junheng-server ARGS...` on the stopped server's data dir; answers its stdout.
const offline = (...args) => execFileSync(SERVER, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function submitAll(server, token, county, reports, year) {
  const answer = await server.call('ReportingService', 'SubmitReports', {
    county_code: county,
    reports: reports.map((r) => ({ county_code: county, submission_id: `t-${year}-${r.school_code}`, report: r, replaces_version: 0, submitter: `clerk-${r.school_code}` })),
  }, token);
  for (const result of answer.results || []) assert.ok(!result.code, `${county} ${year}: ${result.message}`);
}

async function loadCounty(server, token, county) {
  await server.call('RegistryService', 'UpsertSchools', { county_code: county, schools: schoolsOf(county) }, token);
  await submitAll(server, token, county, reportsOf(county, 2023), 2023);
  await server.call('EvaluationService', 'SubmitCountyFacts', { facts: factsOf(county, 2023), replaces_version: 0, submitter: 'bureau' }, token);
  if (county === COUNTY) {
    // Qin County's 2024 round is open: a window, and two schools still owe their report.
    const now = Date.now();
    await server.call('BureauService', 'DefinePeriod', {
      period: { county_code: county, period: '2024', opens_unix_ms: String(now - 14 * DAY), deadline_unix_ms: String(now + 2 * DAY), closes_unix_ms: String(now + 20 * DAY) },
    }, token);
  }
  await submitAll(server, token, county, reportsOf(county, 2024).filter((r) => !MISSING.includes(r.school_code)), 2024);
  await server.call('EvaluationService', 'SubmitCountyFacts', { facts: factsOf(county, 2024), replaces_version: 0, submitter: 'bureau' }, token);
}

// A RegionService call from the page, with the page's session (and its CSRF header).
const asViewer = (page, method, body) => page.evaluate(async ([m, b]) => {
  const api = await import('/js/api.js');
  try {
    return await api.call('RegionService', m, b);
  } catch (err) {
    return { refused: err.code, message: err.message };
  }
}, [method, body]);

// The text of each row's cells in the table `selector`, by data-county.
const tableRows = (page, selector) => page.$$eval(`${selector} tbody tr[data-county]`, (trs) =>
  Object.fromEntries(trs.map((tr) => [tr.dataset.county, [...tr.cells].map((td) => td.textContent.trim())])));

browserTest('a city\'s staff sign in from their link and compare the city\'s counties', {
  timeout: 300000, workPrefix: 'junheng-region-browser-', server: { label: 'region browser test', args: ['--profile', 'qin-county'] },
}, async (t, { server, launch }) => {
  // Offline, before the server starts: the registry, each county's bureau_admin, the city's link.
  await server.init();
  offline('regions', 'import', join(ROOT, 'deploy/sample/regions.csv'), '--data-dir', server.data);
  const admins = { [COUNTY]: server.adminToken };
  for (const county of [...CHANGZHI, HEBEI].filter((c) => c !== COUNTY)) {
    admins[county] = offline('token', 'issue', '--data-dir', server.data, '--role', 'bureau_admin', '--county', county, '--label', `${county} bureau`).trim();
  }
  const link = offline('token', 'issue', '--data-dir', server.data, '--role', 'region_viewer', '--county', '1404',
    '--label', '长治市教育局 督导科', '--enrolment', '--web-url', `${server.base}/`).trim();
  assert.match(link, new RegExp(`^${server.base}/enrol\\.html#code=jhe1\\.1404\\.[0-9a-f]{32}$`), 'the same link as onboard\'s');

  await server.start();
  for (const county of CHANGZHI) await loadCounty(server, admins[county], county);
  await server.call('RegistryService', 'UpsertSchools', { county_code: HEBEI, schools: schoolsOf(COUNTY, HEBEI) }, admins[HEBEI]);

  const browser = await launch();
  const context = await browser.newContext(contextOptions(1400, 1000));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`); });

  let status;
  let evaluation;
  await t.test('the link signs the viewer in as the city and opens its page on the latest year with data', async () => {
    await page.goto(link);
    await page.waitForURL(/region\.html/, { timeout: 30000 });
    assert.ok(!page.url().includes('code='), 'the code left the address bar');
    await page.waitForSelector('table.region-status tbody tr[data-county]');
    assert.match(await page.textContent('#region'), /长治市\s*1404/);
    assert.match(await page.textContent('#who'), /长治市教育局 督导科/);
    assert.equal(await page.$eval('#period', (s) => s.value), '2024');
    assert.match(page.url(), /#\/status\/2024$/);
    status = await asViewer(page, 'RegionStatus', { region_code: '1404', period: '2024' });
    evaluation = await asViewer(page, 'EvaluateRegion', { region_code: '1404', period: '2024' });
    assert.deepEqual(status.counties.map((c) => c.county_code), CHANGZHI);
  });

  await t.test('报送情况 shows each county as RegionStatus counts it', async () => {
    const rows = await tableRows(page, 'table.region-status');
    assert.deepEqual(Object.keys(rows), CHANGZHI);
    for (const c of status.counties) {
      const [name, schools, submitted, onTime, late, incomplete, notSubmitted, completeness, timeliness] = rows[c.county_code];
      assert.match(name, new RegExp(`${c.county_name}\\s*${c.county_code}`));
      assert.deepEqual([schools, submitted, onTime, late, incomplete, notSubmitted].map(Number),
        [c.schools_total, c.submitted, c.on_time, c.late, c.incomplete, c.not_submitted].map((v) => Number(v ?? 0)), c.county_code);
      assert.equal(completeness, `${(100 * (c.completeness_rate ?? 0)).toFixed(1)}%`);
      assert.equal(timeliness, c.window_defined ? `${(100 * (c.timeliness_rate ?? 0)).toFixed(1)}%` : '—');
    }
    assert.equal(rows[COUNTY][6], String(MISSING.length), 'Qin County still owes two reports');
    await page.screenshot({ path: imagePath('web-region-status.png'), fullPage: true });
  });

  await t.test('评估 shows each county\'s verdict and largest coefficients, and the chart draws them', async () => {
    await page.click('.tabs a[data-tab="eval"]');
    await page.waitForSelector('table.region-eval tbody tr[data-county]');
    await page.waitForSelector('[data-chart-kind="region-largest"] canvas');
    const rows = await tableRows(page, 'table.region-eval');
    assert.deepEqual(Object.keys(rows), CHANGZHI);
    const words = { pass: '达标', fail: '未达标', not_judged: '无法判定' };
    const chart = await page.evaluate(() => window.__junhengCharts['region-largest']);
    for (const [i, row] of evaluation.counties.entries()) {
      const cells = rows[row.county_code];
      assert.equal(cells[1], words[row.verdict], `${row.county_code} verdict`);
      assert.equal(await page.getAttribute(`table.region-eval tr[data-county="${row.county_code}"]`, 'data-verdict'), row.verdict);
      assert.equal(cells[2], `${row.dimensions_passing ?? 0}/${row.dimensions.length}`);
      for (const [j, level] of ['primary', 'junior'].entries()) {
        const largest = row.largest.find((l) => l.level === level);
        assert.equal(cells[4 + j], `${largest.cv.toFixed(3)} ${largest.indicator} ${largest.indicator_zh}`, `${row.county_code} ${level}`);
        assert.equal(chart.series[j].data[i].value, largest.cv);
        const over = largest.cv > largest.threshold;
        assert.equal(await page.$eval(`table.region-eval tr[data-county="${row.county_code}"] td.largest[data-level="${level}"]`, (td) => td.classList.contains('over')), over);
      }
      assert.equal(Number(cells[6]), row.figures.schools_meeting ?? 0);
      assert.equal(Number(cells[7]), row.figures.schools_due ?? 0);
      assert.equal(cells[9], row.input_hash.slice(0, 12));
    }
    assert.ok(await page.$('table.region-eval td.largest.over'), 'a coefficient over its limit is marked (沁源县 primary L6)');
    assert.deepEqual(chart.series.map((s) => s.markLine.data.map((m) => m.yAxis)),
      ['primary', 'junior'].map((level) => [...new Set(evaluation.counties.map((r) => r.largest.find((l) => l.level === level).threshold))]));
    await page.screenshot({ path: imagePath('web-region-eval.png'), fullPage: true });
  });

  await t.test('排名 ranks the counties per level and indicator, 1 the smallest coefficient', async () => {
    await page.click('.tabs a[data-tab="rank"]');
    await page.waitForSelector('.rank-level[data-level="junior"] table.rank tbody tr[data-county]');
    for (const level of ['primary', 'junior']) {
      const headers = await page.$$eval(`.rank-level[data-level="${level}"] thead th[data-indicator]`, (ths) => ths.map((th) => th.textContent));
      const indicators = evaluation.counties[0].figures.levels.find((l) => l.level === level).indicators;
      assert.deepEqual(headers, indicators.map((i) => `${i.id}${i.name_zh}`), 'each indicator by its id and official name');
      for (const ind of indicators) {
        const cvs = evaluation.counties.map((r) => r.figures.levels.find((l) => l.level === level).indicators.find((x) => x.id === ind.id).cv);
        for (const [i, row] of evaluation.counties.entries()) {
          const cell = `.rank-level[data-level="${level}"] tr[data-county="${row.county_code}"] td[data-indicator="${ind.id}"]`;
          const [text, rank, over] = await page.$eval(cell, (td) => [td.textContent, td.dataset.rank, td.classList.contains('over')]);
          if (cvs[i] === undefined) {
            assert.equal(text, '—');
            continue;
          }
          // 1 + how many counties have a smaller coefficient: ties share a rank.
          const expected = 1 + cvs.filter((v) => v !== undefined && v < cvs[i]).length;
          assert.equal(text, `${cvs[i].toFixed(3)}(${expected})`, `${row.county_code} ${level} ${ind.id}`);
          assert.equal(Number(rank), expected);
          assert.equal(over, cvs[i] > ind.threshold);
        }
      }
    }
    await page.screenshot({ path: imagePath('web-region-rank.png'), fullPage: true });
  });

  await t.test('another year from the picker, and nothing of another province', async () => {
    await page.selectOption('#period', '2023');
    await page.waitForURL(/#\/rank\/2023$/);
    await page.waitForSelector('.rank-level table.rank tbody tr[data-county]');
    assert.match(await page.textContent('.rank-level h2'), /小学差异系数排名/);
    await page.click('.tabs a[data-tab="status"]');
    await page.waitForSelector('table.region-status tbody tr[data-county]');
    assert.match(await page.textContent('[data-section="status"] h2'), /^2023 年度/);
    assert.equal(await page.$(`tr[data-county="${HEBEI}"]`), null);
    const logged = problems.length;
    const other = await asViewer(page, 'RegionStatus', { region_code: '13', period: '2024' });
    assert.equal(other.refused, 'permission_denied', JSON.stringify(other));
    const city = await asViewer(page, 'EvaluateRegion', { region_code: '1301', period: '2024' });
    assert.equal(city.refused, 'permission_denied');
    // The browser logs the two refusals (403) it was asked for.
    problems.splice(logged, Infinity, ...problems.slice(logged).filter((p) => !/status of 403/.test(p)));
  });

  await t.test('on a phone the page is one column and the tables scroll inside their panel', async () => {
    const phone = await browser.newContext({ ...contextOptions(390, 844), isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      const p = await phone.newPage();
      p.on('pageerror', (e) => problems.push(`phone page error: ${e.message}`));
      // The same session: the cookies of the signed-in context.
      await phone.addCookies(await context.cookies());
      await p.goto(`${server.base}/region.html#/eval/2024`);
      await p.waitForSelector('[data-chart-kind="region-largest"] canvas');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `the page itself does not scroll sideways (${overflow}px)`);
      await p.screenshot({ path: imagePath('web-region-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  assert.deepEqual(problems, [], 'no script errors on the page');
});
