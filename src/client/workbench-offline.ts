// The coding workbench with no network (issue 17): a coding is queued on the device, encrypted
// with the session's key, and synced once when the network returns (offline-store.ts). A box on
// the page says how many wait, and names any the server refused (a record deleted meanwhile, or
// words no longer there); once all have arrived the record is shown as the server has it.
import {
  enqueue,
  keepSyncing,
  registerWorker,
  stamp,
  summary,
  SYNC_RESULT_EVENT,
} from './offline-store.js';

export interface OfflineCoding {
  evidenceId: string;
  evidenceVersion: number;
  codeId: string;
  start: number;
  end: number;
  spanText: string;
}

let pendingShown = false;

export async function queueCoding(activityId: string, coding: OfflineCoding): Promise<void> {
  await enqueue(activityId, { kind: 'coding', ...stamp(), ...coding });
  await showOffline();
}

/** Syncs what waits (now, on reconnect, every 30 s); `arrived` runs once all have arrived. */
export function watchOffline(csrf: string, arrived: () => void): void {
  registerWorker();
  document.addEventListener(SYNC_RESULT_EVENT, () => {
    void showOffline().then((left) => {
      if (pendingShown && left === 0) arrived();
      pendingShown = left > 0;
    });
  });
  keepSyncing(csrf);
}

/** Shows how many codings wait on the device (and the refused ones); answers how many wait. */
async function showOffline(): Promise<number> {
  const box = document.getElementById('wb-offline-status');
  const { waiting, refused } = await summary();
  const left = waiting.coding;
  if (left > 0) pendingShown = true;
  if (!box) return left;
  const lines: string[] = [];
  if (left > 0) lines.push(`${left} ${left === 1 ? 'coding' : 'codings'} waiting to sync`);
  for (const q of refused.filter((r) => r.kind === 'coding'))
    lines.push(`A coding made offline was refused: ${q.refused ?? ''}`);
  box.replaceChildren(
    ...lines.map((l) => {
      const p = document.createElement('p');
      p.className = 'govuk-body govuk-!-margin-bottom-1';
      p.textContent = l;
      return p;
    }),
  );
  box.hidden = lines.length === 0;
  return left;
}
