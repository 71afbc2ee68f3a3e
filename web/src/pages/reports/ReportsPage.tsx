import { useState, type ChangeEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorSummary, SelectField, TextField, type SelectOption } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { PUBLIC_DESKS, TAXONOMY_CHOICES } from '../../graphql/operations';
import type { DeskRef, Viewer } from '../../graphql/types';
import { useT } from '../../i18n/LocaleProvider';
import { useViewer } from '../../session/ViewerProvider';
import { FigureRecords, RECORDS_ID } from './FigureRecords';
import { KPI_REPORT, type KpiReport, type KpiReportInput } from './reportOperations';
import {
  csvHref,
  customOutOfOrder,
  defaultChoice,
  periodInput,
  PERIOD_KINDS,
  recordsCsvHref,
  type PeriodKind,
  type ReportChoice,
} from './reportParams';
import { SeriesChart } from './SeriesChart';

const KIND_LABELS: Record<PeriodKind, string> = {
  FISCAL_YEAR: 'web-report-kind-fiscal-year',
  QUARTER: 'web-report-kind-quarter',
  MONTH: 'web-report-kind-month',
  CUSTOM: 'web-report-kind-custom',
};
const QUARTER_LABELS = [
  'web-report-quarter-1',
  'web-report-quarter-2',
  'web-report-quarter-3',
  'web-report-quarter-4',
];
/** How many fiscal years back the year picker reaches. */
const YEARS_BACK = 5;

/** The button that opens the records behind a figure, to return focus to when they close. */
const recordsOpenerId = (figure: string) => `report-records-open-${figure}`;

/**
 * The KPI report of the desks' work: pick a period, a desk and a domain; read the figures
 * beside the previous period's, open the records behind any of them, the breakdowns and
 * the month-by-month chart; download the same table as CSV.
 */
export function ReportsPage() {
  const t = useT();
  const viewer = useViewer();
  const [choice, setChoice] = useState<ReportChoice>(() => defaultChoice());
  // The figure whose records are open; another period or scope closes them.
  const [recordsOf, setRecordsOf] = useState<string | null>(null);
  const period = periodInput(choice);
  // urql keys a request by its variables' content, so a new object each render is the same query.
  const input: KpiReportInput | null = period
    ? { period, deskId: choice.deskId || null, domainId: choice.domainId || null }
    : null;
  const [{ data, fetching, error }] = useQuery<{ kpiReport: KpiReport }>({
    query: KPI_REPORT,
    variables: { input },
    pause: !input,
    requestPolicy: 'cache-and-network',
  });
  if (!viewer) return null;
  const report = data?.kpiReport;
  const href = csvHref(choice);
  const recordsRow = report?.rows.find((row) => row.figure === recordsOf && row.value !== null);

  const choose = (next: ReportChoice) => {
    setChoice(next);
    setRecordsOf(null);
  };
  const toggleRecords = (figure: string) => setRecordsOf((current) => (current === figure ? null : figure));
  const closeRecords = () => {
    setRecordsOf(null);
    if (recordsOf) document.getElementById(recordsOpenerId(recordsOf))?.focus();
  };

  return (
    <Page
      title={t('web-report-title')}
      lead={<p>{t('web-report-lead')}</p>}
      actions={
        href ? (
          <a className="button" href={href} download data-testid="report-csv">
            {t('web-report-download-csv')}
          </a>
        ) : null
      }
    >
      <Pickers viewer={viewer} choice={choice} onChange={choose} />
      <ErrorSummary problem={toProblem(error)} />
      {!report ? (
        fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <KpiTable report={report} recordsOf={recordsRow?.figure ?? null} onToggleRecords={toggleRecords} />
          {recordsRow && input ? (
            <FigureRecords
              key={recordsRow.figure}
              input={input}
              row={recordsRow}
              periodLabel={report.period.label}
              csvHref={recordsCsvHref(choice, recordsRow.figure)}
              onClose={closeRecords}
            />
          ) : null}
          <Breakdowns report={report} />
          {report.series.length > 0 ? (
            <SeriesChart series={report.series} periodLabel={report.period.label} />
          ) : null}
        </>
      )}
    </Page>
  );
}

function Pickers({
  viewer,
  choice,
  onChange,
}: {
  viewer: Viewer;
  choice: ReportChoice;
  onChange: (choice: ReportChoice) => void;
}) {
  const t = useT();
  const admin = viewer.role === 'ADMIN';
  const [desksResult] = useQuery<{ desks: DeskRef[] }>({ query: PUBLIC_DESKS, pause: !admin });
  const [taxonomyResult] = useQuery<{ taxonomy: { id: string; kind: string; label: string }[] }>({
    query: TAXONOMY_CHOICES,
    variables: { includeInactive: false },
  });
  const set = (key: keyof ReportChoice) => (event: ChangeEvent<HTMLSelectElement | HTMLInputElement>) => {
    const value = event.target.value;
    const numeric = key === 'fiscalYear' || key === 'quarter';
    onChange({ ...choice, [key]: numeric ? Number(value) : value });
  };

  const currentYear = defaultChoice().fiscalYear;
  const years: SelectOption[] = Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - i).map(
    (year) => ({
      value: String(year),
      label: t('web-report-fiscal-year-option', { label: String(year) }),
    }),
  );
  const desks = admin ? (desksResult.data?.desks ?? []) : viewer.role === 'STAFF' ? viewer.desks : [];
  const domains = (taxonomyResult.data?.taxonomy ?? []).filter((term) => term.kind === 'DOMAIN');
  const outOfOrder = customOutOfOrder(choice);

  return (
    <section className="panel" aria-labelledby="report-pickers-heading">
      <h2 id="report-pickers-heading">{t('web-report-pickers-heading')}</h2>
      <ErrorSummary problem={toProblem(desksResult.error ?? taxonomyResult.error)} />
      <div className="form form-inline report-pickers" data-testid="report-pickers">
        <SelectField
          label={t('web-report-period-kind')}
          name="period"
          value={choice.kind}
          onChange={set('kind')}
          options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(KIND_LABELS[kind]) }))}
        />
        {choice.kind === 'FISCAL_YEAR' || choice.kind === 'QUARTER' ? (
          <SelectField
            label={t('web-report-fiscal-year')}
            name="fiscalYear"
            value={String(choice.fiscalYear)}
            onChange={set('fiscalYear')}
            options={years}
          />
        ) : null}
        {choice.kind === 'QUARTER' ? (
          <SelectField
            label={t('web-report-quarter')}
            name="quarter"
            value={String(choice.quarter)}
            onChange={set('quarter')}
            options={QUARTER_LABELS.map((id, i) => ({ value: String(i + 1), label: t(id) }))}
          />
        ) : null}
        {choice.kind === 'MONTH' ? (
          <TextField
            label={t('web-report-month')}
            name="month"
            type="month"
            value={choice.month}
            onChange={set('month')}
          />
        ) : null}
        {choice.kind === 'CUSTOM' ? (
          <>
            <TextField
              label={t('web-report-from')}
              name="from"
              type="date"
              value={choice.from}
              onChange={set('from')}
            />
            <TextField
              label={t('web-report-to')}
              name="to"
              type="date"
              value={choice.to}
              onChange={set('to')}
              errors={outOfOrder ? [t('web-report-custom-order')] : undefined}
            />
          </>
        ) : null}
        {admin || desks.length > 0 ? (
          <SelectField
            label={t('web-report-desk')}
            name="deskId"
            value={choice.deskId}
            onChange={set('deskId')}
            options={[
              { value: '', label: t(admin ? 'web-report-desk-all' : 'web-report-desk-all-mine') },
              ...desks.map((desk) => ({ value: desk.id, label: desk.name })),
            ]}
          />
        ) : null}
        <SelectField
          label={t('web-report-domain')}
          name="domainId"
          value={choice.domainId}
          onChange={set('domainId')}
          options={[
            { value: '', label: t('web-report-domain-all') },
            ...domains.map((term) => ({ value: term.id, label: term.label })),
          ]}
        />
      </div>
    </section>
  );
}

function KpiTable({
  report,
  recordsOf,
  onToggleRecords,
}: {
  report: KpiReport;
  /** The figure whose records are open below the table. */
  recordsOf: string | null;
  onToggleRecords: (figure: string) => void;
}) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="report-kpi-heading">
      <h2 id="report-kpi-heading">{t('web-report-kpi-heading')}</h2>
      <div className="table-wrap" role="region" aria-labelledby="report-kpi-heading" tabIndex={0}>
        <table className="table report-table" data-testid="report-kpi">
          <caption className="visually-hidden">{t('web-report-kpi-heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web-report-figure')}</th>
              <th scope="col" className="numeric" data-testid="report-period-label">
                {report.period.label}
              </th>
              <th scope="col" className="numeric" data-testid="report-previous-label">
                {report.previousPeriod.label}
              </th>
              <th scope="col">{t('web-report-records-column')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.figure} data-figure={row.figure}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{row.display}</td>
                <td className="numeric">{row.previousDisplay}</td>
                <td>
                  {row.value === null ? null : (
                    <button
                      type="button"
                      id={recordsOpenerId(row.figure)}
                      className="button button-small"
                      aria-label={t('web-report-records-open-for', { label: row.label })}
                      aria-expanded={recordsOf === row.figure}
                      aria-controls={recordsOf === row.figure ? RECORDS_ID : undefined}
                      onClick={() => onToggleRecords(row.figure)}
                    >
                      {t('web-report-records-open')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface BreakdownProps {
  id: string;
  heading: string;
  column: string;
  valueColumn: string;
  rows: { key: string; label: string; value: string }[];
}

function Breakdowns({ report }: { report: KpiReport }) {
  const t = useT();
  const tables: BreakdownProps[] = [
    {
      id: 'report-referrals',
      heading: t('web-report-breakdown-referrals'),
      column: t('web-report-breakdown-desk'),
      valueColumn: t('web-report-count'),
      rows: report.referralsByDesk.map((r) => ({ key: r.deskId, label: r.deskName, value: String(r.count) })),
    },
    {
      id: 'report-matches',
      heading: t('web-report-breakdown-matches'),
      column: t('web-report-outcome'),
      valueColumn: t('web-report-count'),
      rows: report.matchesByOutcome.map((m) => ({ key: m.outcome, label: m.label, value: String(m.count) })),
    },
    {
      id: 'report-disbursed',
      heading: t('web-report-breakdown-disbursed'),
      column: t('web-report-milestone'),
      valueColumn: t('web-report-amount'),
      rows: report.disbursedByMilestone.map((d) => ({
        key: String(d.position),
        label: t('web-report-milestone-position', { count: d.position }),
        value: d.display,
      })),
    },
  ].filter((table) => table.rows.length > 0);
  if (tables.length === 0) return null;
  return (
    <div className="report-breakdowns">
      {tables.map((table) => (
        <Breakdown key={table.id} {...table} />
      ))}
    </div>
  );
}

function Breakdown({ id, heading, column, valueColumn, rows }: BreakdownProps) {
  const headingId = `${id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <div className="table-wrap">
        <table className="table" data-testid={id}>
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="numeric">
                {valueColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
