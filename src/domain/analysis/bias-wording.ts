// What the balance and bias views say in plain words. Munro (2014) lists the biases an inspection
// team is exposed to: first impressions, vivid recent evidence, confirmation, and treating all
// evidence as equally reliable; Birmingham (recs 1, 3-4) adds the missing voice of children and
// over-reliance on what is written down; LAs add deficit bias (good practice not reaching the
// report). Each function takes counts and returns a sentence and how much it matters.
import { MONTH_NAMES } from '../calendar/months.js';

export type Level = 'ok' | 'note' | 'concern';

export interface Statement {
  text: string;
  level: Level;
}

/** Fewer evaluative records than this and a view says it is too early to tell. */
export const MIN_RECORDS = 5;

export const pct = (part: number, whole: number): string =>
  whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** "Help and protection" mid-sentence, leaving acronyms ("LSCB") alone. */
export const midSentence = (s: string): string =>
  /^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** '2026-12-07' -> '7 December 2026'. */
export function dateInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}

function tooFew(area: string, n: number): Statement {
  return {
    text: `Only ${plural(n, 'record')} for ${midSentence(area)} so far: too few to judge.`,
    level: 'note',
  };
}

export interface DirectionCounts {
  strength: number;
  areaForImprovement: number;
  mixed: number;
  context: number;
  unset: number;
}

/** Strengths against areas for improvement (deficit bias, confirmation bias). */
export function directionStatement(area: string, c: DirectionCounts): Statement {
  const total = c.strength + c.areaForImprovement + c.mixed + c.context + c.unset;
  const evaluative = c.strength + c.areaForImprovement;
  if (evaluative < MIN_RECORDS) return tooFew(area, total);
  const a = midSentence(area);
  const unset =
    c.unset / total >= 0.3
      ? ` ${pct(c.unset, total)} of its records have no direction recorded.`
      : '';
  const share = c.strength / evaluative;
  if (c.strength === 0)
    return {
      text: `None of the ${evaluative} evaluative ${a} records is a strength: check that good practice seen is being recorded (deficit bias).${unset}`,
      level: 'concern',
    };
  if (c.areaForImprovement === 0)
    return {
      text: `All ${evaluative} evaluative ${a} records are strengths: test the first impression by looking for weaker practice.${unset}`,
      level: 'concern',
    };
  if (share < 0.2)
    return {
      text: `Only ${pct(c.strength, evaluative)} of evaluative ${a} evidence (${c.strength} of ${evaluative}) records strengths: check that good practice seen is being recorded.${unset}`,
      level: 'concern',
    };
  if (share > 0.8)
    return {
      text: `${upperFirst(pct(c.strength, evaluative))} of evaluative ${a} evidence (${c.strength} of ${evaluative}) records strengths: check that weaker practice is being looked for too.${unset}`,
      level: 'concern',
    };
  return {
    text: `${upperFirst(a)} evidence has ${plural(c.strength, 'strength')} and ${plural(c.areaForImprovement, 'area for improvement', 'areas for improvement')} (${pct(c.strength, evaluative)} strengths).${unset}`,
    level: unset ? 'note' : 'ok',
  };
}

export interface MethodMix {
  /** Case file reading and remote sampling. */
  caseRecords: number;
  /** All written sources: case records, performance data, LA audits, self-evaluation. */
  written: number;
  discussion: number;
  observation: number;
  childrenAndFamilies: number;
}

/**
 * The source mix (Birmingham recs 3-4; Munro: evidence types are not equally reliable), e.g.
 * "82% of help and protection evidence comes from case records; no observation of practice yet."
 */
export function methodMixStatement(
  area: string,
  m: MethodMix,
  opts: { expectChildrenAndFamilies?: boolean } = {},
): Statement {
  const total = m.written + m.discussion + m.observation + m.childrenAndFamilies;
  if (total < MIN_RECORDS) return tooFew(area, total);
  const a = midSentence(area);
  const missing: string[] = [];
  if (m.observation === 0) missing.push('no observation of practice yet');
  if (m.childrenAndFamilies === 0 && opts.expectChildrenAndFamilies !== false)
    missing.push('no conversations with children or families yet');
  if (m.discussion === 0) missing.push('no discussion with practitioners or managers yet');
  const tail = missing.length > 0 ? `; ${listInWords(missing)}` : '';
  if (m.caseRecords / total >= 0.6)
    return {
      text: `${pct(m.caseRecords, total)} of ${a} evidence comes from case records${tail}.`,
      level: 'concern',
    };
  if (m.written / total >= 0.6)
    return {
      text: `${pct(m.written, total)} of ${a} evidence comes from written records (case files, data, audits, self-evaluation)${tail}.`,
      level: 'concern',
    };
  const mix = `${pct(m.written, total)} written records, ${pct(m.discussion, total)} discussion, ${pct(m.observation, total)} observation, ${pct(m.childrenAndFamilies, total)} children and families`;
  if (missing.length > 0)
    return { text: `${upperFirst(a)} evidence: ${mix}${tail}.`, level: 'concern' };
  return { text: `${upperFirst(a)} evidence draws on a mix of methods: ${mix}.`, level: 'ok' };
}

export interface Spread {
  /** How many distinct ones the area's evidence concerns. */
  covered: number;
  /** How many the activity knows of (null when unknown). */
  known: number | null;
  /** The one most of the area's evidence concerns, and its share of the area's records. */
  top: { label: string; records: number } | null;
}

export interface Coverage {
  records: number;
  teams: Spread;
  localities: Spread;
  practitioners: Spread;
  /** Sampled children's cases: how many have evidence in this area, of how many in the sample. */
  sampledCases: { withEvidence: number; sampled: number };
}

/** Coverage of teams, localities, practitioners and sampled cases (first impressions, vividness). */
export function coverageStatement(area: string, c: Coverage): Statement {
  if (c.records < MIN_RECORDS) return tooFew(area, c.records);
  const a = midSentence(area);
  const of = (s: Spread, one: string, many: string) =>
    s.known !== null && s.known > 0
      ? `${s.covered} of ${plural(s.known, one, many)}`
      : plural(s.covered, one, many);
  const parts = [
    of(c.teams, 'team', 'teams'),
    of(c.localities, 'locality', 'localities'),
    of(c.practitioners, 'practitioner', 'practitioners'),
  ];
  let text = `${upperFirst(a)} evidence covers ${listInWords(parts)}`;
  let level: Level = 'ok';
  const concentrated = [c.teams, c.practitioners]
    .map((s, i) => ({ s, what: i === 0 ? 'team' : 'practitioner' }))
    .find(({ s }) => s.top !== null && s.covered > 1 && s.top.records / c.records >= 0.4);
  if (concentrated?.s.top) {
    text += `; ${pct(concentrated.s.top.records, c.records)} of it concerns one ${concentrated.what} (${concentrated.s.top.label})`;
    level = 'concern';
  } else if (c.teams.known && c.teams.covered / c.teams.known < 0.5) {
    text += `; most teams are not yet represented`;
    level = 'concern';
  }
  text += '.';
  const unseen = c.sampledCases.sampled - c.sampledCases.withEvidence;
  if (c.sampledCases.sampled > 0 && unseen > 0) {
    text += ` ${unseen} of ${plural(c.sampledCases.sampled, "sampled children's case", "sampled children's cases")} ${unseen === 1 ? 'has' : 'have'} no evidence here yet.`;
    if (level === 'ok') level = 'note';
  }
  return { text, level };
}

export interface VoiceCounts {
  records: number;
  childVoice: number;
  livedExperience: number;
  /** Conversations with a child or young person. */
  conversations: number;
  /** By service area (the child's cohort): records and how many evidence the child's voice. */
  byServiceArea: Array<{ label: string; records: number; childVoice: number }>;
}

/** The voice of the child by service area (Birmingham rec 1; 2019 review). */
export function voiceStatement(area: string, v: VoiceCounts): Statement {
  if (v.records < MIN_RECORDS) return tooFew(area, v.records);
  const a = midSentence(area);
  const silent = v.byServiceArea
    .filter((s) => s.records >= 3 && s.childVoice === 0)
    .map((s) => midSentence(s.label));
  const share = v.childVoice / v.records;
  const parts = [
    `The child's voice is evidenced in ${pct(v.childVoice, v.records)} of ${a} records (${v.childVoice} of ${v.records})`,
  ];
  if (v.conversations === 0) parts.push('no direct conversations with children yet');
  if (silent.length > 0) parts.push(`none in ${listInWords(silent)} cases`);
  const level: Level =
    share < 0.25 || v.conversations === 0 || silent.length > 0
      ? 'concern'
      : share < 0.5
        ? 'note'
        : 'ok';
  return { text: `${parts.join('; ')}.`, level };
}

export interface Arrival {
  records: number;
  /** The first day of fieldwork (or of evidence) and how many records came from it. */
  firstDay: string | null;
  onFirstDay: number;
  /** The latest day with evidence and how many records came from it. */
  lastDay: string | null;
  onLastDay: number;
  /** Days with at least one record. */
  days: number;
}

/** When evidence arrived: first impressions (first day) and vivid recent evidence (latest day). */
export function arrivalStatement(area: string, t: Arrival): Statement {
  if (t.records < MIN_RECORDS) return tooFew(area, t.records);
  const a = midSentence(area);
  if (t.days <= 1)
    return {
      text: `All ${a} evidence so far comes from one day${t.lastDay ? ` (${dateInWords(t.lastDay)})` : ''}.`,
      level: 'note',
    };
  const first = t.onFirstDay / t.records;
  if (t.firstDay && first >= 0.4)
    return {
      text: `${pct(t.onFirstDay, t.records)} of ${a} evidence was gathered on the first day (${dateInWords(t.firstDay)}): first impressions may weigh heavily; test them against later evidence.`,
      level: 'concern',
    };
  if (t.lastDay && t.days >= 3 && t.onLastDay / t.records >= 0.5)
    return {
      text: `${pct(t.onLastDay, t.records)} of ${a} evidence arrived on the latest day (${dateInWords(t.lastDay)}): recent, vivid evidence is easier to recall than earlier evidence.`,
      level: 'note',
    };
  return {
    text: `${upperFirst(a)} evidence arrived across ${t.days} days; ${pct(t.onFirstDay, t.records)} on the first day.`,
    level: 'ok',
  };
}
