/** The GraphQL operations of the Healthtech Challenge screens. */

import { gql } from 'urql';

const OWN_APPLICATION_FIELDS = gql`
  fragment OwnApplicationFields on GrantApplication {
    id
    status
    statusLabel
    canEdit
  }
`;

export const GRANT_PROGRAMMES = gql`
  query GrantProgrammes {
    grantProgrammes {
      id
      deskName
      fiscalYearLabel
      name
      themeOptions {
        value
        label
      }
      awardCeilingYen
      matchRatio
      opensOn
      closesOn
      isOpen
      canManage
      myApplication {
        ...OwnApplicationFields
      }
    }
  }
  ${OWN_APPLICATION_FIELDS}
`;

const PROGRAMME_FIELDS = gql`
  fragment GrantProgrammeFields on GrantProgramme {
    id
    deskId
    deskName
    fiscalYear
    fiscalYearLabel
    name
    nameEn
    nameJa
    description
    descriptionEn
    descriptionJa
    themes
    themeOptions {
      value
      label
    }
    budgetYen
    awardCeilingYen
    matchRatio
    opensOn
    closesOn
    isOpen
    criteria {
      id
      position
      name
      nameEn
      nameJa
      weight
    }
    canManage
    budget {
      budgetYen
      committedYen
      disbursedYen
      awaitingMatchYen
      remainingYen
    }
    ledger {
      intact
      entries
      problem
    }
    myApplication {
      ...OwnApplicationFields
    }
    version
  }
  ${OWN_APPLICATION_FIELDS}
`;

export const GRANT_PROGRAMME = gql`
  query GrantProgramme($id: ID!) {
    grantProgramme(id: $id) {
      ...GrantProgrammeFields
    }
  }
  ${PROGRAMME_FIELDS}
`;

export const CREATE_GRANT_PROGRAMME = gql`
  mutation CreateGrantProgramme($input: GrantProgrammeInput!) {
    createGrantProgramme(input: $input) {
      ...GrantProgrammeFields
    }
  }
  ${PROGRAMME_FIELDS}
`;

export const UPDATE_GRANT_PROGRAMME = gql`
  mutation UpdateGrantProgramme($id: ID!, $version: Int!, $input: GrantProgrammeInput!) {
    updateGrantProgramme(id: $id, version: $version, input: $input) {
      ...GrantProgrammeFields
    }
  }
  ${PROGRAMME_FIELDS}
`;

export const GRANT_APPLICATIONS = gql`
  query GrantApplications($programmeId: ID, $status: ApplicationStatus, $first: Int, $after: String) {
    grantApplications(programmeId: $programmeId, status: $status, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          programme {
            id
            name
            fiscalYearLabel
          }
          organisationName
          themeLabel
          title
          requestedYen
          status
          statusLabel
          submittedAt
        }
      }
      hasNextPage
      totalCount
    }
  }
`;

const REVIEW_FIELDS = gql`
  fragment GrantReviewFields on GrantReview {
    reviewerName
    scores {
      criterionId
      criterionName
      weight
      score
    }
    weightedScore
    recommendation
    recommendationLabel
    comment
    submittedAt
  }
`;

const APPLICATION_FIELDS = gql`
  fragment GrantApplicationFields on GrantApplication {
    id
    programme {
      id
      name
      fiscalYearLabel
      themeOptions {
        value
        label
      }
      awardCeilingYen
      matchRatio
      closesOn
      isOpen
      criteria {
        id
        position
        name
        nameEn
        nameJa
        weight
      }
      canManage
    }
    organisationId
    organisationName
    theme
    themeLabel
    title
    summary
    requestedYen
    status
    statusLabel
    submittedAt
    decidedAt
    decisionNote
    version
    milestones {
      id
      position
      title
      successCriteria
      dueOn
      trancheYen
      status
      statusLabel
      evidence
      evidenceLinks
      evidenceSubmittedAt
      decidedAt
      decisionNote
      version
      steps
      disbursement {
        amountYen
        status
        statusLabel
        approvedAt
        disbursedAt
      }
    }
    award {
      amountYen
      disbursedYen
      awaitingMatchYen
      returnedYen
      status
      statusLabel
      awardedAt
      endedAt
      confirmedInvestmentYen
      matchCapYen
    }
    investments {
      investorName
      amountYen
      round
      roundLabel
      investedOn
      evidence
      fromIntroduction
      recordedAt
    }
    reviews {
      ...GrantReviewFields
    }
    myReview {
      ...GrantReviewFields
    }
    aggregateScore
    canEdit
    canWithdraw
    canReview
    canDecide
  }
  ${REVIEW_FIELDS}
`;

export const GRANT_APPLICATION = gql`
  query GrantApplication($id: ID!) {
    grantApplication(id: $id) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const SAVE_GRANT_APPLICATION = gql`
  mutation SaveGrantApplication($input: GrantApplicationInput!) {
    saveGrantApplication(input: $input) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const SUBMIT_GRANT_APPLICATION = gql`
  mutation SubmitGrantApplication($id: ID!, $version: Int!) {
    submitGrantApplication(id: $id, version: $version) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const WITHDRAW_GRANT_APPLICATION = gql`
  mutation WithdrawGrantApplication($id: ID!, $version: Int!) {
    withdrawGrantApplication(id: $id, version: $version) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const GRANT_REVIEWER_CANDIDATES = gql`
  query GrantReviewerCandidates($applicationId: ID!) {
    grantReviewerCandidates(applicationId: $applicationId) {
      userId
      name
      role
      conflict
      assigned
    }
  }
`;

export const ASSIGN_GRANT_REVIEWER = gql`
  mutation AssignGrantReviewer($applicationId: ID!, $userId: ID!) {
    assignGrantReviewer(applicationId: $applicationId, userId: $userId) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const SUBMIT_GRANT_REVIEW = gql`
  mutation SubmitGrantReview($applicationId: ID!, $input: GrantReviewInput!) {
    submitGrantReview(applicationId: $applicationId, input: $input) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const AWARD_GRANT = gql`
  mutation AwardGrant($applicationId: ID!, $version: Int!, $input: AwardGrantInput!) {
    awardGrant(applicationId: $applicationId, version: $version, input: $input) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const REJECT_GRANT_APPLICATION = gql`
  mutation RejectGrantApplication($applicationId: ID!, $version: Int!, $note: String!) {
    rejectGrantApplication(applicationId: $applicationId, version: $version, note: $note) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const SUBMIT_MILESTONE_EVIDENCE = gql`
  mutation SubmitMilestoneEvidence(
    $milestoneId: ID!
    $version: Int!
    $evidence: String!
    $links: [String!]!
  ) {
    submitMilestoneEvidence(
      milestoneId: $milestoneId
      version: $version
      evidence: $evidence
      links: $links
    ) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const DECIDE_MILESTONE = gql`
  mutation DecideMilestone($milestoneId: ID!, $version: Int!, $decision: MilestoneDecision!, $note: String!) {
    decideMilestone(milestoneId: $milestoneId, version: $version, decision: $decision, note: $note) {
      ...GrantApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const RECORD_INVESTMENT = gql`
  mutation RecordInvestment($input: RecordInvestmentInput!) {
    recordInvestment(input: $input) {
      amountYen
      amount
      round
      investedOn
    }
  }
`;
