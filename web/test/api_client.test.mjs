// api.js's call() over a stubbed fetch: what it sends and how it reads answers and failures.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, allPages, call, getReportOrNull, isRetryable, LARGEST_PAGE, listSchools, readReportFile, session, submissionStatus, submitReport } from '../public/js/api.js';

let sent;
let answer;
const realFetch = globalThis.fetch;

beforeEach(() => {
  sent = [];
  globalThis.document = { cookie: 'other=1; jh_csrf=c5rf%2Bvalue; x=y' };
  globalThis.fetch = async (url, init) => {
    sent.push({ url, init });
    return answer(url, init);
  };
});
afterEach(() => {
  globalThis.fetch = realFetch;
  delete globalThis.document;
});

const json = (status, body, headers = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

test('a call POSTs JSON to /junheng.v1.<Service>/<Method> with the CSRF cookie and a deadline', async () => {
  answer = () => json(200, { periods: [] });
  const out = await call('BureauService', 'ListPeriods', { county_code: '140430' }, { timeoutMs: 5000 });
  assert.deepEqual(out, { periods: [] });
  const { url, init } = sent[0];
  assert.equal(url, '/junheng.v1.BureauService/ListPeriods');
  assert.equal(init.method, 'POST');
  assert.equal(init.credentials, 'same-origin');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(init.headers['X-CSRF-Token'], 'c5rf+value');
  assert.equal(init.headers['Connect-Timeout-Ms'], '5000');
  assert.equal(init.body, '{"county_code":"140430"}');
});

test('an explicit csrf (the service worker\'s copy) wins over the cookie', async () => {
  answer = () => json(200, {});
  await call('ReportingService', 'SubmitReport', {}, { csrf: 'from-outbox' });
  assert.equal(sent[0].init.headers['X-CSRF-Token'], 'from-outbox');
});

test('a refusal becomes an ApiError with the server\'s code, message and status', async () => {
  answer = () => json(409, { code: 'aborted', message: '最新的是第 2 版' });
  await assert.rejects(submitReport({ county_code: '140430' }), (err) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 'aborted');
    assert.equal(err.message, '最新的是第 2 版');
    assert.equal(err.httpStatus, 409);
    assert.equal(err.offline, false);
    assert.equal(isRetryable(err), false);
    return true;
  });
});

test('an answer without a JSON body takes the code of its status', async () => {
  answer = () => new Response('<html>bad gateway</html>', { status: 502 });
  await assert.rejects(call('X', 'Y', {}), (err) => err.code === 'unavailable' && err.httpStatus === 502 && isRetryable(err));
});

test('Retry-After of a rate-limited call is kept', async () => {
  answer = () => json(429, { code: 'resource_exhausted', message: 'slow down' }, { 'Retry-After': '7' });
  await assert.rejects(call('X', 'Y', {}), (err) => err.retryAfterSeconds === 7 && isRetryable(err));
});

test('no answer at all is offline and unavailable', async () => {
  answer = () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(call('X', 'Y', {}), (err) => err.code === 'unavailable' && err.offline === true && err.httpStatus === 0);
});

test('getReportOrNull answers null for not_found and throws the rest', async () => {
  answer = () => json(404, { code: 'not_found', message: 'none' });
  assert.equal(await getReportOrNull({ county_code: '1', school_code: '2', period: '3' }), null);
  answer = () => json(403, { code: 'permission_denied', message: 'not yours' });
  await assert.rejects(getReportOrNull({}), (err) => err.code === 'permission_denied');
});

test('session() is null on 401 and the session object otherwise', async () => {
  answer = () => json(401, { code: 'unauthenticated', message: 'no session' });
  assert.equal(await session(), null);
  answer = () => json(200, { role: 'school_clerk', county_code: '140430', school_code: '2140043001', label: 'x' });
  assert.equal((await session()).role, 'school_clerk');
  assert.equal(sent.at(-1).url, '/auth/session');
  assert.equal(sent.at(-1).init.method, 'GET');
});

test('an uploaded file goes as octet-stream with its name, percent-encoded when not ASCII', async () => {
  answer = () => json(200, { reports: [] });
  const file = (name) => ({ name, arrayBuffer: async () => new ArrayBuffer(3) });
  await readReportFile(file('2140043001-2024.xlsx'));
  assert.equal(sent[0].url, '/api/read-report');
  assert.equal(sent[0].init.headers['Content-Type'], 'application/octet-stream');
  assert.equal(sent[0].init.headers['X-File-Name'], '2140043001-2024.xlsx');
  assert.equal(sent[0].init.headers['X-CSRF-Token'], 'c5rf+value');
  await readReportFile(file('新店小学.csv'));
  assert.equal(sent[1].init.headers['X-File-Name'], encodeURIComponent('新店小学.csv'));
});

test('the server\'s message names an uploaded file by its real name', async () => {
  const name = '新店小学.csv';
  answer = () => json(400, { code: 'invalid_argument', message: `${encodeURIComponent(name)}：第 2 行，小学在校生数：“620人”不是整数` });
  await assert.rejects(readReportFile({ name, arrayBuffer: async () => new ArrayBuffer(1) }),
    (err) => err.message === '新店小学.csv：第 2 行，小学在校生数：“620人”不是整数');
});

test('a listing follows next_page_token and concatenates the pages in order', async () => {
  const pages = {
    '': { schools: [{ school_code: 'a' }, { school_code: 'b' }], next_page_token: 't1' },
    t1: { schools: [{ school_code: 'c' }], next_page_token: 't2' },
    t2: { schools: [{ school_code: 'd' }] },
  };
  answer = (url, init) => json(200, pages[JSON.parse(init.body).page_token]);
  const out = await listSchools({ county_code: '140430' });
  assert.deepEqual(out, { schools: ['a', 'b', 'c', 'd'].map((school_code) => ({ school_code })) });
  const bodies = sent.map((s) => JSON.parse(s.init.body));
  assert.deepEqual(bodies.map((b) => b.page_token), ['', 't1', 't2']);
  assert.ok(bodies.every((b) => b.county_code === '140430' && b.page_size === LARGEST_PAGE));
});

test('a status walked page by page keeps the first page\'s counts and warnings once', async () => {
  const counts = { schools_total: 3, submitted: 1 };
  const pages = {
    '': { ...counts, schools: [{ school_code: 'a' }, { school_code: 'b' }], warnings: [{ school_code: 'a' }], next_page_token: 'n' },
    n: { ...counts, schools: [{ school_code: 'c' }] },
  };
  answer = (url, init) => json(200, pages[JSON.parse(init.body).page_token]);
  const out = await submissionStatus({ county_code: '140430', period: '2024' });
  assert.equal(out.schools_total, 3);
  assert.equal(out.submitted, 1);
  assert.deepEqual(out.schools.map((x) => x.school_code), ['a', 'b', 'c']);
  assert.equal(out.warnings.length, 1);
  assert.equal('next_page_token' in out, false);
});

test('a server that answers the same page token again is an error, not an endless loop', async () => {
  answer = () => json(200, { schools: [], next_page_token: 'same' });
  await assert.rejects(allPages('ListSchools', { county_code: '140430' }), (err) => err.code === 'internal');
});
