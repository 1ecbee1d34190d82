// The research store in a real browser (issue 20): a researcher starts a thematic review, runs a
// cross-inspection matrix by region over published inspections, sees a small cell suppressed,
// opens a cell of pseudonymised passages, and cannot open the inspections' identifying pages
// (404). The published inspections are made before the server starts, in its data folder, through
// the use cases (test/helpers/research.ts). axe-core on every page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { migrateToLatest } from '../../src/data/migrate.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addThematicCode } from '../../src/usecases/research/add-thematic-code.js';
import { loadBundledHistory } from '../../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { loadBundledNationalStatistics } from '../../src/usecases/stats/load-bundled-national-statistics.js';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';
import { makeUser } from '../helpers/fixtures.js';
import {
  makePublishedInspection,
  SUPERVISION,
  type PublishedInspection,
} from '../helpers/research.js';

let run: E2eRun;
const published: PublishedInspection[] = [];
const RESEARCHER = 'e2e-researcher@example.org';
const PASSWORD = 'fixture password 123';
const researcherPage = async () => {
  const page = await run.newPage();
  await run.signIn(page, RESEARCHER, PASSWORD);
  return page;
};

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'triangulate-e2e-research-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    await migrateToLatest(database.db);
    // The real register, history and national statistics, for outcomes against context.
    const sys = { db: database.db, actor: systemActor('e2e'), catalog: loadActivityTypeCatalog() };
    await loadLaReference(sys);
    await loadBundledHistory(sys);
    await loadBundledNationalStatistics(sys);
    for (const spec of [
      { key: 'ash', region: 'London', grade: 'good', records: 4 },
      { key: 'birch', region: 'London', grade: 'outstanding', records: 3 },
      { key: 'cedar', region: 'North West', grade: 'good', records: 5 },
      { key: 'elm', region: 'South West', grade: 'requires_improvement', records: 2 },
    ])
      published.push(await makePublishedInspection(database.db, spec));
    await addThematicCode(sys, { key: 'supervision', name: 'Reflective supervision' });
    // The data folder is not empty, so the server seeds no demo: the researcher is made here.
    await makeUser(database.db, 'e2e-researcher', 'researcher');
  } finally {
    await database.close();
  }
  run = await E2eRun.start({ dataDir });
}, 240_000);
afterAll(async () => {
  await run?.stop();
});

describe('research store', () => {
  it('a researcher runs a matrix by region and opens a pseudonymised cell', async () => {
    const page = await researcherPage();
    await page.goto(run.url('/research'));
    expect(await page.locator('h1').innerText()).toBe('Research across published inspections');
    expect(await page.locator('body').innerText()).toContain('4 published inspections');
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#title', 'Supervision by region');
    await page.fill('#question', 'How well do authorities provide reflective supervision?');
    await submit(page, 'Start the study');
    expect(await page.locator('h1').innerText()).toBe('Supervision by region');
    expect(await axeViolations(page)).toEqual([]);

    await page.check(`input[name="rows"][value="criterion:${SUPERVISION}"]`);
    await page.selectOption('#dimension', 'region');
    await submit(page, 'Run the query');
    const table = page.locator('.govuk-table').first();
    const text = await table.innerText();
    expect(text).toContain('London');
    expect(text).toContain('<5'); // the South West: two records
    expect(text).not.toMatch(/shire/);
    expect(await axeViolations(page)).toEqual([]);

    const qdpxHref = await page.locator('a', { hasText: '(QDPX)' }).getAttribute('href');
    const qdpx = await page.request.get(run.url(qdpxHref!));
    expect(qdpx.status()).toBe(200);
    expect(qdpx.headers()['content-type']).toContain('application/zip');

    const london = page.locator('a[aria-label*="London"]');
    expect(await london.innerText()).toBe('7');
    await Promise.all([page.waitForNavigation(), london.click()]);
    expect(await page.locator('h1').innerText()).toContain('London');
    const passages = await page.locator('.govuk-table').innerText();
    expect(passages).toContain('Inspection');
    expect(passages).toContain('[person');
    for (const s of ['Bloggs', 'Patel', 'LCS-4000', 'Ashshire']) expect(passages).not.toContain(s);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a researcher reads outcomes against context, saves the definition and runs it again', async () => {
    const page = await researcherPage();
    await page.goto(run.url('/research/outcomes?by=rate&indicator=cp.rate_per_10k&era=ilacs'));
    expect(await page.locator('h1').innerText()).toBe('Outcomes against context');
    const body = await page.locator('main').innerText();
    expect(body).toContain('association, not a cause');
    expect(body).toContain("Spearman's rho");
    expect(await page.locator('svg[role="img"] title').textContent()).toMatch(/Grades by group/);
    const table = await page.locator('.govuk-table').first().innerText();
    expect(table).toContain('Group 1 of 4 (lowest)');
    expect(table).toContain('Inadequate');
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#definition-name', 'Child protection rate and grade');
    await submit(page, 'Save the definition');
    expect(await page.locator('h1').innerText()).toBe('Child protection rate and grade');
    expect(await page.locator('main').innerText()).toContain('association, not a cause');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(run.url('/research/definitions'));
    expect(await page.locator('main').innerText()).toContain('Child protection rate and grade');
    expect(await axeViolations(page)).toEqual([]);

    const csv = await page.request.get(run.url('/research/outcomes/export?by=size&format=csv'));
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Group 1 of 4');
  });

  it('a researcher saves a study query and runs it again from the saved definitions', async () => {
    const page = await researcherPage();
    await page.goto(run.url('/research'));
    await page.locator('a', { hasText: 'Supervision by region' }).first().click();
    await page.check(`input[name="rows"][value="criterion:${SUPERVISION}"]`);
    await page.selectOption('#dimension', 'region');
    await submit(page, 'Run the query');
    await page.fill('#definition-name', 'Supervision by region, saved');
    await submit(page, 'Save the definition');
    expect(await page.locator('h1').innerText()).toBe('Supervision by region, saved');
    const table = await page.locator('.govuk-table').first().innerText();
    expect(table).toContain('London');
    expect(table).toContain('<5');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a researcher codes a passage of a study record with a thematic code, and removes it', async () => {
    const page = await researcherPage();
    await page.goto(run.url('/research'));
    await Promise.all([
      page.waitForNavigation(),
      page.locator('a', { hasText: 'Supervision by region' }).first().click(),
    ]);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('a', { hasText: 'Code the study’s records' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Code the records');
    const main = await page.locator('main').innerText();
    for (const s of ['Bloggs', 'Patel', 'LCS-4000', 'Ashshire']) expect(main).not.toContain(s);
    expect(main).toContain('Next records');
    expect(await axeViolations(page)).toEqual([]);

    const form = page.locator('form[action$="/codings"]').first();
    const ref = await form.locator('input[name="record"]').getAttribute('value');
    expect(ref).toMatch(/^r-[0-9a-f]{12}$/);
    await page.selectOption(`#code-${ref}`, 'supervision');
    await page.fill(`#quote-${ref}`, 'Jo Bloggs');
    await Promise.all([page.waitForNavigation(), form.locator('button').click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('not in this record');
    expect(await axeViolations(page)).toEqual([]);

    const again = page.locator('form[action$="/codings"]').first();
    await page.selectOption(`#code-${ref}`, 'supervision');
    await page.fill(`#quote-${ref}`, 'reflective and regular');
    await Promise.all([page.waitForNavigation(), again.locator('button').click()]);
    const coded = await page.locator('main').innerText();
    expect(coded).toContain('The passage was coded.');
    expect(
      await page.locator('table', { hasText: 'Codings per thematic code' }).innerText(),
    ).toContain('Reflective supervision');
    expect(
      await page.locator('table', { hasText: `Codings of record ${ref}` }).innerText(),
    ).toContain('reflective and regular');
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForNavigation(),
      page.locator('form[action$="/remove"] button').first().click(),
    ]);
    expect(await page.locator('main').innerText()).toContain('The coding was removed.');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the researcher cannot open the inspections’ identifying pages', async () => {
    const page = await researcherPage();
    for (const p of published) {
      for (const part of ['evidence', 'workbench']) {
        const r = await page.goto(run.url(`/activities/${p.activityId}/${part}`));
        expect(r?.status(), `${part} of ${p.laName}`).toBe(404);
      }
    }
    const api = await page.goto(run.url(`/api/v1/activities/${published[0]!.activityId}/evidence`));
    expect(api?.status()).toBe(404);
  });
});
