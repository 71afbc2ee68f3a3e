/** TypeScript shapes of the parts of the GraphQL schema the shell uses. */

import type { GraphqlLocale } from '../i18n/locale';

export type Role = 'REQUESTER' | 'ADVISOR' | 'SUPPORTER_MEMBER' | 'VC_MEMBER' | 'STAFF' | 'ADMIN';
export const ROLES: readonly Role[] = [
  'REQUESTER',
  'ADVISOR',
  'SUPPORTER_MEMBER',
  'VC_MEMBER',
  'STAFF',
  'ADMIN',
];

export type OrganisationKind =
  'STARTUP' | 'CORPORATE' | 'UNIVERSITY' | 'INVESTOR' | 'INDIVIDUAL' | 'SUPPORTER' | 'VC';
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'STARTUP',
  'CORPORATE',
  'UNIVERSITY',
  'INVESTOR',
  'INDIVIDUAL',
  'SUPPORTER',
  'VC',
];
/** Kinds a requester signing up on their own can choose; supporters and VCs are invited. */
export const SIGN_UP_ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'STARTUP',
  'CORPORATE',
  'UNIVERSITY',
  'INVESTOR',
  'INDIVIDUAL',
];

/** Whether a member of an organisation of this kind may have `role` (supporters and VCs have their own roles). */
export function organisationAdmits(kind: OrganisationKind, role: Role): boolean {
  switch (role) {
    case 'REQUESTER':
      return kind !== 'SUPPORTER' && kind !== 'VC';
    case 'SUPPORTER_MEMBER':
      return kind === 'SUPPORTER';
    case 'VC_MEMBER':
      return kind === 'VC';
    default:
      return false;
  }
}

export type TaxonomyKind = 'DOMAIN' | 'STAGE' | 'TOPIC' | 'LANGUAGE' | 'REGION' | 'SERVICE';
/** Every kind of term, in the order the taxonomy screen shows them. */
export const TAXONOMY_KINDS: readonly TaxonomyKind[] = [
  'DOMAIN',
  'STAGE',
  'TOPIC',
  'LANGUAGE',
  'REGION',
  'SERVICE',
];

/** Roles that belong to desks. */
export const DESK_ROLES: readonly Role[] = ['ADVISOR', 'STAFF'];
/** Roles that belong to an organisation. */
export const ORGANISATION_ROLES: readonly Role[] = ['REQUESTER', 'SUPPORTER_MEMBER', 'VC_MEMBER'];

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  kindLabel: string;
  countryCode: string;
  /** The 13-digit corporate number (法人番号), when known. */
  corporateNumber?: string | null;
}

export interface DeskRef {
  id: string;
  code: string;
  name: string;
}

export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  locale: GraphqlLocale;
  organisation: Organisation | null;
  desks: DeskRef[];
}

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  locale: GraphqlLocale;
  emailVerified: boolean;
  active: boolean;
  invitationPending: boolean;
  organisation: Pick<Organisation, 'id' | 'name' | 'kindLabel'> | null;
  desks: DeskRef[];
  createdAt: string;
}

export interface Desk {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  nameJa: string;
  description: string;
  descriptionEn: string;
  descriptionJa: string;
  referencePrefix: string;
  firstResponseBusinessDays: number;
  contactEmail: string;
  active: boolean;
}

export interface DeskMember {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  roleLabel: string;
}

export interface TaxonomyTerm {
  id: string;
  kind: TaxonomyKind;
  kindLabel: string;
  code: string;
  label: string;
  labelEn: string;
  labelJa: string;
  position: number;
  active: boolean;
  /** Words searchers use for the term, in either language; directory search treats them as the same. */
  synonyms: string[];
  /** For a domain: the desk its new consultations are routed to. */
  routingDesk: DeskRef | null;
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
  userAgent: string | null;
  clientAddress: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  endCursor: string | null;
  startCursor: string | null;
}

export type ConsultationKind = 'CONSULTATION' | 'POLICY_REQUEST';
export const CONSULTATION_KINDS: readonly ConsultationKind[] = ['CONSULTATION', 'POLICY_REQUEST'];

export type ConsultationStatus = 'RECEIVED' | 'TRIAGED' | 'IN_PROGRESS' | 'WAITING_ON_REQUESTER' | 'CLOSED';
/** In workflow order. */
export const CONSULTATION_STATUSES: readonly ConsultationStatus[] = [
  'RECEIVED',
  'TRIAGED',
  'IN_PROGRESS',
  'WAITING_ON_REQUESTER',
  'CLOSED',
];

export type Priority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

export type Confidentiality = 'STANDARD' | 'CONFIDENTIAL';
export const CONFIDENTIALITIES: readonly Confidentiality[] = ['STANDARD', 'CONFIDENTIAL'];

export type SharedField =
  'ORGANISATION_NAME' | 'TITLE' | 'DESCRIPTION' | 'DOMAIN' | 'STAGE' | 'TOPICS' | 'CONTACT';
export const SHARED_FIELDS: readonly SharedField[] = [
  'ORGANISATION_NAME',
  'TITLE',
  'DESCRIPTION',
  'DOMAIN',
  'STAGE',
  'TOPICS',
  'CONTACT',
];

export type Resolution = 'RESOLVED' | 'REFERRED_OUT' | 'WITHDRAWN' | 'OUT_OF_SCOPE';
/** How a desk may close a consultation; only the requester withdraws. */
export const DESK_RESOLUTIONS: readonly Resolution[] = ['RESOLVED', 'REFERRED_OUT', 'OUT_OF_SCOPE'];

export type ConsultationAction =
  'TRIAGE' | 'START' | 'WAIT_FOR_REQUESTER' | 'RESUME' | 'CLOSE' | 'WITHDRAW' | 'REOPEN';

export type SlaState = 'ON_TRACK' | 'DUE_TODAY' | 'OVERDUE' | 'MET' | 'MISSED' | 'NOT_APPLICABLE';

export type QueueOrder =
  | 'RECEIVED_NEWEST'
  | 'RECEIVED_OLDEST'
  | 'FILED_NEWEST'
  | 'DUE_SOONEST'
  | 'PRIORITY_HIGHEST'
  | 'UPDATED_NEWEST';
export const QUEUE_ORDERS: readonly QueueOrder[] = [
  'RECEIVED_NEWEST',
  'RECEIVED_OLDEST',
  'FILED_NEWEST',
  'DUE_SOONEST',
  'PRIORITY_HIGHEST',
  'UPDATED_NEWEST',
];

export type ReferralStatus = 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';

export type EventKind =
  | 'FILED'
  | 'STATUS_CHANGED'
  | 'ASSIGNED'
  | 'PRIORITY_CHANGED'
  | 'TAXONOMY_CHANGED'
  | 'REROUTED'
  | 'MESSAGE'
  | 'REPLY'
  | 'NOTE'
  | 'REFERRAL_REQUESTED'
  | 'REFERRAL_ACCEPTED'
  | 'REFERRAL_DECLINED'
  | 'REFERRAL_CANCELLED';

/** Someone named on a consultation; `email` only for desk people and the person themselves. */
export interface Person {
  id: string;
  displayName: string;
  email?: string | null;
}

export interface TermRef {
  id: string;
  label: string;
}

export interface Sla {
  /** A date in Japan, YYYY-MM-DD. */
  dueOn: string;
  state: SlaState;
  stateLabel: string;
  businessDaysLeft: number | null;
  respondedAt?: string | null;
}

export interface StatusCount {
  status: ConsultationStatus;
  label: string;
  count: number;
}

/** A consultation as a list shows it. */
export interface ConsultationRow {
  id: string;
  reference: string;
  kind: ConsultationKind;
  kindLabel: string;
  title: string;
  status: ConsultationStatus;
  statusLabel: string;
  priority: Priority | null;
  priorityLabel: string | null;
  confidentiality: Confidentiality;
  overseas: boolean;
  preferredLocale: GraphqlLocale;
  filedAt: string;
  receivedAt: string;
  desk: DeskRef;
  organisation: Pick<Organisation, 'id' | 'name'>;
  assignee: Person | null;
  domain: TermRef;
  sla: Sla;
}

export interface ConsultationConnection {
  /** The figures below come with the first page only. */
  totalCount?: number;
  statusCounts?: StatusCount[];
  overdueCount?: number;
  pageInfo: Pick<PageInfo, 'hasNextPage' | 'endCursor'>;
  nodes: ConsultationRow[];
}

/** The ConsultationFilter of the GraphQL API; absent fields mean "any". */
export interface ConsultationFilterInput {
  deskId?: string;
  statuses?: ConsultationStatus[];
  priorities?: Priority[];
  kind?: ConsultationKind;
  domainId?: string;
  stageId?: string;
  topicId?: string;
  assigneeId?: string;
  unassigned?: boolean;
  overdue?: boolean;
  overseas?: boolean;
  language?: GraphqlLocale;
  query?: string;
}

export interface ConsultationPermissions {
  update: boolean;
  assign: boolean;
  take: boolean;
  message: boolean;
  note: boolean;
  reply: boolean;
  refer: boolean;
  reroute: boolean;
}

export interface EventChange {
  field: string;
  before: string;
  after: string;
}

export interface ConsultationEvent {
  id: string;
  kind: EventKind;
  kindLabel: string;
  at: string;
  internal: boolean;
  summary: string;
  body: string | null;
  actor: Person | null;
  changes: EventChange[];
}

export interface Referral {
  id: string;
  status: ReferralStatus;
  statusLabel: string;
  reason: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  canDecide: boolean;
  fromDesk: DeskRef;
  toDesk: DeskRef;
  requestedBy: Person | null;
  decidedBy: Person | null;
}

/** A referral awaiting the viewer's desk, with the consultation it hands over. */
export interface IncomingReferral extends Referral {
  consultation: Pick<ConsultationRow, 'id' | 'reference' | 'title' | 'organisation'>;
}

export interface Consultation {
  id: string;
  reference: string;
  kind: ConsultationKind;
  kindLabel: string;
  title: string;
  description: string;
  status: ConsultationStatus;
  statusLabel: string;
  resolution: Resolution | null;
  resolutionLabel: string | null;
  priority: Priority | null;
  priorityLabel: string | null;
  confidentiality: Confidentiality;
  confidentialityLabel: string;
  sharedFields: SharedField[];
  /** Companies the requester competes with: VCs invested in one are not suggested. */
  competitors: string[];
  preferredLocale: GraphqlLocale;
  overseas: boolean;
  version: number;
  filedAt: string;
  receivedAt: string;
  updatedAt: string;
  closedAt: string | null;
  desk: DeskRef;
  organisation: Pick<Organisation, 'id' | 'name' | 'kindLabel' | 'countryCode' | 'corporateNumber'>;
  requester: Person | null;
  assignee: Person | null;
  domain: TermRef;
  stage: TermRef;
  topics: TermRef[];
  sla: Sla;
  availableActions: ConsultationAction[];
  permissions: ConsultationPermissions;
  messages: ConsultationEvent[];
  timeline: ConsultationEvent[];
  referrals: Referral[];
  pendingReferral: Referral | null;
}

/** What a directory entry describes. */
export type DirectoryKind = 'ADVISOR' | 'SUPPORTER' | 'VC' | 'PROGRAMME';
export const DIRECTORY_KINDS: readonly DirectoryKind[] = ['ADVISOR', 'SUPPORTER', 'VC', 'PROGRAMME'];

export type SupporterType =
  | 'TRADING_HOUSE'
  | 'BANK'
  | 'PHARMA'
  | 'MEDICAL_DEVICE_MAKER'
  | 'CRO'
  | 'HOSPITAL'
  | 'UNIVERSITY'
  | 'MUNICIPALITY'
  | 'ACCELERATOR'
  | 'LAW_FIRM'
  | 'PATENT_FIRM'
  | 'CONSULTANCY'
  | 'IT_COMPANY'
  | 'INSURER'
  | 'OTHER';
export const SUPPORTER_TYPES: readonly SupporterType[] = [
  'TRADING_HOUSE',
  'BANK',
  'PHARMA',
  'MEDICAL_DEVICE_MAKER',
  'CRO',
  'HOSPITAL',
  'UNIVERSITY',
  'MUNICIPALITY',
  'ACCELERATOR',
  'LAW_FIRM',
  'PATENT_FIRM',
  'CONSULTANCY',
  'IT_COMPANY',
  'INSURER',
  'OTHER',
];

/** Who runs a support programme. */
export type ProgrammeBody = 'NATIONAL' | 'MUNICIPAL' | 'PRIVATE';
export const PROGRAMME_BODIES: readonly ProgrammeBody[] = ['NATIONAL', 'MUNICIPAL', 'PRIVATE'];

export type DirectorySort = 'RELEVANCE' | 'NAME' | 'RECENTLY_UPDATED' | 'CLOSING_SOON';
export const DIRECTORY_SORTS: readonly DirectorySort[] = [
  'RELEVANCE',
  'NAME',
  'RECENTLY_UPDATED',
  'CLOSING_SOON',
];

/** The taxonomy lists a directory entry is tagged with, as named in the API. */
export type DirectoryTagList = 'domains' | 'stages' | 'topics' | 'languages' | 'regions' | 'services';
/** In the order entries show them, with the kind of term each list holds. */
export const DIRECTORY_TAG_LISTS: readonly { list: DirectoryTagList; kind: TaxonomyKind }[] = [
  { list: 'domains', kind: 'DOMAIN' },
  { list: 'stages', kind: 'STAGE' },
  { list: 'topics', kind: 'TOPIC' },
  { list: 'languages', kind: 'LANGUAGE' },
  { list: 'regions', kind: 'REGION' },
  { list: 'services', kind: 'SERVICE' },
];

/** A term as directory entries and facets name it: filters take its code. */
export interface TermTag {
  id: string;
  code: string;
  label: string;
}

/** A term offered in the directory's forms and filters. */
export interface TermOption extends TermTag {
  kind: TaxonomyKind;
  active: boolean;
}

export type OrganisationRef = Pick<Organisation, 'id' | 'name'>;

export interface AdvisorDetails {
  person: Person | null;
  affiliation: string;
  affiliationEn: string | null;
  affiliationJa: string | null;
  /** Null for readers who may not see it. */
  capacity: number | null;
  /** Null for readers who may not see them. */
  conflicts: OrganisationRef[] | null;
}

export interface SupporterDetails {
  organisation: OrganisationRef | null;
  supporterType: SupporterType | null;
  supporterTypeLabel: string | null;
}

export interface VcDetails {
  organisation: OrganisationRef | null;
  /** AMED-certified VC (認定VC). */
  certified: boolean;
  ticketMinYen: number | null;
  ticketMaxYen: number | null;
  /** The range as the reader's language writes yen. */
  ticketRange: string | null;
  portfolio: OrganisationRef[];
}

export interface ProgrammeDetails {
  body: ProgrammeBody | null;
  bodyLabel: string | null;
  bodyName: string;
  bodyNameEn: string | null;
  bodyNameJa: string | null;
  eligibility: string;
  eligibilityEn: string | null;
  eligibilityJa: string | null;
  /** Japan dates, YYYY-MM-DD; none when always open or without deadline. */
  opensOn: string | null;
  closesOn: string | null;
  openNow: boolean;
}

export type DirectoryTags = Record<DirectoryTagList, TermTag[]>;

/** A directory entry with everything a profile and its edit form show. */
export interface DirectoryEntry extends DirectoryTags {
  id: string;
  kind: DirectoryKind;
  kindLabel: string;
  name: string;
  nameEn: string;
  nameJa: string;
  summary: string;
  summaryEn: string;
  summaryJa: string;
  overseas: boolean;
  contactEmail: string | null;
  website: string | null;
  active: boolean;
  version: number;
  updatedAt: string;
  canEdit: boolean;
  advisor: AdvisorDetails | null;
  supporter: SupporterDetails | null;
  vc: VcDetails | null;
  programme: ProgrammeDetails | null;
}

/** A directory entry as a search result shows it. */
export interface DirectoryEntryRow extends Pick<
  DirectoryEntry,
  | 'id'
  | 'kind'
  | 'kindLabel'
  | 'name'
  | 'nameEn'
  | 'nameJa'
  | 'summary'
  | 'summaryEn'
  | 'summaryJa'
  | 'overseas'
  | 'active'
  | 'domains'
  | 'topics'
  | 'services'
> {
  advisor: Pick<AdvisorDetails, 'affiliation'> | null;
  supporter: Pick<SupporterDetails, 'supporterTypeLabel'> | null;
  vc: Pick<VcDetails, 'certified' | 'ticketRange'> | null;
  programme: Pick<ProgrammeDetails, 'bodyName' | 'opensOn' | 'closesOn' | 'openNow'> | null;
}

/** What a suggestion's score is made of. */
export type MatchFeature = 'DOMAIN' | 'STAGE' | 'TOPICS' | 'TEXT' | 'LANGUAGE' | 'REGION' | 'LOAD';

/** One feature's part of a suggestion's score. */
export interface FeatureContribution {
  feature: MatchFeature;
  /** The feature's name in the reader's language. */
  label: string;
  weight: number;
  /** How far the candidate meets it, from 0 to 1. */
  value: number;
  /** What it adds to the score. */
  points: number;
}

/** A directory entry that can help with a consultation, and why. */
export interface MatchSuggestion {
  entry: DirectoryEntryRow;
  /** From 0 to 1. */
  score: number;
  contributions: FeatureContribution[];
  /** In the reader's language. */
  reasons: string[];
}

export interface TextSegment {
  text: string;
  /** A matched word. */
  highlighted: boolean;
}

export interface Highlight {
  field: 'NAME' | 'SUMMARY';
  locale: GraphqlLocale;
  segments: TextSegment[];
}

export interface DirectoryHit {
  entry: DirectoryEntryRow;
  highlights: Highlight[];
  score: number | null;
  /** JSON, for staff who asked for it. */
  explanation: string | null;
}

export interface TermCount {
  term: TermTag;
  count: number;
}

/** How many of all the matches have each value. */
export interface DirectoryFacets {
  kinds: { kind: DirectoryKind; label: string; count: number }[];
  domains: TermCount[];
  stages: TermCount[];
  topics: TermCount[];
  languages: TermCount[];
  regions: TermCount[];
  services: TermCount[];
  supporterTypes: { supporterType: SupporterType; label: string; count: number }[];
  overseas: number;
  certified: number;
}

export interface DirectorySearchResult {
  totalCount: number;
  page: number;
  pageSize: number;
  pageCount: number;
  hits: DirectoryHit[];
  facets: DirectoryFacets;
}

/** The DirectorySearchInput of the GraphQL API; filters take taxonomy codes. */
export interface DirectorySearchInput extends Record<DirectoryTagList, string[]> {
  text: string | null;
  kinds: DirectoryKind[];
  supporterTypes: SupporterType[];
  overseas: boolean | null;
  certified: boolean | null;
  openProgrammesOnly: boolean;
  includeInactive: boolean;
  sort: DirectorySort;
  page: number;
  pageSize: number;
  explain: boolean;
}

/** The DirectoryEntryInput of the GraphQL API: everything an entry has. */
export interface DirectoryEntryInput extends Record<DirectoryTagList, string[]> {
  nameEn: string;
  nameJa: string;
  summaryEn: string;
  summaryJa: string;
  overseas: boolean;
  contactEmail: string | null;
  website: string | null;
  advisor: {
    userId: string;
    affiliationEn: string;
    affiliationJa: string;
    capacity: number;
    conflictOrganisationIds: string[];
  } | null;
  supporter: { organisationId: string | null; supporterType: SupporterType } | null;
  vc: {
    organisationId: string | null;
    certified: boolean;
    ticketMinYen: number | null;
    ticketMaxYen: number | null;
    portfolioOrganisationIds: string[];
  } | null;
  programme: {
    body: ProgrammeBody;
    bodyNameEn: string;
    bodyNameJa: string;
    eligibilityEn: string;
    eligibilityJa: string;
    opensOn: string | null;
    closesOn: string | null;
  } | null;
}

/** Why a plan leaves a case without an advisor. */
export type UnassignedReason = 'NO_ELIGIBLE_ADVISOR' | 'NO_CAPACITY_LEFT';

/** A case as an assignment plan shows it. */
export type PlannedCase = Pick<ConsultationRow, 'id' | 'reference' | 'title'>;

/** One proposed assignment of a desk's open, unassigned case. */
export interface PlannedAssignment {
  consultation: PlannedCase;
  /** The case's version the plan was made on. */
  version: number;
  /** The advisor's account id, to apply the plan with. */
  advisorId: string;
  advisor: Pick<DirectoryEntryRow, 'id' | 'name'>;
  /** From 0 to 1. */
  fit: number;
}

export interface UnassignedCase {
  consultation: PlannedCase;
  reason: UnassignedReason;
  reasonLabel: string;
}

/** A dry run of assigning a desk's open, unassigned cases; nothing changes until it is applied. */
export interface AssignmentPlan {
  assignments: PlannedAssignment[];
  unassigned: UnassignedCase[];
  /** The plan's total fit ÷ each case's best allowed advisor with unlimited capacity, from 0 to 1. */
  fitShare: number;
  /** Highest minus lowest share of capacity in use after the plan, from 0 to 1. */
  loadSpread: number;
  constraintViolations: number;
}

export interface AssignmentInput {
  consultationId: string;
  version: number;
  advisorId: string;
}

/** Where an introduction (紹介) stands. */
export type IntroductionStatus =
  | 'PROPOSED'
  | 'CONSENT_REQUESTED'
  | 'CONSENTED'
  | 'SENT'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'MEETING_HELD'
  | 'MATCHED'
  | 'NOT_MATCHED'
  | 'EXPIRED'
  | 'WITHDRAWN';
/** In workflow order, end states last. */
export const INTRODUCTION_STATUSES: readonly IntroductionStatus[] = [
  'PROPOSED',
  'CONSENT_REQUESTED',
  'CONSENTED',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'MEETING_HELD',
  'MATCHED',
  'NOT_MATCHED',
  'EXPIRED',
  'WITHDRAWN',
];

/** How the target hears of the startup: a one-to-one introduction (個別紹介) or the newsletter (通信紹介). */
export type IntroductionChannel = 'INDIVIDUAL' | 'NEWSLETTER';
export const INTRODUCTION_CHANNELS: readonly IntroductionChannel[] = ['INDIVIDUAL', 'NEWSLETTER'];

/** Something the reader may do to an introduction now; the API lists them per introduction. */
export type IntroductionStep =
  | 'REQUEST_CONSENT'
  | 'CONSENT'
  | 'DECLINE_CONSENT'
  | 'WITHDRAW'
  | 'SEND'
  | 'ACCEPT'
  | 'DECLINE'
  | 'RECORD_MEETING'
  | 'RECORD_MATCH'
  | 'RECORD_NO_MATCH'
  | 'EXPIRE';

/** What an established match led to. */
export type OutcomeType =
  'JOINT_RESEARCH' | 'PROOF_OF_CONCEPT' | 'INVESTMENT' | 'PARTNERSHIP' | 'ADOPTION' | 'OTHER';
export const OUTCOME_TYPES: readonly OutcomeType[] = [
  'JOINT_RESEARCH',
  'PROOF_OF_CONCEPT',
  'INVESTMENT',
  'PARTNERSHIP',
  'ADOPTION',
  'OTHER',
];

/** Who adopted the startup's product. */
export type Adopter = 'HOSPITAL' | 'INSURER' | 'CARE_OPERATOR';
export const ADOPTERS: readonly Adopter[] = ['HOSPITAL', 'INSURER', 'CARE_OPERATOR'];

/** The financing round of an investment. */
export type InvestmentRound = 'SEED' | 'SERIES_A' | 'SERIES_B' | 'SERIES_C_OR_LATER' | 'OTHER';
export const INVESTMENT_ROUNDS: readonly InvestmentRound[] = [
  'SEED',
  'SERIES_A',
  'SERIES_B',
  'SERIES_C_OR_LATER',
  'OTHER',
];

/** What the target may read: the fields the requester consented to share, null when not shared. */
export interface SharedConsultation {
  organisationName: string | null;
  title: string | null;
  description: string | null;
  domain: string | null;
  stage: string | null;
  topics: string[] | null;
  contactName: string | null;
  contactEmail: string | null;
}

export interface RecordedInvestment {
  amountYen: number;
  /** Formatted by the server in the reader's locale. */
  amount: string;
  round: InvestmentRound;
  investedOn: string;
}

export interface IntroductionOutcome {
  type: OutcomeType;
  adopter: Adopter | null;
  investment: RecordedInvestment | null;
  note: string | null;
}

/**
 * An introduction as the reader may see it: the desk sees everything, the requester what
 * concerns them, the target only `shared` (`consultation`, `message` and `outcome` are null).
 */
export interface Introduction {
  id: string;
  status: IntroductionStatus;
  statusLabel: string;
  channel: IntroductionChannel;
  targetKind: DirectoryKind;
  targetName: string;
  /** The directory entry introduced, for the desk. */
  target: { id: string } | null;
  consultation: Pick<ConsultationRow, 'id' | 'reference' | 'title'> | null;
  message: string | null;
  proposedFields: SharedField[];
  sharedFields: SharedField[];
  shared: SharedConsultation | null;
  proposedAt: string | null;
  consentRequestedAt: string | null;
  consentedAt: string | null;
  sentAt: string | null;
  answeredAt: string | null;
  answerNote: string | null;
  answerDueAt: string | null;
  /** A date in Japan, YYYY-MM-DD. */
  meetingHeldOn: string | null;
  outcome: IntroductionOutcome | null;
  closedAt: string | null;
  version: number;
  steps: IntroductionStep[];
}

export interface IntroductionConnection {
  edges: { cursor: string; node: Introduction }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** The IntroductionOutcomeInput of the GraphQL API. */
export interface IntroductionOutcomeInput {
  matched: boolean;
  type: OutcomeType | null;
  adopter: Adopter | null;
  investment: { amountYen: number; round: InvestmentRound; investedOn: string } | null;
  note: string;
}
