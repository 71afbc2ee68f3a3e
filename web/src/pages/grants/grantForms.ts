/**
 * What the Healthtech Challenge forms check before sending, the inputs they send, and how
 * amounts of yen read. Pure functions, so that the rules can be tested without a browser.
 */

import type { FieldErrorDetail } from '../../graphql/errors';
import type { InvestmentRound } from '../../graphql/types';
import type { AppLocale } from '../../i18n/locale';
import { intlLocale } from '../../i18n/locale';
import { parseWholeNumber } from '../directory/entryDraft';
import type {
  GrantApplication,
  GrantApplicationInput,
  GrantProgramme,
  GrantProgrammeInput,
  GrantTheme,
  MilestoneDecision,
  RecordInvestmentInput,
} from './grantTypes';

/** An amount of yen as the reader writes it: `¥150,000,000` in English, `150,000,000円` in Japanese. */
export function formatYen(value: number, locale: AppLocale): string {
  const digits = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value);
  return locale === 'ja' ? `${digits}円` : `¥${digits}`;
}

/** A weighted score (1–5) with two decimals. */
export function formatScore(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** An amount typed into a form, as the form shows it again: digits with separators. */
export function yenText(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(value);
}

const FULL_WIDTH = /[０-９．]/g;

/** A decimal number as people type it (full-width digits allowed): null when empty, undefined when unreadable. */
export function parseDecimal(text: string): number | null | undefined {
  const normalised = text.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (normalised === '') return null;
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** The Japanese fiscal year (April to March) of a day, YYYY-MM-DD. */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** The API's field name of one item of a list in a form: `milestones.2.title`. */
export function itemField(list: string, index: number, field: string): string {
  return `${list}.${index}.${field}`;
}

/** `input.milestones[2].title` → `milestones.2.title`, as `itemField` names them. */
function indexedField(field: string): string {
  return field
    .trim()
    .replace(/^input\./, '')
    .replace(/\[(\d+)\]/g, '.$1');
}

/**
 * The messages about one input of one item of a list (`milestones.2.title`): the form's own
 * field mapping drops list indices, so items read their messages from the problem's fields.
 */
export function itemErrors(
  fields: readonly FieldErrorDetail[] | undefined,
  list: string,
  index: number,
  field: string,
): string[] | undefined {
  const name = itemField(list, index, field);
  const messages = (fields ?? []).filter((f) => indexedField(f.field) === name).map((f) => f.message);
  return messages.length ? [...new Set(messages)] : undefined;
}

/** Moves an item of a list one place up (-1) or down (+1). */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  if (item !== undefined) moved.splice(target, 0, item);
  return moved;
}

/** Links written one per line: trimmed, without empty lines. */
export function parseLinks(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface GrantMessages {
  required: string;
  /** For an amount that is not a whole number of yen over 0. */
  yen: string;
}

function requiredText(problems: FieldErrorDetail[], field: string, value: string, message: string) {
  if (value.trim() === '') problems.push({ field, code: 'REQUIRED', message });
}

function yenAmount(problems: FieldErrorDetail[], field: string, value: string, messages: GrantMessages) {
  const amount = parseWholeNumber(value);
  if (amount === null) problems.push({ field, code: 'REQUIRED', message: messages.required });
  else if (amount === undefined || amount < 1)
    problems.push({ field, code: 'INVALID', message: messages.yen });
}

/* Programmes */

export interface CriterionDraft {
  /** Identifies the row while it is edited (not sent). */
  key: string;
  nameEn: string;
  nameJa: string;
  weight: string;
}

/** The programme form as typed. */
export interface ProgrammeDraft {
  deskId: string;
  fiscalYear: string;
  nameEn: string;
  nameJa: string;
  descriptionEn: string;
  descriptionJa: string;
  themes: GrantTheme[];
  budgetYen: string;
  awardCeilingYen: string;
  matchRatio: string;
  opensOn: string;
  closesOn: string;
  criteria: CriterionDraft[];
}

export const PROGRAMME_FIELDS = [
  'deskId',
  'fiscalYear',
  'nameEn',
  'nameJa',
  'descriptionEn',
  'descriptionJa',
  'themes',
  'budgetYen',
  'awardCeilingYen',
  'matchRatio',
  'opensOn',
  'closesOn',
  'criteria',
  'criteria.nameEn',
  'criteria.nameJa',
  'criteria.weight',
] as const;

let rowCounter = 0;
/** A key for a new row of a list being edited. */
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function emptyCriterion(): CriterionDraft {
  return { key: newRowKey(), nameEn: '', nameJa: '', weight: '' };
}

/** A new programme of the fiscal year `today` falls in, open for the whole of it. */
export function emptyProgrammeDraft(deskId: string, today: string): ProgrammeDraft {
  const year = fiscalYearOf(today);
  return {
    deskId,
    fiscalYear: String(year),
    nameEn: '',
    nameJa: '',
    descriptionEn: '',
    descriptionJa: '',
    themes: [],
    budgetYen: '',
    awardCeilingYen: '',
    matchRatio: '',
    opensOn: `${year}-04-01`,
    closesOn: `${year + 1}-03-31`,
    criteria: [emptyCriterion()],
  };
}

export function draftFromProgramme(programme: GrantProgramme): ProgrammeDraft {
  return {
    deskId: programme.deskId,
    fiscalYear: String(programme.fiscalYear),
    nameEn: programme.nameEn,
    nameJa: programme.nameJa,
    descriptionEn: programme.descriptionEn,
    descriptionJa: programme.descriptionJa,
    themes: [...programme.themes],
    budgetYen: yenText(programme.budgetYen),
    awardCeilingYen: yenText(programme.awardCeilingYen),
    matchRatio: programme.matchRatio === null ? '' : String(programme.matchRatio),
    opensOn: programme.opensOn,
    closesOn: programme.closesOn,
    criteria: programme.criteria.map((c) => ({
      key: newRowKey(),
      nameEn: c.nameEn,
      nameJa: c.nameJa,
      weight: String(c.weight),
    })),
  };
}

export interface ProgrammeMessages extends GrantMessages {
  /** For a fiscal year that is not a year such as 2026. */
  fiscalYear: string;
  /** For a VC-match ratio that is not a number from 0.1 to 10. */
  ratio: string;
  /** For a weight that is not a whole number from 1 to 100. */
  weight: string;
  /** For a programme without review criteria. */
  criteria: string;
}

/** What can be found wrong in a programme before sending; field names are the API's. */
export function programmeProblems(draft: ProgrammeDraft, messages: ProgrammeMessages): FieldErrorDetail[] {
  const problems: FieldErrorDetail[] = [];
  requiredText(problems, 'deskId', draft.deskId, messages.required);
  const year = parseWholeNumber(draft.fiscalYear);
  if (year === null) requiredText(problems, 'fiscalYear', '', messages.required);
  else if (year === undefined || year < 2000 || year > 2100) {
    problems.push({ field: 'fiscalYear', code: 'OUT_OF_RANGE', message: messages.fiscalYear });
  }
  requiredText(problems, 'nameEn', draft.nameEn, messages.required);
  requiredText(problems, 'nameJa', draft.nameJa, messages.required);
  if (draft.themes.length === 0) {
    problems.push({ field: 'themes', code: 'REQUIRED', message: messages.required });
  }
  yenAmount(problems, 'budgetYen', draft.budgetYen, messages);
  yenAmount(problems, 'awardCeilingYen', draft.awardCeilingYen, messages);
  const ratio = parseDecimal(draft.matchRatio);
  if (ratio === undefined || (ratio !== null && (ratio < 0.1 || ratio > 10))) {
    problems.push({ field: 'matchRatio', code: 'OUT_OF_RANGE', message: messages.ratio });
  }
  requiredText(problems, 'opensOn', draft.opensOn, messages.required);
  requiredText(problems, 'closesOn', draft.closesOn, messages.required);
  if (draft.criteria.length === 0) {
    problems.push({ field: 'criteria', code: 'REQUIRED', message: messages.criteria });
  }
  draft.criteria.forEach((criterion, i) => {
    requiredText(problems, itemField('criteria', i, 'nameEn'), criterion.nameEn, messages.required);
    requiredText(problems, itemField('criteria', i, 'nameJa'), criterion.nameJa, messages.required);
    const weight = parseWholeNumber(criterion.weight);
    const field = itemField('criteria', i, 'weight');
    if (weight === null) requiredText(problems, field, '', messages.required);
    else if (weight === undefined || weight < 1 || weight > 100) {
      problems.push({ field, code: 'OUT_OF_RANGE', message: messages.weight });
    }
  });
  return problems;
}

/** The API's input for a programme in which `programmeProblems` finds nothing. */
export function programmeInput(draft: ProgrammeDraft): GrantProgrammeInput {
  return {
    deskId: draft.deskId,
    fiscalYear: parseWholeNumber(draft.fiscalYear) ?? 0,
    nameEn: draft.nameEn.trim(),
    nameJa: draft.nameJa.trim(),
    descriptionEn: draft.descriptionEn.trim(),
    descriptionJa: draft.descriptionJa.trim(),
    themes: draft.themes,
    budgetYen: parseWholeNumber(draft.budgetYen) ?? 0,
    awardCeilingYen: parseWholeNumber(draft.awardCeilingYen) ?? 0,
    matchRatio: parseDecimal(draft.matchRatio) ?? null,
    opensOn: draft.opensOn,
    closesOn: draft.closesOn,
    criteria: draft.criteria.map((c) => ({
      nameEn: c.nameEn.trim(),
      nameJa: c.nameJa.trim(),
      weight: parseWholeNumber(c.weight) ?? 0,
    })),
  };
}

/* Applications */

export interface MilestoneDraft {
  /** Identifies the row while it is edited (not sent). */
  key: string;
  title: string;
  successCriteria: string;
  dueOn: string;
  trancheYen: string;
}

/** The application form as typed: theme, texts and the ordered milestone plan. */
export interface ApplicationDraft {
  theme: GrantTheme | '';
  title: string;
  summary: string;
  milestones: MilestoneDraft[];
}

export const APPLICATION_FIELDS = [
  'theme',
  'title',
  'summary',
  'milestones',
  'milestones.title',
  'milestones.successCriteria',
  'milestones.dueOn',
  'milestones.trancheYen',
] as const;

export function emptyMilestone(): MilestoneDraft {
  return { key: newRowKey(), title: '', successCriteria: '', dueOn: '', trancheYen: '' };
}

/** A new application: a programme with a single theme has it chosen already. */
export function emptyApplicationDraft(themes: readonly GrantTheme[]): ApplicationDraft {
  return {
    theme: themes.length === 1 ? (themes[0] ?? '') : '',
    title: '',
    summary: '',
    milestones: [emptyMilestone()],
  };
}

export function draftFromApplication(application: GrantApplication): ApplicationDraft {
  return {
    theme: application.theme,
    title: application.title,
    summary: application.summary,
    milestones: application.milestones.map((m) => ({
      key: newRowKey(),
      title: m.title,
      successCriteria: m.successCriteria,
      dueOn: m.dueOn,
      trancheYen: yenText(m.trancheYen),
    })),
  };
}

/** The sum of the tranches that can be read; unreadable ones count as nothing. */
export function plannedTotal(milestones: readonly MilestoneDraft[]): number {
  return milestones.reduce((sum, m) => {
    const amount = parseWholeNumber(m.trancheYen);
    return amount ? sum + amount : sum;
  }, 0);
}

export interface ApplicationMessages extends GrantMessages {
  /** For a plan without milestones. */
  milestones: string;
  /** For a due date not after the one before it. */
  order: string;
}

/** What can be found wrong in an application before sending; field names are the API's. */
export function applicationProblems(
  draft: ApplicationDraft,
  messages: ApplicationMessages,
): FieldErrorDetail[] {
  const problems: FieldErrorDetail[] = [];
  requiredText(problems, 'theme', draft.theme, messages.required);
  requiredText(problems, 'title', draft.title, messages.required);
  requiredText(problems, 'summary', draft.summary, messages.required);
  if (draft.milestones.length === 0) {
    problems.push({ field: 'milestones', code: 'REQUIRED', message: messages.milestones });
  }
  let previousDue = '';
  draft.milestones.forEach((m, i) => {
    requiredText(problems, itemField('milestones', i, 'title'), m.title, messages.required);
    requiredText(
      problems,
      itemField('milestones', i, 'successCriteria'),
      m.successCriteria,
      messages.required,
    );
    const due = itemField('milestones', i, 'dueOn');
    if (m.dueOn === '') requiredText(problems, due, '', messages.required);
    // YYYY-MM-DD strings order as the dates they name.
    else if (previousDue !== '' && m.dueOn <= previousDue) {
      problems.push({ field: due, code: 'GRANT_MILESTONES_OUT_OF_ORDER', message: messages.order });
    }
    if (m.dueOn !== '') previousDue = m.dueOn;
    yenAmount(problems, itemField('milestones', i, 'trancheYen'), m.trancheYen, messages);
  });
  return problems;
}

/** The API's input for an application in which `applicationProblems` finds nothing. */
export function applicationInput(
  programmeId: string,
  draft: ApplicationDraft,
  saved: Pick<GrantApplication, 'id' | 'version'> | null,
): GrantApplicationInput {
  return {
    programmeId,
    id: saved?.id ?? null,
    version: saved?.version ?? null,
    theme: draft.theme as GrantTheme,
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    milestones: draft.milestones.map((m) => ({
      title: m.title.trim(),
      successCriteria: m.successCriteria.trim(),
      dueOn: m.dueOn,
      trancheYen: parseWholeNumber(m.trancheYen) ?? 0,
    })),
  };
}

/* Awards */

/** The award form as typed: the amount and each milestone's tranche, by milestone id. */
export interface AwardDraft {
  amountYen: string;
  tranches: Record<string, string>;
  note: string;
}

export const AWARD_FIELDS = [
  'amountYen',
  'tranches',
  'tranches.trancheYen',
  'tranches.milestoneId',
  'note',
] as const;

/** The award as the applicant planned it: the requested amount and the planned tranches. */
export function awardDraftFrom(
  application: Pick<GrantApplication, 'requestedYen' | 'milestones'>,
): AwardDraft {
  return {
    amountYen: yenText(application.requestedYen),
    tranches: Object.fromEntries(application.milestones.map((m) => [m.id, yenText(m.trancheYen)])),
    note: '',
  };
}

/** What can be found wrong in an award before sending; tranches are checked in the milestones' order. */
export function awardProblems(
  draft: AwardDraft,
  milestoneIds: readonly string[],
  messages: GrantMessages,
): FieldErrorDetail[] {
  const problems: FieldErrorDetail[] = [];
  yenAmount(problems, 'amountYen', draft.amountYen, messages);
  milestoneIds.forEach((id, i) => {
    yenAmount(problems, itemField('tranches', i, 'trancheYen'), draft.tranches[id] ?? '', messages);
  });
  return problems;
}

export function awardInput(draft: AwardDraft, milestoneIds: readonly string[]) {
  return {
    amountYen: parseWholeNumber(draft.amountYen) ?? 0,
    tranches: milestoneIds.map((milestoneId) => ({
      milestoneId,
      trancheYen: parseWholeNumber(draft.tranches[milestoneId] ?? '') ?? 0,
    })),
    note: draft.note.trim(),
  };
}

/* Milestone decisions */

/** Sending back and failing a milestone need a note; approving does not. */
export function decisionNeedsNote(decision: MilestoneDecision | ''): boolean {
  return decision === 'REJECT' || decision === 'FAIL';
}

/* Investments */

export interface InvestmentDraft {
  investorName: string;
  amountYen: string;
  round: InvestmentRound | '';
  investedOn: string;
  evidence: string;
}

export const EMPTY_INVESTMENT: InvestmentDraft = {
  investorName: '',
  amountYen: '',
  round: '',
  investedOn: '',
  evidence: '',
};

export const INVESTMENT_FIELDS = ['investorName', 'amountYen', 'round', 'investedOn', 'evidence'] as const;

export interface InvestmentMessages extends GrantMessages {
  /** For an investment dated after today. */
  future: string;
}

export function investmentProblems(
  draft: InvestmentDraft,
  today: string,
  messages: InvestmentMessages,
): FieldErrorDetail[] {
  const problems: FieldErrorDetail[] = [];
  requiredText(problems, 'investorName', draft.investorName, messages.required);
  yenAmount(problems, 'amountYen', draft.amountYen, messages);
  requiredText(problems, 'round', draft.round, messages.required);
  if (draft.investedOn === '') requiredText(problems, 'investedOn', '', messages.required);
  else if (draft.investedOn > today) {
    problems.push({ field: 'investedOn', code: 'DATE_OUT_OF_RANGE', message: messages.future });
  }
  requiredText(problems, 'evidence', draft.evidence, messages.required);
  return problems;
}

export function investmentInput(organisationId: string, draft: InvestmentDraft): RecordInvestmentInput {
  return {
    organisationId,
    investorName: draft.investorName.trim(),
    amountYen: parseWholeNumber(draft.amountYen) ?? 0,
    round: draft.round as InvestmentRound,
    investedOn: draft.investedOn,
    evidence: draft.evidence.trim(),
  };
}
