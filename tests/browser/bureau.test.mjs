// The bureau's web console against the real junheng-server, in headless Chromium:
//   the demo county (deploy/sample: 26 schools, 2023 and 2024 reports, county facts) on a fresh
//   data dir; a bureau_admin enrols from a sign-in link; the status board shows the round; the
//   review page shows a school's second version against its first, field by field, and the admin
//   returns it with a comment, which the school's clerk then reads in GetReport; the evaluation
//   dashboard draws each level's seven coefficients against the answer's own limit and the
//   school x indicator grid coloured as the answer's values and minimums say.
// It also saves the screenshots of docs/web-console.md (docs/images/web-bureau-*.png).
//
//   node --test tests/browser/
// Needs build/server/junheng-server (or $JUNHENG_SERVER), web/node_modules (bash
// deploy/install-web.sh) and /usr/bin/chromium (or $CHROMIUM); skips with a reason otherwise
// (harness.mjs: the server, the sample data and the browser shared with the other browser test).
import assert from 'node:assert/strict';
import {
  COUNTY, DAY, browserTest, contextOptions, imagePath, sampleCountyFacts, sampleReports, sampleSchools,
} from './harness.mjs';

// Submits twice: its first version has a larger sports area and no training figure.
const REVISED = '2140043005';
// Never report for 2024: the status board's missing schools.
const MISSING = ['2140043017', '2140043022'];
const COMMENT = '体育运动场馆面积与上一版本相差过大，请核实后重报。';

// ---- the demo county ----

async function loadDemoCounty(server) {
  await server.call('RegistryService', 'UpsertSchools', { county_code: COUNTY, schools: sampleSchools() });
  // 2023 was entered afterwards: no window, never late.
  for (const r of sampleReports(2023)) {
    await server.call('ReportingService', 'SubmitReport', { county_code: COUNTY, submission_id: `t-2023-${r.school_code}`, report: r, replaces_version: 0, submitter: `clerk-${r.school_code}` });
  }
  await server.call('EvaluationService', 'SubmitCountyFacts', { facts: sampleCountyFacts(2023), replaces_version: 0, submitter: 'bureau' });
  // 2024 is the open round: its deadline is two days away.
  const now = Date.now();
  await server.call('BureauService', 'DefinePeriod', {
    period: { county_code: COUNTY, period: '2024', opens_unix_ms: String(now - 14 * DAY), deadline_unix_ms: String(now + 2 * DAY), closes_unix_ms: String(now + 20 * DAY) },
  });
  for (const r of sampleReports(2024)) {
    if (MISSING.includes(r.school_code)) continue;
    if (r.school_code === REVISED) {
      const first = { ...r, sports_area_m2: Math.round(r.sports_area_m2 * 1.45) };
      delete first.training_completed_teachers;
      await server.call('ReportingService', 'SubmitReport', { county_code: COUNTY, submission_id: `t-2024-${r.school_code}-1`, report: first, replaces_version: 0, submitter: `clerk-${r.school_code}` });
      await server.call('ReportingService', 'SubmitReport', { county_code: COUNTY, submission_id: `t-2024-${r.school_code}-2`, report: r, replaces_version: 1, submitter: `clerk-${r.school_code}` });
      continue;
    }
    await server.call('ReportingService', 'SubmitReport', { county_code: COUNTY, submission_id: `t-2024-${r.school_code}`, report: r, replaces_version: 0, submitter: `clerk-${r.school_code}` });
  }
  await server.call('EvaluationService', 'SubmitCountyFacts', { facts: sampleCountyFacts(2024), replaces_version: 0, submitter: 'bureau' });
}

// The grid's colour of a value, as docs/evaluation.md states the per-unit rule: at the minimum,
// within the profile's miss floor of it (85% in the 2017 method), or below.
function expectedClass(value, minimum, floor) {
  if (value === undefined || value === null) return 'missing';
  const tol = (t) => 1e-9 * Math.max(1, Math.abs(value), Math.abs(t));
  if (value >= minimum - tol(minimum)) return 'met';
  if (value >= floor * minimum - tol(floor * minimum)) return 'near';
  return 'below';
}

// Follows each download link of the page (data-export=NAME) with the page's session and checks
// that the server answers an xlsx workbook.
async function expectDownloads(page, server, names) {
  for (const name of names) {
    const href = await page.getAttribute(`a[data-export="${name}"]`, 'href');
    const reply = await page.request.get(`${server.base}${href}`);
    assert.equal(reply.status(), 200, `${name}: ${await reply.text()}`);
    assert.equal((await reply.body()).subarray(0, 2).toString(), 'PK', `${name} is an xlsx`);
  }
}

browserTest('the bureau watches the round, returns a report with a comment, and reads the evaluation', {
  timeout: 300000, workPrefix: 'junheng-bureau-browser-', server: { label: 'bureau browser test', args: ['--profile', 'qin-county'] },
}, async (t, { server, launch }) => {
  await server.start();
  await loadDemoCounty(server);

  const issued = await server.call('TokenService', 'IssueToken', {
    county_code: COUNTY, role: 'BUREAU_ADMIN', label: '教育局 王科长', enrolment: true,
  });
  assert.ok(issued.enrolment_code, 'IssueToken with enrolment answers an enrolment code');
  // The school's clerk, who reads the comment afterwards through the API and on their own page.
  const clerk = await server.call('TokenService', 'IssueToken', {
    county_code: COUNTY, role: 'SCHOOL_CLERK', school_code: REVISED, label: '南里小学', enrolment: true,
  });

  const browser = await launch();
  const context = await browser.newContext(contextOptions(1400, 1000));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`); });

  await t.test('a bureau_admin enrols from the sign-in link and lands on the status board', async () => {
    await page.goto(`${server.base}/enrol.html#code=${issued.enrolment_code}`);
    await page.waitForURL(/bureau\.html/, { timeout: 30000 });
    await page.waitForSelector('.stat-cards .stat-card');
    assert.match(await page.textContent('#who'), /教育局管理员/);
    assert.equal(await page.$eval('#period', (s) => s.value), '2024');
  });

  await t.test('the status board counts the round and lists the missing schools with contacts', async () => {
    const status = await server.call('BureauService', 'SubmissionStatus', { county_code: COUNTY, period: '2024' });
    const cards = Object.fromEntries(await page.$$eval('.stat-card', (els) => els.map((e) => [e.dataset.card, e.querySelector('.stat-value').textContent])));
    assert.equal(cards.due, String(status.schools_total));
    assert.equal(cards.submitted, String(status.submitted));
    assert.equal(cards.not_submitted, String(MISSING.length));
    const missing = await page.$$eval('.missing li[data-school]', (els) => els.map((e) => [e.dataset.school, e.textContent]));
    assert.deepEqual(missing.map(([code]) => code).sort(), [...MISSING].sort());
    const registry = new Map(sampleSchools().map((s) => [s.school_code, s]));
    for (const [code, text] of missing) assert.ok(text.includes(registry.get(code).contact_phone), `${code} shows its contact phone`);
    await page.waitForSelector('[data-chart-kind="submissions-per-day"] canvas');
    const chart = await page.evaluate(() => window.__junhengCharts['submissions-per-day']);
    const perDay = chart.series[0].data.map((n, i) => n + chart.series[1].data[i]);
    assert.equal(perDay.reduce((a, b) => a + b, 0), status.submitted, 'every submitting school counted once');
    assert.equal(chart.series[0].markLine.data.length, 1, 'the deadline is marked');
    await page.waitForSelector('.reminder-sheet table.sheet');
    await page.screenshot({ path: imagePath('web-bureau-status.png') });
    // The board's downloads are the server's workbooks, fetched with the page's session.
    await expectDownloads(page, server, ['status', 'reminders', 'values', 'schools']);
  });

  await t.test('the review shows the second version against the first and returns it with a comment', async () => {
    await page.click('.tabs a[data-tab="review"]');
    await page.waitForSelector(`.queue-list li[data-school="${REVISED}"]`);
    await page.click(`.queue-list li[data-school="${REVISED}"] a`);
    await page.waitForSelector('table.diff tr[data-field="sports_area_m2"]');
    const rows = Object.fromEntries(await page.$$eval('table.diff tr[data-field]', (els) => els.map((e) => [e.dataset.field, e.dataset.change])));
    assert.equal(rows.sports_area_m2, 'changed');
    assert.equal(rows.training_completed_teachers, 'added');
    assert.ok(await page.$('table.diff tr[data-field="sports_area_m2"] td.after.changed-cell'), 'the changed cell is highlighted');
    assert.match(await page.textContent('.diff-summary'), /改动 2 处/);
    await page.fill('#review-comment', COMMENT);
    await page.screenshot({ path: imagePath('web-bureau-review.png') });
    await page.click('button[data-action="return"]');
    await page.waitForSelector('.action-message .note-ok');
    // The page reloads the queue: the school now waits for its correction.
    await page.waitForSelector(`.queue details:nth-of-type(2) li[data-school="${REVISED}"]`);

    const stored = await server.call('ReportingService', 'GetReport', { county_code: COUNTY, school_code: REVISED, period: '2024', version: 0 }, clerk.token);
    assert.equal(stored.receipt.version, '2');
    assert.equal(stored.review.state, 'returned');
    assert.equal(stored.review.comment, COMMENT);
    assert.equal(stored.review.version, '2');

    // The clerk signs in on a phone and finds the comment on their page.
    const phone = await browser.newContext(contextOptions(390, 844));
    try {
      const clerkPage = await phone.newPage();
      clerkPage.on('pageerror', (e) => problems.push(`clerk page error: ${e.message}`));
      await clerkPage.goto(`${server.base}/enrol.html#code=${clerk.enrolment_code}`);
      await clerkPage.waitForURL(/clerk\.html/, { timeout: 30000 });
      await clerkPage.waitForFunction((comment) => document.body.innerText.includes(comment), COMMENT, { timeout: 30000 });
      assert.match(await clerkPage.textContent('body'), /教育局退回/);
    } finally {
      await phone.close();
    }
  });

  await t.test('the evaluation dashboard: coefficients against the answer\'s limit, the grid by value and minimum', async () => {
    const answer = await server.call('EvaluationService', 'Evaluate', { county_code: COUNTY, period: '2024' });
    const { profile } = await server.call('EvaluationService', 'EvaluateWithInput', { county_code: COUNTY, period: '2024' });
    assert.ok(profile.unit_miss_floor > 0 && profile.unit_miss_floor < 1, 'the profile states its miss floor');
    await page.click('.tabs a[data-tab="eval"]');
    for (const level of answer.levels) await page.waitForSelector(`[data-chart-kind="coefficients-${level.level}"] canvas`);
    await page.waitForSelector('[data-chart-kind="trend-standard"]');
    const seen = new Set();
    let gapsShown = 0;
    for (const level of answer.levels) {
      const option = await page.evaluate((name) => window.__junhengCharts[name], `coefficients-${level.level}`);
      assert.equal(option.series[0].data.length, 7, `${level.level}: seven coefficients`);
      const limits = [...new Set(level.indicators.map((i) => i.threshold))];
      assert.deepEqual(option.series[0].markLine.data.map((d) => d.yAxis), limits, `${level.level}: the limit line is the answer's`);
      assert.deepEqual(option.series[0].data.map((d) => d.value), level.indicators.map((i) => (typeof i.cv === 'number' ? i.cv : null)));

      const cells = await page.$$eval(`table.grid[data-level="${level.level}"] tbody tr`, (trs) => trs.map((tr) => ({
        school: tr.dataset.school,
        cells: [...tr.querySelectorAll('td.cell')].map((td) => [td.dataset.indicator, td.dataset.cls, td.title]),
      })));
      assert.equal(cells.length, level.units.length, `${level.level}: one grid row per unit`);
      for (const unit of level.units) {
        const row = cells.find((r) => r.school === unit.school_code);
        assert.ok(row, `${unit.school_code} has a row`);
        level.indicators.forEach((ind, i) => {
          const [id, cls, title] = row.cells[i];
          assert.equal(id, ind.id);
          assert.equal(cls, expectedClass(unit.values?.[ind.id], ind.unit_threshold, profile.unit_miss_floor), `${unit.school_code} ${ind.id}`);
          seen.add(cls);
          if (cls === 'near' || cls === 'below') {
            const gap = answer.gaps.find((g) => g.kind === 'unit' && g.school_code === unit.school_code && g.indicator === ind.id);
            if (gap) {
              assert.ok(title.includes(`${Number(gap.additions[0].amount).toLocaleString('zh-CN')} ${gap.additions[0].unit_zh}`), `${unit.school_code} ${ind.id}: the gap in ${gap.additions[0].unit_zh} on hover`);
              gapsShown += 1;
            }
          }
        });
      }
    }
    // The demo county has all four colours (two schools did not report) and gaps to show.
    assert.deepEqual([...seen].sort(), ['below', 'met', 'missing', 'near']);
    assert.ok(gapsShown > 0, 'the engine\'s additions are shown on hover');
    assert.equal(await page.getAttribute('.verdict', 'data-verdict'), answer.verdict.status);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: imagePath('web-bureau-evaluation.png') });
    // The dashboard's downloads: the evaluation workbook and the national forms.
    await page.waitForSelector('a[data-export="trend"]');
    await expectDownloads(page, server, ['evaluation', 'forms', 'trend']);
  });

  await t.test('a bureau_viewer sees the review buttons disabled, with the reason', async () => {
    const viewer = await server.call('TokenService', 'IssueToken', {
      county_code: COUNTY, role: 'BUREAU_VIEWER', label: '教育局 张三', enrolment: true,
    });
    const other = await browser.newContext(contextOptions(1400, 1000));
    try {
      const p = await other.newPage();
      p.on('pageerror', (e) => problems.push(`viewer page error: ${e.message}`));
      await p.goto(`${server.base}/enrol.html#code=${viewer.enrolment_code}`);
      await p.waitForURL(/bureau\.html/, { timeout: 30000 });
      await p.goto(`${server.base}/bureau.html#/review/2024/2140043001`);
      await p.waitForSelector('button[data-action="accept"]');
      for (const action of ['accept', 'return']) {
        const [disabled, title] = await p.$eval(`button[data-action="${action}"]`, (b) => [b.disabled, b.title]);
        assert.equal(disabled, true, `${action} is disabled for a viewer`);
        assert.match(title, /只有教育局管理员/);
      }
      assert.equal(await p.$eval('#review-comment', (x) => x.disabled), true);
    } finally {
      await other.close();
    }
  });

  assert.deepEqual(problems, [], 'no script errors on the pages');
});
