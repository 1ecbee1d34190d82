// The phrasings of causal claims the causal-claim rule looks for, each with a label that the
// rule's filters (causal.ts) use to decide which exceptions apply to it. Kept apart from the
// filters so that either can be read on its own.
export const PATTERNS: Array<{ re: RegExp; label: string }> = [
  { re: /\bas\s+a\s+(?:direct\s+)?(?:result|consequence)\b/gi, label: 'as a result' },
  { re: /\bbecause\s+of\b/gi, label: 'because of' },
  { re: /\bbecause\b(?!\s+of\b)(?!\s*:)/gi, label: 'because' },
  {
    re: /\b(?:is|are|was|were)\s+(?:the|a)\s+(?:direct\s+|clear\s+)?(?:result|consequence|product)\s+of\b/gi,
    label: 'the result of',
  },
  { re: /\b(?:owing|thanks)\s+to\b/gi, label: 'thanks to' },
  { re: /\bdue\s+to\b/gi, label: 'due to' },
  { re: /\b(?:led|leads|leading|lead)\s+(?:\w+ly\s+)?to\b/gi, label: 'led to' },
  { re: /\b(?:resulted|results|resulting|result)\s+(?:\w+ly\s+)?in\b/gi, label: 'resulted in' },
  { re: /\bconsequently\b/gi, label: 'consequently' },
  { re: /\bcaused\s+by\b/gi, label: 'caused by' },
  {
    re: /\b(?:prevented|prevents|prevent|averted|averts|avert|avoided|avoids|avoid)\b(?=(?:\s+[\p{L}’'-]+){0,6}?\s+(?:escalat\w*|harm|care|proceedings|crisis|breakdown|need|needs|entering|coming|becoming|re-?referral|removal))/giu,
    label: 'prevented',
  },
  {
    re: /\b(?:has|have|had)\s+(?:significantly\s+|greatly\s+|clearly\s+|demonstrably\s+)?improved\s+(?:the\s+)?(?:outcomes|lives|life\s+chances|wellbeing|well-being)\b/gi,
    label: 'improved outcomes',
  },
  // Causal chains without a linking phrase: "caseloads enable social workers to …", "this has had
  // a positive impact on …", "is making a difference", "has reduced the number of …".
  {
    re: /\b(?:enabl(?:e|es|ed|ing)|allow(?:s|ed|ing)?)\s+(?:[\p{L}’'-]+\s+){1,6}?to\b/giu,
    label: 'enables',
  },
  {
    re: /\b(?:has|have|had|is|are|was|were)\s+(?:already\s+|also\s+)?(?:had|having|made|making)\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:positive|significant|discernible|palpable|clear|real|tangible|notable|marked|demonstrable|good|beneficial|direct|major|considerable|substantial|strong|big|huge|negative|detrimental)\s+(?:impact|effect|difference)\b|\bmak(?:ing|es|e)\s+a\s+(?:[\p{L}-]+\s+)?difference\b|\bimpact(?:s|ed|ing)?\s+(?:positively|negatively)\b/giu,
    label: 'had an impact',
  },
  { re: /\bcontribut(?:e|es|ed|ing)\s+to\b/gi, label: 'contributed to' },
  // "meaning that some care leavers struggle …": an effect on children or families; an effect on
  // professionals ("meaning that social workers do not always gain …") is a finding about practice.
  {
    re: /\bmeaning\s+that\b(?!\s+(?:the\s+)?(?:(?:some|many|most|these)\s+)?(?:social\s+workers|managers|staff|leaders|professionals|practitioners|workers|partners|inspectors|the\s+local\s+authority|the\s+council)\b)/giu,
    label: 'meaning that',
  },
  {
    re: /\b(?:has|have)\s+(?:[\p{L}-]+ly\s+|also\s+|already\s+)?(?:improved|reduced|increased|strengthened|secured|raised|stabilised|enhanced|accelerated|transformed|halved|lowered|prevented|slowed|weakened|decreased)\s+(?:the|a|an|their|its|children|outcomes|caseloads|this|these|both|levels|numbers|rates|timeliness|quality|services|practice)\b/giu,
    label: 'has improved',
  },
  {
    re: /\b(?:is|are)\s+(?:[\p{L}-]+ly\s+)?(?:improving|reducing|increasing|stabilising|strengthening|preventing|enhancing)\s+(?:the|a|an|their|its|children|outcomes|caseloads|this|these|both|levels|numbers|rates|timeliness|quality)\b/giu,
    label: 'is improving',
  },
  { re: /\bpreventing\b/gi, label: 'preventing' },
  {
    re: /\bdriv(?:es|ing|en)\s+(?:[\p{L}-]+\s+){0,2}?(?:improvement|improvements|change|progress)\b/giu,
    label: 'driving improvement',
  },
  { re: /\b(?:have|has|had)\s+(?:also\s+)?benefited\s+from\b/gi, label: 'benefited from' },
  {
    re: /\b(?:effective|successful|instrumental|central|pivotal|fundamental)\s+(?:in|at)\s+(?:reducing|improving|increasing|stabilising|preventing|securing|strengthening|raising|helping|managing|supporting|delivering|keeping|promoting|enabling|achieving|sustaining|minimising|diverting)\b/gi,
    label: 'effective in',
  },
  {
    re: /\b(?:beginning|starting|started|begun)\s+to\s+(?:have|make|result|address|stabilise|resolve|take\s+effect|improve|reduce)\b/gi,
    label: 'beginning to',
  },
  // "low caseloads underpin this success"; "underpinned by" and "underpin the model of practice" describe a structure.
  {
    re: /\bunderpins?\s+(?:(?:this|the|their|its|these)\s+)?(?:[\p{L}-]+\s+)?(?:success|improvements?|progress|outcomes|stability|achievements?)\b/giu,
    label: 'underpins',
  },
  // "causing anxiety", "caused distress": a harm attributed to what came before.
  {
    re: /\bcaus(?:es|ed|ing)\s+(?:[\p{L}-]+\s+){0,2}?(?:anxiety|distress|harm|upset|uncertainty|instability|disruption|trauma|confusion)\b/giu,
    label: 'causing',
  },
  // More verbs of effect on children and services: "minimises unnecessary moves", "provides
  // them with security sooner", "has delivered improvements", "is supporting more timely
  // assessments", "is empowering children", "has kept the number of children in care low".
  {
    re: /\bminimis(?:es|ed)\s+(?:[\p{L}’'-]+\s+){0,2}?(?:moves|disruption|delay|drift|risks?|harm|stability|opportunities|chances)\b|\bprovid(?:es|ed)\s+(?:(?:them|children|young\s+people|families|care\s+leavers|(?:some|many|most|a\s+few)\s+(?:[\p{L}-]+\s+){0,2}(?:children|infants|babies|young\s+people|families|care\s+leavers))\s+(?:in\s+[\p{L}-]+\s+)?)with\s+(?:a\s+)?(?:greater\s+|more\s+|better\s+|increased\s+)?(?:stability|security|protection|level\s+of\s+protection|permanence|resilience|confidence)\b|\b(?:has|have|had)\s+(?:[\p{L}-]+ly\s+)?(?:delivered|driven|produced|generated|brought\s+about)\s+(?:[\p{L}-]+\s+){0,2}?(?:improvements?|progress|stability|outcomes)\b|\b(?:delivers?|deliver)\s+improvements?\b|\b(?:is|are)\s+(?:[\p{L}-]+ly\s+)?(?:empowering|supporting\s+(?:more|better|earlier|improved)|reducing\s+(?:the\s+)?risks?)\b|\b(?:has|have)\s+(?:also\s+)?kept\s+(?:the\s+)?(?:number|numbers|proportion|rate)\b|\b(?:has|have)\s+(?:[\p{L}-]+ly\s+)?developed\s+(?:their|children’s|children's|staff’s|staff's)\s+(?:[\p{L}-]+\s+){0,1}(?:confidence|competence|skills|resilience|independence)\b/giu,
    label: 'verb of effect',
  },
  {
    re: /\b(?:this|which|that|these|it)\s+(?:is|are|has\s+been|have\s+been)\s+(?:[\p{L}-]+ly\s+)?(?:helping|enabling|improving|reducing|supporting|strengthening)\b|\b(?:this|which)\s+ensures\s+that\b/giu,
    label: 'this is helping',
  },
  {
    re: /\b(?:has|have)\s+(?:[\p{L}-]+ly\s+|also\s+|already\s+)?(?:secured|achieved|brought)\s+(?!(?:additional\s+|significant\s+|extra\s+|new\s+)?(?:funding|investment|money|resources|agreement|approval)\b)(?:a|an|the|stability|permanence|improvements?|better|greater|more|fewer|positive)\b/giu,
    label: 'has secured',
  },
  // A service or practice as the subject of a verb of effect on an outcome, in the simple
  // present or past: "the clinic improves outcomes for babies", "mentoring raises
  // attainment", "the project strengthened family relationships". The object must be an outcome for
  // children or the service (not a task), so "improves the process for …" stays quiet.
  {
    re: /\b(?:improv(?:e|es|ed)|reduc(?:e|es|ed)|strengthen(?:s|ed)?|enhanc(?:e|es|ed)|increas(?:e|es|ed)|benefit(?:s|ed)?(?!\s+from)|weaken(?:s|ed)?|stabilis(?:e|es|ed)|rais(?:e|es|ed)|accelerat(?:e|es|ed)|sustain(?:s|ed)?|transform(?:s|ed)?|keeps)\s+(?:(?:the|their|its|a|an|children’s|children's|young\s+people’s|young\s+people's|both|family|families’|families')\s+)*(?:[\p{L}’'-]+\s+){0,2}?(?:outcomes|experiences?|progress|lives|life\s+chances|well-?being|stability|instability|resilience|sense\s+of\s+(?:identity|belonging|security|self)|identity|security|self-worth|risks?(?!\s+(?:management|assessment|analysis|factors))|relationships?|attendance|achievements?|attainment|confidence|mental\s+health|pace|children\s+safer|engagement|emotional\s+health|independence|aspirations?|self-esteem)\b/giu,
    label: 'improves outcomes',
  },
  // "which means that families have a named worker": an outcome for children or families
  // credited to what comes before. A shortfall's consequence ("this means that plans are not reviewed") is a finding.
  {
    re: /\b(?:means|meant|mean)\s+that\s+(?=(?:(?:most|many|more|fewer|these|the|all|their)\s+)?(?:children|young\s+people|families|parents|care\s+leavers|babies|they)(?:\s+and\s+(?:their\s+)?(?:families|carers|young\s+people|parents))?\s+(?:are|have|can|receive|benefit|feel|make|achieve|get|remain|live|stay|do|now)\b(?![^.;]*\b(?:not|no|never|unable|less|without|may|might|delay\w*)\b))/gi,
    label: 'means that',
  },
  {
    re: /\b(?:has|have|had|having)\s+(?:[\p{L}-]+ly\s+)?(?:a|an)\s+(?:[\p{L}-]+\s+){0,1}?(?:positive|good|beneficial|real|clear|discernible|tangible|strong|demonstrable)\s+(?:impact|effect|influence)\s+on\b|\bimpacting\b|\bpav(?:es|ed|ing)\s+the\s+way\b|\btestament\s+to\b|\bcatalyst\s+(?:for|in)\b|\breap(?:s|ed)?\s+(?:[\p{L}-]+\s+)?(?:rewards|benefits)\b|\b(?:is|are|was|were|been)\s+(?:also\s+)?(?:central|fundamental|key|instrumental|integral|pivotal|critical|crucial|vital|important)\s+(?:to\s+(?:the\s+)?(?:success|improvement|improvements|progress|developing|strengthen\w*|improv\w*)|in\s+(?:strengthen|improv|reduc|secur|rais|increas|develop|driv|achiev|sustain)\w*)\b|\badd(?:s|ed|ing)\s+to\s+(?:the\s+)?(?:stability|instability|delay|drift|uncertainty|risk)\b|\bachieved\s+(?:through|by)\b|\b(?:further\s+)?enhanced\s+by\b|\bdue\s+(?:in\s+(?:[\p{L}-]+\s+){1,3})to\b/giu,
    label: 'has an impact',
  },
  // The service as the guarantor of what children receive: "the duty team ensures that
  // children receive a visit within a day", "ensuring that care leavers get a flat". "To ensure" (a
  // purpose) and tasks for adults ("ensure that carers get guidance") stay quiet; promises of
  // safety belong to the certainty rule.
  {
    re: /\b(?:ensures|ensured|ensuring)\s+(?:that\s+)?(?=(?:(?:the|these|all|most|many)\s+)?(?:[\d-]+\s*(?:and\s+[\d-]+\s*)?year-olds|children|young\s+people|families|care\s+leavers|babies)\b(?:\s+[\p{L}’'-]+){0,8}?\s+(?:receive|receives|get|gets|benefit|benefits|achieve|achieves|step|steps|make\s+(?:good\s+)?progress|are\s+supported|have\s+access)\b)/giu,
    label: 'ensures that children receive',
  },
];

/** Causal chains without a linking phrase: purpose or possibility before them makes them no claim. */
export const CHAIN = new Set([
  'ensures that children receive',
  'improves outcomes',
  'has an impact',
  'means that',
  'this is helping',
  'has secured',
  'enables',
  'had an impact',
  'contributed to',
  'has improved',
  'is improving',
  'preventing',
  'driving improvement',
  'effective in',
  'beginning to',
  'underpins',
  'verb of effect',
  'benefited from',
]);
