import { describe, expect, it } from 'vitest';
import {
  EMPTY_OUTCOME,
  japanDate,
  japanDateOf,
  outcomeChoices,
  outcomeInput,
  outcomeProblems,
  pastDateProblems,
  sharedLines,
} from './introductionForms';

const MESSAGES = { required: 'required', future: 'future', tooEarly: 'early', yen: 'yen' };

describe('japanDate', () => {
  it('is the day in Japan, whatever the reader’s time zone', () => {
    expect(japanDate(new Date('2026-12-04T14:59:59Z'))).toBe('2026-12-04');
    expect(japanDate(new Date('2026-12-04T15:00:00Z'))).toBe('2026-12-05');
    expect(japanDateOf('2026-12-31T20:00:00+00:00')).toBe('2027-01-01');
    expect(japanDateOf(null)).toBeNull();
    expect(japanDateOf('not a date')).toBeNull();
  });
});

describe('pastDateProblems', () => {
  it('wants a date between the earliest day and today', () => {
    expect(pastDateProblems('heldOn', '2026-12-04', '2026-12-04', '2026-12-01', MESSAGES)).toEqual([]);
    expect(pastDateProblems('heldOn', '', '2026-12-04', null, MESSAGES)[0]?.message).toBe('required');
    expect(pastDateProblems('heldOn', '2026-12-05', '2026-12-04', null, MESSAGES)[0]?.message).toBe('future');
    expect(pastDateProblems('heldOn', '2026-11-30', '2026-12-04', '2026-12-01', MESSAGES)[0]?.message).toBe(
      'early',
    );
  });
});

describe('outcomes', () => {
  const today = '2026-12-04';

  it('offer a match or no match as the steps allow', () => {
    expect(outcomeChoices(['RECORD_MATCH', 'RECORD_NO_MATCH'])).toEqual(['yes', 'no']);
    expect(outcomeChoices(['RECORD_MEETING', 'RECORD_NO_MATCH'])).toEqual(['no']);
    expect(outcomeChoices(['SEND'])).toEqual([]);
  });

  it('need a type for a match, who adopted for an adoption, and the investment’s details', () => {
    const fields = (draft: Partial<typeof EMPTY_OUTCOME>) =>
      outcomeProblems({ ...EMPTY_OUTCOME, ...draft }, today, MESSAGES).map((p) => p.field);
    expect(fields({})).toEqual(['matched']);
    expect(fields({ matched: 'no' })).toEqual([]);
    expect(fields({ matched: 'yes' })).toEqual(['type']);
    expect(fields({ matched: 'yes', type: 'PROOF_OF_CONCEPT' })).toEqual([]);
    expect(fields({ matched: 'yes', type: 'ADOPTION' })).toEqual(['adopter']);
    expect(fields({ matched: 'yes', type: 'INVESTMENT' })).toEqual([
      'investment.amountYen',
      'investment.round',
      'investment.investedOn',
    ]);
    expect(
      fields({ matched: 'yes', type: 'INVESTMENT', amountYen: '0', round: 'SEED', investedOn: '2026-12-05' }),
    ).toEqual(['investment.amountYen', 'investment.investedOn']);
  });

  it('send only the details of the chosen type', () => {
    expect(
      outcomeInput({
        ...EMPTY_OUTCOME,
        matched: 'yes',
        type: 'INVESTMENT',
        adopter: 'HOSPITAL',
        amountYen: '５０,０００,０００円',
        round: 'SERIES_A',
        investedOn: '2026-12-01',
        note: ' signed ',
      }),
    ).toEqual({
      matched: true,
      type: 'INVESTMENT',
      adopter: null,
      investment: { amountYen: 50_000_000, round: 'SERIES_A', investedOn: '2026-12-01' },
      note: 'signed',
    });
    expect(outcomeInput({ ...EMPTY_OUTCOME, matched: 'no', type: 'ADOPTION', adopter: 'INSURER' })).toEqual({
      matched: false,
      type: null,
      adopter: null,
      investment: null,
      note: '',
    });
  });
});

describe('sharedLines', () => {
  it('lists only what was shared, in the intake form’s order', () => {
    expect(sharedLines(null)).toEqual([]);
    const lines = sharedLines({
      organisationName: null,
      title: 'AI ECG triage',
      description: null,
      domain: null,
      stage: 'Launched',
      topics: [],
      contactName: 'Sato',
      contactEmail: 'sato@example.jp',
    });
    expect(lines.map((line) => line.field)).toEqual(['TITLE', 'STAGE', 'TOPICS', 'CONTACT']);
    expect(lines[3]).toEqual({ field: 'CONTACT', name: 'Sato', email: 'sato@example.jp' });
  });
});
