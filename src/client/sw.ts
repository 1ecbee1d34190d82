// The service worker (served as /sw.js, scope "/"): keeps the app shell (stylesheet, scripts,
// fonts and the GOV.UK assets, and /offline: a page with no data) so that the capture and coding
// pages work with no network. It never keeps pages or API answers: those carry children's data,
// and the device's copy of what it needs lives in IndexedDB encrypted with the session's key
// (offline-store.ts). A page asked for with no network is answered with /offline, which puts back
// the page kept on the device (offline-shell.ts). Pages still work without JavaScript, and
// without this worker.
const CACHE = 'triangulate-shell-v2';
const OFFLINE_PAGE = '/offline';
const SHELL = [
  '/static/app.css',
  '/static/app.js',
  '/static/govuk-frontend.min.js',
  '/static/offline.js',
  '/static/offline-store.js',
  '/static/offline-shell.js',
  '/static/workbench.js',
  '/static/workbench-offline.js',
  '/static/workbench-picker.js',
  '/static/workbench-query.js',
  '/static/workbench-text.js',
  '/manifest.webmanifest',
];

interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(r: Promise<Response>): void;
}

const sw = self as unknown as {
  addEventListener(type: string, fn: (e: never) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
};

sw.addEventListener('install', (e: ExtendableEventLike) => {
  e.waitUntil(
    caches
      .open(CACHE)
      // The offline page is fetched without the session: it must hold nobody's name or token.
      .then((c) => c.addAll([...SHELL, new Request(OFFLINE_PAGE, { credentials: 'omit' })]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e: ExtendableEventLike) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (e: FetchEventLike) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin) return;
  if (e.request.mode === 'navigate') {
    // Pages always come from the network; with none, the data-free offline page.
    e.respondWith(
      fetch(e.request).catch(async () => (await caches.match(OFFLINE_PAGE)) ?? Response.error()),
    );
    return;
  }
  if (!url.pathname.startsWith('/static/') && !url.pathname.startsWith('/assets/')) return;
  // Network first (a new release's files), the shell cache when there is no network.
  e.respondWith(
    fetch(e.request)
      .then(async (res) => {
        if (res.ok) await (await caches.open(CACHE)).put(e.request, res.clone());
        return res;
      })
      .catch(async () => (await caches.match(e.request)) ?? Response.error()),
  );
});

export {};
