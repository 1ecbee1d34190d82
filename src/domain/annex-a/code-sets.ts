// The Annex A code lists (reference/annex-a/code-sets.json, built by
// scripts/build-annex-a-reference.mjs from the template and real-world spellings) and the value
// mapper: exact template code, then the code itself at the start ("WBRI - White British (101)",
// "K1 : K1 Secure unit"), then a known real-world spelling, then the label without its prefix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../../paths.js';
import { normaliseKey, stripPrefix } from './normalise.js';

export interface Code {
  code: string;
  label: string;
  group?: string;
  detail?: string;
}

export interface CodeSetFile {
  codeSets: Record<string, { codes: Code[]; variants: Record<string, string> }>;
}

export const codeSetNames = [
  'gender',
  'ethnicity',
  'source',
  'yesNo',
  'yesNoUnknown',
  'disability',
  'primaryNeed',
  'closureReason',
  'caseStatus',
  'abuseCategory',
  'legalStatus',
  'permanencePlan',
  'ceaseReason',
  'placementType',
  'placementProvider',
  'placementLocation',
  'eligibility',
  'inTouch',
  'accommodation',
  'suitability',
  'activity',
  'noLongerPlacedReason',
  'leavingReason',
] as const;
export type CodeSetName = (typeof codeSetNames)[number];

/** What a raw value maps to: a code (with its group), a group only, or nothing. */
export type CodeMatch =
  | {
      kind: 'code';
      code: string;
      group: string | null;
      via: 'exact' | 'token' | 'variant' | 'label';
    }
  | { kind: 'group'; group: string }
  | { kind: 'none' };

/** Extra spellings that the real-world table lacks but files plainly use. */
const EXTRA_SPELLINGS: Partial<Record<CodeSetName, Record<string, string>>> = {
  gender: {
    m: 'male',
    f: 'female',
    u: 'not_stated',
    '1': 'male',
    '2': 'female',
    '0': 'not_stated',
    '9': 'not_stated',
    'not stated': 'not_stated',
  },
  yesNo: { y: 'yes', n: 'no', '1': 'yes', '0': 'no', true: 'yes', false: 'no' },
  yesNoUnknown: {
    y: 'yes',
    n: 'no',
    '1': 'yes',
    '0': 'no',
    true: 'yes',
    false: 'no',
    u: 'unknown',
    'not known': 'unknown',
  },
  disability: {
    y: 'yes',
    n: 'no',
    '1': 'yes',
    '0': 'no',
    true: 'yes',
    false: 'no',
    u: 'unknown',
    none: 'no',
    'no disability': 'no',
  },
  suitability: {
    y: 'suitable',
    n: 'unsuitable',
    yes: 'suitable',
    no: 'unsuitable',
    'not suitable': 'unsuitable',
  },
  placementLocation: { inside: 'in', outside: 'out' },
  abuseCategory: { physical: 'PHY', sexual: 'SAB', emotional: 'EMO', multiple: 'MUL' },
};

export class CodeSet {
  private readonly byKey = new Map<string, Code>();
  private readonly byCode = new Map<string, Code>();
  private readonly byLabel = new Map<string, Code>();
  private readonly variants = new Map<string, string>();
  private readonly tokenRe: RegExp;
  private readonly cache = new Map<string, CodeMatch>();

  constructor(
    readonly name: CodeSetName,
    readonly codes: readonly Code[],
    variants: Record<string, string>,
  ) {
    for (const c of codes) {
      this.byKey.set(normaliseKey(c.label), c);
      this.byCode.set(c.code.toLowerCase(), c);
      this.byLabel.set(normaliseKey(stripPrefix(normaliseKey(c.label))), c);
      // "1A: Individual" -> "individual" is ambiguous; keep only labels after a code.
      const afterCode = /^[a-z0-9]{1,4}\s*[:-]\s*(.+)$/.exec(stripPrefix(normaliseKey(c.label)));
      if (afterCode?.[1] && !this.byLabel.has(afterCode[1])) this.byLabel.set(afterCode[1], c);
      if (c.detail) {
        const d = normaliseKey(c.detail).replace(/^[a-z0-9]{1,4} - /, '');
        if (!this.byLabel.has(d)) this.byLabel.set(d, c);
      }
    }
    for (const [k, v] of Object.entries(variants)) this.variants.set(k, v);
    for (const [k, v] of Object.entries(EXTRA_SPELLINGS[name] ?? {})) this.variants.set(k, v);
    // Codes that are tokens (WBRI, 1A, K1, E4A, RC8, PR4...), found at the start of a value.
    // Single letters (accommodation B, C...) count only when a separator follows ("B - ...").
    const tokens = codes
      .map((c) => c.code)
      .filter((c) => /^[A-Z0-9]{1,4}$/.test(c) && /\d|^[A-Z]{3,4}$/.test(c))
      .sort((a, b) => b.length - a.length)
      .map((t) => t.toLowerCase());
    const letters = codes
      .map((c) => c.code)
      .filter((c) => /^[A-Z]$/.test(c))
      .map((t) => t.toLowerCase());
    const alternatives = [
      ...(tokens.length ? [`(${tokens.join('|')})(?=$|[\\s:)\\]\\-.,;/])`] : []),
      ...(letters.length ? [`([${letters.join('')}])(?=\\s*[:)\\]\\-])`] : []),
    ];
    this.tokenRe = alternatives.length ? new RegExp(`^[(\\[]?(?:${alternatives.join('|')})`) : /$^/;
  }

  has(code: string): boolean {
    return this.byCode.has(code.toLowerCase());
  }

  get(code: string): Code | undefined {
    return this.byCode.get(code.toLowerCase());
  }

  /** Maps a raw text value (already known not to be blank). Results are cached per set. */
  match(raw: string): CodeMatch {
    const hit = this.cache.get(raw);
    if (hit) return hit;
    const result = this.compute(raw);
    if (this.cache.size < 50_000) this.cache.set(raw, result);
    return result;
  }

  private code(c: Code, via: 'exact' | 'token' | 'variant' | 'label'): CodeMatch {
    return { kind: 'code', code: c.code, group: c.group ?? null, via };
  }

  private compute(raw: string): CodeMatch {
    const key = normaliseKey(raw);
    const exact = this.byKey.get(key);
    if (exact) return this.code(exact, 'exact');
    const bare = stripPrefix(key);
    const direct = this.byCode.get(bare) ?? this.byCode.get(key);
    if (direct) return this.code(direct, 'exact');
    const variant = this.variants.get(key) ?? this.variants.get(bare);
    const tm = this.tokenRe.exec(bare);
    const token = tm?.[1] ?? tm?.[2];
    const tokenCode = token ? this.byCode.get(token) : undefined;
    if (variant && !variant.startsWith('group:')) {
      const c = this.byCode.get(variant.toLowerCase());
      if (c) return this.code(c, 'variant');
    }
    // A code at the start of the value ("CHNE - Chinese") beats a grouped real-world spelling.
    if (variant?.startsWith('group:')) {
      if (tokenCode) return this.code(tokenCode, 'token');
      const byLabel = this.byLabel.get(bare);
      if (byLabel) return this.code(byLabel, 'label'); // "White British" is the WBRI label
      return { kind: 'group', group: variant.slice(6) };
    }
    if (tokenCode) return this.code(tokenCode, 'token');
    const label = this.byLabel.get(bare);
    if (label) return this.code(label, 'label');
    return { kind: 'none' };
  }
}

let loaded: Map<CodeSetName, CodeSet> | null = null;

export function codeSetFile(): CodeSetFile {
  return JSON.parse(
    readFileSync(path.join(referenceDir(), 'annex-a', 'code-sets.json'), 'utf8'),
  ) as CodeSetFile;
}

/** The project's code sets, loaded once. */
export function codeSets(): Map<CodeSetName, CodeSet> {
  if (loaded) return loaded;
  const file = codeSetFile();
  const map = new Map<CodeSetName, CodeSet>();
  for (const name of codeSetNames) {
    const set = file.codeSets[name];
    if (!set) throw new Error(`reference/annex-a/code-sets.json has no code set '${name}'`);
    map.set(name, new CodeSet(name, set.codes, set.variants));
  }
  loaded = map;
  return map;
}

export function codeSet(name: CodeSetName): CodeSet {
  const set = codeSets().get(name);
  if (!set) throw new Error(`unknown code set ${name}`);
  return set;
}
