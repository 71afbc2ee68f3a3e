import { describe, expect, it } from 'vitest';
import {
  applicationInput,
  applicationProblems,
  awardDraftFrom,
  awardInput,
  awardProblems,
  emptyProgrammeDraft,
  fiscalYearOf,
  formatYen,
  itemErrors,
  moveItem,
  parseDecimal,
  parseLinks,
  plannedTotal,
  programmeInput,
  programmeProblems,
  type ApplicationDraft,
} from './grantForms';

const MESSAGES = {
  required: 'required',
  yen: 'yen',
  milestones: 'milestones',
  order: 'order',
  fiscalYear: 'fiscalYear',
  ratio: 'ratio',
  weight: 'weight',
  criteria: 'criteria',
};

const milestone = (key: string, dueOn: string, trancheYen: string) => ({
  key,
  title: `goal ${key}`,
  successCriteria: `criteria ${key}`,
  dueOn,
  trancheYen,
});

describe('formatYen', () => {
  it('writes yen as each language does', () => {
    expect(formatYen(150_000_000, 'ja')).toBe('150,000,000円');
    expect(formatYen(150_000_000, 'en')).toBe('¥150,000,000');
    expect(formatYen(0, 'ja')).toBe('0円');
  });
});

describe('parseDecimal', () => {
  it('reads ratios as typed, full-width digits included', () => {
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal(' 2 ')).toBe(2);
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('２．５')).toBe(2.5);
    expect(parseDecimal('two')).toBeUndefined();
    expect(parseDecimal('-1')).toBeUndefined();
  });
});

describe('fiscalYearOf', () => {
  it('counts the Japanese fiscal year from April', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2026-12-04')).toBe(2026);
  });
});

describe('itemErrors', () => {
  it('finds the messages of one input of one item, however the server writes the index', () => {
    const fields = [
      { field: 'milestones.1.dueOn', code: 'GRANT_DUE_DATE_PAST', message: 'past' },
      { field: 'input.milestones[1].dueOn', code: 'GRANT_DUE_DATE_PAST', message: 'past' },
      { field: 'milestones.0.dueOn', code: 'REQUIRED', message: 'required' },
      { field: 'milestones', code: 'GRANT_CEILING_EXCEEDED', message: 'ceiling' },
    ];
    expect(itemErrors(fields, 'milestones', 1, 'dueOn')).toEqual(['past']);
    expect(itemErrors(fields, 'milestones', 0, 'dueOn')).toEqual(['required']);
    expect(itemErrors(fields, 'milestones', 0, 'title')).toBeUndefined();
    expect(itemErrors(undefined, 'milestones', 0, 'title')).toBeUndefined();
  });
});

describe('moveItem', () => {
  it('moves one place, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('parseLinks', () => {
  it('takes one link per line', () => {
    expect(parseLinks(' https://a.example/1 \n\nhttps://b.example/2\r\n')).toEqual([
      'https://a.example/1',
      'https://b.example/2',
    ]);
  });
});

describe('applications', () => {
  const draft: ApplicationDraft = {
    theme: 'AI_SAMD',
    title: ' Remote monitoring ',
    summary: 'Summary',
    milestones: [
      milestone('a', '2027-01-31', '50,000,000'),
      milestone('b', '2027-08-31', '７０，０００，０００'),
    ],
  };

  it('totals the tranches that can be read', () => {
    expect(plannedTotal(draft.milestones)).toBe(120_000_000);
    expect(plannedTotal([milestone('a', '', 'many'), milestone('b', '', '10')])).toBe(10);
  });

  it('finds nothing wrong in a complete plan, and sends it in order', () => {
    expect(applicationProblems(draft, MESSAGES)).toEqual([]);
    expect(applicationInput('p1', draft, null)).toEqual({
      programmeId: 'p1',
      id: null,
      version: null,
      theme: 'AI_SAMD',
      title: 'Remote monitoring',
      summary: 'Summary',
      milestones: [
        { title: 'goal a', successCriteria: 'criteria a', dueOn: '2027-01-31', trancheYen: 50_000_000 },
        { title: 'goal b', successCriteria: 'criteria b', dueOn: '2027-08-31', trancheYen: 70_000_000 },
      ],
    });
    expect(applicationInput('p1', draft, { id: 'a1', version: 3 })).toMatchObject({ id: 'a1', version: 3 });
  });

  it('names the item of each problem, as the server does', () => {
    const wrong: ApplicationDraft = {
      theme: '',
      title: '',
      summary: 'Summary',
      milestones: [milestone('a', '2027-08-31', '0'), milestone('b', '2027-01-31', '')],
    };
    expect(applicationProblems(wrong, MESSAGES).map((p) => `${p.field}:${p.message}`)).toEqual([
      'theme:required',
      'title:required',
      'milestones.0.trancheYen:yen',
      'milestones.1.dueOn:order',
      'milestones.1.trancheYen:required',
    ]);
    expect(applicationProblems({ ...draft, milestones: [] }, MESSAGES)).toEqual([
      { field: 'milestones', code: 'REQUIRED', message: 'milestones' },
    ]);
  });
});

describe('programmes', () => {
  it('starts a new programme in the fiscal year of today, open for all of it', () => {
    const draft = emptyProgrammeDraft('d1', '2027-02-10');
    expect(draft).toMatchObject({
      deskId: 'd1',
      fiscalYear: '2026',
      opensOn: '2026-04-01',
      closesOn: '2027-03-31',
    });
    expect(draft.criteria).toHaveLength(1);
  });

  it('checks the money, the ratio and the criteria', () => {
    const draft = {
      ...emptyProgrammeDraft('d1', '2026-12-04'),
      nameEn: 'Healthtech Challenge',
      nameJa: 'ヘルステック・チャレンジ',
      themes: ['AI_SAMD' as const],
      budgetYen: '3,000,000,000',
      awardCeilingYen: '300,000,000',
      matchRatio: '20',
    };
    draft.criteria = [{ key: 'c', nameEn: 'Need', nameJa: 'ニーズ', weight: '101' }];
    expect(programmeProblems(draft, MESSAGES).map((p) => p.field)).toEqual([
      'matchRatio',
      'criteria.0.weight',
    ]);
    draft.matchRatio = '2.0';
    draft.criteria = [{ key: 'c', nameEn: 'Need', nameJa: 'ニーズ', weight: '30' }];
    expect(programmeProblems(draft, MESSAGES)).toEqual([]);
    expect(programmeInput(draft)).toMatchObject({
      fiscalYear: 2026,
      budgetYen: 3_000_000_000,
      awardCeilingYen: 300_000_000,
      matchRatio: 2,
      criteria: [{ nameEn: 'Need', nameJa: 'ニーズ', weight: 30 }],
    });
    expect(programmeInput({ ...draft, matchRatio: '' }).matchRatio).toBeNull();
  });
});

describe('awards', () => {
  const application = {
    requestedYen: 120_000_000,
    milestones: [
      { id: 'm1', trancheYen: 50_000_000 },
      { id: 'm2', trancheYen: 70_000_000 },
    ],
  } as Parameters<typeof awardDraftFrom>[0];

  it('starts from the plan and sends every milestone once, in order', () => {
    const draft = awardDraftFrom(application);
    expect(draft).toEqual({
      amountYen: '120,000,000',
      tranches: { m1: '50,000,000', m2: '70,000,000' },
      note: '',
    });
    expect(awardProblems(draft, ['m1', 'm2'], MESSAGES)).toEqual([]);
    expect(awardInput({ ...draft, note: ' ok ' }, ['m1', 'm2'])).toEqual({
      amountYen: 120_000_000,
      tranches: [
        { milestoneId: 'm1', trancheYen: 50_000_000 },
        { milestoneId: 'm2', trancheYen: 70_000_000 },
      ],
      note: 'ok',
    });
    expect(
      awardProblems({ ...draft, tranches: { m1: '', m2: '1.5' } }, ['m1', 'm2'], MESSAGES).map(
        (p) => p.field,
      ),
    ).toEqual(['tranches.0.trancheYen', 'tranches.1.trancheYen']);
  });
});
