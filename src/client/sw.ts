// The service worker (served as /sw.js, scope "/"): keeps the app shell (stylesheet, scripts,
// fonts and the GOV.UK assets) so that a capture page already open keeps working with no network.
// It never keeps pages or API answers: those carry children's data, and the device's copy of what
// it needs lives in IndexedDB encrypted with the session's key (offline.ts). Pages still work
// without JavaScript, and without this worker.
const CACHE = 'triangulate-shell-v1';
const SHELL = [
  '/static/app.css',
  '/static/app.js',
  '/static/govuk-frontend.min.js',
  '/static/offline.js',
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
      .then((c) => c.addAll(SHELL))
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
