// The DfE extracts this importer reads, recognised by their header row. Each names the columns it
// needs; `measures` say which raw figures a row gives (derive.ts turns them into indicators).
export type StatsFormatId =
  | 'b1_children_in_need'
  | 'c1_referrals'
  | 'd3_cpp_subsequent'
  | 'd5_cpp_duration'
  | 'cla_rates'
  | 'placement_stability'
  | 'care_leavers_accommodation'
  | 'sn_model_2025'
  | 'groupings_2021';

export interface StatsFormat {
  id: StatsFormatId;
  label: string;
  /** Every one must be in the header. */
  required: readonly string[];
  kind: 'figures' | 'neighbours';
}

const geo = ['time_period', 'geographic_level', 'region_code', 'old_la_code', 'new_la_code'];

export const statsFormats: readonly StatsFormat[] = [
  {
    id: 'b1_children_in_need',
    label: 'Children in need (b1)',
    required: [...geo, 'At31_episodes'],
    kind: 'figures',
  },
  {
    id: 'c1_referrals',
    label: 'Referrals and re-referrals (c1)',
    required: [...geo, 'referral_count', 'rereferral_percent', 'no_further_action_percent'],
    kind: 'figures',
  },
  {
    id: 'd3_cpp_subsequent',
    label: 'Child protection plans: second or subsequent (d3)',
    required: [...geo, 'CPP_subsequent_percent'],
    kind: 'figures',
  },
  {
    id: 'd5_cpp_duration',
    label: 'Child protection plans at 31 March by duration (d5)',
    required: [...geo, 'CPP_At31', '2_years_or_more_percent'],
    kind: 'figures',
  },
  {
    id: 'cla_rates',
    label: 'Children looked after: numbers and rates per 10,000',
    required: [...geo, 'population_type', 'population_estimate', 'rate_per_10000'],
    kind: 'figures',
  },
  {
    id: 'placement_stability',
    label: 'Children looked after: placement stability',
    required: [...geo, 'cla_group', 'placement_stability', 'children_count'],
    kind: 'figures',
  },
  {
    id: 'care_leavers_accommodation',
    label: 'Care leavers in suitable accommodation',
    required: [...geo, 'care_leaver_age', 'breakdown', 'care_leaver_count'],
    kind: 'figures',
  },
  {
    id: 'sn_model_2025',
    label: 'Statistical neighbours (2025 model)',
    required: ['old_la_code', 'SN_1', 'SN_1P'],
    kind: 'neighbours',
  },
  {
    id: 'groupings_2021',
    label: 'Statistical neighbour groupings (April 2021)',
    required: ['LA num', 'SN1', 'SNP'],
    kind: 'neighbours',
  },
];

export function detectStatsFormat(header: readonly string[]): StatsFormat | null {
  const have = new Set(header.map((h) => h.trim()));
  return statsFormats.find((f) => f.required.every((c) => have.has(c))) ?? null;
}
