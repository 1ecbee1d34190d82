// Capture with no network (issue 17), on the "Record evidence" and "Edit" pages. With the network,
// the form posts as always. Without it, a new record (or an edit of one's own record, carrying the
// version it started from) is queued on the device, encrypted with the session's device key
// (offline-store.ts), and synced when the network returns. A refused record stays on the device
// with the reason and its words; an edit that met a colleague's becomes a conflict the inspector
// resolves with both texts side by side (the link is shown here).
import {
  enqueue,
  forget,
  keepSyncing,
  registerWorker,
  stamp,
  summary,
  SYNC_RESULT_EVENT,
  textOf,
  deviceKey,
} from './offline-store.js';

const form = document.querySelector<HTMLFormElement>('form[data-module="app-offline-capture"]');
const statusBox = document.querySelector<HTMLElement>('[data-offline-status]');

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'govuk-body';
  p.textContent = text;
  return p;
}

async function showStatus(): Promise<void> {
  if (!statusBox) return;
  const { waiting, refused, conflicts } = await summary();
  const parts: string[] = [];
  if (waiting.record > 0) parts.push(plural(waiting.record, 'record', 'records'));
  if (waiting.edit > 0) parts.push(plural(waiting.edit, 'edit', 'edits'));
  if (waiting.coding > 0) parts.push(plural(waiting.coding, 'coding', 'codings'));
  statusBox.replaceChildren();
  statusBox.hidden = parts.length === 0 && refused.length === 0 && conflicts.length === 0;
  if (parts.length > 0) statusBox.append(paragraph(`${parts.join(', ')} waiting to sync`));
  if (conflicts.length > 0) {
    statusBox.append(
      paragraph(
        `${plural(conflicts.length, 'edit meets', 'edits meet')} a colleague’s change to the same record. Nothing was overwritten: compare both texts and choose what to keep.`,
      ),
    );
    const list = document.createElement('ul');
    list.className = 'govuk-list';
    for (const q of conflicts) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'govuk-link';
      a.href = q.conflictUrl ?? '#';
      a.textContent = 'Resolve the conflict';
      // The conflict lives on the server (Sync conflicts lists it): the device's note can go.
      a.addEventListener('click', () => void forget(q.id));
      li.append(a);
      list.append(li);
    }
    statusBox.append(list);
  }
  if (refused.length === 0) return;
  // A refused record is never dropped: its words stay here until the inspector records them again.
  statusBox.append(
    paragraph(
      `${refused.length} ${refused.length === 1 ? 'record was' : 'records were'} refused by the server. Each is kept on this device: copy its text into the form, fix what is named and record it again.`,
    ),
  );
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-list--bullet';
  for (const q of refused) {
    const li = document.createElement('li');
    const words = await textOf(q).catch(() => null);
    li.textContent = `${q.refused ?? ''} — “${words ?? '(sign in again to read it)'}”`;
    list.append(li);
  }
  statusBox.append(list);
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
  return { text: get('text'), fields };
}

if (form) {
  const activityId = form.dataset.activity ?? '';
  const evidenceId = form.dataset.evidenceId;
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  registerWorker();
  void deviceKey().catch(() => null);
  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    const { text, fields } = recordOperation(new FormData(form));
    if (!String(text)) return;
    // An edit offline changes the words only, from the version this page was opened at.
    const op = evidenceId
      ? {
          kind: 'edit' as const,
          ...stamp(),
          evidenceId,
          baseVersion: Number(form.dataset.baseVersion),
          text,
        }
      : { kind: 'record' as const, ...stamp(), text, fields };
    void enqueue(activityId, op).then(async () => {
      if (!evidenceId) form.querySelector<HTMLTextAreaElement>('textarea[name="text"]')!.value = '';
      await showStatus();
    });
  });
  document.addEventListener(SYNC_RESULT_EVENT, () => void showStatus());
  void showStatus().then(() => keepSyncing(csrf));
}

export {};
