// Annex A Lists 8 to 11: children in care, care leavers, adoption and adopters (see lists.ts).
import {
  age,
  childId,
  code,
  date,
  disability,
  dob,
  ethnicity,
  gender,
  int,
  person,
  team,
  worker,
} from './list-fields.js';
import type { ListDef } from './lists.js';

export const careLists: ListDef[] = [
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
