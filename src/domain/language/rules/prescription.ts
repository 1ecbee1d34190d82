// Remedies prescribed in focused-visit letters: "the local authority should introduce a new
// panel", "Implement the Graded Care Profile", "leaders would benefit from adopting Signs of
// Safety". The 2019 ILACS implementation review (paragraph 109) found letters recommending how the
// LA should remedy issues, against the inspector guidance: letters say what needs to improve and
// how far it is from good (paragraphs 99, 108, 112), not how to fix it.
import type { Hit, Rule } from '../types.js';
import { hit, matches } from './match.js';

const WHY =
  'A focused-visit letter should say what needs to improve and how far it is from good, not how ' +
  'to fix it: the 2019 ILACS review (paragraph 109) found letters prescribing remedies, against ' +
  'the inspector guidance; the choice of remedy belongs to the local authority.';

const SUGGESTION =
  'State the area and the extent instead: “The quality of plans for children in need is not yet ' +
  'good: plans do not say who will do what by when.”';

const VERBS = [
  ['introduce', 'introducing', 'introduced'],
  ['implement', 'implementing', 'implemented'],
  ['adopt', 'adopting', 'adopted'],
  ['commission', 'commissioning', 'commissioned'],
  ['establish', 'establishing', 'established'],
  ['set up', 'setting up', 'set up'],
  ['create', 'creating', 'created'],
  ['appoint', 'appointing', 'appointed'],
  ['recruit', 'recruiting', 'recruited'],
  ['roll out', 'rolling out', 'rolled out'],
  ['deploy', 'deploying', 'deployed'],
  ['purchase', 'purchasing', 'purchased'],
  ['procure', 'procuring', 'procured'],
  ['restructure', 'restructuring', 'restructured'],
  ['invest in', 'investing in', 'invested in'],
  ['use', 'using', 'used'],
  ['employ', 'employing', 'employed'],
  ['develop', 'developing', 'developed'],
  ['consider', 'considering', 'considered'],
  ['expand', 'expanding', 'expanded'],
  ['extend', 'extending', 'extended'],
  ['replace', 'replacing', 'replaced'],
  ['reconfigure', 'reconfiguring', 'reconfigured'],
  ['redesign', 'redesigning', 'redesigned'],
  ['train', 'training', 'trained'],
  ['increase', 'increasing', 'increased'],
  ['reduce', 'reducing', 'reduced'],
  ['allocate', 'allocating', 'allocated'],
  ['ensure', 'ensuring', 'ensured'],
  ['review', 'reviewing', 'reviewed'],
  ['put in place', 'putting in place', 'put in place'],
  ['embed', 'embedding', 'embedded'],
  ['strengthen', 'strengthening', 'strengthened'],
  ['prioritise', 'prioritising', 'prioritised'],
  ['undertake', 'undertaking', 'undertaken'],
  ['provide', 'providing', 'provided'],
  ['revise', 'revising', 'revised'],
  ['update', 'updating', 'updated'],
  ['audit', 'auditing', 'audited'],
  ['move', 'moving', 'moved'],
  ['stop', 'stopping', 'stopped'],
  ['start', 'starting', 'started'],
  ['continue to', 'continuing to', 'continued'],
  ['agree', 'agreeing', 'agreed'],
  ['accelerate', 'accelerating', 'accelerated'],
  ['explore', 'exploring', 'explored'],
  ['seek', 'seeking', 'sought'],
  ['build', 'building', 'built'],
] as const;
/**
 * Verbs that name what needs to get better rather than how ("strengthen", "embed", "develop"):
 * "oversight needs to be strengthened" states the area for improvement, which letters should do.
 * They count only as an instruction to an agent ("leaders should strengthen ...").
 */
const GENERIC = new Set([
  'develop',
  'expand',
  'extend',
  'ensure',
  'embed',
  'strengthen',
  'prioritise',
  'undertake',
  'provide',
  'revise',
  'update',
  'continue to',
]);
const alt = (forms: readonly string[]) => forms.map((f) => f.replace(/ /g, '\\s+')).join('|');
const BASE = alt(VERBS.map((v) => v[0]));
const GERUND = alt(VERBS.map((v) => v[1]));
const PARTICIPLE = alt(VERBS.filter((v) => !GENERIC.has(v[0])).map((v) => v[2]));
const SPECIFIC = alt(VERBS.filter((v) => !GENERIC.has(v[0])).map((v) => v[0]));

const MODAL_ACTION = new RegExp(
  `\\b(?:(?:should|must|ought\\s+to|(?:is|are)\\s+(?:advised|recommended)\\s+to|(?:we|inspectors)\\s+(?:recommend|suggest|advise)(?:\\s+that)?|it\\s+is\\s+(?:recommended|advised|suggested)\\s+that)\\s+(?:[\\p{L}-]+ly\\s+)?(?:also\\s+)?(?:${BASE})|needs?\\s+to\\s+(?:[\\p{L}-]+ly\\s+)?(?:${SPECIFIC})|(?:would\\s+benefit\\s+from|should\\s+consider|(?:we|inspectors)\\s+(?:recommend|suggest))\\s+(?:${GERUND}))\\b`,
  'giu',
);
/** "needs to strengthen ..." counts when an agent is the subject: "the virtual school needs to ensure". */
const AGENT_NEEDS = new RegExp(
  `\\b(?:leaders|managers|the\\s+(?:local\\s+authority|council|service|board|partnership|virtual\\s+school|team|director)|senior\\s+leaders|partners|the\\s+lscb)\\s+(?:also\\s+)?needs?\\s+to\\s+(?:[\\p{L}-]+ly\\s+)?(?:${BASE})\\b`,
  'giu',
);
/**
 * Before "need to" / "would benefit from": not the inspectors' advice. A noun "needs" ("children's
 * needs to ensure"), a relative clause ("actions that need to be taken"), or children, families or
 * carers as the subject ("when children need to move").
 */
const NOT_ADVICE_BEFORE =
  /(?:(?:['’]s|\b(?:their|his|her|its|complex|additional|individual|health|emotional|educational|identified|assessed|unmet|own))\s+$|\b(?:that|which|who|whom|whose)\s+(?:\w+\s+)?$|\b(?:children|child|young\s+people|young\s+person|families|family|parents|carers|they|he|she|you|we|people|anyone|staff)\s+(?:\w+\s+){0,3}$|\b(?:when|where|if|whether|how|what|why)\s+(?:[\w’'-]+\s+){0,6}$)/i;

/** "We recommend that ...", "it is suggested that ...": advice to the LA whatever the verb. */
const ADVICE =
  /\b(?:(?:we|inspectors)\s+(?:would\s+)?(?:recommend|suggest|advise)|it\s+is\s+(?:recommended|suggested|advised))\b/giu;
/** Before "need to ...": the LA's own recognition ("leaders know they need to"), not advice. */
const RECOGNISED =
  /\b(?:recognis\w*|recogniz\w*|know|knows|knew|understand\w*|identified|identifies|aware|plans?|planned|intend\w*|acknowledg\w*|accept\w*)\s+(?:that\s+)?(?:\w+\s+){0,4}$|\b(?:the|a)\s+$/i;
const MODAL_PASSIVE = new RegExp(
  `\\b(?:should|must|needs?\\s+to|ought\\s+to)\\s+be\\s+(?:[\\p{L}-]+ly\\s+)?(?:${PARTICIPLE})\\b`,
  'giu',
);
/** An imperative at the start of a sentence or bullet: "Introduce a weekly panel ...". */
export const IMPERATIVE = new RegExp(
  `^(?:(?:${BASE})\\s+and\\s+)?(?:${BASE}|make\\s+sure)\\s+(?=(?:the|a|an|all|each|every|its|their|how|whether|that|there|on|opportunities|more|additional|extra|new|clear|regular|sufficient|enough|further|appropriate|specialist|[\\p{L}-]+ly)\\b)`,
  'iu',
);
/** Named practice models and tools: prescribing one is choosing the LA's remedy. */
const NAMED_TOOL =
  /\b(?:signs\s+of\s+safety|signs\s+of\s+wellbeing|graded\s+care\s+profile(?:\s+2)?|GCP2?|family\s+safeguarding(?:\s+model)?|mockingbird|restorative\s+practice|systemic\s+(?:practice|model|unit)s?|motivational\s+interviewing|safe\s+and\s+together|strengthening\s+families|outcomes\s+star|family\s+group\s+conferenc\w*|no\s+wrong\s+door|reclaiming\s+social\s+work|hackney\s+model|solution[- ]focused\s+(?:practice|approach)|trauma[- ]informed\s+(?:practice|approach)|brighter\s+futures|DARE|SMART\s+plans?|a\s+(?:new\s+)?(?:panel|tool|toolkit|checklist|template|dashboard|tracker|protocol|pathway|hub|team|unit)\b)/giu;

export const prescriptionRule: Rule = {
  id: 'prescription',
  title: 'Remedy prescribed',
  why: WHY,
  suggestion: SUGGESTION,
  kinds: ['focused-visit-letter', 'inspection-report', 'monitoring-visit-letter'],
  check({ sentences }) {
    const hits: Hit[] = [];
    for (const s of sentences) {
      const found: Hit[] = [];
      for (const re of [MODAL_ACTION, AGENT_NEEDS, MODAL_PASSIVE, ADVICE]) {
        for (const m of matches(s, re)) {
          if (found.some((f) => m.index < f.end && m.index + m[0].length > f.start)) continue;
          const lead = s.text.slice(Math.max(0, m.index - 60), m.index);
          if (/^(?:needs?|must)\b|\bneeds?\s+to\b/i.test(m[0]) && RECOGNISED.test(lead)) continue;
          if (/^(?:needs?|would|should)\b/i.test(m[0]) && NOT_ADVICE_BEFORE.test(lead)) continue;
          found.push(
            hit(
              s,
              m.index,
              m.index + m[0].length,
              `“${m[0]}” tells the local authority what to do.`,
            ),
          );
        }
      }
      const imperative = IMPERATIVE.exec(s.text);
      if (imperative && found.length === 0) {
        found.push(
          hit(s, 0, imperative[0].length, `“${imperative[0]}” at the start prescribes an action.`),
        );
      }
      // A named tool counts when the sentence already instructs ("should use Signs of Safety"),
      // starts with an imperative, or says the LA "would benefit from" it.
      if (found.length > 0 || imperative || /\bwould\s+benefit\s+from\b/i.test(s.text)) {
        for (const m of matches(s, NAMED_TOOL)) {
          if (/^a\s/i.test(m[0]) && !imperative) continue;
          found.push(
            hit(
              s,
              m.index,
              m.index + m[0].length,
              `Naming “${m[0]}” chooses the remedy for the local authority.`,
            ),
          );
        }
      }
      hits.push(...found);
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};
