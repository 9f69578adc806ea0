// A few DOM helpers for the bureau's views: elements from plain data, never from HTML strings, so
// that nothing a school typed is ever parsed as markup.

// h('td', {class: 'num', title: '...'}, 'text', child, [more]): attributes with `on*` functions
// become listeners, `dataset` an object, `style` a string; children are nodes, strings or
// numbers (null, undefined and false are skipped), arrays flattened.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

// Replaces everything inside `el` with `children`.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A status badge: 达标 / 未达标 / 无法判定 / 不参评, or a submission state.
export function badge(text, kind) {
  return h('span', { class: `badge badge-${kind || 'plain'}` }, text);
}

// A message box: kind "error", "warn", "info" or "ok".
export function note(kind, ...children) {
  return h('div', { class: `note note-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

// A spinner line while something loads.
export function loading(text = '正在读取…') {
  return h('div', { class: 'loading', role: 'status' }, text);
}

// A table's header row: each column a label, or [label, 'num'] for a right-aligned number column.
export function headRow(columns) {
  return h('thead', {}, h('tr', {}, columns.map((c) => (Array.isArray(c) ? h('th', { class: c[1] }, c[0]) : h('th', {}, c)))));
}
