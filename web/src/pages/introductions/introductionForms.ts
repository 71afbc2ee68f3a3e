/**
 * What the introduction forms check before sending, and the inputs they send. Pure functions,
 * so that the rules can be tested without a browser.
 */

import type { FieldErrorDetail } from '../../graphql/errors';
import type {
  Adopter,
  IntroductionOutcomeInput,
  IntroductionStep,
  InvestmentRound,
  OutcomeType,
  SharedConsultation,
  SharedField,
} from '../../graphql/types';
import { parseWholeNumber } from '../directory/entryDraft';

/** The day in Japan (YYYY-MM-DD) at `at`: meetings and investments are dated in Japan. */
export function japanDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The Japan day of an RFC 3339 timestamp, or null. */
export function japanDateOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : japanDate(date);
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DateMessages {
  required: string;
  /** For a date after today. */
  future: string;
  /** For a date before `earliest`. */
  tooEarly: string;
}

/** Problems of a calendar date that must lie between `earliest` (if any) and `today`. */
export function pastDateProblems(
  field: string,
  value: string,
  today: string,
  earliest: string | null,
  messages: DateMessages,
): FieldErrorDetail[] {
  if (!CALENDAR_DATE.test(value)) return [{ field, code: 'REQUIRED', message: messages.required }];
  // YYYY-MM-DD strings order as the dates they name.
  if (value > today) return [{ field, code: 'DATE_INVALID', message: messages.future }];
  if (earliest && value < earliest) return [{ field, code: 'DATE_INVALID', message: messages.tooEarly }];
  return [];
}

/** The outcome form as typed. */
export interface OutcomeDraft {
  /** '' until chosen. */
  matched: '' | 'yes' | 'no';
  type: OutcomeType | '';
  adopter: Adopter | '';
  amountYen: string;
  round: InvestmentRound | '';
  investedOn: string;
  note: string;
}

export const EMPTY_OUTCOME: OutcomeDraft = {
  matched: '',
  type: '',
  adopter: '',
  amountYen: '',
  round: '',
  investedOn: '',
  note: '',
};

/** Whether the outcome form offers a match, no match, or both: as the introduction's steps allow. */
export function outcomeChoices(steps: readonly IntroductionStep[]): ('yes' | 'no')[] {
  const choices: ('yes' | 'no')[] = [];
  if (steps.includes('RECORD_MATCH')) choices.push('yes');
  if (steps.includes('RECORD_NO_MATCH')) choices.push('no');
  return choices;
}

export interface OutcomeMessages extends DateMessages {
  /** For an amount that is not a whole number of yen over 0. */
  yen: string;
}

/** What can be found wrong in an outcome before sending; field names are the API's. */
export function outcomeProblems(
  draft: OutcomeDraft,
  today: string,
  messages: OutcomeMessages,
): FieldErrorDetail[] {
  const problems: FieldErrorDetail[] = [];
  const required = (field: string) => problems.push({ field, code: 'REQUIRED', message: messages.required });
  if (draft.matched === '') {
    required('matched');
    return problems;
  }
  if (draft.matched === 'no') return problems;
  if (draft.type === '') required('type');
  if (draft.type === 'ADOPTION' && draft.adopter === '') required('adopter');
  if (draft.type === 'INVESTMENT') {
    const amount = parseWholeNumber(draft.amountYen);
    if (amount === null) required('investment.amountYen');
    else if (amount === undefined || amount < 1) {
      problems.push({ field: 'investment.amountYen', code: 'INVALID', message: messages.yen });
    }
    if (draft.round === '') required('investment.round');
    problems.push(...pastDateProblems('investment.investedOn', draft.investedOn, today, null, messages));
  }
  return problems;
}

/**
 * The API's input for an outcome in which `outcomeProblems` finds nothing: only the details
 * of the chosen type are sent.
 */
export function outcomeInput(draft: OutcomeDraft): IntroductionOutcomeInput {
  const matched = draft.matched === 'yes';
  const type = matched && draft.type !== '' ? draft.type : null;
  return {
    matched,
    type,
    adopter: type === 'ADOPTION' && draft.adopter !== '' ? draft.adopter : null,
    investment:
      type === 'INVESTMENT' && draft.round !== ''
        ? {
            amountYen: parseWholeNumber(draft.amountYen) ?? 0,
            round: draft.round,
            investedOn: draft.investedOn,
          }
        : null,
    note: draft.note.trim(),
  };
}

/** One item of what was shared with the target. */
export type SharedLine =
  | { field: Exclude<SharedField, 'TOPICS' | 'CONTACT'>; text: string }
  | { field: 'TOPICS'; items: string[] }
  | { field: 'CONTACT'; name: string | null; email: string | null };

/** The fields shared with the target, in the order of the intake form, leaving out those not shared. */
export function sharedLines(shared: SharedConsultation | null): SharedLine[] {
  if (!shared) return [];
  const lines: SharedLine[] = [];
  const text = (field: Exclude<SharedField, 'TOPICS' | 'CONTACT'>, value: string | null) => {
    if (value !== null) lines.push({ field, text: value });
  };
  text('ORGANISATION_NAME', shared.organisationName);
  text('TITLE', shared.title);
  text('DESCRIPTION', shared.description);
  text('DOMAIN', shared.domain);
  text('STAGE', shared.stage);
  if (shared.topics !== null) lines.push({ field: 'TOPICS', items: shared.topics });
  if (shared.contactName !== null || shared.contactEmail !== null) {
    lines.push({ field: 'CONTACT', name: shared.contactName, email: shared.contactEmail });
  }
  return lines;
}
