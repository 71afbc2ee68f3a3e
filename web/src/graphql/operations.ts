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
