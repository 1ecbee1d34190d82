// The starting codebook of an activity, read from its framework version: each judgement area
// with criteria becomes a folder (not codable), each evaluation criterion a code inside it.
import type { Framework } from '../frameworks/schema.js';

export interface SeedCode {
  /** Judgement key (folders) or criterion key (codes). */
  frameworkKey: string;
  /** The folder's framework key, for codes. */
  parentKey: string | null;
  name: string;
  description: string | null;
  isCodable: boolean;
  sortOrder: number;
  colour: string | null;
}

/** One colour per judgement area, in order (GOV.UK palette, readable on white). */
const AREA_COLOURS = ['#1d70b8', '#00703c', '#912b88', '#f47738', '#4c2c92', '#d4351c', '#28a197'];

const ACRONYMS = new Map([
  ['uasc', 'UASC'],
  ['lscb', 'LSCB'],
  ['dcs', 'DCS'],
  ['la', 'LA'],
]);

/** 'help_and_protection.homeless_16_17' -> 'Homeless 16-17'. */
export function humaniseKey(key: string): string {
  const last = key.split('.').at(-1) ?? key;
  const words = last
    .replace(/(\d)_(?=\d)/g, '$1-')
    .split('_')
    .filter(Boolean)
    .map((w) => ACRONYMS.get(w) ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The judgement areas evidence can be filed under: those with evaluation criteria. */
export function evidenceAreas(fw: Framework): Array<{ key: string; title: string }> {
  return fw.criteria.areas.map((area) => {
    const j = fw.judgements.find((x) => x.key === area.judgement);
    return { key: area.judgement, title: j?.shortTitle ?? humaniseKey(area.judgement) };
  });
}

export function seedCodebook(fw: Framework): SeedCode[] {
  const out: SeedCode[] = [];
  const seen = new Set<string>();
  fw.criteria.areas.forEach((area, i) => {
    const j = fw.judgements.find((x) => x.key === area.judgement);
    const colour = AREA_COLOURS[i % AREA_COLOURS.length] ?? null;
    out.push({
      frameworkKey: area.judgement,
      parentKey: null,
      name: j?.shortTitle ?? humaniseKey(area.judgement),
      description: j?.title ?? null,
      isCodable: false,
      sortOrder: i,
      colour,
    });
    seen.add(area.judgement);
    area.items.forEach((item, k) => {
      if (seen.has(item.key)) return;
      seen.add(item.key);
      out.push({
        frameworkKey: item.key,
        parentKey: area.judgement,
        name: humaniseKey(item.key),
        description: item.text,
        isCodable: true,
        sortOrder: k,
        colour,
      });
    });
  });
  return out;
}
