// Facts and descriptions for scripts/build-la-reference.mjs that the shared files do not hold, or
// that describe the table it writes. Kept apart so the build script stays readable.

// The nine ONS regions (E12 codes). Used to check the region code given beside each region name.
export const ONS_REGIONS = {
  E12000001: 'North East',
  E12000002: 'North West',
  E12000003: 'Yorkshire and the Humber',
  E12000004: 'East Midlands',
  E12000005: 'West Midlands',
  E12000006: 'East of England',
  E12000007: 'London',
  E12000008: 'South East',
  E12000009: 'South West',
};
export const OFSTED_REGIONS = new Set([
  'East Midlands',
  'East of England',
  'London',
  'North East, Yorkshire and the Humber',
  'North West',
  'South East',
  'South West',
  'West Midlands',
]);
// The GSS entity prefix says what kind of authority a code names.
export const TYPE_BY_GSS_PREFIX = {
  E06: 'Unitary Authority',
  E08: 'Metropolitan District',
  E09: 'London Borough',
  E10: 'County',
};

// Reorganisations. The shared files record the predecessors' codes (Bournemouth, Poole, Cumbria,
// Northamptonshire) but not the old Dorset County Council, and not every GSS code change. These
// facts come from the ONS Code History Database (OGL) and are listed here, visibly, rather than
// guessed at in code.
export const REORGANISATIONS = [
  {
    date: '2019-04-01',
    predecessors: ['E06000028', 'E06000029', 'E10000009'],
    successors: ['E06000058'],
  },
  { date: '2019-04-01', predecessors: ['E10000009'], successors: ['E06000059'] },
  { date: '2021-04-01', predecessors: ['E10000021'], successors: ['E06000061', 'E06000062'] },
  { date: '2023-04-01', predecessors: ['E10000006'], successors: ['E06000063', 'E06000064'] },
];
export const EXTRA_PREDECESSORS = {
  E10000009: {
    name: 'Dorset',
    dfeCode: '835',
    onsRegionCode: 'E12000009',
    ofstedRegion: 'South West',
  },
  E06000028: { dfeCode: '837', onsRegionCode: 'E12000009' },
  E06000029: { ofstedRegion: 'South West' },
};
// Code changes of continuing authorities (boundary changes, county to unitary conversions).
export const PREVIOUS_GSS = {
  E08000038: ['E08000016'], // Barnsley (2024 boundary change)
  E08000039: ['E08000019'], // Sheffield (2024 boundary change)
  E08000037: ['E08000020'], // Gateshead (2013 boundary change)
  E06000057: ['E06000048'], // Northumberland (2013 boundary change)
  E06000060: ['E10000002'], // Buckinghamshire (unitary from 1 April 2020)
  E06000065: ['E10000023'], // North Yorkshire (unitary from 1 April 2023)
  E06000066: ['E10000027'], // Somerset (unitary from 1 April 2023)
};

/** The header of reference/local-authorities.json: what it holds, where from, under what licence. */
export function describeTable({ files, notes, counts }) {
  return {
    title: 'English local authorities with children’s services responsibilities',
    schemaVersion: 1,
    generatedBy: 'scripts/build-la-reference.mjs',
    licence:
      'The facts in this table (names, codes, regions, populations, statistical neighbours, successions) come from public data published under the Open Government Licence v3.0 (Ofsted, ONS, DfE) and from the MIT-licensed LA lookup of the ofsted-ilacs-scrape-tool. The table itself is part of Triangulate (MIT).',
    attribution:
      'Contains public sector information licensed under the Open Government Licence v3.0.',
    sources: [
      {
        file: files.las,
        publisher: 'derived from Ofsted LA inspection outcomes (31 March 2025), ONS and DfE codes',
        licence: 'OGL v3.0 / MIT',
        used: 'names, GSS and DfE codes, Ofsted URNs, regions, LA types, statistical neighbours',
      },
      {
        file: files.lookup,
        publisher: 'data-to-insight / JT-39 ofsted-ilacs-scrape-tool Provider_data_lookup',
        licence: 'MIT',
        used: 'predecessors’ codes and URNs, ONS population aged 0-25, alternative names',
      },
      {
        file: files.history,
        publisher: 'Ofsted, LA inspection outcomes as at 31 March 2025 (ILACS history sheet)',
        licence: 'OGL v3.0',
        used: 'predecessors’ names, GSS codes and Ofsted regions; codes used by Ofsted',
      },
      {
        file: files.scrape,
        publisher: 'JT-39 ofsted-ilacs-scrape-tool inspection history',
        licence: 'MIT (facts from Ofsted reports, OGL v3.0)',
        used: 'names used in report file names',
      },
      {
        file: 'ONS Code History Database; DfE LA codes',
        publisher: 'ONS; DfE',
        licence: 'OGL v3.0',
        used: 'old Dorset, previous GSS codes listed in notes',
      },
    ],
    conventions: {
      validity:
        'validFrom is the first day and validTo the last day an authority existed (null: no known limit). A succession takes effect on effectiveDate, the day after the predecessor’s validTo.',
      population:
        'population0to17 is empty: the sources do not give it. onsPopulation0to25 is the ONS population aged 0 to 25 from the provider lookup, as published there.',
      regions:
        'ofstedRegion uses Ofsted’s 8 regions (North East merged with Yorkshire and the Humber); onsRegion/onsRegionCode the 9 ONS regions.',
      statNeighbours:
        'DfE 3-digit LA codes of the statistical neighbours, in the order the source lists them.',
      laType:
        'Follows the GSS code prefix: E06 unitary authority, E08 metropolitan district, E09 London borough, E10 county.',
    },
    notes,
    counts,
  };
}
