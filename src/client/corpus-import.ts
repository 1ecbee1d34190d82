// Progressive enhancement of the corpus page while published reports are imported in the
// background: the status line follows the import (the status endpoint, every 2 seconds) and says
// when the reports are there. Without this script the page says how far it had got and offers a
// link to refresh.
interface Status {
  documents: number;
  job: {
    state: 'queued' | 'running' | 'done' | 'failed';
    phase: string;
    done: number;
    total: number;
    folder: string;
    added: number | null;
    error: string | null;
  } | null;
}

const n = (x: number): string => x.toLocaleString('en-GB');

function line(s: Status): string {
  const j = s.job;
  if (!j) return `${n(s.documents)} published reports are stored.`;
  if (j.state === 'queued') return `Published reports from ${j.folder} are waiting to be imported.`;
  if (j.state === 'failed')
    return `The import of published reports from ${j.folder} failed: ${j.error ?? ''}`;
  if (j.state === 'done')
    return `The import has finished: ${n(j.added ?? 0)} published reports added (${n(s.documents)} stored). Refresh the page to see them.`;
  if (j.phase === 'writing')
    return `Storing the published reports from ${j.folder}: ${n(j.done)} of ${n(j.total)}.`;
  return `Importing published reports from ${j.folder}: ${n(j.done)} of ${n(j.total)} read and checked.`;
}

function follow(box: HTMLElement): void {
  const status = box.querySelector<HTMLElement>('[data-corpus-import-status]');
  const url = box.dataset.statusUrl;
  if (!status || !url) return;
  let shown = status.textContent ?? '';
  const timer = window.setInterval(() => {
    void fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) return;
        const s = (await res.json()) as Status;
        const text = line(s);
        // Only changes are written, so a screen reader hears each step once.
        if (text !== shown) status.textContent = shown = text;
        if (!s.job || s.job.state === 'done' || s.job.state === 'failed')
          window.clearInterval(timer);
      })
      .catch(() => undefined);
  }, 2000);
}

for (const box of document.querySelectorAll<HTMLElement>('[data-module="app-corpus-import"]'))
  follow(box);

export {};
