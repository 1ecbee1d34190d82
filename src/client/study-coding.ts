// Progressive enhancement of coding inside a thematic review (views/research/coding.njk for the
// pseudonymised records, corpus-document.njk for a published report): selecting words in a text
// with the mouse (or the keyboard, with caret browsing) fills that text's coding form: the words
// in the passage box and the selection's code-point offsets in hidden fields, which the server
// uses while they still hold those words. The person then chooses a thematic code and submits
// the form as without JavaScript (the paste-and-offsets form keeps working on its own).
import { domToCp, excerpt } from './workbench-text.js';

function statusRegion(): HTMLElement {
  let el = document.getElementById('study-coding-status');
  if (!el) {
    el = document.createElement('div');
    el.id = 'study-coding-status';
    el.className = 'govuk-visually-hidden';
    el.setAttribute('role', 'status');
    document.body.append(el);
  }
  return el;
}

function announce(message: string): void {
  const el = statusRegion();
  el.textContent = '';
  window.setTimeout(() => (el.textContent = message), 50);
}

function enhance(text: HTMLElement): void {
  const form = document.getElementById(text.dataset.form ?? '');
  if (!(form instanceof HTMLFormElement)) return;
  const quote = form.querySelector<HTMLTextAreaElement>('[data-study-coding-quote]');
  const start = form.querySelector<HTMLInputElement>('[data-study-coding-start]');
  const end = form.querySelector<HTMLInputElement>('[data-study-coding-end]');
  const occurrence = form.querySelector<HTMLInputElement>('[data-study-coding-occurrence]');
  if (!quote || !start || !end) return;
  for (const hint of document.querySelectorAll<HTMLElement>('[data-study-coding-hint]'))
    hint.hidden = false;
  const chars = Array.from(text.textContent ?? '');
  let last = '';

  const read = (): void => {
    const s = window.getSelection();
    if (!s || s.isCollapsed || !s.anchorNode || !s.focusNode) return;
    if (!text.contains(s.anchorNode) || !text.contains(s.focusNode)) return;
    const a = domToCp(text, s.anchorNode, s.anchorOffset);
    const f = domToCp(text, s.focusNode, s.focusOffset);
    if (a === null || f === null || a === f) return;
    const [from, to] = [Math.min(a, f), Math.max(a, f)];
    const key = `${from}:${to}`;
    if (key === last) return;
    last = key;
    quote.value = chars.slice(from, to).join('');
    start.value = String(from);
    end.value = String(to);
    if (occurrence) occurrence.value = '';
    const code = form.querySelector<HTMLSelectElement>('select[name=code]');
    announce(
      `Selected “${excerpt(chars, from, to)}” (${to - from} characters), copied to the passage box${code ? `. Choose a thematic code, then ${form.querySelector('button')?.textContent?.trim() ?? 'submit'}` : ''}.`,
    );
  };

  text.addEventListener('mouseup', () => window.setTimeout(read, 0));
  text.addEventListener('keyup', (e) => {
    if (e.shiftKey) read();
  });
  // Words typed or pasted by hand are found by the server: the offsets no longer apply.
  quote.addEventListener('input', () => {
    start.value = '';
    end.value = '';
    last = '';
  });
}

for (const text of document.querySelectorAll<HTMLElement>('[data-module="app-study-coding"]'))
  enhance(text);

export {};
