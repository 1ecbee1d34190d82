// Certainty about safety or risk: "ensures that children are safe", "children are kept safe",
// "eliminates risk". Munro (2014, recommendation 7) found reports conveying "an expectation that
// authorities can work miracles": no practice can guarantee that a child comes to no harm.
import type { Hit, Rule } from '../types.js';
import { NEGATION, hit, matches, negatedBefore, wordsAfter, wordsBefore } from './match.js';

const WHY =
  'No service can guarantee a child’s safety or remove risk; writing as if it can is over-confident ' +
  'and, from a sample of cases, a generalisation (Munro 2014, recommendation 7: realistic language ' +
  'about risk that avoids the impression risk can be eliminated).';

const SUGGESTION =
  'Say what inspectors saw and what it achieves: “managers review plans monthly, which reduces ' +
  'risk for the children whose cases we saw”; use “helps to keep … safer”, “reduces risk”, ' +
  '“well placed to”.';

const ENSURE = /\b(?:ensur(?:e|es|ed|ing)|(?:make|makes|made|making)\s+sure)\b/gi;
/**
 * What an "ensure" must promise before it is flagged in 'safety' mode: a state of safety, risk,
 * needs or outcomes ("ensure that children are safe", "ensure risk is reduced", "ensure their
 * needs are met", "ensure sufficient placements"), not a task ("ensure plans are reviewed").
 */
const SAFETY_OBJECT = new RegExp(
  [
    String.raw`\b(?:are|is|be|remain|remains|stay|stays|feel|kept|keep|live|lives|were|was)\s+(?:\w+\s+){0,3}?(?:safe|safer|protected|safeguarded|unharmed)\b`,
    String.raw`\bsafely\b`,
    String.raw`(?<!promote\s)\b(?:their|the|children’s|children's|his|her|its)\s+(?:safety|welfare|well-?being)\b`,
    String.raw`\brisks?\s+(?:to\s+(?:\w+\s+){1,3})?(?:is|are|were|was|have|has|can|will)?\s*(?:\w+ly\s+)?(?:eliminat\w*|remov\w*)`,
    String.raw`\b(?:eliminat\w*|remov\w*)\s+(?:the\s+|any\s+|all\s+)?risks?\b`,
    String.raw`\b(?:make|makes|made|making)\s+(?:good\s+|strong\s+|excellent\s+)?progress\b`,
    String.raw`\blive\s+in\s+(?:the\s+)?(?:most\s+)?(?:appropriate|right|suitable)\s+(?:placement|home)s?\b`,
    String.raw`\bneeds\s+(?:are|were|will\s+be|can\s+be|continue\s+to\s+be)\s+(?:\w+\s+(?:and\s+)?)?met\b`,
    String.raw`\b(?:good|better|positive|improved|the\s+best)\s+outcomes\b`,
    String.raw`\boutcomes\s+(?:are|were|will\s+be)\s+(?:\w+\s+)?(?:achieved|improved|good)\b`,
    String.raw`\b(?:not|never)\s+(?:\w+\s+){0,2}(?:(?:subject|exposed)\s+to\s+(?:\w+\s+){0,2}(?:harm|abuse|risk|danger|neglect|exploitation)|at\s+risk\s+of|suffer\w*|harmed)\b`,
    String.raw`\b(?:protected|safe|free)\s+from\s+(?:\w+\s+){0,2}(?:harm|abuse|exploitation|risk|danger|neglect)\b`,
    String.raw`\bsufficient\s+(?:\w+\s+){0,3}(?:placements?|homes|carers|adopters|foster)\b`,
    String.raw`\b(?:stable|permanent|secure)\s+(?:homes?|placements?|families)\b`,
    String.raw`\b(?:permanence|stability)\s+(?:is|are)\s+(?:\w+\s+)?(?:achieved|secured)\b`,
  ].join('|'),
  'i',
);
const CONDITIONAL_SAFE =
  /\b(?:when|if|where|once|until|unless|whenever)\s+(?:it|this|that|they)\s+(?:is|are|was|were|would\s+be|becomes?)\s+(?:\w+\s+)?safe(?:\s+(?:to\s+do\s+so|enough))?/gi;
/** Objects that are aims when they follow "to ensure" (needs, progress, placements). */
const WEAK_OBJECT =
  /needs|progress|placement|outcomes|stable|permanent|secure|sufficient|appropriate/i;
/** A quantifier before the object: "a large proportion of children are …", "most children …". */
const QUANTIFIED =
  /\b(?:a\s+(?:large\s+|small\s+)?(?:proportion|number|majority|minority)|most|many|some|the\s+majority|nearly\s+all|almost\s+all)\b/i;
/** Before a gerund "ensuring": a topic ("arrangements for ensuring", "commitment to ensuring"). */
const GERUND_TOPIC = new Set(['for', 'of', 'about', 'on', 'regarding', 'to']);
const HEDGES = new Set(['help', 'helps', 'helped', 'helping', 'aim', 'aims', 'seek', 'seeks']);
/** Before "keeping … safe": a topic, not a claim ("training on keeping children safe"). */
const TOPIC_BEFORE = new Set(['on', 'about', 'of', 'for', 'around', 'regarding', 'to']);
/** "to be safe", "should be protected": a goal or a standard, not a claim. */
const MODAL_BEFORE = new Set([
  'to',
  'should',
  'must',
  'could',
  'would',
  'might',
  'may',
  'can',
  'cannot',
  'need',
  'needs',
]);
/** Words nearby that make "are safe" something asked, checked or felt, not asserted. */
/** Earlier in the clause: assurance sought, not safety asserted ("cannot be assured that ... are safe"). */
const ASSURANCE =
  /\b(?<!quality\s)(?:assur\w*|whether|confiden\w*|satisf\w+\s+(?:itself|themselves)|check\w*\s+that|know\s+(?:that|whether))\b/i;
/** A task about welfare or safety rather than a promise of it. */
const TASK_PREDICATE =
  /\b(?:is|are)\s+(?:\w+ly\s+)?(?:monitored|checked|considered|reviewed|assessed|recorded|discussed|understood|identified|tracked|prioritised)\b/i;
const DELAY = new Set(['delay', 'delays', 'delayed', 'slow', 'late']);
/** Reported speech: children say they are safe; that is their voice, not the inspector's claim. */
const REPORTED =
  /\b(?:say|says|said|told|tell|tells|reported|describe|described|feel|feels|felt)\b/i;
const NOT_A_CLAIM = new Set([
  'how',
  'feel',
  'feels',
  'felt',
  'whether',
  'if',
  'assure',
  'assured',
  'assurance',
  'demonstrate',
  'demonstrates',
  'confirm',
  'confirms',
  'check',
  'checks',
  'know',
  'knowing',
  'sure',
  'satisfied',
  'unless',
  'until',
]);
/** Before a purpose "to ensure": the main clause states a shortfall or a requirement. */
const SHORTFALL =
  /\b(?:not|cannot|never|too\s+(?:many|few|much|little|late|slow(?:ly)?)|insufficient(?:ly)?|lacks?|absence|drift|delay|need(?:s|ed)?\s+to|should|must|unable|fail(?:s|ed|ing)?|more\s+to\s+do|greater\s+focus)\b|n['’]t\b/i;
/** Subjects that are not children: "funding has been protected", "time is protected". */
const NOT_CHILDREN = new Set([
  'budget',
  'budgets',
  'funding',
  'investment',
  'money',
  'resources',
  'time',
  'data',
  'information',
  'records',
  'caseloads',
  'capacity',
  'services',
  'service',
  'posts',
  'roles',
  'characteristic',
]);

const KEPT_SAFE =
  /\b(?:kept|keeps?|keeping)\s+(?:[\p{L}’'-]+\s+){0,4}?safe\b(?!\s+in\s+education)(?:\s+and\s+well\b)?/giu;
const BE_SAFE =
  /\b(?:is|are|was|were|be|been|being|remain|remains|remained|live|lives|living|made|stay|stays|stayed)\s+(?:(?:now|all|always|fully|completely|entirely|totally|both|then|also|both)\s+)?safe\b(?!\s+(?:to|from\s+the\s+start))(?:\s+and\s+(?:well|protected|secure))?/gi;
const PROTECTED =
  /\b(?:is|are|was|were|be|been|being|kept|remain|remains)\s+(?:(?:[\p{L}-]+ly\s+)?[\p{L}-]+\s+and\s+)?(?:(?:well|effectively|appropriately|fully|now|always|properly|adequately)\s+)?(?:protected|safeguarded)\b(?!\s+characteristic)(?:\s+from\s+(?:harm|abuse|exploitation|risk)\b)?/giu;
/** "is already safeguarding children", "are protecting them": the service as the guarantor. */
const SAFEGUARDING =
  /\b(?:is|are|has\s+been|have\s+been)\s+(?:[\p{L}-]+ly\s+|already\s+)?(?:safeguarding|protecting)\s+(?:children|young\s+people|them|babies|care\s+leavers)\b/giu;
/** "swift action protects children", "children's safety is assured": the service as guarantor. */
const GUARANTOR =
  /\b(?:protects|safeguards)\s+(?:children|young\s+people|them|babies)\b|\bprotecting\s+(?:children|young\s+people|them|babies)\s+from\s+(?:further\s+|significant\s+)?harm\b|\bguarantee(?:s|d|ing)?\s+(?:[\p{L}-]+\s+){0,3}?(?:safety|protection|outcomes?|information\s+sharing|responses?)\b|\b(?:has|have|had)\s+not\s+been\s+(?:left\s+)?(?:at\s+risk|harmed|unsafe)\b|\b(?:safety|welfare)\s+(?:is|are|has\s+been|have\s+been)\s+(?:[\p{L}-]+ly\s+)?(?:assured|secured|guaranteed|ensured)\b|\bwill\s+not\s+(?:recur|happen\s+again|be\s+(?:harmed|at\s+risk))\b|\bno\s+(?:child|children|young\s+person)\s+(?:is|are|was|were)\s+(?:left\s+)?(?:at\s+risk|unsafe|in\s+danger)\b|\b(?:is|are|was|were)\s+no\s+longer\s+(?:at\s+(?:any\s+)?risk|in\s+danger|unsafe)\b|\bonly\s+(?:[\p{L}-]+\s+){0,5}?(?:if|when|once|where)\s+(?:it|this)\s+is\s+(?:[\p{L}-]+\s+)?safe\b/giu;
/** "children are in safe placements", "live in safe and stable homes", "remain safely at home". */
const SAFE_PLACE =
  /\b(?:have|has)\s+a\s+safe\b(?:(?:,|\s+and)\s+[\p{L}-]+){0,3}\s+(?:placements?|homes?|arrangements?|environments?|accommodation|family|place)\b|\b(?:is|are|live|lives|living|remain|remains|placed)\s+in\s+(?:a\s+)?safe\b(?:(?:,|\s+and)\s+[\p{L}-]+){0,3}\s+(?:placements?|homes?|arrangements?|environments?|accommodation|families|place)\b|\b(?:remain|remains|remained|live|lives|living|stay|stays)\s+(?:(?:at\s+home|with\s+(?:their\s+)?(?:families|family|parents))\s+)?safely\b|\bsafely\s+(?:remain|remained|remains|live|lives|living|stay|stayed|return|returned|returns)\b|\breturn(?:s|ed)?\s+(?:home\s+)?safely\b/giu;
const ABSOLUTE =
  /\b(?:eliminat(?:e|es|ed|ing)|remov(?:e|es|ed|ing)\s+(?:all\s+)?(?:the\s+)?)\s*(?:all\s+)?(?:the\s+)?(?:risks?|harm|danger)\b|\brisk-free\b|\bfree\s+from\s+(?:harm|risk|abuse|danger)\b|\bguarantee(?:s|d)?\s+(?:that|the\s+safety|(?:their\s+|children’s\s+|children's\s+)?safety|protection|children|young\s+people)\b|\bprevent(?:s|ed)?\s+(?:all\s+|any\s+|further\s+)?harm\b|\bzero\s+risk\b|\bno\s+risk\s+(?:of|to)\b|\b(?:risks?|harm|danger)\s+(?:(?:to|for|of)\s+(?:[\p{L}’'-]+\s+){1,3}?)?(?:is|are|was|were|has\s+been|have\s+been|will\s+be)\s+(?:\w+ly\s+)?(?:eliminated|removed)\b/giu;

export const certaintyRule: Rule = {
  id: 'certainty',
  title: 'Certainty about safety or risk',
  why: WHY,
  suggestion: SUGGESTION,
  check({ sentences, config }) {
    const hits: Hit[] = [];
    for (const s of sentences) {
      const t = s.text;
      const taken: Array<[number, number]> = [];
      const covered = (start: number, end: number) => taken.some(([a, b]) => start < b && end > a);
      const add = (start: number, end: number, message: string) => {
        if (covered(start, end)) return;
        taken.push([start, end]);
        hits.push(hit(s, start, end, message));
      };
      // "ensure" first: a "safe" inside an ensure clause belongs to that ensure.
      for (const m of matches(s, ENSURE)) {
        const end = m.index + m[0].length;
        const clause = (
          t.slice(end, end + 140).split(/[;:]|,\s+(?:but|although|while|and\s+this)\b/)[0] ?? ''
        )
          .split(/\s+/)
          .slice(0, 16)
          .join(' ');
        // "come into care without delay to ensure …": "without delay" means promptly.
        const lead = clauseBefore(t, m.index).replace(
          /\bwithout\s+(?:undue\s+|any\s+)?delay\b/gi,
          (x) => ' '.repeat(x.length),
        );
        const before = wordsBefore(lead, m.index, 8);
        const denied = before.some((w) => NEGATION.has(w) || DELAY.has(w) || /n['’]t$/.test(w));
        // "… when it is safe to do so": a condition, not a claim that children are safe.
        let safety = SAFETY_OBJECT.exec(clause.replace(CONDITIONAL_SAFE, ' '));
        const lastBefore = wordsBefore(t, m.index, 1)[0] ?? '';
        // "arrangements for ensuring …", "commitment to ensuring …": a topic, not a claim.
        const topic =
          /^ensuring/i.test(m[0]) && wordsBefore(t, m.index, 3).some((w) => GERUND_TOPIC.has(w));
        // "reviewed to ensure needs are met": a purpose about needs or progress is an aim; a
        // purpose about safety ("steps to ensure children are safeguarded") is still a promise.
        if (safety && lastBefore === 'to' && WEAK_OBJECT.test(safety[0])) safety = null;
        // "ensured that a large proportion of children …": quantified, not a guarantee.
        if (safety && QUANTIFIED.test(clause.slice(0, safety.index))) safety = null;
        if (topic) safety = null;
        // "visits are not frequent enough to ensure that children are safe", "there needs to be a
        // greater focus … to ensure …": the purpose of a shortfall or a requirement, no claim.
        if (
          safety &&
          lastBefore === 'to' &&
          SHORTFALL.test(
            `${t.slice(0, m.index).replace(/\bwithout\s+(?:undue\s+|any\s+)?delay\b/gi, '')} ${clause.slice(safety.index + safety[0].length)} ${t.slice(end).slice(clause.length)}`,
          )
        )
          safety = null;
        // "ensure funding is protected": what is made safe is not a child.
        if (safety && NOT_CHILDREN.has(wordsAfter(clause, 0, 2).find((w) => w !== 'that') ?? ''))
          safety = null;
        // "ensure that the welfare of ... is monitored": a task about welfare, not a promise.
        if (safety && /^(?:the|their)\s/i.test(safety[0]) && TASK_PREDICATE.test(clause))
          safety = null;
        const flagged =
          !denied &&
          !wordsBefore(t, m.index, 3).some((w) => HEDGES.has(w)) &&
          !topic &&
          (config.certainty.ensure === 'all' || safety !== null);
        if (flagged) {
          const about = safety ? ` about “${safety[0].trim()}”` : '';
          // An earlier "ensure" that was not flagged does not hide this one.
          if (!hits.some((h) => h.sentence === s && m.index < h.end && end > h.start)) {
            taken.push([m.index, end]);
            hits.push(
              hit(
                s,
                m.index,
                end,
                `“${m[0]}”${about} promises an outcome that practice cannot guarantee.`,
              ),
            );
          }
        }
        // The rest of the clause belongs to this "ensure" ("not ensured that ... are protected").
        const rest = /^[^.;:]*/.exec(t.slice(end))![0];
        taken.push([m.index, end + rest.length]);
      }
      for (const m of matches(s, ABSOLUTE)) {
        if (negatedBefore(t, m.index, 3)) continue;
        add(m.index, m.index + m[0].length, `“${m[0]}” claims that risk can be removed.`);
      }
      // Reported speech before the claim ("children told us they are safe"), not after it.
      const reportedBefore = (i: number) => REPORTED.test(t.slice(0, i));
      for (const m of matches(s, KEPT_SAFE)) {
        const before = wordsBefore(t, m.index, 3);
        const last = before[before.length - 1] ?? '';
        if (
          reportedBefore(m.index) ||
          negatedBefore(t, m.index, 3) ||
          before.some((w) => HEDGES.has(w))
        )
          continue;
        if (/\b(?:themselves|himself|herself|yourself|ourselves)\s+safe\b/i.test(m[0])) continue;
        // "help to stay healthy and keep safe": the child's own skill, not a claim about services.
        if (/^keeps?\s+safe\b/i.test(m[0])) continue;
        // "to be kept safe", "need to keep them safe", "should be seen and kept safe": a goal.
        if (
          /\b(?:should|must|ought|need\s+to|needs\s+to)\b/i.test(
            clauseBefore(t, m.index).slice(-70),
          )
        )
          continue;
        if (
          MODAL_BEFORE.has(last) ||
          (last === 'be' && MODAL_BEFORE.has(before[before.length - 2] ?? ''))
        )
          continue;
        // "keeping children safe must be a priority", "training on keeping children safe": a topic.
        if (
          /^keeping/i.test(m[0]) &&
          (TOPIC_BEFORE.has(last) ||
            /^\s*(?:is|must|should|was|remains|will)\b/i.test(t.slice(m.index + m[0].length)))
        )
          continue;
        add(m.index, m.index + m[0].length, `“${m[0]}” asserts that children are safe.`);
      }
      for (const re of [SAFEGUARDING, SAFE_PLACE, GUARANTOR]) {
        for (const m of matches(s, re)) {
          if (reportedBefore(m.index) || negatedBefore(t, m.index, 4)) continue;
          if (wordsBefore(t, m.index, 6).some((w) => NOT_A_CLAIM.has(w) || MODAL_BEFORE.has(w)))
            continue;
          if (ASSURANCE.test(clauseBefore(t, m.index).slice(-160))) continue;
          add(m.index, m.index + m[0].length, `“${m[0]}” states safety as a certainty.`);
        }
      }
      for (const re of [BE_SAFE, PROTECTED]) {
        for (const m of matches(s, re)) {
          if (reportedBefore(m.index) || negatedBefore(t, m.index, 3) || /\bnot\b/i.test(m[0]))
            continue;
          const near = wordsBefore(t, m.index, 6);
          // "to be safe", "to stay safe", "should be protected": a goal or a standard.
          if (MODAL_BEFORE.has(near[near.length - 1] ?? '')) continue;
          // "how well children are protected", "assured itself that children are safe", "delay in being safeguarded"
          if (near.some((w) => NOT_A_CLAIM.has(w) || DELAY.has(w))) continue;
          if (ASSURANCE.test(clauseBefore(t, m.index).slice(-160))) continue;
          if (/^(?:been|is|was|are|were)\s/i.test(m[0]) && near.some((w) => NOT_CHILDREN.has(w)))
            continue;
          // "when it is safe (for them) to do so", "wherever it is safe": a condition.
          if (
            /^(?:when|if|where|wherever|whenever|once|until|unless)$/.test(
              near[near.length - 2] ?? '',
            ) &&
            near[near.length - 1] === 'it'
          )
            continue;
          // "the majority of children are protected": quantified, not a blanket claim.
          if (QUANTIFIED.test(clauseBefore(t, m.index).slice(-80))) continue;
          add(m.index, m.index + m[0].length, `“${m[0]}” states safety as a certainty.`);
        }
      }
    }
    return hits.sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start);
  },
};

/** The text of the clause that ends at i (from the last comma, semicolon or colon). */
function clauseBefore(text: string, i: number): string {
  const head = text.slice(0, i);
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(':'));
  return ' '.repeat(cut + 1) + head.slice(cut + 1);
}
