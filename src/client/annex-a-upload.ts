// Progressive enhancement of the Annex A upload form: send the file in the background, show a
// progress bar from the import job's status, then open the report. Without this script the form
// posts normally and the page returns with the report.
interface JobStatus {
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: string;
  fraction: number;
  rows: number;
  pageUrl: string;
  error: { message: string } | null;
}

const PHASES: Record<string, string> = {
  queued: 'Waiting to start',
  reading: 'Reading and checking the rows',
  saving: 'Saving the rows',
  done: 'Finished',
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function enhanceAnnexAUpload(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLElement>('.app-annex-a-progress');
  const bar = form.querySelector<HTMLProgressElement>('progress');
  const status = form.querySelector<HTMLElement>('[data-status]');
  if (!box || !bar || !status) return;
  form.addEventListener('submit', (event) => {
    const input = form.querySelector<HTMLInputElement>('input[type=file]');
    if (!input?.files?.length) return; // let the server say what is missing
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button');
    if (button) button.disabled = true;
    box.hidden = false;
    status.textContent = 'Uploading the file';
    void (async () => {
      try {
        const res = await fetch(`${form.action}?async=1`, {
          method: 'POST',
          body: new FormData(form),
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
        });
        if (!res.ok) {
          form.submit();
          return;
        }
        const started = (await res.json()) as { statusUrl: string; pageUrl: string };
        for (;;) {
          await sleep(500);
          const s = await fetch(started.statusUrl, { credentials: 'same-origin' });
          if (!s.ok) break;
          const job = (await s.json()) as JobStatus;
          bar.value = Math.round(job.fraction * 100);
          status.textContent = `${PHASES[job.phase] ?? job.phase}: ${Math.round(job.fraction * 100)}% (${job.rows.toLocaleString('en-GB')} rows)`;
          if (job.state === 'done' || job.state === 'failed') break;
        }
        window.location.assign(started.pageUrl);
      } catch {
        form.submit();
      }
    })();
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>(
  'form[data-module="app-annex-a-upload"]',
))
  enhanceAnnexAUpload(form);
