// The eleven Annex A lists as the project models them: for each column of the Ofsted template
// (August 2019, with the 2023+ List 9 columns), the normalised key it is stored under, its type,
// its code set, whether the template allows a blank, and the header spellings it is known by.
// docs/annex-a.md documents the stored keys; the conformance check compares this with the specs.
import type { CodeSetName } from './code-sets.js';

export type FieldType =
  'id' | 'date' | 'dob' | 'age' | 'integer' | 'code' | 'text' | 'staff' | 'postcode';

export interface FieldDef {
  /** The key in annex_a_rows.data (for 'id' fields: not stored, pseudonymised instead). */
  key: string;
  /** The template's column heading. */
  header: string;
  type: FieldType;
  codeSet?: CodeSetName;
  /** The template allows a blank. */
  canBeBlank: boolean;
  /** First layout with this column (List 9 gained four in 2023). */
  since?: '2023';
  /** Other headings seen in real files (compared after headerKey normalisation). */
  aliases?: string[];
  /** A last-resort pattern on the normalised heading. */
  pattern?: RegExp;
}

export interface ListDef {
  number: number;
  title: string;
  /** Words that identify the list from a sheet name. */
  sheetWords: RegExp;
  /** One row per child (duplicates are errors) or per event. */
  grain: 'child' | 'event' | 'adopter';
  /** Event date used for duplicate-event queries. */
  eventDate?: string;
  fields: FieldDef[];
}

const childId = (): FieldDef => ({
  key: 'childId',
  header: 'Child Unique ID',
  type: 'id',
  canBeBlank: false,
  aliases: [
    'child id',
    'child unique identifier',
    'unique child id',
    'child ref',
    'child reference',
  ],
  pattern: /\bchild\b.*\b(id|identifier|ref)\b|\b(id|identifier)\b.*\bchild\b/,
});
const gender = (): FieldDef => ({
  key: 'gender',
  header: 'Gender',
  type: 'code',
  codeSet: 'gender',
  canBeBlank: false,
  aliases: ['sex'],
  pattern: /^(gender|sex)\b/,
});
const ethnicity = (): FieldDef => ({
  key: 'ethnicity',
  header: 'Ethnicity',
  type: 'code',
  codeSet: 'ethnicity',
  canBeBlank: false,
  pattern: /^ethnic/,
});
const dob = (): FieldDef => ({
  key: 'dateOfBirth',
  header: 'Date of Birth',
  type: 'dob',
  canBeBlank: true,
  aliases: ['dob'],
  pattern: /date.*birth/,
});
const age = (): FieldDef => ({
  key: 'age',
  header: 'Age of Child (Years)',
  type: 'age',
  canBeBlank: true,
  aliases: ['age', 'age years', 'age of child'],
  pattern: /^age\b/,
});
const disability = (header = 'Does the Child have a Disability'): FieldDef => ({
  key: 'disability',
  header,
  type: 'code',
  codeSet: 'disability',
  canBeBlank: false,
  aliases: ['disability', 'disabled'],
  pattern: /disab/,
});
const team = (): FieldDef => ({
  key: 'team',
  header: 'Allocated Team',
  type: 'text',
  canBeBlank: false,
  aliases: ['team'],
  pattern: /allocated team/,
});
const worker = (): FieldDef => ({
  key: 'workerRef',
  header: 'Allocated Worker',
  type: 'staff',
  canBeBlank: false,
  aliases: ['worker', 'allocated social worker'],
  pattern: /allocated (social )?worker/,
});
const person = (): FieldDef[] => [childId(), gender(), ethnicity(), dob(), age()];
const date = (key: string, header: string, canBeBlank: boolean, extra: Partial<FieldDef> = {}) =>
  ({ key, header, type: 'date', canBeBlank, ...extra }) as FieldDef;
const code = (
  key: string,
  header: string,
  codeSet: CodeSetName,
  canBeBlank: boolean,
  extra: Partial<FieldDef> = {},
) => ({ key, header, type: 'code', codeSet, canBeBlank, ...extra }) as FieldDef;
const int = (key: string, header: string, canBeBlank: boolean, extra: Partial<FieldDef> = {}) =>
  ({ key, header, type: 'integer', canBeBlank, ...extra }) as FieldDef;

export const annexALists: ListDef[] = [
  {
    number: 1,
    title: 'Contacts',
    sheetWords: /\bcontacts?\b/,
    grain: 'event',
    eventDate: 'contactDate',
    fields: [
      ...person(),
      date('contactDate', 'Date of Contact', false, { pattern: /date.*contact/ }),
      code('contactSource', 'Contact Source', 'source', false, { pattern: /contact.*source/ }),
    ],
  },
  {
    number: 2,
    title: 'Early help',
    sheetWords: /\bearly help\b/,
    grain: 'event',
    eventDate: 'ehAssessmentStart',
    fields: [
      ...person(),
      date('ehAssessmentStart', 'Assessment start date', false, { pattern: /assessment.*start/ }),
      date('ehAssessmentEnd', 'Assessment completion date', true, {
        pattern: /assessment.*(completion|completed|end)/,
      }),
      {
        key: 'ehOrganisation',
        header: 'Organisation completing assessment',
        type: 'text',
        canBeBlank: false,
        pattern: /organisation/,
      },
    ],
  },
  {
    number: 3,
    title: 'Referrals',
    sheetWords: /\breferrals?\b/,
    grain: 'event',
    eventDate: 'referralDate',
    fields: [
      ...person(),
      date('referralDate', 'Date of referral', false, { pattern: /date.*referral/ }),
      code('referralSource', 'Referral Source', 'source', false, { pattern: /referral.*source/ }),
      code('referralNfa', 'Referral NFA?', 'yesNo', false, {
        pattern: /\bnfa\b|no further action/,
      }),
      int('referralsLast12Months', 'Number of Referrals in Last 12 Months', false, {
        pattern: /number.*referrals/,
      }),
      team(),
      worker(),
    ],
  },
  {
    number: 4,
    title: 'Assessments',
    sheetWords: /\bassessments?\b/,
    grain: 'event',
    eventDate: 'assessmentStart',
    fields: [
      ...person(),
      disability(),
      date('assessmentStart', 'Continuous Assessment Start Date', false, {
        pattern: /assessment.*start/,
      }),
      code('childSeen', 'Child Seen During Continuous Assessment', 'yesNoUnknown', false, {
        pattern: /child seen/,
      }),
      date('assessmentAuthorised', 'Continuous Assessment Date of Authorisation', true, {
        pattern: /authoris|authoriz|completion/,
      }),
      code(
        'requiresSupport',
        "Was the child assessed as requiring LA children's social care support?",
        'yesNo',
        true,
        { pattern: /assessed.*(support|in need)/ },
      ),
      team(),
      worker(),
    ],
  },
  {
    number: 5,
    title: 'Section 47 enquiries and ICPCs',
    sheetWords: /\bsection 47\b|\bs47\b|\bicpc/,
    grain: 'event',
    eventDate: 'strategyDiscussionDate',
    fields: [
      ...person(),
      disability(),
      date(
        'strategyDiscussionDate',
        'Strategy discussion initiating Section 47 Enquiry Start Date',
        false,
        { pattern: /strategy discussion/ },
      ),
      code(
        'icpcNotRequired',
        'Was an Initial Child Protection Conference deemed unnecessary?',
        'yesNo',
        true,
        { pattern: /unnecessary|not required/ },
      ),
      date('icpcDate', 'Date of Initial Child Protection Conference', true, {
        pattern: /date.*initial child protection conference/,
      }),
      code(
        'icpcResultedInPlan',
        'Did the Initial Child Protection Conference Result in a Child Protection Plan',
        'yesNoUnknown',
        true,
        { pattern: /result in a child protection plan/ },
      ),
      int('s47sLast12Months', 'Number of Section 47 Enquiries in the last 12 months', false, {
        pattern: /number.*section 47/,
      }),
      int('icpcsLast12Months', 'Number of ICPCs in the last 12 months', false, {
        pattern: /number.*icpc/,
      }),
      team(),
      worker(),
    ],
  },
  {
    number: 6,
    title: 'Children in need',
    sheetWords: /\bchildren in need\b|\bcin\b/,
    grain: 'child',
    fields: [
      ...person(),
      disability(),
      date('cinStartDate', 'CIN Start Date', true, { pattern: /cin start/ }),
      code('primaryNeed', 'Primary Need Code', 'primaryNeed', false, { pattern: /primary need/ }),
      date('lastSeenDate', 'Date Child Was Last Seen', true, { pattern: /last seen/ }),
      date('cinClosureDate', 'CIN Closure Date', true, { pattern: /closure date/ }),
      code('closureReason', 'Reason for Closure', 'closureReason', true, {
        pattern: /reason.*closure/,
      }),
      code('caseStatus', 'Case Status', 'caseStatus', false, { pattern: /case status/ }),
      team(),
      worker(),
    ],
  },
  {
    number: 7,
    title: 'Child protection',
    sheetWords: /\bchild protection\b|\bcp\b/,
    grain: 'child',
    fields: [
      ...person(),
      disability(),
      date('cpPlanStart', 'Child Protection Plan Start Date', false, { pattern: /plan start/ }),
      code('initialCategory', 'Initial Category of Abuse', 'abuseCategory', false, {
        pattern: /initial category/,
      }),
      code('latestCategory', 'Latest Category of Abuse', 'abuseCategory', false, {
        pattern: /latest category/,
      }),
      date('lastStatutoryVisit', 'Date of the Last Statutory Visit', true, {
        pattern: /statutory visit/,
      }),
      code('seenAlone', 'Was the Child Seen Alone?', 'yesNoUnknown', true, {
        pattern: /seen alone/,
      }),
      date('latestReviewConference', 'Date of latest review conference', true, {
        pattern: /review conference/,
      }),
      date('cpPlanEnd', 'Child Protection Plan End Date', true, { pattern: /plan end/ }),
      code(
        'epoOrPolicePowers',
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
        'yesNo',
        false,
        { pattern: /emergency protection order/ },
      ),
      int('previousCpPlans', 'Number of Previous Child Protection Plans', false, {
        pattern: /previous child protection plans/,
      }),
      team(),
      worker(),
    ],
  },
  {
    number: 8,
    title: 'Children in care',
    sheetWords: /\bchildren in care\b|\blooked after\b|\bcla\b|\blac\b/,
    grain: 'child',
    fields: [
      ...person(),
      code(
        'uasc',
        'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
        'yesNo',
        false,
        { pattern: /unaccompanied asylum/ },
      ),
      disability(),
      date('lookedAfterStart', 'Date Started to be Looked After', false, {
        pattern: /started to be looked after/,
      }),
      code('categoryOfNeed', "Child's Category of Need", 'primaryNeed', false, {
        pattern: /category of need/,
      }),
      code(
        'secondPeriodInYear',
        'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
        'yesNo',
        false,
        { pattern: /second or subsequent/ },
      ),
      date('legalStatusStart', 'Start date of current legal status', false, {
        pattern: /start date.*legal status/,
      }),
      code('legalStatus', "Child's Legal Status", 'legalStatus', false, {
        pattern: /^(childs )?legal status/,
      }),
      date('latestReview', 'Date of Latest Statutory Review', true, {
        pattern: /statutory review/,
      }),
      date('lastSocialWorkVisit', 'Date of Last Social Work Visit', true, {
        pattern: /social work visit/,
      }),
      code(
        'permanencePlan',
        'What is the permanence plan for this child?',
        'permanencePlan',
        true,
        {
          pattern: /permanence plan/,
        },
      ),
      date('lastIroContact', 'Date of Last IRO Visit / Contact to the Child', true, {
        pattern: /\biro\b/,
      }),
      date('lastHealthAssessment', 'Date of Last Health Assessment', true, {
        pattern: /health assessment/,
      }),
      date('lastDentalCheck', 'Date of Last Dental Check', true, { pattern: /dental/ }),
      int('placementsLast12Months', 'Number of Placements in the Last 12 months', false, {
        pattern: /number of placements/,
      }),
      date('ceasedDate', 'Date Ceased to be Looked After', true, {
        pattern: /date ceased/,
      }),
      code('ceaseReason', 'Reason Ceased to be Looked After', 'ceaseReason', true, {
        pattern: /reason ceased/,
      }),
      date('placementStart', 'Start Date of Most Recent Placement', false, {
        pattern: /most recent placement/,
      }),
      code('placementType', 'Placement Type', 'placementType', false, {
        pattern: /placement type/,
      }),
      code('placementProvider', 'Placement Provider', 'placementProvider', false, {
        pattern: /placement provider/,
      }),
      {
        key: 'placementPostcodeDistrict',
        header: 'Placement postcode',
        type: 'postcode',
        canBeBlank: false,
        pattern: /postcode/,
      },
      {
        key: 'placementUrn',
        header: 'URN of Placement',
        type: 'text',
        canBeBlank: true,
        pattern: /\burn\b/,
      },
      code('placementLocation', 'Placement Location', 'placementLocation', false, {
        pattern: /placement location/,
      }),
      {
        key: 'placementLa',
        header: 'LA of Placement',
        type: 'text',
        canBeBlank: false,
        pattern: /la of placement/,
      },
      int(
        'missingEpisodes',
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        false,
        { pattern: /episodes.*missing/ },
      ),
      int(
        'absentEpisodes',
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        false,
        { pattern: /episodes.*absent/ },
      ),
      code(
        'returnInterviewOffered',
        'Was the child offered a Return Interview after their last missing episode (Y/N)?',
        'yesNoUnknown',
        true,
        { pattern: /offered a return interview/ },
      ),
      code(
        'returnInterviewAccepted',
        'Did the child accept a Return Interview after their last missing episode (Y/N)?',
        'yesNoUnknown',
        true,
        { pattern: /accept a return interview/ },
      ),
      team(),
      worker(),
    ],
  },
  {
    number: 9,
    title: 'Care leavers',
    sheetWords: /\bcare leavers?\b/,
    grain: 'child',
    fields: [
      ...person(),
      code(
        'uasc',
        'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
        'yesNo',
        false,
        { since: '2023', pattern: /unaccompanied asylum/ },
      ),
      disability(),
      team(),
      worker(),
      {
        key: 'personalAdvisorRef',
        header: 'Allocated Personal Advisor',
        type: 'staff',
        canBeBlank: true,
        since: '2023',
        pattern: /personal advis/,
      },
      code('eligibility', 'Eligibility Category', 'eligibility', false, { pattern: /eligibility/ }),
      date('pathwayPlanReview', 'Latest Pathway Plan Review Date', true, {
        since: '2023',
        pattern: /pathway plan/,
      }),
      code('inTouch', 'LA in Touch', 'inTouch', false, { pattern: /in touch/ }),
      date('latestContact', 'Latest Date of Contact', true, {
        since: '2023',
        pattern: /date of contact/,
      }),
      code('accommodation', 'Type of Accommodation', 'accommodation', true, {
        pattern: /type of accommodation/,
      }),
      code('suitability', 'Suitability of Accommodation', 'suitability', true, {
        pattern: /suitability/,
      }),
      code('activity', 'Activity Status', 'activity', true, { pattern: /activity/ }),
    ],
  },
  {
    number: 10,
    title: 'Adoption',
    sheetWords: /\badoption\b/,
    grain: 'child',
    fields: [
      childId(),
      {
        key: 'familyRef',
        header: 'Family identifier',
        type: 'id',
        canBeBlank: true,
        pattern: /family/,
      },
      gender(),
      ethnicity(),
      dob(),
      age(),
      disability(),
      date('enteredCare', 'Date the Child Entered Care', false, { pattern: /entered care/ }),
      date('decisionToPlace', 'Date of Decision that Child Should be Placed for Adoption', false, {
        pattern: /decision.*should be placed/,
      }),
      date('placementOrder', 'Date of Placement Order', true, { pattern: /placement order/ }),
      date('matched', 'Date of Matching Child and Prospective Adopters', true, {
        pattern: /matching/,
      }),
      date('placedForAdoption', 'Date Placed for Adoption', true, {
        pattern: /date placed for adoption/,
      }),
      date('adoptionOrder', 'Date of Adoption Order', true, { pattern: /adoption order/ }),
      date(
        'decisionNoLongerPlaced',
        'Date of Decision that Child Should No Longer be Placed for Adoption',
        true,
        { pattern: /no longer be placed/ },
      ),
      code(
        'noLongerPlacedReason',
        'Reason Why Child No Longer Placed for Adoption',
        'noLongerPlacedReason',
        true,
        { pattern: /reason.*no longer/ },
      ),
      date(
        'ffaPlacement',
        'Date the child was placed for fostering in FFA or concurrent planning placement',
        true,
        { pattern: /\bffa\b|concurrent/ },
      ),
    ],
  },
  {
    number: 11,
    title: 'Adopters',
    sheetWords: /\badopters?\b/,
    grain: 'adopter',
    fields: [
      {
        key: 'adopterId',
        header: 'Individual adopter identifier',
        type: 'id',
        canBeBlank: false,
        pattern: /adopter.*(id|identifier)/,
      },
      {
        key: 'familyRef',
        header: 'Family identifier',
        type: 'id',
        canBeBlank: true,
        pattern: /family/,
      },
      gender(),
      ethnicity(),
      code('disability', 'Disability', 'disability', false, { pattern: /disab/ }),
      code(
        'fosteringForAdoption',
        'Is the (prospective) adopter fostering for adoption?',
        'yesNo',
        false,
        {
          pattern: /fostering for adoption/,
        },
      ),
      date('enquiryDate', 'Date enquiry received', false, { pattern: /enquiry/ }),
      date('stage1Start', 'Date Stage 1 started', true, { pattern: /stage 1 start/ }),
      date('stage1End', 'Date Stage 1 ended', true, { pattern: /stage 1 end/ }),
      date('stage2Start', 'Date Stage 2 started', true, { pattern: /stage 2 start/ }),
      date('stage2End', 'Date Stage 2 ended', true, { pattern: /stage 2 end/ }),
      date('applicationSubmitted', 'Date application submitted', true, {
        pattern: /application submitted/,
      }),
      date('applicationApproved', 'Date application approved', true, {
        pattern: /application approved/,
      }),
      date('matched', 'Date adopter matched with child(ren)', true, { pattern: /matched/ }),
      date('placed', 'Date child/children placed with adopter(s)', true, {
        pattern: /placed with adopter/,
      }),
      int('childrenPlaced', 'No. of children placed', true, { pattern: /children placed/ }),
      date('adoptionOrder', 'Date of Adoption Order', true, { pattern: /adoption order/ }),
      date('leftProcess', 'Date of leaving adoption process', true, {
        pattern: /date of leaving/,
      }),
      code('leavingReason', 'Reason for leaving adoption process', 'leavingReason', true, {
        pattern: /reason for leaving/,
      }),
    ],
  },
];

export function listDef(n: number): ListDef {
  const l = annexALists[n - 1];
  if (!l) throw new Error(`There is no Annex A list ${n}`);
  return l;
}
