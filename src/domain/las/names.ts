// Name normalisation. Sources spell the same authority many ways: "Bristol, City of", "Bristol";
// "St. Helens", "St Helens"; "Telford & Wrekin", "Telford and Wrekin"; "County Durham",
// "Durham"; lower case in scraped data. Names are compared only after normalising.
// scripts/build-la-reference.mjs repeats the core of these rules to check aliases do not collide.

/** Council-name wrappers that do not distinguish one authority from another. */
const PREFIXES = [
  'the ',
  'london borough of ',
  'royal borough of ',
  'metropolitan borough of ',
  'borough of ',
  'council of the ',
];
const SUFFIXES = [
  ' metropolitan borough council',
  ' borough council',
  ' county council',
  ' city council',
  ' council',
];

export function normaliseLaName(raw: string): string {
  let s = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Full stops and apostrophes vanish (St. Helens, King's), other punctuation separates words.
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^saint /, 'st ');
  for (const p of PREFIXES) if (s.startsWith(p)) s = s.slice(p.length);
  for (const x of SUFFIXES) if (s.endsWith(x)) s = s.slice(0, -x.length);
  // "Bristol, City of" and "Herefordshire, County of" (ONS style); "County Durham".
  s = s.replace(/ (city|county) of$/, '').replace(/^county /, '');
  // "City of York", "City of Bristol" but never "City of London", which is the authority's name.
  if (s.startsWith('city of ') && s !== 'city of london') s = s.slice('city of '.length);
  return s;
}

/** The slug the register uses as an id: the normalised name with hyphens. */
export function laSlug(name: string): string {
  return normaliseLaName(name).replace(/ /g, '-');
}
