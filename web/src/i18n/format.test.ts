import { describe, expect, it } from 'vitest';
import { enumMessageId, formatCalendarDate, formatDate } from './format';

describe('formatCalendarDate', () => {
  it('shows the same day in both languages', () => {
    expect(formatCalendarDate('2026-11-26', 'ja')).toBe('2026/11/26');
    expect(formatCalendarDate('2026-11-26', 'en')).toBe('26 Nov 2026');
  });

  it('returns what is not a date unchanged', () => {
    expect(formatCalendarDate('soon', 'en')).toBe('soon');
    expect(formatCalendarDate(null, 'en')).toBe('');
  });
});

describe('formatDate', () => {
  it('shows the day of a timestamp', () => {
    expect(formatDate('2026-11-26T12:00:00Z', 'en')).toMatch(/Nov 2026$/);
    expect(formatDate('not a time', 'ja')).toBe('not a time');
  });
});

describe('enumMessageId', () => {
  it('builds ids of enum labels', () => {
    expect(enumMessageId('consultation-action', 'WAIT_FOR_REQUESTER')).toBe(
      'consultation-action-wait-for-requester',
    );
  });
});
