import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../graphql/types';
import { draftFromEntry, draftProblems, emptyDraft, entryInput, parseWholeNumber } from './entryDraft';

const MESSAGES = { required: 'required', capacity: 'capacity', yen: 'yen' };

const term = (code: string) => ({ id: `t-${code}`, code, label: code.toUpperCase() });

const vcEntry: DirectoryEntry = {
  id: 'e151',
  kind: 'VC',
  kindLabel: 'VC',
  name: 'あおぞらバイオベンチャーズ',
  nameEn: 'Aozora Bio Ventures',
  nameJa: 'あおぞらバイオベンチャーズ',
  summary: '認定VCです。',
  summaryEn: 'A certified VC.',
  summaryJa: '認定VCです。',
  overseas: false,
  contactEmail: 'partners@aozora-bio.example',
  website: null,
  active: true,
  version: 3,
  updatedAt: '2026-11-23T18:12:55Z',
  canEdit: true,
  domains: [term('bio_regenerative')],
  stages: [term('non_clinical'), term('clinical')],
  topics: [],
  languages: [term('ja')],
  regions: [],
  services: [],
  advisor: null,
  supporter: null,
  vc: {
    organisation: { id: 'o4', name: 'あおぞらバイオベンチャーズ' },
    certified: true,
    ticketMinYen: 100000000,
    ticketMaxYen: 3000000000,
    ticketRange: '100,000,000円～3,000,000,000円',
    portfolio: [{ id: 'o5', name: '株式会社ツムギセル' }],
  },
  programme: null,
};

describe('draftFromEntry and entryInput', () => {
  it('give back everything of a VC entry, with its organisation and portfolio', () => {
    expect(entryInput(draftFromEntry(vcEntry))).toEqual({
      nameEn: 'Aozora Bio Ventures',
      nameJa: 'あおぞらバイオベンチャーズ',
      summaryEn: 'A certified VC.',
      summaryJa: '認定VCです。',
      domains: ['bio_regenerative'],
      stages: ['non_clinical', 'clinical'],
      topics: [],
      languages: ['ja'],
      regions: [],
      services: [],
      overseas: false,
      contactEmail: 'partners@aozora-bio.example',
      website: null,
      advisor: null,
      supporter: null,
      vc: {
        organisationId: 'o4',
        certified: true,
        ticketMinYen: 100000000,
        ticketMaxYen: 3000000000,
        portfolioOrganisationIds: ['o5'],
      },
      programme: null,
    });
  });

  it('send an advisor with their account, capacity and conflicts', () => {
    const entry: DirectoryEntry = {
      ...vcEntry,
      kind: 'ADVISOR',
      vc: null,
      advisor: {
        person: { id: 'u5', displayName: '山本 直樹' },
        affiliation: 'MEDISO',
        affiliationEn: 'MEDISO',
        affiliationJa: null,
        capacity: 6,
        conflicts: [{ id: 'o9', name: '株式会社ツムギセル' }],
      },
    };
    const draft = draftFromEntry(entry);
    expect(entryInput({ ...draft, advisor: { ...draft.advisor, capacity: '７' } }).advisor).toEqual({
      userId: 'u5',
      affiliationEn: 'MEDISO',
      affiliationJa: '',
      capacity: 7,
      conflictOrganisationIds: ['o9'],
    });
  });

  it('send services for supporter organisations only', () => {
    const draft = { ...emptyDraft('PROGRAMME'), services: ['loans'] };
    expect(entryInput(draft).services).toEqual([]);
    const supporter = { ...emptyDraft('SUPPORTER'), services: ['loans'] };
    expect(entryInput(supporter).services).toEqual(['loans']);
  });

  it('send a programme with its dates, empty ones as none', () => {
    const draft = emptyDraft('PROGRAMME');
    const input = entryInput({
      ...draft,
      programme: { ...draft.programme, body: 'MUNICIPAL', bodyNameEn: ' Kobe ', opensOn: '2026-04-01' },
    });
    expect(input.programme).toEqual({
      body: 'MUNICIPAL',
      bodyNameEn: 'Kobe',
      bodyNameJa: '',
      eligibilityEn: '',
      eligibilityJa: '',
      opensOn: '2026-04-01',
      closesOn: null,
    });
    expect(input.advisor).toBeNull();
    expect(input.vc).toBeNull();
  });
});

describe('emptyDraft', () => {
  it('starts an own entry with the viewer account or organisation', () => {
    expect(emptyDraft('ADVISOR', { userId: 'u1', name: 'Emily Carter' })).toMatchObject({
      nameEn: 'Emily Carter',
      nameJa: 'Emily Carter',
      advisor: { userId: 'u1' },
    });
    expect(emptyDraft('SUPPORTER', { organisationId: 'o3' }).supporter.organisationId).toBe('o3');
  });
});

describe('parseWholeNumber', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['100000000', 100000000],
    ['100,000,000', 100000000],
    ['¥30,000,000', 30000000],
    ['３０００万', undefined],
    ['５０００円', 5000],
    ['1.5', undefined],
    ['-3', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseWholeNumber(text)).toBe(expected);
  });
});

describe('draftProblems', () => {
  it('finds empty required fields of every entry and of its kind', () => {
    const fields = draftProblems(emptyDraft('PROGRAMME'), MESSAGES).map((p) => p.field);
    expect(fields).toEqual([
      'nameEn',
      'nameJa',
      'summaryEn',
      'summaryJa',
      'programme.body',
      'programme.bodyNameEn',
      'programme.bodyNameJa',
    ]);
  });

  it('asks advisors for a capacity and VCs for readable amounts', () => {
    const advisor = { ...emptyDraft('ADVISOR', { userId: 'u1', name: 'x' }), summaryEn: 'a', summaryJa: 'b' };
    expect(draftProblems(advisor, MESSAGES)).toEqual([
      { field: 'advisor.capacity', code: 'REQUIRED', message: 'required' },
    ]);
    const vc = draftFromEntry(vcEntry);
    expect(draftProblems({ ...vc, vc: { ...vc.vc, ticketMinYen: 'many' } }, MESSAGES)).toEqual([
      { field: 'vc.ticketMinYen', code: 'INVALID', message: 'yen' },
    ]);
    expect(draftProblems({ ...vc, vc: { ...vc.vc, ticketMinYen: '' } }, MESSAGES)).toEqual([]);
    const unreadable = { ...advisor, advisor: { ...advisor.advisor, capacity: 'six' } };
    expect(draftProblems(unreadable, MESSAGES)).toEqual([
      { field: 'advisor.capacity', code: 'INVALID', message: 'capacity' },
    ]);
  });
});
