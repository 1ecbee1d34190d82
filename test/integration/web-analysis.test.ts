// The analysis pages without JavaScript, on the demo's first day of fieldwork: text search with
// highlighted hits, the coding query builder and its downloads, the matrix whose cells open
// their passages, co-occurrence, balance and bias, vignettes and the team meeting view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
  type WebClient,
} from '../helpers/app.js';

let t: TestApp;
let base: string;
let lead: WebClient;
let coded: Array<{ id: string; name: string }>;

beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}/analysis`;
  lead = await signInAs(t, 'lead');
  coded = await t.database.db
    .selectFrom('codes as c')
    .innerJoin('codings as k', 'k.code_id', 'c.id')
    .select(['c.id', 'c.name'])
    .where('c.activity_id', '=', t.demo.activityId)
    .groupBy(['c.id', 'c.name'])
    .orderBy('c.name')
    .execute();
});
afterAll(async () => t?.close());

const links = (html: string, pattern: RegExp) =>
  [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => decodeHtml(m[1]!))
    .filter((h) => pattern.test(h));

describe('analysis pages', () => {
  it('searches with stemming, phrases and boolean operators, marking the hits', async () => {
    const empty = await lead.get(`${base}/search`);
    expect(empty.statusCode).toBe(200);
    expect(h1(empty.body)).toBe('Search the evidence');
    const res = await lead.get(`${base}/search?q=${encodeURIComponent('drifted AND plan')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<mark class="app-mark">drift(ed)?<\/mark>/i);
    expect(res.body).toMatch(/[1-9]\d* records? found/);
    const phrase = await lead.get(
      `${base}/search?q=${encodeURIComponent('"front door" -observed')}`,
    );
    expect(phrase.body).toMatch(/[1-9]\d* records? found/);
    const stop = await lead.get(`${base}/search?q=the`);
    expect(stop.body).toContain('Only very common words');
    const filtered = await lead.get(`${base}/search?q=plan&direction=strength`);
    expect(filtered.body).toMatch(/[1-9]\d* records? found/);
  });

  it('runs a coding query from the builder, with context and CSV and XLSX downloads', async () => {
    expect(coded.length).toBeGreaterThan(1);
    const [a, b] = coded;
    const one = await lead.get(`${base}/coding-query?run=1&c1=${a!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toMatch(/\d+ passages? in \d+ records?/);
    expect(one.body).toContain('<mark class="app-mark">');
    const or = await lead.get(`${base}/coding-query?run=1&c1=${a!.id}&op2=or&c2=${b!.id}`);
    expect(decodeHtml(or.body)).toContain(`${a!.name} OR ${b!.name}`.replace(/^/, ''));
    const csv = links(or.body, /coding-query\/export\?.*format=csv/)[0]!;
    const file = await lead.get(csv);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(file.body).toContain('Passage');
    const xlsx = await lead.get(links(or.body, /format=xlsx/)[0]!);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // NOT on its own matches uncoded text: only whole records, said plainly.
    const not = await lead.get(
      `${base}/coding-query?run=1&op1=not&c1=${a!.id}&op2=not&c2=${b!.id}`,
    );
    expect(not.statusCode).toBe(200);
    const notAlone = await lead.get(
      `${base}/coding-query?run=1&expression=${encodeURIComponent('NOT "' + a!.name + '"')}`,
    );
    expect(notAlone.statusCode).toBe(400);
    expect(errorSummary(notAlone.body)[0]?.text).toMatch(/whole records/);
    const records = await lead.get(
      `${base}/coding-query?run=1&scope=record&expression=${encodeURIComponent('NOT "' + a!.name + '"')}`,
    );
    expect(records.statusCode).toBe(200);
    expect(records.body).toContain('(whole record)');
    const nothing = await lead.get(`${base}/coding-query?run=1`);
    expect(nothing.statusCode).toBe(400);
    expect(errorSummary(nothing.body)[0]).toEqual({
      href: '#c1',
      text: 'Choose a code, or type a query',
    });
  });

  it('shows a matrix as an accessible table whose cells open their passages', async () => {
    const res = await lead.get(`${base}/matrix`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<th scope="row"');
    const cells = links(res.body, /matrix\/cell\?/);
    expect(cells.length).toBeGreaterThan(0);
    const cell = await lead.get(cells[0]!);
    expect(cell.statusCode).toBe(200);
    expect(cell.body).toMatch(
      /1 coding references? in this cell|\d+ coding references in this cell/,
    );
    expect(cell.body).toContain('<mark class="app-mark">');
    const areas = await lead.get(`${base}/matrix?rows=areas&columns=direction`);
    expect(areas.statusCode).toBe(200);
    const areaCell = await lead.get(links(areas.body, /matrix\/cell\?/)[0]!);
    expect(areaCell.body).toContain('evidence records in this cell');
    const attr = await lead.get(`${base}/matrix?rows=areas&columns=attribute:child.cohort`);
    expect(attr.statusCode).toBe(200);
    const coder = await lead.get(`${base}/matrix?rows=areas&columns=coder`);
    expect(coder.statusCode).toBe(400);
    const csv = await lead.get(links(areas.body, /matrix\/export\?.*format=csv/)[0]!);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('Total');
  });

  it('shows co-occurrence, balance and bias, vignettes and the team meeting view', async () => {
    const co = await lead.get(`${base}/co-occurrence`);
    expect(co.statusCode).toBe(200);
    expect(co.body).toContain('Records coded with both codes');
    const balance = await lead.get(`${base}/balance`);
    expect(balance.statusCode).toBe(200);
    expect(balance.body).toContain('Method mix');
    expect(decodeHtml(balance.body)).toMatch(/too few to judge|case records|strengths/);
    const vignettes = await lead.get(`${base}/vignettes`);
    expect(vignettes.statusCode).toBe(200);
    expect(vignettes.body).toContain('Children know why they are in care');
    const meeting = await lead.get(`${base}/meetings`);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.body).toMatch(/Since the morning meeting at/);
    expect(meeting.body).toMatch(/[1-9]\d* records/);
  });

  it('marks a passage as a candidate illustration and records a team meeting', async () => {
    const q = await lead.get(`${base}/coding-query?run=1&c1=${coded[0]!.id}`);
    const form =
      /name="evidenceId" value="([^"]+)"[\s\S]*?name="start" value="(\d+)"[\s\S]*?name="end" value="(\d+)"/.exec(
        q.body,
      );
    expect(form).not.toBeNull();
    const marked = await lead.post(`${base}/vignettes`, {
      evidenceId: form![1]!,
      start: form![2]!,
      end: form![3]!,
    });
    expect(marked.statusCode).toBe(303);
    const list = await lead.get(String(marked.headers.location));
    expect(list.body).toContain('is now a candidate illustration');
    const bad = await lead.post(`${base}/meetings`, { kind: 'lunch' });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)[0]).toEqual({
      href: '#kind',
      text: 'Select which meeting it was',
    });
    const ok = await lead.post(`${base}/meetings`, { kind: 'evening', note: 'Day one wrap-up' });
    expect(ok.statusCode).toBe(303);
    const after = await lead.get(`${base}/meetings`);
    expect(after.body).toMatch(/Since the evening meeting at/);
    expect(after.body).toContain('Day one wrap-up');
  });
});
