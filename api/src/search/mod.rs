//! Search over the supporter directory. Two engines sit behind [`SearchEngine`]:
//! Meilisearch when `MEILI_URL` is set, and an embedded tantivy index otherwise. The
//! database is the source of truth: changes reach the index through the outbox
//! ([`queue`]), and [`indexer::rebuild`] (`banso reindex`) rebuilds it from scratch.
//! Consultations are never indexed here.

pub mod document;
pub mod embedded;
pub mod indexer;
pub mod meili;
pub mod queue;
pub mod text;

use std::{collections::BTreeMap, sync::Arc};

pub use document::DirectoryDocument;

use crate::{config::Settings, i18n::Locale};

/// Why the engine could not answer or take a change.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The engine is unreachable or refused for now; the change is retried later.
    #[error("the search engine is unavailable: {0}")]
    Unavailable(String),
    #[error("search engine error: {0}")]
    Engine(String),
}

/// What a search engine must do for the directory.
#[async_trait::async_trait]
pub trait SearchEngine: Send + Sync {
    /// Which engine, and where, for logs and `/ready`.
    fn describe(&self) -> String;

    /// Whether the index lives in this process (and so is rebuilt at every start).
    fn is_embedded(&self) -> bool;

    /// Whether [`SearchEngine::configure`] has yet to succeed in this process.
    fn needs_configuring(&self) -> bool;

    /// Applies the index settings, with these synonyms. Idempotent.
    async fn configure(&self, synonyms: &Synonyms) -> Result<(), SearchError>;

    /// Adds or replaces documents by id.
    async fn upsert(&self, documents: Vec<DirectoryDocument>) -> Result<(), SearchError>;

    /// Removes documents by id; ids not in the index are ignored.
    async fn remove(&self, ids: &[i64]) -> Result<(), SearchError>;

    /// Every id in the index, to find what a rebuild must remove.
    async fn ids(&self) -> Result<Vec<i64>, SearchError>;

    async fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError>;
}

/// Picks the engine the settings name.
pub fn engine_from(settings: &Settings) -> anyhow::Result<Arc<dyn SearchEngine>> {
    Ok(match &settings.search.url {
        Some(url) => Arc::new(meili::MeiliEngine::new(
            url,
            settings.search.api_key.as_ref(),
            &settings.search.index_prefix,
        )?),
        None => Arc::new(embedded::EmbeddedEngine::new()?),
    })
}

/// Groups of words that mean the same, from the taxonomy's synonyms. Words are stored
/// normalised ([`text::normalise`], lower case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms {
    pub groups: Vec<Vec<String>>,
}

impl Synonyms {
    pub fn new(groups: impl IntoIterator<Item = Vec<String>>) -> Synonyms {
        let groups = groups
            .into_iter()
            .map(|group| {
                let mut words: Vec<String> = Vec::new();
                for word in group {
                    let word = text::normalise(&word).to_lowercase();
                    if !word.is_empty() && !words.contains(&word) {
                        words.push(word);
                    }
                }
                words
            })
            .filter(|words| words.len() > 1)
            .collect();
        Synonyms { groups }
    }

    /// Each word with every word it shares a group with, as Meilisearch takes them.
    pub fn as_map(&self) -> BTreeMap<String, Vec<String>> {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for group in &self.groups {
            for word in group {
                let others = map.entry(word.clone()).or_default();
                for other in group {
                    if other != word && !others.contains(other) {
                        others.push(other.clone());
                    }
                }
            }
        }
        map
    }
}

/// The kinds of directory entry, as stored and as indexed.
pub const KINDS: [&str; 4] = ["advisor", "supporter", "vc", "programme"];

/// Facets counted for every search, by document field.
pub const FACETS: [&str; 10] = [
    "kind",
    "domains",
    "stages",
    "topics",
    "languages",
    "regions",
    "services",
    "supporter_type",
    "overseas",
    "certified",
];

#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Empty: every kind.
    pub kinds: Vec<String>,
    /// Taxonomy codes; within a list any may match, across lists all must.
    pub domains: Vec<String>,
    pub stages: Vec<String>,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub regions: Vec<String>,
    pub services: Vec<String>,
    pub supporter_types: Vec<String>,
    pub overseas: Option<bool>,
    pub certified: Option<bool>,
    /// Leaves out support programmes whose application window does not include `today`.
    pub open_programmes_only: bool,
    pub include_inactive: bool,
}

impl Filters {
    /// Whether `document` passes, with `today` as a day number ([`document::day_number`]).
    /// The embedded engine filters with this; Meilisearch gets the same rules as a filter
    /// expression ([`meili::filter_expression`]).
    pub fn admit(&self, document: &DirectoryDocument, today: i64) -> bool {
        fn any_of(wanted: &[String], have: &[String]) -> bool {
            wanted.is_empty() || wanted.iter().any(|w| have.contains(w))
        }
        (self.include_inactive || document.active)
            && (self.kinds.is_empty() || self.kinds.contains(&document.kind))
            && any_of(&self.domains, &document.domains)
            && any_of(&self.stages, &document.stages)
            && any_of(&self.topics, &document.topics)
            && any_of(&self.languages, &document.languages)
            && any_of(&self.regions, &document.regions)
            && any_of(&self.services, &document.services)
            && (self.supporter_types.is_empty()
                || document
                    .supporter_type
                    .as_ref()
                    .is_some_and(|t| self.supporter_types.contains(t)))
            && self.overseas.is_none_or(|o| document.overseas == o)
            && self.certified.is_none_or(|c| document.certified == c)
            && (!self.open_programmes_only
                || document.kind != "programme"
                || (document.opens_day <= today && today <= document.closes_day))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Best match first; without text, by name.
    #[default]
    Relevance,
    Name,
    RecentlyUpdated,
    /// Support programmes whose window closes first; entries without a deadline last.
    ClosingSoon,
}

#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Normalised with [`text::normalise`]; empty lists everything the filters admit.
    pub text: String,
    pub filters: Filters,
    pub sort: SortOrder,
    pub offset: usize,
    pub limit: usize,
    /// Include each hit's ranking explanation.
    pub explain: bool,
    /// Entries matching some of the words count too, ranked below those matching all (for
    /// matching a consultation's wording, not for people typing a search).
    pub match_any: bool,
    /// Today in Japan, as a day number, for open programmes.
    pub today: i64,
    /// Only ids and scores: no highlights and no facet counts (for matching, which reads
    /// neither).
    pub bare: bool,
}

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Facet field → value → count, over every match (not only this page).
    pub facets: BTreeMap<String, BTreeMap<String, usize>>,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub id: i64,
    /// Meilisearch: 0–1; embedded: the BM25 score. `None` without search text.
    pub score: Option<f64>,
    pub highlights: Vec<Highlight>,
    /// The engine's own account of the score, as JSON.
    pub explanation: Option<String>,
}

/// Where a highlight comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HighlightField {
    Name,
    Summary,
}

/// A field of a hit, or an extract of it, with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub field: HighlightField,
    pub locale: Locale,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub highlighted: bool,
}

/// Splits `text` into plain and highlighted segments at the byte `ranges` (which may
/// overlap or touch; they are merged).
pub fn segments(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Segment> {
    let mut sorted: Vec<std::ops::Range<usize>> = ranges
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .cloned()
        .collect();
    sorted.sort_by_key(|r| r.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for range in sorted {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for range in merged {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            out.push(Segment {
                text: before.to_owned(),
                highlighted: false,
            });
        }
        out.push(Segment {
            text: marked.to_owned(),
            highlighted: true,
        });
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        out.push(Segment {
            text: rest.to_owned(),
            highlighted: false,
        });
    }
    out
}

/// Counts facet values over the documents that matched.
pub fn count_facets<'a>(
    documents: impl Iterator<Item = &'a DirectoryDocument>,
) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut facets: BTreeMap<String, BTreeMap<String, usize>> = FACETS
        .iter()
        .map(|facet| ((*facet).to_owned(), BTreeMap::new()))
        .collect();
    for document in documents {
        for (facet, values) in document.facet_values() {
            if let Some(counts) = facets.get_mut(facet) {
                for value in values {
                    *counts.entry(value).or_default() += 1;
                }
            }
        }
    }
    facets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_merge_overlapping_ranges() {
        let text = "薬事申請の支援";
        // 薬事 (0..6) and 事申 (3..9) overlap; 支援 stands alone.
        let parts = segments(text, &[0..6, 3..9, 15..21]);
        let rendered: Vec<(&str, bool)> = parts
            .iter()
            .map(|s| (s.text.as_str(), s.highlighted))
            .collect();
        assert_eq!(
            rendered,
            vec![("薬事申", true), ("請の", false), ("支援", true)]
        );
    }

    #[test]
    fn synonyms_map_each_word_to_the_rest_of_its_group() {
        let synonyms = Synonyms::new([vec![
            "Regulatory affairs".to_owned(),
            "薬事".to_owned(),
            "ＰＭＤＡ".to_owned(),
        ]]);
        let map = synonyms.as_map();
        assert_eq!(map["薬事"], vec!["regulatory affairs", "pmda"]);
        assert_eq!(map["pmda"], vec!["regulatory affairs", "薬事"]);
    }
}
