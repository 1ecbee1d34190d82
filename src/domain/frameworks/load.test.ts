import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError, type ErrorDetail } from '../../errors.js';
import { frameworksDir } from '../../paths.js';
import { loadActivityTypeCatalog } from './catalog.js';
import { loadFrameworkFile, loadFrameworks, parseFramework } from './load.js';
import { activityTypesOf, gradedJudgements } from './registry.js';
import { evaluateAggregation } from './rules.js';
import { fixtureFramework } from './test-fixture.js';

/** The details of the FRAMEWORK_INVALID error fn throws. */
function detailsOf(fn: () => unknown): ErrorDetail[] {
  try {
    fn();
  } catch (err) {
    if (isAppError(err) && err.code === 'FRAMEWORK_INVALID') return err.details;
    throw err;
  }
  throw new Error('expected FRAMEWORK_INVALID');
}

const parse = (overrides: Record<string, unknown>) => () =>
  parseFramework({ ...fixtureFramework(), ...overrides }, 'test.json');

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});
const tempDir = () => (tmp = mkdtempSync(path.join(tmpdir(), 'frameworks-')));

describe('the project frameworks', () => {
  const registry = loadFrameworks(frameworksDir());

  it('loads every version, oldest first', () => {
    expect(registry.list().map((f) => f.id)).toEqual([
      'sif-2013',
      'ilacs-2018',
      'ilacs-2023',
      'ilacs-2026',
    ]);
  });

  it('keeps judgement keys stable across ILACS versions', () => {
    const keys = (id: string) => registry.get(id)!.judgements.map((j) => j.key);
    expect(keys('ilacs-2018')).toEqual([
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'overall_effectiveness',
    ]);
    expect(keys('ilacs-2023')).toEqual([
      ...keys('ilacs-2018').slice(0, 3),
      'care_leavers',
      'overall_effectiveness',
    ]);
    expect(keys('ilacs-2026')).toEqual(keys('ilacs-2023').slice(0, 4));
    expect(gradedJudgements(registry.get('sif-2013')!).map((j) => j.key)).toContain('lscb');
  });

  it('picks the version in force on a date', () => {
    const at = (date: string, type?: string) => registry.forDate(date, type)?.id;
    expect(at('2012-06-01')).toBeUndefined();
    expect(at('2015-06-01')).toBe('sif-2013');
    expect(at('2018-06-11')).toBe('ilacs-2018');
    expect(at('2018-06-11', 'sif_inspection')).toBe('sif-2013'); // SIF re-inspections overlapped ILACS
    expect(at('2018-09-01', 'sif_inspection')).toBeUndefined();
    expect(at('2022-12-31')).toBe('ilacs-2018');
    expect(at('2023-01-01')).toBe('ilacs-2023');
    expect(at('2026-03-31', 'short_inspection')).toBe('ilacs-2023');
    expect(at('2026-04-01', 'short_inspection')).toBe('ilacs-2026');
    expect(at('2015-06-01', 'jtai')).toBeUndefined(); // JTAIs began in 2016
    expect(at('2016-06-01', 'jtai')).toBe('sif-2013');
    expect(registry.forDate(new Date('2024-05-01T12:00:00Z'))?.id).toBe('ilacs-2023');
  });

  it('flags paraphrased criteria with a framework-level notice', () => {
    for (const fw of registry.list()) {
      expect(fw.criteria.notice).toMatch(/PARAPHRASE/);
      expect(
        fw.criteria.areas.flatMap((a) => a.items).every((c) => c.source === 'paraphrase'),
      ).toBe(true);
    }
  });

  it('serves the activity catalog the use cases expect', () => {
    const catalog = loadActivityTypeCatalog();
    expect(catalog.frameworkFor('2024-05-01', 'focused_visit')).toBe('ilacs-2023');
    expect(catalog.activityType('ilacs-2023', 'monitoring_visit')).toMatchObject({
      hasSequenceNumber: true,
      output: 'letter',
    });
    expect(catalog.activityType('ilacs-2023', 'focused_visit')?.themes).toContain('Front door');
    expect(catalog.activityTypes('sif-2013').map((a) => a.id)).toContain('lscb_review');
    expect(catalog.frameworkName('ilacs-2026')).toBe(
      "Inspecting local authority children's services (ILACS) (April 2026)",
    );
  });
});

describe('invalid framework files', () => {
  it('accepts the fixture', () => {
    expect(parseFramework(fixtureFramework(), 'test-2030.json').id).toBe('test-2030');
  });

  it('names a missing field and an unknown one', () => {
    const { name: _omit, ...rest } = fixtureFramework();
    expect(detailsOf(() => parseFramework(rest, 'x.json'))).toContainEqual(
      expect.objectContaining({ file: 'x.json', field: 'name' }),
    );
    expect(detailsOf(parse({ colour: 'blue' }))).toContainEqual(
      expect.objectContaining({ field: '(file)', reason: 'Unknown field: colour' }),
    );
  });

  it('rejects duplicate keys and missing parents', () => {
    const fw = fixtureFramework();
    const judgements = [...fw.judgements, { ...fw.judgements[0]! }];
    expect(detailsOf(parse({ judgements }))).toContainEqual({
      file: 'test.json',
      field: 'judgements[4]',
      reason: "Duplicate judgement key 'a' (first used at judgements[0])",
    });
    const orphan = fw.judgements.map((j) => (j.key === 'b_sub' ? { ...j, parent: 'nope' } : j));
    expect(detailsOf(parse({ judgements: orphan }))).toContainEqual(
      expect.objectContaining({
        field: 'judgements[2].parent',
        reason: "No judgement has the key 'nope'",
      }),
    );
  });

  it('rejects rules that refer to unknown judgements or grades', () => {
    const rules = [
      {
        id: 'r',
        severity: 'hard',
        title: 'T',
        description: 'D',
        when: { any: ['a', 'zz'], is: 'low' },
        require: { judgement: 'overall', is: 'poor' },
      },
    ];
    const details = detailsOf(parse({ aggregation: { rules } }));
    expect(details).toContainEqual(
      expect.objectContaining({
        field: 'aggregation.rules[0].when.any[1]',
        reason: "No judgement has the key 'zz'",
      }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({ field: 'aggregation.rules[0].require.is' }),
    );
    expect(details.find((d) => d.field === 'aggregation.rules[0].require.is')?.reason).toMatch(
      /No grade has the key 'poor'/,
    );
  });

  it('rejects a malformed condition with a clear reason', () => {
    const rules = [
      {
        id: 'r',
        severity: 'soft',
        title: 'T',
        description: 'D',
        require: { judgement: 'a', is: 'low', isNot: 'high' },
      },
    ];
    expect(detailsOf(parse({ aggregation: { rules } }))).toContainEqual(
      expect.objectContaining({
        field: 'aggregation.rules[0].require',
        reason: expect.stringMatching(/exactly one of judgement\/any\/all/),
      }),
    );
    const badOperand = [
      {
        id: 'r',
        severity: 'soft',
        title: 'T',
        description: 'D',
        require: { judgement: 'a', is: { grade: 'low', judgement: 'b' } },
      },
    ];
    expect(detailsOf(parse({ aggregation: { rules: badOperand } }))[0]).toMatchObject({
      field: 'aggregation.rules[0].require.is',
      reason: expect.stringMatching(/exactly one of: grade, judgement, worstOf, bestOf/),
    });
  });

  it('rejects report sections, activity types and grades that do not fit', () => {
    const fw = fixtureFramework();
    const templates = [
      {
        key: 'report',
        label: 'R',
        sections: [{ key: 's', heading: '{grade}', judgement: 'missing' }],
      },
    ];
    expect(detailsOf(parse({ reportTemplates: templates }))).toContainEqual(
      expect.objectContaining({
        field: 'reportTemplates[0].sections[0].judgement',
        reason: "No judgement has the key 'missing'",
      }),
    );
    const activityTypes = [{ ...fw.activityTypes[0]!, reportTemplates: ['nope'] }];
    expect(detailsOf(parse({ activityTypes }))).toContainEqual(
      expect.objectContaining({
        field: 'activityTypes[0].reportTemplates[0]',
        reason: "No report template has the key 'nope'",
      }),
    );
    const grades = [...fw.grades].reverse();
    expect(detailsOf(parse({ grades }))).toContainEqual(
      expect.objectContaining({ field: 'grades[0].numeric' }),
    );
    expect(detailsOf(parse({ validTo: '2029-01-01' }))).toContainEqual(
      expect.objectContaining({ field: 'validTo' }),
    );
    expect(detailsOf(parse({ validFrom: '2030-02-30' }))).toContainEqual(
      expect.objectContaining({ field: 'validFrom', reason: 'Not a real calendar date' }),
    );
  });

  it('reports unreadable files, bad JSON and misnamed files', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'broken.json');
    writeFileSync(bad, '{ "id": ');
    expect(detailsOf(() => loadFrameworkFile(bad))[0]).toMatchObject({
      file: bad,
      reason: expect.stringMatching(/^Not valid JSON/),
    });
    expect(detailsOf(() => loadFrameworkFile(path.join(dir, 'absent.json')))[0]?.reason).toMatch(
      /Cannot read the file \(ENOENT\)/,
    );
    const misnamed = path.join(dir, 'other.json');
    writeFileSync(misnamed, JSON.stringify(fixtureFramework()));
    expect(detailsOf(() => loadFrameworkFile(misnamed))[0]).toMatchObject({
      field: 'id',
      reason: expect.stringMatching(/test-2030\.json/),
    });
  });

  it('gathers problems from every file in a folder, including overlaps within a family', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'test-2030.json'), JSON.stringify(fixtureFramework()));
    writeFileSync(
      path.join(dir, 'test-2031.json'),
      JSON.stringify(fixtureFramework({ id: 'test-2031', validFrom: '2031-01-01' })),
    );
    writeFileSync(path.join(dir, 'zz-broken.json'), '[]');
    const details = detailsOf(() => loadFrameworks(dir));
    expect(details.some((d) => d.file?.endsWith('zz-broken.json'))).toBe(true);
    expect(details).toContainEqual(
      expect.objectContaining({
        field: 'validFrom',
        reason: expect.stringMatching(/before test-2030 .* ends \(open-ended\)/),
      }),
    );
  });
});

describe('adding a framework version', () => {
  it('needs only a new data file (and closing the previous version)', () => {
    const dir = tempDir();
    for (const id of ['ilacs-2023', 'ilacs-2026']) {
      const raw = JSON.parse(readFileSync(path.join(frameworksDir(), `${id}.json`), 'utf8'));
      if (id === 'ilacs-2026') raw.validTo = '2027-08-31';
      writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(raw));
    }
    const next = fixtureFramework({
      id: 'ilacs-2027',
      family: 'ilacs',
      versionLabel: 'September 2027',
      validFrom: '2027-09-01',
    });
    writeFileSync(path.join(dir, 'ilacs-2027.json'), JSON.stringify(next));

    const registry = loadFrameworks(dir);
    const fw = registry.forDate('2027-10-01', 'inspection')!;
    expect(fw.id).toBe('ilacs-2027');
    expect(registry.forDate('2027-10-01', 'short_inspection')).toBeUndefined();
    expect(activityTypesOf(fw, '2030-03-01').map((a) => a.key)).toEqual(['inspection']); // visits start in June 2030
    expect(
      evaluateAggregation(fw, { a: 'low', b: 'middle', overall: 'middle' }).hard.map(
        (v) => v.ruleId,
      ),
    ).toEqual(['low_limits_overall']);
  });
});
