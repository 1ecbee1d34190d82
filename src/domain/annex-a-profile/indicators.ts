// The catalogue of data profile indicators: what each one counts, over which period, from which
// Annex A list and columns, and which direction is better. The arithmetic is in lists-*.ts; the
// definitions here are what the page, the CLI, the API and docs/annex-a-profile.md show.
export type Polarity = 'higher' | 'lower' | 'neither';
export type IndicatorUnit = 'count' | 'percent' | 'rate' | 'days';

export interface IndicatorDefinition {
  key: string;
  list: number;
  title: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  numerator: string;
  denominator: string;
  period: string;
  source: string;
  /** The key of the national statistic it is compared with (reference/benchmarks), if any. */
  benchmark?: string;
}

const R = 'at the reference date (the Annex A extraction date)';
const SIX = 'the six months before the reference date (the list’s own scope)';
const ANNUAL = 'the six months before the reference date, doubled to a year';
const PER10K = 'children aged 0 to 17 in the LA (ONS mid-year estimate), per 10,000';

const d = (
  key: string,
  list: number,
  title: string,
  unit: IndicatorUnit,
  polarity: Polarity,
  numerator: string,
  denominator: string,
  period: string,
  source: string,
  benchmark?: string,
): IndicatorDefinition => ({
  key,
  list,
  title,
  unit,
  polarity,
  numerator,
  denominator,
  period,
  source,
  ...(benchmark ? { benchmark } : {}),
});

// One definition a line: a table reads better than the formatter's one-argument-a-line layout.
// prettier-ignore
export const indicatorDefinitions: readonly IndicatorDefinition[] = [
  // List 1
  d('contacts.count', 1, 'Contacts', 'count', 'neither', 'Rows of List 1', '-', SIX, 'List 1'),
  d('contacts.rate_per_10k', 1, 'Contacts per 10,000 children (annualised)', 'rate', 'neither', 'Rows of List 1 × 2', PER10K, ANNUAL, 'List 1'),
  d('contacts.to_referral_percent', 1, 'Children with a contact who were referred', 'percent', 'neither', 'Children on List 1 who are also on List 3', 'Children on List 1', SIX, 'List 1 and List 3: Child Unique ID'),
  d('contacts.repeat_percent', 1, 'Children with two or more contacts', 'percent', 'neither', 'Children with 2 or more rows on List 1', 'Children on List 1', SIX, 'List 1: Child Unique ID'),
  // List 2
  d('early_help.count', 2, 'Early help assessments', 'count', 'neither', 'Rows of List 2', '-', SIX, 'List 2'),
  d('early_help.completed_percent', 2, 'Early help assessments completed', 'percent', 'neither', 'Rows with an assessment completion date', 'Rows of List 2', SIX, 'List 2: Assessment completion date'),
  // List 3
  d('referrals.count', 3, 'Referrals', 'count', 'neither', 'Rows of List 3', '-', SIX, 'List 3'),
  d('referrals.rate_per_10k', 3, 'Referrals per 10,000 children (annualised)', 'rate', 'neither', 'Rows of List 3 × 2', PER10K, ANNUAL, 'List 3', 'referrals.rate_per_10k'),
  d('referrals.nfa_percent', 3, 'Referrals with no further action', 'percent', 'neither', 'Referrals with Referral NFA? = Yes', 'Referrals', SIX, 'List 3: Referral NFA?', 'referrals.nfa_percent'),
  d('referrals.rereferral_percent', 3, 'Re-referrals within 12 months', 'percent', 'lower', 'Referrals that follow another referral of the same child within 12 months (an earlier row of the list, or for the child’s first row: Number of Referrals in Last 12 Months larger than the child’s other rows)', 'Referrals', SIX, 'List 3: Date of referral, Number of Referrals in Last 12 Months', 'referrals.rereferral_percent'),
  // List 4
  d('assessments.count', 4, 'Assessments', 'count', 'neither', 'Rows of List 4', '-', SIX, 'List 4'),
  d('assessments.rate_per_10k', 4, 'Assessments per 10,000 children (annualised)', 'rate', 'neither', 'Rows of List 4 × 2', PER10K, ANNUAL, 'List 4'),
  d('assessments.within_45_wd_percent', 4, 'Assessments completed within 45 working days', 'percent', 'higher', 'Completed assessments authorised within 45 working days of the start (England and Wales bank holidays excluded)', 'Completed assessments (with a date of authorisation)', SIX, 'List 4: Continuous Assessment Start Date, Date of Authorisation'),
  d('assessments.open_over_45_wd_percent', 4, 'Open assessments past 45 working days', 'percent', 'lower', 'Open assessments started more than 45 working days before the reference date', 'Open assessments (no date of authorisation)', R, 'List 4: Continuous Assessment Start Date, Date of Authorisation'),
  d('assessments.child_seen_percent', 4, 'Children seen during the assessment', 'percent', 'higher', 'Assessments with Child Seen = Yes', 'Assessments', SIX, 'List 4: Child Seen During Continuous Assessment'),
  d('assessments.support_percent', 4, 'Completed assessments finding a need for support', 'percent', 'neither', 'Completed assessments with requiring support = Yes', 'Completed assessments with an answer', SIX, 'List 4: Was the child assessed as requiring LA children’s social care support?'),
  // List 5
  d('s47.count', 5, 'Section 47 enquiries', 'count', 'neither', 'Rows of List 5', '-', SIX, 'List 5'),
  d('s47.rate_per_10k', 5, 'Section 47 enquiries per 10,000 children (annualised)', 'rate', 'neither', 'Rows of List 5 × 2', PER10K, ANNUAL, 'List 5'),
  d('s47.icpc_percent', 5, 'Section 47 enquiries leading to an initial conference', 'percent', 'neither', 'Enquiries with a date of ICPC', 'Enquiries', SIX, 'List 5: Date of Initial Child Protection Conference'),
  d('s47.icpc_within_15_wd_percent', 5, 'Initial conferences within 15 working days of the strategy discussion', 'percent', 'higher', 'ICPCs held within 15 working days of the strategy discussion', 'Enquiries with both dates', SIX, 'List 5: Strategy discussion date, Date of ICPC'),
  d('s47.icpc_plan_percent', 5, 'Initial conferences resulting in a plan', 'percent', 'neither', 'ICPCs with Result in a Child Protection Plan = Yes', 'Enquiries with a date of ICPC', SIX, 'List 5: Did the ICPC Result in a Child Protection Plan'),
  d('s47.plan_percent', 5, 'Section 47 enquiries leading to a plan', 'percent', 'neither', 'Enquiries whose ICPC resulted in a plan', 'Enquiries', SIX, 'List 5'),
  d('s47.repeat_percent', 5, 'Children with a previous section 47 in 12 months', 'percent', 'neither', 'Enquiries with Number of Section 47 Enquiries in the last 12 months of 1 or more', 'Enquiries', SIX, 'List 5: Number of Section 47 Enquiries in the last 12 months'),
  // List 6
  d('cin.count', 6, 'Children in need (in the six months)', 'count', 'neither', 'Rows of List 6', '-', SIX, 'List 6'),
  d('cin.rate_per_10k', 6, 'Children in need per 10,000 children', 'rate', 'neither', 'Episodes open at the reference date (no closure date, or closed after it)', PER10K, R, 'List 6: CIN Closure Date', 'cin.rate_per_10k'),
  d('cin.not_seen_6_weeks_percent', 6, 'Open cases not seen in the last 6 weeks', 'percent', 'lower', 'Open episodes whose child was last seen more than 42 days before the reference date, or never', 'Open episodes', R, 'List 6: Date Child Was Last Seen'),
  // List 7
  d('cp.count', 7, 'Child protection plans (in the six months)', 'count', 'neither', 'Rows of List 7', '-', SIX, 'List 7'),
  d('cp.rate_per_10k', 7, 'Children on a plan per 10,000 children', 'rate', 'neither', 'Plans open at the reference date', PER10K, R, 'List 7: Plan Start and End Date', 'cp.rate_per_10k'),
  d('cp.repeat_percent', 7, 'Plans that are a second or subsequent plan', 'percent', 'lower', 'Plans started in the six months with Number of Previous Child Protection Plans of 1 or more', 'Plans started in the six months', SIX, 'List 7: Plan Start Date, Number of Previous Child Protection Plans', 'cp.repeat_percent'),
  d('cp.over_2_years_percent', 7, 'Open plans lasting 2 years or more', 'percent', 'lower', 'Open plans that started 2 years or more before the reference date', 'Plans open at the reference date', R, 'List 7: Plan Start Date, Plan End Date', 'cp.over_2_years_percent'),
  d('cp.ended_over_2_years_percent', 7, 'Ended plans that lasted 2 years or more', 'percent', 'lower', 'Plans ended in the six months that had lasted 2 years or more', 'Plans ended in the six months', SIX, 'List 7: Plan Start Date, Plan End Date'),
  d('cp.visits_overdue_percent', 7, 'Children on plans not visited within 10 working days', 'percent', 'lower', 'Open plans whose last statutory visit is more than 10 working days before the reference date, or missing', 'Plans open at the reference date', R, 'List 7: Date of the Last Statutory Visit'),
  d('cp.seen_alone_percent', 7, 'Children on plans seen alone at the last visit', 'percent', 'higher', 'Open plans with Was the Child Seen Alone? = Yes', 'Plans open at the reference date', R, 'List 7: Was the Child Seen Alone?'),
  // List 8
  d('cla.count', 8, 'Children in care (in the six months)', 'count', 'neither', 'Rows of List 8', '-', SIX, 'List 8'),
  d('cla.rate_per_10k', 8, 'Children in care per 10,000 children', 'rate', 'neither', 'Children in care at the reference date (no date ceased, or ceased after it)', PER10K, R, 'List 8: Date Ceased to be Looked After', 'cla.rate_per_10k'),
  d('cla.three_placements_percent', 8, 'Children in care with 3 or more placements in 12 months', 'percent', 'lower', 'Children in care with Number of Placements in the Last 12 months of 3 or more', 'Children in care at the reference date', R, 'List 8: Number of Placements in the Last 12 months', 'cla.three_placements_percent'),
  d('cla.long_term_stability_percent', 8, 'Long-term stability: same placement for 2 years', 'percent', 'higher', 'Those in the same placement for at least 2 years', 'Children in care at the reference date, under 16, looked after for at least 2.5 years', R, 'List 8: Date Started to be Looked After, Start Date of Most Recent Placement, Age', 'cla.long_term_stability_percent'),
  d('cla.reviews_up_to_date_percent', 8, 'Children in care with a review in the last 6 months', 'percent', 'higher', 'Those whose latest statutory review is within 6 months of the reference date', 'Children in care at the reference date for more than 20 working days', R, 'List 8: Date of Latest Statutory Review'),
  d('cla.visits_up_to_date_percent', 8, 'Children in care visited in the last 6 weeks', 'percent', 'higher', 'Those whose last social work visit is within 42 days of the reference date', 'Children in care at the reference date', R, 'List 8: Date of Last Social Work Visit'),
  d('cla.health_up_to_date_percent', 8, 'Health assessments up to date', 'percent', 'higher', 'Those with a health assessment within 6 months (under 5) or 12 months (5 and over)', 'Children in care at the reference date for more than 20 working days', R, 'List 8: Date of Last Health Assessment, Age'),
  d('cla.dental_up_to_date_percent', 8, 'Dental checks in the last 12 months', 'percent', 'higher', 'Those with a dental check within 12 months of the reference date', 'Children in care at the reference date for more than 20 working days', R, 'List 8: Date of Last Dental Check'),
  d('cla.missing_percent', 8, 'Children in care who went missing', 'percent', 'neither', 'Rows with 1 or more missing episodes in the last 12 months', 'Rows of List 8', SIX, 'List 8: Number of Episodes the Child has been Missing'),
  d('cla.return_offered_percent', 8, 'Return interviews offered after going missing', 'percent', 'higher', 'Children who went missing and were offered a return interview', 'Children with 1 or more missing episodes', SIX, 'List 8: Was the child offered a Return Interview'),
  d('cla.return_accepted_percent', 8, 'Return interviews accepted', 'percent', 'higher', 'Children who accepted a return interview', 'Children offered one', SIX, 'List 8: Did the child accept a Return Interview'),
  // List 9
  d('care_leavers.count', 9, 'Care leavers', 'count', 'neither', 'Rows of List 9', '-', R, 'List 9'),
  d('care_leavers.in_touch_17_18_percent', 9, 'Care leavers aged 17–18 in touch', 'percent', 'higher', 'Those whose In Touch code is YES', 'Care leavers aged 17–18 (died and returned home excluded)', R, 'List 9: In Touch, Age'),
  d('care_leavers.in_touch_19_21_percent', 9, 'Care leavers aged 19–21 in touch', 'percent', 'higher', 'Those whose In Touch code is YES', 'Care leavers aged 19–21 (died and returned home excluded)', R, 'List 9: In Touch, Age'),
  d('care_leavers.suitable_17_18_percent', 9, 'Care leavers aged 17–18 in suitable accommodation', 'percent', 'higher', 'Those whose accommodation is suitable', 'Care leavers aged 17–18', R, 'List 9: Suitability of Accommodation, Age', 'care_leavers.suitable_17_18_percent'),
  d('care_leavers.suitable_19_21_percent', 9, 'Care leavers aged 19–21 in suitable accommodation', 'percent', 'higher', 'Those whose accommodation is suitable', 'Care leavers aged 19–21', R, 'List 9: Suitability of Accommodation, Age', 'care_leavers.suitable_19_21_percent'),
  d('care_leavers.eet_17_18_percent', 9, 'Care leavers aged 17–18 in education, employment or training', 'percent', 'higher', 'Those whose activity is EET (F1–F5, P1–P5)', 'Care leavers aged 17–18', R, 'List 9: Activity, Age'),
  d('care_leavers.eet_19_21_percent', 9, 'Care leavers aged 19–21 in education, employment or training', 'percent', 'higher', 'Those whose activity is EET (F1–F5, P1–P5)', 'Care leavers aged 19–21', R, 'List 9: Activity, Age'),
  // Lists 10 and 11
  d('adoption.count', 10, 'Children with an adoption decision', 'count', 'neither', 'Rows of List 10', '-', SIX, 'List 10'),
  d('adoption.days_care_to_placed', 10, 'Average days from entering care to placement for adoption', 'days', 'lower', 'Sum of days from entering care to placed for adoption', 'Children placed for adoption', SIX, 'List 10: Date entered care, Date placed for adoption'),
  d('adopters.count', 11, 'Adopter households', 'count', 'neither', 'Rows of List 11', '-', SIX, 'List 11'),
  d('adopters.approved_percent', 11, 'Adopter applications approved', 'percent', 'neither', 'Rows with an approval date', 'Rows with an application date', SIX, 'List 11: Application submitted, approved'),
];

/** The catalogue's mark for a count, which has no denominator. */
const NO_DENOMINATOR = '-';

/** The definition as one sentence for people: what is counted, over what, when and from where. */
export function definitionText(
  def: Pick<IndicatorDefinition, 'numerator' | 'denominator' | 'period' | 'source'>,
): string {
  const counted =
    def.denominator && def.denominator !== NO_DENOMINATOR
      ? `${def.numerator} ÷ ${def.denominator}`
      : def.numerator;
  const period = def.period.charAt(0).toUpperCase() + def.period.slice(1);
  return `${counted}. ${period}. Source: ${def.source}.`;
}

const byKey = new Map(indicatorDefinitions.map((i) => [i.key, i]));

export function indicatorDefinition(key: string): IndicatorDefinition | undefined {
  return byKey.get(key);
}

export const indicatorKeys = indicatorDefinitions.map((i) => i.key);
