// The device's offline copy (issue 17), shared by the capture page (offline.ts), the coding
// workbench and the page restorer (offline-shell.ts). Everything kept is encrypted (AES-GCM) with
// the session's device key: the queue of operations made with no network (new records, edits of
// one's own records with their base version, codings), the pages visited online (so they open with
// no network), and the activity's offline pack (its codebook, sample and one's own drafts). The key
// is fetched while online and kept only in this tab's sessionStorage; the server forgets it at
// sign-out, so a signed-out or expired session cannot read what is kept. Signing out wipes it all.
const DB_NAME = 'triangulate-offline';
const KEY_SLOT = 'triangulate-device-key';
export const SYNC_RESULT_EVENT = 'triangulate:offline-synced';

export interface Queued {
  id: string;
  activityId: string;
  /** What kind of operation (kept in clear so the waiting count reads without the key). */
  kind?: 'record' | 'edit' | 'coding';
  iv: number[];
  data: ArrayBuffer;
  /** The server refused it (what to fix): kept on the device, shown, never sent again. */
  refused?: string;
  /** The server kept it as a conflict with both texts: where to resolve it (no words kept). */
  conflictUrl?: string;
}

interface Kept {
  id: string;
  iv: number[];
  data: ArrayBuffer;
}

export interface SyncResultItem {
  clientId: string;
  status: string;
  conflictId?: string | null;
  error?: { message: string; details?: Array<{ field?: string; reason: string }> };
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('kept')) db.createObjectStore('kept', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(
  store: 'queue' | 'kept',
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const req = run(db.transaction(store, mode).objectStore(store));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      }),
  );
}

export async function deviceKey(): Promise<CryptoKey | null> {
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

async function seal(value: unknown): Promise<{ iv: number[]; data: ArrayBuffer }> {
  const key = await deviceKey();
  if (!key) throw new Error('No device key: sign in again with the network on');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv: [...iv], data };
}

async function open<T>(item: { iv: number[]; data: ArrayBuffer }, key: CryptoKey): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: new Uint8Array(item.iv) },
    key,
    item.data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** A new client id and the device's clock, which writtenAt reports (kept, never trusted). */
export function stamp(): { clientId: string; writtenAt: string } {
  // eslint-disable-next-line no-restricted-syntax
  return { clientId: crypto.randomUUID(), writtenAt: new Date().toISOString() };
}

export async function enqueue(
  activityId: string,
  op: { kind: 'record' | 'edit' | 'coding'; clientId: string } & Record<string, unknown>,
): Promise<void> {
  const sealed = await seal(op);
  await tx('queue', 'readwrite', (s) =>
    s.put({ id: op.clientId, activityId, kind: op.kind, ...sealed }),
  );
}

export function queued(): Promise<Queued[]> {
  return tx('queue', 'readonly', (s) => s.getAll() as IDBRequest<Queued[]>);
}

export function forget(id: string): Promise<undefined> {
  return tx('queue', 'readwrite', (s) => s.delete(id));
}

/** The words of a queued operation, or null when the key is gone (signed out, expired). */
export async function textOf(item: Queued): Promise<string | null> {
  const key = await deviceKey().catch(() => null);
  if (!key) return null;
  return String((await open<{ text?: string }>(item, key)).text ?? '');
}

let syncing = false;
/**
 * Sends what waits to the sync API (one batch per activity; each operation's client id makes a
 * repeat arrive once). Applied and duplicate leave the queue; a conflict leaves a note of where to
 * resolve it (the server keeps both texts); a refused one stays with the reason and its words.
 */
export async function syncQueue(csrf: string): Promise<void> {
  if (syncing || !navigator.onLine) return;
  syncing = true;
  try {
    const items = (await queued()).filter((q) => !q.refused && !q.conflictUrl);
    if (items.length === 0) return;
    const key = await deviceKey();
    if (!key) return;
    const byActivity = new Map<string, Array<{ item: Queued; op: unknown }>>();
    for (const item of items) {
      const list = byActivity.get(item.activityId) ?? [];
      list.push({ item, op: await open(item, key) });
      byActivity.set(item.activityId, list);
    }
    for (const [activityId, list] of byActivity) {
      // Records first, so a coding of a record captured offline finds it in the same batch.
      list.sort((a, b) => rank(a.item) - rank(b.item));
      const res = await fetch(`/api/v1/activities/${activityId}/offline/sync`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ operations: list.map((l) => l.op) }),
      });
      if (!res.ok) continue;
      const body = (await res.json()) as { results: SyncResultItem[] };
      for (const r of body.results) {
        const item = list.find((l) => l.item.id === r.clientId)?.item;
        if (!item) continue;
        if (r.status === 'applied' || r.status === 'duplicate') await forget(r.clientId);
        else if (r.status === 'conflict' && r.conflictId) {
          const conflictUrl = `/activities/${activityId}/offline/conflicts/${r.conflictId}`;
          await tx('queue', 'readwrite', (s) =>
            s.put({
              id: item.id,
              activityId,
              kind: item.kind,
              iv: [],
              data: new ArrayBuffer(0),
              conflictUrl,
            }),
          );
        } else {
          const why = [r.error?.message, ...(r.error?.details ?? []).map((d) => d.reason)]
            .filter(Boolean)
            .join(' ');
          await tx('queue', 'readwrite', (s) => s.put({ ...item, refused: why || 'Refused' }));
        }
      }
    }
  } catch {
    // The network went again: the next try picks it up.
  } finally {
    syncing = false;
    document.dispatchEvent(new Event(SYNC_RESULT_EVENT));
  }
}

const rank = (q: Queued) => (q.kind === 'record' ? 0 : q.kind === 'edit' ? 1 : 2);

/** Syncs now and whenever the network returns (and every 30 seconds while anything waits). */
export function keepSyncing(csrf: string): void {
  window.addEventListener('online', () => void syncQueue(csrf));
  setInterval(() => void syncQueue(csrf), 30_000);
  void syncQueue(csrf);
}

/** How many operations wait, by kind, and the refused and conflicted ones. */
export async function summary(): Promise<{
  waiting: Record<'record' | 'edit' | 'coding', number>;
  refused: Queued[];
  conflicts: Queued[];
}> {
  const all = await queued();
  const waiting = { record: 0, edit: 0, coding: 0 };
  for (const q of all) if (!q.refused && !q.conflictUrl) waiting[q.kind ?? 'record'] += 1;
  return {
    waiting,
    refused: all.filter((q) => q.refused),
    conflicts: all.filter((q) => q.conflictUrl),
  };
}

// Pages and the pack ---------------------------------------------------------------------------

export interface KeptPage {
  title: string;
  html: string;
}

/** Keeps a page as the server rendered it, so it opens with no network (offline-shell.ts). */
export async function keepPage(url: string, page: KeptPage): Promise<void> {
  const sealed = await seal(page);
  await tx('kept', 'readwrite', (s) => s.put({ id: `page:${url}`, ...sealed }));
}

export async function keptPage(url: string): Promise<KeptPage | null> {
  const key = await deviceKey().catch(() => null);
  if (!key) return null;
  const item = await tx(
    'kept',
    'readonly',
    (s) => s.get(`page:${url}`) as IDBRequest<Kept | undefined>,
  );
  return item ? open<KeptPage>(item, key).catch(() => null) : null;
}

export interface OfflinePack {
  activity: { id: string; title: string };
  codes: Array<{ id: string; name: string; isCodable: boolean }>;
  cases: Array<{ reference: string }>;
  ownRecords: Array<{ id: string; reference: string; version: number; text: string }>;
}

/** Fetches and keeps the activity's pack: its codebook, sample and the person's own drafts. */
export async function keepPack(activityId: string): Promise<void> {
  const res = await fetch(`/api/v1/activities/${activityId}/offline/pack`, {
    credentials: 'same-origin',
  });
  if (!res.ok) return;
  const sealed = await seal(await res.json());
  await tx('kept', 'readwrite', (s) => s.put({ id: `pack:${activityId}`, ...sealed }));
}

export async function keptPack(activityId: string): Promise<OfflinePack | null> {
  const key = await deviceKey().catch(() => null);
  if (!key) return null;
  const item = await tx(
    'kept',
    'readonly',
    (s) => s.get(`pack:${activityId}`) as IDBRequest<Kept | undefined>,
  );
  return item ? open<OfflinePack>(item, key).catch(() => null) : null;
}

export function registerWorker(): void {
  if ('serviceWorker' in navigator)
    void navigator.serviceWorker
      .register('/sw.js', { scope: '/', type: 'module' })
      .catch(() => undefined);
}

/** Signing out or forgetting the device: the key and everything kept go. */
export function wipe(): void {
  sessionStorage.removeItem(KEY_SLOT);
  indexedDB.deleteDatabase(DB_NAME);
}

export {};
