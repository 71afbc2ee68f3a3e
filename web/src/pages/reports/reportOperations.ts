/** The GraphQL operation of the KPI report screen. */

import { gql } from 'urql';

export const KPI_REPORT = gql`
  query KpiReport($input: KpiReportInput!) {
    kpiReport(input: $input) {
      period {
        kind
        label
        first
        last
      }
      previousPeriod {
        label
      }
      rows {
        figure
        label
        unit
        value
        previous
        display
        previousDisplay
      }
      referralsByDesk {
        deskId
        deskName
        count
      }
      matchesByOutcome {
        outcome
        label
        count
      }
      disbursedByMilestone {
        position
        display
      }
      series {
        first
        label
        consultations
        fromOverseas
        introductions
        matches
      }
    }
  }
`;

export interface KpiRow {
  figure: string;
  label: string;
  unit: string;
  value: number | null;
  previous: number | null;
  display: string;
  previousDisplay: string;
}

export interface MonthPoint {
  first: string;
  label: string;
  consultations: number;
  fromOverseas: number;
  introductions: number;
  matches: number;
}

export interface KpiReport {
  period: { kind: string; label: string; first: string; last: string };
  previousPeriod: { label: string };
  rows: KpiRow[];
  referralsByDesk: { deskId: string; deskName: string; count: number }[];
  matchesByOutcome: { outcome: string; label: string; count: number }[];
  disbursedByMilestone: { position: number; display: string }[];
  series: MonthPoint[];
}
