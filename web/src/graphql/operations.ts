import { gql } from 'urql';

export const ME_QUERY = gql`
  query Me {
    me {
      id
      email
      displayName
      role
      roleLabel
      locale
      organisation {
        id
        name
        kind
        kindLabel
        countryCode
      }
      desks {
        id
        code
        name
      }
    }
  }
`;

export const SIGN_UP = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      email
    }
  }
`;

export const RESEND_VERIFICATION = gql`
  mutation ResendVerification($email: String!) {
    resendVerification(email: $email)
  }
`;

export const VERIFY_EMAIL = gql`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      email
    }
  }
`;

export const LOGIN = gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      expiresAt
      user {
        id
        locale
      }
    }
  }
`;

export const LOGOUT = gql`
  mutation Logout {
    logout
  }
`;

export const LOGOUT_EVERYWHERE = gql`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`;

export const REQUEST_PASSWORD_RESET = gql`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

export const SET_PASSWORD = gql`
  mutation SetPassword($input: SetPasswordInput!) {
    setPassword(input: $input) {
      email
    }
  }
`;

export const CHANGE_PASSWORD = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;

export const UPDATE_MY_PROFILE = gql`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      id
      displayName
      locale
      roleLabel
    }
  }
`;

export const MY_SESSIONS = gql`
  query MySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      current
      userAgent
      clientAddress
    }
  }
`;

export const REVOKE_SESSION = gql`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`;

export const DESK_FIELDS = gql`
  fragment DeskFields on Desk {
    id
    code
    name
    nameEn
    nameJa
    description
    descriptionEn
    descriptionJa
    referencePrefix
    firstResponseBusinessDays
    contactEmail
    active
  }
`;

export const PUBLIC_DESKS = gql`
  query PublicDesks {
    desks {
      id
      code
      name
      description
    }
  }
`;

export const ADMIN_DESKS = gql`
  query AdminDesks {
    desks(includeInactive: true) {
      ...DeskFields
    }
  }
  ${DESK_FIELDS}
`;

export const DESK_PAGE = gql`
  query DeskPage($id: ID!) {
    desk(id: $id) {
      ...DeskFields
    }
    deskMembers: desk(id: $id) {
      id
      members {
        id
        displayName
        email
        role
        roleLabel
      }
    }
  }
  ${DESK_FIELDS}
`;

export const UPDATE_DESK = gql`
  mutation UpdateDesk($input: UpdateDeskInput!) {
    updateDesk(input: $input) {
      ...DeskFields
    }
  }
  ${DESK_FIELDS}
`;

export const USER_ROW_FIELDS = gql`
  fragment UserRowFields on User {
    id
    email
    displayName
    role
    roleLabel
    locale
    emailVerified
    active
    invitationPending
    createdAt
    organisation {
      id
      name
      kindLabel
    }
    desks {
      id
      code
      name
    }
  }
`;

export const USERS = gql`
  query Users($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        ...UserRowFields
      }
    }
  }
  ${USER_ROW_FIELDS}
`;

export const DESK_OPTIONS = gql`
  query DeskOptions {
    desks(includeInactive: true) {
      id
      code
      name
      active
    }
  }
`;

export const ORGANISATIONS = gql`
  query Organisations($first: Int, $filter: OrganisationFilter) {
    organisations(first: $first, filter: $filter) {
      totalCount
      nodes {
        id
        name
        kind
        kindLabel
        countryCode
      }
    }
  }
`;

export const INVITE_USER = gql`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      ...UserRowFields
    }
  }
  ${USER_ROW_FIELDS}
`;

export const UPDATE_USER = gql`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...UserRowFields
    }
  }
  ${USER_ROW_FIELDS}
`;

export const DEACTIVATE_USER = gql`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...UserRowFields
    }
  }
  ${USER_ROW_FIELDS}
`;

export const REACTIVATE_USER = gql`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...UserRowFields
    }
  }
  ${USER_ROW_FIELDS}
`;

export const RESEND_INVITATION = gql`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id)
  }
`;

export const TAXONOMY_TERM_FIELDS = gql`
  fragment TaxonomyTermFields on TaxonomyTerm {
    id
    kind
    kindLabel
    code
    label
    labelEn
    labelJa
    position
    active
    synonyms
    routingDesk {
      id
      code
      name
    }
  }
`;

export const TAXONOMY = gql`
  query Taxonomy($kind: TaxonomyKind) {
    taxonomy(kind: $kind, includeInactive: true) {
      ...TaxonomyTermFields
    }
  }
  ${TAXONOMY_TERM_FIELDS}
`;

export const CREATE_TAXONOMY_TERM = gql`
  mutation CreateTaxonomyTerm($input: CreateTaxonomyTermInput!) {
    createTaxonomyTerm(input: $input) {
      ...TaxonomyTermFields
    }
  }
  ${TAXONOMY_TERM_FIELDS}
`;

export const UPDATE_TAXONOMY_TERM = gql`
  mutation UpdateTaxonomyTerm($input: UpdateTaxonomyTermInput!) {
    updateTaxonomyTerm(input: $input) {
      ...TaxonomyTermFields
    }
  }
  ${TAXONOMY_TERM_FIELDS}
`;

export const SET_DOMAIN_ROUTE = gql`
  mutation SetDomainRoute($input: SetDomainRouteInput!) {
    setDomainRoute(input: $input) {
      ...TaxonomyTermFields
    }
  }
  ${TAXONOMY_TERM_FIELDS}
`;

/** Terms to choose from, with the desk each domain is routed to. */
export const TAXONOMY_CHOICES = gql`
  query TaxonomyChoices($includeInactive: Boolean!) {
    taxonomy(includeInactive: $includeInactive) {
      id
      kind
      code
      label
      position
      active
      routingDesk {
        id
        code
        name
      }
    }
  }
`;

export const DESK_MEMBERS = gql`
  query DeskMembers($id: ID!) {
    desk(id: $id) {
      id
      members {
        id
        displayName
        role
        roleLabel
      }
    }
  }
`;

export const CONSULTATION_ROW_FIELDS = gql`
  fragment ConsultationRowFields on Consultation {
    id
    reference
    kind
    kindLabel
    title
    status
    statusLabel
    priority
    priorityLabel
    confidentiality
    overseas
    preferredLocale
    filedAt
    receivedAt
    desk {
      id
      code
      name
    }
    organisation {
      id
      name
    }
    assignee {
      id
      displayName
    }
    domain {
      id
      label
    }
    sla {
      dueOn
      state
      stateLabel
      businessDaysLeft
    }
  }
`;

/** A page of consultations; the first page also brings the figures of the whole list. */
export const CONSULTATIONS = gql`
  query Consultations(
    $first: Int
    $after: String
    $filter: ConsultationFilter
    $orderBy: QueueOrder!
    $facts: Boolean!
  ) {
    consultations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount @include(if: $facts)
      overdueCount @include(if: $facts)
      statusCounts @include(if: $facts) {
        status
        label
        count
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ConsultationRowFields
      }
    }
  }
  ${CONSULTATION_ROW_FIELDS}
`;

export const CONSULTATION_EVENT_FIELDS = gql`
  fragment ConsultationEventFields on ConsultationEvent {
    id
    kind
    kindLabel
    at
    internal
    summary
    body
    actor {
      id
      displayName
    }
    changes {
      field
      before
      after
    }
  }
`;

export const REFERRAL_FIELDS = gql`
  fragment ReferralFields on Referral {
    id
    status
    statusLabel
    reason
    requestedAt
    decidedAt
    decisionNote
    canDecide
    fromDesk {
      id
      code
      name
    }
    toDesk {
      id
      code
      name
    }
    requestedBy {
      id
      displayName
    }
    decidedBy {
      id
      displayName
    }
  }
`;

export const CONSULTATION = gql`
  query Consultation($id: ID!) {
    consultation(id: $id) {
      id
      reference
      kind
      kindLabel
      title
      description
      status
      statusLabel
      resolution
      resolutionLabel
      priority
      priorityLabel
      confidentiality
      confidentialityLabel
      sharedFields
      competitors
      preferredLocale
      overseas
      version
      filedAt
      receivedAt
      updatedAt
      closedAt
      desk {
        id
        code
        name
      }
      organisation {
        id
        name
        kindLabel
        countryCode
        corporateNumber
      }
      requester {
        id
        displayName
        email
      }
      assignee {
        id
        displayName
        email
      }
      domain {
        id
        label
      }
      stage {
        id
        label
      }
      topics {
        id
        label
      }
      sla {
        dueOn
        state
        stateLabel
        businessDaysLeft
        respondedAt
      }
      availableActions
      permissions {
        update
        assign
        take
        message
        note
        reply
        refer
        reroute
      }
      messages {
        ...ConsultationEventFields
      }
      timeline {
        ...ConsultationEventFields
      }
      referrals {
        ...ReferralFields
      }
      pendingReferral {
        ...ReferralFields
      }
    }
  }
  ${CONSULTATION_EVENT_FIELDS}
  ${REFERRAL_FIELDS}
`;

export const FILE_CONSULTATION = gql`
  mutation FileConsultation($input: FileConsultationInput!) {
    fileConsultation(input: $input) {
      id
      reference
    }
  }
`;

export const UPDATE_CONSULTATION = gql`
  mutation UpdateConsultation($input: UpdateConsultationInput!) {
    updateConsultation(input: $input) {
      id
      version
    }
  }
`;

export const ASSIGN_CONSULTATION = gql`
  mutation AssignConsultation($input: AssignConsultationInput!) {
    assignConsultation(input: $input) {
      id
      version
    }
  }
`;

export const TRANSITION_CONSULTATION = gql`
  mutation TransitionConsultation($input: TransitionConsultationInput!) {
    transitionConsultation(input: $input) {
      id
      version
      status
    }
  }
`;

export const POST_CONSULTATION_MESSAGE = gql`
  mutation PostConsultationMessage($input: PostConsultationMessageInput!) {
    postConsultationMessage(input: $input) {
      id
      version
    }
  }
`;

export const REROUTE_CONSULTATION = gql`
  mutation RerouteConsultation($input: RerouteConsultationInput!) {
    rerouteConsultation(input: $input) {
      id
      reference
      desk {
        id
        code
        name
      }
    }
  }
`;

export const REQUEST_REFERRAL = gql`
  mutation RequestReferral($input: RequestReferralInput!) {
    requestReferral(input: $input) {
      ...ReferralFields
    }
  }
  ${REFERRAL_FIELDS}
`;

export const ACCEPT_REFERRAL = gql`
  mutation AcceptReferral($id: ID!) {
    acceptReferral(id: $id) {
      ...ReferralFields
    }
  }
  ${REFERRAL_FIELDS}
`;

export const DECLINE_REFERRAL = gql`
  mutation DeclineReferral($input: DeclineReferralInput!) {
    declineReferral(input: $input) {
      ...ReferralFields
    }
  }
  ${REFERRAL_FIELDS}
`;

/** Referrals other desks ask of the viewer's desks, waiting for a decision. */
export const REFERRALS_AWAITING = gql`
  query ReferralsAwaiting($first: Int, $filter: ReferralFilter) {
    referrals(first: $first, filter: $filter) {
      totalCount
      nodes {
        ...ReferralFields
        consultation {
          id
          reference
          title
          organisation {
            id
            name
          }
        }
      }
    }
  }
  ${REFERRAL_FIELDS}
`;

export const DIRECTORY_ENTRY_FIELDS = gql`
  fragment DirectoryEntryFields on DirectoryEntry {
    id
    kind
    kindLabel
    name
    nameEn
    nameJa
    summary
    summaryEn
    summaryJa
    overseas
    contactEmail
    website
    active
    version
    updatedAt
    canEdit
    domains {
      id
      code
      label
    }
    stages {
      id
      code
      label
    }
    topics {
      id
      code
      label
    }
    languages {
      id
      code
      label
    }
    regions {
      id
      code
      label
    }
    services {
      id
      code
      label
    }
    advisor {
      person {
        id
        displayName
      }
      affiliation
      affiliationEn
      affiliationJa
      capacity
      conflicts {
        id
        name
      }
    }
    supporter {
      organisation {
        id
        name
      }
      supporterType
      supporterTypeLabel
    }
    vc {
      organisation {
        id
        name
      }
      certified
      ticketMinYen
      ticketMaxYen
      ticketRange
      portfolio {
        id
        name
      }
    }
    programme {
      body
      bodyLabel
      bodyName
      bodyNameEn
      bodyNameJa
      eligibility
      eligibilityEn
      eligibilityJa
      opensOn
      closesOn
      openNow
    }
  }
`;

export const DIRECTORY_ENTRY = gql`
  query DirectoryEntry($id: ID!) {
    directoryEntry(id: $id) {
      ...DirectoryEntryFields
    }
  }
  ${DIRECTORY_ENTRY_FIELDS}
`;

/**
 * The same as `DIRECTORY_ENTRY`, for the edit form. A query of its own, so that the profile
 * shown after a save is fetched anew rather than replayed from the form's query.
 */
export const DIRECTORY_ENTRY_FOR_EDIT = gql`
  query DirectoryEntryForEdit($id: ID!) {
    directoryEntry(id: $id) {
      ...DirectoryEntryFields
    }
  }
  ${DIRECTORY_ENTRY_FIELDS}
`;

/** The viewer's own profile or organisation entry, if they have one. */
export const MY_DIRECTORY_ENTRIES = gql`
  query MyDirectoryEntries {
    myDirectoryEntries {
      id
      kind
      name
    }
  }
`;

const TERM_COUNT_FIELDS = gql`
  fragment TermCountFields on TermCount {
    count
    term {
      id
      code
      label
    }
  }
`;

/** A directory entry as search results and suggestions list it. */
const DIRECTORY_ENTRY_ROW_FIELDS = gql`
  fragment DirectoryEntryRowFields on DirectoryEntry {
    id
    kind
    kindLabel
    name
    nameEn
    nameJa
    summary
    summaryEn
    summaryJa
    overseas
    active
    domains {
      id
      code
      label
    }
    topics {
      id
      code
      label
    }
    services {
      id
      code
      label
    }
    advisor {
      affiliation
    }
    supporter {
      supporterTypeLabel
    }
    vc {
      certified
      ticketRange
    }
    programme {
      bodyName
      opensOn
      closesOn
      openNow
    }
  }
`;

export const DIRECTORY_SEARCH = gql`
  query DirectorySearch($input: DirectorySearchInput!) {
    directorySearch(input: $input) {
      totalCount
      page
      pageSize
      pageCount
      hits {
        score
        explanation
        highlights {
          field
          locale
          segments {
            text
            highlighted
          }
        }
        entry {
          ...DirectoryEntryRowFields
        }
      }
      facets {
        kinds {
          kind
          label
          count
        }
        domains {
          ...TermCountFields
        }
        stages {
          ...TermCountFields
        }
        topics {
          ...TermCountFields
        }
        languages {
          ...TermCountFields
        }
        regions {
          ...TermCountFields
        }
        services {
          ...TermCountFields
        }
        supporterTypes {
          supporterType
          label
          count
        }
        overseas
        certified
      }
    }
  }
  ${TERM_COUNT_FIELDS}
  ${DIRECTORY_ENTRY_ROW_FIELDS}
`;

/** Every term of every kind, by kind and position: what entries may be tagged with. */
export const DIRECTORY_TERMS = gql`
  query DirectoryTerms {
    taxonomy(includeInactive: true) {
      id
      kind
      code
      label
      active
    }
  }
`;

export const CREATE_DIRECTORY_ENTRY = gql`
  mutation CreateDirectoryEntry($kind: DirectoryKind!, $input: DirectoryEntryInput!) {
    createDirectoryEntry(kind: $kind, input: $input) {
      ...DirectoryEntryFields
    }
  }
  ${DIRECTORY_ENTRY_FIELDS}
`;

export const UPDATE_DIRECTORY_ENTRY = gql`
  mutation UpdateDirectoryEntry($id: ID!, $version: Int!, $input: DirectoryEntryInput!) {
    updateDirectoryEntry(id: $id, version: $version, input: $input) {
      ...DirectoryEntryFields
    }
  }
  ${DIRECTORY_ENTRY_FIELDS}
`;

export const SET_DIRECTORY_ENTRY_ACTIVE = gql`
  mutation SetDirectoryEntryActive($id: ID!, $version: Int!, $active: Boolean!) {
    setDirectoryEntryActive(id: $id, version: $version, active: $active) {
      ...DirectoryEntryFields
    }
  }
  ${DIRECTORY_ENTRY_FIELDS}
`;

/** Advisor accounts an administrator can give a directory profile. */
export const ADVISOR_ACCOUNTS = gql`
  query AdvisorAccounts {
    users(first: 100, filter: { role: ADVISOR }) {
      nodes {
        id
        displayName
        email
      }
    }
  }
`;

/** The directory entries that could help with a consultation, best first, and why. */
export const CONSULTATION_SUGGESTIONS = gql`
  query ConsultationSuggestions($consultationId: ID!, $kind: DirectoryKind!, $first: Int!) {
    consultationSuggestions(consultationId: $consultationId, kind: $kind, first: $first) {
      score
      reasons
      contributions {
        feature
        label
        weight
        value
        points
      }
      entry {
        ...DirectoryEntryRowFields
      }
    }
  }
  ${DIRECTORY_ENTRY_ROW_FIELDS}
`;

export const DISMISS_SUGGESTION = gql`
  mutation DismissSuggestion($consultationId: ID!, $entryId: ID!, $reason: String!) {
    dismissSuggestion(consultationId: $consultationId, entryId: $entryId, reason: $reason)
  }
`;

export const PLAN_ASSIGNMENTS = gql`
  query PlanAssignments($deskId: ID!) {
    planAssignments(deskId: $deskId) {
      fitShare
      loadSpread
      constraintViolations
      assignments {
        version
        advisorId
        fit
        advisor {
          id
          name
        }
        consultation {
          id
          reference
          title
        }
      }
      unassigned {
        reason
        reasonLabel
        consultation {
          id
          reference
          title
        }
      }
    }
  }
`;

export const APPLY_ASSIGNMENTS = gql`
  mutation ApplyAssignments($deskId: ID!, $assignments: [AssignmentInput!]!) {
    applyAssignments(deskId: $deskId, assignments: $assignments)
  }
`;

/** Everything of an introduction a screen shows; the API leaves out what the reader may not see. */
export const INTRODUCTION_FIELDS = gql`
  fragment IntroductionFields on Introduction {
    id
    status
    statusLabel
    channel
    targetKind
    targetName
    target {
      id
    }
    consultation {
      id
      reference
      title
    }
    message
    proposedFields
    sharedFields
    shared {
      organisationName
      title
      description
      domain
      stage
      topics
      contactName
      contactEmail
    }
    proposedAt
    consentRequestedAt
    consentedAt
    sentAt
    answeredAt
    answerNote
    answerDueAt
    meetingHeldOn
    outcome {
      type
      adopter
      investment {
        amountYen
        amount
        round
        investedOn
      }
      note
    }
    closedAt
    version
    steps
  }
`;

/**
 * What a step on an introduction returns: enough for the lists of introductions and the
 * consultation (whose timeline records the step) to be fetched again.
 */
const INTRODUCTION_STEP_RESULT = gql`
  fragment IntroductionStepResult on Introduction {
    id
    status
    version
    consultation {
      id
    }
  }
`;

export const INTRODUCTION = gql`
  query Introduction($id: ID!) {
    introduction(id: $id) {
      ...IntroductionFields
    }
  }
  ${INTRODUCTION_FIELDS}
`;

/** The introduction behind the link emailed to its target; no sign-in needed. */
export const INTRODUCTION_BY_TOKEN = gql`
  query IntroductionByToken($token: String!) {
    introductionByToken(token: $token) {
      ...IntroductionFields
    }
  }
  ${INTRODUCTION_FIELDS}
`;

export const CONSULTATION_INTRODUCTIONS = gql`
  query ConsultationIntroductions($consultationId: ID!) {
    consultationIntroductions(consultationId: $consultationId) {
      ...IntroductionFields
    }
  }
  ${INTRODUCTION_FIELDS}
`;

/** Introductions addressed to the viewer (an advisor) or their organisation, once sent. */
export const MY_INTRODUCTIONS = gql`
  query MyIntroductions($status: IntroductionStatus, $first: Int, $after: String) {
    myIntroductions(status: $status, first: $first, after: $after) {
      totalCount
      hasNextPage
      edges {
        cursor
        node {
          ...IntroductionFields
        }
      }
    }
  }
  ${INTRODUCTION_FIELDS}
`;

export const PROPOSE_INTRODUCTION = gql`
  mutation ProposeIntroduction($input: ProposeIntroductionInput!) {
    proposeIntroduction(input: $input) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const REQUEST_INTRODUCTION_CONSENT = gql`
  mutation RequestIntroductionConsent($id: ID!, $version: Int!) {
    requestIntroductionConsent(id: $id, version: $version) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const CONSENT_TO_INTRODUCTION = gql`
  mutation ConsentToIntroduction($id: ID!, $version: Int!, $fields: [SharedField!]!) {
    consentToIntroduction(id: $id, version: $version, fields: $fields) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const DECLINE_INTRODUCTION_CONSENT = gql`
  mutation DeclineIntroductionConsent($id: ID!, $version: Int!, $reason: String!) {
    declineIntroductionConsent(id: $id, version: $version, reason: $reason) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const WITHDRAW_INTRODUCTION = gql`
  mutation WithdrawIntroduction($id: ID!, $version: Int!, $reason: String!) {
    withdrawIntroduction(id: $id, version: $version, reason: $reason) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const SEND_INTRODUCTION = gql`
  mutation SendIntroduction($id: ID!, $version: Int!) {
    sendIntroduction(id: $id, version: $version) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const ANSWER_INTRODUCTION = gql`
  mutation AnswerIntroduction($id: ID!, $accept: Boolean!, $note: String!) {
    answerIntroduction(id: $id, accept: $accept, note: $note) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const ANSWER_INTRODUCTION_BY_TOKEN = gql`
  mutation AnswerIntroductionByToken($token: String!, $accept: Boolean!, $note: String!) {
    answerIntroductionByToken(token: $token, accept: $accept, note: $note) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const RECORD_INTRODUCTION_MEETING = gql`
  mutation RecordIntroductionMeeting($id: ID!, $version: Int!, $heldOn: NaiveDate!) {
    recordIntroductionMeeting(id: $id, version: $version, heldOn: $heldOn) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;

export const RECORD_INTRODUCTION_OUTCOME = gql`
  mutation RecordIntroductionOutcome($id: ID!, $version: Int!, $input: IntroductionOutcomeInput!) {
    recordIntroductionOutcome(id: $id, version: $version, input: $input) {
      ...IntroductionStepResult
    }
  }
  ${INTRODUCTION_STEP_RESULT}
`;
