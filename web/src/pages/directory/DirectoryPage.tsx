import { useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import {
  CheckboxGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { DIRECTORY_SEARCH, DIRECTORY_TERMS } from '../../graphql/operations';
import {
  DIRECTORY_KINDS,
  DIRECTORY_SORTS,
  SUPPORTER_TYPES,
  type DirectoryFacets,
  type DirectoryHit,
  type DirectoryKind,
  type DirectorySearchResult,
  type DirectorySort,
  type DirectoryTagList,
  type TermOption,
  type Viewer,
} from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocale } from '../../i18n/locale';
import {
  DIRECTORY_CONTEXT,
  isDirectoryStaff,
  ownDirectoryKind,
  useMyDirectoryEntry,
} from '../../session/useMyDirectoryEntries';
import { useViewer } from '../../session/ViewerProvider';
import {
  DEFAULT_DIRECTORY_PARAMS,
  directorySearchInput,
  hasDirectoryFilters,
  pageWindow,
  readDirectoryParams,
  writeDirectoryParams,
  type DirectoryParams,
} from './directoryParams';
import { entryDetail, Highlighted, OpenBadge, TermBadges } from './DirectoryParts';
import { nameSnippet, summarySnippet } from './highlights';

const SORT_LABELS: Record<DirectorySort, string> = {
  RELEVANCE: 'web-directory-sort-relevance',
  NAME: 'web-directory-sort-name',
  RECENTLY_UPDATED: 'web-directory-sort-recently-updated',
  CLOSING_SOON: 'web-directory-sort-closing-soon',
};

/** The taxonomy filters, in the order the sidebar shows them. */
const TAG_FILTERS: readonly { list: DirectoryTagList; legend: string }[] = [
  { list: 'domains', legend: 'web-directory-domains' },
  { list: 'stages', legend: 'web-directory-stages' },
  { list: 'topics', legend: 'web-directory-topics' },
  { list: 'languages', legend: 'web-directory-languages' },
  { list: 'regions', legend: 'web-directory-regions' },
  { list: 'services', legend: 'web-directory-services' },
];

/** The yes-or-no filters, as values of one group of checkboxes. */
type Toggle = 'overseasOnly' | 'certifiedOnly' | 'openOnly';
type StaffToggle = 'includeInactive' | 'explain';

/** The directory of advisors, supporter organisations, VCs and support programmes, searched by the URL. */
export function DirectoryPage() {
  const t = useT();
  const viewer = useViewer();
  const [search, setSearch] = useSearchParams();
  const params = readDirectoryParams(search);
  const staff = isDirectoryStaff(viewer);
  const [{ data, fetching, error }] = useQuery<{ directorySearch: DirectorySearchResult }>({
    query: DIRECTORY_SEARCH,
    variables: { input: directorySearchInput(params, staff) },
    context: DIRECTORY_CONTEXT,
  });
  const [{ data: termData }] = useQuery<{ taxonomy: TermOption[] }>({ query: DIRECTORY_TERMS });
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  if (!viewer) return null;
  const update = (next: DirectoryParams) => setSearch(writeDirectoryParams(next));
  // Whatever narrows or widens the search starts again from the first page.
  const refine = (next: DirectoryParams) => update({ ...next, page: 1 });
  const result = data?.directorySearch ?? null;

  return (
    <Page
      title={t('web-directory-title')}
      lead={<p>{t('web-directory-lead')}</p>}
      actions={staff ? <AddEntryLinks /> : null}
    >
      <OwnEntryPrompt viewer={viewer} />
      <SearchForm key={search.toString()} params={params} onApply={refine} />
      <KindChips
        selected={params.kinds}
        facets={result?.facets ?? null}
        onChange={(kinds) => refine({ ...params, kinds })}
      />
      <div className="directory-layout">
        <DirectoryFilters
          params={params}
          facets={result?.facets ?? null}
          terms={termData?.taxonomy ?? []}
          staff={staff}
          onChange={refine}
        />
        <section
          className="directory-results"
          aria-labelledby="directory-results-heading"
          aria-busy={fetching || undefined}
          data-testid="directory-results"
        >
          <div className="directory-results-header">
            <h2 id="directory-results-heading" ref={resultsHeading} tabIndex={-1}>
              {t('web-directory-results-heading')}
            </h2>
            {result ? (
              <p className="directory-total" role="status" data-testid="directory-total">
                {t('web-directory-total', { count: result.totalCount })}
              </p>
            ) : null}
            <SelectField
              label={t('web-directory-sort')}
              name="sort"
              value={params.sort}
              onChange={(e) => refine({ ...params, sort: e.target.value as DirectorySort })}
              options={DIRECTORY_SORTS.map((sort) => ({ value: sort, label: t(SORT_LABELS[sort]) }))}
            />
          </div>
          <ErrorSummary problem={toProblem(error)} />
          {fetching && !result ? <Loading /> : null}
          {result ? (
            <Results
              result={result}
              params={params}
              explain={staff && params.explain}
              onPage={() => requestAnimationFrame(() => resultsHeading.current?.focus())}
            />
          ) : null}
        </section>
      </div>
    </Page>
  );
}

/** For staff and admins: add an entry of any kind. */
function AddEntryLinks() {
  const t = useT();
  return (
    <details className="add-entry">
      <summary className="button button-primary">{t('web-directory-add')}</summary>
      <ul className="link-list" data-testid="add-entry-kinds">
        {DIRECTORY_KINDS.map((kind) => (
          <li key={kind}>
            <Link to={`/directory/new?kind=${kind}`}>{t(enumMessageId('directory-kind', kind))}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Advisors, supporter and VC members without an entry of their own are invited to add it. */
function OwnEntryPrompt({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const own = useMyDirectoryEntry(viewer);
  const kind = ownDirectoryKind(viewer.role);
  if (own !== null || kind === null) return null;
  return (
    <section className="panel" aria-labelledby="directory-own-heading" data-testid="own-entry-prompt">
      <h2 id="directory-own-heading">
        {t(
          kind === 'ADVISOR' ? 'web-directory-own-advisor-heading' : 'web-directory-own-organisation-heading',
        )}
      </h2>
      <p>
        {t(kind === 'ADVISOR' ? 'web-directory-own-advisor-lead' : 'web-directory-own-organisation-lead')}
      </p>
      <div className="button-row">
        <Link className="button button-primary" to={`/directory/new?kind=${kind}`}>
          {t('web-directory-own-create')}
        </Link>
      </div>
    </section>
  );
}

/** The free-text search; the URL keeps it. */
function SearchForm({
  params,
  onApply,
}: {
  params: DirectoryParams;
  onApply: (params: DirectoryParams) => void;
}) {
  const t = useT();
  const [text, setText] = useState(params.text);
  return (
    <Form
      onSubmit={() => onApply({ ...params, text: text.trim() })}
      problem={null}
      className="form form-inline directory-search"
      testId="directory-search"
    >
      <TextField
        label={t('web-directory-search')}
        name="q"
        type="search"
        hint={t('web-directory-search-hint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="button-row">
        <SubmitButton>{t('web-directory-search-submit')}</SubmitButton>
        {hasDirectoryFilters(params) ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              onApply({
                ...DEFAULT_DIRECTORY_PARAMS,
                sort: params.sort,
                includeInactive: params.includeInactive,
                explain: params.explain,
              })
            }
          >
            {t('web-directory-clear')}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

/** One button per kind, with how many matches are of that kind, and one for every kind. */
function KindChips({
  selected,
  facets,
  onChange,
}: {
  selected: readonly DirectoryKind[];
  facets: DirectoryFacets | null;
  onChange: (kinds: DirectoryKind[]) => void;
}) {
  const t = useT();
  const count = (kind: DirectoryKind) => facets?.kinds.find((k) => k.kind === kind)?.count;
  return (
    <div className="chips" role="group" aria-label={t('web-directory-kinds')} data-testid="kind-chips">
      <button
        type="button"
        className="chip"
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
      >
        {t('web-directory-all-kinds')}
      </button>
      {DIRECTORY_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="chip"
          aria-pressed={selected.includes(kind)}
          data-kind={kind}
          // The selection with this kind added or taken out, in the kinds' own order.
          onClick={() => onChange(DIRECTORY_KINDS.filter((k) => (k === kind) !== selected.includes(k)))}
        >
          {t(enumMessageId('directory-kind', kind))}
          {count(kind) !== undefined ? <span className="chip-count">{count(kind)}</span> : null}
        </button>
      ))}
    </div>
  );
}

/** A facet value's label with how many matches have it. */
function Counted({ label, count }: { label: ReactNode; count: number | undefined }) {
  return (
    <>
      {label}
      {count !== undefined ? <span className="chip-count">{count}</span> : null}
    </>
  );
}

/**
 * Filters by taxonomy terms, supporter types and yes-or-no conditions, each value with its
 * count among the matches. Values chosen stay on show even when nothing matches them.
 */
function DirectoryFilters({
  params,
  facets,
  terms,
  staff,
  onChange,
}: {
  params: DirectoryParams;
  facets: DirectoryFacets | null;
  terms: readonly TermOption[];
  staff: boolean;
  onChange: (params: DirectoryParams) => void;
}) {
  const t = useT();
  const label = (code: string) => terms.find((term) => term.code === code)?.label ?? code;
  const toggles: Toggle[] = ['overseasOnly', 'certifiedOnly', 'openOnly'];
  const staffToggles: StaffToggle[] = ['includeInactive', 'explain'];
  const supporterTypes = facets?.supporterTypes ?? [];
  const chosenTypes = params.supporterTypes.filter((s) => !supporterTypes.some((f) => f.supporterType === s));

  return (
    <aside
      className="directory-filters"
      aria-labelledby="directory-filters-heading"
      data-testid="directory-filters"
    >
      <h2 id="directory-filters-heading">{t('web-directory-filters-heading')}</h2>
      <CheckboxGroup
        legend={t('web-directory-conditions')}
        selected={toggles.filter((toggle) => params[toggle])}
        onChange={(values) =>
          onChange({ ...params, ...Object.fromEntries(toggles.map((tg) => [tg, values.includes(tg)])) })
        }
        options={[
          {
            value: 'overseasOnly',
            label: <Counted label={t('web-directory-overseas-only')} count={facets?.overseas} />,
          },
          {
            value: 'certifiedOnly',
            label: <Counted label={t('web-directory-certified-only')} count={facets?.certified} />,
          },
          { value: 'openOnly', label: t('web-directory-open-only') },
        ]}
        stacked
        testId="filter-conditions"
      />
      {TAG_FILTERS.map(({ list, legend }) => {
        const counted = facets?.[list] ?? [];
        const options = [
          ...counted.map(({ term, count }) => ({
            value: term.code,
            label: <Counted label={term.label} count={count} />,
          })),
          ...params[list]
            .filter((code) => !counted.some(({ term }) => term.code === code))
            .map((code) => ({ value: code, label: <Counted label={label(code)} count={0} /> })),
        ];
        if (options.length === 0) return null;
        return (
          <CheckboxGroup
            key={list}
            legend={t(legend)}
            selected={params[list]}
            onChange={(codes) => onChange({ ...params, [list]: codes })}
            options={options}
            stacked
            testId={`filter-${list}`}
          />
        );
      })}
      {supporterTypes.length || chosenTypes.length ? (
        <CheckboxGroup
          legend={t('web-directory-supporter-types')}
          selected={params.supporterTypes}
          onChange={(values) =>
            onChange({ ...params, supporterTypes: SUPPORTER_TYPES.filter((s) => values.includes(s)) })
          }
          options={[
            ...supporterTypes.map((s) => ({
              value: s.supporterType,
              label: <Counted label={s.label} count={s.count} />,
            })),
            ...chosenTypes.map((s) => ({
              value: s,
              label: <Counted label={t(enumMessageId('supporter-type', s))} count={0} />,
            })),
          ]}
          stacked
          testId="filter-supporter-types"
        />
      ) : null}
      {staff ? (
        <CheckboxGroup
          legend={t('web-directory-staff-options')}
          selected={staffToggles.filter((toggle) => params[toggle])}
          onChange={(values) =>
            onChange({
              ...params,
              ...Object.fromEntries(staffToggles.map((tg) => [tg, values.includes(tg)])),
            })
          }
          options={[
            { value: 'includeInactive', label: t('web-directory-show-inactive') },
            { value: 'explain', label: t('web-directory-explain') },
          ]}
          stacked
          testId="filter-staff"
        />
      ) : null}
    </aside>
  );
}

function Results({
  result,
  params,
  explain,
  onPage,
}: {
  result: DirectorySearchResult;
  params: DirectoryParams;
  explain: boolean;
  onPage: () => void;
}) {
  const t = useT();
  if (result.hits.length === 0) {
    return (
      <div className="empty-state" role="status" data-testid="directory-empty">
        {result.totalCount > 0 ? (
          <p>
            {t('web-directory-page-empty')}{' '}
            <Link to={`?${writeDirectoryParams({ ...params, page: 1 }).toString()}`}>
              {t('web-directory-first-page')}
            </Link>
          </p>
        ) : (
          <p>{t(hasDirectoryFilters(params) ? 'web-directory-empty-filtered' : 'web-directory-empty')}</p>
        )}
      </div>
    );
  }
  return (
    <>
      <ol className="directory-hits" data-testid="directory-hits">
        {result.hits.map((hit) => (
          <HitItem key={hit.entry.id} hit={hit} explain={explain} />
        ))}
      </ol>
      <Pager params={params} page={result.page} pageCount={result.pageCount} onPage={onPage} />
    </>
  );
}

/** One match: what it is, its name and summary with the matched words marked, and its main tags. */
function HitItem({ hit, explain }: { hit: DirectoryHit; explain: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { entry } = hit;
  const detail = entryDetail(entry, t, locale);
  return (
    <li className="directory-hit" data-testid="directory-hit" data-kind={entry.kind}>
      <p className="directory-hit-badges">
        <span className="badge badge-info">{entry.kindLabel}</span>
        {entry.vc?.certified ? <span className="badge badge-ok">{t('web-directory-certified')}</span> : null}
        {entry.overseas ? <span className="badge badge-muted">{t('web-directory-overseas')}</span> : null}
        {entry.programme ? <OpenBadge openNow={entry.programme.openNow} /> : null}
        {entry.active ? null : <span className="badge badge-warn">{t('web-directory-hidden')}</span>}
      </p>
      <h3 className="directory-hit-name">
        <Link to={`/directory/${encodeURIComponent(entry.id)}`}>
          <Highlighted snippet={nameSnippet(entry, hit.highlights, locale)} />
        </Link>
      </h3>
      {detail ? <p className="directory-hit-detail muted">{detail}</p> : null}
      <p className="directory-hit-summary" data-testid="hit-summary">
        <Highlighted snippet={summarySnippet(entry, hit.highlights, locale)} />
      </p>
      <TermBadges terms={[...entry.domains, ...entry.services, ...entry.topics]} />
      {explain ? <Explanation hit={hit} /> : null}
    </li>
  );
}

/** For staff tuning the search: the hit's score and the engine's account of it. */
function Explanation({ hit }: { hit: DirectoryHit }) {
  const t = useT();
  const { locale } = useLocale();
  const score =
    hit.score === null
      ? t('web-directory-score-none')
      : t('web-directory-score', {
          score: new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 }).format(hit.score),
        });
  return (
    <details className="directory-explain" data-testid="hit-explanation">
      <summary>{score}</summary>
      {hit.explanation ? (
        <pre className="directory-explain-json">{prettyJson(hit.explanation)}</pre>
      ) : (
        <p className="muted">{t('web-directory-explanation-none')}</p>
      )}
    </details>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Links to the pages of the results; the URL keeps the page. */
function Pager({
  params,
  page,
  pageCount,
  onPage,
}: {
  params: DirectoryParams;
  page: number;
  pageCount: number;
  onPage: () => void;
}) {
  const t = useT();
  if (pageCount <= 1) return null;
  const to = (n: number) => `?${writeDirectoryParams({ ...params, page: n }).toString()}`;
  return (
    <nav
      className="pagination directory-pager"
      aria-label={t('web-pagination-label')}
      data-testid="directory-pager"
    >
      <p className="muted">{t('web-directory-page-of', { page, count: pageCount })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <Link className="button button-small" to={to(page - 1)} onClick={onPage} rel="prev">
              {t('web-pagination-previous')}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="muted">
              {t('web-directory-snippet-ellipsis')}
            </li>
          ) : (
            <li key={n}>
              <Link
                className="button button-small"
                to={to(n)}
                onClick={onPage}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('web-directory-page-link', { page: n })}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link className="button button-small" to={to(page + 1)} onClick={onPage} rel="next">
              {t('web-pagination-next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
