// The clerk console's service worker (a module, scope /).
//
// 1. Keeps the app shell (pages, styles, scripts, the field catalogue) in a cache, so that the
//    pages open without a network. Network first: a PC or phone online always gets the server's
//    current pages; the cache answers only when the network does not, or is too slow.
// 2. Delivers the outbox (js/outbox.js) on the Background Sync event 'junheng-outbox' and when a
//    page posts {type: 'flush'}. The server makes delivery exactly-once: every entry carries its
//    submission_id, and the same id with the same content answers the earlier receipt.
//
// API calls (/junheng.v1.*), sign-in (/auth/*) and the other /api/ answers are never cached.
import { flush, SYNC_TAG } from './js/outbox.js';

const CACHE = 'junheng-shell-v1';
const SHELL = [
  '/', '/index.html', '/clerk.html', '/receipt.html', '/enrol.html',
  '/css/app.css', '/favicon.ico', '/manifest.webmanifest', '/icon-192.png',
  '/js/api.js', '/js/outbox.js', '/js/report_model.js', '/js/ui.js', '/js/sw_register.js',
  '/js/index.js', '/js/clerk.js', '/js/receipt.js', '/js/enrol.js', '/js/old_browser.js',
  '/api/catalog.json',
];
// How long a page load waits for the network before it takes the cached copy.
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one: a file the server does not have must not keep the rest out of the cache.
    await Promise.allSettled(SHELL.map((url) => cache.add(new Request(url, { cache: 'reload', credentials: 'same-origin' }))));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('junheng-shell-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

function cacheable(url, request) {
  if (request.method !== 'GET' || url.origin !== self.location.origin) return false;
  if (url.pathname.startsWith('/junheng.v1.') || url.pathname.startsWith('/auth/')) return false;
  if (url.pathname.startsWith('/api/')) return url.pathname === '/api/catalog.json';
  return true;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  });
  network.catch(() => {});
  const cached = () => cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  try {
    return await Promise.race([
      network,
      new Promise((resolve, reject) => setTimeout(async () => {
        const hit = await cached();
        if (hit) resolve(hit); else network.then(resolve, reject);
      }, NETWORK_WAIT_MS)),
    ]);
  } catch (err) {
    const hit = await cached();
    if (hit) return hit;
    if (request.mode === 'navigate') {
      const index = await cache.match('/index.html');
      if (index) return index;
    }
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!cacheable(url, event.request)) return;
  event.respondWith(networkFirst(event.request));
});

// Delivers the outbox; throws while entries wait for a connection, so that the browser retries
// the sync later.
async function deliver() {
  const out = await flush({ fromWorker: true });
  if (out.kept.some(({ err }) => err?.offline)) throw new Error('offline: the outbox waits');
  return out;
}

self.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(deliver());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'flush') event.waitUntil(deliver().catch(() => {}));
});
