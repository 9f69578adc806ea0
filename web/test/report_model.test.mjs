// The form's pure model: which fields a school sees, how typed cells become a SchoolReport, and
// the period and time helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureCatalog } from '../testlib/catalog_fixture.mjs';
import {
  buildReport, daysText, defaultPeriod, displayValue, formatTime, formFields, groupFields,
  humanizeRule, isValidSubmissionId, issuesByField, newSubmissionId, parseValue, previousPeriod,
  sectionsOfType, valuesFromReport,
} from '../public/js/report_model.js';

const catalog = fixtureCatalog();
const field = (name) => catalog.report.find((f) => f.name === name);
const base = { school_code: '2140043001', county_code: '140430', period: '2024' };

test('a primary school sees no junior or senior fields and no fixed fields', () => {
  const names = formFields(catalog, sectionsOfType(catalog, 'primary')).map((f) => f.name);
  assert.ok(names.includes('primary_students') && names.includes('has_charter'));
  assert.ok(!names.some((n) => n.startsWith('junior_') || n.startsWith('senior_')));
  assert.ok(!names.includes('school_code') && !names.includes('period') && !names.includes('county_code'));
});

test('a nine-year school sees primary and junior fields, a complete middle school no primary ones', () => {
  const nine = formFields(catalog, sectionsOfType(catalog, 'nine_year')).map((f) => f.name);
  assert.ok(nine.includes('primary_students') && nine.includes('junior_students') && !nine.includes('senior_students'));
  const cm = formFields(catalog, sectionsOfType(catalog, 'complete_middle')).map((f) => f.name);
  assert.ok(cm.includes('senior_students') && !cm.includes('primary_students'));
});

test('an unknown school type shows every section rather than hiding fields', () => {
  assert.deepEqual(sectionsOfType(catalog, 'no_such_type'), ['primary', 'junior', 'senior']);
});

test('groups come in the catalogue\'s order: students, teachers, facilities, funds, management', () => {
  const groups = groupFields(formFields(catalog, ['primary'])).map((g) => g.group);
  assert.deepEqual(groups, ['students', 'teachers', 'facilities', 'funds', 'management']);
});

test('counts are whole numbers; full-width digits and "120.0" are read, "120.5" and "620人" are not', () => {
  const f = field('primary_students');
  assert.deepEqual(parseValue(f, '620'), { value: 620 });
  assert.deepEqual(parseValue(f, '６２０'), { value: 620 });
  assert.deepEqual(parseValue(f, '120.0'), { value: 120 });
  assert.deepEqual(parseValue(f, ' '), { empty: true });
  assert.match(parseValue(f, '120.5').error, /不是整数/);
  assert.match(parseValue(f, '620人').error, /不是整数/);
  assert.match(parseValue(f, '99999999999').error, /太大/);
});

test('a negative count is passed on for the server to judge, not silently dropped', () => {
  assert.deepEqual(parseValue(field('primary_students'), '-620'), { value: -620 });
});

test('decimals take a point and proper thousands separators but no units', () => {
  const f = field('sports_area_m2');
  assert.deepEqual(parseValue(f, '5479.5'), { value: 5479.5 });
  assert.deepEqual(parseValue(f, '5,479'), { value: 5479 });
  assert.deepEqual(parseValue(f, '1,554,000.25'), { value: 1554000.25 });
  assert.match(parseValue(f, '54,79').error, /不是数字/);
  assert.match(parseValue(f, '5479平方米').error, /不带单位/);
});

test('shares read 0.95 and 95%', () => {
  const f = { name: 'x', kind: 'share' };
  assert.deepEqual(parseValue(f, '0.95'), { value: 0.95 });
  assert.deepEqual(parseValue(f, '95%'), { value: 0.95 });
});

test('yes/no become booleans and words the catalogue word, by word or Chinese name', () => {
  assert.deepEqual(parseValue(field('has_charter'), 'true'), { value: true });
  assert.deepEqual(parseValue(field('has_charter'), '否'), { value: false });
  assert.deepEqual(parseValue(field('ict_rating'), 'excellent'), { value: 'excellent' });
  assert.deepEqual(parseValue(field('ict_rating'), '良好'), { value: 'good' });
  assert.match(parseValue(field('ict_rating'), '很好').error, /优秀、良好、一般、较差/);
});

test('buildReport leaves empty cells out, types each value and reports the unreadable ones', () => {
  const fields = formFields(catalog, ['primary']);
  const { report, errors } = buildReport(fields, {
    primary_students: '620', primary_classes: '', sports_area_m2: '5479.0', has_charter: 'false',
    ict_rating: 'good', music_rooms: '两间',
  }, base);
  assert.deepEqual(report, {
    school_code: '2140043001', period: '2024', county_code: '140430',
    primary_students: 620, sports_area_m2: 5479, has_charter: false, ict_rating: 'good',
  });
  assert.deepEqual(Object.keys(errors), ['music_rooms']);
  assert.equal(JSON.stringify(report).includes('"has_charter":false'), true);
});

test('valuesFromReport is the inverse of buildReport', () => {
  const fields = formFields(catalog, ['primary']);
  const stored = { ...base, primary_students: 620, teaching_aux_area_m2: 3492.3, has_charter: true, no_excess_burden: false, ict_rating: 'excellent' };
  const values = valuesFromReport(fields, stored);
  assert.deepEqual(values, { primary_students: '620', teaching_aux_area_m2: '3492.3', has_charter: 'true', no_excess_burden: 'false', ict_rating: 'excellent' });
  assert.deepEqual(buildReport(fields, values, base).report, stored);
});

test('displayValue speaks Chinese for flags and words', () => {
  assert.equal(displayValue(field('has_charter'), true), '是');
  assert.equal(displayValue(field('has_charter'), false), '否');
  assert.equal(displayValue(field('ict_rating'), 'fair'), '一般');
  assert.equal(displayValue(field('primary_students'), undefined), '');
  assert.equal(displayValue(field('primary_students'), 0), '0');
});

test('a submission id fits the server\'s rule and differs every time', () => {
  const a = newSubmissionId();
  const b = newSubmissionId();
  assert.notEqual(a, b);
  for (const id of [a, b]) {
    assert.ok(isValidSubmissionId(id), id);
    assert.match(id, /^web-[0-9a-f-]{36}$/);
  }
  assert.ok(!isValidSubmissionId('web/1') && !isValidSubmissionId('') && !isValidSubmissionId('x'.repeat(65)));
});

const periods = [
  { period: '2023', opens_unix_ms: '1000', deadline_unix_ms: '2000', closes_unix_ms: '3000' },
  { period: '2024', opens_unix_ms: '4000', deadline_unix_ms: '5000', closes_unix_ms: '6000' },
  { period: '2024-autumn', opens_unix_ms: '4500', deadline_unix_ms: '5500', closes_unix_ms: '7000' },
];

test('the default period is the open one closing first, else the newest', () => {
  assert.equal(defaultPeriod(periods, 4700), '2024');
  assert.equal(defaultPeriod(periods, 6500), '2024-autumn');
  assert.equal(defaultPeriod(periods, 9000), '2024-autumn');
  assert.equal(defaultPeriod([], 9000), '');
});

test('the previous period is the next older defined one, else the year before', () => {
  assert.equal(previousPeriod(periods, '2024'), '2023');
  assert.equal(previousPeriod(periods, '2023'), '2022');
  assert.equal(previousPeriod([], '2024-autumn'), '2023-autumn');
  assert.equal(previousPeriod([], 'spring'), '');
});

test('times are shown in the server\'s offset, deadlines in days', () => {
  assert.equal(formatTime('2026-11-29T12:35:24.329+08:00'), '2026-11-29 12:35');
  assert.equal(formatTime('2026-11-29T12:35:24.329+08:00', { seconds: true }), '2026-11-29 12:35:24');
  assert.equal(daysText(3.4), '还有 3 天');
  assert.equal(daysText(0.2), '不到 1 天，今天截止');
  assert.equal(daysText(-2.5), '已过截止 2 天');
});

test('issues are filed under their field, the others under ""', () => {
  const by = issuesByField({
    violations: [{ field: 'primary_students', rule: 'a' }, { field: 'junior_students', rule: 'b' }],
    warnings: [{ field: 'primary_students', rule: 'c' }],
  }, ['primary_students']);
  assert.deepEqual(by.primary_students.violations.map((i) => i.rule), ['a']);
  assert.deepEqual(by.primary_students.warnings.map((i) => i.rule), ['c']);
  assert.deepEqual(by[''].violations.map((i) => i.rule), ['b']);
});

test('without crypto.randomUUID (older Chromium) the id is still a version-4 UUID', () => {
  const c = globalThis.crypto;
  Object.defineProperty(c, 'randomUUID', { value: undefined, configurable: true, writable: true });
  try {
    const id = newSubmissionId();
    assert.match(id, /^web-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(isValidSubmissionId(id));
  } finally {
    delete c.randomUUID;
  }
  assert.equal(typeof c.randomUUID, 'function');
});

test('localTime shows a browser moment in Beijing time', async () => {
  const { localTime } = await import('../public/js/report_model.js');
  assert.equal(localTime(Date.UTC(2026, 10, 29, 4, 35)), '2026-11-29 12:35');
});

test('field names in a server sentence become their Chinese labels', () => {
  assert.equal(humanizeRule('不能超过 primary_students（620），它是其中的一部分', catalog.report), '不能超过 小学在校生数（620），它是其中的一部分');
  assert.equal(humanizeRule('primary_classes = 700: must not exceed primary_students (620)', catalog.report), '小学教学班数 = 700: must not exceed 小学在校生数 (620)');
  assert.equal(humanizeRule('see report-fields.md or no_such_field', catalog.report), 'see report-fields.md or no_such_field');
});
