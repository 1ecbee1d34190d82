// Words and sentence templates for the synthetic evidence base: inspection-style observations
// with pseudonymous first names (accents included, for the code-point offsets) and the odd emoji.

export const NAMES = [
  'Zoë',
  'Chloé',
  'José',
  'Siobhán',
  'Aoife',
  'Renée',
  'Björn',
  'Mohammed',
  'Amara',
  'Kacper',
  'Oluwaseun',
  'Ffion',
  'Darius',
  'Łucja',
  'Noémie',
  'Tyler',
  'Priya',
  'Jayden',
  'Ayşe',
  'Kian',
];
export const WORKERS = [
  'the social worker',
  'her social worker',
  'his social worker',
  'the personal adviser',
  'the team manager',
  'the IRO',
  'the family support worker',
];
export const TEAMS = [
  'Assessment Team North',
  'Assessment Team South',
  'Children in Care 1',
  'Children in Care 2',
  'Leaving Care',
  'MASH',
  'Disabled Children’s Team',
  'Family Support East',
  'Family Support West',
  'Edge of Care',
];
export const LOCALITIES = ['North', 'South', 'East', 'West', 'Central'];
export const EMOJI = ['🙂', '👍', '👩‍👧', '🏠', '⚽'];

/** Sentence templates by direction. {c} child, {w} worker, {n} a number, {t} team. */
export const STRENGTH = [
  '{c} told inspectors that {w} listens and visits often.',
  'Strategy discussions for {c} were held within a day, with police and health present.',
  'The assessment is thorough, analytical and captures {c}’s wishes and feelings.',
  'Direct work with {c} has helped them understand why they are in care.',
  '{w} knows {c} well and speaks about them with warmth.',
  'The plan for {c} is specific, and actions are reviewed at every core group.',
  'Management oversight is clear and decisions are recorded with the reasons for them.',
  'Supervision is regular and reflective, and workers in {t} value it.',
  'Life-story work has started and {c} has a memory box.',
  '{c} is settled with carers who are committed to them long term.',
  'Leaders have an accurate understanding of practice through a well-established audit cycle.',
  'Caseloads in {t} are manageable, at about {n} children per worker.',
];
export const CONCERN = [
  'There was a delay of {n} weeks before the assessment for {c} started.',
  'The plan for {c} lacks timescales and it is unclear who is responsible for actions.',
  'Visits to {c} were not always within timescales, with a gap of {n} weeks.',
  'Management oversight did not challenge drift in the plan for {c}.',
  'The chronology for {c} is out of date and does not inform the assessment.',
  '{c} has had {n} changes of social worker in the last year.',
  'The voice of {c} is not evident in the records; direct work is limited.',
  'Return home interviews were not offered after {c} went missing.',
  'Supervision records in {t} are brief and do not show reflection.',
  'Pathway plans are not always updated when circumstances change.',
];
export const CONTEXT = [
  'The local authority reports a {n}% rise in contacts this year.',
  '{t} has had {n} agency workers since the spring.',
  'The case was transferred to {t} after the initial assessment.',
  'Inspectors sampled the file alongside {w}.',
  'The family were known to early help services before the referral.',
];
