// The demo inspection's evidence: a first morning's worth of records written the way inspectors
// write on site, each coded by the person who recorded it, so the coding workbench opens on a
// real-looking evidence base. Fictional throughout: names are invented, case references are
// pseudonyms. Codes are named by framework criterion key, or by an emergent code's name.
export interface DemoEvidence {
  /** DEMO_USERS key of the inspector who recorded (and coded) it. */
  by: 'lead' | 'inspector';
  method: string;
  caseRef: string | null;
  areas: string[];
  direction: 'strength' | 'area_for_improvement' | 'mixed' | 'context';
  childVoice?: boolean;
  minutes: number;
  text: string;
  /** [code (criterion key or emergent code name), exact words in the text]. */
  codings: Array<[string, string]>;
}

export const DEMO_EMERGENT_CODES = [
  {
    name: 'Worker turnover felt by children',
    description: 'Children and families describe changes of social worker.',
  },
  { name: 'Child’s own words', description: 'Direct quotations from children and young people.' },
];

export const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    by: 'inspector',
    method: 'social_worker_discussion',
    caseRef: 'NF-C-0142',
    areas: ['help_and_protection'],
    direction: 'strength',
    childVoice: true,
    minutes: 45,
    text: 'Discussion with the allocated social worker about Zoë (9). The worker knows Zoë well and described her wishes clearly: she wants to stay at her school and see her grandmother every weekend. The child protection plan is specific, with actions that have dates and named people. Core group meetings have happened every four weeks and the notes show what changed for Zoë since the last one.',
    codings: [
      [
        'help_and_protection.plans',
        'The child protection plan is specific, with actions that have dates and named people.',
      ],
      [
        'Child’s own words',
        'she wants to stay at her school and see her grandmother every weekend',
      ],
      ['help_and_protection.impact', 'the notes show what changed for Zoë since the last one'],
    ],
  },
  {
    by: 'inspector',
    method: 'case_file_reading',
    caseRef: 'NF-C-0142',
    areas: ['help_and_protection'],
    direction: 'mixed',
    minutes: 30,
    text: 'Case file for Zoë. The strategy discussion was held the same day as the referral and included police and health. The section 47 enquiry was completed within 15 working days. However, the assessment does not consider the impact of the mother’s new partner on the household, and there is no record that Zoë was seen alone during the enquiry.',
    codings: [
      [
        'help_and_protection.significant_harm',
        'The strategy discussion was held the same day as the referral and included police and health.',
      ],
      [
        'help_and_protection.assessments',
        'the assessment does not consider the impact of the mother’s new partner on the household',
      ],
      [
        'help_and_protection.significant_harm',
        'there is no record that Zoë was seen alone during the enquiry',
      ],
    ],
  },
  {
    by: 'lead',
    method: 'manager_leader_meeting',
    caseRef: null,
    areas: ['impact_of_leaders'],
    direction: 'context',
    minutes: 60,
    text: 'Meeting with the director of children’s services and the head of safeguarding. Leaders told us that recruitment to the assessment teams has improved since the spring, with 11 of 14 posts now filled by permanent staff. They acknowledged that caseloads in the west locality remain high, at an average of 24 children per worker. The self-evaluation names the front door as a strength.',
    codings: [
      [
        'leaders.workforce',
        'recruitment to the assessment teams has improved since the spring, with 11 of 14 posts now filled by permanent staff',
      ],
      [
        'leaders.workforce',
        'caseloads in the west locality remain high, at an average of 24 children per worker',
      ],
      ['leaders.self_evaluation', 'The self-evaluation names the front door as a strength.'],
    ],
  },
  {
    by: 'lead',
    method: 'practice_observation',
    caseRef: null,
    areas: ['help_and_protection'],
    direction: 'strength',
    minutes: 90,
    text: 'Observed the multi-agency front door for the morning. Decisions on contacts were made within 24 hours in every case seen. The police and health representatives sit together with the social workers and share information quickly. Thresholds were applied consistently; two contacts about neglect were rightly passed to early help with the family’s consent.',
    codings: [
      [
        'help_and_protection.front_door',
        'Decisions on contacts were made within 24 hours in every case seen.',
      ],
      ['help_and_protection.front_door', 'Thresholds were applied consistently'],
      [
        'help_and_protection.early_help',
        'two contacts about neglect were rightly passed to early help with the family’s consent',
      ],
    ],
  },
  {
    by: 'inspector',
    method: 'child_conversation',
    caseRef: 'NF-C-0217',
    areas: ['children_in_care'],
    direction: 'mixed',
    childVoice: true,
    minutes: 40,
    text: 'Conversation with Joël (14), in care for two years. He said: “I’ve had four social workers, I stopped telling them stuff 🙁 but my foster carer is sound.” He knows who his independent reviewing officer is and has been to his last review. He did not know that he could have an advocate.',
    codings: [
      [
        'Worker turnover felt by children',
        'I’ve had four social workers, I stopped telling them stuff 🙁',
      ],
      [
        'Child’s own words',
        '“I’ve had four social workers, I stopped telling them stuff 🙁 but my foster carer is sound.”',
      ],
      ['children_in_care.stability', 'my foster carer is sound'],
      ['children_in_care.voice', 'He did not know that he could have an advocate.'],
    ],
  },
  {
    by: 'inspector',
    method: 'case_file_reading',
    caseRef: 'NF-C-0217',
    areas: ['children_in_care'],
    direction: 'area_for_improvement',
    minutes: 35,
    text: 'Case file for Joël. The care plan has not been updated since his placement moved in March. His personal education plan records targets but no progress against them. The life story work started last year has not been finished, and there is no record of why.',
    codings: [
      [
        'children_in_care.permanence',
        'The care plan has not been updated since his placement moved in March.',
      ],
      [
        'children_in_care.education',
        'His personal education plan records targets but no progress against them.',
      ],
      [
        'children_in_care.life_story',
        'The life story work started last year has not been finished',
      ],
    ],
  },
  {
    by: 'lead',
    method: 'performance_data',
    caseRef: null,
    areas: ['children_in_care', 'impact_of_leaders'],
    direction: 'context',
    minutes: 20,
    text: 'Performance data, end of October. 312 children in care (rate 71 per 10,000). 9% had three or more placements in the year, similar to statistical neighbours. 83% of reviews were held on time. Return home interviews were offered after 64% of missing episodes, below the authority’s own target of 90%.',
    codings: [
      [
        'children_in_care.stability',
        '9% had three or more placements in the year, similar to statistical neighbours',
      ],
      [
        'children_in_care.missing_and_exploited',
        'Return home interviews were offered after 64% of missing episodes',
      ],
    ],
  },
  {
    by: 'inspector',
    method: 'parent_carer_conversation',
    caseRef: 'NF-C-0301',
    areas: ['help_and_protection'],
    direction: 'strength',
    minutes: 30,
    text: 'Telephone conversation with Siân, mother of two children on child in need plans. She said the family support worker “actually listens and turns up when she says she will”. She felt involved in the plan and understood what needed to change. She said the changes of social worker last winter had been hard.',
    codings: [
      [
        'help_and_protection.plans',
        'She felt involved in the plan and understood what needed to change.',
      ],
      [
        'Worker turnover felt by children',
        'the changes of social worker last winter had been hard',
      ],
    ],
  },
  {
    by: 'lead',
    method: 'la_audit',
    caseRef: null,
    areas: ['impact_of_leaders'],
    direction: 'mixed',
    minutes: 40,
    text: 'The local authority’s own audits of 40 cases from the quarter. Auditors graded 28 as requires improvement or worse. The audits identify drift in plans for children in need. Actions from the audits are tracked, but most have no date for completion and few show what changed for the child.',
    codings: [
      ['leaders.know_practice', 'The audits identify drift in plans for children in need.'],
      [
        'leaders.decisive_action',
        'most have no date for completion and few show what changed for the child',
      ],
    ],
  },
  {
    by: 'inspector',
    method: 'remote_sampling',
    caseRef: 'NF-C-0388',
    areas: ['care_leavers'],
    direction: 'strength',
    minutes: 25,
    text: 'Sampled the records of Amélie (19), a care leaver at university. Her personal adviser is in touch every month and helped her apply for the bursary. The pathway plan is up to date and written with her; it records her own goals in her words. She is staying in touch with her former foster carers, who she visits in the holidays.',
    codings: [
      ['care_leavers.in_touch', 'Her personal adviser is in touch every month'],
      ['care_leavers.pathway_plans', 'The pathway plan is up to date and written with her'],
      ['care_leavers.education_employment', 'helped her apply for the bursary'],
    ],
  },
  {
    by: 'inspector',
    method: 'meeting_observed',
    caseRef: 'NF-C-0412',
    areas: ['help_and_protection'],
    direction: 'area_for_improvement',
    minutes: 75,
    text: 'Observed an initial child protection conference. The school and the health visitor had not been sent the report in advance. Participants agreed a plan, but the actions were general (“to engage with services”) and did not say who would do what by when. The chair made sure the parents’ views were recorded.',
    codings: [
      [
        'help_and_protection.plans',
        'the actions were general (“to engage with services”) and did not say who would do what by when',
      ],
      [
        'help_and_protection.significant_harm',
        'The school and the health visitor had not been sent the report in advance.',
      ],
    ],
  },
  {
    by: 'lead',
    method: 'self_evaluation',
    caseRef: null,
    areas: ['impact_of_leaders', 'help_and_protection'],
    direction: 'context',
    minutes: 30,
    text: 'Self-evaluation, September. The authority describes its front door as good and its services for children in care as requiring improvement. It lists three priorities: stable workforce, quality of plans, and sufficiency of local foster homes. It says that management oversight is visible on every case.',
    codings: [
      [
        'leaders.self_evaluation',
        'The authority describes its front door as good and its services for children in care as requiring improvement.',
      ],
      ['help_and_protection.management_oversight', 'management oversight is visible on every case'],
    ],
  },
];
