// Causal claims a sample cannot carry: "as a result of early help, needs did not escalate",
// "because of", "led to", "resulted in", "due to", "prevented". Munro (2014, recommendation 8):
// observations on an inspection can show correlations between services and outcomes, but a
// causal connection is only speculative; reports need more cautious language about causality.
import type { Hit, Rule } from '../types.js';
import { hit, matches, wordsAfter, wordsBefore } from './match.js';
import { IMPERATIVE } from './prescription.js';
import { CHAIN, PATTERNS } from './causal-patterns.js';

const WHY =
  'A causal claim says the service produced the outcome; evidence from a sample of cases can ' +
  'show what happened alongside the service, not that it caused it (Munro 2014, recommendation 8: ' +
  'judge correlations, and be cautious about causality).';

const SUGGESTION =
  'Describe the link you saw and how sure you are: “since … started, fewer …”, “inspectors saw ' +
  '… alongside …”, “is likely to have contributed to”, “in the cases we saw, … followed …”.';

/** Words before a causal verb that make it a possibility, not a claim ("could lead to"). */
const MODAL = new Set([
  'could',
  'may',
  'might',
  'can',
  'would',
  'will',
  'potentially',
  'possibly',
  'likely',
  'risk',
  'risks',
  'unlikely',
  'to',
  'should',
  'not',
  "n't",
  'never',
]);

/** "due to <verb>" is a timetable, not a cause: "due to start", "due to be reviewed". */
const SCHEDULED =
  /^(?:be|start|begin|commence|retire|leave|open|close|end|finish|complete|conclude|take|go|move|return|transfer|launch|report|expire|join|meet|sit|attend|give|have|hold|get|undergo|become|turn)$/;
/** A noun "results in": "audit results in March", "the results in English". */
const RESULT_NOUN =
  /^(?:the|their|its|his|her|our|these|those|audit|test|exam|examination|good|better|positive|gcse|outcome|survey|key|stage|early)$/;
/** "as a result of this inspection": a fact about the inspection, not a claim about impact. */
const PROCEDURAL =
  /^(?:this|the|our|these|inspectors|inspectors’|inspectors')\s+(?:(?:focused|monitoring)\s+)?(?:inspection|visit|inspectors|findings|feedback|concerns raised|inspector)/;

/** Effects that are a step in a procedure, known from the records: "resulted in a referral". */
const PROCESS_EFFECT =
  /^(?:(?:an?|the)\s+(?:new\s+|further\s+|formal\s+|expedited\s+)?(?:referral|assessment|strategy\s+(?:meeting|discussion)|action\s+plan|recruitment|appointment|creation|establishment|development|launch|closure|bid)|referrals?\b|actions?\s+being)\b/;
/** "As a result, a new team was appointed": an administrative fact, not an impact claim. */
const ADMIN_CLAUSE =
  /^[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:appointed|commissioned|established|created|introduced|launched|restructured|recruited|set\s+up|implemented|produced|agreed|invited|completed|published|revised|updated|reviewed|closed|opened|merged)\b/i;

/** The sentence gives the reason for a grade ("requires improvement because of"): reasoning, not a claim about impact. */
const JUDGEMENT_REASON =
  /\b(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|(?:is|are|were|was)\s+(?:judged\s+)?(?:good|outstanding))\s*,?\s*(?:because|due\s+to|as\s+a\s+result)/i;
/** A single case or reported words, where the link was seen or said directly. */
const DIRECT =
  /\b(?:in\s+(?:one|this|that|a\s+single)\s+case|for\s+(?:one|this)\s+(?:child|young\s+person)|(?:children|young\s+people|parents|carers|staff|managers|leaders|care\s+leavers|they)\s+(?:say|said|told|report|reported|describe|described|feel|felt))\b/i;

/** "because" after a requirement or a judgement of importance: a reason, not a claim about impact. */
const BECAUSE_NOT_CAUSAL =
  /\b(?:important|essential|necessary|required|requirement|statutory|significant|concerning|worrying|a\s+concern|good\s+practice|is\s+so)\s*,?\s*$/i;

/** "to <verb> … and" just before: the next verb belongs to the same purpose. */
const PURPOSE_CHAIN =
  /\bto\s+(?!(?:the|their|his|her|its|a|an|this|these|those|them|children|families|young|each|any|all|some|be)\b)(?![\p{L}-]+ing\b)[\p{L}-]+(?:\s+[\p{L}’'-]+){0,5}\s+and\s+$/iu;
/** Links whose effect follows them. */
const FORWARD = new Set(['led to', 'resulted in', 'contributed to', 'meaning that', 'means that']);
/** A delay or a gap in the work as the effect (not children's experience of it). */
const PROCESS_SHORTFALL =
  /^(?:(?:some|a|an|further|significant|additional|avoidable|unnecessary)\s+)*(?:delays?|gaps?|backlogs?|drift)\b(?!\s+(?:and|or)\s+(?:a\s+)?(?:deterioration|harm))|^(?:(?:some|a\s+few|several)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:assessments?|plans?|visits?|reviews?|meetings?|checks?|referrals?)\s+being\s+delayed\b/iu;
const HEDGED_EFFECT = /^[^.;]{0,60}?\b(?:can|may|might|could)\s+(?:be|have|become|feel|lead)\b/i;
/** Before these causal verbs: a purpose or a possibility, not a claim ("to enable", "could allow"). */
const PURPOSE_BEFORE = new Set([
  'to',
  'could',
  'would',
  'might',
  'may',
  'can',
  'will',
  'should',
  'must',
  'aim',
  'aims',
  'designed',
  'intended',
  'order',
  'help',
  'helps',
  'helped',
  'helping',
  'ways',
  'need',
  'needs',
]);
/**
 * After "due to" / "because of": a shortage of staff or money explains a shortfall ("visits are
 * late due to staff turnover", "partly due to a shortage of interpreters"); readers call these plain reasons,
 * like the guidelines' "because of staff sickness, the visit was rescheduled".
 */
const RESOURCE_REASON =
  /^(?:(?:the|a|an|high|higher|continued|ongoing|recent|some|wider|a\s+variety\s+of|in\s+part)\s+)*(?:[\p{L}-]+\s+){0,2}?(?:turnover|staff(?:ing)?|sickness|vacanc\w+|recruitment|caseloads?|workloads?|resources?|demand|capacity|insufficient|shortages?|national|pandemic|covid\S*|competing|funding|budget\w*|sufficiency|lack\s+of\s+(?:[\p{L}-]+\s+){0,2}?(?:placements?|homes|carers|accommodation|alternatives|provision|beds))\b/iu;
/** The effect is a grade or the inspection itself ("as a result, the service is judged to be good"). */
const JUDGED_EFFECT = /^[^.;]{0,100}?\b(?:is|are|was|were|be)\s+judged\b/i;
/** "a monitoring visit that resulted in two priority actions": the inspection's own steps. */
const INSPECTION_SUBJECT = /\b(?:visit|inspection|inspectors|inspector|ofsted)\s+(?:\w+\s+){0,2}$/i;
/** The claim is scoped to the sample: "for the children whose cases we saw", "in the cases we sampled". */
const SAMPLE_SCOPE =
  /\b(?:whose\s+(?:cases|records|files)\s+(?:we|inspectors)\s+(?:saw|sampled|read|reviewed|looked\s+at)|in\s+the\s+(?:cases|records|files)\s+(?:we|inspectors)\s+(?:saw|sampled|read|reviewed))\b/i;
/** A hedge just before the causal words: "is likely to have contributed to", "appears to have led to". */
const HEDGED_BEFORE =
  /\b(?:likely|unlikely|may|might|could|appears?|appeared|seems?|seemed|possibly|probably|perhaps)\s+(?:to\s+)?(?:have\s+)?(?:[\p{L}-]+ly\s+)?$/iu;
/** "contributed to their plans": taking part, not a cause. */
const PARTICIPATION_AFTER =
  /^(?:(?:them|it)\s*[.,;]|(?:their|the|his|her|its|a|an)?\s*(?:own\s+)?(?:plans?|pathway|reviews?|views|meetings?|discussions?|assessments?|training|decisions?|consultations?|work|development|design|recruitment)\b)/i;
/** After "enables … to": tasks of practice and management rather than outcomes. */
const TASK_AFTER =
  /^(?:(?:better|more\s+\w+ly|\w+ly)\s+)?(?:monitor|understand|track|oversee|see|identify|review|know|scrutinise|challenge|plan|assess|record|consider|discuss|share|access\s+(?:information|records|data)|make\s+(?:informed\s+)?decisions|reflect)\b/i;
/** Managers and boards as what is enabled: their capability, not an outcome for children. */
const MANAGERS =
  /\s(?:the\s+)?(?:senior\s+)?(?:leaders|managers|board|partnership|council|elected\s+members|directors?)\s+to$/i;
/** After "led to" / "resulted in": a step of the work itself ("appropriate decisions", "clear plans"). */
const PRACTICE_STEP =
  /^(?:(?:a|an|the)\s+)?(?:(?:clear|appropriate|timely|effective|strong|good|prompt|swift|robust|proportionate|multi-agency|child-centred|well-informed|informed|purposeful|focused|detailed|decisive)\s+(?:and\s+)?)*(?:plans?|planning|decisions?(?:-making)?|actions?|referrals?|assessments?|meetings?|strategy|enquiries|responses?|interventions?\s+(?:being\s+)?(?:agreed|planned))\b/i;

export const causalRule: Rule = {
  id: 'causal-claim',
  title: 'Causal claim',
  why: WHY,
  suggestion: SUGGESTION,
  check({ sentences }) {
    const hits: Hit[] = [];
    for (const s of sentences) {
      const t = s.text;
      if (JUDGEMENT_REASON.test(t)) continue;
      // A recommendation ("Strengthen the panel … to enable …") asks for an action; it claims no
      // effect. The prescription rule answers for it.
      if (IMPERATIVE.test(t.trimStart())) continue;
      for (const { re, label } of PATTERNS) {
        for (const m of matches(s, re)) {
          const end = m.index + m[0].length;
          const before = wordsBefore(t, m.index, 2);
          if (CHAIN.has(label) && PURPOSE_BEFORE.has(before[before.length - 1] ?? '')) continue;
          if (label === 'contributed to' && PARTICIPATION_AFTER.test(t.slice(end).trimStart()))
            continue;
          // "enables managers to monitor performance": a task made possible, not an outcome.
          if (label === 'enables' && TASK_AFTER.test(t.slice(end).trimStart())) continue;
          // "enable leaders to …", "enables the board to …": what managers can do, not an outcome.
          if (label === 'enables' && MANAGERS.test(m[0])) continue;
          // "a group that is helping to ease stress": "helps to" is the hedged form.
          // "a group that is helping to ease stress", "which is helping them settle": "help" is the
          // hedged form the guidelines ask for, whatever follows it.
          if (label === 'this is helping' && /helping$/i.test(m[0])) continue;
          // "to improve responses and reduce risk": the second verb of a purpose.
          if (CHAIN.has(label) && PURPOSE_CHAIN.test(t.slice(Math.max(0, m.index - 90), m.index)))
            continue;
          // "leading to appropriate decisions", "results in strong planning": the next step of
          // the work, seen in the records, not an outcome for children.
          if (
            (label === 'led to' || label === 'resulted in' || label === 'as a result') &&
            PRACTICE_STEP.test(t.slice(end).replace(/^[\s,]+/, ''))
          )
            continue;
          const next = wordsAfter(t, end, 4);
          const after = t.slice(end).replace(/^[\s,]+/, '');
          if ((label === 'due to' || label === 'because of') && RESOURCE_REASON.test(after))
            continue;
          if ((label === 'as a result' || label === 'consequently') && JUDGED_EFFECT.test(after))
            continue;
          if (
            (label === 'resulted in' || label === 'led to') &&
            INSPECTION_SUBJECT.test(t.slice(Math.max(0, m.index - 60), m.index))
          )
            continue;
          if (
            label === 'due to' &&
            (SCHEDULED.test(next[0] ?? '') || (before.includes('is') && next[0] === 'be'))
          )
            continue;
          if (label === 'due to' && /^in\s+due\s+/i.test(t.slice(m.index - 3, m.index + 7)))
            continue;
          if (
            label === 'resulted in' &&
            /^results?\s/i.test(m[0]) &&
            RESULT_NOUN.test(before[before.length - 1] ?? '')
          )
            continue;
          if (
            (label === 'led to' || label === 'resulted in' || label === 'prevented') &&
            before.some((w, i) =>
              w === 'risk' || w === 'risks' ? before[i + 1] === 'of' : MODAL.has(w),
            )
          )
            continue;
          if (
            label === 'because' &&
            (BECAUSE_NOT_CAUSAL.test(t.slice(0, m.index)) ||
              /^\s*(?:this|it)\s+(?:is\s+(?:a\s+)?(?:statutory\s+|legal\s+)?(?:requirement|required|expected|the\s+law)|(?:best\s+)?meets\s+their|is\s+in\s+their\s+best)\b/i.test(
                t.slice(end),
              ))
          )
            continue;
          if (label === 'led to' && /^lead\s/i.test(m[0]) && !before.includes('will')) {
            // bare "lead to" is almost always modal or infinitive ("is expected to lead to").
            continue;
          }
          if (
            label === 'as a result' &&
            /\bof\b/i.test(t.slice(end, end + 4)) &&
            PROCEDURAL.test(next.slice(1).join(' '))
          )
            continue;
          if (
            // "not due to", "has not led to": the link is denied. A negation further back is in
            // the cause ("contact is not sufficient, meaning that …"), which the link still follows.
            wordsBefore(t, m.index, FORWARD.has(label) ? 1 : 6).some(
              (w) => w === 'not' || /n['’]t$/.test(w),
            ) ||
            DIRECT.test(t.slice(0, m.index))
          )
            continue;
          if (
            label === 'as a result' &&
            /^of\s+(?:this|the|an?)\s+(?:\w+\s+)?(?:initiative|scheme|programme|project|policy|protocol)\b/i.test(
              t.slice(end).trimStart(),
            ) &&
            /\b(?:receiv|eligib|offered|access)/i.test(t.slice(0, m.index))
          )
            continue;
          if (
            (label === 'resulted in' || label === 'led to') &&
            PROCESS_EFFECT.test(t.slice(end).trimStart().toLowerCase())
          )
            continue;
          if (
            (label === 'as a result' || label === 'resulted in' || label === 'led to') &&
            ADMIN_CLAUSE.test(t.slice(end))
          )
            continue;
          // Scoped to what was seen or hedged: "which reduces risk for the children whose cases we
          // saw", "is likely to have contributed to", "reduces risk for many of them".
          if (
            SAMPLE_SCOPE.test(t) ||
            HEDGED_BEFORE.test(t.slice(Math.max(0, m.index - 40), m.index))
          )
            continue;
          if (
            label === 'improves outcomes' &&
            /^[^.;]{0,30}?\bfor\s+(?:many|some|most|a\s+few)\b/i.test(after)
          )
            continue;
          // "changes of worker led to some delay in progressing plans", "sufficiency challenges
          // result in delays": a shortfall in the work explained by another, a plain reason like
          // the staffing reasons above; an effect on children ("resulted in children waiting") stays.
          if (FORWARD.has(label) && PROCESS_SHORTFALL.test(after)) continue;
          // "as a result, coming into care can be traumatic": the effect itself is hedged.
          if ((label === 'as a result' || label === 'consequently') && HEDGED_EFFECT.test(after))
            continue;
          hits.push(hit(s, m.index, end, `“${m[0]}” states a cause.`));
        }
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};
