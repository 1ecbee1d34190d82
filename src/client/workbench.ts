// Progressive enhancement of the coding workbench (views/workbench): select text with the mouse
// or the keyboard, apply a code by clicking Apply, through the type-ahead picker (C) or with the
// number keys for recent codes, remove codings, and open records and query hits in the centre
// pane, all through the JSON API with the session's CSRF token. Offsets are code points. After
// each change the server renders the record part again (the page's own markup, one source of
// truth), and an aria-live region says what happened. With no network, a coding is queued on the
// device, encrypted, and synced once when the network returns (offline-store.ts). Without this
// script every part of the page still works as plain links and forms.
import { queueCoding, watchOffline } from './workbench-offline.js';
import { CodePicker, showRecentCodes, type PickerCode } from './workbench-picker.js';
import { enhanceQueryPanel } from './workbench-query.js';
import {
  cpToDom,
  domToCp,
  excerpt,
  nextWordEnd,
  previousWordStart,
  sentenceAt,
} from './workbench-text.js';

interface Selection2 {
  anchor: number;
  focus: number;
}
interface ApiError {
  error?: { code?: string; message?: string; details?: Array<{ reason: string }> };
}
const RECENT = 9;

class Workbench {
  private readonly activityId: string;
  private readonly canWrite: boolean;
  private readonly csrf: string;
  private readonly status: HTMLElement;
  private sel: Selection2 = { anchor: 0, focus: 0 };
  private chars: string[] = [];
  private recent: PickerCode[];
  private readonly picker: CodePicker;
  private settingSelection = false;

  constructor(private readonly root: HTMLElement) {
    this.activityId = root.dataset.activityId ?? '';
    this.canWrite = root.dataset.canWrite === 'true';
    this.csrf = document.querySelector<HTMLInputElement>('input[name=_csrf]')?.value ?? '';
    this.status = document.getElementById('wb-status')!;
    this.recent = [...document.querySelectorAll<HTMLElement>('.app-wb-recent li')].map((li) =>
      this.codeOf(li),
    );
    this.picker = new CodePicker(
      [...document.querySelectorAll<HTMLElement>('#wb-tree li[data-codable=true]')].map((li) =>
        this.codeOf(li),
      ),
      (code) => void this.apply(code),
      () => this.text?.focus(),
    );
    document.getElementById('wb-picker-slot')?.append(this.picker.element);
    this.addApplyButtons();
    this.bindRecord();
    this.listen();
    if (this.canWrite) this.workOffline();
    const panel = document.getElementById('wb-query');
    if (panel)
      enhanceQueryPanel(panel, {
        activityId: this.activityId,
        csrfToken: this.csrf,
        announce: (m) => this.announce(m),
        open: (evidenceId, span) => this.openRecord(this.urlFor({ evidence: evidenceId }), span),
      });
  }

  private get text(): HTMLElement | null {
    return document.getElementById('wb-text');
  }

  private codeOf(li: HTMLElement): PickerCode {
    const name = li.dataset.codeName ?? '';
    return { id: li.dataset.codeId ?? '', name, path: li.dataset.codePath ?? name };
  }

  private urlFor(params: Record<string, string | null>): string {
    const u = new URL(window.location.href);
    u.searchParams.delete('done');
    for (const [k, v] of Object.entries(params))
      if (v === null) u.searchParams.delete(k);
      else u.searchParams.set(k, v);
    return `${u.pathname}${u.search}`;
  }

  announce(message: string): void {
    this.status.textContent = '';
    window.setTimeout(() => (this.status.textContent = message), 50);
  }

  // Selection -------------------------------------------------------------------------------

  private bindRecord(): void {
    this.chars = Array.from(this.text?.textContent ?? '');
    this.sel = { anchor: 0, focus: 0 };
    this.describe();
  }

  private get span(): [number, number] {
    return [Math.min(this.sel.anchor, this.sel.focus), Math.max(this.sel.anchor, this.sel.focus)];
  }

  private select(anchor: number, focus: number, speak = false): void {
    const clamp = (n: number) => Math.max(0, Math.min(this.chars.length, n));
    this.sel = { anchor: clamp(anchor), focus: clamp(focus) };
    const text = this.text;
    if (text) {
      const a = cpToDom(text, this.sel.anchor);
      const f = cpToDom(text, this.sel.focus);
      this.settingSelection = true;
      window.getSelection()?.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
      window.setTimeout(() => (this.settingSelection = false), 0);
    }
    this.describe(speak);
  }

  private describe(speak = false): void {
    const line = document.getElementById('wb-selection');
    const [start, end] = this.span;
    let message: string;
    if (start === end) {
      const word = excerpt(this.chars, start, nextWordEnd(this.chars, start), 30).trim();
      message = `No text selected. Start point at character ${start} of ${this.chars.length}${word ? `, before “${word}”` : ''}.`;
    } else
      message = `Selected “${excerpt(this.chars, start, end)}” (${end - start} characters from ${start}).${this.canWrite ? ' Choose a code to apply.' : ''}`;
    if (line) {
      line.hidden = false;
      line.textContent = message;
    }
    if (speak)
      this.announce(start === end ? message : `Selected “${excerpt(this.chars, start, end)}”`);
  }

  /** Reads a mouse (or any other) selection inside the text. */
  private readDomSelection(): void {
    if (this.settingSelection) return;
    const s = window.getSelection();
    const text = this.text;
    if (!s || !text || !s.anchorNode || !s.focusNode) return;
    if (!text.contains(s.anchorNode) || !text.contains(s.focusNode)) return;
    const anchor = domToCp(text, s.anchorNode, s.anchorOffset);
    const focus = domToCp(text, s.focusNode, s.focusOffset);
    if (anchor === null || focus === null) return;
    this.sel = { anchor, focus };
    this.describe();
  }

  private textKey(e: KeyboardEvent): void {
    const { anchor, focus } = this.sel;
    const word = e.ctrlKey || e.altKey;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const forward = e.key === 'ArrowRight';
      const to = word
        ? forward
          ? nextWordEnd(this.chars, focus)
          : previousWordStart(this.chars, focus)
        : focus + (forward ? 1 : -1);
      this.select(e.shiftKey ? anchor : to, to, true);
    } else if (e.key === 'Home' || e.key === 'End') {
      const to = e.key === 'Home' ? 0 : this.chars.length;
      this.select(e.shiftKey ? anchor : to, to, true);
    } else if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    } else if (e.key === 's' || e.key === 'S') {
      const [a, b] = sentenceAt(this.chars, this.span[0]);
      this.select(a, b, true);
    } else if ((e.key === 'c' || e.key === 'C') && this.canWrite) {
      this.picker.open();
    } else if (/^[1-9]$/.test(e.key) && this.canWrite) {
      const code = this.recent[Number(e.key) - 1];
      if (code) void this.apply(code);
      else this.announce(`There is no recent code ${e.key} yet.`);
    } else if (e.key === 'Escape') {
      this.select(focus, focus, true);
    } else return;
    e.preventDefault();
  }

  // Changes ---------------------------------------------------------------------------------

  private async apply(code: PickerCode): Promise<void> {
    const text = this.text;
    if (!text) return;
    const [start, end] = this.span;
    if (start === end) {
      this.announce(`Select some text first, then apply ${code.name}.`);
      text.focus();
      return;
    }
    const coding = {
      evidenceId: text.dataset.evidenceId ?? '',
      start,
      end,
      evidenceVersion: Number(text.dataset.version),
      spanText: this.chars.slice(start, end).join(''),
    };
    const words = excerpt(this.chars, start, end);
    const res = navigator.onLine
      ? await fetch(`/api/v1/activities/${this.activityId}/codings`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            accept: 'application/json',
            'content-type': 'application/json',
            'x-csrf-token': this.csrf,
          },
          body: JSON.stringify({ ...coding, codeIds: [code.id] }),
        }).catch(() => null)
      : null;
    if (!res) {
      await queueCoding(this.activityId, { ...coding, codeId: code.id });
      this.remember(code);
      this.announce(
        `Coded “${words}” with ${code.name} on this device: it syncs when the network returns.`,
      );
      text.focus();
      return;
    }
    if (!res.ok) {
      this.announce(await this.problem(res));
      text.focus();
      return;
    }
    this.remember(code);
    await this.swap(this.urlFor({}), 'replace', [this.sel.anchor, this.sel.focus]);
    this.announce(`Coded “${words}” with ${code.name}.`);
    this.text?.focus();
  }

  private async remove(form: HTMLFormElement): Promise<void> {
    const id = form.dataset.codingId ?? '';
    const item = form.closest<HTMLElement>('.app-wb-margin__item');
    const name = item?.querySelector('.app-wb-margin__code')?.firstChild?.textContent ?? 'the code';
    const res = await fetch(`/api/v1/activities/${this.activityId}/codings/${id}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': this.csrf },
    });
    if (!res.ok) return this.announce(await this.problem(res));
    await this.swap(this.urlFor({ coding: null }), 'replace', [this.sel.anchor, this.sel.focus]);
    this.announce(`Removed the coding ${name}.`);
    document.getElementById('wb-margin-heading')?.setAttribute('tabindex', '-1');
    document.getElementById('wb-margin-heading')?.focus();
  }

  private async problem(res: Response): Promise<string> {
    const body = (await res.json().catch(() => ({}))) as ApiError;
    const reasons = body.error?.details?.map((d) => d.reason) ?? [];
    return [body.error?.message ?? 'That did not work.', ...reasons].join(' ');
  }

  private remember(code: PickerCode): void {
    this.recent = [code, ...this.recent.filter((c) => c.id !== code.id)].slice(0, RECENT);
    showRecentCodes(this.recent);
  }

  private workOffline(): void {
    watchOffline(this.csrf, () => {
      if (navigator.onLine)
        void this.swap(this.urlFor({}), 'none', [this.sel.anchor, this.sel.focus]);
    });
  }

  // Navigation ------------------------------------------------------------------------------

  /** Replaces the record and memo parts with the server's rendering of `url`. */
  private async swap(
    url: string,
    history: 'push' | 'replace' | 'none',
    keep?: [number, number],
  ): Promise<boolean> {
    const partUrl = new URL(url, window.location.href);
    partUrl.searchParams.set('part', 'record');
    const res = await fetch(partUrl, {
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    });
    if (!res.ok) {
      window.location.assign(url);
      return false;
    }
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const part = doc.getElementById('wb-part');
    const record = doc.getElementById('wb-record-part');
    const memos = doc.getElementById('wb-memos-part');
    if (!part || !record || !memos) {
      window.location.assign(url);
      return false;
    }
    document.getElementById('wb-record-region')?.replaceChildren(...record.childNodes);
    document.getElementById('wb-memos-region')?.replaceChildren(...memos.childNodes);
    document.title = part.dataset.title ?? document.title;
    const next = part.dataset.url ?? url;
    if (history === 'push') window.history.pushState({ workbench: true }, '', next);
    if (history === 'replace') window.history.replaceState({ workbench: true }, '', next);
    const id = this.text?.dataset.evidenceId;
    const count = Number(this.text?.dataset.codingCount ?? NaN);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.app-wb-list__link')) {
      if (a.dataset.evidenceId !== id) {
        a.removeAttribute('aria-current');
        continue;
      }
      a.setAttribute('aria-current', 'true');
      // Coding with scripts swaps only the record: keep the list's count in step with it.
      const shown = a.querySelector('[data-coding-count]');
      if (shown && Number.isFinite(count))
        shown.textContent = `${count} coding${count === 1 ? '' : 's'}`;
    }
    this.bindRecord();
    if (keep) this.select(keep[0], keep[1]);
    return true;
  }

  private async openRecord(
    url: string,
    span: { start: number; end: number } | null,
  ): Promise<void> {
    if (!(await this.swap(url, 'push'))) return;
    const ref = this.text?.dataset.reference ?? 'the record';
    if (span) {
      this.select(span.start, span.end);
      this.text?.focus();
      this.announce(`Opened ${ref} with “${excerpt(this.chars, span.start, span.end)}” selected.`);
    } else {
      document.getElementById('wb-record')?.focus();
      this.announce(`Opened ${ref}.`);
    }
  }

  private async selectCoding(link: HTMLAnchorElement): Promise<void> {
    const item = link.closest<HTMLElement>('.app-wb-margin__item');
    const start = Number(item?.dataset.start);
    const end = Number(item?.dataset.end);
    const name = link.firstChild?.textContent ?? '';
    if (!(await this.swap(link.href, 'replace'))) return;
    this.select(start, end);
    this.text?.focus();
    this.announce(
      `Selected “${excerpt(this.chars, start, end)}”, coded ${name}. Its memos are listed under Memos.`,
    );
  }

  // Wiring ----------------------------------------------------------------------------------

  private addApplyButtons(): void {
    if (!this.canWrite) return;
    for (const li of document.querySelectorAll<HTMLElement>('#wb-tree li[data-codable=true]')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'govuk-button govuk-button--secondary app-wb-apply';
      button.dataset.applyCode = li.dataset.codeId ?? '';
      button.append('Apply');
      const hidden = document.createElement('span');
      hidden.className = 'govuk-visually-hidden';
      hidden.textContent = ` ${li.dataset.codeName ?? ''}`;
      button.append(hidden);
      li.querySelector('.app-wb-tree__name')?.after(button);
    }
  }

  private filterTree(query: string): void {
    const q = query.trim().toLocaleLowerCase('en-GB');
    const visit = (li: HTMLElement): boolean => {
      const children = [...li.querySelectorAll<HTMLElement>(':scope > ul > li')];
      const childShown = children.map(visit).some(Boolean);
      const own = (li.dataset.codeName ?? '').toLocaleLowerCase('en-GB').includes(q);
      li.hidden = !(own || childShown);
      return !li.hidden;
    };
    const top = [...document.querySelectorAll<HTMLElement>('#wb-tree > li')];
    const any = top.map(visit).some(Boolean);
    const empty = document.getElementById('wb-tree-empty');
    if (empty) empty.hidden = any;
  }

  private listen(): void {
    document.addEventListener('selectionchange', () => this.readDomSelection());
    document.addEventListener('keydown', (e) => {
      if ((e.target as Element | null)?.id === 'wb-text') this.textKey(e);
    });
    document
      .getElementById('wb-code-filter')
      ?.addEventListener('input', (e) => this.filterTree((e.target as HTMLInputElement).value));
    this.root.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      const target = e.target as Element;
      const apply = target.closest<HTMLButtonElement>('[data-apply-code]');
      if (apply) {
        const li = apply.closest<HTMLElement>('li[data-code-id]');
        if (li) void this.apply(this.codeOf(li));
        return;
      }
      const coding = target.closest<HTMLAnchorElement>('a[data-select-coding]');
      if (coding) {
        e.preventDefault();
        void this.selectCoding(coding);
        return;
      }
      const record = target.closest<HTMLAnchorElement>('a.app-wb-list__link');
      if (record) {
        e.preventDefault();
        void this.openRecord(record.href, null);
      }
    });
    this.root.addEventListener('submit', (e) => {
      const form = e.target as HTMLFormElement;
      if (!form.matches('.app-wb-remove')) return;
      e.preventDefault();
      void this.remove(form);
    });
    window.addEventListener('popstate', () => void this.swap(window.location.href, 'none'));
  }
}

const root = document.querySelector<HTMLElement>('[data-module="app-workbench"]');
if (root) new Workbench(root);
