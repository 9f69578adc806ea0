// Registers the service worker (/sw.js, a module, scope /) that keeps the clerk's pages usable
// offline and sends the outbox when the network returns. Pages work without it (old browsers):
// they flush the outbox themselves on load and on `online`.
import { SYNC_TAG } from './outbox.js';

let registration = null;

export async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return null;
  try {
    registration = await navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/' });
  } catch (err) {
    console.warn('service worker not registered:', err);
    registration = null;
  }
  return registration;
}

/** Asks the browser to run the worker's outbox delivery when it is next online (Background
 * Sync, where the browser has it), and asks a running worker to flush now. */
export async function requestDelivery() {
  try {
    const reg = registration ?? (navigator.serviceWorker?.controller ? await navigator.serviceWorker.ready : null);
    if (reg?.sync) await reg.sync.register(SYNC_TAG);
    (reg?.active ?? navigator.serviceWorker?.controller)?.postMessage({ type: 'flush' });
  } catch { /* no worker or no sync: the page's own flush on `online` remains */ }
}
