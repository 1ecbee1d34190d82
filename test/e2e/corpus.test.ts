// The corpus of published reports in a real browser (issue 20): a national user searches the
// corpus by phrase and grade, opens a report with its language findings, and reads the language
// checks by grade; an LA user reads the same public documents. The reports (written here, not
// Ofsted's) are imported before the server starts, in its data folder, through the use case the
// CLI calls. axe-core and the layout check on every page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { migrateToLatest } from '../../src/data/migrate.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { corpusFolder } from '../../src/domain/corpus/folder.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { importCorpus } from '../../src/usecases/corpus/import-corpus.js';
import { addThematicCode } from '../../src/usecases/research/add-thematic-code.js';
import { createStudy } from '../../src/usecases/research/create-study.js';
import { loadBundledHistory } from '../../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';
import { makeUser } from '../helpers/fixtures.js';

let run: E2eRun;
let studyId: string;
const PASSWORD = 'fixture password 123';
const signedIn = async (email: string) => {
  const page = await run.newPage();
  await run.signIn(page, email, PASSWORD);
  return page;
};

const report = (la: string, extra: string) =>
  `Inspection of ${la} local authority children’s services\n\nChildren are clearly safer. Managers always provide reflective supervision.\n${extra}\nLeaders know their services well.\n`;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'triangulate-e2e-corpus-'));
  const folder = mkdtempSync(path.join(tmpdir(), 'triangulate-e2e-corpus-files-'));
  const files: Record<string, string> = {
    "80429_birmingham__children's services inspection - 18 april 2023.txt": report(
      'Birmingham',
      'Due to the new front door, children get help quickly.',
    ),
    "80426_barnsley__children's services inspection - 08 august 2012.txt": report(
      'Barnsley',
      'It is evident that planning is weak.',
    ),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(folder, name), body);
  const database = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    await migrateToLatest(database.db);
    const ctx = {
      db: database.db,
      actor: systemActor('e2e'),
      catalog: loadActivityTypeCatalog(),
    };
    await loadLaReference(ctx);
    await loadBundledHistory(ctx);
    await importCorpus(ctx, { source: 'e2e', files: (await corpusFolder(folder)) ?? [] });
    // The data folder is not empty, so the server seeds no demo: the users are made here.
    await makeUser(database.db, 'e2e-national', 'national');
    await makeUser(database.db, 'e2e-la', 'la_user', { laId: 'barnsley' });
    // A thematic review of the researcher's, to code the reports in.
    const researcher = await makeUser(database.db, 'e2e-researcher', 'researcher');
    await addThematicCode(ctx, { key: 'reflective_supervision', name: 'Reflective supervision' });
    studyId = (
      await createStudy({ ...ctx, actor: researcher }, { title: 'Supervision in reports' })
    ).id;
  } finally {
    await database.close();
  }
  run = await E2eRun.start({ dataDir });
}, 240_000);
afterAll(async () => {
  await run?.stop();
});

describe('published reports', () => {
  it('a national user searches by phrase and grade, opens a report, reads the language table', async () => {
    const page = await signedIn('e2e-national@example.org');
    await page.goto(run.url('/corpus'));
    expect(await page.locator('h1').innerText()).toBe('Published reports');
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#q', 'reflective supervision');
    await page.locator('summary', { hasText: 'Filter by local authority context' }).click();
    await page.check('input[name="grades"][value="good"]');
    await submit(page, 'Search');
    const results = await page.locator('.govuk-table').innerText();
    expect(results).toContain('Birmingham');
    expect(results).not.toContain('Barnsley');
    expect(await page.locator('h2').first().innerText()).toContain('1 document');
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForNavigation(),
      page.locator('a', { hasText: 'Birmingham' }).first().click(),
    ]);
    expect(await page.locator('h1').innerText()).toContain('18 April 2023');
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('Good');
    expect(await page.locator('.app-wb-text').innerText()).toContain('Due to the new front door');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(run.url('/corpus/language?by=grade'));
    const table = await page.locator('.govuk-table').innerText();
    expect(table).toContain('Good');
    expect(table).toContain('Not known');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an LA user reads the same public reports', async () => {
    const page = await signedIn('e2e-la@example.org');
    await page.goto(run.url('/corpus?q=evident'));
    expect(await page.locator('.govuk-table').innerText()).toContain('Barnsley');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('coding a published report in a thematic review', () => {
  it('a researcher selects words with the mouse, codes them, and opens the passage from the coding query', async () => {
    const page = await signedIn('e2e-researcher@example.org');
    await page.goto(run.url(`/research/studies/${studyId}/corpus`));
    expect(await page.locator('h1').innerText()).toBe('Published reports');
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('a', { hasText: 'Barnsley' }).first().click(),
    ]);
    // The enhancement shows its hint once it has loaded.
    await page.locator('[data-study-coding-hint]').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await axeViolations(page)).toEqual([]);
    // Select "reflective supervision" in the text as a mouse would, then let go.
    await page.evaluate(() => {
      const text = document.getElementById('text')!;
      const node = text.querySelector('[data-start]')!.firstChild as Text;
      const at = node.data.indexOf('reflective supervision');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'reflective supervision'.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      text.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await page.waitForFunction(
      () => (document.getElementById('quote') as HTMLTextAreaElement).value !== '',
    );
    expect(await page.inputValue('#quote')).toBe('reflective supervision');
    expect(Number(await page.inputValue('input[name=start]'))).toBeGreaterThan(0);
    await page.selectOption('#code', 'reflective_supervision');
    await submit(page, 'Code the passage');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The passage was coded.',
    );
    expect(await page.locator('mark.app-wb-mark--selected').innerText()).toBe(
      'reflective supervision',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(run.url(`/research/studies/${studyId}/corpus/query?dimension=grade`));
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.locator('.govuk-table a').first().click()]);
    expect(await page.locator('h1').innerText()).toContain('Reflective supervision: Not known');
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('.govuk-inset-text a').first().click(),
    ]);
    expect(page.url()).toMatch(/\?coding=[0-9a-f-]{36}#coding-/);
    expect(await page.locator('mark.app-wb-mark--selected').innerText()).toBe(
      'reflective supervision',
    );
  });
});
