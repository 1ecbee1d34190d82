// Annex A Lists 1 to 7: contacts, early help, referrals, assessments, section 47 enquiries,
// children in need and child protection (see lists.ts).
import { code, date, disability, int, person, team, worker } from './list-fields.js';
import type { ListDef } from './lists.js';

export const frontDoorLists: ListDef[] = [
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
];
