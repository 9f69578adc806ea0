// The status board's arithmetic (web/public/js/bureau/submissions.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  firstTimeliness,
  missingByTown,
  reviewQueue,
  schoolsOfCard,
  statusCards,
  submissionsPerDay,
  toCsv,
} from '../public/js/bureau/submissions.js';

// China time is UTC+8: 2024-10-15T23:59:59.999+08:00, the end of the deadline day.
const ms = (text) => String(Date.parse(text));
const WINDOW = {
  opens_unix_ms: ms('2024-10-10T00:00:00+08:00'),
  deadline_unix_ms: ms('2024-10-15T23:59:59.999+08:00'),
  closes_unix_ms: ms('2024-10-20T23:59:59.999+08:00'),
};
const school = (code, state, first) => ({
  school_code: code, state, first_received_unix_ms: first ? ms(first) : undefined,
});

test('each school counts once, on the China-time day of its first receipt', () => {
  const schools = [
    school('1', 'on_time', '2024-10-10T09:00:00+08:00'),
    // 23:30 UTC on the 10th is 07:30 on the 11th in Beijing.
    school('2', 'accepted', '2024-10-10T23:30:00Z'),
    school('3', 'returned', '2024-10-11T08:00:00+08:00'),
    school('4', 'late', '2024-10-16T00:00:01+08:00'),
    school('5', 'not_submitted'),
  ];
  const s = submissionsPerDay(schools, WINDOW, Date.parse('2024-10-17T12:00:00+08:00'));
  assert.deepEqual(s.days, ['2024-10-10', '2024-10-11', '2024-10-12', '2024-10-13', '2024-10-14', '2024-10-15', '2024-10-16', '2024-10-17']);
  assert.deepEqual(s.on_time, [1, 2, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(s.late, [0, 0, 0, 0, 0, 0, 1, 0]);
  assert.deepEqual(s.total, [1, 2, 0, 0, 0, 0, 1, 0]);
  assert.deepEqual(s.cumulative, [1, 3, 3, 3, 3, 3, 4, 4]);
  assert.equal(s.deadline_day, '2024-10-15');
  assert.equal(s.deadline_index, 5);
});

test('a receipt at the very end of the deadline day is on time, one millisecond later is late', () => {
  const s = submissionsPerDay([
    { school_code: 'a', first_received_unix_ms: WINDOW.deadline_unix_ms },
    { school_code: 'b', first_received_unix_ms: String(Number(WINDOW.deadline_unix_ms) + 1) },
  ], WINDOW, Date.parse('2024-10-16T12:00:00+08:00'));
  const i = s.days.indexOf('2024-10-15');
  assert.equal(s.on_time[i], 1);
  assert.equal(s.late[s.days.indexOf('2024-10-16')], 1);
});

test('an open round shows the days up to the deadline even before anyone reported', () => {
  const s = submissionsPerDay([school('1', 'not_submitted')], WINDOW, Date.parse('2024-10-11T12:00:00+08:00'));
  assert.equal(s.days[0], '2024-10-10');
  assert.equal(s.days[s.days.length - 1], '2024-10-15');
  assert.ok(s.total.every((n) => n === 0));
  assert.equal(s.deadline_index, s.days.length - 1);
});

test('the days stop at the window close, however late the board is looked at', () => {
  const s = submissionsPerDay([school('1', 'on_time', '2024-10-12T10:00:00+08:00')], WINDOW, Date.parse('2025-03-01T00:00:00+08:00'));
  assert.equal(s.days[s.days.length - 1], '2024-10-20');
});

test('a period without a window has no deadline and spans its submissions only', () => {
  const s = submissionsPerDay([
    school('1', 'on_time', '2024-03-02T10:00:00+08:00'),
    school('2', 'on_time', '2024-03-04T10:00:00+08:00'),
  ], null, Date.parse('2024-12-01T00:00:00+08:00'));
  assert.deepEqual(s.days, ['2024-03-02', '2024-03-03', '2024-03-04']);
  assert.deepEqual(s.total, [1, 0, 1]);
  assert.equal(s.days[0], '2024-03-02');
  assert.equal(s.deadline_day, null);
  assert.equal(s.deadline_index, -1);
  assert.equal(s.late.reduce((a, b) => a + b, 0), 0);
  assert.equal(s.cumulative[s.cumulative.length - 1], 2);
});

test('no submissions and no window give an empty series', () => {
  const s = submissionsPerDay([school('1', 'not_submitted')], null, Date.now());
  assert.deepEqual(s.days, []);
});

test('the cards carry the answer counts and the rates of the schools due', () => {
  const cards = statusCards({ schools_total: 26, submitted: 23, on_time: 21, late: 2, incomplete: 1, returned: 1, accepted: 10, not_submitted: 2 });
  assert.deepEqual(cards.map((c) => [c.key, c.value]), [
    ['due', 26], ['submitted', 23], ['incomplete', 1], ['on_time', 21], ['late', 2], ['returned', 1], ['accepted', 10], ['not_submitted', 2],
  ]);
  assert.equal(cards[1].hint, '报送率 88.5%（只计填完的）');
  assert.equal(cards[3].hint, '及时率 80.8%');
  // Absent counts (proto3 zero values left out of JSON) are zeros.
  assert.deepEqual(statusCards({}).map((c) => c.value), [0, 0, 0, 0, 0, 0, 0, 0]);
});

test('timeliness survives a review: a returned or accepted school is on time or late by its first receipt', () => {
  const deadline = WINDOW.deadline_unix_ms;
  assert.equal(firstTimeliness(school('1', 'accepted', '2024-10-16T08:00:00+08:00'), deadline), 'late');
  assert.equal(firstTimeliness(school('2', 'returned', '2024-10-12T08:00:00+08:00'), deadline), 'on_time');
  assert.equal(firstTimeliness(school('3', 'not_submitted'), deadline), null);
  const schools = [
    school('1', 'accepted', '2024-10-16T08:00:00+08:00'),
    school('2', 'on_time', '2024-10-12T08:00:00+08:00'),
    school('3', 'not_submitted'),
    school('4', 'incomplete', '2024-10-11T08:00:00+08:00'),
  ];
  assert.deepEqual(schoolsOfCard(schools, 'late', deadline).map((s) => s.school_code), ['1']);
  assert.deepEqual(schoolsOfCard(schools, 'incomplete', deadline).map((s) => s.school_code), ['4']);
  assert.deepEqual(schoolsOfCard(schools, 'submitted', deadline).map((s) => s.school_code), ['1', '2']);
  assert.deepEqual(schoolsOfCard(schools, 'not_submitted', deadline).map((s) => s.school_code), ['3']);
  assert.equal(schoolsOfCard(schools, 'due', deadline).length, 4);
});

test('the review queue: undecided versions oldest first, then returned, then accepted', () => {
  const q = reviewQueue([
    { school_code: 'b', state: 'late', received_unix_ms: '300' },
    { school_code: 'a', state: 'on_time', received_unix_ms: '200' },
    { school_code: 'c', state: 'returned', received_unix_ms: '100' },
    { school_code: 'd', state: 'accepted', received_unix_ms: '50' },
    { school_code: 'e', state: 'not_submitted' },
  ]);
  assert.deepEqual(q.to_review.map((s) => s.school_code), ['a', 'b']);
  assert.deepEqual(q.returned.map((s) => s.school_code), ['c']);
  assert.deepEqual(q.accepted.map((s) => s.school_code), ['d']);
});

test('missing schools group by the registry town', () => {
  const registry = new Map([
    ['1', { town: '新店镇' }], ['2', { town: '故县镇' }], ['3', { town: '新店镇' }],
  ]);
  const groups = missingByTown([
    { school_code: '3', state: 'not_submitted' },
    { school_code: '1', state: 'not_submitted' },
    { school_code: '2', state: 'not_submitted' },
    { school_code: '4', state: 'not_submitted' },
    { school_code: '5', state: 'on_time' },
  ], registry);
  assert.deepEqual(groups.map((g) => [g.town, g.schools.map((s) => s.school_code)]), [
    ['', ['4']], ['故县镇', ['2']], ['新店镇', ['1', '3']],
  ]);
});

test('CSV for Excel: a byte-order mark, quoted cells where needed, CRLF lines', () => {
  assert.equal(toCsv([['学校', '意见'], ['一小', '面积, "请核实"']]),
    '\ufeff学校,意见\r\n一小,"面积, ""请核实"""\r\n');
});
