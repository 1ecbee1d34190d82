// Sweeping quantifiers from a sample: "all children", "always", "never", "every", "no child".
// Munro (2014, recommendation 7) objects to "a generalization about all cases based on a sample";
// the 2019 ILACS review (paragraph 111) records LAs' concern with quantifying language ("most"
// rather than "not all"). A scoped use ("all the children's records we saw") is fine.
import type { Hit, Rule } from '../types.js';
import { hit, matches, wordsAfter, wordsBefore } from './match.js';

const WHY =
  'Inspectors see a sample of cases, so “all”, “every”, “always” and “never” claim more than the ' +
  'evidence shows unless they come from complete data (Munro 2014, recommendation 7: avoid ' +
  'generalising about all cases from a sample).';

const SUGGESTION =
  'Scope it to the evidence: “in all 24 cases we sampled”, “in the cases we saw”, “most”, ' +
  '“nearly all”, “consistently in the records we read”; or name the complete data it comes from.';

const QUANTIFIER =
  /\b(?:all|every|everyone|everybody|always|never|none|no\s+(?:child|children|young\s+(?:person|people)|family|families|care\s+leavers?|cases?|one))\b/giu;
/**
 * Universal claims about practice without "all": "views are consistently taken into account",
 * "evident at all levels", "considered at every opportunity", "throughout the service", "at the
 * heart of everything they do", "no matter where they live". Readers of the labelled set flag
 * these as often as "all children": each says the practice holds everywhere, which a sample
 * cannot show.
 */
const UNIVERSAL =
  /\b(?:consistently|invariably|universally|without\s+exception|at\s+all\s+(?:[\p{L}-]+\s+){0,1}levels|at\s+every\s+(?:[\p{L}-]+\s+){0,1}(?:level|opportunity|stage|point)|throughout\s+the\s+(?:organisation|service|services|workforce|council|department|partnership|local\s+authority)|everything\s+(?:they|it|we|that\s+(?:they|it|we))\s+(?:do|does|did)\b)/giu;
/** Before "consistently": a comparison or a negation, not a claim ("more consistently", "not yet consistently"). */
const NOT_UNIVERSAL_BEFORE = new Set([
  'more',
  'less',
  'increasingly',
  'yet',
  'not',
  'always',
  'fairly',
  'reasonably',
  'sufficiently',
]);
const ROLE = /^(?:managers|leaders|staff|practitioners|workers|officers|partners|members)$/;
/** A trend in data, not a generalisation from cases ("has fallen consistently for three years", "has consistently exceeded the budget"). */
const DATA_TREND =
  /\b(?:exceed\w*|fallen|risen|fell|rose|increased|decreased|declined|grown|for\s+the\s+(?:past|last)|over\s+the\s+(?:past|last)|since\s+\d{4}|year\s+on\s+year)\b/i;
/** After "All X": a policy or an entitlement, known in full ("are offered an advocate", "are given priority on the housing list"). */
const POLICY_AFTER =
  /^(?:[\p{L}’'-]+\s+){0,8}?(?:are|is|were|was)\s+(?:\w+ly\s+)?(?:offered|given\s+(?:priority|the\s+opportunity)|entitled|eligible|invited|considered\s+as\s+part|made\s+using|expected\s+to)\b|^(?:[\p{L}’'-]+\s+){0,8}?(?:have|has|had)\s+access\b/iu;
/** An indirect question or topic: "how well it keeps children at the heart of all that it does". */
const TOPIC_BEFORE =
  /\b(?:how\s+(?:well|successfully|effectively|far)|whether|the\s+extent\s+to\s+which)\b/i;

/** Words just before the quantifier that soften or negate it ("not all", "nearly all"). */
const SOFTENERS = new Set(['not', 'nearly', 'almost', 'virtually', 'practically', 'hardly']);
/** What may come before a clause-opening "all": nothing, punctuation, a conjunction, "In". */
const CLAUSE_START =
  /(?:^|[,;:(—–-]\s*|\b(?:and|but|that|where|when|while|because|so|although|whereas)\s+)(?:in\s+)?$/i;
/** Words before "all" that make an idiom or a statistic ("at all", "above all", "6% of all"). */
const BEFORE_ALL = new Set(['at', 'above', 'once', 'if', 'after']);
/** "6% of all children", "half of all": a statistic about a whole population. */
const STAT_OF =
  /(?:%|\bper\s+cent|\bproportion|\bpercentage|\bnumber|\bmajority|\bminority|\bhalf|\bthird|\bquarter|\brates?|\bmost|\bmany|\bsome|\bfew|\beach|\bone|\btwo|\bthree)\s+of\s+$/i;
/** Words after "all"/"every" that are idioms, schedules or counted sets, not generalisations. */
const AFTER_ALL =
  /^(?:but|too|or|(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b|of\s+(?:which|whom|these|this|them|us|it)|\d|the\s+time|along|ages|age|levels|in\s+all|concerned|parties|told|year|round|that\s+(?:is|was))/;
const AFTER_EVERY =
  /^(?:\d|one|two|three|four|five|six|eight|ten|twelve|day|days|week|weeks|weekend|weekends|night|fortnight|month|months|year|years|quarter|term|time|effort|opportunity|other|so|now|morning|evening|visit|meeting|chance|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)\b/;
/** A scope to the evidence follows: "all the records we saw", "every child whose case was audited". */
const SCOPED =
  /^(?:(?!(?:is|are|was|were|be|been|has|have|had)\b)[\p{L}’'-]+\s+){0,6}?(?:(?:that|which|who|whom)\s+)?(?:we|inspectors?|they\s+(?:saw|observed|reviewed|sampled)|whose|seen|saw|observed|sampled|audited|reviewed|considered|examined|tracked|viewed|looked\s+at|spoken\s+to|met|read|in\s+the\s+sample|in\s+our\s+sample|in\s+the\s+cases)\b/iu;
/** Before the quantifier: an aspiration or instruction, not a claim ("should ensure all"). */
const ASPIRATION =
  /\b(?:should|must|ought|need(?:s|ed)?\s+to|(?:to|should|must|will|would|can|could|help|helps)\s+(?:\w+\s+)?(?:ensure|make\s+sure)|so\s+that|more\s+to\s+do|further\s+work|motivation|determined|determination|aim|aims|ambition|ambitions|aspiration|aspirations|aspire|expectation|expect|expects|intend|intends|want|wants|commitment|committed|strive|priority|vision|goal|plans?\s+to|ensuring)\b/i;
/** Earlier in the clause: a negation ("not embedded across all teams", "cannot be confident"). */
const CLAUSE_NEGATION =
  /\b(?:not|cannot|never|no|neither|nor|lack|lacks|unable|insufficient(?:ly)?)\b|n[’']t\b/i;
/** Just before: availability, entitlement or statistics, not a claim about practice. */
const NOT_A_GENERALISATION =
  /\b(?:available|open|offered|accessible|entitled|eligible|extended|applies|apply|provides?|provided|can|may|figures?|rate|rates|average|averages|proportion|percentage|number|compared|than|national|across\s+england|entry|point|access|expected\s+of)\s+(?:\w+\s+){0,2}$|\b(?:opportunit\w*|training|offer|provision|services?|support|programmes?|framework)\s+(?:\w+\s+){0,2}(?:for|to)\s+$/i;
/** Reported speech: children's and staff's own words ("care leavers say ... always there"). */
const REPORTED =
  /\b(?:say|says|said|told|tell|tells|describe|described|describes|reported|feel|feels|felt|commented|explained)\b/i;
/** Anywhere in the sentence: the claim is scoped to the cases inspectors looked at. */
const SCOPED_ANYWHERE =
  /\b(?:(?:on|in|of|from|across)\s+(?:the\s+)?(?:\d+\s+)?(?:cases?|records?|files?|plans?)\s+(?:seen|sampled|reviewed|audited|read|examined|tracked|considered|viewed|looked\s+at)|(?:cases?|records?|reports?|plans?|assessments?)\s+(?:seen|sampled|viewed|reviewed|read)\s+by\s+inspectors|(?:that|which)\s+(?:we|inspectors)\s+(?:saw|sampled|reviewed|read|tracked|viewed))\b/i;
/** A recommendation: the sentence starts with an instruction ("Improve the response to all ..."). */
const INSTRUCTION =
  /^\s*(?:improve|ensure|develop|strengthen|review|establish|increase|reduce|make\s+sure|provide|continue|extend|embed|implement|introduce|consider|monitor|evaluate|analyse|identify|agree|commission|promote|raise|secure|undertake|put|work)\b/i;

/** Direct observation earlier in the sentence ("Inspectors saw ... in all service areas"). */
const OBSERVED_BEFORE =
  /\b(?:(?:inspectors|we)\s+(?:saw|observed|sampled|looked\s+at|reviewed|tracked)|(?:cases?|records?|files?)\s+(?:sampled|seen|reviewed|audited|tracked)|(?:in|of)\s+the\s+(?:cases?|records?|sample))\b/i;

/** Complete sets that can be known in full: recommendations, previous actions, statutory duties. */
const COMPLETE_SET =
  /^(?:(?:the|of\s+the|its|their|our|of\s+its|of\s+their)\s+)?(?:(?:previous|(?:\w+\s+)?recommendations|issues\s+(?:identified|raised)|areas\s+(?:for|of|identified)|actions|statutory|relevant|required|approvals|(?:\w+(?:’s|'s)\s+)?priorities|local\s+authorities|partners\s+signed)\b)/;

/** After "no children": a state the records count in full (where they live, what they are subject to). */
const COUNTED_FACT =
  /^(?:(?:is|are|was|were|had\s+been|have\s+been|has\s+been)\s+(?:currently\s+|then\s+)?(?:living|placed|accommodated|housed|missing|detained|held|waiting|awaiting|unallocated|subject\s+to|on\s+(?:a|the)|in\s+(?:unregistered|unregulated|bed|custody|secure|b&b|hotels?)|privately\s+fostered|electively)|(?:live|lived|lives)\s+in\b)/;

export const quantifierRule: Rule = {
  id: 'sweeping-quantifier',
  title: 'Sweeping quantifier',
  why: WHY,
  suggestion: SUGGESTION,
  check({ sentences, config }) {
    const hits: Hit[] = [];
    for (const s of sentences) {
      if (s.heading) continue;
      const t = s.text;
      for (const m of matches(s, QUANTIFIER)) {
        const word = m[0].toLowerCase().replace(/\s+/g, ' ');
        const end = m.index + m[0].length;
        const before = wordsBefore(t, m.index, 1)[0] ?? '';
        const rest = t.slice(end).replace(/^\s+/, '').toLowerCase();
        if (SOFTENERS.has(before)) continue;
        if (word === 'all' && BEFORE_ALL.has(before)) continue;
        // "all" inside a noun phrase ("training for all foster carers", "review all children
        // referred") usually states a remit or policy; the claims are the clause openers.
        if (
          word === 'all' &&
          config.quantifiers.all === 'clause-start' &&
          !CLAUSE_START.test(t.slice(0, m.index))
        )
          continue;
        if (STAT_OF.test(t.slice(Math.max(0, m.index - 30), m.index))) continue;
        if (word === 'all' && (AFTER_ALL.test(rest) || COMPLETE_SET.test(rest))) continue;
        if (word === 'every' && AFTER_EVERY.test(rest)) continue;
        if (word === 'never' && /^(?:been|before)\b/.test(rest)) continue;
        if (/^(?:all|every|no|none)/.test(word) && SCOPED.test(rest)) continue;
        // "none of whom", "none of these young people": a set the sentence has just counted.
        if (word === 'none' && /^of\s+(?:whom|which|these|those|them|us)\b/.test(rest)) continue;
        // "They all say ...": reported speech follows.
        if (REPORTED.test(wordsAfter(t, end, 2).join(' '))) continue;
        const lead = t.slice(Math.max(0, m.index - 140), m.index);
        const clause = clauseOf(t, m.index);
        if (SCOPED_ANYWHERE.test(t) || INSTRUCTION.test(t)) continue;
        if (
          /^no\s/.test(word) &&
          /^(?:representation|representatives?|involvement|participation|input|voice|forum|council|group)\b/.test(
            rest,
          )
        )
          continue;
        if (ASPIRATION.test(t.slice(0, m.index)) || /^\s*(?:ensure|make\s+sure)\b/i.test(t))
          continue;
        if (word !== 'never' && CLAUSE_NEGATION.test(clause)) continue;
        if (NOT_A_GENERALISATION.test(lead)) continue;
        if (REPORTED.test(t.slice(0, m.index)) || OBSERVED_BEFORE.test(t.slice(0, m.index)))
          continue;
        if (wordsAfter(t, end, 1)[0] === 'but') continue;
        if (universalExcluded(t, m.index, end)) continue;
        // "All children do not have a care plan" means "not all": a shortfall, not a generalisation.
        if (
          /^(?:[\p{L}’'-]+\s+){0,6}?(?:do|does|did|are|is|have|has|were|was)\s+not\b/iu.test(rest)
        )
          continue;
        if (word === 'all' && POLICY_AFTER.test(rest)) continue;
        // "none have been fully remedied": a shortfall counted, not a success generalised.
        if (
          word === 'none' &&
          /^(?:of\s+(?:\w+\s+){1,3})?(?:has|have|had|is|are|was|were)\s+(?:yet\s+)?(?:been\s+)?(?:\w+ly\s+)?(?:remedied|addressed|met|completed|resolved|implemented|achieved)\b/.test(
            rest,
          )
        )
          continue;
        // "No children were living in unregistered homes": a count from complete records.
        if (/^no\s/.test(word) && COUNTED_FACT.test(rest)) continue;
        hits.push(hit(s, m.index, end, `“${m[0]}” generalises from a sample.`));
      }
      for (const m of matches(s, UNIVERSAL)) {
        const end = m.index + m[0].length;
        const before = wordsBefore(t, m.index, 2);
        if (NOT_UNIVERSAL_BEFORE.has(before[before.length - 1] ?? '')) continue;
        // "managers at all levels": the phrase names a group of people, it does not claim a practice.
        if (/^at\s+all/i.test(m[0]) && ROLE.test(before[before.length - 1] ?? '')) continue;
        if (
          /^consistently$/i.test(m[0]) &&
          (DATA_TREND.test(t) || qualityJudgement(t, m.index, end))
        )
          continue;
        if (
          /^(?:consistently|universally)$/i.test(m[0]) &&
          /^\s+(?:in)?consistent/i.test(t.slice(end))
        )
          continue;
        if (universalExcluded(t, m.index, end)) continue;
        const lead = t.slice(Math.max(0, m.index - 140), m.index);
        const clause = clauseOf(t, m.index);
        if (CLAUSE_NEGATION.test(clause) || /\b(?:not|lack|n[’']t)\b/i.test(t.slice(end, end + 40)))
          continue;
        if (SCOPED_ANYWHERE.test(t) || INSTRUCTION.test(t) || OBSERVED_BEFORE.test(lead)) continue;
        if (ASPIRATION.test(t.slice(0, m.index)) || REPORTED.test(t.slice(0, m.index))) continue;
        hits.push(hit(s, m.index, end, `“${m[0]}” generalises from a sample.`));
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};

/**
 * The clause the quantifier is in: from the last semicolon, colon or coordinating comma, and
 * after a fronted subordinate clause ("When children are unable to …, options are always
 * considered": the negation there does not scope over the claim).
 */
function clauseOf(t: string, i: number): string {
  let lead = t.slice(0, i);
  const fronted =
    /^\s*(?:when|where|if|once|although|while|whilst|because|since|after|before)\b[^,;]*,/i.exec(
      lead,
    );
  if (fronted) lead = lead.slice(fronted[0].length);
  return (
    lead
      .slice(-140)
      .split(/[;:]|,\s+(?:but|although|while|and|which)\b/)
      .pop() ?? ''
  );
}

/**
 * "consistently good", "of a consistently high standard", "to consistently maintain": a quality
 * judgement in the framework's own grade wording, or an aim, not a claim that a practice happens in
 * every case ("views are consistently taken into account", "staff consistently make …").
 */
function qualityJudgement(t: string, start: number, end: number): boolean {
  const next = (/^\s+([\p{L}-]+)/u.exec(t.slice(end))?.[1] ?? '').toLowerCase();
  const prev = wordsBefore(t, start, 1)[0] ?? '';
  return QUALITY.test(next) || /^(?:a|an|the|to|of|be)$/.test(prev);
}
const QUALITY =
  /^(?:good|better|strong|stronger|high|higher|effective|well|timely|robust|swift|positive|excellent|outstanding|thorough|clear|appropriate|poor|weak|low|inadequate|child-centred|responsive|detailed|purposeful|and|over)$/;

/** Quotations, idioms and topics, whichever word makes the claim. */
function universalExcluded(t: string, start: number, end: number): boolean {
  // "a ‘never give up’ attitude": a quoted name or slogan.
  if (/[‘'“"]\s*$/.test(t.slice(Math.max(0, start - 2), start))) return true;
  if (/^\s*(?:’s|'s)\s+business\b/i.test(t.slice(end)) || /^\s+its\s+forms\b/i.test(t.slice(end)))
    return true;
  // Grades and the inspection's own method are known in full ("judged good in all areas").
  if (/\b(?:judged|judgements?|inspectors\s+(?:made|used))\b/i.test(t)) return true;
  // A count at a point in time, from the LA's complete records ("at the end of the inspection, all ...").
  if (
    /\b(?:at\s+the\s+(?:end|time)\s+of\s+(?:the\s+)?inspection|during\s+the\s+inspection)\b/i.test(
      t,
    )
  )
    return true;
  return TOPIC_BEFORE.test(t.slice(Math.max(0, start - 100), start));
}
