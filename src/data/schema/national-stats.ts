// Kysely table types of the national statistics (migration 2026-12-07T0210_national_statistics).

export interface NationalStatisticTable {
  indicator: string;
  level: string;
  area_code: string;
  area_name: string;
  year: number;
  value: number | null;
  marker: string | null;
}

export interface StatisticalNeighbourTable {
  la_id: string;
  model: string;
  rank: number;
  neighbour_la_id: string;
  closeness: string | null;
}

export interface NationalStatisticsAlertTable {
  la_id: string;
  indicator: string;
  to_year: number;
  intelligence_entry_id: string;
}

export interface NationalStatsTables {
  national_statistics: NationalStatisticTable;
  statistical_neighbours: StatisticalNeighbourTable;
  national_statistics_alerts: NationalStatisticsAlertTable;
}
