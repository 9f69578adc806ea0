// The API client against the protos: every RPC of proto/junheng/v1 is in METHODS and nothing
// else is, and every key a request builder sends is a field of its request message. A renamed or
// removed proto field fails here, not in a clerk's browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProtos } from '../testlib/proto.mjs';
import { METHODS, REQUEST_KEYS, build } from '../public/js/api.js';
import { fixtureCatalog } from '../testlib/catalog_fixture.mjs';
import { buildReport, formFields } from '../public/js/report_model.js';

const { services, messages } = readProtos();
const protoMethods = [...services].flatMap(([service, ms]) => [...ms.keys()].map((method) => `${service}/${method}`));

test('the protos are read: services, methods and messages were found', () => {
  assert.ok(services.size >= 7, `only ${services.size} services`);
  assert.ok(messages.has('SchoolReport') && messages.has('SubmitReportRequest'));
});

test('METHODS lists every RPC of the protos', () => {
  const listed = new Set(METHODS.map((m) => `${m.service}/${m.method}`));
  const missing = protoMethods.filter((m) => !listed.has(m));
  assert.deepEqual(missing, [], `api.js METHODS misses ${missing.join(', ')}`);
});

test('METHODS names no RPC the protos do not have', () => {
  const known = new Set(protoMethods);
  const unknown = METHODS.map((m) => `${m.service}/${m.method}`).filter((m) => !known.has(m));
  assert.deepEqual(unknown, [], `api.js METHODS names ${unknown.join(', ')}, not in proto/junheng/v1`);
});

test('METHODS is frozen and has no duplicates', () => {
  assert.ok(Object.isFrozen(METHODS) && METHODS.every(Object.isFrozen));
  const names = METHODS.map((m) => m.method);
  assert.equal(new Set(names).size, names.length);
});

test('every request builder belongs to a method of the protos', () => {
  const known = new Set(protoMethods.map((m) => m.split('/')[1]));
  const unknown = Object.keys(build).filter((m) => !known.has(m));
  assert.deepEqual(unknown, []);
});

test('every key of every request builder is a field of its request message', () => {
  for (const [method, keys] of Object.entries(REQUEST_KEYS)) {
    const entry = [...services.values()].map((ms) => ms.get(method)).find(Boolean);
    assert.ok(entry, `${method} is not an RPC of the protos`);
    const fields = messages.get(entry.request);
    assert.ok(fields, `message ${entry.request} (request of ${method}) not found`);
    const unknown = keys.filter((k) => !fields.includes(k));
    assert.deepEqual(unknown, [], `${method}: ${unknown.join(', ')} not in ${entry.request} {${fields.join(', ')}}`);
  }
});

test('REQUEST_KEYS are exactly the keys the builders send, whatever the arguments', () => {
  for (const [method, make] of Object.entries(build)) {
    const sample = Object.fromEntries(REQUEST_KEYS[method].map((k) => [k, 'x']));
    assert.deepEqual(Object.keys(make(sample)), [...REQUEST_KEYS[method]], method);
    assert.deepEqual(Object.keys(make({ unrelated: 1 })), [...REQUEST_KEYS[method]], method);
  }
});

test('the pages\' requests cover the clerk\'s calls', () => {
  for (const m of ['SubmitReport', 'ValidateReport', 'GetReport', 'ListReportVersions', 'GetSchool', 'ListPeriods', 'Due']) {
    assert.ok(REQUEST_KEYS[m], `no builder for ${m}`);
  }
  assert.deepEqual([...REQUEST_KEYS.ValidateReport], ['county_code', 'report']);
});

test('a report built from the catalogue has only SchoolReport fields', () => {
  const catalog = fixtureCatalog();
  const fields = formFields(catalog, ['primary', 'junior', 'senior']);
  const values = Object.fromEntries(fields.map((f) => [f.name,
    f.kind === 'yesno' ? 'true' : f.kind === 'word' ? f.words[0].word : f.kind === 'text' ? 'x' : '1']));
  const { report, errors } = buildReport(fields, values, { school_code: '2140043001', county_code: '140430', period: '2024' });
  assert.deepEqual(errors, {});
  const schoolReport = messages.get('SchoolReport');
  const unknown = Object.keys(report).filter((k) => !schoolReport.includes(k));
  assert.deepEqual(unknown, []);
  assert.equal(Object.keys(report).length, catalog.report.length);
});

test('int64 request fields travel as strings, as the Connect JSON mapping allows', () => {
  assert.equal(build.SubmitReport({ replaces_version: 3 }).replaces_version, '3');
  assert.equal(build.GetReport({ version: 0 }).version, '0');
});
