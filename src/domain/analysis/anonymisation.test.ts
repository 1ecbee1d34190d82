import { describe, expect, it } from 'vitest';
import { anonymisationSummary, findIdentifiers } from './anonymisation.js';

const kinds = (text: string) => findIdentifiers(text).map((f) => [f.kind, f.text, f.confidence]);

describe('findIdentifiers', () => {
  it('flags names after titles and "called", keeping pseudonyms', () => {
    expect(kinds('Child A lives with Mrs Okafor and a cousin called Jayden.')).toEqual([
      ['name', 'Okafor', 'high'],
      ['name', 'Jayden', 'high'],
    ]);
    expect(kinds('Sibling B and Mother C attended; C1234 was discussed.')).toEqual([]);
  });

  it('flags capitalised words mid-sentence as possible names, not sentence starts or roles', () => {
    expect(kinds('The social worker met Sarah Jones at the Family Hub.')).toEqual([
      ['name', 'Sarah Jones', 'possible'],
    ]);
    expect(kinds('Managers know the service. Ofsted visited on Monday.')).toEqual([]);
    expect(kinds('Jayden Smith said he feels safe.')).toEqual([
      ['name', 'Jayden Smith', 'possible'],
    ]);
  });

  it('flags dates of birth, other dates, addresses, postcodes, phones, emails and numbers', () => {
    const text =
      'DOB: 03/04/2015. Seen 12 March 2026 at 14 Acacia Avenue, Leeds LS6 2AB. Mum on 07700 900123 or mum@example.com; NHS 943 476 5919; NI AB 12 34 56 C. Flat 3 upstairs.';
    const f = findIdentifiers(text);
    expect(f.map((x) => x.kind)).toEqual([
      'date_of_birth',
      'date',
      'address',
      'name',
      'postcode',
      'phone',
      'email',
      'identifier',
      'identifier',
      'address',
    ]);
    const cps = Array.from(text);
    for (const x of f) expect(cps.slice(x.start, x.end).join('')).toBe(x.text);
    expect(f[0]).toMatchObject({ text: '03/04/2015', confidence: 'high' });
    expect(f[2]).toMatchObject({ text: '14 Acacia Avenue' });
    expect(f[3]).toMatchObject({ text: 'Leeds', confidence: 'possible' });
  });

  it('gives positions in code points when emoji and accents come first', () => {
    const text = '👩‍👧 Visit to Amélie Durand, born 2 May 2016.';
    const f = findIdentifiers(text);
    const cps = Array.from(text);
    expect(f.map((x) => [x.kind, cps.slice(x.start, x.end).join('')])).toEqual([
      ['name', 'Amélie Durand'],
      ['date_of_birth', '2 May 2016'],
    ]);
    expect(f[0]?.start).toBe(13);
  });

  it('summarises findings in words', () => {
    expect(anonymisationSummary([])).toBe(
      'No names, dates of birth, addresses or contact details found.',
    );
    expect(anonymisationSummary(findIdentifiers('Mrs Okafor, B1 1AA.'))).toBe(
      '2 possible identifiers: a name (Okafor) and a postcode (B1 1AA).',
    );
  });
});
