// Builds reference/annex-a/code-sets.json, the project's own table of Annex A code lists and the
// real-world spellings seen for each code, from the facts in the shared reference files:
//   - annex-a/specs/annex_a_columns_derived.json (the Ofsted template's code lists, 2019 + 2023),
//   - annex-a/specs/liia-tools-pipeline_Annex_A_schema.yml (raw values seen in LA files, grouped).
// Plain JS because the repository has no TypeScript runner for scripts.
//
//   node scripts/build-annex-a-reference.mjs [referenceDir] [outFile]
//
// The output is sorted and carries no timestamp: the same sources give a byte-identical file.
// Each code set lists codes {code, label, group}; `variants` maps a normalised raw spelling to a
// code, or to "group:<group>" where the source only tells the group (e.g. "White" for ethnicity).
// Spellings that the source files put in two different places are left out as ambiguous.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/reference'));
const outFile = path.resolve(
  process.argv[3] ?? path.join(repoRoot, 'reference/annex-a/code-sets.json'),
);

const derived = JSON.parse(
  readFileSync(path.join(referenceDir, 'annex-a/specs/annex_a_columns_derived.json'), 'utf8'),
);
const pipeline = loadYaml(
  readFileSync(
    path.join(referenceDir, 'annex-a/specs/liia-tools-pipeline_Annex_A_schema.yml'),
    'utf8',
  ),
).column_map;

/** The comparison key for a raw value: the same function as src/domain/annex-a/normalise.ts. */
export function normaliseKey(raw) {
  return String(raw)
    .normalize('NFKC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const templateColumn = (list, name) => {
  const col = derived.lists[list].columns.find((c) => c.name === name);
  if (!col) throw new Error(`template column not found: ${list} / ${name}`);
  return col;
};
const pipelineColumn = (list, name) => {
  const raw = pipeline[list][name];
  // YAML merge keys ("<<: *anchor") are kept as a plain key by the YAML 1.2 parser.
  const col = raw?.['<<'] ? { ...raw['<<'], ...raw } : raw;
  if (!col?.category) throw new Error(`pipeline column not found: ${list} / ${name}`);
  return col.category;
};
const groupKey = (ofstedGroup) =>
  ofstedGroup
    ? normaliseKey(ofstedGroup)
        .replace(/^[a-z]{1,2}\d?\)\s*/, '')
        .replace(/^zzcodeerror$/, 'code error')
        .replace(/'/g, '')
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '')
    : null;
const stripPrefix = (s) => s.replace(/^[a-z]{1,2}\d?\)\s*/i, '').trim();

/**
 * Each set: where the template's codes are, how a template code string becomes the project's
 * machine code, the group of each code, and how the pipeline's categories map to codes/groups.
 */
const sets = {
  gender: {
    template: ['List 1', 'Gender'],
    code: (s) =>
      ({ male: 'male', female: 'female', 'not stated/recorded': 'not_stated', neither: 'neither' })[
        normaliseKey(stripPrefix(s))
      ],
    pipeline: [['list_1', 'Gender']],
    pipelineMap: {
      'a) Male': 'male',
      'b) Female': 'female',
      'c) Not stated/recorded': 'not_stated',
      'd) Neither': 'neither',
    },
  },
  ethnicity: {
    template: ['List 1', 'Ethnicity'],
    code: (s) => stripPrefix(s),
    group: (c) => groupKey(c.ofsted_group),
    pipeline: [['list_1', 'Ethnicity']],
    pipelineMap: {
      'a) White': 'group:white',
      'a) white': 'group:white',
      'b) Mixed': 'group:mixed',
      'c) Asian or Asian British': 'group:asian',
      'd) Black or black British': 'group:black',
      'e) Other ethnic group': 'group:other',
      'f) Not stated': 'group:unknown',
    },
  },
  source: {
    template: ['List 1', 'Contact Source'],
    code: (s) => /^[a-z]\)\s*(\d+[A-F]?):/i.exec(s)[1],
    group: (c) => groupKey(c.ofsted_group),
    extra: [
      {
        code: '5D',
        label: '5D: LA services - early help (CIN census, not in the 2019 template)',
        group: 'la_services',
      },
    ],
    pipeline: [
      ['list_1', 'Contact Source'],
      ['list_3', 'Referral Source'],
    ],
    pipelineMap: {
      'a) Individual': 'group:individual',
      'b) Schools': '2A',
      'c) Education Services': '2B',
      'c) Education services': '2B',
      'd) Health Services': 'group:health_services',
      'd) Health services': 'group:health_services',
      'e) Housing': '4',
      'f) LA Services': 'group:la_services',
      'f) LA services': 'group:la_services',
      'g) Police': '6',
      'h) Other legal agency': '7',
      'i) Other': '8',
      'j) Anonymous': '9',
      'k) Unknown': '10',
    },
  },
  yesNo: {
    template: ['List 3', 'Referral NFA?'],
    code: (s) => normaliseKey(stripPrefix(s)),
    pipeline: [
      ['list_3', 'Referral NFA?'],
      ['list_5', 'Was an Initial Child Protection Conference deemed unnecessary?'],
      [
        'list_7',
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
      ],
      ['list_8', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)'],
      [
        'list_8',
        'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
      ],
      ['list_11', 'Is the (prospective) adopter fostering for adoption?'],
    ],
    pipelineMap: { true: 'yes', false: 'no', Yes: 'yes', No: 'no' },
  },
  yesNoUnknown: {
    template: ['List 4', 'Does the Child have a Disability'],
    code: (s) => normaliseKey(stripPrefix(s)),
    pipeline: [
      ['list_4', 'Child Seen During Continuous Assessment'],
      ['list_7', 'Was the Child Seen Alone?'],
      [
        'list_8',
        'Was the child offered a Return Interview after their last missing episode (Y/N)?',
      ],
      ['list_8', 'Did the child accept a Return Interview after their last missing episode (Y/N)?'],
    ],
    pipelineMap: { true: 'yes', false: 'no', Yes: 'yes', No: 'no', Unknown: 'unknown' },
  },
  disability: {
    template: ['List 4', 'Does the Child have a Disability'],
    code: (s) => normaliseKey(stripPrefix(s)),
    pipeline: [['list_4', 'Does the Child have a Disability']],
    pipelineMap: { true: 'yes', false: 'no', Yes: 'yes', No: 'no', Unknown: 'unknown' },
  },
  primaryNeed: {
    template: ['List 6', 'Primary Need Code'],
    code: (s) => /^(N\d)/.exec(s)[1],
    pipeline: [
      ['list_6', 'Primary Need Code'],
      ['list_8', "Child's Category of Need"],
    ],
    pipelineMap: {
      'a) Abuse or neglect': 'N1',
      "b) Child's disability": 'N2',
      'c) Parents illness or disability': 'N3',
      'd) Family in acute stress': 'N4',
      'e) Family dysfunction': 'N5',
      'f) Socially unacceptable behaviour': 'N6',
      'g) Low income': 'N7',
      'h) Absent parenting': 'N8',
      'i) Not CIN': 'N9',
      'j) Not stated': 'N0',
    },
  },
  closureReason: {
    template: ['List 6', 'Reason for Closure'],
    code: (s) => /^(RC\d)/.exec(s)[1],
    pipeline: [['list_6', 'Reason for Closure']],
    pipelineMap: {
      'a) Adopted': 'RC1',
      'b) Died': 'RC2',
      'c) Residence Order': 'RC3',
      'd) Special Guardianship Order': 'RC4',
      'e) Transfer to another LA': 'RC5',
      'f) Transfer to Adult Social Services': 'RC6',
      "g) 'Other' incl. Child no longer in need": 'RC7',
      'h) Child not in need after assessment': 'group:closed_after_assessment',
    },
    groups: { RC8: 'closed_after_assessment', RC9: 'closed_after_assessment' },
  },
  caseStatus: {
    template: ['List 6', 'Case Status'],
    code: (s) =>
      ({
        'looked after child': 'looked_after',
        'child protection plan': 'cp_plan',
        'child in need plan': 'cin_plan',
        'open assessment': 'open_assessment',
        'closed episode': 'closed',
      })[normaliseKey(stripPrefix(s))],
    pipeline: [['list_6', 'Case Status']],
    pipelineMap: {
      'a) Looked after child': 'looked_after',
      'b) Child Protection plan': 'cp_plan',
      'c) Child in need plan': 'cin_plan',
      'd) Open assessment': 'open_assessment',
      'e) Closed episode': 'closed',
    },
  },
  abuseCategory: {
    template: ['List 7', 'Initial Category of Abuse'],
    code: (s) =>
      ({
        neglect: 'NEG',
        'physical abuse': 'PHY',
        'sexual abuse': 'SAB',
        'emotional abuse': 'EMO',
        'multiple/not recommended': 'MUL',
      })[normaliseKey(stripPrefix(s))],
    pipeline: [
      ['list_7', 'Initial Category of Abuse'],
      ['list_7', 'Latest Category of Abuse'],
    ],
    pipelineMap: {
      'a) Neglect': 'NEG',
      'b) Physical Abuse': 'PHY',
      'c) Sexual Abuse': 'SAB',
      'd) Emotional Abuse': 'EMO',
      'e) Multiple': 'MUL',
    },
  },
  legalStatus: {
    template: ['List 8', "Child's Legal Status"],
    code: (s) => /^([A-Z]\d):/.exec(s)[1],
    group: (c) => groupKey(c.ofsted_group),
    pipeline: [['list_8', "Child's Legal Status"]],
    pipelineMap: {
      'J1: Remanded to LA or youth detention': 'J1',
      'J2: LA accommodation under PACE': 'J2',
      'a) Interim care orders': 'C1',
      'b) Full care orders': 'C2',
      'c) Freed for  Adoption': 'D1',
      'd) Placement order granted': 'E1',
      'e) Accommodated under S20': 'V2',
      'f) Detained on child protection grounds in LA accommodation':
        'group:detained_on_child_protection_grounds_in_la_accommodation',
      'f) Detained on child protection grounds in LA accomodation':
        'group:detained_on_child_protection_grounds_in_la_accommodation',
      'g) Youth justice legal Statuses': 'group:youth_justice_legal_statuses',
    },
  },
  permanencePlan: {
    template: ['List 8', 'What is the permanence plan for this child?'],
    code: (s) =>
      ({
        'return to family': 'return_to_family',
        adoption: 'adoption',
        'sgo/cao': 'sgo_cao',
        'supported living in the community': 'supported_living',
        'long-term residential placement': 'long_term_residential',
        'long-term fostering': 'long_term_fostering',
        other: 'other',
      })[normaliseKey(stripPrefix(s))],
    pipeline: [['list_8', 'What is the permanence plan for this child?']],
    pipelineMap: {
      'a) Return to family': 'return_to_family',
      'b) Adoption': 'adoption',
      'c) SGO/CAO': 'sgo_cao',
      'd) Supported living in the community': 'supported_living',
      'e) Long-term residential placement': 'long_term_residential',
      'f) Long-term fostering': 'long_term_fostering',
      'g) Other': 'other',
    },
  },
  ceaseReason: {
    template: ['List 8', 'Reason Ceased to be Looked After'],
    code: (s) => /^[a-z]\)\s*([A-Z]\d+[AB]?):/.exec(s)[1],
    group: (c) => groupKey(c.ofsted_group) ?? 'aged_18_remained_with_carers',
    pipeline: [['list_8', 'Reason Ceased to be Looked After']],
    pipelineMap: {
      'a) Adopted': 'group:adopted',
      'b) Died': 'E2',
      'c) Care taken by another LA': 'E3',
      'd) Returned home to live with parents or relatives':
        'group:returned_home_to_live_with_parents_or_relatives',
      'e) Left care to live with parents, relatives or other person with no parental responsibility':
        'E13',
      'f) Residence order granted': 'E41',
      'g) Special Guardianship Orders': 'group:special_guardianship_orders',
      'h) Moved into independent living': 'group:moved_into_independent_living',
      'i) Transferred to residential care funded by adult social services': 'E7',
      'i) Transferred to residential care funded by adult social services ': 'E7',
      'j) Sentenced to custody': 'E9',
      'k) Accommodation on remand ended': 'E14',
      'l) Age assessment determined child was 18 or over': 'E15',
      'm) Child moved abroad': 'E16',
      'n) Care ceased for any other reason': 'E8',
      'n) Care ceased for any other reason ': 'E8',
    },
  },
  placementType: {
    template: ['List 8', 'Placement Type'],
    code: (s) => /([A-Z]\d):/.exec(s)[1],
    group: (c) => groupKey(c.ofsted_group) ?? 'supported_accommodation',
    label: (s) => s.replace(/\s*\(903 code from 2024\/25\)$/, ''),
    pipeline: [['list_8', 'Placement Type']],
    pipelineMap: {
      'a) Foster Placement': 'group:foster_placement',
      'a) Foster placement': 'group:foster_placement',
      'b) Placed for adoption': 'group:placed_for_adoption',
      'c) Placed with parents': 'P1',
      'd) Independent living': 'P2',
      'e) Residential employment': 'P3',
      'f) Residential accommodation': 'H5',
      'g) Secure Children’s Homes': 'K1',
      'h) Children’s Homes': 'K2',
      'i) Residential Care Home': 'R1',
      'j) NHS/Health Trust': 'R2',
      'k) Family Centre or Mother and Baby Unit': 'R3',
      'l) Young Offender Institution': 'R5',
      'm) Residential school': 'S1',
      'n) Other placements': 'Z1',
      'o) Temporary placement': 'group:temporary_placement',
    },
  },
  placementProvider: {
    template: ['List 8', 'Placement Provider'],
    code: (s) => /(PR\d)/.exec(s)[1],
    group: (c) => groupKey(c.ofsted_group),
    pipeline: [['list_8', 'Placement Provider']],
    pipelineMap: { 'a) Own LA': 'PR1', 'b) Private': 'PR4' },
  },
  placementLocation: {
    template: ['List 8', 'Placement Location'],
    code: (s) => normaliseKey(stripPrefix(s)),
    pipeline: [['list_8', 'Placement Location']],
    pipelineMap: { 'a) In': 'in', 'b) Out': 'out' },
  },
  eligibility: {
    template: ['List 9', 'Eligibility Category'],
    code: (s) =>
      ({
        'relevant child': 'relevant',
        'former relevant child': 'former_relevant',
        'qualifying care leaver': 'qualifying',
        'eligible child': 'eligible',
      })[normaliseKey(stripPrefix(s))],
    pipeline: [['list_9', 'Eligibility Category']],
    pipelineMap: {
      'a) Relevant': 'relevant',
      'b) Former relevant': 'former_relevant',
      'c) Qualifying': 'qualifying',
      'd) Eligible': 'eligible',
    },
  },
  inTouch: {
    template: ['List 9', 'LA in Touch'],
    code: (s) => normaliseKey(stripPrefix(s)).toUpperCase(),
    groups: {
      YES: 'in_touch',
      NO: 'not_in_touch',
      REFU: 'not_in_touch',
      NREQ: 'not_in_touch',
      DIED: 'excluded',
      RHOM: 'excluded',
    },
    pipeline: [['list_9', 'LA in Touch']],
    pipelineMap: { 'a) In touch': 'YES', 'b) Not in touch': 'group:not_in_touch' },
  },
  accommodation: {
    template: ['List 9', 'Type of Accommodation'],
    code: (s) => /^([A-Z]):/.exec(s)[1],
    pipeline: [['list_9', 'Type of Accommodation']],
    pipelineMap: {
      'a) With parents or relatives': 'B',
      'b) Community home': 'C',
      'c) Semi-independent transitional accommodation': 'D',
      'd) Supported lodgings': 'E',
      'e) Gone abroad': 'G',
      'f) Deported': 'H',
      'g) Ordinary lodgings': 'K',
      'h) Residence not known': 'R',
      'i) No fixed abode / homeless': 'S',
      'j) Foyers': 'T',
      'k) Independent living': 'U',
      'l) Emergency accommodation': 'V',
      'm) Bed and breakfast': 'W',
      'n) In custody': 'X',
      'o) With Former Foster Carer': 'Z',
      'p) Other accommodation': 'Y',
    },
  },
  suitability: {
    template: ['List 9', 'Suitability of Accommodation'],
    code: (s) => normaliseKey(stripPrefix(s)),
    pipeline: [['list_9', 'Suitability of Accommodation']],
    pipelineMap: { 'a) Suitable': 'suitable', 'b) Not suitable': 'unsuitable' },
  },
  activity: {
    template: ['List 9', 'Activity Status'],
    code: (s) => /^([FPG]\d):/.exec(s)[1],
    groups: Object.fromEntries(
      ['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5']
        .map((c) => [c, 'eet'])
        .concat(['G4', 'G5', 'G6'].map((c) => [c, 'neet'])),
    ),
    pipeline: [['list_9', 'Activity Status']],
    pipelineMap: {},
  },
  noLongerPlacedReason: {
    template: ['List 10', 'Reason Why Child No Longer Placed for Adoption'],
    code: (s) => /^(RD\d)/.exec(s)[1],
    pipeline: [['list_10', 'Reason Why Child No Longer Placed for Adoption']],
    pipelineMap: {
      'a) Child’s needs changed': 'RD1',
      'b) Court did not make a PO': 'RD2',
      'c) Prospective adopters cannot be found': 'RD3',
      'd) Any other reason': 'RD4',
    },
  },
  leavingReason: {
    template: ['List 11', 'Reason for leaving adoption process'],
    code: (s) => /^(\d)/.exec(s)[1],
    pipeline: [['list_11', 'Reason for leaving adoption process']],
    pipelineMap: {
      'a) Withdrew': '1',
      'b) Process on hold': '2',
      'c) Application refused': '3',
    },
  },
};

const out = { _about: '', codeSets: {} };
out._about =
  'Generated by scripts/build-annex-a-reference.mjs from the Ofsted Annex A template code lists ' +
  '(2019, with 2023 List 9) and the real-world value spellings collected by liia-tools-pipeline. ' +
  'Do not edit by hand.';

for (const [name, def] of Object.entries(sets)) {
  const col = templateColumn(...def.template);
  const codes = [];
  for (const c of col.codes) {
    const code = def.code(c.code);
    if (!code) throw new Error(`${name}: cannot derive a code from '${c.code}'`);
    const group = def.groups?.[code] ?? (def.group ? def.group(c) : null);
    codes.push({
      code,
      label: def.label ? def.label(c.code) : c.code,
      ...(group ? { group } : {}),
      ...(c.detail ? { detail: c.detail } : {}),
    });
  }
  for (const e of def.extra ?? []) codes.push(e);
  const known = new Set(codes.map((c) => c.code));
  const groups = new Set(codes.map((c) => c.group).filter(Boolean));
  const variants = new Map();
  const conflicted = new Set();
  for (const [list, column] of def.pipeline) {
    for (const cat of pipelineColumn(list, column)) {
      const target = def.pipelineMap[String(cat.code)];
      if (!target) continue;
      if (target.startsWith('group:')) {
        if (!groups.has(target.slice(6))) throw new Error(`${name}: unknown group ${target}`);
      } else if (!known.has(target)) throw new Error(`${name}: unknown code ${target}`);
      for (const raw of cat.name ?? []) {
        const key = normaliseKey(raw);
        if (key.length <= 1 && name === 'activity') continue; // the source has split strings here
        if (!key || ['nan', '-', '.', '..', 'na', 'n/a', 'null', 'none'].includes(key)) continue;
        if (variants.has(key) && variants.get(key) !== target) conflicted.add(key);
        variants.set(key, target);
      }
    }
  }
  for (const k of conflicted) variants.delete(k);
  out.codeSets[name] = {
    codes,
    variants: Object.fromEntries([...variants.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
const counts = Object.entries(out.codeSets).map(
  ([k, v]) => `${k}: ${v.codes.length} codes, ${Object.keys(v.variants).length} variants`,
);
process.stdout.write(`Wrote ${path.relative(repoRoot, outFile)}\n  ${counts.join('\n  ')}\n`);
