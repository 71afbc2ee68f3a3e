//! The directory in GraphQL: entries with the details of their kind, the search with facets
//! and highlights, and the edits.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::EntityTrait;

use super::{
    DirectoryKind, ProgrammeBody, SupporterType, Tie,
    service::{
        self, AdvisorInput, EntryInput, Occasion, ProgrammeInput, SearchInput, SupporterInput,
        VcInput,
    },
};
use crate::{
    accounts::graphql::Organisation,
    auth::Role,
    calendar::japan_date,
    consultations::graphql::Person,
    db,
    entity::{directory_entries, taxonomy_terms},
    error::ApiError,
    graphql::{
        ContextExt,
        loaders::{
            OrganisationByIdLoader, TermByIdLoader, TermsByEntryLoader, TiesByEntryLoader,
            UserByIdLoader,
        },
        scalars::Yen,
    },
    i18n::Locale,
    ids::{DirectoryEntryId, OrganisationId, UserId},
    labels::Labelled,
    search::{HighlightField, SortOrder, indexer},
    taxonomy::{TaxonomyKind, graphql::TaxonomyTerm},
};

fn label<T: Labelled>(ctx: &Context<'_>, value: T) -> Result<String, ApiError> {
    Ok(value.label(&ctx.app()?.i18n, ctx.locale()))
}

fn localised<'a>(ctx: &Context<'_>, en: &'a str, ja: &'a str) -> &'a str {
    ctx.locale().pick(en, ja)
}

fn may_see_private(ctx: &Context<'_>, entry: &directory_entries::Model) -> Result<bool> {
    Ok(service::sees_private_details(ctx.actor()?.viewer()?, entry))
}

/// One entry of the supporter directory: an advisor, a supporter organisation, a VC or a
/// support programme. The details of its kind are in the field named after the kind.
pub struct DirectoryEntry(pub directory_entries::Model);

impl DirectoryEntry {
    async fn terms(&self, ctx: &Context<'_>, kind: TaxonomyKind) -> Result<Vec<TaxonomyTerm>> {
        let ids = ctx
            .loader::<TermsByEntryLoader>()?
            .load_one(DirectoryEntryId(self.0.id))
            .await
            .map_err(ApiError::internal)?
            .unwrap_or_default();
        let terms = ctx
            .loader::<TermByIdLoader>()?
            .load_many(ids.iter().copied())
            .await
            .map_err(ApiError::internal)?;
        let mut found: Vec<taxonomy_terms::Model> = ids
            .iter()
            .filter_map(|id| terms.get(id))
            .filter(|term| term.kind == kind.as_db())
            .cloned()
            .collect();
        found.sort_by_key(|term| (term.position, term.id));
        Ok(found.into_iter().map(TaxonomyTerm).collect())
    }

    async fn tied(&self, ctx: &Context<'_>, tie: Tie) -> Result<Vec<Organisation>> {
        let ties = ctx
            .loader::<TiesByEntryLoader>()?
            .load_one(DirectoryEntryId(self.0.id))
            .await
            .map_err(ApiError::internal)?
            .unwrap_or_default();
        let ids: Vec<OrganisationId> = ties
            .iter()
            .filter(|(_, relation)| relation == tie.as_db())
            .map(|(id, _)| OrganisationId(*id))
            .collect();
        let found = ctx
            .loader::<OrganisationByIdLoader>()?
            .load_many(ids.iter().copied())
            .await
            .map_err(ApiError::internal)?;
        let mut organisations: Vec<Organisation> = ids
            .iter()
            .filter_map(|id| found.get(id).cloned().map(Organisation))
            .collect();
        organisations.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        Ok(organisations)
    }

    async fn organisation(&self, ctx: &Context<'_>) -> Result<Option<Organisation>> {
        let Some(id) = self.0.organisation_id else {
            return Ok(None);
        };
        Ok(ctx
            .loader::<OrganisationByIdLoader>()?
            .load_one(OrganisationId(id))
            .await
            .map_err(ApiError::internal)?
            .map(Organisation))
    }

    fn kind_is(&self, kind: DirectoryKind) -> bool {
        self.0.kind == kind.as_db()
    }
}

#[Object]
impl DirectoryEntry {
    async fn id(&self) -> ID {
        DirectoryEntryId(self.0.id).to_public()
    }

    async fn kind(&self) -> Result<DirectoryKind> {
        Ok(DirectoryKind::from_db(&self.0.kind).map_err(ApiError::from)?)
    }

    async fn kind_label(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(label(
            ctx,
            DirectoryKind::from_db(&self.0.kind).map_err(ApiError::from)?,
        )?)
    }

    /// The name in the reader's language.
    async fn name(&self, ctx: &Context<'_>) -> String {
        localised(ctx, &self.0.name_en, &self.0.name_ja).to_owned()
    }

    async fn name_en(&self) -> &str {
        &self.0.name_en
    }

    async fn name_ja(&self) -> &str {
        &self.0.name_ja
    }

    /// Bio, description or programme summary, in the reader's language.
    async fn summary(&self, ctx: &Context<'_>) -> String {
        localised(ctx, &self.0.summary_en, &self.0.summary_ja).to_owned()
    }

    async fn summary_en(&self) -> &str {
        &self.0.summary_en
    }

    async fn summary_ja(&self) -> &str {
        &self.0.summary_ja
    }

    async fn domains(&self, ctx: &Context<'_>) -> Result<Vec<TaxonomyTerm>> {
        self.terms(ctx, TaxonomyKind::Domain).await
    }

    async fn stages(&self, ctx: &Context<'_>) -> Result<Vec<TaxonomyTerm>> {
        self.terms(ctx, TaxonomyKind::Stage).await
    }

    async fn topics(&self, ctx: &Context<'_>) -> Result<Vec<TaxonomyTerm>> {
        self.terms(ctx, TaxonomyKind::Topic).await
    }

    async fn languages(&self, ctx: &Context<'_>) -> Result<Vec<TaxonomyTerm>> {
        self.terms(ctx, TaxonomyKind::Language).await
    }

    async fn regions(&self, ctx: &Context<'_>) -> Result<Vec<TaxonomyTerm>> {
        self.terms(ctx, TaxonomyKind::Region).await
    }

    /// What a supporter organisation offers.
    async fn services(&self, ctx: &Context<'_>) -> Result<Vec<TaxonomyTerm>> {
        self.terms(ctx, TaxonomyKind::Service).await
    }

    /// Based outside Japan.
    async fn overseas(&self) -> bool {
        self.0.overseas
    }

    async fn contact_email(&self) -> Option<&str> {
        self.0.contact_email.as_deref()
    }

    /// The web page; for a programme, where to apply.
    async fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
    }

    /// Inactive entries are left out of searches and shown only to those who may edit them.
    async fn active(&self) -> bool {
        self.0.active
    }

    /// Give it back with an edit.
    async fn version(&self) -> i32 {
        self.0.version
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// Whether the reader may edit this entry.
    async fn can_edit(&self, ctx: &Context<'_>) -> Result<bool> {
        Ok(service::can_edit(ctx.actor()?.viewer()?, &self.0))
    }

    async fn advisor(&self) -> Option<AdvisorDetails<'_>> {
        self.kind_is(DirectoryKind::Advisor)
            .then_some(AdvisorDetails(&self.0))
    }

    async fn supporter(&self) -> Option<SupporterDetails<'_>> {
        self.kind_is(DirectoryKind::Supporter)
            .then_some(SupporterDetails(self))
    }

    async fn vc(&self) -> Option<VcDetails<'_>> {
        self.kind_is(DirectoryKind::Vc).then_some(VcDetails(self))
    }

    async fn programme(&self) -> Option<ProgrammeDetails<'_>> {
        self.kind_is(DirectoryKind::Programme)
            .then_some(ProgrammeDetails(&self.0))
    }
}

/// An advisor's profile.
pub struct AdvisorDetails<'a>(&'a directory_entries::Model);

#[Object]
impl AdvisorDetails<'_> {
    /// The advisor's account.
    async fn person(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        let Some(id) = self.0.user_id else {
            return Ok(None);
        };
        Ok(ctx
            .loader::<UserByIdLoader>()?
            .load_one(UserId(id))
            .await
            .map_err(ApiError::internal)?
            .map(Person))
    }

    async fn affiliation(&self, ctx: &Context<'_>) -> String {
        localised(
            ctx,
            self.0.affiliation_en.as_deref().unwrap_or_default(),
            self.0.affiliation_ja.as_deref().unwrap_or_default(),
        )
        .to_owned()
    }

    async fn affiliation_en(&self) -> Option<&str> {
        self.0.affiliation_en.as_deref()
    }

    async fn affiliation_ja(&self) -> Option<&str> {
        self.0.affiliation_ja.as_deref()
    }

    /// Open cases at once. Shown to desk staff, admins and the advisor.
    async fn capacity(&self, ctx: &Context<'_>) -> Result<Option<i32>> {
        Ok(may_see_private(ctx, self.0)?
            .then_some(self.0.capacity)
            .flatten())
    }

    /// Declared conflicts of interest. Shown to desk staff, admins and the advisor.
    async fn conflicts(&self, ctx: &Context<'_>) -> Result<Option<Vec<Organisation>>> {
        if !may_see_private(ctx, self.0)? {
            return Ok(None);
        }
        Ok(Some(
            DirectoryEntry(self.0.clone())
                .tied(ctx, Tie::Conflict)
                .await?,
        ))
    }
}

/// A supporter organisation (サポーター団体).
pub struct SupporterDetails<'a>(&'a DirectoryEntry);

#[Object]
impl SupporterDetails<'_> {
    async fn organisation(&self, ctx: &Context<'_>) -> Result<Option<Organisation>> {
        self.0.organisation(ctx).await
    }

    async fn supporter_type(&self) -> Result<Option<SupporterType>> {
        Ok(self
            .0
            .0
            .supporter_type
            .as_deref()
            .map(SupporterType::from_db)
            .transpose()
            .map_err(ApiError::from)?)
    }

    async fn supporter_type_label(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        let Some(kind) = self.0.0.supporter_type.as_deref() else {
            return Ok(None);
        };
        Ok(Some(label(
            ctx,
            SupporterType::from_db(kind).map_err(ApiError::from)?,
        )?))
    }
}

/// A venture capital investor.
pub struct VcDetails<'a>(&'a DirectoryEntry);

#[Object]
impl VcDetails<'_> {
    async fn organisation(&self, ctx: &Context<'_>) -> Result<Option<Organisation>> {
        self.0.organisation(ctx).await
    }

    /// AMED-certified VC (認定VC).
    async fn certified(&self) -> bool {
        self.0.0.certified
    }

    async fn ticket_min_yen(&self) -> Option<Yen> {
        self.0.0.ticket_min_yen.map(Yen)
    }

    async fn ticket_max_yen(&self) -> Option<Yen> {
        self.0.0.ticket_max_yen.map(Yen)
    }

    /// The ticket size range as the reader's language writes yen, e.g. "¥30,000,000 –
    /// ¥500,000,000" or "30,000,000円～500,000,000円".
    async fn ticket_range(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        let locale = ctx.locale();
        let format = ctx.app()?.i18n.formatter(locale);
        let dash = match locale {
            Locale::En => " – ",
            Locale::Ja => "～",
        };
        Ok(match (self.0.0.ticket_min_yen, self.0.0.ticket_max_yen) {
            (None, None) => None,
            (min, max) => Some(format!(
                "{}{dash}{}",
                min.map(|yen| format.yen(yen)).unwrap_or_default(),
                max.map(|yen| format.yen(yen)).unwrap_or_default()
            )),
        })
    }

    /// Companies the VC has invested in.
    async fn portfolio(&self, ctx: &Context<'_>) -> Result<Vec<Organisation>> {
        self.0.tied(ctx, Tie::Portfolio).await
    }
}

/// A support programme (支援施策).
pub struct ProgrammeDetails<'a>(&'a directory_entries::Model);

#[Object]
impl ProgrammeDetails<'_> {
    async fn body(&self) -> Result<Option<ProgrammeBody>> {
        Ok(self
            .0
            .programme_body
            .as_deref()
            .map(ProgrammeBody::from_db)
            .transpose()
            .map_err(ApiError::from)?)
    }

    async fn body_label(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        let Some(body) = self.0.programme_body.as_deref() else {
            return Ok(None);
        };
        Ok(Some(label(
            ctx,
            ProgrammeBody::from_db(body).map_err(ApiError::from)?,
        )?))
    }

    /// The implementing body's name in the reader's language.
    async fn body_name(&self, ctx: &Context<'_>) -> String {
        localised(
            ctx,
            self.0.body_name_en.as_deref().unwrap_or_default(),
            self.0.body_name_ja.as_deref().unwrap_or_default(),
        )
        .to_owned()
    }

    async fn body_name_en(&self) -> Option<&str> {
        self.0.body_name_en.as_deref()
    }

    async fn body_name_ja(&self) -> Option<&str> {
        self.0.body_name_ja.as_deref()
    }

    async fn eligibility(&self, ctx: &Context<'_>) -> String {
        localised(
            ctx,
            self.0.eligibility_en.as_deref().unwrap_or_default(),
            self.0.eligibility_ja.as_deref().unwrap_or_default(),
        )
        .to_owned()
    }

    async fn eligibility_en(&self) -> Option<&str> {
        self.0.eligibility_en.as_deref()
    }

    async fn eligibility_ja(&self) -> Option<&str> {
        self.0.eligibility_ja.as_deref()
    }

    /// First day applications are taken; none if always open.
    async fn opens_on(&self) -> Option<NaiveDate> {
        self.0.opens_on
    }

    /// Last day applications are taken; none if there is no deadline.
    async fn closes_on(&self) -> Option<NaiveDate> {
        self.0.closes_on
    }

    /// Whether applications are taken today (Japan time).
    async fn open_now(&self) -> bool {
        let today = japan_date(db::now());
        self.0.opens_on.is_none_or(|opens| opens <= today)
            && self.0.closes_on.is_none_or(|closes| today <= closes)
    }
}

/// Orders of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Default)]
pub enum DirectorySort {
    /// Best match first; without search text, by name.
    #[default]
    Relevance,
    Name,
    RecentlyUpdated,
    /// Programmes whose application window closes first.
    ClosingSoon,
}

impl From<DirectorySort> for SortOrder {
    fn from(sort: DirectorySort) -> SortOrder {
        match sort {
            DirectorySort::Relevance => SortOrder::Relevance,
            DirectorySort::Name => SortOrder::Name,
            DirectorySort::RecentlyUpdated => SortOrder::RecentlyUpdated,
            DirectorySort::ClosingSoon => SortOrder::ClosingSoon,
        }
    }
}

#[derive(InputObject)]
pub struct DirectorySearchInput {
    /// Free text in English or Japanese.
    pub text: Option<String>,
    /// Any of these kinds; all kinds when empty.
    #[graphql(default)]
    pub kinds: Vec<DirectoryKind>,
    /// Taxonomy codes. Within one list any may match; every list given must match.
    #[graphql(default)]
    pub domains: Vec<String>,
    #[graphql(default)]
    pub stages: Vec<String>,
    #[graphql(default)]
    pub topics: Vec<String>,
    #[graphql(default)]
    pub languages: Vec<String>,
    #[graphql(default)]
    pub regions: Vec<String>,
    #[graphql(default)]
    pub services: Vec<String>,
    #[graphql(default)]
    pub supporter_types: Vec<SupporterType>,
    /// Only entries based outside Japan (true) or in Japan (false).
    pub overseas: Option<bool>,
    /// Only certified VCs (true) or entries that are not (false).
    pub certified: Option<bool>,
    /// Leave out support programmes not taking applications today.
    #[graphql(default)]
    pub open_programmes_only: bool,
    /// Staff and admins only.
    #[graphql(default)]
    pub include_inactive: bool,
    #[graphql(default)]
    pub sort: DirectorySort,
    /// From 1.
    #[graphql(default = 1)]
    pub page: i32,
    /// At most 50.
    #[graphql(default = 20)]
    pub page_size: i32,
    /// Add each hit's ranking explanation. Staff and admins only.
    #[graphql(default)]
    pub explain: bool,
}

impl Default for DirectorySearchInput {
    /// Everything, first page, by relevance.
    fn default() -> Self {
        DirectorySearchInput {
            text: None,
            kinds: Vec::new(),
            domains: Vec::new(),
            stages: Vec::new(),
            topics: Vec::new(),
            languages: Vec::new(),
            regions: Vec::new(),
            services: Vec::new(),
            supporter_types: Vec::new(),
            overseas: None,
            certified: None,
            open_programmes_only: false,
            include_inactive: false,
            sort: DirectorySort::Relevance,
            page: 1,
            page_size: 20,
            explain: false,
        }
    }
}

/// A piece of highlighted text.
#[derive(SimpleObject)]
pub struct TextSegment {
    pub text: String,
    /// A matched word.
    pub highlighted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum HighlightedField {
    Name,
    Summary,
}

/// A field of a hit, or an extract of it, with the matched words marked.
#[derive(SimpleObject)]
pub struct Highlight {
    pub field: HighlightedField,
    pub locale: Locale,
    pub segments: Vec<TextSegment>,
}

/// One search result.
#[derive(SimpleObject)]
pub struct DirectoryHit {
    pub entry: DirectoryEntry,
    pub highlights: Vec<Highlight>,
    /// How well it matched: 0–1 with Meilisearch, a BM25 score with the embedded engine;
    /// none without search text.
    pub score: Option<f64>,
    /// The engine's account of the score, as JSON. Only when asked for, for staff.
    pub explanation: Option<String>,
}

#[derive(SimpleObject)]
pub struct KindCount {
    pub kind: DirectoryKind,
    pub label: String,
    pub count: i32,
}

#[derive(SimpleObject)]
pub struct TermCount {
    pub term: TaxonomyTerm,
    pub count: i32,
}

#[derive(SimpleObject)]
pub struct SupporterTypeCount {
    pub supporter_type: SupporterType,
    pub label: String,
    pub count: i32,
}

/// How many of all the matches (not only this page) have each value.
#[derive(SimpleObject)]
pub struct DirectoryFacets {
    pub kinds: Vec<KindCount>,
    pub domains: Vec<TermCount>,
    pub stages: Vec<TermCount>,
    pub topics: Vec<TermCount>,
    pub languages: Vec<TermCount>,
    pub regions: Vec<TermCount>,
    pub services: Vec<TermCount>,
    pub supporter_types: Vec<SupporterTypeCount>,
    /// Matches based outside Japan.
    pub overseas: i32,
    /// Matches that are certified VCs.
    pub certified: i32,
}

#[derive(SimpleObject)]
pub struct DirectorySearchResult {
    pub total_count: i32,
    pub page: i32,
    pub page_size: i32,
    pub page_count: i32,
    pub hits: Vec<DirectoryHit>,
    pub facets: DirectoryFacets,
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn facets(
    ctx: &Context<'_>,
    counts: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
    terms: &[taxonomy_terms::Model],
) -> Result<DirectoryFacets> {
    let empty = std::collections::BTreeMap::new();
    let of = |facet: &str| counts.get(facet).unwrap_or(&empty);
    let term_counts = |facet: &str, kind: TaxonomyKind| -> Vec<TermCount> {
        let values = of(facet);
        terms
            .iter()
            .filter(|term| term.kind == kind.as_db())
            .filter_map(|term| {
                values.get(&term.code).map(|n| TermCount {
                    term: TaxonomyTerm(term.clone()),
                    count: count(*n),
                })
            })
            .collect()
    };
    let mut kinds = Vec::new();
    for kind in DirectoryKind::ALL {
        if let Some(n) = of("kind").get(kind.as_db()) {
            kinds.push(KindCount {
                kind: *kind,
                label: label(ctx, *kind)?,
                count: count(*n),
            });
        }
    }
    let mut supporter_types = Vec::new();
    for kind in SupporterType::ALL {
        if let Some(n) = of("supporter_type").get(kind.as_db()) {
            supporter_types.push(SupporterTypeCount {
                supporter_type: *kind,
                label: label(ctx, *kind)?,
                count: count(*n),
            });
        }
    }
    Ok(DirectoryFacets {
        kinds,
        domains: term_counts("domains", TaxonomyKind::Domain),
        stages: term_counts("stages", TaxonomyKind::Stage),
        topics: term_counts("topics", TaxonomyKind::Topic),
        languages: term_counts("languages", TaxonomyKind::Language),
        regions: term_counts("regions", TaxonomyKind::Region),
        services: term_counts("services", TaxonomyKind::Service),
        supporter_types,
        overseas: count(of("overseas").get("true").copied().unwrap_or_default()),
        certified: count(of("certified").get("true").copied().unwrap_or_default()),
    })
}

#[derive(Default)]
pub struct DirectoryQuery;

#[Object]
impl DirectoryQuery {
    /// One entry. Inactive entries only for those who may edit them.
    async fn directory_entry(&self, ctx: &Context<'_>, id: ID) -> Result<DirectoryEntry> {
        let id = DirectoryEntryId::from_public(&id)?;
        Ok(DirectoryEntry(
            service::get(ctx.app()?, ctx.actor()?, id).await?,
        ))
    }

    /// The entries the reader edits as their own: an advisor's profile, a supporter's or
    /// VC's organisation entry.
    async fn my_directory_entries(&self, ctx: &Context<'_>) -> Result<Vec<DirectoryEntry>> {
        let entries = service::mine(ctx.app()?, ctx.actor()?).await?;
        Ok(entries.into_iter().map(DirectoryEntry).collect())
    }

    /// Searches advisors, supporter organisations, VCs and support programmes. Any
    /// signed-in user may search; consultations are never in this index.
    #[graphql(complexity = "500 + child_complexity")]
    async fn directory_search(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] input: DirectorySearchInput,
    ) -> Result<DirectorySearchResult> {
        let state = ctx.app()?;
        let page = usize::try_from(input.page.max(1)).unwrap_or(1);
        let page_size = usize::try_from(input.page_size.max(0)).unwrap_or_default();
        let found = service::search(
            state,
            ctx.actor()?,
            SearchInput {
                text: input.text,
                kinds: input.kinds,
                domains: input.domains,
                stages: input.stages,
                topics: input.topics,
                languages: input.languages,
                regions: input.regions,
                services: input.services,
                supporter_types: input.supporter_types,
                overseas: input.overseas,
                certified: input.certified,
                open_programmes_only: input.open_programmes_only,
                include_inactive: input.include_inactive,
                sort: input.sort.into(),
                page,
                page_size,
                explain: input.explain,
            },
        )
        .await?;
        let mut terms = taxonomy_terms::Entity::find()
            .all(&state.db)
            .await
            .map_err(ApiError::from)?;
        terms.sort_by_key(|term| (term.position, term.id));
        let mut entries = found.entries;
        let hits = found
            .results
            .hits
            .into_iter()
            .filter_map(|hit| {
                let entry = entries.remove(&hit.id)?;
                Some(DirectoryHit {
                    entry: DirectoryEntry(entry),
                    highlights: hit
                        .highlights
                        .into_iter()
                        .map(|h| Highlight {
                            field: match h.field {
                                HighlightField::Name => HighlightedField::Name,
                                HighlightField::Summary => HighlightedField::Summary,
                            },
                            locale: h.locale,
                            segments: h
                                .segments
                                .into_iter()
                                .map(|s| TextSegment {
                                    text: s.text,
                                    highlighted: s.highlighted,
                                })
                                .collect(),
                        })
                        .collect(),
                    score: hit.score,
                    explanation: hit.explanation,
                })
            })
            .collect();
        let total = found.results.total;
        Ok(DirectorySearchResult {
            total_count: count(total),
            page: count(page),
            page_size: count(page_size),
            page_count: count(total.div_ceil(page_size.max(1))),
            hits,
            facets: facets(ctx, &found.results.facets, &terms)?,
        })
    }
}

#[derive(InputObject)]
pub struct AdvisorDetailsInput {
    /// The advisor's account.
    pub user_id: ID,
    #[graphql(default)]
    pub affiliation_en: String,
    #[graphql(default)]
    pub affiliation_ja: String,
    /// Open cases at once, 1–50.
    pub capacity: i32,
    /// Organisations the advisor declares a conflict of interest with.
    #[graphql(default)]
    pub conflict_organisation_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct SupporterDetailsInput {
    /// The organisation; a new one is registered under the Japanese name when omitted.
    pub organisation_id: Option<ID>,
    pub supporter_type: SupporterType,
}

#[derive(InputObject)]
pub struct VcDetailsInput {
    pub organisation_id: Option<ID>,
    /// AMED-certified VC (認定VC). Only staff and admins may change it.
    #[graphql(default)]
    pub certified: bool,
    pub ticket_min_yen: Option<Yen>,
    pub ticket_max_yen: Option<Yen>,
    #[graphql(default)]
    pub portfolio_organisation_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct ProgrammeDetailsInput {
    pub body: ProgrammeBody,
    pub body_name_en: String,
    pub body_name_ja: String,
    #[graphql(default)]
    pub eligibility_en: String,
    #[graphql(default)]
    pub eligibility_ja: String,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
}

/// Everything an entry has; exactly the details of its own kind must be given.
#[derive(InputObject)]
pub struct DirectoryEntryInput {
    pub name_en: String,
    pub name_ja: String,
    pub summary_en: String,
    pub summary_ja: String,
    /// Taxonomy codes.
    #[graphql(default)]
    pub domains: Vec<String>,
    #[graphql(default)]
    pub stages: Vec<String>,
    #[graphql(default)]
    pub topics: Vec<String>,
    #[graphql(default)]
    pub languages: Vec<String>,
    #[graphql(default)]
    pub regions: Vec<String>,
    /// Supporter organisations only.
    #[graphql(default)]
    pub services: Vec<String>,
    #[graphql(default)]
    pub overseas: bool,
    pub contact_email: Option<String>,
    pub website: Option<String>,
    pub advisor: Option<AdvisorDetailsInput>,
    pub supporter: Option<SupporterDetailsInput>,
    pub vc: Option<VcDetailsInput>,
    pub programme: Option<ProgrammeDetailsInput>,
}

fn organisation_ids(ids: &[ID]) -> Result<Vec<OrganisationId>, ApiError> {
    ids.iter().map(OrganisationId::from_public).collect()
}

impl DirectoryEntryInput {
    fn into_service(self) -> Result<EntryInput, ApiError> {
        Ok(EntryInput {
            name_en: self.name_en,
            name_ja: self.name_ja,
            summary_en: self.summary_en,
            summary_ja: self.summary_ja,
            domains: self.domains,
            stages: self.stages,
            topics: self.topics,
            languages: self.languages,
            regions: self.regions,
            services: self.services,
            overseas: self.overseas,
            contact_email: self.contact_email,
            website: self.website,
            advisor: self
                .advisor
                .map(|a| -> Result<AdvisorInput, ApiError> {
                    Ok(AdvisorInput {
                        user_id: UserId::from_public(&a.user_id)?,
                        affiliation_en: a.affiliation_en,
                        affiliation_ja: a.affiliation_ja,
                        capacity: a.capacity,
                        conflict_ids: organisation_ids(&a.conflict_organisation_ids)?,
                    })
                })
                .transpose()?,
            supporter: self
                .supporter
                .map(|s| -> Result<SupporterInput, ApiError> {
                    Ok(SupporterInput {
                        organisation_id: s
                            .organisation_id
                            .as_ref()
                            .map(OrganisationId::from_public)
                            .transpose()?,
                        supporter_type: s.supporter_type,
                    })
                })
                .transpose()?,
            vc: self
                .vc
                .map(|v| -> Result<VcInput, ApiError> {
                    Ok(VcInput {
                        organisation_id: v
                            .organisation_id
                            .as_ref()
                            .map(OrganisationId::from_public)
                            .transpose()?,
                        certified: v.certified,
                        ticket_min_yen: v.ticket_min_yen.map(|yen| yen.0),
                        ticket_max_yen: v.ticket_max_yen.map(|yen| yen.0),
                        portfolio_ids: organisation_ids(&v.portfolio_organisation_ids)?,
                    })
                })
                .transpose()?,
            programme: self.programme.map(|p| ProgrammeInput {
                body: p.body,
                body_name_en: p.body_name_en,
                body_name_ja: p.body_name_ja,
                eligibility_en: p.eligibility_en,
                eligibility_ja: p.eligibility_ja,
                opens_on: p.opens_on,
                closes_on: p.closes_on,
            }),
        })
    }
}

/// What a rebuild of the search index did.
#[derive(SimpleObject)]
pub struct SearchIndexRebuild {
    pub engine: String,
    pub indexed: i32,
    pub removed: i32,
}

#[derive(Default)]
pub struct DirectoryMutation;

#[Object]
impl DirectoryMutation {
    /// Adds an entry. Admins and staff add any; an advisor their own profile; a supporter or
    /// VC member their organisation's entry.
    async fn create_directory_entry(
        &self,
        ctx: &Context<'_>,
        kind: DirectoryKind,
        input: DirectoryEntryInput,
    ) -> Result<DirectoryEntry> {
        let input = input.into_service()?;
        Ok(DirectoryEntry(
            service::create(ctx.app()?, ctx.actor()?, kind, input, Occasion::now()).await?,
        ))
    }

    /// Replaces an entry's fields. `version` is the one the edit was made on.
    async fn update_directory_entry(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: DirectoryEntryInput,
    ) -> Result<DirectoryEntry> {
        let id = DirectoryEntryId::from_public(&id)?;
        let input = input.into_service()?;
        Ok(DirectoryEntry(
            service::update(ctx.app()?, ctx.actor()?, id, version, input).await?,
        ))
    }

    /// Shows or hides an entry in searches.
    async fn set_directory_entry_active(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        active: bool,
    ) -> Result<DirectoryEntry> {
        let id = DirectoryEntryId::from_public(&id)?;
        Ok(DirectoryEntry(
            service::set_active(ctx.app()?, ctx.actor()?, id, version, active).await?,
        ))
    }

    /// Rebuilds the search index from the database. Admins only.
    async fn rebuild_search_index(&self, ctx: &Context<'_>) -> Result<SearchIndexRebuild> {
        let viewer = ctx.actor()?.viewer()?;
        if viewer.role != Role::Admin {
            return Err(ApiError::new(crate::error::ErrorCode::Forbidden).into());
        }
        let state = ctx.app()?;
        let rebuilt = indexer::rebuild(&state.db, state.search.as_ref())
            .await
            .map_err(|error| {
                tracing::warn!(%error, "search index rebuild failed");
                ApiError::new(crate::error::ErrorCode::SearchUnavailable)
            })?;
        Ok(SearchIndexRebuild {
            engine: state.search.describe(),
            indexed: count(rebuilt.indexed),
            removed: count(rebuilt.removed),
        })
    }
}
