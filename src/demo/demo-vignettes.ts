// The demo's vignette bank: ten short vignettes of practice written for the demo (no real child,
// family, worker or authority), each with the ILACS 2026 criteria it illustrates and the reference
// grade a fictional national panel agreed.
const H = 'help_and_protection';
const C = 'children_in_care';
const L = 'impact_of_leaders';
const CL = 'care_leavers';

export interface DemoVignette {
  title: string;
  judgementKey: string;
  criteria: string[];
  referenceGrade: 'outstanding' | 'good' | 'requires_improvement' | 'inadequate';
  body: string;
  panelNote: string;
}

export const DEMO_VIGNETTE_FRAMEWORK = 'ilacs-2026';

export const DEMO_VIGNETTES: DemoVignette[] = [
  {
    title: 'Screening contacts at the front door',
    judgementKey: H,
    criteria: [`${H}.front_door`],
    referenceGrade: 'good',
    body: 'Qualified social workers screen new contacts within a working day. Managers record why each decision was made, and consent from parents is sought, or set aside with a recorded reason. At the busiest times a few contacts from schools waited three days before anyone looked at them.',
    panelNote:
      'Thresholds are applied well; the occasional delay is known to managers and not yet leaving children at risk.',
  },
  {
    title: 'Same-day strategy discussions',
    judgementKey: H,
    criteria: [`${H}.significant_harm`, `${H}.assessments`],
    referenceGrade: 'outstanding',
    body: 'When a baby is seen with an unexplained bruise, a strategy discussion takes place the same day with police, health and the nursery. Enquiries start at once, the child is seen alone where old enough, and the outcome is shared with the family in writing within two days. Audits over a year found no delayed discussion.',
    panelNote: 'Consistently strong, timely and child-focused, sustained over time.',
  },
  {
    title: 'Assessments that repeat the referral',
    judgementKey: H,
    criteria: [`${H}.assessments`],
    referenceGrade: 'requires_improvement',
    body: 'Assessments are finished on time, but many repeat the words of the referral. Fathers and partners are seldom spoken to. Children’s words are quoted, yet the assessment does not say what they mean for the help offered, and the family’s history is summarised in a line.',
    panelNote:
      'Timely but not analytical: no child is left unsafe, but help is less well targeted than it should be.',
  },
  {
    title: 'Plans without measures',
    judgementKey: H,
    criteria: [`${H}.plans`, `${H}.management_oversight`],
    referenceGrade: 'inadequate',
    body: 'Child protection plans list actions such as “mother to engage with services” with no date or sign of what should change. Core groups meet, but health partners rarely attend and plans are not updated after reviews. Several children have been on plans for more than two years without managers escalating.',
    panelNote: 'Drift for children at risk of harm, unseen by managers: widespread and serious.',
  },
  {
    title: 'Stable homes close to school',
    judgementKey: C,
    criteria: [`${C}.stability`, `${C}.sufficiency_and_matching`],
    referenceGrade: 'good',
    body: 'Most children in care live in stable homes near their schools, and brothers and sisters live together where that has been assessed as right for them. When a move cannot be avoided it is planned, and the child is prepared by a worker they know. A few teenagers still live some distance away for want of local homes.',
    panelNote: 'Good matching and stability; sufficiency for older children is the known gap.',
  },
  {
    title: 'Life-story work rarely started',
    judgementKey: C,
    criteria: [`${C}.life_story`, `${C}.voice`],
    referenceGrade: 'requires_improvement',
    body: 'Life-story work has been started for few children, and several older children could not say why they came into care. Independent reviewing officers note the gap at each review, but the recommendation is carried forward unchanged. Children’s day-to-day care is otherwise well planned.',
    panelNote:
      'A real weakness in children’s understanding of their history, within otherwise sound care.',
  },
  {
    title: 'Personal advisers who stay in touch',
    judgementKey: CL,
    criteria: [`${CL}.in_touch`, `${CL}.pathway_plans`, `${CL}.influence`],
    referenceGrade: 'outstanding',
    body: 'Personal advisers know the young people well and keep in touch with all of them, including those in custody or living in other areas. Pathway plans are written with each young person, in their own words, and updated whenever things change. Care leavers wrote much of the local offer and review it each year.',
    panelNote: 'Exceptional relationships and young people shaping the service.',
  },
  {
    title: 'Short stays in unsuitable accommodation',
    judgementKey: CL,
    criteria: [`${CL}.accommodation`, `${CL}.staying_put`],
    referenceGrade: 'requires_improvement',
    body: 'A handful of eighteen-year-olds have spent up to two weeks in a hotel while a tenancy was found, each with daily contact from their adviser. Staying put is offered, but few carers take it up and the authority has not asked why. Most care leavers live in suitable homes.',
    panelNote:
      'Unsuitable accommodation is short and supported, but it recurs and its cause is not tackled.',
  },
  {
    title: 'A steadier workforce',
    judgementKey: L,
    criteria: [
      'leaders.workforce',
      'leaders.supervision_and_practice_model',
      'leaders.know_practice',
    ],
    referenceGrade: 'good',
    body: 'Caseloads have fallen since the authority recruited permanent social workers; agency staff are now about one in ten. Supervision is regular and recorded, though reflective discussion is brief in some teams. Leaders know where practice is weaker from audits that include conversations with families.',
    panelNote:
      'Leaders know their services and have improved them; some variation between teams remains.',
  },
  {
    title: 'A self-evaluation that says all is good',
    judgementKey: L,
    criteria: ['leaders.self_evaluation', 'leaders.know_practice', 'leaders.decisive_action'],
    referenceGrade: 'inadequate',
    body: 'The self-evaluation describes practice as good in every service. Most audits are graded by the worker’s own manager and few are moderated. Leaders did not know that a quarter of statutory visits to children were overdue until inspectors showed them the figures.',
    panelNote: 'Leaders do not know their services and have not acted on serious weaknesses.',
  },
];
