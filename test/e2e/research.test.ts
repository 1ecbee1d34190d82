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
    for (const spec of [
      { key: 'ash', region: 'London', grade: 'good', records: 4 },
      { key: 'birch', region: 'London', grade: 'outstanding', records: 3 },
      { key: 'cedar', region: 'North West', grade: 'good', records: 5 },
      { key: 'elm', region: 'South West', grade: 'requires_improvement', records: 2 },
    ])
      published.push(await makePublishedInspection(database.db, spec));
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
