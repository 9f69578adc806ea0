// The delivery rules of the outbox, without IndexedDB: what is kept for a later attempt and what
// is dropped as refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../public/js/api.js';
import { deliverEntries, outcomeOf, receiptRecord } from '../public/js/outbox.js';

const offline = () => new ApiError('unavailable', '连不上服务器', 0, { offline: true });
const refusal = (code) => new ApiError(code, `refused: ${code}`, 400);

test('offline, busy and expired-session failures keep the entry; refusals drop it', () => {
  assert.equal(outcomeOf(offline()), 'keep');
  assert.equal(outcomeOf(new ApiError('unavailable', 'x', 503)), 'keep');
  assert.equal(outcomeOf(new ApiError('resource_exhausted', 'x', 429)), 'keep');
  assert.equal(outcomeOf(new ApiError('deadline_exceeded', 'x', 504)), 'keep');
  assert.equal(outcomeOf(new ApiError('unauthenticated', 'x', 401)), 'keep');
  for (const code of ['invalid_argument', 'aborted', 'failed_precondition', 'already_exists', 'out_of_range', 'not_found']) {
    assert.equal(outcomeOf(refusal(code)), 'refuse', code);
  }
  assert.equal(outcomeOf(new TypeError('bug')), 'keep');
});

test('permission_denied drops another school\'s entry but keeps the signed-in clerk\'s own', () => {
  const owner = { county_code: '140430', school_code: '2140043001' };
  const own = { county_code: '140430', school_code: '2140043001' };
  const other = { county_code: '140430', school_code: '2140043002' };
  assert.equal(outcomeOf(refusal('permission_denied'), { owner, entry: other }), 'refuse');
  // For the clerk's own school only a CSRF value out of step with the session causes it.
  assert.equal(outcomeOf(refusal('permission_denied'), { owner, entry: own }), 'keep');
  assert.equal(outcomeOf(refusal('permission_denied'), { entry: other }), 'keep');
});

test('the service worker keeps a permission_denied: its CSRF value may be older than the session', () => {
  assert.equal(outcomeOf(refusal('permission_denied'), { fromWorker: true, owner: {}, entry: {} }), 'keep');
  assert.equal(outcomeOf(refusal('aborted'), { fromWorker: true }), 'refuse');
});

function recorder() {
  const log = [];
  return {
    log,
    onAccepted: async (e) => { log.push(['accepted', e.submission_id]); },
    onRefused: async (e, err) => { log.push(['refused', e.submission_id, err.code]); },
    onKept: async (e, err) => { log.push(['kept', e.submission_id, err.code]); },
  };
}

test('entries are sent in order and each outcome is filed', async () => {
  const r = recorder();
  const answers = { a: () => ({ receipt: { version: '1' } }), b: () => { throw refusal('aborted'); }, c: () => ({ receipt: { version: '2' } }) };
  const out = await deliverEntries(['a', 'b', 'c'].map((id) => ({ submission_id: id })), { ...r, send: async (e) => answers[e.submission_id]() });
  assert.deepEqual(r.log, [['accepted', 'a'], ['refused', 'b', 'aborted'], ['accepted', 'c']]);
  assert.equal(out.accepted.length, 2);
});

test('delivery stops at the first entry that finds no connection', async () => {
  const r = recorder();
  const sent = [];
  await deliverEntries(['a', 'b'].map((id) => ({ submission_id: id })), { ...r, send: async (e) => { sent.push(e.submission_id); throw offline(); } });
  assert.deepEqual(sent, ['a']);
  assert.deepEqual(r.log, [['kept', 'a', 'unavailable']]);
});

test('a receipt record keeps what the receipt page prints', () => {
  const rec = receiptRecord({ submission_id: 'web-1' }, { receipt: { version: '3', content_hash: 'ab' }, duplicate: true, school_name: '新店小学' });
  assert.equal(rec.submission_id, 'web-1');
  assert.equal(rec.duplicate, true);
  assert.equal(rec.school_name, '新店小学');
  assert.deepEqual(rec.warnings, []);
});
