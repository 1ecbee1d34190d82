// A seeded synthetic Annex A for tests, the demo and benchmarks (not domain logic: it lives in
// src/ only because the demo and `triangulate annex-a generate` ship with the product). It invents an LA's children and
// follows them through the front door (contacts -> referrals -> assessments -> section 47s ->
// plans -> care -> leaving care; adoption and adopters), so the lists agree with each other, and
// writes them the way real files arrive: varied sheet names, title rows above the headings,
// heading spellings, prefixed and bare codes and raw case-system labels, Excel dates, serial
// numbers, DD/MM/YYYY text, formulas with cached values, #N/A and non-breaking spaces.
// The same options always give the same workbook.
import { toCsv } from '../domain/files/cell-safety.js';
import { isoDateToSerial, serialToIsoDate } from '../domain/files/spreadsheet.js';
import { writeOds, writeXlsx, type WriteCell, type WriteSheet } from '../domain/files/writers.js';
import { codeSet, type CodeSetName } from '../domain/annex-a/code-sets.js';
import { annexALists, type FieldDef } from '../domain/annex-a/lists.js';
import { createRandom } from '../domain/sampling/seeded-random.js';

export interface GeneratorOptions {
  seed?: number;
  /** Roughly how many rows across all lists (100 .. 300,000). */
  rows: number;
  /** The extraction date (YYYY-MM-DD); events fall in the six months before it. */
  referenceDate?: string;
  /** Probability (0..1) that a value, heading or sheet name comes in a messy form. Default 0.3. */
  mess?: number;
  /** 2023 adds four List 9 columns. Default '2023'. */
  layout?: '2019' | '2023';
  /** Fraction of rows given a deliberate error (bad code, dates out of order, blank). Default 0. */
  errorRate?: number;
}

export interface GeneratedList {
  list: number;
  title: string;
  sheetName: string;
  /** Rows above the headings (title, blank). */
  preamble: WriteCell[][];
  headers: string[];
  rows: WriteCell[][];
}

export interface GeneratedAnnexA {
  referenceDate: string;
  lists: GeneratedList[];
  /** Rows given a deliberate error, by list. */
  erroneousRows: Record<number, number>;
}

/** Share of the rows each list takes in a typical six-month extract. */
const SHARES: Record<number, number> = {
  1: 0.42,
  2: 0.08,
  3: 0.13,
  4: 0.12,
  5: 0.05,
  6: 0.09,
  7: 0.025,
  8: 0.035,
  9: 0.02,
  10: 0.005,
  11: 0.005,
};

const TEAMS = [
  'Front Door MASH',
  'Locality North Duty',
  'Locality South Duty',
  'Locality East Unit 1',
  'Locality West Unit 2',
  'Children with Disabilities',
  'Children in Care Team 1',
  'Children in Care Team 2',
  'Care Leavers Team',
  'Adolescent Support',
];
const FIRST = ['Alex', 'Sam', 'Jo', 'Priya', 'Tomasz', 'Aisha', 'Chris', 'Morgan', 'Bola', 'Kim'];
const LAST = ['Smith', 'Patel', 'Nowak', 'Okafor', 'Jones', 'Khan', 'Evans', 'Brown', 'Li', 'Reid'];

interface Child {
  id: string;
  gender: string;
  ethnicity: string;
  dob: string; // ISO
  disability: string;
  team: string;
  worker: string;
}

const addDays = (iso: string, days: number): string => serialToIsoDate(isoDateToSerial(iso) + days);
const ageAt = (dob: string, ref: string): number => {
  let a = Number(ref.slice(0, 4)) - Number(dob.slice(0, 4));
  if (ref.slice(5) < dob.slice(5)) a--;
  return a;
};

/** Spellings of each code in a set: the template label, the bare code, and real-world ones. */
function spellings(set: CodeSetName): Map<string, string[]> {
  const cs = codeSet(set);
  const out = new Map<string, string[]>();
  for (const c of cs.codes) out.set(c.code, [c.label]);
  return out;
}

export function generateAnnexA(options: GeneratorOptions): GeneratedAnnexA {
  const r = createRandom(options.seed ?? 1);
  const ref = options.referenceDate ?? '2025-06-30';
  const mess = options.mess ?? 0.3;
  const layout = options.layout ?? '2023';
  const errorRate = options.errorRate ?? 0;
  const total = Math.max(20, Math.min(300_000, Math.round(options.rows)));
  const counts: Record<number, number> = {};
  for (let n = 1; n <= 11; n++) counts[n] = Math.max(1, Math.round(total * SHARES[n]!));
  counts[1]! += total - Object.values(counts).reduce((s, v) => s + v, 0);
  const sixMonthsAgo = addDays(ref, -182);
  const workers = TEAMS.map((t) => ({
    team: t,
    workers: Array.from({ length: 8 }, () => `${r.pick(FIRST)} ${r.pick(LAST)}`),
  }));

  const codes = (set: CodeSetName) => codeSet(set).codes.map((c) => c.code);
  const ethnicities = codes('ethnicity');
  const ethnicityWeights = ethnicities.map(
    (c) => [c, c === 'WBRI' ? 60 : c === 'NOBT' ? 4 : 2] as const,
  );
  let nextId = 100000 + r.int(0, 50000);
  const newChild = (minAge: number, maxAge: number): Child => {
    const age = r.int(minAge, maxAge);
    const dob = addDays(ref, -(age * 365 + r.int(0, 364)));
    const team = r.pick(workers);
    return {
      id: String(nextId++),
      gender: r.weighted([
        ['male', 49],
        ['female', 49],
        ['not_stated', 1.5],
        ['neither', 0.5],
      ] as const),
      ethnicity: r.weighted(ethnicityWeights),
      dob,
      disability: r.weighted([
        ['no', 85],
        ['yes', 12],
        ['unknown', 3],
      ] as const),
      team: team.team,
      worker: r.pick(team.workers),
    };
  };
  const eventDate = (c?: Child): string => {
    const d = addDays(sixMonthsAgo, r.int(0, 181));
    return c && d < c.dob ? c.dob : d;
  };

  // The front door funnel: contacts -> referrals -> assessments -> s47 -> CP.
  const contactChildren = Array.from({ length: Math.max(1, Math.round(counts[1]! * 0.8)) }, () =>
    newChild(0, 17),
  );
  const referred = contactChildren.slice(0, Math.max(1, Math.round(counts[3]! * 0.9)));
  const assessed = referred.slice(0, Math.max(1, counts[4]!));
  const s47 = assessed.slice(0, Math.max(1, counts[5]!));
  const cp = s47.slice(0, Math.max(1, counts[7]!));
  const cin = [...assessed.slice(0, Math.round(counts[6]! * 0.7))];
  while (cin.length < counts[6]!) cin.push(newChild(0, 17));
  const cla = Array.from({ length: counts[8]! }, () => newChild(0, 17));
  const leavers = Array.from({ length: counts[9]! }, () => newChild(17, 21));
  const adopted = Array.from({ length: counts[10]! }, () => newChild(0, 6));

  const raw: Record<number, Record<string, unknown>[]> = {};
  const person = (c: Child) => ({
    childId: c.id,
    gender: c.gender,
    ethnicity: c.ethnicity,
    dateOfBirth: c.dob,
    age: ageAt(c.dob, ref),
    disability: c.disability,
    team: c.team,
    workerRef: c.worker,
  });
  const sources = codes('source').filter((c) => c !== '5D');
  raw[1] = Array.from({ length: counts[1]! }, (_, i) => {
    const c = contactChildren[i % contactChildren.length]!;
    return { ...person(c), contactDate: eventDate(c), contactSource: r.pick(sources) };
  });
  raw[2] = Array.from({ length: counts[2]! }, () => {
    const c = newChild(0, 17);
    const start = eventDate(c);
    return {
      ...person(c),
      ehAssessmentStart: start,
      ehAssessmentEnd: r.chance(0.7) ? addDays(start, r.int(5, 60)) : null,
      ehOrganisation: r.pick([
        'Early Help Hub',
        'Family Support North',
        'School Nursing',
        'Family Hub',
      ]),
    };
  });
  const priorReferrals = new Map<string, number>();
  raw[3] = Array.from({ length: counts[3]! }, (_, i) => {
    const c = referred[i % referred.length]!;
    if (!priorReferrals.has(c.id))
      priorReferrals.set(
        c.id,
        r.weighted([
          [0, 75],
          [1, 15],
          [2, 7],
          [3, 3],
        ] as const),
      );
    return {
      ...person(c),
      referralDate: eventDate(c),
      referralSource: r.pick(sources),
      referralNfa: r.chance(0.12) ? 'yes' : 'no',
      referralsLast12Months: priorReferrals.get(c.id),
    };
  });
  raw[4] = Array.from({ length: counts[4]! }, (_, i) => {
    const c = assessed[i % assessed.length]!;
    const start = eventDate(c);
    const done = r.chance(0.8);
    return {
      ...person(c),
      assessmentStart: start,
      childSeen: r.weighted([
        ['yes', 90],
        ['no', 8],
        ['unknown', 2],
      ] as const),
      assessmentAuthorised: done ? addDays(start, r.int(3, 70)) : null,
      requiresSupport: done ? (r.chance(0.55) ? 'yes' : 'no') : null,
    };
  });
  raw[5] = Array.from({ length: counts[5]! }, (_, i) => {
    const c = s47[i % s47.length]!;
    const start = eventDate(c);
    const conference = r.chance(0.45);
    return {
      ...person(c),
      strategyDiscussionDate: start,
      icpcNotRequired: conference ? 'no' : 'yes',
      icpcDate: conference ? addDays(start, r.int(5, 25)) : null,
      icpcResultedInPlan: conference ? (r.chance(0.8) ? 'yes' : 'no') : null,
      s47sLast12Months: r.weighted([
        [0, 70],
        [1, 20],
        [2, 10],
      ] as const),
      icpcsLast12Months: r.weighted([
        [0, 80],
        [1, 20],
      ] as const),
    };
  });
  const needs = codes('primaryNeed');
  raw[6] = cin.map((c) => {
    const start0 = addDays(ref, -r.int(10, 900));
    const start = start0 < c.dob ? c.dob : start0;
    const closed = r.chance(0.3);
    const closure = closed ? addDays(start, r.int(10, 300)) : null;
    return {
      ...person(c),
      cinStartDate: start,
      primaryNeed: r.weighted(
        needs.map((n) => [n, n === 'N1' ? 50 : n === 'N9' || n === 'N0' ? 1 : 7] as const),
      ),
      lastSeenDate: addDays(ref, -r.int(0, 60)),
      cinClosureDate: closure && closure < ref ? closure : null,
      closureReason: closure && closure < ref ? r.pick(['RC7', 'RC8', 'RC9', 'RC5']) : null,
      caseStatus:
        closure && closure < ref
          ? 'closed'
          : r.pick(['cin_plan', 'cin_plan', 'open_assessment', 'cp_plan', 'looked_after']),
    };
  });
  const abuse = codes('abuseCategory');
  raw[7] = cp.map((c) => {
    const start0 = addDays(ref, -r.int(5, 800));
    const start = start0 < c.dob ? c.dob : start0;
    const ended = r.chance(0.3);
    return {
      ...person(c),
      cpPlanStart: start,
      initialCategory: r.pick(abuse),
      latestCategory: r.pick(abuse),
      lastStatutoryVisit: addDays(ref, -r.int(0, 40)),
      seenAlone: r.weighted([
        ['yes', 70],
        ['no', 25],
        ['unknown', 5],
      ] as const),
      latestReviewConference:
        addDays(start, r.int(0, 90)) < ref ? addDays(start, r.int(0, 90)) : null,
      cpPlanEnd: ended
        ? addDays(start, r.int(60, 700)) < ref
          ? addDays(start, r.int(60, 700))
          : null
        : null,
      epoOrPolicePowers: r.chance(0.04) ? 'yes' : 'no',
      previousCpPlans: r.weighted([
        [0, 78],
        [1, 17],
        [2, 5],
      ] as const),
    };
  });
  const legal = codes('legalStatus').filter((c) => !['V3', 'V4'].includes(c));
  const placements = codes('placementType');
  const providers = codes('placementProvider');
  raw[8] = cla.map((c) => {
    const start0 = addDays(ref, -r.int(20, 3000));
    const start = start0 < c.dob ? c.dob : start0;
    const ceased = r.chance(0.15);
    const placement = addDays(
      start,
      r.int(0, Math.max(0, isoDateToSerial(ref) - isoDateToSerial(start) - 1)),
    );
    const missing = r.weighted([
      [0, 85],
      [1, 8],
      [3, 5],
      [12, 2],
    ] as const);
    const ceasedDate = ceased ? addDays(ref, -r.int(1, 150)) : null;
    const okCeased = ceasedDate && ceasedDate >= placement ? ceasedDate : null;
    return {
      ...person(c),
      uasc: r.chance(0.06) ? 'yes' : 'no',
      lookedAfterStart: start,
      categoryOfNeed: r.pick(needs.filter((n) => n !== 'N9' && n !== 'N0')),
      secondPeriodInYear: r.chance(0.05) ? 'yes' : 'no',
      legalStatusStart: addDays(start, r.int(0, 200)) < ref ? addDays(start, r.int(0, 200)) : start,
      legalStatus: r.weighted(
        legal.map((l) => [l, l === 'C2' ? 50 : l === 'V2' ? 20 : 3] as const),
      ),
      latestReview: addDays(ref, -r.int(0, 180)),
      lastSocialWorkVisit: addDays(ref, -r.int(0, 60)),
      permanencePlan: r.pick(codes('permanencePlan')),
      lastIroContact: addDays(ref, -r.int(0, 180)),
      lastHealthAssessment: addDays(ref, -r.int(0, 400)),
      lastDentalCheck: r.chance(0.9) ? addDays(ref, -r.int(0, 420)) : null,
      placementsLast12Months: r.weighted([
        [1, 70],
        [2, 20],
        [3, 7],
        [4, 3],
      ] as const),
      ceasedDate: okCeased,
      ceaseReason: okCeased ? r.pick(codes('ceaseReason').filter((x) => x !== 'X1')) : null,
      placementStart: placement,
      placementType: r.weighted(
        placements.map(
          (p) => [p, p === 'U6' ? 30 : p === 'U4' ? 15 : p === 'K2' ? 10 : 1] as const,
        ),
      ),
      placementProvider: r.pick(providers),
      placementPostcode: `${r.pick(['LS', 'M', 'B', 'NE', 'SW'])}${r.int(1, 28)} ${r.int(1, 9)}${r.pick(['AB', 'DF', 'QX', 'TY'])}`,
      placementUrn: r.chance(0.3) ? `SC${r.int(100000, 999999)}` : null,
      placementLocation: r.chance(0.7) ? 'in' : 'out',
      placementLa: r.chance(0.7)
        ? 'Home Town'
        : r.pick(['Leeds', 'Manchester', 'Birmingham', 'WAL - Child placed in Wales']),
      missingEpisodes: missing,
      absentEpisodes: r.weighted([
        [0, 90],
        [1, 7],
        [2, 3],
      ] as const),
      returnInterviewOffered: missing > 0 ? (r.chance(0.85) ? 'yes' : 'no') : null,
      returnInterviewAccepted: missing > 0 ? (r.chance(0.6) ? 'yes' : 'no') : null,
    };
  });
  raw[9] = leavers.map((c) => {
    const inTouch = r.weighted([
      ['YES', 88],
      ['NO', 5],
      ['REFU', 3],
      ['NREQ', 3],
      ['DIED', 0.5],
      ['RHOM', 0.5],
    ] as const);
    const touch = inTouch === 'YES';
    return {
      ...person(c),
      team: 'Care Leavers Team',
      uasc: r.chance(0.1) ? 'yes' : 'no',
      personalAdvisorRef: r.chance(0.95) ? `${r.pick(FIRST)} ${r.pick(LAST)}` : null,
      eligibility: r.weighted([
        ['relevant', 15],
        ['former_relevant', 75],
        ['qualifying', 5],
        ['eligible', 5],
      ] as const),
      pathwayPlanReview: addDays(ref, -r.int(0, 200)),
      inTouch,
      latestContact: touch ? addDays(ref, -r.int(0, 60)) : null,
      accommodation: touch
        ? r.weighted(
            codes('accommodation').map(
              (a) => [a, a === 'U' ? 30 : a === 'D' ? 15 : a === 'Z' ? 10 : 2] as const,
            ),
          )
        : null,
      suitability: touch ? (r.chance(0.9) ? 'suitable' : 'unsuitable') : null,
      activity: touch
        ? r.weighted(codes('activity').map((a) => [a, a.startsWith('G') ? 10 : 5] as const))
        : null,
    };
  });
  raw[10] = adopted.map((c) => {
    const entered = addDays(c.dob, r.int(0, 300));
    const decision = addDays(entered, r.int(30, 200));
    const placed = r.chance(0.7);
    const matched = addDays(decision, r.int(30, 200));
    const placedDate = addDays(matched, r.int(7, 40));
    const order = placed && r.chance(0.6) ? addDays(placedDate, r.int(60, 200)) : null;
    const fam = `FAM${r.int(10000, 99999)}`;
    return {
      ...person(c),
      familyRef: fam,
      enteredCare: entered,
      decisionToPlace: decision,
      placementOrder: addDays(decision, r.int(10, 100)),
      matched: placed ? matched : null,
      placedForAdoption: placed ? placedDate : null,
      adoptionOrder: order && order < ref ? order : null,
      decisionNoLongerPlaced: null,
      noLongerPlacedReason: null,
      ffaPlacement: null,
    };
  });
  let adopterId = 900000;
  raw[11] = Array.from({ length: counts[11]! }, () => {
    const enquiry = addDays(ref, -r.int(30, 360));
    const s1 = addDays(enquiry, r.int(5, 30));
    const s2 = addDays(s1, r.int(40, 70));
    return {
      adopterId: String(adopterId++),
      familyRef: `FAM${r.int(10000, 99999)}`,
      gender: r.pick(['male', 'female']),
      ethnicity: r.weighted(ethnicityWeights),
      disability: r.chance(0.05) ? 'yes' : 'no',
      fosteringForAdoption: r.chance(0.2) ? 'yes' : 'no',
      enquiryDate: enquiry,
      stage1Start: s1,
      stage1End: addDays(s1, r.int(30, 60)),
      stage2Start: s2,
      stage2End: addDays(s2, r.int(90, 130)) < ref ? addDays(s2, r.int(90, 130)) : null,
      applicationSubmitted: s2,
      applicationApproved: null,
      matched: null,
      placed: null,
      childrenPlaced: null,
      adoptionOrder: null,
      leftProcess: null,
      leavingReason: null,
    };
  });

  // Messy rendering.
  const spell = new Map<CodeSetName, Map<string, string[]>>();
  const spellingsOf = (set: CodeSetName) => {
    let s = spell.get(set);
    if (!s) {
      s = spellings(set);
      spell.set(set, s);
    }
    return s;
  };
  const extraSpellings: Partial<Record<CodeSetName, Record<string, string[]>>> = {
    gender: {
      male: ['M', 'Male', '1'],
      female: ['F', 'Female', '2'],
      not_stated: ['Not stated/recorded', 'U'],
      neither: ['Neither'],
    },
    yesNo: { yes: ['Yes', 'Y'], no: ['No', 'N'] },
    yesNoUnknown: { yes: ['Yes', 'Y'], no: ['No', 'N'], unknown: ['Unknown'] },
    disability: { yes: ['Yes', 'Y'], no: ['No', 'N', 'NONE'], unknown: ['Unknown'] },
  };
  const renderCode = (f: FieldDef, value: string): string => {
    const set = f.codeSet!;
    const label = spellingsOf(set).get(value)?.[0] ?? value;
    if (!r.chance(mess)) return label;
    const extra = extraSpellings[set]?.[value];
    const stripped = label.replace(/^[a-z]{1,2}\d?\)\s*/, '');
    const options = [stripped, ...(extra ?? []), /^[A-Z0-9]{1,4}$/.test(value) ? value : stripped];
    if (set === 'ethnicity')
      options.push(`${value} - ${codeSet('ethnicity').get(value)?.detail ?? ''}`);
    return r.pick(options);
  };
  const dateMode = (): 'date' | 'text' | 'serial' =>
    r.chance(mess) ? r.pick(['text', 'serial', 'text'] as const) : 'date';
  const renderDate = (iso: string, mode: 'date' | 'text' | 'serial'): WriteCell =>
    mode === 'date'
      ? { date: iso }
      : mode === 'serial'
        ? isoDateToSerial(iso)
        : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const headerVariant = (f: FieldDef): string => {
    if (!r.chance(mess)) return f.header;
    const h = f.header;
    const variants = [
      `${h} `,
      h.replace(/'/g, '’'),
      f.key === 'age' ? 'Age' : h,
      h.replace(/\(Y\/N\)$/, '(Y/N))'),
      h.toLowerCase().replace(/^./, (c) => c.toUpperCase()),
    ];
    return r.pick(variants);
  };

  const erroneousRows: Record<number, number> = {};
  const lists: GeneratedList[] = [];
  for (const def of annexALists) {
    const fields = def.fields.filter((f) => !(f.since && layout === '2019'));
    const headers = fields.map(headerVariant);
    const modes = fields.map(() => dateMode());
    const nameStyle = r.chance(mess) ? r.pick(['List_N', 'List N - Title'] as const) : 'List N';
    const sheetName =
      nameStyle === 'List_N'
        ? `List_${def.number}`
        : nameStyle === 'List N - Title'
          ? `List ${def.number} - ${def.title}`.slice(0, 31)
          : `List ${def.number}`;
    const preamble: WriteCell[][] = r.chance(mess)
      ? [[`List ${def.number}: ${def.title}`], ...(r.chance(0.3) ? [[]] : [])]
      : [];
    const rows: WriteCell[][] = [];
    let errors = 0;
    const rowOffset = preamble.length + 2; // data starts on this spreadsheet row
    for (const [i, rec] of (raw[def.number] ?? []).entries()) {
      const out: WriteCell[] = [];
      for (const [j, f] of fields.entries()) {
        const v = rec[f.key === 'placementPostcodeDistrict' ? 'placementPostcode' : f.key];
        if (v === null || v === undefined) {
          out.push(r.chance(mess * 0.05) ? { error: '#N/A' } : null);
          continue;
        }
        switch (f.type) {
          case 'date':
          case 'dob': {
            const mode = modes[j]!;
            // Some end dates arrive as formulas on the start date, like hand-built sheets.
            const prev = fields[j - 1];
            const prevV = prev ? rec[prev.key] : null;
            if (
              mode === 'date' &&
              prev?.type === 'date' &&
              typeof prevV === 'string' &&
              r.chance(mess * 0.2)
            ) {
              const diff = isoDateToSerial(v as string) - isoDateToSerial(prevV);
              out.push({
                formula: `${colLetter(j - 1)}${rowOffset + i}+${diff}`,
                value: isoDateToSerial(v as string),
                date: true,
              });
            } else out.push(renderDate(v as string, mode));
            break;
          }
          case 'code':
            out.push(renderCode(f, String(v)));
            break;
          case 'age':
          case 'integer':
            out.push(v as number);
            break;
          case 'text':
          case 'staff':
            out.push(r.chance(mess * 0.1) ? String(v).replace(' ', '\u00a0') : String(v));
            break;
          default:
            out.push(String(v));
        }
      }
      if (errorRate > 0 && r.chance(errorRate)) {
        errors++;
        const kind = r.int(0, 2);
        const codeIdx = fields.findIndex((f) => f.type === 'code' && !f.canBeBlank);
        const reqIdx = fields.findIndex((f) => !f.canBeBlank && f.type === 'date');
        if (kind === 0 && codeIdx >= 0) out[codeIdx] = 'Not a real code';
        else if (kind === 1 && reqIdx >= 0) out[reqIdx] = null;
        else out[0] = null;
      }
      rows.push(out);
    }
    erroneousRows[def.number] = errors;
    lists.push({ list: def.number, title: def.title, sheetName, preamble, headers, rows });
  }
  return { referenceDate: ref, lists, erroneousRows };
}

function colLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function sheetsOf(g: GeneratedAnnexA, withGuidance: boolean): WriteSheet[] {
  const sheets: WriteSheet[] = g.lists.map((l) => ({
    name: l.sheetName,
    rows: [...l.preamble, l.headers, ...l.rows],
  }));
  if (withGuidance)
    sheets.unshift(
      {
        name: 'Front_Sheet',
        rows: [['Annex A: child level data'], ['Local authority', 'Home Town']],
      },
      {
        name: 'Guidance',
        rows: [['List 1: Contacts'], ['Child Unique ID', 'The ID used in your system']],
      },
    );
  return sheets;
}

/** The synthetic Annex A as an .xlsx workbook (one sheet per list, plus template extras). */
export function annexAToXlsx(g: GeneratedAnnexA, opts: { level?: 1 | 6 } = {}): Uint8Array {
  return writeXlsx(sheetsOf(g, true), { neutralise: false, level: opts.level ?? 6 });
}

/** The synthetic Annex A as an .ods workbook. */
export function annexAToOds(g: GeneratedAnnexA): Uint8Array {
  return writeOds(sheetsOf(g, false), { neutralise: false });
}

/** One list as CSV text (dates as DD/MM/YYYY text, as CSV exports have them). */
export function annexAListToCsv(g: GeneratedAnnexA, list: number): string {
  const l = g.lists.find((x) => x.list === list);
  if (!l) throw new Error(`no list ${list}`);
  const flat = (c: WriteCell): string | number | boolean | null => {
    if (c === null || c === undefined) return null;
    if (typeof c !== 'object') return c;
    if ('formula' in c)
      return typeof c.value === 'number' && c.date
        ? ddmmyyyy(serialToIsoDate(c.value))
        : String(c.value);
    if ('date' in c) return ddmmyyyy(c.date);
    return c.error;
  };
  return toCsv([l.headers, ...l.rows.map((row) => row.map(flat))]);
}

const ddmmyyyy = (iso: string): string =>
  `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
