/** The GraphQL operations of the KPI report screen. */

import { gql } from 'urql';
import type { PeriodInput } from './reportParams';

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

/** One page of the records behind a figure of the report. */
export const KPI_RECORDS = gql`
  query KpiRecords($input: KpiReportInput!, $figure: Figure!, $first: Int, $after: String) {
    kpiRecords(input: $input, figure: $figure, first: $first, after: $after) {
      edges {
        cursor
        node {
          kind
          subjectId
          reference
          title
          at
          amountYen
        }
      }
      hasNextPage
      totalCount
    }
  }
`;

export interface KpiReportInput {
  period: PeriodInput;
  deskId: string | null;
  domainId: string | null;
}

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

export type KpiRecordKind =
  | 'CONSULTATION'
  | 'REFERRAL'
  | 'INTRODUCTION'
  | 'INVESTMENT'
  | 'GRANT_APPLICATION'
  | 'GRANT_AWARD'
  | 'DISBURSEMENT';

export interface KpiRecord {
  kind: KpiRecordKind;
  /** A consultation's id, or a grant application's for the grant kinds. */
  subjectId: string;
  reference: string | null;
  title: string;
  at: string;
  amountYen: number | null;
}

export interface KpiRecordConnection {
  edges: { cursor: string; node: KpiRecord }[];
  hasNextPage: boolean;
  totalCount: number;
}
