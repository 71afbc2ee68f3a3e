import { useT } from '../../i18n/LocaleProvider';
import type { MonthPoint } from './reportOperations';

type SeriesKey = 'consultations' | 'introductions' | 'matches';
const SERIES: readonly { key: SeriesKey; label: string }[] = [
  { key: 'consultations', label: 'web-report-series-consultations' },
  { key: 'introductions', label: 'web-report-series-introductions' },
  { key: 'matches', label: 'web-report-series-matches' },
];

const BAR = 14;
const GAP = 4;
const GROUP = SERIES.length * BAR + (SERIES.length - 1) * GAP + 20;
const PLOT = 160;
const TOP = 16;
const AXIS = 32;

/**
 * Consultations, introductions and matches month by month, as grouped bars drawn in SVG, with
 * the same numbers in a table for those who do not see the chart.
 */
export function SeriesChart({ series, periodLabel }: { series: MonthPoint[]; periodLabel: string }) {
  const t = useT();
  const max = Math.max(1, ...series.flatMap((point) => SERIES.map((s) => point[s.key])));
  const width = series.length * GROUP;
  const height = TOP + PLOT + AXIS;
  const heightOf = (value: number) => (value / max) * PLOT;

  return (
    <section className="panel" aria-labelledby="report-chart-heading">
      <h2 id="report-chart-heading">{t('web-report-chart-heading')}</h2>
      <ul className="report-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className={`report-swatch report-series-${s.key}`} />
            {t(s.label)}
          </li>
        ))}
      </ul>
      <div className="report-chart">
        <svg
          role="img"
          aria-label={t('web-report-chart-label', { label: periodLabel })}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          data-testid="report-chart"
        >
          <line className="report-axis" x1={0} x2={width} y1={TOP + PLOT} y2={TOP + PLOT} />
          {series.map((point, i) => (
            <g key={point.first} transform={`translate(${i * GROUP + 10}, 0)`}>
              {SERIES.map((s, j) => {
                const value = point[s.key];
                const h = heightOf(value);
                const x = j * (BAR + GAP);
                return (
                  <g key={s.key}>
                    <rect
                      className={`report-series-${s.key}`}
                      x={x}
                      y={TOP + PLOT - h}
                      width={BAR}
                      height={h}
                    />
                    {value > 0 ? (
                      <text
                        className="report-bar-value"
                        x={x + BAR / 2}
                        y={TOP + PLOT - h - 3}
                        textAnchor="middle"
                      >
                        {value}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <text
                className="report-month-label"
                x={(GROUP - 20) / 2}
                y={TOP + PLOT + 18}
                textAnchor="middle"
              >
                {point.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <details className="report-chart-table">
        <summary>{t('web-report-chart-table')}</summary>
        <div className="table-wrap">
          <table className="table" data-testid="report-series">
            <caption>{t('web-report-chart-heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web-report-month-column')}</th>
                {SERIES.map((s) => (
                  <th key={s.key} scope="col" className="numeric">
                    {t(s.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((point) => (
                <tr key={point.first}>
                  <th scope="row">{point.label}</th>
                  {SERIES.map((s) => (
                    <td key={s.key} className="numeric">
                      {point[s.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
