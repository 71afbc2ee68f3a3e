import { describe, expect, it } from 'vitest';
import {
  csvHref,
  defaultChoice,
  fiscalQuarterOf,
  fiscalYearOf,
  periodInput,
  recordsCsvHref,
} from './reportParams';

describe('report pickers', () => {
  it('use the Japanese fiscal year, April to March', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalQuarterOf('2026-04-01')).toBe(1);
    expect(fiscalQuarterOf('2026-09-30')).toBe(2);
    expect(fiscalQuarterOf('2026-12-04')).toBe(3);
    expect(fiscalQuarterOf('2027-01-15')).toBe(4);
  });

  it('default to the current fiscal year', () => {
    const choice = defaultChoice('2027-02-10');
    expect(periodInput(choice)).toEqual({ kind: 'FISCAL_YEAR', fiscalYear: 2026 });
    expect(choice.quarter).toBe(4);
    expect(choice.from).toBe('2026-04-01');
  });

  it('build the CSV link from the pickers', () => {
    const choice = { ...defaultChoice('2026-12-04'), kind: 'QUARTER' as const, deskId: 'd1' };
    expect(csvHref(choice)).toBe('/reports/kpi.csv?period=quarter&fiscalYear=2026&quarter=3&deskId=d1');
    const month = { ...defaultChoice('2026-12-04'), kind: 'MONTH' as const };
    expect(csvHref(month)).toBe('/reports/kpi.csv?period=month&year=2026&month=12');
  });

  it('build the records CSV link from the pickers and the figure', () => {
    const choice = { ...defaultChoice('2026-12-04'), domainId: 't7' };
    expect(recordsCsvHref(choice, 'FROM_OVERSEAS')).toBe(
      '/reports/records.csv?period=fiscal_year&fiscalYear=2026&domainId=t7&figure=from_overseas',
    );
    const backwards = { ...choice, kind: 'CUSTOM' as const, from: '2026-12-01', to: '2026-11-01' };
    expect(recordsCsvHref(backwards, 'REFERRALS')).toBeNull();
  });

  it('wait for custom dates in order', () => {
    const choice = {
      ...defaultChoice('2026-12-04'),
      kind: 'CUSTOM' as const,
      from: '2026-12-01',
      to: '2026-11-01',
    };
    expect(periodInput(choice)).toBeNull();
    expect(csvHref({ ...choice, to: '2026-12-31' })).toBe(
      '/reports/kpi.csv?period=custom&from=2026-12-01&to=2026-12-31',
    );
  });
});
