// Progressive enhancement: every page works without this; with it, GOV.UK components get their
// behaviour (password reveal, error summary focus, service navigation menu...).
const GOVUK_FRONTEND = '/static/govuk-frontend.min.js';

interface GovukFrontend {
  initAll(config?: Record<string, unknown>): void;
}

// The capture and coding pages are kept on the device (encrypted) as the server rendered them,
// before any script changed them, so they open with no network (offline-shell.ts).
const main = document.querySelector('main');
const pristine = main?.innerHTML ?? '';
const offlineRoot = document.querySelector<HTMLElement>(
  'form[data-module="app-offline-capture"], [data-module="app-workbench"]',
);

if (document.querySelector('[data-module="app-offline-shell"]')) {
  const shell = (await import('/static/offline-shell.js' as string)) as {
    restorePage(): Promise<void>;
  };
  await shell.restorePage();
} else if (offlineRoot && navigator.onLine) {
  const activityId = offlineRoot.dataset.activity ?? offlineRoot.dataset.activityId ?? '';
  const store = (await import('/static/offline-store.js' as string)) as {
    keepPage(url: string, page: { title: string; html: string }): Promise<void>;
    keepPack(activityId: string): Promise<void>;
  };
  void store
    .keepPage(`${location.pathname}${location.search}`, { title: document.title, html: pristine })
    .then(() => store.keepPack(activityId))
    .catch(() => undefined);
}

const govuk = (await import(GOVUK_FRONTEND)) as GovukFrontend;
govuk.initAll();

// Signing out (or forgetting this device) wipes the offline copy and the key that reads it.
for (const f of document.querySelectorAll<HTMLFormElement>(
  'form[action="/sign-out"], form[action="/account/forget-device"]',
))
  f.addEventListener('submit', () => {
    sessionStorage.removeItem('triangulate-device-key');
    indexedDB.deleteDatabase('triangulate-offline');
  });

// Page-specific enhancements, loaded only where their markup is.
if (document.querySelector('form[data-module="app-annex-a-upload"]'))
  await import('/static/annex-a-upload.js' as string);
if (document.querySelector('[data-module="app-keep-place"]'))
  await import('/static/keep-place.js' as string);
if (document.querySelector('[data-module="app-workbench"]'))
  await import('/static/workbench.js' as string);
if (document.querySelector('[data-module="app-corpus-import"]'))
  await import('/static/corpus-import.js' as string);
if (document.querySelector('[data-module="app-programme-solve"]'))
  await import('/static/programme-solve.js' as string);
if (document.querySelector('[data-module="app-offline-capture"]'))
  await import('/static/offline.js' as string);
if (document.querySelector('[data-module="app-study-coding"]'))
  await import('/static/study-coding.js' as string);

export {};
