// The workbench's query panel: a text search and a coding query through the JSON API, listing
// hits as links to the workbench; choosing one opens it in the centre pane with the hit selected.
interface Range2 {
  start: number;
  end: number;
}
interface SearchHit {
  evidenceId: string;
  reference: string;
  highlights: Array<[number, number]>;
  snippets: Array<{ start: number; text: string; highlights: Array<[number, number]> }>;
}
interface Passage {
  evidenceId: string;
  reference: string;
  start: number;
  end: number;
  before: string;
  text: string;
  after: string;
  codes: Array<{ name: string }>;
}
interface ApiError {
  error?: { message?: string; details?: Array<{ reason: string }> };
}

export interface QueryPanelOptions {
  activityId: string;
  csrfToken: string;
  /** Opens a record in the centre pane with the span selected. */
  open: (evidenceId: string, span: Range2 | null) => Promise<void>;
  announce: (message: string) => void;
}

function hitItem(
  activityId: string,
  evidenceId: string,
  label: string,
  span: Range2 | null,
  parts: Array<[string, boolean]>,
): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.className = 'govuk-link';
  a.href = `/activities/${activityId}/workbench?evidence=${encodeURIComponent(evidenceId)}`;
  a.textContent = label;
  a.dataset.hitEvidence = evidenceId;
  if (span) {
    a.dataset.hitStart = String(span.start);
    a.dataset.hitEnd = String(span.end);
  }
  const words = document.createElement('span');
  words.className = 'app-wb-margin__words';
  for (const [text, marked] of parts) {
    const el = document.createElement(marked ? 'mark' : 'span');
    el.textContent = text;
    words.append(el);
  }
  li.append(a, words);
  return li;
}

/** The snippet's text split into plain and highlighted parts (offsets are code points). */
function snippetParts(s: SearchHit['snippets'][number]): Array<[string, boolean]> {
  const chars = Array.from(s.text);
  const out: Array<[string, boolean]> = [];
  let at = 0;
  for (const [a, b] of s.highlights) {
    const from = Math.max(at, a - s.start);
    const to = Math.min(chars.length, b - s.start);
    if (to <= from) continue;
    if (from > at) out.push([chars.slice(at, from).join(''), false]);
    out.push([chars.slice(from, to).join(''), true]);
    at = to;
  }
  if (at < chars.length) out.push([chars.slice(at).join(''), false]);
  return out;
}

async function problem(res: Response): Promise<string> {
  const body = (await res.json().catch(() => ({}))) as ApiError;
  const reasons = body.error?.details?.map((d) => d.reason) ?? [];
  return [body.error?.message ?? 'The query failed.', ...reasons].join(' ');
}

export function enhanceQueryPanel(panel: HTMLElement, o: QueryPanelOptions): void {
  panel.hidden = false;
  const list = panel.querySelector<HTMLOListElement>('#wb-hits')!;
  const summary = panel.querySelector<HTMLElement>('#wb-hits-summary')!;
  const show = (text: string, items: HTMLLIElement[]) => {
    summary.textContent = text;
    list.replaceChildren(...items);
    o.announce(text);
  };

  panel.querySelector<HTMLFormElement>('#wb-search-form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = (panel.querySelector<HTMLInputElement>('#wb-q')?.value ?? '').trim();
    if (!q) return show('Type the words to search for.', []);
    void (async () => {
      const res = await fetch(
        `/api/v1/activities/${o.activityId}/evidence/search?limit=20&q=${encodeURIComponent(q)}`,
        {
          headers: { accept: 'application/json' },
          credentials: 'same-origin',
        },
      );
      if (!res.ok) return show(await problem(res), []);
      const r = (await res.json()) as { total: number; hits: SearchHit[] };
      show(
        `${r.total} record${r.total === 1 ? '' : 's'} match “${q}”${r.total > r.hits.length ? `; the first ${r.hits.length} are listed` : ''}.`,
        r.hits.map((h) => {
          const first = h.highlights[0];
          const snippet = h.snippets[0];
          return hitItem(
            o.activityId,
            h.evidenceId,
            h.reference,
            first ? { start: first[0], end: first[1] } : null,
            snippet ? snippetParts(snippet) : [],
          );
        }),
      );
    })();
  });

  panel.querySelector<HTMLFormElement>('#wb-coding-query-form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    const expression = (
      panel.querySelector<HTMLInputElement>('#wb-expression')?.value ?? ''
    ).trim();
    if (!expression) return show('Type a coding query, such as a code’s name.', []);
    void (async () => {
      const res = await fetch(`/api/v1/activities/${o.activityId}/analysis/coding-query`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-csrf-token': o.csrfToken,
        },
        credentials: 'same-origin',
        body: JSON.stringify({ expression, limit: 20, context: 60 }),
      });
      if (!res.ok) return show(await problem(res), []);
      const r = (await res.json()) as {
        understood: string;
        totalPassages: number;
        passages: Passage[];
      };
      show(
        `${r.totalPassages} passage${r.totalPassages === 1 ? '' : 's'} for ${r.understood}${r.totalPassages > r.passages.length ? `; the first ${r.passages.length} are listed` : ''}.`,
        r.passages.map((p) =>
          hitItem(
            o.activityId,
            p.evidenceId,
            `${p.reference}: ${p.codes.map((c) => c.name).join(', ')}`,
            { start: p.start, end: p.end },
            [
              [p.before, false],
              [p.text, true],
              [p.after, false],
            ],
          ),
        ),
      );
    })();
  });

  list.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-hit-evidence]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    const span = a.dataset.hitStart
      ? { start: Number(a.dataset.hitStart), end: Number(a.dataset.hitEnd) }
      : null;
    void o.open(a.dataset.hitEvidence!, span);
  });
}
