// A small reader of proto/junheng/v1/*.proto for the contract tests: the services with their
// methods, and every message with its field names. Enough of the proto3 grammar for these files
// (comments, nested messages and enums, oneof, map and repeated fields).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROTO_DIR = fileURLToPath(new URL('../../proto/junheng/v1/', import.meta.url));

const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');

// The text between the brace at `open` and its partner.
function block(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error('unbalanced braces');
}

// The top-level `kind Name { ... }` blocks of `text`: [{name, body}].
function blocks(text, kind) {
  const out = [];
  const re = new RegExp(`\\b${kind}\\s+(\\w+)\\s*\\{`, 'g');
  let m;
  let depth0End = 0;
  while ((m = re.exec(text)) !== null) {
    if (m.index < depth0End) continue; // nested in the previous block
    const open = m.index + m[0].length - 1;
    const body = block(text, open);
    out.push({ name: m[1], body });
    depth0End = open + body.length + 2;
  }
  return out;
}

function fieldsOf(body) {
  // Nested message and enum declarations are types, not fields.
  let rest = body;
  for (const kind of ['message', 'enum']) {
    for (const nested of blocks(rest, kind)) rest = rest.replace(nested.body, '');
  }
  const names = [];
  const re = /(?:^|[;{}\s])(?:optional\s+|repeated\s+)?(map\s*<[^>]+>|[\w.]+)\s+(\w+)\s*=\s*\d+\s*(?:\[[^\]]*\])?\s*;/g;
  let m;
  while ((m = re.exec(rest)) !== null) {
    if (['option', 'reserved'].includes(m[1])) continue;
    names.push(m[2]);
  }
  return names;
}

/** {services: Map(service → Map(method → {request, response})), messages: Map(name → [fields])} */
export function readProtos(dir = PROTO_DIR) {
  const services = new Map();
  const messages = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.proto')).sort()) {
    const text = stripComments(readFileSync(join(dir, file), 'utf8'));
    for (const { name, body } of blocks(text, 'message')) messages.set(name, fieldsOf(body));
    for (const { name, body } of blocks(text, 'service')) {
      const methods = new Map();
      const re = /rpc\s+(\w+)\s*\(\s*(?:stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(?:stream\s+)?([\w.]+)\s*\)/g;
      let m;
      while ((m = re.exec(body)) !== null) {
        methods.set(m[1], { request: m[2].split('.').pop(), response: m[3].split('.').pop(), file });
      }
      services.set(name, methods);
    }
  }
  return { services, messages };
}
