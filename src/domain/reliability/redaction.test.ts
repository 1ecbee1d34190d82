import { describe, expect, it } from 'vitest';
import { parseKnownWords } from './known-words.js';
import { corpusWords, nameVariants, redactEvidenceBase, shiftDateText } from './redaction.js';

const known = parseKnownWords('# test\nthe\nteam\nmanager\nboard\nchild\nprotection\n');
const terms = {
  la: ['Northfield (demo)', 'Northfield'],
  places: ['Harbourside'],
  people: ['Lena Marsh (lead inspector)'],
  staff: ['Helen Tranter (Northfield DCS)', 'PR-7'],
  children: ['NF-0042', 'NF-0099'],
  knownWords: known,
};
const record = (text: string, childRef: string | null = null) => ({
  reference: 'E1',
  observedOn: '2025-03-03',
  method: 'case_file_reading',
  direction: null,
  judgementAreas: ['help_and_protection'],
  childRef,
  lineOfEnquiry: null,
  text,
});

describe('redaction of an evidence base', () => {
  it('replaces the LA, places, inspectors, LA staff and children, counting each', () => {
    const out = redactEvidenceBase(
      [
        record(
          'In Northfield, NF-0042 lives in Harbourside. Lena Marsh met Helen Tranter and PR-7; Marsh agreed.',
          'NF-0042',
        ),
        record('NF-0099 and then NF-0042 again.', 'NF-0099'),
      ],
      [],
      terms,
      7,
    );
    expect(out.records[0]!.text).toBe(
      'In [the LA], Child 1 lives in [place]. [inspector] met [LA staff] and [LA staff]; [inspector] agreed.',
    );
    expect(out.records[0]!.child).toBe('Child 1');
    expect(out.records[1]!.text).toBe('Child 2 and then Child 1 again.');
    expect(out.report.counts).toMatchObject({ la: 1, place: 1, person: 2, staff: 2, child: 3 });
  });

  it('shifts every date by the same offset, in the format it was written', () => {
    const out = redactEvidenceBase(
      [record('Seen on 2025-02-27, 28/02/2025, 1 March 2025, on 3 March and in March 2025.')],
      [],
      terms,
      2,
    );
    expect(out.records[0]!.observedOn).toBe('2025-03-05');
    expect(out.records[0]!.text).toBe(
      'Seen on 2025-03-01, 02/03/2025, 3 March 2025, on 5 March and in March 2025.',
    );
    expect(shiftDateText('31/02/2025', 1, '2025')).toBeNull();
    expect(shiftDateText('31 December 2024', 1, '2025')).toBe('1 January 2025');
  });

  it('redacts titled and multi-word capitalised names; reports single unknown ones as unsure', () => {
    const out = redactEvidenceBase(
      [
        record(
          'Mrs Okonjo and Gareth Lowe spoke to the Child Protection team. Kelvin said so. The manager agreed.',
        ),
      ],
      ['lines about Quarrybank'],
      terms,
      1,
    );
    expect(out.records[0]!.text).toBe(
      '[name] and [name] spoke to the Child Protection team. Kelvin said so. The manager agreed.',
    );
    expect(out.report.counts.name_pattern).toBe(2);
    expect(out.report.unsure.map((u) => u.word)).toEqual(['Kelvin', 'Quarrybank']);
    expect(out.lines).toEqual(['lines about Quarrybank']);
  });

  it('treats words the evidence base also writes in lower case as ordinary', () => {
    expect(corpusWords(['Strategy meetings; a strategy.']).has('strategy')).toBe(true);
    const out = redactEvidenceBase(
      [record('Strategy discussions were late. The strategy was weak.')],
      [],
      terms,
      1,
    );
    expect(out.report.unsure).toEqual([]);
  });

  it('splits display names into their parts, dropping the role in brackets', () => {
    expect(nameVariants('Lena Marsh (lead inspector)')).toEqual(['Lena Marsh', 'Lena', 'Marsh']);
  });
});
