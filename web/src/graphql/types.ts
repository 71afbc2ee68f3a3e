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

export type TaxonomyKind = 'DOMAIN' | 'STAGE' | 'TOPIC';
export const TAXONOMY_KINDS: readonly TaxonomyKind[] = ['DOMAIN', 'STAGE', 'TOPIC'];

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
