// The workbench's type-ahead code picker: a combobox that lists the codes whose name (or folder)
// contains what is typed; Up and Down choose, Enter applies, Escape closes. Built when first
// opened, from the codebook the page already shows. Also the numbered list of recent codes.
export interface PickerCode {
  id: string;
  name: string;
  path: string;
}

const MAX_OPTIONS = 30;

export class CodePicker {
  private readonly box: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private matches: PickerCode[] = [];
  private active = 0;

  constructor(
    private readonly codes: PickerCode[],
    private readonly onPick: (code: PickerCode) => void,
    private readonly onClose: () => void,
  ) {
    this.box = document.createElement('div');
    this.box.className = 'app-wb-picker';
    this.box.hidden = true;
    this.box.innerHTML = `
      <label class="govuk-label govuk-label--s" for="wb-picker-input">Code to apply</label>
      <div class="govuk-hint" id="wb-picker-hint">Type part of a code’s name. Up and Down arrows to choose, Enter to apply, Escape to close.</div>
      <input class="govuk-input" id="wb-picker-input" type="text" autocomplete="off" spellcheck="false"
        role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="wb-picker-list"
        aria-describedby="wb-picker-hint">
      <ul class="app-wb-picker__list" id="wb-picker-list" role="listbox" aria-label="Matching codes" hidden></ul>
      <p class="govuk-body-s govuk-!-margin-bottom-0" id="wb-picker-none" hidden>No code matches.</p>`;
    this.input = this.box.querySelector('input')!;
    this.list = this.box.querySelector('ul')!;
    this.input.addEventListener('input', () => this.filter());
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
    this.list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest<HTMLElement>('[role=option]');
      const code = this.matches.find((c) => `wb-opt-${c.id}` === li?.id);
      if (code) this.pick(code);
    });
  }

  get element(): HTMLElement {
    return this.box;
  }

  get isOpen(): boolean {
    return !this.box.hidden;
  }

  open(): void {
    this.box.hidden = false;
    this.input.value = '';
    this.filter();
    this.input.focus();
  }

  close(): void {
    if (this.box.hidden) return;
    this.box.hidden = true;
    this.onClose();
  }

  private filter(): void {
    const q = this.input.value.trim().toLocaleLowerCase('en-GB');
    const starts = (c: PickerCode) => c.name.toLocaleLowerCase('en-GB').startsWith(q);
    const has = (c: PickerCode) => c.path.toLocaleLowerCase('en-GB').includes(q);
    this.matches = [
      ...this.codes.filter(starts),
      ...this.codes.filter((c) => !starts(c) && has(c)),
    ].slice(0, MAX_OPTIONS);
    this.active = 0;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.matches.map((c, i) => {
        const li = document.createElement('li');
        li.id = `wb-opt-${c.id}`;
        li.className = 'app-wb-picker__option';
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', i === this.active ? 'true' : 'false');
        li.textContent = c.path;
        return li;
      }),
    );
    const any = this.matches.length > 0;
    this.list.hidden = !any;
    (this.box.querySelector('#wb-picker-none') as HTMLElement).hidden = any;
    this.input.setAttribute('aria-expanded', any ? 'true' : 'false');
    const current = this.matches[this.active];
    if (current) {
      this.input.setAttribute('aria-activedescendant', `wb-opt-${current.id}`);
      this.list.querySelector(`#wb-opt-${current.id}`)?.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.matches.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.matches.length) % this.matches.length;
      this.render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const code = this.matches[this.active];
      if (code) this.pick(code);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    }
  }

  private pick(code: PickerCode): void {
    this.close();
    this.onPick(code);
  }
}

/** Shows the numbered list of recent codes in the codebook (created the first time). */
export function showRecentCodes(codes: PickerCode[]): void {
  let list = document.querySelector<HTMLOListElement>('.app-wb-recent');
  if (!list) {
    const heading = document.createElement('h3');
    heading.className = 'govuk-heading-s';
    heading.id = 'wb-recent-heading';
    heading.textContent = 'Your recent codes';
    list = document.createElement('ol');
    list.className = 'app-wb-recent';
    list.setAttribute('aria-labelledby', 'wb-recent-heading');
    document.getElementById('wb-codebook-heading')?.after(heading, list);
  }
  list.replaceChildren(
    ...codes.map((c, i) => {
      const li = document.createElement('li');
      li.dataset.codeId = c.id;
      li.dataset.codeName = c.name;
      li.dataset.codePath = c.path;
      const key = document.createElement('span');
      key.className = 'app-wb-key';
      key.setAttribute('aria-hidden', 'true');
      key.textContent = String(i + 1);
      const hidden = document.createElement('span');
      hidden.className = 'govuk-visually-hidden';
      hidden.textContent = `Key ${i + 1}: `;
      li.append(key, hidden, c.name);
      return li;
    }),
  );
}
