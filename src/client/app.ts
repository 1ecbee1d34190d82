// Progressive enhancement: every page works without this; with it, GOV.UK components get their
// behaviour (password reveal, error summary focus, service navigation menu...).
const GOVUK_FRONTEND = '/static/govuk-frontend.min.js';

interface GovukFrontend {
  initAll(config?: Record<string, unknown>): void;
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
