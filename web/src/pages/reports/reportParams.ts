/** The report's pickers: their defaults, the GraphQL period they select and the CSV links. */

export type PeriodKind = 'FISCAL_YEAR' | 'QUARTER' | 'MONTH' | 'CUSTOM';
export const PERIOD_KINDS: readonly PeriodKind[] = ['FISCAL_YEAR', 'QUARTER', 'MONTH', 'CUSTOM'];

export interface ReportChoice {
  kind: PeriodKind;
  fiscalYear: number;
  /** 1–4; Q1 is April to June. */
  quarter: number;
  /** `YYYY-MM`, as a month input holds it. */
  month: string;
  /** `YYYY-MM-DD`, or empty. */
  from: string;
  to: string;
  /** Empty for every desk the reader may see. */
  deskId: string;
  /** Empty for every domain. */
  domainId: string;
}

export interface PeriodInput {
  kind: PeriodKind;
  fiscalYear?: number;
  quarter?: number;
  year?: number;
  month?: number;
  from?: string;
  to?: string;
}

/** Today in Japan as `YYYY-MM-DD`. */
export function japanToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(now);
}

/** The Japanese fiscal year (April to March) a day falls in. */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** The quarter of its fiscal year a day falls in: April–June is 1, January–March is 4. */
export function fiscalQuarterOf(day: string): number {
  const month = Number(day.slice(5, 7));
  return Math.floor(((month + 8) % 12) / 3) + 1;
}

/** The current fiscal year, its current quarter and month, and the year so far as custom dates. */
export function defaultChoice(today: string = japanToday()): ReportChoice {
  const fiscalYear = fiscalYearOf(today);
  return {
    kind: 'FISCAL_YEAR',
    fiscalYear,
    quarter: fiscalQuarterOf(today),
    month: today.slice(0, 7),
    from: `${fiscalYear}-04-01`,
    to: today,
    deskId: '',
    domainId: '',
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Whether the custom dates are both given but out of order. */
export function customOutOfOrder(choice: ReportChoice): boolean {
  return choice.kind === 'CUSTOM' && DAY.test(choice.from) && DAY.test(choice.to) && choice.from > choice.to;
}

/** The period the pickers select, or null while they do not name one yet. */
export function periodInput(choice: ReportChoice): PeriodInput | null {
  switch (choice.kind) {
    case 'FISCAL_YEAR':
      return { kind: 'FISCAL_YEAR', fiscalYear: choice.fiscalYear };
    case 'QUARTER':
      return { kind: 'QUARTER', fiscalYear: choice.fiscalYear, quarter: choice.quarter };
    case 'MONTH':
      if (!MONTH.test(choice.month)) return null;
      return {
        kind: 'MONTH',
        year: Number(choice.month.slice(0, 4)),
        month: Number(choice.month.slice(5, 7)),
      };
    case 'CUSTOM':
      if (!DAY.test(choice.from) || !DAY.test(choice.to) || choice.from > choice.to) return null;
      return { kind: 'CUSTOM', from: choice.from, to: choice.to };
  }
}

/** The query string both CSV downloads share, or null while no period is chosen. */
function csvParams(choice: ReportChoice): URLSearchParams | null {
  const period = periodInput(choice);
  if (!period) return null;
  const params = new URLSearchParams({ period: period.kind.toLowerCase() });
  for (const key of ['fiscalYear', 'quarter', 'year', 'month', 'from', 'to'] as const) {
    const value = period[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (choice.deskId) params.set('deskId', choice.deskId);
  if (choice.domainId) params.set('domainId', choice.domainId);
  return params;
}

/** The `/reports/kpi.csv` address of the same table, or null while no period is chosen. */
export function csvHref(choice: ReportChoice): string | null {
  const params = csvParams(choice);
  return params ? `/reports/kpi.csv?${params.toString()}` : null;
}

/**
 * The `/reports/records.csv` address of the records behind one figure (`FROM_OVERSEAS`
 * is asked for as `from_overseas`), or null while no period is chosen.
 */
export function recordsCsvHref(choice: ReportChoice, figure: string): string | null {
  const params = csvParams(choice);
  if (!params) return null;
  params.set('figure', figure.toLowerCase());
  return `/reports/records.csv?${params.toString()}`;
}
