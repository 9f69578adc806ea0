// The clerk's browser storage (IndexedDB "junheng-clerk") and the delivery of pending
// submissions. The one module both the pages and the service worker (sw.js) import, so that they
// read and write the same records the same way.
//
// A submission is written to the outbox BEFORE its first attempt, with the submission_id that
// makes it idempotent on the server: however often and from wherever it is sent (the page, the
// service worker's sync event, a later visit), the server stores it once and answers the same
// receipt. It leaves the outbox when the server has answered: with a receipt (kept in
// `receipts`, so the receipt page shows it offline) or with a refusal (kept in `refusals` until
// the clerk has read the server's reason).
//
// Stores:
//   outbox    {submission_id, county_code, school_code, period, report, replaces_version,
//              submitter, csrf, created_ms, attempts, last_error}
//   receipts  {submission_id, receipt, school_name, duplicate, warnings, saved_ms}
//   refusals  {submission_id, school_code, period, code, message, refused_ms}
//   kv        {key, value}: drafts and the last known session, school and periods (offline use)

import { ApiError, isRetryable, submitReport } from './api.js';

const DB_NAME = 'junheng-clerk';
const DB_VERSION = 1;
export const SYNC_TAG = 'junheng-outbox';
export const CHANNEL = 'junheng-outbox';

let dbPromise = null;

/** The database, opened once per page or worker. */
export function openDb() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'submission_id' });
        if (!db.objectStoreNames.contains('receipts')) db.createObjectStore('receipts', { keyPath: 'submission_id' });
        if (!db.objectStoreNames.contains('refusals')) db.createObjectStore('refusals', { keyPath: 'submission_id' });
        if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv', { keyPath: 'key' });
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the schema asks us to let go.
        db.onversionchange = () => { db.close(); dbPromise = null; };
        resolve(db);
      };
      req.onerror = () => { dbPromise = null; reject(req.error); };
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
  }
  return dbPromise;
}

// Runs `work(stores)` in one transaction over `names`; resolves with its result when the
// transaction has committed (so a resolved write is durable as IndexedDB makes it).
async function tx(names, mode, work) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const t = db.transaction(names, mode);
    const stores = Object.fromEntries(names.map((n) => [n, t.objectStore(n)]));
    let result;
    Promise.resolve(work(stores)).then((r) => { result = r; }, (e) => { t.abort(); reject(e); });
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error ?? new Error('transaction aborted'));
  });
}

const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

function announce(message) {
  try {
    const ch = new BroadcastChannel(CHANNEL);
    ch.postMessage(message);
    ch.close();
  } catch { /* no BroadcastChannel: pages refresh on their own flush */ }
}

/** Puts a new submission in the outbox (before its first attempt). A pending entry of the same
 * school and period that never got an answer is replaced: the clerk's newest report is the one
 * to send. Answers the entry. */
export async function queue(entry) {
  const record = { attempts: 0, last_error: '', created_ms: Date.now(), ...entry };
  await tx(['outbox'], 'readwrite', async ({ outbox }) => {
    const all = await req(outbox.getAll());
    for (const old of all) {
      if (old.county_code === record.county_code && old.school_code === record.school_code && old.period === record.period) {
        outbox.delete(old.submission_id);
      }
    }
    outbox.put(record);
  });
  announce({ type: 'changed' });
  return record;
}

/** The pending submissions, oldest first. */
export async function pending() {
  const all = await tx(['outbox'], 'readonly', ({ outbox }) => req(outbox.getAll()));
  return all.sort((a, b) => a.created_ms - b.created_ms);
}

/** Copies the session's current CSRF value into every pending entry, so that the service worker,
 * which cannot read cookies, sends what the server expects now. */
export async function restampCsrf(csrf) {
  if (!csrf) return;
  await tx(['outbox'], 'readwrite', async ({ outbox }) => {
    for (const e of await req(outbox.getAll())) if (e.csrf !== csrf) outbox.put({ ...e, csrf });
  });
}

/** Keeps a receipt read from the server (an older version's), for offline reading. */
export const saveReceipt = (record) => tx(['receipts'], 'readwrite', ({ receipts }) => { receipts.put(record); });
export const getReceipt = (id) => tx(['receipts'], 'readonly', ({ receipts }) => req(receipts.get(id)));
export const listReceipts = async () =>
  (await tx(['receipts'], 'readonly', ({ receipts }) => req(receipts.getAll()))).sort((a, b) => b.saved_ms - a.saved_ms);
export const listRefusals = async () =>
  (await tx(['refusals'], 'readonly', ({ refusals }) => req(refusals.getAll()))).sort((a, b) => a.refused_ms - b.refused_ms);
export const dismissRefusal = (id) => tx(['refusals'], 'readwrite', ({ refusals }) => { refusals.delete(id); });
export const kvGet = async (key) => (await tx(['kv'], 'readonly', ({ kv }) => req(kv.get(key))))?.value;
export const kvSet = (key, value) => tx(['kv'], 'readwrite', ({ kv }) => { kv.put({ key, value }); });
export const kvDelete = (key) => tx(['kv'], 'readwrite', ({ kv }) => { kv.delete(key); });

/** Keeps a receipt the page received itself (and drops its outbox entry) in one transaction. */
export async function accept(entry, answer) {
  await tx(['outbox', 'receipts'], 'readwrite', ({ outbox, receipts }) => {
    receipts.put(receiptRecord(entry, answer));
    outbox.delete(entry.submission_id);
  });
  announce({ type: 'delivered', submission_id: entry.submission_id });
}

/** Records the server's refusal of `entry` and drops it from the outbox. */
export async function refuse(entry, err) {
  await tx(['outbox', 'refusals'], 'readwrite', ({ outbox, refusals }) => {
    refusals.put(refusalRecord(entry, err));
    outbox.delete(entry.submission_id);
  });
  announce({ type: 'refused', submission_id: entry.submission_id, code: err.code, message: err.message });
}

async function keep(entry, err) {
  await tx(['outbox'], 'readwrite', async ({ outbox }) => {
    // Only if it is still there: a page may have delivered it meanwhile.
    const now = await req(outbox.get(entry.submission_id));
    if (now) outbox.put({ ...now, attempts: (now.attempts ?? 0) + 1, last_error: err.message ?? String(err) });
  });
}

export function receiptRecord(entry, answer) {
  return {
    submission_id: entry.submission_id,
    receipt: answer.receipt ?? {},
    school_name: answer.school_name ?? '',
    duplicate: Boolean(answer.duplicate),
    warnings: answer.warnings ?? [],
    saved_ms: Date.now(),
  };
}

export function refusalRecord(entry, err) {
  return {
    submission_id: entry.submission_id,
    school_code: entry.school_code,
    period: entry.period,
    code: err.code ?? 'unknown',
    message: err.message ?? String(err),
    refused_ms: Date.now(),
  };
}

/** What to do with an entry whose attempt failed with `err`:
 *  'keep'   — nothing was decided (offline, server busy, session over): try again later;
 *  'refuse' — the server refused this report (invalid, stale version, window closed, ...).
 * A permission_denied is a refusal only when the page knows who is signed in (`owner`) and the
 * entry is not theirs: for the signed-in clerk's own school it can only mean a CSRF value out of
 * step with the session (the service worker's copy, a session renewed meanwhile), and the entry
 * waits for the page to send it with the current value. */
export function outcomeOf(err, { fromWorker = false, owner = null, entry = null } = {}) {
  if (!(err instanceof ApiError) || isRetryable(err)) return 'keep';
  if (err.code === 'unauthenticated') return 'keep';
  if (err.code === 'permission_denied') {
    if (fromWorker || !owner || !entry) return 'keep';
    const own = entry.county_code === owner.county_code && entry.school_code === owner.school_code;
    return own ? 'keep' : 'refuse';
  }
  return 'refuse';
}

/** Sends each entry in order with `send(entry)` and files the outcome with the handlers. Stops
 * at the first entry that must be kept for want of a connection (the rest would fail alike).
 * Answers {accepted, refused, kept} (lists of {entry, answer|err}). Storage-free: tested in node. */
export async function deliverEntries(entries, { send, onAccepted, onRefused, onKept, fromWorker = false, owner = null }) {
  const out = { accepted: [], refused: [], kept: [] };
  for (const entry of entries) {
    try {
      const answer = await send(entry);
      await onAccepted(entry, answer);
      out.accepted.push({ entry, answer });
    } catch (err) {
      if (outcomeOf(err, { fromWorker, owner, entry }) === 'refuse') {
        await onRefused(entry, err);
        out.refused.push({ entry, err });
      } else {
        await onKept(entry, err);
        out.kept.push({ entry, err });
        if (err instanceof ApiError && err.offline) break;
      }
    }
  }
  return out;
}

/** The SubmitReportRequest of an outbox entry, sent with the CSRF value it carries. */
export function sendEntry(entry, { csrf = '' } = {}) {
  return submitReport({
    county_code: entry.county_code,
    submission_id: entry.submission_id,
    report: entry.report,
    replaces_version: entry.replaces_version,
    submitter: entry.submitter,
  }, { csrf: csrf || entry.csrf || '', timeoutMs: 30000 });
}

// One delivery at a time per browser (pages and worker): Web Locks where there are some.
async function exclusively(work) {
  const locks = globalThis.navigator?.locks;
  if (locks?.request) return locks.request('junheng-outbox-delivery', work);
  return work();
}

/** Delivers every pending entry now. `csrf`: the page's current value (the worker passes none
 * and uses each entry's); `owner`: the page's session {county_code, school_code}. Answers the
 * outcome as deliverEntries does. */
export function flush({ csrf = '', fromWorker = false, owner = null } = {}) {
  return exclusively(async () => {
    if (csrf) await restampCsrf(csrf);
    return deliverEntries(await pending(), {
      send: (entry) => sendEntry(entry, { csrf }),
      onAccepted: accept,
      onRefused: refuse,
      onKept: keep,
      fromWorker,
      owner,
    });
  });
}
