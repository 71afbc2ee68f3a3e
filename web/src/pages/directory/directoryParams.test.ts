import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIRECTORY_PARAMS,
  DIRECTORY_PAGE_SIZE,
  directorySearchInput,
  hasDirectoryFilters,
  pageWindow,
  readDirectoryParams,
  writeDirectoryParams,
  type DirectoryParams,
} from './directoryParams';

const read = (query: string) => readDirectoryParams(new URLSearchParams(query));

describe('readDirectoryParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(read('')).toEqual(DEFAULT_DIRECTORY_PARAMS);
  });

  it('reads every parameter', () => {
    expect(
      read(
        'q=%20%E8%96%AC%E4%BA%8B%20&kind=vc,advisor&domain=medical_devices_samd,care_tech&stage=clinical' +
          '&topic=regulatory&language=en&region=kanto&service=loans&type=bank,cro&overseas=1&certified=1' +
          '&open=1&inactive=1&explain=1&sort=closing_soon&page=3',
      ),
    ).toEqual({
      text: '薬事',
      kinds: ['ADVISOR', 'VC'],
      domains: ['medical_devices_samd', 'care_tech'],
      stages: ['clinical'],
      topics: ['regulatory'],
      languages: ['en'],
      regions: ['kanto'],
      services: ['loans'],
      supporterTypes: ['BANK', 'CRO'],
      overseasOnly: true,
      certifiedOnly: true,
      openOnly: true,
      includeInactive: true,
      explain: true,
      sort: 'CLOSING_SOON',
      page: 3,
    } satisfies DirectoryParams);
  });

  it('drops values it does not know', () => {
    expect(
      read('kind=vc,person,VC&type=shop&domain=a-b,%3Cx%3E,ok&overseas=yes&sort=random&page=-2'),
    ).toEqual({ ...DEFAULT_DIRECTORY_PARAMS, kinds: ['VC'], domains: ['ok'] });
    expect(read('page=1.5').page).toBe(1);
    expect(read('page=abc').page).toBe(1);
  });

  it('keeps each code once', () => {
    expect(read('region=kanto,KANTO,%20kanto').regions).toEqual(['kanto']);
  });

  it('treats blank values as absent', () => {
    expect(read('q=%20%20&kind=&domain=&page=')).toEqual(DEFAULT_DIRECTORY_PARAMS);
  });
});

describe('writeDirectoryParams', () => {
  it('leaves out defaults', () => {
    expect(writeDirectoryParams(DEFAULT_DIRECTORY_PARAMS).toString()).toBe('');
  });

  it('writes kinds and supporter types in their own order, lower case', () => {
    const search = writeDirectoryParams({
      ...DEFAULT_DIRECTORY_PARAMS,
      kinds: ['PROGRAMME', 'ADVISOR'],
      supporterTypes: ['OTHER', 'TRADING_HOUSE'],
    });
    expect(search.get('kind')).toBe('advisor,programme');
    expect(search.get('type')).toBe('trading_house,other');
  });

  it('round-trips through the URL', () => {
    const params: DirectoryParams = {
      text: 'regulatory affairs 薬事',
      kinds: ['SUPPORTER'],
      domains: ['bio_regenerative'],
      stages: [],
      topics: ['regulatory', 'funding'],
      languages: ['ja'],
      regions: ['kinki', 'asia'],
      services: ['regulatory_consulting'],
      supporterTypes: ['CONSULTANCY'],
      overseasOnly: false,
      certifiedOnly: false,
      openOnly: true,
      includeInactive: false,
      explain: true,
      sort: 'NAME',
      page: 2,
    };
    const url = `/directory?${writeDirectoryParams(params).toString()}`;
    expect(readDirectoryParams(new URL(url, 'http://localhost').searchParams)).toEqual(params);
  });
});

describe('directorySearchInput', () => {
  it('asks for every kind and the first page by default', () => {
    expect(directorySearchInput(DEFAULT_DIRECTORY_PARAMS, false)).toEqual({
      text: null,
      kinds: [],
      domains: [],
      stages: [],
      topics: [],
      languages: [],
      regions: [],
      services: [],
      supporterTypes: [],
      overseas: null,
      certified: null,
      openProgrammesOnly: false,
      includeInactive: false,
      explain: false,
      sort: 'RELEVANCE',
      page: 1,
      pageSize: DIRECTORY_PAGE_SIZE,
    });
  });

  it('turns toggles into filters and trims the text', () => {
    expect(
      directorySearchInput(
        {
          ...DEFAULT_DIRECTORY_PARAMS,
          text: '  ai ',
          overseasOnly: true,
          certifiedOnly: true,
          openOnly: true,
        },
        false,
      ),
    ).toMatchObject({ text: 'ai', overseas: true, certified: true, openProgrammesOnly: true });
  });

  it('asks for inactive entries and explanations for staff only', () => {
    const params = { ...DEFAULT_DIRECTORY_PARAMS, includeInactive: true, explain: true };
    expect(directorySearchInput(params, true)).toMatchObject({ includeInactive: true, explain: true });
    expect(directorySearchInput(params, false)).toMatchObject({ includeInactive: false, explain: false });
  });
});

describe('hasDirectoryFilters', () => {
  it('ignores the sort, the page and the staff options', () => {
    expect(
      hasDirectoryFilters({
        ...DEFAULT_DIRECTORY_PARAMS,
        sort: 'NAME',
        page: 4,
        includeInactive: true,
        explain: true,
      }),
    ).toBe(false);
    expect(hasDirectoryFilters({ ...DEFAULT_DIRECTORY_PARAMS, regions: ['kanto'] })).toBe(true);
    expect(hasDirectoryFilters({ ...DEFAULT_DIRECTORY_PARAMS, text: '薬事' })).toBe(true);
  });
});

describe('pageWindow', () => {
  it('lists every page of a short result', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves out pages far from the current one', () => {
    expect(pageWindow(10, 21)).toEqual([1, null, 8, 9, 10, 11, 12, null, 21]);
    expect(pageWindow(1, 21)).toEqual([1, 2, 3, null, 21]);
    expect(pageWindow(21, 21)).toEqual([1, null, 19, 20, 21]);
  });

  it('is empty without pages', () => {
    expect(pageWindow(1, 0)).toEqual([]);
  });
});
