// Capture with no network (issue 17), on the "Record evidence" page. With the network, the form
// posts as always. Without it, the record is queued on the device, encrypted (AES-GCM) with the
// session's device key, and synced to /api/v1/activities/:id/offline/sync when the network
// returns (the `online` event, and a retry every 30 seconds while anything waits). Each queued
// operation has a client id, so a sync that is repeated arrives once. The key is fetched while
// online and kept only in this tab's sessionStorage: the server forgets it at sign-out, so the
// queue of a signed-out or expired session cannot be read. Signing out wipes the queue.
const form = document.querySelector<HTMLFormElement>('form[data-module="app-offline-capture"]');
const statusBox = document.querySelector<HTMLElement>('[data-offline-status]');
const DB_NAME = 'triangulate-offline';
const KEY_SLOT = 'triangulate-device-key';

interface Queued {
  id: string;
  activityId: string;
  iv: number[];
  data: ArrayBuffer;
  /** The server refused it (what to fix): kept on the device, shown, never sent again. */
  refused?: string;
}

interface SyncResultItem {
  clientId: string;
  status: string;
  error?: { message: string; details?: Array<{ field?: string; reason: string }> };
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('queue', { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const req = run(db.transaction('queue', mode).objectStore('queue'));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      }),
  );
}

async function deviceKey(): Promise<CryptoKey | null> {
  let raw = sessionStorage.getItem(KEY_SLOT);
  if (!raw && navigator.onLine) {
    const res = await fetch('/api/v1/offline/key', { credentials: 'same-origin' });
    if (res.ok) raw = ((await res.json()) as { key: string }).key;
    if (raw) sessionStorage.setItem(KEY_SLOT, raw);
  }
  if (!raw) return null;
  const bytes = Uint8Array.from(atob(raw), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function enqueue(activityId: string, op: Record<string, unknown>): Promise<void> {
  const key = await deviceKey();
  if (!key) throw new Error('No device key: sign in again with the network on');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(JSON.stringify(op)),
  );
  await tx('readwrite', (s) => s.put({ id: String(op.clientId), activityId, iv: [...iv], data }));
}

async function queued(): Promise<Queued[]> {
  return tx('readonly', (s) => s.getAll() as IDBRequest<Queued[]>);
}

async function textOf(item: Queued, key: CryptoKey): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: new Uint8Array(item.iv) },
    key,
    item.data,
  );
  return String((JSON.parse(new TextDecoder().decode(plain)) as { text?: string }).text ?? '');
}

async function showStatus(): Promise<void> {
  if (!statusBox) return;
  const all = await queued();
  const waiting = all.filter((q) => !q.refused).length;
  const refused = all.filter((q) => q.refused);
  statusBox.hidden = all.length === 0;
  statusBox.replaceChildren();
  if (waiting > 0) {
    const p = document.createElement('p');
    p.className = 'govuk-body';
    p.textContent = `${waiting} ${waiting === 1 ? 'record' : 'records'} waiting to sync`;
    statusBox.append(p);
  }
  if (refused.length === 0) return;
  // A refused record is never dropped: its words stay here until the inspector records them again.
  const key = await deviceKey().catch(() => null);
  const p = document.createElement('p');
  p.className = 'govuk-body';
  p.textContent = `${refused.length} ${refused.length === 1 ? 'record was' : 'records were'} refused by the server. Each is kept on this device: copy its text into the form, fix what is named and record it again.`;
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-list--bullet';
  for (const q of refused) {
    const li = document.createElement('li');
    li.textContent = `${q.refused ?? ''} — “${key ? await textOf(q, key) : '(sign in again to read it)'}”`;
    list.append(li);
  }
  statusBox.append(p, list);
}

let syncing = false;
async function sync(): Promise<void> {
  if (syncing || !navigator.onLine || !form) return;
  syncing = true;
  try {
    const items = await queued();
    if (items.length === 0) return;
    const key = await deviceKey();
    if (!key) return;
    const byActivity = new Map<string, Array<{ item: Queued; op: unknown }>>();
    for (const item of items) {
      if (item.refused) continue;
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: new Uint8Array(item.iv) },
        key,
        item.data,
      );
      const list = byActivity.get(item.activityId) ?? [];
      list.push({ item, op: JSON.parse(new TextDecoder().decode(plain)) as unknown });
      byActivity.set(item.activityId, list);
    }
    const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
    for (const [activityId, list] of byActivity) {
      const res = await fetch(`/api/v1/activities/${activityId}/offline/sync`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ operations: list.map((l) => l.op) }),
      });
      if (!res.ok) continue;
      const body = (await res.json()) as { results: SyncResultItem[] };
      // Applied, duplicate and conflict (kept on the server with both texts) leave the queue; a
      // refused record stays on the device with the reason, so no word is lost.
      for (const r of body.results) {
        const item = list.find((l) => l.item.id === r.clientId)?.item;
        if (r.status !== 'rejected') await tx('readwrite', (s) => s.delete(r.clientId));
        else if (item) {
          const why = [r.error?.message, ...(r.error?.details ?? []).map((d) => d.reason)]
            .filter(Boolean)
            .join(' ');
          await tx('readwrite', (s) => s.put({ ...item, refused: why || 'Refused' }));
        }
      }
    }
  } catch {
    // The network went again: the retry picks it up.
  } finally {
    syncing = false;
    await showStatus();
  }
}

/** The form's fields as the sync API's record operation takes them. */
function recordOperation(data: FormData): Record<string, unknown> {
  const get = (k: string) => String(data.get(k) ?? '').trim();
  const day = get('observedOn-day').padStart(2, '0');
  const month = get('observedOn-month').padStart(2, '0');
  const year = get('observedOn-year');
  const voice = data.getAll('voice').map(String);
  const fields: Record<string, unknown> = {
    method: get('method') || 'case_file_reading',
    judgementAreas: data.getAll('judgementAreas').map(String),
    childVoice: voice.includes('childVoice'),
    livedExperience: voice.includes('livedExperience'),
  };
  if (year && month !== '00' && day !== '00') fields.observedOn = `${year}-${month}-${day}`;
  if (get('newCaseRef')) Object.assign(fields, { caseRef: get('newCaseRef'), newCase: true });
  else if (get('caseRef')) fields.caseRef = get('caseRef');
  for (const k of ['practitionerRef', 'teamRef', 'locality', 'lineOfEnquiryId', 'direction'])
    if (get(k)) fields[k] = get(k);
  if (get('minutesSpent')) fields.minutesSpent = Number(get('minutesSpent'));
  if (get('infoSheetGiven') || get('consentGiven'))
    fields.consent = {
      infoSheetGiven: get('infoSheetGiven') === 'yes',
      consentGiven: get('consentGiven') === 'yes',
      givenBy: get('givenBy') || null,
    };
  return {
    kind: 'record',
    clientId: crypto.randomUUID(),
    // The device's own clock is exactly what writtenAt reports (the server keeps it, never trusts it).
    // eslint-disable-next-line no-restricted-syntax
    writtenAt: new Date().toISOString(),
    text: get('text'),
    fields,
  };
}

if (form) {
  const activityId = form.dataset.activity ?? '';
  if ('serviceWorker' in navigator)
    void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  void deviceKey().catch(() => null);
  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    const op = recordOperation(new FormData(form));
    if (!String(op.text)) return;
    void enqueue(activityId, op).then(async () => {
      form.querySelector<HTMLTextAreaElement>('textarea[name="text"]')!.value = '';
      await showStatus();
    });
  });
  window.addEventListener('online', () => void sync());
  setInterval(() => void sync(), 30_000);
  void showStatus().then(sync);
}

export {};
