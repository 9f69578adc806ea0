// The review page's diff of two report versions (web/public/js/bureau/report-diff.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countChanges,
  diffReports,
  displayValue,
  fieldChange,
  groupRows,
  previousVersion,
} from '../public/js/bureau/report-diff.js';

// A slice of /api/catalog.json's `report` list.
const CATALOG = [
  { name: 'school_code', label: '学校标识码', unit: '', kind: 'text', group: 'who', group_label: '学校' },
  { name: 'period', label: '填报期', unit: '', kind: 'text', group: 'who', group_label: '学校' },
  { name: 'primary_students', label: '小学在校生数', unit: '', kind: 'count', group: 'students', group_label: '学生' },
  { name: 'primary_teachers', label: '小学专任教师数', unit: '', kind: 'count', group: 'teachers', group_label: '教师' },
  { name: 'sports_area_m2', label: '体育运动场馆面积', unit: 'm²', kind: 'decimal', group: 'facilities', group_label: '校舍与设备' },
  { name: 'equipment_value_yuan', label: '教学仪器设备值', unit: '元', kind: 'decimal', group: 'facilities', group_label: '校舍与设备' },
  { name: 'has_charter', label: '学校章程', unit: '', kind: 'yes_no', group: 'management', group_label: '管理' },
  {
    name: 'ict_rating', label: '信息技术应用评价', unit: '', kind: 'word', group: 'management', group_label: '管理',
    words: [{ word: 'excellent', label: '优秀' }, { word: 'good', label: '良好' }],
  },
  { name: 'moral_culture_rating', label: '德育与校园文化评价', unit: '', kind: 'word', group: 'management', group_label: '管理',
    words: [{ word: 'good', label: '良好' }] },
];

const V1 = {
  school_code: '2140043005', period: '2024',
  primary_students: 620, primary_teachers: 45, sports_area_m2: 5479, equipment_value_yuan: 1554000,
  has_charter: true, ict_rating: 'excellent', moral_culture_rating: 'good',
};

test('a changed number is "changed" with its delta and ratio; equal values are "same"', () => {
  const v2 = { ...V1, sports_area_m2: 3835.3 };
  const rows = diffReports(V1, v2, CATALOG);
  const sports = rows.find((r) => r.name === 'sports_area_m2');
  assert.equal(sports.change, 'changed');
  assert.equal(sports.before, 5479);
  assert.equal(sports.after, 3835.3);
  assert.ok(Math.abs(sports.delta - (3835.3 - 5479)) < 1e-9);
  assert.ok(Math.abs(sports.ratio - (3835.3 - 5479) / 5479) < 1e-12);
  assert.equal(sports.before_text, '5,479 m²');
  assert.equal(sports.after_text, '3,835.3 m²');
  assert.equal(rows.find((r) => r.name === 'primary_students').change, 'same');
  assert.deepEqual(countChanges(rows), { same: 6, changed: 1, added: 0, removed: 0, emptied: 0 });
});

test('identity fields are never rows; the catalogue order is kept', () => {
  const rows = diffReports(V1, V1, CATALOG);
  assert.deepEqual(rows.map((r) => r.name), [
    'primary_students', 'primary_teachers', 'sports_area_m2', 'equipment_value_yuan',
    'has_charter', 'ict_rating', 'moral_culture_rating',
  ]);
});

test('a field reported only now is "added", one whose key is gone "removed", one now blank "emptied"', () => {
  const before = { ...V1 };
  delete before.primary_teachers;
  const after = { ...V1, ict_rating: '' };
  delete after.equipment_value_yuan;
  after.moral_culture_rating = null;
  const rows = diffReports(before, after, CATALOG);
  const change = Object.fromEntries(rows.map((r) => [r.name, r.change]));
  assert.equal(change.primary_teachers, 'added');
  assert.equal(change.equipment_value_yuan, 'removed');
  assert.equal(change.ict_rating, 'emptied');
  assert.equal(change.moral_culture_rating, 'emptied');
  assert.equal(rows.find((r) => r.name === 'equipment_value_yuan').after_text, '');
  assert.deepEqual(countChanges(rows), { same: 3, changed: 0, added: 1, removed: 1, emptied: 2 });
});

test('a zero is a value, not an empty cell: 0 -> absent is removed, absent -> 0 is added', () => {
  assert.equal(fieldChange({ a: 0 }, {}, 'a'), 'removed');
  assert.equal(fieldChange({}, { a: 0 }, 'a'), 'added');
  assert.equal(fieldChange({ a: 0 }, { a: 0 }, 'a'), 'same');
  const rows = diffReports({ sports_area_m2: 0 }, { sports_area_m2: 12 }, CATALOG);
  const r = rows.find((x) => x.name === 'sports_area_m2');
  assert.equal(r.change, 'changed');
  assert.equal(r.delta, 12);
  assert.equal(r.ratio, null);
});

test('an int64 sent as a string equals the same number', () => {
  assert.equal(fieldChange({ a: 5 }, { a: '5' }, 'a'), 'same');
  assert.equal(fieldChange({ a: 5 }, { a: '6' }, 'a'), 'changed');
});

test('flags and words change and show in Chinese', () => {
  const after = { ...V1, has_charter: false, ict_rating: 'good' };
  const rows = diffReports(V1, after, CATALOG);
  const charter = rows.find((r) => r.name === 'has_charter');
  assert.equal(charter.change, 'changed');
  assert.equal(charter.delta, null);
  assert.equal(charter.before_text, '是');
  assert.equal(charter.after_text, '否');
  const ict = rows.find((r) => r.name === 'ict_rating');
  assert.equal(ict.before_text, '优秀');
  assert.equal(ict.after_text, '良好');
  assert.equal(displayValue(CATALOG[7], 'unknown_word'), 'unknown_word');
});

test('with no older version every reported field is added and unreported ones stay same', () => {
  const rows = diffReports(null, { primary_students: 10 }, CATALOG);
  assert.equal(rows.find((r) => r.name === 'primary_students').change, 'added');
  assert.equal(rows.find((r) => r.name === 'sports_area_m2').change, 'same');
});

test('fields the catalogue does not know are kept at the end under their names', () => {
  const rows = diffReports({ ...V1, new_field: 1 }, { ...V1, new_field: 2 }, CATALOG);
  const last = rows[rows.length - 1];
  assert.equal(last.name, 'new_field');
  assert.equal(last.label, 'new_field');
  assert.equal(last.change, 'changed');
  assert.equal(last.group_label, '其他');
});

test('rows group by the catalogue group in first-seen order', () => {
  const groups = groupRows(diffReports(V1, V1, CATALOG));
  assert.deepEqual(groups.map((g) => [g.group_label, g.rows.length]), [
    ['学生', 1], ['教师', 1], ['校舍与设备', 2], ['管理', 3],
  ]);
});

test('the version compared against is the one just before the latest', () => {
  const versions = [{ version: '1' }, { version: '3' }, { version: '2' }];
  assert.equal(previousVersion(versions, '3'), 2);
  assert.equal(previousVersion(versions, 2), 1);
  assert.equal(previousVersion([{ version: '1' }], 1), null);
  assert.equal(previousVersion([], 1), null);
});
