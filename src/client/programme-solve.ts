// Progressive enhancement of the page that follows a programme solve: every 2 seconds it reads
// the same page again and copies its status line (only when it changes, so a screen reader hears
// each step once); when the solve has ended it opens the plan (or shows why it failed). Without
// this script the page offers a link to refresh.
function follow(box: HTMLElement): void {
  const status = box.querySelector<HTMLElement>('[data-programme-solve-status]');
  const url = box.dataset.statusUrl;
  if (!status || !url) return;
  let shown = status.textContent ?? '';
  const timer = window.setInterval(() => {
    void fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(async (res) => {
        if (!res.ok) return;
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const next = doc.querySelector('[data-programme-solve-status]');
        if (next) {
          const text = next.textContent ?? '';
          if (text !== shown) status.textContent = shown = text;
          return;
        }
        // The solve has ended: open the plan, or show the page that says why it failed.
        window.clearInterval(timer);
        const plan = doc.querySelector<HTMLAnchorElement>('a[href^="/programme/runs/"]');
        window.location.assign(plan ? plan.href : url);
      })
      .catch(() => undefined);
  }, 2000);
}

for (const box of document.querySelectorAll<HTMLElement>('[data-module="app-programme-solve"]'))
  follow(box);

export {};
