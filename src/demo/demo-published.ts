// Three published demo inspections of three synthetic LAs (ILACS 2023, dated in 2025), with a few
// evidence records each that name people, places, children and dates the way real evidence does,
// so that a reliability study's redaction has something to find. Everything is synthetic.

export interface PublishedDemoEvidence {
  by: 'lead' | 'inspector';
  on: string;
  method: string;
  caseRef?: string;
  locality?: string;
  areas: string[];
  direction: 'strength' | 'area_for_improvement' | 'mixed';
  text: string;
}

export interface PublishedDemo {
  la: {
    id: string;
    name: string;
    gss_code: string;
    dfe_code: string;
    ofsted_region: string;
    ons_region_code: string;
    ons_region: string;
    la_type: string;
    population_0_17: number;
  };
  dcs: { email: string; displayName: string };
  activityType: 'standard_inspection' | 'short_inspection';
  start: string;
  end: string;
  /** The publication day. */
  published: string;
  grades: Record<string, string>;
  improvements: string[];
  summary: string;
  evidence: PublishedDemoEvidence[];
}

/** Reviewers for reliability studies: inspectors who never inspected the demo LAs. */
export const DEMO_REVIEWERS = [
  { key: 'reviewer1', email: 'reviewer1@triangulate.example', displayName: 'Ruth Adeyemi (HMI)' },
  { key: 'reviewer2', email: 'reviewer2@triangulate.example', displayName: 'Sam Kowalski (HMI)' },
  { key: 'reviewer3', email: 'reviewer3@triangulate.example', displayName: 'Farah Qureshi (HMI)' },
  { key: 'reviewer4', email: 'reviewer4@triangulate.example', displayName: 'Owen Pritchard (HMI)' },
] as const;

const H = 'help_and_protection';
const C = 'children_in_care';
const L = 'impact_of_leaders';
const CL = 'care_leavers';

export const DEMO_PUBLISHED: PublishedDemo[] = [
  {
    la: {
      id: 'demo-southmere',
      name: 'Southmere (demo)',
      gss_code: 'E06999902',
      dfe_code: '998',
      ofsted_region: 'South East',
      ons_region_code: 'E12000008',
      ons_region: 'South East',
      la_type: 'Unitary Authority',
      population_0_17: 48_200,
    },
    dcs: { email: 'dcs@southmere.example', displayName: 'Helen Tranter (Southmere DCS)' },
    activityType: 'standard_inspection',
    start: '2025-03-03',
    end: '2025-03-14',
    published: '2025-04-25',
    grades: {
      [L]: 'requires_improvement',
      [H]: 'requires_improvement',
      [C]: 'requires_improvement',
      [CL]: 'requires_improvement',
      overall_effectiveness: 'requires_improvement',
    },
    improvements: [
      'The timeliness of child protection strategy discussions',
      'The quality and consistency of pathway plans for care leavers',
      'Management oversight of children on child protection plans',
    ],
    summary:
      'Services for children in Southmere require improvement to be good. Leaders know where practice is weaker.',
    evidence: [
      {
        by: 'lead',
        on: '2025-03-03',
        method: 'social_worker_discussion',
        caseRef: 'SM-1041',
        locality: 'Harbourside',
        areas: [H],
        direction: 'area_for_improvement',
        text: 'SM-1041 was referred on 12 February 2025 by the school in Harbourside. The strategy discussion was held on 20/02/2025, eight days later. Team manager Gareth Lowe agreed the delay was too long.',
      },
      {
        by: 'inspector',
        on: '2025-03-04',
        method: 'case_file_reading',
        caseRef: 'SM-2210',
        areas: [C],
        direction: 'mixed',
        text: 'SM-2210 has lived with the same foster carers in Millbrook since 2023-06-01. Visits are regular, but the care plan was not reviewed after the move of school in January 2025.',
        locality: 'Millbrook',
      },
      {
        by: 'inspector',
        on: '2025-03-05',
        method: 'meeting_observed',
        areas: [L],
        direction: 'area_for_improvement',
        text: 'At the performance board Helen Tranter said audits are moderated, but Mrs Okonjo could not show the moderation records for Quarrybank team.',
      },
      {
        by: 'lead',
        on: '2025-03-06',
        method: 'social_worker_discussion',
        caseRef: 'SM-3302',
        areas: [CL],
        direction: 'area_for_improvement',
        text: 'The pathway plan for SM-3302 is dated 4 March 2024 and has not been updated. Her personal adviser, Kelvin, had changed twice.',
      },
    ],
  },
  {
    la: {
      id: 'demo-eastbridge',
      name: 'Eastbridge (demo)',
      gss_code: 'E06999903',
      dfe_code: '997',
      ofsted_region: 'East Midlands',
      ons_region_code: 'E12000004',
      ons_region: 'East Midlands',
      la_type: 'Unitary Authority',
      population_0_17: 55_900,
    },
    dcs: { email: 'dcs@eastbridge.example', displayName: 'Martin Oyelaran (Eastbridge DCS)' },
    activityType: 'standard_inspection',
    start: '2025-06-09',
    end: '2025-06-20',
    published: '2025-07-30',
    grades: { [L]: 'good', [H]: 'good', [C]: 'good', [CL]: 'good', overall_effectiveness: 'good' },
    improvements: [
      'The consistency of life-story work for children in care',
      'The recording of management decisions at the front door',
    ],
    summary:
      'Services for children in Eastbridge are good. Leaders have improved practice since the last inspection.',
    evidence: [
      {
        by: 'lead',
        on: '2025-06-09',
        method: 'social_worker_discussion',
        caseRef: 'EB-0711',
        locality: 'Fenwick Vale',
        areas: [H],
        direction: 'strength',
        text: 'EB-0711 was seen the same day as the referral (10 May 2025). The social worker, Priya Nandra, wrote a clear analysis of risk.',
      },
      {
        by: 'inspector',
        on: '2025-06-10',
        method: 'case_file_reading',
        caseRef: 'EB-0930',
        areas: [C],
        direction: 'mixed',
        text: 'EB-0930 is settled with kinship carers. Life-story work has not started although it was planned for April 2025.',
      },
      {
        by: 'inspector',
        on: '2025-06-11',
        method: 'meeting_observed',
        areas: [L],
        direction: 'strength',
        text: 'Martin Oyelaran chairs a monthly practice week; leaders use the findings to change training. The Eastbridge Council scrutiny committee asks for the results.',
      },
    ],
  },
  {
    la: {
      id: 'demo-westholme',
      name: 'Westholme (demo)',
      gss_code: 'E06999904',
      dfe_code: '996',
      ofsted_region: 'South West',
      ons_region_code: 'E12000009',
      ons_region: 'South West',
      la_type: 'Unitary Authority',
      population_0_17: 39_400,
    },
    dcs: { email: 'dcs@westholme.example', displayName: 'Claire Benbow (Westholme DCS)' },
    activityType: 'short_inspection',
    start: '2025-10-06',
    end: '2025-10-10',
    published: '2025-11-21',
    grades: {
      [L]: 'outstanding',
      [H]: 'good',
      [C]: 'outstanding',
      [CL]: 'good',
      overall_effectiveness: 'outstanding',
    },
    improvements: ['The consistency of return home interviews for children who go missing'],
    summary:
      'Services for children in Westholme are outstanding. Children are helped early and well.',
    evidence: [
      {
        by: 'lead',
        on: '2025-10-06',
        method: 'social_worker_discussion',
        caseRef: 'WH-5120',
        locality: 'Ashcombe',
        areas: [H],
        direction: 'mixed',
        text: 'WH-5120 went missing twice in September 2025. The return home interview was offered on 29/09/2025, four days after she came back.',
      },
      {
        by: 'inspector',
        on: '2025-10-07',
        method: 'case_file_reading',
        caseRef: 'WH-6002',
        areas: [C, CL],
        direction: 'strength',
        text: 'WH-6002 helped write her own pathway plan with her adviser Joanne Pike. She moved into her own flat in Ashcombe on 1 August 2025.',
      },
      {
        by: 'lead',
        on: '2025-10-08',
        method: 'meeting_observed',
        areas: [L],
        direction: 'strength',
        text: 'Claire Benbow and the lead member know the service in detail. Leaders act on what children say: the Westholme Youth Voice group changed the leaving care offer.',
      },
    ],
  },
];
