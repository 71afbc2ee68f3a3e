/**
 * A directory search as the URL's search parameters, so that a search can be bookmarked,
 * shared and restored with the browser's back button.
 *
 * `?q=薬事&kind=advisor,vc&domain=medical_devices_samd&type=bank&certified=1&open=1&sort=name&page=2`
 *
 * Reading is forgiving (unknown values are dropped); writing leaves out defaults, so the
 * plain directory is `/directory`.
 */

import {
  DIRECTORY_KINDS,
  DIRECTORY_SORTS,
  SUPPORTER_TYPES,
  type DirectoryKind,
  type DirectorySearchInput,
  type DirectorySort,
  type DirectoryTagList,
  type SupporterType,
} from '../../graphql/types';

export const DIRECTORY_PAGE_SIZE = 20;

export interface DirectoryParams extends Record<DirectoryTagList, string[]> {
  /** Free text, in English or Japanese. */
  text: string;
  /** Empty: every kind. */
  kinds: DirectoryKind[];
  supporterTypes: SupporterType[];
  /** Only entries based outside Japan. */
  overseasOnly: boolean;
  /** Only AMED-certified VCs. */
  certifiedOnly: boolean;
  /** Leave out programmes not taking applications today. */
  openOnly: boolean;
  /** Staff and admins: inactive entries too. */
  includeInactive: boolean;
  /** Staff and admins: each hit's score and its explanation. */
  explain: boolean;
  sort: DirectorySort;
  /** From 1. */
  page: number;
}

export const DEFAULT_DIRECTORY_PARAMS: DirectoryParams = {
  text: '',
  kinds: [],
  domains: [],
  stages: [],
  topics: [],
  languages: [],
  regions: [],
  services: [],
  supporterTypes: [],
  overseasOnly: false,
  certifiedOnly: false,
  openOnly: false,
  includeInactive: false,
  explain: false,
  sort: 'RELEVANCE',
  page: 1,
};

/** The URL parameter of each taxonomy list. */
const TAG_PARAMS: Record<DirectoryTagList, string> = {
  domains: 'domain',
  stages: 'stage',
  topics: 'topic',
  languages: 'language',
  regions: 'region',
  services: 'service',
};

const TAG_LISTS = Object.keys(TAG_PARAMS) as DirectoryTagList[];

/** `CLOSING_SOON` ↔ `closing_soon`. */
function toParam(value: string): string {
  return value.toLowerCase();
}

/** The allowed values named in a comma-separated parameter, in the order of `allowed`. */
function enumList<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  const named = new Set((value ?? '').split(',').map((v) => v.trim().toUpperCase()));
  return allowed.filter((a) => named.has(a));
}

/** Taxonomy codes of a comma-separated parameter, each once, in the order given. */
function codeList(value: string | null): string[] {
  const codes = (value ?? '')
    .split(',')
    .map((code) => code.trim().toLowerCase())
    .filter((code) => /^[a-z0-9_]+$/.test(code));
  return [...new Set(codes)];
}

export function readDirectoryParams(search: URLSearchParams): DirectoryParams {
  const tags = Object.fromEntries(
    TAG_LISTS.map((list) => [list, codeList(search.get(TAG_PARAMS[list]))]),
  ) as Record<DirectoryTagList, string[]>;
  const sort = search.get('sort')?.trim().toUpperCase() as DirectorySort | undefined;
  const page = Number(search.get('page'));
  return {
    ...tags,
    text: search.get('q')?.trim() ?? '',
    kinds: enumList(search.get('kind'), DIRECTORY_KINDS),
    supporterTypes: enumList(search.get('type'), SUPPORTER_TYPES),
    overseasOnly: search.get('overseas') === '1',
    certifiedOnly: search.get('certified') === '1',
    openOnly: search.get('open') === '1',
    includeInactive: search.get('inactive') === '1',
    explain: search.get('explain') === '1',
    sort: sort && DIRECTORY_SORTS.includes(sort) ? sort : DEFAULT_DIRECTORY_PARAMS.sort,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function writeDirectoryParams(params: DirectoryParams): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string) => {
    if (value !== '') search.set(key, value);
  };
  const flag = (key: string, value: boolean) => {
    if (value) search.set(key, '1');
  };
  set('q', params.text.trim());
  set(
    'kind',
    DIRECTORY_KINDS.filter((k) => params.kinds.includes(k))
      .map(toParam)
      .join(','),
  );
  for (const list of TAG_LISTS) set(TAG_PARAMS[list], params[list].join(','));
  set(
    'type',
    SUPPORTER_TYPES.filter((s) => params.supporterTypes.includes(s))
      .map(toParam)
      .join(','),
  );
  flag('overseas', params.overseasOnly);
  flag('certified', params.certifiedOnly);
  flag('open', params.openOnly);
  flag('inactive', params.includeInactive);
  flag('explain', params.explain);
  if (params.sort !== DEFAULT_DIRECTORY_PARAMS.sort) search.set('sort', toParam(params.sort));
  if (params.page > 1) search.set('page', String(params.page));
  return search;
}

/**
 * The API's input for these parameters. Options for staff are left out for others, who
 * would only be refused.
 */
export function directorySearchInput(params: DirectoryParams, staff: boolean): DirectorySearchInput {
  return {
    text: params.text.trim() || null,
    kinds: params.kinds,
    domains: params.domains,
    stages: params.stages,
    topics: params.topics,
    languages: params.languages,
    regions: params.regions,
    services: params.services,
    supporterTypes: params.supporterTypes,
    overseas: params.overseasOnly ? true : null,
    certified: params.certifiedOnly ? true : null,
    openProgrammesOnly: params.openOnly,
    includeInactive: staff && params.includeInactive,
    explain: staff && params.explain,
    sort: params.sort,
    page: params.page,
    pageSize: DIRECTORY_PAGE_SIZE,
  };
}

/** Whether anything narrows the search (text, kinds, tags or toggles); the sort and the page do not. */
export function hasDirectoryFilters(params: DirectoryParams): boolean {
  return (
    params.text.trim() !== '' ||
    params.kinds.length > 0 ||
    params.supporterTypes.length > 0 ||
    TAG_LISTS.some((list) => params[list].length > 0) ||
    params.overseasOnly ||
    params.certifiedOnly ||
    params.openOnly
  );
}

/**
 * The page numbers a pager shows: the first, the last, and those around the current
 * page, with null where numbers are left out.
 */
export function pageWindow(page: number, pageCount: number, around = 2): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n += 1) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= around) pages.push(n);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}
