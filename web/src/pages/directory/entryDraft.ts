/**
 * The directory entry form's state: everything of an entry as the form's inputs hold it,
 * and the `DirectoryEntryInput` it sends.
 */

import type { FieldErrorDetail } from '../../graphql/errors';
import type {
  DirectoryEntry,
  DirectoryEntryInput,
  DirectoryKind,
  DirectoryTagList,
  OrganisationRef,
  ProgrammeBody,
  SupporterType,
} from '../../graphql/types';

export interface EntryDraft extends Record<DirectoryTagList, string[]> {
  kind: DirectoryKind;
  nameEn: string;
  nameJa: string;
  summaryEn: string;
  summaryJa: string;
  overseas: boolean;
  contactEmail: string;
  website: string;
  advisor: {
    userId: string;
    affiliationEn: string;
    affiliationJa: string;
    capacity: string;
    conflicts: OrganisationRef[];
  };
  supporter: { organisationId: string | null; supporterType: SupporterType | '' };
  vc: {
    organisationId: string | null;
    certified: boolean;
    ticketMinYen: string;
    ticketMaxYen: string;
    portfolio: OrganisationRef[];
  };
  programme: {
    body: ProgrammeBody | '';
    bodyNameEn: string;
    bodyNameJa: string;
    eligibilityEn: string;
    eligibilityJa: string;
    opensOn: string;
    closesOn: string;
  };
}

/** What a new entry starts with. */
export interface DraftDefaults {
  /** The advisor's account (for an advisor's own profile, the viewer). */
  userId?: string;
  /** The organisation of a supporter's or VC's own entry. */
  organisationId?: string | null;
  /** Suggested for both names. */
  name?: string;
}

/** Every field of the form, as the server names them in field errors. */
export const ENTRY_FIELDS = [
  'nameEn',
  'nameJa',
  'summaryEn',
  'summaryJa',
  'domains',
  'stages',
  'topics',
  'languages',
  'regions',
  'services',
  'overseas',
  'contactEmail',
  'website',
  'advisor.userId',
  'advisor.affiliationEn',
  'advisor.affiliationJa',
  'advisor.capacity',
  'advisor.conflictOrganisationIds',
  'supporter.organisationId',
  'supporter.supporterType',
  'vc.organisationId',
  'vc.certified',
  'vc.ticketMinYen',
  'vc.ticketMaxYen',
  'vc.portfolioOrganisationIds',
  'programme.body',
  'programme.bodyNameEn',
  'programme.bodyNameJa',
  'programme.eligibilityEn',
  'programme.eligibilityJa',
  'programme.opensOn',
  'programme.closesOn',
] as const;

export type EntryField = (typeof ENTRY_FIELDS)[number];

export function emptyDraft(kind: DirectoryKind, defaults: DraftDefaults = {}): EntryDraft {
  const name = defaults.name ?? '';
  return {
    kind,
    nameEn: name,
    nameJa: name,
    summaryEn: '',
    summaryJa: '',
    domains: [],
    stages: [],
    topics: [],
    languages: [],
    regions: [],
    services: [],
    overseas: false,
    contactEmail: '',
    website: '',
    advisor: {
      userId: defaults.userId ?? '',
      affiliationEn: '',
      affiliationJa: '',
      capacity: '',
      conflicts: [],
    },
    supporter: { organisationId: defaults.organisationId ?? null, supporterType: '' },
    vc: {
      organisationId: defaults.organisationId ?? null,
      certified: false,
      ticketMinYen: '',
      ticketMaxYen: '',
      portfolio: [],
    },
    programme: {
      body: '',
      bodyNameEn: '',
      bodyNameJa: '',
      eligibilityEn: '',
      eligibilityJa: '',
      opensOn: '',
      closesOn: '',
    },
  };
}

const codes = (terms: readonly { code: string }[]) => terms.map((term) => term.code);
const numberText = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The form's state for an existing entry. */
export function draftFromEntry(entry: DirectoryEntry): EntryDraft {
  const draft = emptyDraft(entry.kind);
  return {
    ...draft,
    nameEn: entry.nameEn,
    nameJa: entry.nameJa,
    summaryEn: entry.summaryEn,
    summaryJa: entry.summaryJa,
    domains: codes(entry.domains),
    stages: codes(entry.stages),
    topics: codes(entry.topics),
    languages: codes(entry.languages),
    regions: codes(entry.regions),
    services: codes(entry.services),
    overseas: entry.overseas,
    contactEmail: entry.contactEmail ?? '',
    website: entry.website ?? '',
    advisor: entry.advisor
      ? {
          userId: entry.advisor.person?.id ?? '',
          affiliationEn: entry.advisor.affiliationEn ?? '',
          affiliationJa: entry.advisor.affiliationJa ?? '',
          capacity: numberText(entry.advisor.capacity),
          conflicts: entry.advisor.conflicts ?? [],
        }
      : draft.advisor,
    supporter: entry.supporter
      ? {
          organisationId: entry.supporter.organisation?.id ?? null,
          supporterType: entry.supporter.supporterType ?? '',
        }
      : draft.supporter,
    vc: entry.vc
      ? {
          organisationId: entry.vc.organisation?.id ?? null,
          certified: entry.vc.certified,
          ticketMinYen: numberText(entry.vc.ticketMinYen),
          ticketMaxYen: numberText(entry.vc.ticketMaxYen),
          portfolio: entry.vc.portfolio,
        }
      : draft.vc,
    programme: entry.programme
      ? {
          body: entry.programme.body ?? '',
          bodyNameEn: entry.programme.bodyNameEn ?? '',
          bodyNameJa: entry.programme.bodyNameJa ?? '',
          eligibilityEn: entry.programme.eligibilityEn ?? '',
          eligibilityJa: entry.programme.eligibilityJa ?? '',
          opensOn: entry.programme.opensOn ?? '',
          closesOn: entry.programme.closesOn ?? '',
        }
      : draft.programme,
  };
}

const FULL_WIDTH_DIGITS = /[０-９]/g;

/**
 * A whole number as people type it: with thousands separators, full-width digits, a yen
 * sign or 円. Null when empty; undefined when it is not a whole number of 0 or more.
 */
export function parseWholeNumber(text: string): number | null | undefined {
  const normalised = text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，¥￥円]/g, '');
  if (normalised === '') return null;
  if (!/^\d+$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isSafeInteger(value) ? value : undefined;
}

const optional = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The API's input for a draft: the details of its own kind only, services only for supporter
 * organisations. For drafts in which `draftProblems` finds nothing (an unreadable capacity
 * would be sent as 0).
 */
export function entryInput(draft: EntryDraft): DirectoryEntryInput {
  const number = (text: string) => parseWholeNumber(text) ?? null;
  return {
    nameEn: draft.nameEn.trim(),
    nameJa: draft.nameJa.trim(),
    summaryEn: draft.summaryEn,
    summaryJa: draft.summaryJa,
    domains: draft.domains,
    stages: draft.stages,
    topics: draft.topics,
    languages: draft.languages,
    regions: draft.regions,
    services: draft.kind === 'SUPPORTER' ? draft.services : [],
    overseas: draft.overseas,
    contactEmail: optional(draft.contactEmail),
    website: optional(draft.website),
    advisor:
      draft.kind === 'ADVISOR'
        ? {
            userId: draft.advisor.userId,
            affiliationEn: draft.advisor.affiliationEn.trim(),
            affiliationJa: draft.advisor.affiliationJa.trim(),
            capacity: number(draft.advisor.capacity) ?? 0,
            conflictOrganisationIds: draft.advisor.conflicts.map((o) => o.id),
          }
        : null,
    supporter:
      draft.kind === 'SUPPORTER' && draft.supporter.supporterType !== ''
        ? { organisationId: draft.supporter.organisationId, supporterType: draft.supporter.supporterType }
        : null,
    vc:
      draft.kind === 'VC'
        ? {
            organisationId: draft.vc.organisationId,
            certified: draft.vc.certified,
            ticketMinYen: number(draft.vc.ticketMinYen),
            ticketMaxYen: number(draft.vc.ticketMaxYen),
            portfolioOrganisationIds: draft.vc.portfolio.map((o) => o.id),
          }
        : null,
    programme:
      draft.kind === 'PROGRAMME' && draft.programme.body !== ''
        ? {
            body: draft.programme.body,
            bodyNameEn: draft.programme.bodyNameEn.trim(),
            bodyNameJa: draft.programme.bodyNameJa.trim(),
            eligibilityEn: draft.programme.eligibilityEn,
            eligibilityJa: draft.programme.eligibilityJa,
            opensOn: optional(draft.programme.opensOn),
            closesOn: optional(draft.programme.closesOn),
          }
        : null,
  };
}

export interface DraftMessages {
  required: string;
  /** For a capacity that is not a whole number. */
  capacity: string;
  /** For an amount of yen that is not a whole number. */
  yen: string;
}

/** What can be found wrong before sending: required fields left empty and unreadable numbers. */
export function draftProblems(draft: EntryDraft, messages: DraftMessages): FieldErrorDetail[] {
  const problems: FieldErrorDetail[] = [];
  const required = (field: EntryField, value: string) => {
    if (value.trim() === '') problems.push({ field, code: 'REQUIRED', message: messages.required });
  };
  const wholeNumber = (field: EntryField, value: string, message: string) => {
    if (parseWholeNumber(value) === undefined) problems.push({ field, code: 'INVALID', message });
  };
  required('nameEn', draft.nameEn);
  required('nameJa', draft.nameJa);
  required('summaryEn', draft.summaryEn);
  required('summaryJa', draft.summaryJa);
  switch (draft.kind) {
    case 'ADVISOR':
      required('advisor.userId', draft.advisor.userId);
      required('advisor.capacity', draft.advisor.capacity);
      wholeNumber('advisor.capacity', draft.advisor.capacity, messages.capacity);
      break;
    case 'SUPPORTER':
      required('supporter.supporterType', draft.supporter.supporterType);
      break;
    case 'VC':
      wholeNumber('vc.ticketMinYen', draft.vc.ticketMinYen, messages.yen);
      wholeNumber('vc.ticketMaxYen', draft.vc.ticketMaxYen, messages.yen);
      break;
    case 'PROGRAMME':
      required('programme.body', draft.programme.body);
      required('programme.bodyNameEn', draft.programme.bodyNameEn);
      required('programme.bodyNameJa', draft.programme.bodyNameJa);
      break;
  }
  return problems;
}
