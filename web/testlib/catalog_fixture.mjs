// The report part of GET /api/catalog.json, rebuilt from common/catalog/fields.h (the catalogue's
// one source), so that the pure tests run on the real field names, kinds and sections without a
// server. Groups come from common/catalog/report_groups.cc: a group runs from its first field to
// the next group's first field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIELDS_H = fileURLToPath(new URL('../../common/catalog/fields.h', import.meta.url));
const GROUPS_CC = fileURLToPath(new URL('../../common/catalog/report_groups.cc', import.meta.url));

const SECTION_BITS = { kPrimary: ['primary'], kJunior: ['junior'], kSenior: ['senior'], kEverySection: ['primary', 'junior', 'senior'] };
const KINDS = { kText: 'text', kWord: 'word', kCount: 'count', kYear: 'year', kDecimal: 'decimal', kShare: 'share', kYesNo: 'yesno' };

function sections(expr) {
  const out = new Set();
  for (const part of expr.split('|')) for (const s of SECTION_BITS[part.trim()] ?? []) out.add(s);
  return [...out];
}

function words(text, name) {
  const m = new RegExp(`${name}\\[\\]\\s*=\\s*\\{([\\s\\S]*?)\\};`).exec(text);
  if (!m) return [];
  return [...m[1].matchAll(/\{"(\w+)",\s*"([^"]+)"(?:,\s*([^}]+))?\}/g)].map((w) => ({ word: w[1], label: w[2], sections: w[3] ? sections(w[3]) : undefined }));
}

// [{id, label, first}] in order.
function groups() {
  const text = readFileSync(GROUPS_CC, 'utf8');
  return [...text.matchAll(/\{"(\w+)",\s*"([^"]+)",\s*&report::(\w+)\}/g)].map((m) => ({ id: m[1], label: m[2], first: m[3] }));
}

export function fixtureCatalog() {
  const text = readFileSync(FIELDS_H, 'utf8');
  const ns = /namespace report \{([\s\S]*?)\}\s*\/\/ namespace report/.exec(text)[1];
  const report = [];
  const groupList = groups();
  let group = null;
  const re = /JUNHENG_(?:NUMBER|FLAG|TEXT)_FIELD\(\s*v1::SchoolReport,\s*(\w+),\s*"([^"]*)",\s*"([^"]*)",\s*Kind::(\w+),\s*([\w\s|]+?)\s*(?:,\s*(\w+))?\s*\)/g;
  for (const m of ns.matchAll(re)) {
    group = groupList.find((g) => g.first === m[1]) ?? group;
    const f = { name: m[1], label: m[2], unit: m[3], kind: KINDS[m[4]], sections: sections(m[5]), words: [], group: group?.id ?? '', group_label: group?.label ?? '' };
    if (m[6]) f.words = words(text, m[6]).map(({ word, label }) => ({ word, label }));
    report.push(f);
  }
  const school_types = words(text, 'kSchoolTypeWords');
  return { report, school_types, groups: groupList.map(({ id, label }) => ({ id, label })) };
}
