// The page the service worker answers with when a capture or coding page is asked for with no
// network (/offline, which holds no data). It puts back the page as it was last seen online, kept
// on the device encrypted with the session's key (offline-store.ts); app.js then enhances it as
// usual, so records, edits and codings made on it are queued and synced. With no kept page (or no
// key: signed out, or the session expired), it says so, and lists the person's own drafts kept in
// the activity's pack, when there is one.
import { keptPack, keptPage } from './offline-store.js';

export async function restorePage(): Promise<void> {
  const main = document.querySelector('main');
  const here = `${location.pathname}${location.search}`;
  if (!main || here.startsWith('/offline')) return;
  const page =
    (await keptPage(here).catch(() => null)) ??
    (await keptPage(location.pathname).catch(() => null));
  if (page) {
    main.innerHTML = page.html;
    document.title = page.title;
    return;
  }
  const activityId = /^\/activities\/([^/]+)\//.exec(location.pathname)?.[1];
  const pack = activityId ? await keptPack(activityId).catch(() => null) : null;
  const slot = document.getElementById('offline-drafts');
  if (!pack || !slot) return;
  const heading = document.createElement('h2');
  heading.className = 'govuk-heading-m';
  heading.textContent = `Your records in ${pack.activity.title}, kept on this device`;
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-list--bullet';
  for (const r of pack.ownRecords) {
    const li = document.createElement('li');
    li.textContent = `${r.reference} (version ${r.version}): ${r.text}`;
    list.append(li);
  }
  slot.replaceChildren(heading, list);
}
