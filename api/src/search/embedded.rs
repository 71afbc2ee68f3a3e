//! The embedded engine: a tantivy index in memory, rebuilt from the database at every
//! start. Tantivy scores the text (BM25 over weighted fields, typo-tolerant and prefix
//! matching of words, highlights, explanations); the tokenizer is Bansō's own
//! ([`super::text`]): Latin words, and character bigrams for Japanese, which need no
//! dictionary and find words inside compounds (薬事 in 薬事申請). Filters, facets and sort
//! orders are applied to the documents kept beside the index, with the same rules
//! Meilisearch is given.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex, RwLock,
        atomic::{AtomicBool, Ordering},
    },
};

use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, TantivyDocument,
    Term,
    collector::TopDocs,
    query::{BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, TermQuery},
    schema::{
        FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
        TextOptions,
    },
    snippet::SnippetGenerator,
    tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer},
};

use super::{
    DirectoryDocument, Highlight, HighlightField, Hit, SearchEngine, SearchError, SearchRequest,
    SearchResults, SortOrder, Synonyms, count_facets, segments,
    text::{self, Piece, PieceKind},
};
use crate::i18n::Locale;

const TOKENIZER: &str = "banso";
const WRITER_MEMORY: usize = 20_000_000;
/// How many spellings of a query synonyms may add.
const MAX_VARIANTS: usize = 8;
const SUMMARY_CHARS: usize = 160;

/// The searchable fields, most important first, with their weight.
const WEIGHTED_FIELDS: [(&str, f32); 10] = [
    ("name_ja", 4.0),
    ("name_en", 4.0),
    ("terms_ja", 2.0),
    ("terms_en", 2.0),
    ("summary_ja", 1.0),
    ("summary_en", 1.0),
    ("details_ja", 1.0),
    ("details_en", 1.0),
    ("related_ja", 0.5),
    ("related_en", 0.5),
];

pub struct EmbeddedEngine {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    id: Field,
    /// The entry's kind, as one untokenised term: searches of one kind score only its
    /// entries.
    kind: Field,
    fields: Vec<(Field, f32)>,
    documents: RwLock<HashMap<i64, Arc<DirectoryDocument>>>,
    synonyms: RwLock<Synonyms>,
    configured: AtomicBool,
}

impl EmbeddedEngine {
    pub fn new() -> anyhow::Result<EmbeddedEngine> {
        let mut builder = Schema::builder();
        let id = builder.add_i64_field("id", INDEXED | FAST | STORED);
        let kind = builder.add_text_field("kind", STRING);
        let text_options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = WEIGHTED_FIELDS
            .iter()
            .map(|(name, weight)| (builder.add_text_field(name, text_options.clone()), *weight))
            .collect();
        let index = Index::create_in_ram(builder.build());
        index
            .tokenizers()
            .register(TOKENIZER, TextAnalyzer::from(PieceTokenizer));
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(EmbeddedEngine {
            index,
            reader,
            writer: Mutex::new(writer),
            id,
            kind,
            fields,
            documents: RwLock::new(HashMap::new()),
            synonyms: RwLock::new(Synonyms::default()),
            configured: AtomicBool::new(false),
        })
    }

    fn field(&self, name: &str) -> Option<Field> {
        self.index.schema().get_field(name).ok()
    }

    fn write(
        &self,
        change: impl FnOnce(&IndexWriter) -> tantivy::Result<()>,
    ) -> Result<(), SearchError> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Engine("the index writer was poisoned".to_owned()))?;
        change(&writer).map_err(engine_error)?;
        writer.commit().map_err(engine_error)?;
        self.reader.reload().map_err(engine_error)
    }

    /// The query for `text`: every piece of the text must match some field; synonyms add
    /// alternative spellings of the whole query. `strict`: no typos and no prefixes (for
    /// matching whole texts, not people typing).
    fn query_for(&self, text: &str, match_any: bool, strict: bool) -> Option<Box<dyn Query>> {
        let occur = if match_any {
            Occur::Should
        } else {
            Occur::Must
        };
        let synonyms = self.synonyms.read().map(|s| s.clone()).unwrap_or_default();
        let alternatives: Vec<(Occur, Box<dyn Query>)> = variants(text, &synonyms)
            .iter()
            .filter_map(|variant| {
                let pieces = text::query_pieces(variant);
                let last = pieces.len().checked_sub(1)?;
                let all: Vec<(Occur, Box<dyn Query>)> = pieces
                    .iter()
                    .enumerate()
                    .map(|(i, piece)| (occur, self.piece_query(piece, i == last, strict)))
                    .collect();
                Some((
                    Occur::Should,
                    Box::new(BooleanQuery::new(all)) as Box<dyn Query>,
                ))
            })
            .collect();
        if alternatives.is_empty() {
            None
        } else {
            Some(Box::new(BooleanQuery::new(alternatives)))
        }
    }

    /// `query`, among entries of `kinds` only (all kinds when empty).
    fn of_kinds(&self, query: Box<dyn Query>, kinds: &[String]) -> Box<dyn Query> {
        if kinds.is_empty() {
            return query;
        }
        let any_kind: Vec<(Occur, Box<dyn Query>)> = kinds
            .iter()
            .map(|kind| {
                let term = Term::from_field_text(self.kind, kind);
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            // A filter: it adds nothing to the score.
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(
                    Box::new(BooleanQuery::new(any_kind)),
                    0.0,
                )),
            ),
        ]))
    }

    /// One piece in any field. Words of 5 letters or more may have one typo, of 9 or more
    /// two (as in Meilisearch), and the last word of the query may be a prefix.
    fn piece_query(&self, piece: &Piece, last: bool, strict: bool) -> Box<dyn Query> {
        let mut any_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, weight) in &self.fields {
            let term = Term::from_field_text(*field, &piece.text);
            let exact = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            any_field.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(exact), *weight)),
            ));
            if piece.kind == PieceKind::Word && !strict {
                let letters = piece.text.chars().count();
                let typos = match letters {
                    0..=4 => 0,
                    5..=8 => 1,
                    _ => 2,
                };
                let loose = match (last, typos) {
                    (true, _) => Some(FuzzyTermQuery::new_prefix(term, typos, true)),
                    (false, 0) => None,
                    (false, _) => Some(FuzzyTermQuery::new(term, typos, true)),
                };
                if let Some(loose) = loose {
                    any_field.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(loose), weight * 0.25)),
                    ));
                }
            }
        }
        Box::new(BooleanQuery::new(any_field))
    }

    fn id_of(&self, searcher: &Searcher, address: DocAddress) -> Option<i64> {
        searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .i64("id")
            .ok()?
            .first(address.doc_id)
    }

    fn highlights(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        document: &DirectoryDocument,
    ) -> Vec<Highlight> {
        let wanted = [
            (
                "name_ja",
                HighlightField::Name,
                Locale::Ja,
                &document.name_ja,
            ),
            (
                "name_en",
                HighlightField::Name,
                Locale::En,
                &document.name_en,
            ),
            (
                "summary_ja",
                HighlightField::Summary,
                Locale::Ja,
                &document.summary_ja,
            ),
            (
                "summary_en",
                HighlightField::Summary,
                Locale::En,
                &document.summary_en,
            ),
        ];
        let mut out = Vec::new();
        for (name, field, locale, text) in wanted {
            let Some(schema_field) = self.field(name) else {
                continue;
            };
            let Ok(mut generator) = SnippetGenerator::create(searcher, query, schema_field) else {
                continue;
            };
            generator.set_max_num_chars(match field {
                HighlightField::Name => text.len().max(1),
                HighlightField::Summary => SUMMARY_CHARS,
            });
            let snippet = generator.snippet(text);
            if snippet.highlighted().is_empty() {
                continue;
            }
            out.push(Highlight {
                field,
                locale,
                segments: segments(snippet.fragment(), snippet.highlighted()),
            });
        }
        out
    }
}

fn engine_error(error: tantivy::TantivyError) -> SearchError {
    SearchError::Engine(error.to_string())
}

/// Tantivy explains every clause of the query, most of which matched nothing; only the parts
/// that added to the score are kept.
fn pruned(explanation: &str) -> String {
    fn prune(node: &mut serde_json::Value) {
        if let Some(details) = node
            .get_mut("details")
            .and_then(serde_json::Value::as_array_mut)
        {
            details.retain(|detail| {
                detail
                    .get("value")
                    .and_then(serde_json::Value::as_f64)
                    .is_some_and(|value| value != 0.0)
            });
            details.iter_mut().for_each(prune);
        }
    }
    match serde_json::from_str::<serde_json::Value>(explanation) {
        Ok(mut tree) => {
            prune(&mut tree);
            tree.to_string()
        }
        Err(_) => explanation.to_owned(),
    }
}

/// The query and the spellings synonyms give it: each synonym found in the query is
/// replaced by each other word of its group.
fn variants(text: &str, synonyms: &Synonyms) -> Vec<String> {
    let query = text.to_lowercase();
    let mut out = vec![query.clone()];
    for group in &synonyms.groups {
        for word in group {
            let Some(at) = text::find_word(&query, word) else {
                continue;
            };
            for other in group.iter().filter(|other| *other != word) {
                if out.len() >= MAX_VARIANTS {
                    return out;
                }
                let variant = format!("{}{}{}", &query[..at], other, &query[at + word.len()..]);
                if !out.contains(&variant) {
                    out.push(variant);
                }
            }
        }
    }
    out
}

fn tantivy_document(engine: &EmbeddedEngine, document: &DirectoryDocument) -> TantivyDocument {
    let mut out = TantivyDocument::default();
    out.add_i64(engine.id, document.id);
    out.add_text(engine.kind, &document.kind);
    let texts: [(&str, Vec<&str>); 10] = [
        ("name_ja", vec![&document.name_ja]),
        ("name_en", vec![&document.name_en]),
        (
            "terms_ja",
            document.terms_ja.iter().map(String::as_str).collect(),
        ),
        (
            "terms_en",
            document.terms_en.iter().map(String::as_str).collect(),
        ),
        ("summary_ja", vec![&document.summary_ja]),
        ("summary_en", vec![&document.summary_en]),
        ("details_ja", vec![&document.details_ja]),
        ("details_en", vec![&document.details_en]),
        (
            "related_ja",
            document.related_ja.iter().map(String::as_str).collect(),
        ),
        (
            "related_en",
            document.related_en.iter().map(String::as_str).collect(),
        ),
    ];
    for (name, values) in texts {
        if let Some(field) = engine.field(name) {
            for value in values {
                out.add_text(field, value);
            }
        }
    }
    out
}

#[async_trait::async_trait]
impl SearchEngine for EmbeddedEngine {
    fn describe(&self) -> String {
        "embedded (tantivy, in memory)".to_owned()
    }

    fn is_embedded(&self) -> bool {
        true
    }

    fn needs_configuring(&self) -> bool {
        !self.configured.load(Ordering::Acquire)
    }

    async fn configure(&self, synonyms: &Synonyms) -> Result<(), SearchError> {
        if let Ok(mut current) = self.synonyms.write() {
            *current = synonyms.clone();
        }
        self.configured.store(true, Ordering::Release);
        Ok(())
    }

    async fn upsert(&self, documents: Vec<DirectoryDocument>) -> Result<(), SearchError> {
        self.write(|writer| {
            for document in &documents {
                writer.delete_term(Term::from_field_i64(self.id, document.id));
                writer.add_document(tantivy_document(self, document))?;
            }
            Ok(())
        })?;
        if let Ok(mut kept) = self.documents.write() {
            for document in documents {
                kept.insert(document.id, Arc::new(document));
            }
        }
        Ok(())
    }

    async fn remove(&self, ids: &[i64]) -> Result<(), SearchError> {
        self.write(|writer| {
            for id in ids {
                writer.delete_term(Term::from_field_i64(self.id, *id));
            }
            Ok(())
        })?;
        if let Ok(mut kept) = self.documents.write() {
            for id in ids {
                kept.remove(id);
            }
        }
        Ok(())
    }

    async fn ids(&self) -> Result<Vec<i64>, SearchError> {
        let kept = self
            .documents
            .read()
            .map_err(|_| SearchError::Engine("the documents were poisoned".to_owned()))?;
        Ok(kept.keys().copied().collect())
    }

    async fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let documents = self
            .documents
            .read()
            .map_err(|_| SearchError::Engine("the documents were poisoned".to_owned()))?;
        let searcher = self.reader.searcher();
        let query = self
            .query_for(&request.text, request.match_any, request.bare)
            .map(|query| self.of_kinds(query, &request.filters.kinds));

        // Every match with its score, then the filters.
        let mut matches: Vec<(Option<Score>, Option<DocAddress>, Arc<DirectoryDocument>)> =
            match &query {
                Some(query) => {
                    let limit = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
                    let scored = searcher
                        .search(query, &TopDocs::with_limit(limit.max(1)).order_by_score())
                        .map_err(engine_error)?;
                    scored
                        .into_iter()
                        .filter_map(|(score, address)| {
                            let id = self.id_of(&searcher, address)?;
                            let document = documents.get(&id)?.clone();
                            Some((Some(score), Some(address), document))
                        })
                        .collect()
                }
                // No words to look for (no text, or only punctuation): list everything.
                None => documents
                    .values()
                    .map(|document| (None, None, document.clone()))
                    .collect(),
            };
        matches.retain(|(_, _, document)| request.filters.admit(document, request.today));
        let facets = if request.bare {
            Default::default()
        } else {
            count_facets(matches.iter().map(|(_, _, document)| document.as_ref()))
        };

        let by_name = |a: &DirectoryDocument, b: &DirectoryDocument| {
            a.sort_name.cmp(&b.sort_name).then(a.id.cmp(&b.id))
        };
        match request.sort {
            SortOrder::Relevance => matches.sort_by(|a, b| {
                b.0.unwrap_or(0.0)
                    .total_cmp(&a.0.unwrap_or(0.0))
                    .then_with(|| by_name(&a.2, &b.2))
            }),
            SortOrder::Name => matches.sort_by(|a, b| by_name(&a.2, &b.2)),
            SortOrder::RecentlyUpdated => matches.sort_by(|a, b| {
                b.2.updated_at
                    .cmp(&a.2.updated_at)
                    .then_with(|| by_name(&a.2, &b.2))
            }),
            SortOrder::ClosingSoon => matches.sort_by(|a, b| {
                a.2.closes_day
                    .cmp(&b.2.closes_day)
                    .then_with(|| by_name(&a.2, &b.2))
            }),
        }

        let total = matches.len();
        let hits = matches
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .map(|(score, address, document)| {
                let (highlights, explanation) = match (&query, address) {
                    (Some(query), Some(address)) if !request.bare => (
                        self.highlights(&searcher, query.as_ref(), &document),
                        request
                            .explain
                            .then(|| query.explain(&searcher, address).ok())
                            .flatten()
                            .map(|explanation| pruned(&explanation.to_pretty_json())),
                    ),
                    _ => (Vec::new(), None),
                };
                Hit {
                    id: document.id,
                    score: score.map(f64::from),
                    highlights,
                    explanation,
                }
            })
            .collect();
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }
}

/// Tantivy's view of [`text::analyse`].
#[derive(Clone)]
struct PieceTokenizer;

struct PieceStream {
    pieces: std::vec::IntoIter<Piece>,
    position: usize,
    token: Token,
}

impl Tokenizer for PieceTokenizer {
    type TokenStream<'a> = PieceStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PieceStream {
        PieceStream {
            pieces: text::analyse(text).into_iter(),
            position: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for PieceStream {
    fn advance(&mut self) -> bool {
        let Some(piece) = self.pieces.next() else {
            return false;
        };
        self.token = Token {
            offset_from: piece.from,
            offset_to: piece.to,
            position: self.position,
            text: piece.text,
            position_length: 1,
        };
        self.position += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_give_alternative_spellings() {
        let synonyms = Synonyms::new([vec!["regulatory affairs".to_owned(), "薬事".to_owned()]]);
        assert_eq!(
            variants("薬事 consulting", &synonyms),
            vec!["薬事 consulting", "regulatory affairs consulting"]
        );
        assert_eq!(
            variants("Regulatory Affairs", &synonyms),
            vec!["regulatory affairs", "薬事"]
        );
        // Not inside another word.
        assert_eq!(
            variants("deregulatory affairs", &synonyms),
            vec!["deregulatory affairs"]
        );
    }
}
