import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ofstedRegions } from '../../src/domain/access/roles.js';
import { LaReferenceFileSchema, isCurrent, type LaRecord } from '../../src/domain/las/la.js';
import { laSlug, normaliseLaName } from '../../src/domain/las/names.js';
import { createLaRegister, type LaLookup } from '../../src/domain/las/register.js';

// The committed reference table is part of the repository, so unit tests may read it.
const file = LaReferenceFileSchema.parse(
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../../reference/local-authorities.json'), 'utf8'),
  ),
);
const register = createLaRegister(file.localAuthorities, file.successions);
const id = (r: LaLookup<LaRecord>): string | null => (r.ok ? r.la.id : null);

describe('normaliseLaName', () => {
  it.each([
    ['Bristol, City of', 'bristol'],
    ['City of Bristol', 'bristol'],
    ['Kingston Upon Hull, City of', 'kingston upon hull'],
    ['St. Helens', 'st helens'],
    ['Saint Helens', 'st helens'],
    ['Herefordshire, County of', 'herefordshire'],
    ['County Durham', 'durham'],
    ['Telford & Wrekin', 'telford and wrekin'],
    ['  SOUTHEND-ON-SEA  ', 'southend on sea'],
    ['Royal Borough of Windsor and Maidenhead', 'windsor and maidenhead'],
    ['London Borough of Barking & Dagenham', 'barking and dagenham'],
    ['Leeds City Council', 'leeds'],
    ['City of London', 'city of london'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseLaName(raw)).toBe(expected);
  });

  it('makes slugs from names', () => {
    expect(laSlug('Bournemouth, Christchurch & Poole')).toBe('bournemouth-christchurch-and-poole');
  });
});

describe('the reference table', () => {
  it('has the 153 current authorities, each in one of the 8 Ofsted regions and 9 ONS regions', () => {
    const current = file.localAuthorities.filter(isCurrent);
    expect(current).toHaveLength(153);
    expect(new Set(current.map((l) => l.ofstedRegion))).toEqual(new Set(ofstedRegions));
    expect(new Set(current.map((l) => l.onsRegionCode)).size).toBe(9);
    for (const la of current) {
      expect(la.dfeCode, la.name).toMatch(/^\d{3}$/);
      expect(la.ofstedUrn, la.name).toMatch(/^\d+$/);
    }
  });

  it('gives every name and alias to one authority at a time', () => {
    const owners = new Map<string, LaRecord[]>();
    for (const la of file.localAuthorities) {
      for (const n of new Set([la.name, ...la.aliases].map(normaliseLaName))) {
        owners.set(n, [...(owners.get(n) ?? []), la]);
      }
    }
    for (const [name, las] of owners) {
      // Shared names (Dorset) are only allowed for authorities that never coexisted.
      expect(las.filter(isCurrent).length, name).toBeLessThanOrEqual(1);
    }
  });

  it('lists only statistical neighbours that are current authorities', () => {
    for (const la of file.localAuthorities) {
      for (const n of la.statNeighbours)
        expect(id(register.byDfe(n)), `${la.name} → ${n}`).not.toBeNull();
    }
  });
});

describe('lookups', () => {
  it('finds an authority by id, current or previous GSS code, DfE code, URN and name', () => {
    expect(register.byId('barnsley')?.name).toBe('Barnsley');
    expect(id(register.byGss('E08000038'))).toBe('barnsley');
    expect(id(register.byGss('e08000016'))).toBe('barnsley');
    expect(id(register.byGss('E10000023'))).toBe('north-yorkshire');
    expect(id(register.byDfe('370'))).toBe('barnsley');
    expect(id(register.byUrn('2532287'))).toBe('bournemouth-christchurch-and-poole');
    expect(id(register.byName('Bristol, City of'))).toBe('bristol');
    expect(id(register.byName('St. Helens'))).toBe('st-helens');
    expect(id(register.byName('Hull'))).toBe('kingston-upon-hull');
    expect(id(register.byName('Herefordshire, County of'))).toBe('herefordshire');
    expect(id(register.byName('london corporation'))).toBe('city-of-london');
    expect(id(register.byName('BCP'))).toBe('bournemouth-christchurch-and-poole');
    expect(register.byName('Atlantis')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('uses the date to tell apart authorities that shared a name', () => {
    expect(id(register.byName('Dorset'))).toBe('dorset');
    expect(id(register.byName('Dorset', '2017-06-01'))).toBe('dorset-to-2019');
    expect(id(register.byName('Dorset', '2019-04-01'))).toBe('dorset');
  });

  it('guesses what kind of identifier free text is', () => {
    expect(id(register.find('E06000058'))).toBe('bournemouth-christchurch-and-poole');
    expect(id(register.find('839'))).toBe('bournemouth-christchurch-and-poole');
    expect(id(register.find('80426'))).toBe('barnsley');
    expect(id(register.find('Telford and Wrekin'))).toBe('telford-and-wrekin');
    expect(id(register.find('cumbria-to-2023'))).toBe('cumbria-to-2023');
  });
});

describe('successions', () => {
  const names = (las: readonly { id: string }[]) => las.map((l) => l.id).sort();

  it('resolves a former authority to the current ones for its area', () => {
    expect(names(register.currentSuccessors('northamptonshire-to-2021'))).toEqual([
      'north-northamptonshire',
      'west-northamptonshire',
    ]);
    expect(names(register.currentSuccessors('cumbria-to-2023'))).toEqual([
      'cumberland',
      'westmorland-and-furness',
    ]);
    expect(names(register.currentSuccessors('dorset-to-2019'))).toEqual([
      'bournemouth-christchurch-and-poole',
      'dorset',
    ]);
    expect(names(register.currentSuccessors('poole-to-2019'))).toEqual([
      'bournemouth-christchurch-and-poole',
    ]);
    expect(names(register.currentSuccessors('barnsley'))).toEqual(['barnsley']);
  });

  it('answers as at a date', () => {
    expect(names(register.currentSuccessors('cumbria-to-2023', '2022-01-01'))).toEqual([
      'cumbria-to-2023',
    ]);
  });

  it('lists predecessors with the day the successor took over', () => {
    const preds = register.predecessorsOf('bournemouth-christchurch-and-poole');
    expect(preds.map((p) => [p.la.id, p.effectiveDate])).toEqual([
      ['bournemouth-to-2019', '2019-04-01'],
      ['dorset-to-2019', '2019-04-01'],
      ['poole-to-2019', '2019-04-01'],
    ]);
    expect(names(register.ancestorsOf('westmorland-and-furness'))).toEqual(['cumbria-to-2023']);
  });
});

describe('reference file validation', () => {
  it('rejects successions that name unknown authorities and duplicate ids', () => {
    const la = file.localAuthorities[0] as LaRecord;
    const result = LaReferenceFileSchema.safeParse({
      localAuthorities: [la, la],
      successions: [{ predecessorId: 'nowhere', successorId: la.id, effectiveDate: '2020-04-01' }],
    });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([`Duplicate id ${la.id}`, 'No authority has id nowhere']),
    );
  });
});
