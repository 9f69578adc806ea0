// Words and numbers for the bureau's pages: the Chinese names of states and statuses, China-time
// dates, and numbers as the national forms round them. Pure: no DOM, no fetch.

// China time (UTC+8, no daylight saving): the bureau's days begin at 00:00 in Beijing.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

// A JSON int64 (a string in answers) or a number, as a Number; NaN when absent or not a number.
export function int64(v) {
  if (v === undefined || v === null || v === '') return NaN;
  return typeof v === 'number' ? v : Number(v);
}

// "2024-10-15": the China-time date of a Unix-millisecond instant.
export function chinaDay(ms) {
  const d = new Date(int64(ms) + CHINA_OFFSET_MS);
  return d.toISOString().slice(0, 10);
}

// The Unix milliseconds of 00:00 China time on `day` ("2024-10-15").
export function dayStartMs(day) {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS;
}

// The day after `day`, both "YYYY-MM-DD".
export function nextDay(day) {
  const d = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

// "2024-10-15 09:30" in China time, from Unix milliseconds or an RFC 3339 text; "—" when absent.
export function chinaTime(v) {
  let ms = int64(v);
  if (Number.isNaN(ms) && typeof v === 'string' && v) ms = Date.parse(v);
  if (Number.isNaN(ms) || ms === 0) return '—';
  const d = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

// A number with `decimals` decimals; "—" for absent values.
export function fixed(v, decimals = 2) {
  if (v === undefined || v === null || v === '' || Number.isNaN(Number(v))) return '—';
  return Number(v).toFixed(decimals);
}

// A number for a person: whole numbers as they are, others with up to 4 decimals, thousands
// separated the Chinese way ("1,554,000").
export function plain(v) {
  if (v === undefined || v === null || v === '') return '—';
  const n = Number(v);
  if (Number.isNaN(n)) return String(v);
  if (Number.isInteger(n)) return n.toLocaleString('zh-CN');
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

// A fraction as a percentage: 0.9615 -> "96.2%".
export function percent(v, decimals = 1) {
  if (v === undefined || v === null || Number.isNaN(Number(v))) return '—';
  return `${(Number(v) * 100).toFixed(decimals)}%`;
}

// A school's submission state (bureau.proto SchoolSubmission.state).
export const STATE_ZH = {
  not_submitted: '未报送',
  incomplete: '未填完',
  on_time: '按时报送',
  late: '逾期报送',
  returned: '已退回',
  accepted: '已审核通过',
};

// Everything judged in an evaluation (evaluation.proto): pass | fail | not_judged | excluded.
export const STATUS_ZH = {
  pass: '达标',
  fail: '未达标',
  not_judged: '无法判定',
  excluded: '不参评',
};

// The badge colour of each (dom.js badge: badge-pass, badge-fail, ...).
export const STATUS_BADGE = { pass: 'pass', fail: 'fail', not_judged: 'warn', excluded: 'plain' };

// A county's verdict (Evaluation.verdict, CountyEvaluationRow.verdict) as a sentence.
export const VERDICT_ZH = {
  pass: '达到优质均衡标准',
  fail: '未达到优质均衡标准',
  not_judged: '数据不全，暂无法认定',
};

export const LEVEL_ZH = { primary: '小学', junior: '初中' };

export const CATEGORY_ZH = {
  government: '政府保障程度',
  quality: '教育质量',
  social: '社会认可度',
  veto: '一票否决',
};

export const TRIGGER_ZH = {
  schedule: '定时',
  deadline: '截止时',
  close: '关闭时',
  manual: '手动',
};

export const ROLE_ZH = {
  bureau_admin: '教育局管理员',
  bureau_viewer: '教育局查看员',
  school_clerk: '学校填报员',
  auditor: '审计员',
  region_viewer: '市、省查看员',
};

// A google.protobuf.Value for a person: numbers with up to 4 decimals, 是/否, words, "—" for
// null, "k=v, ..." for an object (composite items such as G8), "[...]" for a list.
export function showValue(v) {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'number') return plain(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  if (typeof v === 'object') {
    return Object.keys(v)
      .sort()
      .map((k) => `${k}=${showValue(v[k])}`)
      .join(', ');
  }
  return String(v);
}
