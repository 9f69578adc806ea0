// The one client of junheng's HTTP API (docs/web-console.md). Every page and the service worker
// call the server through this module, so the RPC paths, the request keys and the error shape
// live in one place. It touches no DOM at import time: the service worker imports it too.
//
// A call is `POST /junheng.v1.<Service>/<Method>` with the request as JSON (proto field names);
// an answer is the response message as JSON (64-bit integers as strings); an error is
// `{code, message}` with the HTTP status of its code, thrown here as an ApiError.

/** A refused or failed call: `code` is the Connect code ("invalid_argument", ...), `message` the
 * server's sentence (Chinese unless the browser asked for English), `httpStatus` 0 when no
 * answer came. `offline` is true when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(code, message, httpStatus = 0, { offline = false, retryAfterSeconds = 0 } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.httpStatus = httpStatus;
    this.offline = offline;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// Connect codes by HTTP status, for answers without a JSON error body (a proxy's page).
const CODE_OF_STATUS = {
  400: 'invalid_argument', 401: 'unauthenticated', 403: 'permission_denied', 404: 'not_found',
  409: 'aborted', 429: 'resource_exhausted', 499: 'canceled', 501: 'unimplemented',
  502: 'unavailable', 503: 'unavailable', 504: 'deadline_exceeded',
};

/** Every RPC of proto/junheng/v1/*.proto, by service: test/api_contract.test.mjs fails when this
 * misses one or names one the protos do not have. */
export const METHODS = Object.freeze([
  ['ReportingService', 'SubmitReport'],
  ['ReportingService', 'SubmitReports'],
  ['ReportingService', 'ValidateReport'],
  ['ReportingService', 'GetReport'],
  ['ReportingService', 'ListReportVersions'],
  ['ReportingService', 'ListLatestReports'],
  ['RegistryService', 'UpsertSchools'],
  ['RegistryService', 'ListSchools'],
  ['RegistryService', 'GetSchool'],
  ['BureauService', 'DefinePeriod'],
  ['BureauService', 'ListPeriods'],
  ['BureauService', 'GrantException'],
  ['BureauService', 'ReviewReport'],
  ['BureauService', 'SubmissionStatus'],
  ['BureauService', 'Reminders'],
  ['BureauService', 'Due'],
  ['AdminService', 'Backup'],
  ['EvaluationService', 'Evaluate'],
  ['EvaluationService', 'EvaluateWithInput'],
  ['EvaluationService', 'SubmitCountyFacts'],
  ['EvaluationService', 'GetCountyFacts'],
  ['EvaluationService', 'ListSnapshots'],
  ['EvaluationService', 'GetSnapshot'],
  ['EvaluationService', 'Trend'],
  ['EvaluationService', 'SchoolStanding'],
  ['TokenService', 'IssueToken'],
  ['TokenService', 'RevokeToken'],
  ['TokenService', 'ListTokens'],
  ['AuditService', 'ListAudit'],
  ['AuditService', 'VerifyAudit'],
  ['RegionService', 'ListRegions'],
  ['RegionService', 'RegionStatus'],
  ['RegionService', 'EvaluateRegion'],
  ['RegionService', 'RegionTrend'],
].map(([service, method]) => Object.freeze({ service, method })));

const SERVICE_OF = new Map(METHODS.map((m) => [m.method, m.service]));

/** The request builders: one per method, each an object literal of exactly the keys of its
 * request message, so that the contract test can check every key against the proto (a renamed
 * proto field fails that test, not a page). Absent arguments become proto3 defaults. */
export const build = Object.freeze({
  // ReportingService
  SubmitReport: ({ county_code = '', submission_id = '', report = {}, replaces_version = 0, submitter = '' } = {}) =>
    ({ county_code, submission_id, report, replaces_version: String(replaces_version), submitter }),
  SubmitReports: ({ county_code = '', reports = [] } = {}) =>
    ({ county_code, reports: Array.isArray(reports) ? reports.map((one) => build.SubmitReport(one)) : reports }),
  ValidateReport: ({ county_code = '', report = {} } = {}) => ({ county_code, report }),
  GetReport: ({ county_code = '', school_code = '', period = '', version = 0 } = {}) =>
    ({ county_code, school_code, period, version: String(version) }),
  ListReportVersions: ({ county_code = '', school_code = '', period = '', page_size = 0, page_token = '' } = {}) =>
    ({ county_code, school_code, period, page_size, page_token }),
  ListLatestReports: ({ county_code = '', period = '', page_size = 0, page_token = '' } = {}) =>
    ({ county_code, period, page_size, page_token }),
  // RegistryService
  UpsertSchools: ({ county_code = '', schools = [] } = {}) => ({ county_code, schools }),
  ListSchools: ({ county_code = '', page_size = 0, page_token = '' } = {}) => ({ county_code, page_size, page_token }),
  GetSchool: ({ county_code = '', school_code = '' } = {}) => ({ county_code, school_code }),
  // BureauService
  DefinePeriod: ({ period = {} } = {}) => ({ period }),
  ListPeriods: ({ county_code = '' } = {}) => ({ county_code }),
  GrantException: ({ exception = {} } = {}) => ({ exception }),
  ReviewReport: ({ county_code = '', period = '', school_code = '', version = 0, action = '', comment = '', reviewer = '' } = {}) =>
    ({ county_code, period, school_code, version: String(version), action, comment, reviewer }),
  SubmissionStatus: ({ county_code = '', period = '', page_size = 0, page_token = '' } = {}) =>
    ({ county_code, period, page_size, page_token }),
  Reminders: ({ county_code = '', period = '', days = 0 } = {}) => ({ county_code, period, days }),
  Due: ({ county_code = '', school_code = '' } = {}) => ({ county_code, school_code }),
  // AdminService
  Backup: ({ destination = '' } = {}) => ({ destination }),
  // EvaluationService
  Evaluate: ({ county_code = '', period = '', profile = '', profile_toml = '', accepted_only = false } = {}) =>
    ({ county_code, period, profile, profile_toml, accepted_only }),
  EvaluateWithInput: ({ county_code = '', period = '', profile = '', profile_toml = '', accepted_only = false } = {}) =>
    ({ county_code, period, profile, profile_toml, accepted_only }),
  SubmitCountyFacts: ({ facts = {}, replaces_version = 0, submitter = '' } = {}) =>
    ({ facts, replaces_version: String(replaces_version), submitter }),
  GetCountyFacts: ({ county_code = '', period = '', version = 0 } = {}) =>
    ({ county_code, period, version: String(version) }),
  ListSnapshots: ({ county_code = '', period = '' } = {}) => ({ county_code, period }),
  GetSnapshot: ({ county_code = '', period = '', seq = 0 } = {}) =>
    ({ county_code, period, seq: String(seq) }),
  Trend: ({ county_code = '', from_year = 0, to_year = 0, profile = '', from_snapshots = false } = {}) =>
    ({ county_code, from_year, to_year, profile, from_snapshots }),
  SchoolStanding: ({ county_code = '', period = '', school_code = '', profile = '' } = {}) =>
    ({ county_code, period, school_code, profile }),
  // TokenService
  IssueToken: ({ county_code = '', role = 'ROLE_UNSPECIFIED', school_code = '', expires_unix_ms = 0, label = '', enrolment = false } = {}) =>
    ({ county_code, role, school_code, expires_unix_ms: String(expires_unix_ms), label, enrolment }),
  RevokeToken: ({ county_code = '', id = '' } = {}) => ({ county_code, id }),
  ListTokens: ({ county_code = '', page_size = 0, page_token = '' } = {}) => ({ county_code, page_size, page_token }),
  // AuditService
  ListAudit: ({ county_code = '', school_code = '', actor = '', from_unix_ms = 0, to_unix_ms = 0, limit = 0, page_token = '' } = {}) =>
    ({ county_code, school_code, actor, from_unix_ms: String(from_unix_ms), to_unix_ms: String(to_unix_ms), limit, page_token }),
  VerifyAudit: ({ county_code = '' } = {}) => ({ county_code }),
  // RegionService (a region_code is 14 a province, 1404 a city, 00 the nation)
  ListRegions: ({ region_code = '' } = {}) => ({ region_code }),
  RegionStatus: ({ region_code = '', period = '', page_size = 0, page_token = '' } = {}) =>
    ({ region_code, period, page_size, page_token }),
  EvaluateRegion: ({ region_code = '', period = '', profile = '', accepted_only = false, page_size = 0, page_token = '' } = {}) =>
    ({ region_code, period, profile, accepted_only, page_size, page_token }),
  RegionTrend: ({ region_code = '', from_year = 0, to_year = 0, profile = '', page_size = 0, page_token = '' } = {}) =>
    ({ region_code, from_year, to_year, profile, page_size, page_token }),
});

/** {Method: [request keys]}, read off the builders above: what the contract test checks against
 * the request messages of the protos. */
export const REQUEST_KEYS = Object.freeze(Object.fromEntries(
  Object.entries(build).map(([method, make]) => [method, Object.freeze(Object.keys(make()))])));

/** The value of cookie `name` in this document, or '' (also in a service worker, which has no
 * cookies to read: it passes the CSRF value it kept with the outbox entry instead). */
export function cookie(name) {
  const text = globalThis.document?.cookie ?? '';
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return '';
}

/**
 * The session's CSRF value, which every call carries in X-CSRF-Token. Over HTTPS the server names
 * its cookies with the __Host- prefix (a sibling host cannot plant them); plain on plain HTTP.
 */
export const csrfToken = () => cookie('__Host-jh_csrf') || cookie('jh_csrf');

const DEFAULT_TIMEOUT_MS = 30000;

// fetch with a deadline of our own a little after the server's, so a call never hangs. Throws
// ApiError: 'unavailable' + offline when nothing came back, 'deadline_exceeded' on our deadline.
async function send(url, init, timeoutMs) {
  const controller = new AbortController();
  const outer = init.signal;
  if (outer) {
    if (outer.aborted) controller.abort();
    else outer.addEventListener('abort', () => controller.abort(), { once: true });
  }
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs + 2000);
  try {
    return await fetch(url, { ...init, signal: controller.signal, credentials: 'same-origin', cache: 'no-store' });
  } catch (err) {
    if (outer?.aborted) throw new ApiError('canceled', '已取消', 0);
    if (timedOut) {
      throw new ApiError('deadline_exceeded', '服务器在规定时间内没有回答，请稍后再试', 0, { offline: true });
    }
    throw new ApiError('unavailable', '连不上服务器：请检查网络', 0, { offline: true });
  } finally {
    clearTimeout(timer);
  }
}

// The ApiError of a non-2xx answer: its JSON {code, message} when it has one.
async function errorOf(response) {
  let code = CODE_OF_STATUS[response.status] ?? (response.status >= 500 ? 'internal' : 'unknown');
  let message = '';
  try {
    const body = await response.json();
    if (body && typeof body.code === 'string') code = body.code;
    if (body && typeof body.message === 'string') message = body.message;
  } catch { /* not JSON: keep the code of the status */ }
  if (!message) message = `服务器答复 ${response.status}（${code}）`;
  const retryAfterSeconds = Number(response.headers.get('Retry-After')) || 0;
  return new ApiError(code, message, response.status, { retryAfterSeconds });
}

/** Calls `<service>/<method>` with `request` (a plain object with proto field names) and returns
 * the answer as an object. Throws ApiError. Options: timeoutMs (the call's deadline, sent as
 * Connect-Timeout-Ms), csrf (the CSRF value; the cookie's by default), signal (AbortSignal). */
export async function call(service, method, request = {}, { timeoutMs = DEFAULT_TIMEOUT_MS, csrf, signal } = {}) {
  const response = await send(`/junheng.v1.${service}/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-CSRF-Token': csrf ?? csrfToken(),
      'Connect-Protocol-Version': '1',
      'Connect-Timeout-Ms': String(timeoutMs),
    },
    body: JSON.stringify(request),
    signal,
  }, timeoutMs);
  if (!response.ok) throw await errorOf(response);
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

/** Builds the request of `method` from `args` (see `build`) and calls it. */
export function rpc(method, args = {}, options = {}) {
  const service = SERVICE_OF.get(method);
  if (!service || !build[method]) throw new Error(`unknown method ${method}`);
  return call(service, method, build[method](args), options);
}

/** The largest page a server gives (docs/api.md, "Pages"); it still ends a page at 2 MiB. */
export const LARGEST_PAGE = 10000;

/**
 * Every page of a paginated listing (docs/api.md, "Pages") as one answer: calls `method` with
 * `args`, then again with each answer's next_page_token as page_token, concatenating the arrays
 * (repeated fields) in page order; other fields are the first page's (a status page's counts are
 * the whole county's on every page, its warnings come on the first). next_page_token is removed.
 * Pages default to the largest size, so a county of any size takes few calls. Throws ApiError.
 */
export async function allPages(method, args = {}, options = {}) {
  const request = { page_size: LARGEST_PAGE, ...args };
  let merged = null;
  let token = request.page_token ?? '';
  do {
    const page = await rpc(method, { ...request, page_token: token }, options);
    const next = page.next_page_token ?? '';
    delete page.next_page_token;
    if (merged === null) {
      merged = page;
    } else {
      for (const [key, value] of Object.entries(page)) {
        if (Array.isArray(value)) merged[key] = [...(merged[key] ?? []), ...value];
        else if (!(key in merged)) merged[key] = value;
      }
    }
    if (next && next === token) throw new ApiError('internal', `服务器重复给出了同一页（${method}）`, 0);
    token = next;
  } while (token);
  return merged;
}

// Thin helpers for the pages (args as in `build`). Listings follow every page (allPages).
export const submitReport = (args, options) => rpc('SubmitReport', args, options);
/** Many reports in one call (at most 1000): one result per report, { response } or { code, message }. */
export const submitReports = (args, options) => rpc('SubmitReports', args, options);
export const validateReport = (args, options) => rpc('ValidateReport', args, options);
export const getReport = (args, options) => rpc('GetReport', args, options);
export const listReportVersions = (args, options) => allPages('ListReportVersions', args, options);
export const listLatestReports = (args, options) => allPages('ListLatestReports', args, options);
export const getSchool = (args, options) => rpc('GetSchool', args, options);
export const listSchools = (args, options) => allPages('ListSchools', args, options);
export const listPeriods = (args, options) => rpc('ListPeriods', args, options);
export const due = (args, options) => rpc('Due', args, options);
export const submissionStatus = (args, options) => allPages('SubmissionStatus', args, options);
export const reminders = (args, options) => rpc('Reminders', args, options);
export const reviewReport = (args, options) => rpc('ReviewReport', args, options);
export const evaluate = (args, options) => rpc('Evaluate', args, options);
export const trend = (args, options) => rpc('Trend', args, options);
export const schoolStanding = (args, options) => rpc('SchoolStanding', args, options);
export const listSnapshots = (args, options) => rpc('ListSnapshots', args, options);
export const getSnapshot = (args, options) => rpc('GetSnapshot', args, options);
// A city's or province's counties: every page of each, joined (counties in the answer's order).
export const listRegions = (args, options) => rpc('ListRegions', args, options);
export const regionStatus = (args, options) => allPages('RegionStatus', args, options);
export const evaluateRegion = (args, options) => allPages('EvaluateRegion', args, options);
export const regionTrend = (args, options) => allPages('RegionTrend', args, options);

/** GetReport that answers null instead of throwing when the school has no such report. */
export async function getReportOrNull(args, options) {
  try {
    return await getReport(args, options);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not_found') return null;
    throw err;
  }
}

/** Who this browser's session is: {role, county_code, school_code, label}, or null when it has
 * none (401). Throws ApiError (offline) when the server cannot be reached. */
export async function session({ timeoutMs = 15000 } = {}) {
  const response = await send('/auth/session', { method: 'GET', headers: { Accept: 'application/json' } }, timeoutMs);
  if (response.status === 401) return null;
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

/** Exchanges a one-time enrolment code for a session; answers the session object. */
export async function enrol(code, { timeoutMs = 30000 } = {}) {
  const response = await send('/auth/enrol', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  }, timeoutMs);
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

/** Ends this browser's session. */
export async function logout({ timeoutMs = 15000 } = {}) {
  const response = await send('/auth/logout', {
    method: 'POST',
    headers: { 'X-CSRF-Token': csrfToken(), 'Content-Type': 'application/json' },
    body: '{}',
  }, timeoutMs);
  if (!response.ok && response.status !== 401) throw await errorOf(response);
}

/** The field catalogue (GET /api/catalog.json). */
export async function catalog({ timeoutMs = 30000 } = {}) {
  const response = await send('/api/catalog.json', { method: 'GET', headers: { Accept: 'application/json' } }, timeoutMs);
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

/** Reads an uploaded .xlsx/.csv/.json with the server's readers: answers {reports: [...]}, or
 * throws the ApiError that names the cell it could not read. */
export async function readReportFile(file, { timeoutMs = 60000 } = {}) {
  const body = await file.arrayBuffer();
  // Header values must be ASCII: a name with other characters (Chinese) travels
  // percent-encoded (UTF-8).
  const sentName = /^[\x20-\x7e]*$/.test(file.name) && !file.name.includes('%') ? file.name : encodeURIComponent(file.name);
  const response = await send('/api/read-report', {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': sentName, 'X-CSRF-Token': csrfToken() },
    body,
  }, timeoutMs);
  if (!response.ok) {
    const err = await errorOf(response);
    // The server names the file in its message as it received it.
    if (sentName !== file.name) err.message = err.message.split(sentName).join(file.name);
    throw err;
  }
  return response.json();
}

/** The address of the school's Excel template for a period. */
export const templateUrl = (school, period) =>
  `/api/template.xlsx?school=${encodeURIComponent(school)}&period=${encodeURIComponent(period)}`;

/** Downloads the template as a Blob; throws ApiError (e.g. 501 while the server has none). */
export async function fetchTemplate(school, period, { timeoutMs = 60000 } = {}) {
  const response = await send(templateUrl(school, period), { method: 'GET' }, timeoutMs);
  if (!response.ok) throw await errorOf(response);
  return response.blob();
}

/** Whether a failed call may succeed when simply tried again later (nothing was refused). */
export function isRetryable(err) {
  if (!(err instanceof ApiError)) return false;
  return err.offline || ['unavailable', 'deadline_exceeded', 'resource_exhausted', 'internal', 'unknown', 'canceled'].includes(err.code);
}
