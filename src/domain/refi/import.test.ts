import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../evidence/offsets.js';
import { buildQdpx } from './package.js';
import { planImport } from './plan-import.js';
import { readRefiFile } from './read-file.js';
import { RefiInvalid } from './import-problems.js';
import { normaliseWithMap } from './text-map.js';
import { toRefiProject, type EvidenceBaseSnapshot } from './to-refi.js';
import { writeCodebook, writeProject } from './write-project.js';

describe('normalising imported text while keeping selections on their words', () => {
  it('maps offsets across CRLF, a BOM, combining accents, NUL and trailing spaces', () => {
    const raw = '\ufeffZoe\u0308 👩‍👧\r\nsaid\u0000 hi.\r\n  ';
    const { text, map } = normaliseWithMap(raw);
    expect(text).toBe(normaliseText(raw.replace(/^\ufeff/, '')));
    expect(text).toBe('Zoë 👩‍👧\nsaid hi.');
    const cps = Array.from(raw);
    const at = (part: string) => Array.from(raw.slice(0, raw.indexOf(part))).length;
    const said = at('said');
    expect(
      Array.from(text)
        .slice(map[said]!, map[said + 4]!)
        .join(''),
    ).toBe('said');
    const emoji = at('👩‍👧');
    expect(
      Array.from(text)
        .slice(map[emoji]!, map[emoji + 3]!)
        .join(''),
    ).toBe('👩‍👧');
    expect(map[cps.length]).toBe(Array.from(text).length);
  });
});

const snapshot = (): EvidenceBaseSnapshot => {
  const p = { id: null, label: 'cli:ops' };
  const d = new Date('2025-06-03T10:00:00Z');
  return {
    title: 'Focused visit: Example & Co',
    origin: 'Triangulate test',
    exportedAt: d,
    evidence: [
      {
        id: 'e1',
        guid: '22222222-2222-4222-8222-222222222222',
        refNo: 1,
        text: 'Zoë said 👋 hello',
        method: 'social_worker_discussion',
        observedOn: '2025-06-03',
        judgementAreas: ['help_and_protection'],
        direction: 'mixed',
        childVoice: true,
        livedExperience: true,
        minutesSpent: 30,
        locality: 'East',
        consent: null,
        childCaseId: null,
        practitionerCaseId: 'k1',
        teamCaseId: null,
        recordedBy: p,
        recordedAt: d,
        updatedBy: p,
        updatedAt: d,
      },
    ],
    codes: [
      {
        id: 'c1',
        guid: '11111111-1111-4111-8111-111111111111',
        parentId: null,
        name: 'Area',
        description: null,
        colour: '#1d70b8',
        isCodable: false,
      },
      {
        id: 'c2',
        guid: '11111111-1111-4111-8111-111111111112',
        parentId: 'c1',
        name: 'Criterion',
        description: 'What good looks like',
        colour: null,
        isCodable: true,
      },
    ],
    codings: [
      {
        id: 'g1',
        guid: '33333333-3333-4333-8333-333333333333',
        evidenceId: 'e1',
        codeId: 'c2',
        start: 9,
        end: 16,
        spanText: '👋 hello',
        coder: { id: '44444444-4444-4444-8444-444444444444', label: 'Ann' },
        createdAt: d,
      },
    ],
    cases: [
      {
        id: 'k1',
        guid: '55555555-5555-4555-8555-555555555555',
        kind: 'practitioner',
        reference: 'SW 1',
        description: null,
        attributes: { team: 'Duty', experienceBand: 'agency' },
      },
    ],
    memos: [
      {
        id: 'm1',
        guid: '66666666-6666-4666-8666-666666666666',
        targetType: 'coding',
        targetId: 'g1',
        title: null,
        text: 'Good quote',
        createdBy: p,
        createdAt: d,
        updatedAt: d,
      },
    ],
  };
};

describe('writing and reading back (pure)', () => {
  it('reads its own export into an equivalent plan', () => {
    const file = readRefiFile(buildQdpx(writeProject(toRefiProject(snapshot()))), 'x.qdpx');
    if (file.format === 'qdc') throw new Error('expected a project');
    expect(file.report).toEqual({ repairs: [], skipped: [], notImported: [], warnings: [] });
    const plan = planImport(file.project, file.report, {
      judgementAreas: ['help_and_protection'],
      today: '2026-01-01',
    });
    expect(plan.evidence).toMatchObject([
      {
        text: 'Zoë said 👋 hello',
        method: 'social_worker_discussion',
        methodDefaulted: false,
        observedOn: '2025-06-03',
        judgementAreas: ['help_and_protection'],
        direction: 'mixed',
        childVoice: true,
        livedExperience: true,
        minutesSpent: 30,
        locality: 'East',
        cases: { practitioner: '55555555-5555-4555-8555-555555555555' },
        recordedByLabel: 'cli:ops',
      },
    ]);
    expect(plan.codes.map((c) => [c.name, c.isCodable, c.parentGuid !== null])).toEqual([
      ['Area', false, false],
      ['Criterion', true, true],
    ]);
    expect(plan.codings).toMatchObject([
      { start: 9, end: 16, spanText: '👋 hello', coderLabel: 'Ann' },
    ]);
    expect(plan.cases).toMatchObject([
      {
        kind: 'practitioner',
        kindDefaulted: false,
        reference: 'SW 1',
        attributes: { team: 'Duty', experienceBand: 'agency' },
      },
    ]);
    expect(plan.memos).toMatchObject([
      {
        targetType: 'coding',
        targetGuid: '33333333-3333-4333-8333-333333333333',
        title: null,
        text: 'Good quote',
      },
    ]);
  });

  it('reads a codebook, repairing an empty <Sets/> and a misspelt namespace', () => {
    const qdc = writeCodebook(
      [
        {
          guid: '11111111-1111-4111-8111-111111111111',
          name: 'A',
          isCodable: true,
          color: null,
          description: null,
          noteRefs: [],
          children: [],
        },
      ],
      'T',
    )
      .replace('</CodeBook>', '<Sets/></CodeBook>')
      .replace('codebook:1.0', 'codebook:1:0');
    const file = readRefiFile(strToU8(qdc), 'c.qdc');
    expect(file.format).toBe('qdc');
    expect(file.report.repairs.join('\n')).toMatch(/namespace[\s\S]*empty <Sets>/);
  });

  it('throws RefiInvalid for two codes with one GUID', () => {
    const g = '11111111-1111-4111-8111-111111111111';
    const xml = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="${g}" name="A" isCodable="true"/><Code guid="{${g.toUpperCase()}}" name="B" isCodable="true"/></Codes></CodeBook></Project>`;
    expect(() => readRefiFile(zipSync({ 'project.qde': strToU8(xml) }), 'p.qdpx')).toThrow(
      RefiInvalid,
    );
    expect(() => readRefiFile(zipSync({ 'project.qde': strToU8(xml) }), 'p.qdpx')).toThrow(
      /<Code guid="\{1111.*another <Code> has the same guid/,
    );
  });

  it('refuses an archive with several .qde files and no project.qde', () => {
    const x = strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>');
    expect(() => readRefiFile(zipSync({ 'a.qde': x, 'b.qde': x }), 'p.qdpx')).toThrow(
      /2 \.qde files/,
    );
    expect(readRefiFile(zipSync({ 'a.qde': x, 'project.qde': x }), 'p.qdpx').format).toBe('qdpx');
  });
});
