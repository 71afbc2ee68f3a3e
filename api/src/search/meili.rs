//! Meilisearch through meilisearch-sdk. One index, `<prefix>_directory`, configured by
//! [`MeiliEngine::configure`]: Japanese fields (`*_ja`) are tokenised as Japanese and
//! English ones as English (`localizedAttributes`), the taxonomy's synonyms are loaded,
//! and the `sort` rule comes first so that an explicit sort order is followed strictly,
//! as in the embedded engine.

use std::{
    collections::BTreeMap,
    sync::atomic::{AtomicBool, Ordering},
    time::Duration,
};

use meilisearch_sdk::{
    client::Client,
    documents::DocumentsQuery,
    errors::Error as MeiliError,
    indexes::Index,
    search::{MatchingStrategies, Selectors},
    settings::{FacetingSettings, LocalizedAttributes, PaginationSetting, Settings},
    task_info::TaskInfo,
    tasks::Task,
};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::Value;

use super::{
    DirectoryDocument, FACETS, Filters, Highlight, HighlightField, Hit, SearchEngine, SearchError,
    SearchRequest, SearchResults, Segment, SortOrder, Synonyms,
};
use crate::i18n::Locale;

const PRE_TAG: &str = "\u{E000}";
const POST_TAG: &str = "\u{E001}";
const TASK_POLL: Duration = Duration::from_millis(25);
const TASK_TIMEOUT: Duration = Duration::from_secs(120);
const PAGE_OF_IDS: usize = 1000;
/// Enough for exact totals and facet counts over a national directory.
const MAX_TOTAL_HITS: usize = 200_000;

const SEARCHABLE: [&str; 10] = [
    "name_ja",
    "name_en",
    "terms_ja",
    "terms_en",
    "summary_ja",
    "summary_en",
    "details_ja",
    "details_en",
    "related_ja",
    "related_en",
];
const FILTERABLE: [&str; 14] = [
    "kind",
    "domains",
    "stages",
    "topics",
    "languages",
    "regions",
    "services",
    "supporter_type",
    "programme_body",
    "overseas",
    "certified",
    "active",
    "opens_day",
    "closes_day",
];
const SORTABLE: [&str; 3] = ["sort_name", "updated_at", "closes_day"];
const HIGHLIGHTED: [&str; 4] = ["name_ja", "name_en", "summary_ja", "summary_en"];
const CROPPED: [(&str, Option<usize>); 2] = [("summary_ja", None), ("summary_en", None)];

pub struct MeiliEngine {
    client: Client,
    url: String,
    index_uid: String,
    configured: AtomicBool,
}

impl MeiliEngine {
    pub fn new(
        url: &str,
        api_key: Option<&SecretString>,
        prefix: &str,
    ) -> anyhow::Result<MeiliEngine> {
        let client = Client::new(url, api_key.map(|key| key.expose_secret().to_owned()))?;
        Ok(MeiliEngine {
            client,
            url: url.to_owned(),
            index_uid: format!("{prefix}_directory"),
            configured: AtomicBool::new(false),
        })
    }

    fn index(&self) -> Index {
        self.client.index(&self.index_uid)
    }

    /// Waits for a task Meilisearch accepted; a task that failed is an error.
    async fn finish(&self, task: Result<TaskInfo, MeiliError>) -> Result<(), SearchError> {
        let task = task
            .map_err(error)?
            .wait_for_completion(&self.client, Some(TASK_POLL), Some(TASK_TIMEOUT))
            .await
            .map_err(error)?;
        match task {
            Task::Succeeded { .. } => Ok(()),
            Task::Failed { content } => Err(SearchError::Engine(content.error.to_string())),
            Task::Enqueued { .. } | Task::Processing { .. } => Err(SearchError::Unavailable(
                "Meilisearch did not finish the task in time".to_owned(),
            )),
        }
    }
}

/// Unreachable servers and timeouts are worth retrying; anything else is reported as is.
fn error(error: MeiliError) -> SearchError {
    match error {
        MeiliError::HttpError(_)
        | MeiliError::Timeout
        | MeiliError::MeilisearchCommunication(_) => SearchError::Unavailable(error.to_string()),
        other => SearchError::Engine(other.to_string()),
    }
}

fn settings(synonyms: &Synonyms) -> Settings {
    let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut settings = Settings::new()
        .with_searchable_attributes(SEARCHABLE)
        .with_filterable_attributes(FILTERABLE)
        .with_sortable_attributes(SORTABLE)
        .with_ranking_rules([
            "sort",
            "words",
            "typo",
            "proximity",
            "attribute",
            "exactness",
        ])
        .with_synonyms(synonyms.as_map().into_iter().collect())
        .with_localized_attributes([
            LocalizedAttributes {
                locales: strings(&["jpn"]),
                attribute_patterns: strings(&["*_ja"]),
            },
            LocalizedAttributes {
                locales: strings(&["eng"]),
                attribute_patterns: strings(&["*_en"]),
            },
        ]);
    settings.pagination = Some(PaginationSetting {
        max_total_hits: MAX_TOTAL_HITS,
    });
    settings.faceting = Some(FacetingSettings {
        max_values_per_facet: 200,
        sort_facet_values_by: None,
    });
    settings
}

/// The filters as a Meilisearch filter expression; the same rules as [`Filters::admit`].
pub fn filter_expression(filters: &Filters, today: i64) -> String {
    fn quoted(values: &[String]) -> String {
        values
            .iter()
            .map(|value| format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\"")))
            .collect::<Vec<_>>()
            .join(", ")
    }
    let mut parts: Vec<String> = Vec::new();
    if !filters.include_inactive {
        parts.push("active = true".to_owned());
    }
    for (field, values) in [
        ("kind", &filters.kinds),
        ("domains", &filters.domains),
        ("stages", &filters.stages),
        ("topics", &filters.topics),
        ("languages", &filters.languages),
        ("regions", &filters.regions),
        ("services", &filters.services),
        ("supporter_type", &filters.supporter_types),
    ] {
        if !values.is_empty() {
            parts.push(format!("{field} IN [{}]", quoted(values)));
        }
    }
    if let Some(overseas) = filters.overseas {
        parts.push(format!("overseas = {overseas}"));
    }
    if let Some(certified) = filters.certified {
        parts.push(format!("certified = {certified}"));
    }
    if filters.open_programmes_only {
        parts.push(format!(
            "(kind != \"programme\" OR (opens_day <= {today} AND closes_day >= {today}))"
        ));
    }
    parts.join(" AND ")
}

/// A highlighted field as Meilisearch formats it, split at the tags.
fn parse_highlight(formatted: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    for (i, part) in formatted.split(PRE_TAG).enumerate() {
        let (marked, rest) = match (i, part.split_once(POST_TAG)) {
            (0, _) | (_, None) => ("", part),
            (_, Some((marked, rest))) => (marked, rest),
        };
        if !marked.is_empty() {
            out.push(Segment {
                text: marked.to_owned(),
                highlighted: true,
            });
        }
        if !rest.is_empty() {
            out.push(Segment {
                text: rest.replace(POST_TAG, ""),
                highlighted: false,
            });
        }
    }
    out
}

#[derive(Deserialize)]
struct IdOnly {
    id: i64,
}

#[async_trait::async_trait]
impl SearchEngine for MeiliEngine {
    fn describe(&self) -> String {
        format!("Meilisearch at {} (index {})", self.url, self.index_uid)
    }

    fn is_embedded(&self) -> bool {
        false
    }

    fn needs_configuring(&self) -> bool {
        !self.configured.load(Ordering::Acquire)
    }

    async fn configure(&self, synonyms: &Synonyms) -> Result<(), SearchError> {
        self.finish(self.index().set_settings(&settings(synonyms)).await)
            .await?;
        self.configured.store(true, Ordering::Release);
        Ok(())
    }

    async fn upsert(&self, documents: Vec<DirectoryDocument>) -> Result<(), SearchError> {
        if documents.is_empty() {
            return Ok(());
        }
        self.finish(self.index().add_or_replace(&documents, Some("id")).await)
            .await
    }

    async fn remove(&self, ids: &[i64]) -> Result<(), SearchError> {
        if ids.is_empty() {
            return Ok(());
        }
        self.finish(self.index().delete_documents(ids).await).await
    }

    async fn ids(&self) -> Result<Vec<i64>, SearchError> {
        let index = self.index();
        let mut ids = Vec::new();
        loop {
            let page = DocumentsQuery::new(&index)
                .with_fields(["id"])
                .with_offset(ids.len())
                .with_limit(PAGE_OF_IDS)
                .execute::<IdOnly>()
                .await;
            let page = match page {
                Ok(page) => page,
                // No index yet: nothing in it.
                Err(MeiliError::Meilisearch(e))
                    if e.error_code == meilisearch_sdk::errors::ErrorCode::IndexNotFound =>
                {
                    return Ok(ids);
                }
                Err(e) => return Err(error(e)),
            };
            let count = page.results.len();
            ids.extend(page.results.into_iter().map(|doc| doc.id));
            if count < PAGE_OF_IDS {
                return Ok(ids);
            }
        }
    }

    async fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let index = self.index();
        let filter = filter_expression(&request.filters, request.today);
        let limit = request.limit.max(1);
        let sort: &[&str] = match (request.sort, request.text.trim().is_empty()) {
            (SortOrder::Relevance, false) => &[],
            (SortOrder::Relevance | SortOrder::Name, _) => &["sort_name:asc"],
            (SortOrder::RecentlyUpdated, _) => &["updated_at:desc", "sort_name:asc"],
            (SortOrder::ClosingSoon, _) => &["closes_day:asc", "sort_name:asc"],
        };
        let mut query = index.search();
        query
            .with_query(&request.text)
            .with_page(request.offset / limit + 1)
            .with_hits_per_page(limit)
            .with_matching_strategy(if request.match_any {
                MatchingStrategies::LAST
            } else {
                MatchingStrategies::ALL
            })
            .with_show_ranking_score(true)
            .with_show_ranking_score_details(request.explain);
        if !request.bare {
            query
                .with_facets(Selectors::Some(&FACETS))
                .with_attributes_to_highlight(Selectors::Some(&HIGHLIGHTED))
                .with_attributes_to_crop(Selectors::Some(&CROPPED))
                .with_crop_length(40)
                .with_crop_marker("…")
                .with_highlight_pre_tag(PRE_TAG)
                .with_highlight_post_tag(POST_TAG);
        }
        if !filter.is_empty() {
            query.with_filter(&filter);
        }
        if !sort.is_empty() {
            query.with_sort(sort);
        }
        let found = match query.execute::<DirectoryDocument>().await {
            Ok(found) => found,
            // Nothing indexed yet.
            Err(MeiliError::Meilisearch(e))
                if e.error_code == meilisearch_sdk::errors::ErrorCode::IndexNotFound =>
            {
                return Ok(SearchResults::default());
            }
            Err(e) => return Err(error(e)),
        };

        let mut facets: BTreeMap<String, BTreeMap<String, usize>> = FACETS
            .iter()
            .map(|facet| ((*facet).to_owned(), BTreeMap::new()))
            .collect();
        for (facet, counts) in found.facet_distribution.unwrap_or_default() {
            facets.insert(facet, counts.into_iter().collect());
        }
        let has_text = !request.text.trim().is_empty();
        let hits = found
            .hits
            .into_iter()
            .map(|hit| {
                let highlights = hit
                    .formatted_result
                    .as_ref()
                    .map(|formatted| {
                        [
                            ("name_ja", HighlightField::Name, Locale::Ja),
                            ("name_en", HighlightField::Name, Locale::En),
                            ("summary_ja", HighlightField::Summary, Locale::Ja),
                            ("summary_en", HighlightField::Summary, Locale::En),
                        ]
                        .into_iter()
                        .filter_map(|(name, field, locale)| {
                            let text = formatted.get(name).and_then(Value::as_str)?;
                            let segments = parse_highlight(text);
                            segments.iter().any(|s| s.highlighted).then_some(Highlight {
                                field,
                                locale,
                                segments,
                            })
                        })
                        .collect()
                    })
                    .unwrap_or_default();
                Hit {
                    id: hit.result.id,
                    score: hit.ranking_score.filter(|_| has_text),
                    highlights,
                    explanation: hit
                        .ranking_score_details
                        .map(|details| Value::Object(details).to_string()),
                }
            })
            .collect();
        Ok(SearchResults {
            total: found.total_hits.unwrap_or_default(),
            hits,
            facets,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_one_expression() {
        let filters = Filters {
            kinds: vec!["vc".to_owned()],
            domains: vec!["care_tech".to_owned(), "medical_dx_ai".to_owned()],
            certified: Some(true),
            open_programmes_only: true,
            ..Filters::default()
        };
        assert_eq!(
            filter_expression(&filters, 20_780),
            "active = true AND kind IN [\"vc\"] AND domains IN [\"care_tech\", \"medical_dx_ai\"] \
             AND certified = true AND (kind != \"programme\" OR (opens_day <= 20780 AND closes_day >= 20780))"
        );
    }

    #[test]
    fn highlights_split_at_the_tags() {
        let parts = parse_highlight("\u{E000}薬事\u{E001}申請の\u{E000}支援\u{E001}");
        let rendered: Vec<(&str, bool)> = parts
            .iter()
            .map(|s| (s.text.as_str(), s.highlighted))
            .collect();
        assert_eq!(
            rendered,
            vec![("薬事", true), ("申請の", false), ("支援", true)]
        );
    }
}
