/** TypeScript shapes of the Healthtech Challenge (milestone-based grants) part of the GraphQL schema. */

import type { InvestmentRound, Role } from '../../graphql/types';

/** The development themes a programme may fund. */
export type GrantTheme = 'RARE_DISEASES' | 'INFECTION_CRISIS' | 'UNMET_NEEDS_DEVICES' | 'AI_SAMD';
export const GRANT_THEMES: readonly GrantTheme[] = [
  'RARE_DISEASES',
  'INFECTION_CRISIS',
  'UNMET_NEEDS_DEVICES',
  'AI_SAMD',
];

/** Where an application stands. */
export type ApplicationStatus = 'DRAFT' | 'SUBMITTED' | 'AWARDED' | 'REJECTED' | 'WITHDRAWN';
/** In workflow order; only the applicant sees drafts. */
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'AWARDED',
  'REJECTED',
  'WITHDRAWN',
];

export type MilestoneStatus = 'LOCKED' | 'ACTIVE' | 'EVIDENCE_SUBMITTED' | 'APPROVED' | 'REJECTED' | 'FAILED';

/** Something the reader may do to a milestone now; the API lists them per milestone. */
export type MilestoneStep = 'ACTIVATE' | 'SUBMIT_EVIDENCE' | 'APPROVE' | 'REJECT' | 'FAIL';

/** What staff decide on a milestone. */
export type MilestoneDecision = 'APPROVE' | 'REJECT' | 'FAIL';
export const MILESTONE_DECISIONS: readonly MilestoneDecision[] = ['APPROVE', 'REJECT', 'FAIL'];

export type DisbursementStatus = 'AWAITING_MATCH' | 'DISBURSED';
export type AwardStatus = 'ACTIVE' | 'COMPLETED' | 'ENDED';

export type Recommendation = 'FUND' | 'DO_NOT_FUND';
export const RECOMMENDATIONS: readonly Recommendation[] = ['FUND', 'DO_NOT_FUND'];

export interface ThemeOption {
  value: GrantTheme;
  label: string;
}

export interface GrantCriterion {
  id: string;
  position: number;
  name: string;
  nameEn: string;
  nameJa: string;
  weight: number;
}

/** A programme's money: budget = committed + remaining. */
export interface GrantBudget {
  budgetYen: number;
  committedYen: number;
  disbursedYen: number;
  awaitingMatchYen: number;
  remainingYen: number;
}

export interface LedgerCheck {
  intact: boolean;
  entries: number;
  problem: string | null;
}

/** The reader's organisation's application to a programme, as the programme pages link to it. */
export interface OwnApplication {
  id: string;
  status: ApplicationStatus;
  statusLabel: string;
  canEdit: boolean;
}

export interface GrantProgramme {
  id: string;
  deskId: string;
  /** The desk that runs the programme, in the reader's language. */
  deskName: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  name: string;
  nameEn: string;
  nameJa: string;
  description: string;
  descriptionEn: string;
  descriptionJa: string;
  themes: GrantTheme[];
  themeOptions: ThemeOption[];
  budgetYen: number;
  awardCeilingYen: number;
  matchRatio: number | null;
  /** Calendar dates in Japan, YYYY-MM-DD. */
  opensOn: string;
  closesOn: string;
  isOpen: boolean;
  criteria: GrantCriterion[];
  canManage: boolean;
  /** For those who run the programme only. */
  budget: GrantBudget | null;
  ledger: LedgerCheck | null;
  myApplication: OwnApplication | null;
  version: number;
}

/** A programme as the list of programmes shows it. */
export type GrantProgrammeRow = Pick<
  GrantProgramme,
  | 'id'
  | 'deskName'
  | 'fiscalYearLabel'
  | 'name'
  | 'themeOptions'
  | 'awardCeilingYen'
  | 'matchRatio'
  | 'opensOn'
  | 'closesOn'
  | 'isOpen'
  | 'canManage'
  | 'myApplication'
>;

export interface GrantDisbursement {
  amountYen: number;
  status: DisbursementStatus;
  statusLabel: string;
  approvedAt: string;
  disbursedAt: string | null;
}

export interface GrantMilestone {
  id: string;
  position: number;
  title: string;
  successCriteria: string;
  dueOn: string;
  trancheYen: number;
  status: MilestoneStatus;
  statusLabel: string;
  evidence: string | null;
  evidenceLinks: string[];
  evidenceSubmittedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  version: number;
  steps: MilestoneStep[];
  disbursement: GrantDisbursement | null;
}

export interface GrantAward {
  amountYen: number;
  disbursedYen: number;
  awaitingMatchYen: number;
  returnedYen: number;
  status: AwardStatus;
  statusLabel: string;
  awardedAt: string;
  endedAt: string | null;
  confirmedInvestmentYen: number;
  /** None without a VC-match ratio. */
  matchCapYen: number | null;
}

/** A private investment confirmed in the applicant: what the VC match counts. */
export interface GrantInvestment {
  investorName: string;
  amountYen: number;
  round: InvestmentRound;
  roundLabel: string;
  /** The calendar date in Japan, YYYY-MM-DD. */
  investedOn: string;
  /** What confirms it, as staff recorded it. */
  evidence: string | null;
  /** Confirmed by a matched VC introduction rather than recorded by staff. */
  fromIntroduction: boolean;
  recordedAt: string;
}

export interface CriterionScore {
  criterionId: string;
  criterionName: string;
  weight: number;
  score: number;
}

export interface GrantReview {
  reviewerName: string;
  scores: CriterionScore[];
  /** 1–5; none until submitted. */
  weightedScore: number | null;
  recommendation: Recommendation | null;
  recommendationLabel: string | null;
  comment: string | null;
  submittedAt: string | null;
}

/** The programme as an application shows it. */
export type ApplicationProgramme = Pick<
  GrantProgramme,
  | 'id'
  | 'name'
  | 'fiscalYearLabel'
  | 'themeOptions'
  | 'awardCeilingYen'
  | 'matchRatio'
  | 'closesOn'
  | 'isOpen'
  | 'criteria'
  | 'canManage'
>;

export interface GrantApplication {
  id: string;
  programme: ApplicationProgramme;
  organisationId: string;
  organisationName: string;
  theme: GrantTheme;
  themeLabel: string;
  title: string;
  summary: string;
  requestedYen: number;
  status: ApplicationStatus;
  statusLabel: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  version: number;
  milestones: GrantMilestone[];
  award: GrantAward | null;
  /** Newest first; for the applicant and staff. */
  investments: GrantInvestment[];
  reviews: GrantReview[];
  myReview: GrantReview | null;
  aggregateScore: number | null;
  canEdit: boolean;
  canWithdraw: boolean;
  canReview: boolean;
  canDecide: boolean;
}

/** An application as lists show it. */
export interface GrantApplicationRow {
  id: string;
  programme: Pick<GrantProgramme, 'id' | 'name' | 'fiscalYearLabel'>;
  organisationName: string;
  themeLabel: string;
  title: string;
  requestedYen: number;
  status: ApplicationStatus;
  statusLabel: string;
  submittedAt: string | null;
}

export interface GrantApplicationConnection {
  edges: { cursor: string; node: GrantApplicationRow }[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface ReviewerCandidate {
  userId: string;
  name: string;
  role: Role;
  /** They belong to the applicant, or declared a tie to it: they cannot review it. */
  conflict: boolean;
  assigned: boolean;
}

/** The GrantProgrammeInput of the GraphQL API. */
export interface GrantProgrammeInput {
  deskId: string;
  fiscalYear: number;
  nameEn: string;
  nameJa: string;
  descriptionEn: string;
  descriptionJa: string;
  themes: GrantTheme[];
  budgetYen: number;
  awardCeilingYen: number;
  matchRatio: number | null;
  opensOn: string;
  closesOn: string;
  criteria: { nameEn: string; nameJa: string; weight: number }[];
}

/** The GrantApplicationInput of the GraphQL API. */
export interface GrantApplicationInput {
  programmeId: string;
  id: string | null;
  version: number | null;
  theme: GrantTheme;
  title: string;
  summary: string;
  milestones: { title: string; successCriteria: string; dueOn: string; trancheYen: number }[];
}

/** The RecordInvestmentInput of the GraphQL API. */
export interface RecordInvestmentInput {
  organisationId: string;
  investorName: string;
  amountYen: number;
  round: InvestmentRound;
  investedOn: string;
  evidence: string;
}
