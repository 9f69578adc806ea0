// Small DOM helpers of the clerk's pages. Text always goes in as text (never as HTML), so what
// a server or a file says cannot become markup.

/** document.getElementById */
export const $ = (id) => document.getElementById(id);

/** An element: h('p', {class: 'muted'}, 'text', child, ...). Attributes starting with "on" are
 * listeners; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/** A banner: kind is error | warn | ok | info | returned. */
export function banner(kind, title, ...body) {
  return h('div', { class: `banner banner-${kind}`, role: kind === 'error' || kind === 'returned' ? 'alert' : 'status' },
    title ? h('h3', {}, title) : null, ...body);
}

let toastTimer = 0;
/** A short message at the bottom of the screen. */
export function toast(text, ms = 4000) {
  let el = document.querySelector('.toast');
  if (!el) { el = h('div', { class: 'toast', role: 'status' }); document.body.append(el); }
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, ms);
}

/** Shows the offline bar while the browser has no network. */
export function watchNetwork(bar) {
  const update = () => { bar.hidden = navigator.onLine; };
  addEventListener('online', update);
  addEventListener('offline', update);
  update();
}
