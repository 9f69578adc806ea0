// The clerk's web console against the real junheng-server, in headless Chromium:
//   enrol from a sign-in link -> fill the report -> submit -> the receipt;
//   the server goes down -> submit again (the report waits in the browser's outbox) -> the page
//   closes -> the server comes back on the same data dir and port -> the page reopens and
//   delivers it -> the server holds exactly one new version;
//   a clerk's session cannot read another school's report (permission_denied).
// It also saves the screenshots of docs/web-console.md (docs/images/web-clerk-*.png).
//
//   node --test tests/browser/
// Needs build/server/junheng-server (or $JUNHENG_SERVER), web/node_modules (bash
// deploy/install-web.sh) and /usr/bin/chromium (or $CHROMIUM); skips with a reason otherwise
// (harness.mjs: the server, the sample data and the browser shared with the other browser test).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, COUNTY, DAY, browserTest, contextOptions, imagePath, sampleReportTexts, asReport, sampleSchools, sleep,
} from './harness.mjs';

const SCHOOL = '2140043001';
const OTHER_SCHOOL = '2140043002';

// One school's row of deploy/sample/reports-YEAR.csv: {field: text}, empty cells left out.
const sampleReport = (year, school) => sampleReportTexts(year).find((r) => r.school_code === school);

// ---- the page ----

// Fills the clerk form from {field: text}; selects take the stored word or true/false.
async function fillForm(page, texts) {
  for (const [name, value] of Object.entries(texts)) {
    const el = page.locator(`#in-${name}`);
    if ((await el.count()) === 0) continue;
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
    else await el.fill(value);
  }
}

// Waits until the server's check of what is typed has come back without a violation.
const checkedClean = (page) => page.waitForFunction(() => {
  const summary = document.querySelector('#summary');
  return summary && !summary.querySelector('.n-err') && /检查通过|请核对/.test(summary.textContent);
});

const outboxCount = (page) => page.evaluate(async () => (await (await import('/js/outbox.js')).pending()).length);

browserTest('a clerk enrols, submits, submits again offline, and reads only their own school', { timeout: 240000 }, async (t, { work, server, launch }) => {
  await server.start();

  // The bureau's side: the registry, an open 2024 window, last year's report, a sign-in link.
  await server.call('RegistryService', 'UpsertSchools', { county_code: COUNTY, schools: sampleSchools() });
  // Last year's report goes in before the bureau defines periods: after that, only defined
  // periods take reports.
  await server.call('ReportingService', 'SubmitReport', {
    county_code: COUNTY, submission_id: 'browser-test-2023', report: asReport(sampleReport(2023, SCHOOL)), replaces_version: 0, submitter: '傅丽娟',
  });
  const now = Date.now();
  await server.call('BureauService', 'DefinePeriod', {
    period: { county_code: COUNTY, period: '2024', opens_unix_ms: String(now - 10 * DAY), deadline_unix_ms: String(now + 5 * DAY), closes_unix_ms: String(now + 30 * DAY) },
  });
  const issued = await server.call('TokenService', 'IssueToken', {
    county_code: COUNTY, role: 'SCHOOL_CLERK', school_code: SCHOOL, label: '新店小学 李老师', enrolment: true,
  });
  assert.ok(issued.enrolment_code, 'IssueToken with enrolment answers an enrolment code');
  const link = `${server.base}/enrol.html#code=${issued.enrolment_code}`;

  const browser = await launch();
  const context = await browser.newContext(contextOptions(1280, 900));
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // Sign in from the link: the code leaves the address bar, the clerk lands on their form.
  await page.goto(link);
  await page.waitForURL('**/clerk.html**');
  assert.ok(!page.url().includes('code='), 'the enrolment code is not left in the address bar');
  await page.locator('#in-primary_students').waitFor();
  assert.equal(await page.textContent('#school-name'), '沁县新店镇新店小学');
  assert.equal(await page.locator('#in-junior_students').count(), 0, 'a primary school has no junior fields');
  assert.match(await page.textContent('#f-primary_students'), /上期 2023\s*632/, 'last year\'s value is shown beside the field');

  // Upload instead of typing: the server reads the file, the form fills with this school's row.
  await page.setInputFiles('#upload', join(ROOT, 'deploy/sample/reports-2024.csv'));
  await page.locator('#tools-msg .banner-ok').waitFor();
  assert.equal(await page.inputValue('#in-primary_students'), '620');
  assert.equal(await page.inputValue('#in-ict_rating'), 'excellent');
  // A file the server cannot read is refused with the cell it names.
  const bad = join(work, '报表.csv');
  writeFileSync(bad, 'school_code,period,primary_students\n2140043001,2024,620人\n');
  await page.setInputFiles('#upload', bad);
  await page.locator('#tools-msg .banner-error', { hasText: '620人' }).waitFor();

  // A part larger than its whole is shown at once, under its field.
  const report2024 = sampleReport(2024, SCHOOL);
  delete report2024.school_code;
  delete report2024.period;
  await fillForm(page, report2024);
  await page.fill('#in-primary_classes', '700');
  await page.locator('#f-primary_classes.has-error').waitFor();
  assert.match(await page.textContent('#summary'), /处需改正/);
  assert.match(await page.textContent('#f-primary_classes .issues'), /.+/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#f-primary_classes').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -160));
  await page.screenshot({ path: imagePath('web-clerk-form-phone.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.fill('#in-primary_classes', report2024.primary_classes);
  await checkedClean(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: imagePath('web-clerk-form-desktop.png') });

  // Submit: the receipt.
  await page.click('#submit');
  await page.waitForURL('**/receipt.html#id=web-*');
  const receiptText = await page.textContent('.receipt');
  assert.match(receiptText, /沁县新店镇新店小学（2140043001）/);
  assert.match(receiptText, /第 1 版/);
  assert.match(receiptText, /提交编号web-[0-9a-f-]{36}/);
  await page.screenshot({ path: imagePath('web-clerk-receipt.png'), fullPage: true });
  let versions = await server.call('ReportingService', 'ListReportVersions', { county_code: COUNTY, school_code: SCHOOL, period: '2024' });
  assert.equal(versions.versions.length, 1);
  assert.equal(versions.versions[0].submitter, '新店小学 李老师');

  // The receipt opens again from the browser's copy.
  await page.reload();
  assert.match(await page.textContent('.receipt'), /第 1 版/);

  // A correction while the server is down waits in the outbox.
  await page.goto(`${server.base}/clerk.html?period=2024`);
  await page.locator('#in-music_rooms').waitFor();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  assert.equal(await page.inputValue('#in-music_rooms'), report2024.music_rooms, 'the form shows the submitted version');

  // 本校达标情况: the school's own standing of 2024 (EvaluationService/SchoolStanding), below the form.
  await page.locator('#standing table.standing').waitFor();
  const standingText = await page.textContent('#standing');
  assert.match(standingText, /未达标/, 'the sample school does not meet the standard in 2024');
  assert.match(standingText, /G3/, 'the per-school item it fails (G3) is named');
  assert.match(await page.textContent('#standing [data-item="G3"]'), /未达标/);
  const indicatorRows = await page.locator('#standing table.standing tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.indicator));
  assert.deepEqual(indicatorRows, ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'], 'one row per indicator');
  assert.doesNotMatch(standingText, /2140043002/, 'nothing of another school');
  await page.fill('#in-music_rooms', '3');
  await checkedClean(page);
  await server.stop();
  await page.click('#submit');
  await page.locator('#notices', { hasText: '已保存在本机，联网后自动提交' }).waitFor();
  assert.equal(await outboxCount(page), 1);
  await page.close();

  // Back on the same data dir and port: reopening the page delivers it, once.
  await server.start();
  const again = await context.newPage();
  again.on('pageerror', (e) => pageErrors.push(e.message));
  await again.goto(`${server.base}/clerk.html?period=2024`);
  await again.locator('#in-music_rooms').waitFor();
  // The page flushes on load (or the service worker got there first): wait for an empty outbox.
  while ((await outboxCount(again)) > 0) await sleep(200);
  versions = await server.call('ReportingService', 'ListReportVersions', { county_code: COUNTY, school_code: SCHOOL, period: '2024' });
  assert.equal(versions.versions.length, 2, 'exactly one new version was stored');
  const latest = await server.call('ReportingService', 'GetReport', { county_code: COUNTY, school_code: SCHOOL, period: '2024', version: 0 });
  assert.equal(latest.report.music_rooms, 3);
  assert.match(latest.receipt.submission_id, /^web-/);
  // Another flush finds nothing to send, and the server still holds two versions.
  await again.evaluate(async () => (await import('/js/outbox.js')).flush({ csrf: (await import('/js/api.js')).csrfToken() }));
  versions = await server.call('ReportingService', 'ListReportVersions', { county_code: COUNTY, school_code: SCHOOL, period: '2024' });
  assert.equal(versions.versions.length, 2);

  // The clerk's session reads its own school only.
  const codes = await again.evaluate(async ([county, other]) => {
    const api = await import('/js/api.js');
    const codeOf = async (p) => { try { await p; return 'ok'; } catch (e) { return e.code; } };
    return {
      report: await codeOf(api.getReport({ county_code: county, school_code: other, period: '2024' })),
      versions: await codeOf(api.listReportVersions({ county_code: county, school_code: other, period: '2024' })),
      school: await codeOf(api.getSchool({ county_code: county, school_code: other })),
      own: await codeOf(api.getReport({ county_code: county, school_code: '2140043001', period: '2024' })),
    };
  }, [COUNTY, OTHER_SCHOOL]);
  assert.deepEqual(codes, { report: 'permission_denied', versions: 'permission_denied', school: 'permission_denied', own: 'ok' });

  // Without the CSRF header, the session cookie alone is refused.
  const noCsrf = await again.evaluate(async () => (await fetch('/junheng.v1.BureauService/ListPeriods', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ county_code: '140430' }),
  })).status);
  assert.equal(noCsrf, 403);
  assert.deepEqual(pageErrors, []);
});
