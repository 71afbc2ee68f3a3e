//! Suggestions for one consultation and one kind of candidate.
//!
//! Candidates come from the search index: entries of the kind in the consultation's domain,
//! and entries whose texts match its title. Hard filters then leave out the inactive, those
//! dismissed for this consultation, conflicts of interest (declared by an advisor with the
//! requester or a competitor the requester named, the requester's own organisation, a VC
//! holding such a competitor), those who
//! do not work in the consultation's language, advisors without a free slot, and support
//! programmes whose application window has closed. The rest
//! are scored: each feature is a value from 0 to 1, weighted per kind in the settings
//! (`[matching.<kind>]`); the score is the weighted mean, so it too runs from 0 to 1.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect, Set,
    sea_query::Query,
};

use super::MatchFeature;
use crate::{
    audit,
    auth::{Actor, Role},
    config::MatchWeights,
    consultations::{ConsultationStatus, access, service::competitors_of},
    db,
    directory::{DirectoryKind, Tie},
    entity::{
        consultation_topics, consultations, directory_entries, directory_entry_organisations,
        directory_entry_terms, introductions, organisations, suggestion_dismissals, taxonomy_terms,
    },
    error::{ApiError, ErrorCode, FieldError},
    ids::{ConsultationId, DirectoryEntryId},
    introductions::IntroductionStatus,
    search::{Filters, SearchRequest, text},
    state::AppState,
    validate,
};

const MAX_SUGGESTIONS: usize = 50;
const MAX_REASON: usize = 500;
/// Regions abroad, as taxonomy codes.
const ABROAD: [&str; 3] = ["asia", "north_america", "europe"];

/// One feature's part of a score.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub feature: MatchFeature,
    pub weight: f64,
    /// From 0 to 1.
    pub value: f64,
    /// What it adds to the score: weight × value ÷ the sum of the kind's weights.
    pub points: f64,
}

/// Why a candidate was suggested, to be said in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Covers(Vec<i64>),
    Stage(i64),
    Speaks(i64),
    Region(i64),
    Wording,
    Slots {
        free: i64,
        capacity: i64,
    },
    /// Of the candidate's past introductions on similar consultations, how many led to a
    /// match.
    Outcomes {
        matched: i64,
        total: i64,
    },
}

#[derive(Debug, Clone)]
pub struct Suggestion {
    pub entry: directory_entries::Model,
    pub score: f64,
    pub contributions: Vec<Contribution>,
    pub reasons: Vec<Reason>,
}

/// What is known of a candidate beyond its row.
#[derive(Debug, Default, Clone)]
pub struct Candidate {
    pub terms: BTreeSet<i64>,
    pub conflicts: BTreeSet<i64>,
    /// Names of those organisations, normalised.
    pub conflict_names: BTreeSet<String>,
    /// Names of the organisations in a VC's portfolio, normalised.
    pub portfolio: BTreeSet<String>,
    /// How well its texts match the title, 0–1.
    pub text: f64,
    /// Advisors: cases assigned and not closed.
    pub open_cases: i64,
    /// Past introductions on similar consultations (same domain or a shared topic) that
    /// reached an end: (led to a match, all).
    pub past: (i64, i64),
    /// The smoothed share of those that led to a match, 0–1.
    pub outcomes: f64,
}

/// What the consultation asks for.
#[derive(Debug, Clone)]
pub struct Need {
    pub organisation_id: i64,
    pub domain: i64,
    pub stage: i64,
    pub topics: Vec<i64>,
    /// The taxonomy term of the consultation's language (`ja` or `en`).
    pub language: Option<i64>,
    /// Japanese language term, assumed for entries that list no language.
    pub japanese: Option<i64>,
    /// Every language term.
    pub languages: BTreeSet<i64>,
    pub overseas: bool,
    /// Region terms: abroad, and in Japan (including nationwide).
    pub abroad: BTreeSet<i64>,
    pub in_japan: BTreeSet<i64>,
    pub competitors: BTreeSet<String>,
    pub dismissed: BTreeSet<i64>,
    /// Today in Japan: programmes whose application window has closed are left out.
    pub today: chrono::NaiveDate,
}

fn normalised_name(name: &str) -> String {
    text::normalise(name).to_lowercase()
}

/// Why a candidate is left out, if it is.
pub fn excluded(
    kind: DirectoryKind,
    entry: &directory_entries::Model,
    candidate: &Candidate,
    need: &Need,
) -> bool {
    let speaks = |language: i64| {
        candidate.terms.contains(&language)
            || (Some(language) == need.japanese && !lists_a_language(candidate, need))
    };
    !entry.active
        || need.dismissed.contains(&entry.id)
        || candidate.conflicts.contains(&need.organisation_id)
        || entry.organisation_id == Some(need.organisation_id)
        || candidate
            .portfolio
            .iter()
            .chain(&candidate.conflict_names)
            .any(|name| need.competitors.contains(name))
        || (kind != DirectoryKind::Programme && need.language.is_some_and(|l| !speaks(l)))
        || (kind == DirectoryKind::Advisor
            && entry
                .capacity
                .is_some_and(|capacity| candidate.open_cases >= i64::from(capacity)))
        || (kind == DirectoryKind::Programme && entry.closes_on.is_some_and(|day| day < need.today))
}

/// Whether the entry lists any language at all (those that do not are taken to work in
/// Japanese only).
fn lists_a_language(candidate: &Candidate, need: &Need) -> bool {
    candidate
        .terms
        .iter()
        .any(|term| need.languages.contains(term))
}

/// The score of a candidate that passed the filters, with each feature's part and the
/// reasons worth saying.
pub fn score(
    kind: DirectoryKind,
    weights: &MatchWeights,
    entry: &directory_entries::Model,
    candidate: &Candidate,
    need: &Need,
) -> (f64, Vec<Contribution>, Vec<Reason>) {
    let mut reasons = Vec::new();
    let has = |term: i64| candidate.terms.contains(&term);

    let domain = f64::from(u8::from(has(need.domain)));
    let stage = f64::from(u8::from(has(need.stage)));
    let covered: Vec<i64> = need.topics.iter().copied().filter(|t| has(*t)).collect();
    let topics = if need.topics.is_empty() {
        0.0
    } else {
        covered.len() as f64 / need.topics.len() as f64
    };
    let mut covers = Vec::new();
    if domain > 0.0 {
        covers.push(need.domain);
    }
    covers.extend(&covered);
    if !covers.is_empty() {
        reasons.push(Reason::Covers(covers));
    }
    if stage > 0.0 {
        reasons.push(Reason::Stage(need.stage));
    }
    if candidate.text >= 0.5 {
        reasons.push(Reason::Wording);
    }
    let language = match need.language {
        Some(term) if has(term) => {
            reasons.push(Reason::Speaks(term));
            1.0
        }
        Some(_) => 0.5,
        None => 0.0,
    };
    let regions: &BTreeSet<i64> = if need.overseas || entry.overseas {
        &need.abroad
    } else {
        &need.in_japan
    };
    let region_term = regions.iter().copied().find(|term| has(*term));
    let region = match region_term {
        Some(term) => {
            reasons.push(Reason::Region(term));
            1.0
        }
        None if need.overseas && entry.overseas => 1.0,
        None => 0.0,
    };
    let load = match (kind, entry.capacity) {
        (DirectoryKind::Advisor, Some(capacity)) if capacity > 0 => {
            let free = (i64::from(capacity) - candidate.open_cases).max(0);
            reasons.push(Reason::Slots {
                free,
                capacity: i64::from(capacity),
            });
            free as f64 / f64::from(capacity)
        }
        _ => 0.0,
    };

    let (matched, total) = candidate.past;
    if total > 0 {
        reasons.push(Reason::Outcomes { matched, total });
    }

    let features = [
        (MatchFeature::Domain, weights.domain, domain),
        (MatchFeature::Stage, weights.stage, stage),
        (MatchFeature::Topics, weights.topics, topics),
        (MatchFeature::Text, weights.text, candidate.text),
        (MatchFeature::Language, weights.language, language),
        (MatchFeature::Region, weights.region, region),
        (MatchFeature::Load, weights.load, load),
        (MatchFeature::Outcomes, weights.outcomes, candidate.outcomes),
    ];
    let total: f64 = features.iter().map(|(_, weight, _)| weight.max(0.0)).sum();
    let contributions: Vec<Contribution> = features
        .iter()
        .filter(|(_, weight, _)| *weight > 0.0)
        .map(|(feature, weight, value)| Contribution {
            feature: *feature,
            weight: *weight,
            value: *value,
            points: if total > 0.0 {
                weight * value / total
            } else {
                0.0
            },
        })
        .collect();
    let score = contributions.iter().map(|c| c.points).sum();
    (score, contributions, reasons)
}

fn weights_for(state: &AppState, kind: DirectoryKind) -> MatchWeights {
    let settings = &state.settings.matching;
    match kind {
        DirectoryKind::Advisor => settings.advisor,
        DirectoryKind::Supporter => settings.supporter,
        DirectoryKind::Vc => settings.vc,
        DirectoryKind::Programme => settings.programme,
    }
}

/// The consultation, if the actor works on it at a desk (requesters do not see suggestions).
async fn desk_case(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
) -> Result<consultations::Model, ApiError> {
    let (case, _) = access::load(&state.db, actor, id).await?;
    let viewer = actor.viewer()?;
    if !matches!(viewer.role, Role::Advisor | Role::Staff | Role::Admin) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    Ok(case)
}

/// The best `limit` candidates of `kind` for the consultation, best first.
pub async fn suggest(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    kind: DirectoryKind,
    limit: usize,
) -> Result<Vec<Suggestion>, ApiError> {
    if limit == 0 || limit > MAX_SUGGESTIONS {
        return Err(FieldError::new("first", ErrorCode::PageSizeTooLarge)
            .with_arg("max", MAX_SUGGESTIONS)
            .into());
    }
    let case = desk_case(state, actor, id).await?;
    let need = need_of(state, &case).await?;
    rank(state, &need, &case.title, kind, limit).await
}

/// The best `limit` candidates of `kind` for a need described by `title`, best first.
pub async fn rank(
    state: &AppState,
    need: &Need,
    title: &str,
    kind: DirectoryKind,
    limit: usize,
) -> Result<Vec<Suggestion>, ApiError> {
    let terms: HashMap<i64, taxonomy_terms::Model> = taxonomy_terms::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|term| (term.id, term))
        .collect();

    // Candidates: the kind's entries in the domain or on the topics, and those whose texts
    // match the title.
    let domain_code = terms
        .get(&need.domain)
        .map(|term| term.code.clone())
        .unwrap_or_default();
    let base = SearchRequest {
        filters: Filters {
            kinds: vec![kind.as_db().to_owned()],
            ..Filters::default()
        },
        limit: state.settings.matching.candidates.max(1),
        today: crate::search::document::day_number(crate::calendar::japan_date(db::now())),
        bare: true,
        ..SearchRequest::default()
    };
    let in_domain = SearchRequest {
        filters: Filters {
            domains: vec![domain_code],
            ..base.filters.clone()
        },
        ..base.clone()
    };
    let topic_codes: Vec<String> = need
        .topics
        .iter()
        .filter_map(|id| terms.get(id).map(|term| term.code.clone()))
        .collect();
    let on_topics = SearchRequest {
        filters: Filters {
            topics: topic_codes,
            ..base.filters.clone()
        },
        ..base.clone()
    };
    let unavailable = |_| ApiError::new(ErrorCode::SearchUnavailable);
    let in_domain = state.search.search(&in_domain).await.map_err(unavailable)?;
    let on_topics = if on_topics.filters.topics.is_empty() {
        Default::default()
    } else {
        state.search.search(&on_topics).await.map_err(unavailable)?
    };
    let text_scores = wording_scores(state, title, kind).await?;
    let ids: BTreeSet<i64> = in_domain
        .hits
        .iter()
        .chain(&on_topics.hits)
        .map(|hit| hit.id)
        .chain(text_scores.keys().copied())
        .collect();

    let entries = directory_entries::Entity::find()
        .filter(directory_entries::Column::Id.is_in(ids.iter().copied()))
        .filter(directory_entries::Column::Kind.eq(kind.as_db()))
        .all(&state.db)
        .await?;
    let mut candidates = candidates_of(state, &entries).await?;
    let past = past_outcomes(state, need, &entries).await?;
    for (id, candidate) in &mut candidates {
        candidate.text = text_scores.get(id).copied().unwrap_or_default();
        candidate.past = past.counts.get(id).copied().unwrap_or_default();
        candidate.outcomes = past.smoothed(candidate.past);
    }
    let weights = weights_for(state, kind);
    let mut suggestions: Vec<Suggestion> = entries
        .into_iter()
        .filter_map(|entry| {
            let candidate = candidates.remove(&entry.id).unwrap_or_default();
            if excluded(kind, &entry, &candidate, need) {
                return None;
            }
            let (score, contributions, reasons) = score(kind, &weights, &entry, &candidate, need);
            Some(Suggestion {
                entry,
                score,
                contributions,
                reasons,
            })
        })
        .collect();
    suggestions.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.entry.name_en.cmp(&b.entry.name_en))
            .then(a.entry.id.cmp(&b.entry.id))
    });
    suggestions.truncate(limit);
    Ok(suggestions)
}

/// How well the texts of the kind's entries match `title`, relative to the best match
/// (0–1); entries that match none of its words are left out.
pub async fn wording_scores(
    state: &AppState,
    title: &str,
    kind: DirectoryKind,
) -> Result<HashMap<i64, f64>, ApiError> {
    let request = SearchRequest {
        text: text::normalise(title),
        match_any: true,
        filters: Filters {
            kinds: vec![kind.as_db().to_owned()],
            ..Filters::default()
        },
        limit: state.settings.matching.candidates.max(1),
        bare: true,
        ..SearchRequest::default()
    };
    let found = state
        .search
        .search(&request)
        .await
        .map_err(|_| ApiError::new(ErrorCode::SearchUnavailable))?;
    let best = found
        .hits
        .iter()
        .filter_map(|hit| hit.score)
        .fold(0.0_f64, f64::max);
    Ok(found
        .hits
        .iter()
        .map(|hit| {
            let value = match hit.score {
                Some(score) if best > 0.0 => score / best,
                _ => 0.0,
            };
            (hit.id, value)
        })
        .collect())
}

/// What a consultation in the database asks for.
pub async fn need_of(state: &AppState, case: &consultations::Model) -> Result<Need, ApiError> {
    let topics: Vec<i64> = consultation_topics::Entity::find()
        .select_only()
        .column(consultation_topics::Column::TermId)
        .filter(consultation_topics::Column::ConsultationId.eq(case.id))
        .into_tuple()
        .all(&state.db)
        .await?;
    let dismissed = suggestion_dismissals::Entity::find()
        .filter(suggestion_dismissals::Column::ConsultationId.eq(case.id))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|row| row.entry_id)
        .collect();
    need_from(
        state,
        Ask {
            organisation_id: case.organisation_id,
            domain: case.domain_term_id,
            stage: case.stage_term_id,
            topics,
            locale: case.preferred_locale.clone(),
            overseas: case.overseas,
            competitors: competitors_of(case),
            dismissed,
        },
    )
    .await
}

/// What a consultation asks for, before the taxonomy is consulted.
#[derive(Debug, Clone)]
pub struct Ask {
    pub organisation_id: i64,
    pub domain: i64,
    pub stage: i64,
    pub topics: Vec<i64>,
    /// `ja` or `en`.
    pub locale: String,
    pub overseas: bool,
    pub competitors: Vec<String>,
    pub dismissed: BTreeSet<i64>,
}

pub async fn need_from(state: &AppState, ask: Ask) -> Result<Need, ApiError> {
    Ok(need_with(ask, &places_and_languages(state).await?))
}

async fn places_and_languages(state: &AppState) -> Result<Vec<taxonomy_terms::Model>, ApiError> {
    Ok(taxonomy_terms::Entity::find()
        .filter(taxonomy_terms::Column::Kind.is_in(["language", "region"]))
        .all(&state.db)
        .await?)
}

/// What many consultations ask for, in three queries.
pub async fn needs_of(
    state: &AppState,
    cases: &[consultations::Model],
) -> Result<Vec<Need>, ApiError> {
    let ids: Vec<i64> = cases.iter().map(|case| case.id).collect();
    let mut topics: HashMap<i64, Vec<i64>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, i64)> = consultation_topics::Entity::find()
            .select_only()
            .column(consultation_topics::Column::ConsultationId)
            .column(consultation_topics::Column::TermId)
            .filter(consultation_topics::Column::ConsultationId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(&state.db)
            .await?;
        for (case, term) in rows {
            topics.entry(case).or_default().push(term);
        }
    }
    let mut dismissed: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for row in suggestion_dismissals::Entity::find()
            .filter(suggestion_dismissals::Column::ConsultationId.is_in(chunk.iter().copied()))
            .all(&state.db)
            .await?
        {
            dismissed
                .entry(row.consultation_id)
                .or_default()
                .insert(row.entry_id);
        }
    }
    let terms = places_and_languages(state).await?;
    Ok(cases
        .iter()
        .map(|case| {
            need_with(
                Ask {
                    organisation_id: case.organisation_id,
                    domain: case.domain_term_id,
                    stage: case.stage_term_id,
                    topics: topics.remove(&case.id).unwrap_or_default(),
                    locale: case.preferred_locale.clone(),
                    overseas: case.overseas,
                    competitors: competitors_of(case),
                    dismissed: dismissed.remove(&case.id).unwrap_or_default(),
                },
                &terms,
            )
        })
        .collect())
}

fn need_with(ask: Ask, terms: &[taxonomy_terms::Model]) -> Need {
    let term = |kind: &str, code: &str| {
        terms
            .iter()
            .find(|term| term.kind == kind && term.code == code)
            .map(|term| term.id)
    };
    Need {
        organisation_id: ask.organisation_id,
        domain: ask.domain,
        stage: ask.stage,
        topics: ask.topics,
        language: term("language", &ask.locale),
        japanese: term("language", "ja"),
        languages: terms
            .iter()
            .filter(|t| t.kind == "language")
            .map(|t| t.id)
            .collect(),
        overseas: ask.overseas,
        abroad: terms
            .iter()
            .filter(|t| t.kind == "region" && ABROAD.contains(&t.code.as_str()))
            .map(|t| t.id)
            .collect(),
        in_japan: terms
            .iter()
            .filter(|t| t.kind == "region" && !ABROAD.contains(&t.code.as_str()))
            .map(|t| t.id)
            .collect(),
        competitors: ask
            .competitors
            .iter()
            .map(|name| normalised_name(name))
            .collect(),
        dismissed: ask.dismissed,
        today: crate::calendar::japan_date(db::now()),
    }
}

/// Tags, ties and (for advisors) open cases of the entries, read in a few queries.
pub async fn candidates_of(
    state: &AppState,
    entries: &[directory_entries::Model],
) -> Result<HashMap<i64, Candidate>, ApiError> {
    let ids: Vec<i64> = entries.iter().map(|entry| entry.id).collect();
    let mut candidates: HashMap<i64, Candidate> =
        ids.iter().map(|id| (*id, Candidate::default())).collect();
    for row in directory_entry_terms::Entity::find()
        .filter(directory_entry_terms::Column::EntryId.is_in(ids.iter().copied()))
        .all(&state.db)
        .await?
    {
        if let Some(candidate) = candidates.get_mut(&row.entry_id) {
            candidate.terms.insert(row.term_id);
        }
    }
    let ties = directory_entry_organisations::Entity::find()
        .filter(directory_entry_organisations::Column::EntryId.is_in(ids.iter().copied()))
        .all(&state.db)
        .await?;
    let tied_ids: BTreeSet<i64> = ties.iter().map(|tie| tie.organisation_id).collect();
    let names: HashMap<i64, String> = organisations::Entity::find()
        .filter(organisations::Column::Id.is_in(tied_ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|organisation| (organisation.id, normalised_name(&organisation.name)))
        .collect();
    for tie in ties {
        let Some(candidate) = candidates.get_mut(&tie.entry_id) else {
            continue;
        };
        let name = names.get(&tie.organisation_id).cloned();
        if tie.relation == Tie::Conflict.as_db() {
            candidate.conflicts.insert(tie.organisation_id);
            candidate.conflict_names.extend(name);
        } else {
            candidate.portfolio.extend(name);
        }
    }
    let advisors: BTreeMap<i64, i64> = entries
        .iter()
        .filter_map(|entry| entry.user_id.map(|user| (user, entry.id)))
        .collect();
    if !advisors.is_empty() {
        let open: Vec<(Option<i64>, i64)> = consultations::Entity::find()
            .select_only()
            .column(consultations::Column::AssigneeUserId)
            .column_as(consultations::Column::Id.count(), "open")
            .filter(consultations::Column::AssigneeUserId.is_in(advisors.keys().copied()))
            .filter(consultations::Column::Status.ne(ConsultationStatus::Closed.as_db()))
            .group_by(consultations::Column::AssigneeUserId)
            .into_tuple()
            .all(&state.db)
            .await?;
        for (user, count) in open {
            if let Some(candidate) = user
                .and_then(|user| advisors.get(&user))
                .and_then(|entry| candidates.get_mut(entry))
            {
                candidate.open_cases = count;
            }
        }
    }
    Ok(candidates)
}

/// How often introductions led to a match, overall and per candidate.
#[derive(Debug, Default, Clone)]
pub struct PastOutcomes {
    /// Per entry, on consultations like this one: (led to a match, ended).
    pub counts: HashMap<i64, (i64, i64)>,
    /// Over every introduction that ended: the rate a candidate without history gets.
    pub prior: f64,
}

/// How many past introductions weigh as much as the overall rate in the smoothed rate.
const PRIOR_WEIGHT: f64 = 2.0;

impl PastOutcomes {
    /// The candidate's match rate, pulled towards the overall rate while it has few
    /// introductions: (matched + k·prior) ÷ (ended + k).
    pub fn smoothed(&self, (matched, total): (i64, i64)) -> f64 {
        (matched as f64 + PRIOR_WEIGHT * self.prior) / (total as f64 + PRIOR_WEIGHT)
    }
}

/// The introductions that reached an end: a match, no match, declined, or expired after
/// the target had it.
fn ended(status: &str, sent: bool) -> Option<bool> {
    match IntroductionStatus::from_db(status).ok()? {
        IntroductionStatus::Matched => Some(true),
        IntroductionStatus::NotMatched | IntroductionStatus::Declined => Some(false),
        IntroductionStatus::Expired if sent => Some(false),
        _ => None,
    }
}

/// Past outcomes of `entries` on consultations in the need's domain or sharing one of its
/// topics, and the overall rate, in three queries.
pub async fn past_outcomes(
    state: &AppState,
    need: &Need,
    entries: &[directory_entries::Model],
) -> Result<PastOutcomes, ApiError> {
    let end_states = [
        IntroductionStatus::Matched.as_db(),
        IntroductionStatus::NotMatched.as_db(),
        IntroductionStatus::Declined.as_db(),
        IntroductionStatus::Expired.as_db(),
    ];
    let overall: Vec<(String, bool, i64)> = introductions::Entity::find()
        .select_only()
        .column(introductions::Column::Status)
        .column_as(introductions::Column::SentAt.is_not_null(), "sent")
        .column_as(introductions::Column::Id.count(), "n")
        .filter(introductions::Column::Status.is_in(end_states))
        .group_by(introductions::Column::Status)
        .group_by(introductions::Column::SentAt.is_not_null())
        .into_tuple()
        .all(&state.db)
        .await?;
    let (mut matched, mut total) = (0i64, 0i64);
    for (status, sent, n) in overall {
        if let Some(led_to_match) = ended(&status, sent) {
            total += n;
            if led_to_match {
                matched += n;
            }
        }
    }
    // Laplace: with no history at all, one in two.
    let prior = (matched as f64 + 1.0) / (total as f64 + 2.0);
    if total == 0 || entries.is_empty() {
        return Ok(PastOutcomes {
            counts: HashMap::new(),
            prior,
        });
    }
    let similar = Condition::any()
        .add(consultations::Column::DomainTermId.eq(need.domain))
        .add(
            consultations::Column::Id.in_subquery(
                Query::select()
                    .column(consultation_topics::Column::ConsultationId)
                    .from(consultation_topics::Entity)
                    .and_where(
                        consultation_topics::Column::TermId.is_in(need.topics.iter().copied()),
                    )
                    .to_owned(),
            ),
        );
    let rows: Vec<(i64, String, bool, i64)> = introductions::Entity::find()
        .select_only()
        .column(introductions::Column::EntryId)
        .column(introductions::Column::Status)
        .column_as(introductions::Column::SentAt.is_not_null(), "sent")
        .column_as(introductions::Column::Id.count(), "n")
        .filter(introductions::Column::EntryId.is_in(entries.iter().map(|e| e.id)))
        .filter(introductions::Column::Status.is_in(end_states))
        .filter(
            introductions::Column::ConsultationId.in_subquery(
                Query::select()
                    .column(consultations::Column::Id)
                    .from(consultations::Entity)
                    .cond_where(similar)
                    .to_owned(),
            ),
        )
        .group_by(introductions::Column::EntryId)
        .group_by(introductions::Column::Status)
        .group_by(introductions::Column::SentAt.is_not_null())
        .into_tuple()
        .all(&state.db)
        .await?;
    let mut counts: HashMap<i64, (i64, i64)> = HashMap::new();
    for (entry, status, sent, n) in rows {
        if let Some(led_to_match) = ended(&status, sent) {
            let count = counts.entry(entry).or_default();
            count.1 += n;
            if led_to_match {
                count.0 += n;
            }
        }
    }
    Ok(PastOutcomes { counts, prior })
}

/// Rules a candidate out for this consultation; it is not suggested again for it.
pub async fn dismiss(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    entry: DirectoryEntryId,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let case = desk_case(state, actor, id).await?;
    let reason = validate::required_text(reason, MAX_REASON).map_err(|e| e.on("reason"))?;
    let txn = db::begin_write(&state.db).await?;
    if directory_entries::Entity::find_by_id(entry.0)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(FieldError::new("entryId", ErrorCode::NotFound).into());
    }
    let existing = suggestion_dismissals::Entity::find_by_id((case.id, entry.0))
        .one(&txn)
        .await?;
    if existing.is_some() {
        return Ok(());
    }
    let row = suggestion_dismissals::ActiveModel {
        consultation_id: Set(case.id),
        entry_id: Set(entry.0),
        reason: Set(reason),
        dismissed_by_user_id: Set(actor.user_id().map(|user| user.0)),
        dismissed_at: Set(at),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "suggestion.dismiss",
        "consultation",
        case.id,
        None,
        Some(&serde_json::json!({ "entry": row.entry_id, "reason": row.reason })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn entry(id: i64) -> directory_entries::Model {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        directory_entries::Model {
            id,
            kind: "advisor".to_owned(),
            user_id: Some(100 + id),
            organisation_id: None,
            name_en: format!("Entry {id}"),
            name_ja: format!("候補{id}"),
            summary_en: String::new(),
            summary_ja: String::new(),
            affiliation_en: None,
            affiliation_ja: None,
            capacity: Some(4),
            supporter_type: None,
            overseas: false,
            certified: false,
            ticket_min_yen: None,
            ticket_max_yen: None,
            programme_body: None,
            body_name_en: None,
            body_name_ja: None,
            eligibility_en: None,
            eligibility_ja: None,
            opens_on: None,
            closes_on: None,
            contact_email: None,
            website: None,
            active: true,
            version: 1,
            created_at: at,
            updated_at: at,
        }
    }

    // Terms: 1 domain, 2 stage, 3–4 topics, 10 ja, 11 en, 20 kanto, 21 asia.
    fn need() -> Need {
        Need {
            organisation_id: 7,
            domain: 1,
            stage: 2,
            topics: vec![3, 4],
            language: Some(11),
            japanese: Some(10),
            languages: BTreeSet::from([10, 11]),
            overseas: false,
            abroad: BTreeSet::from([21]),
            in_japan: BTreeSet::from([20]),
            competitors: BTreeSet::from(["rival kk".to_owned()]),
            dismissed: BTreeSet::from([9]),
            today: NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
        }
    }

    fn weights() -> MatchWeights {
        MatchWeights {
            domain: 3.0,
            stage: 1.0,
            topics: 3.0,
            text: 2.0,
            language: 1.0,
            region: 0.5,
            load: 1.5,
            outcomes: 1.0,
        }
    }

    #[test]
    fn every_hard_filter_leaves_the_candidate_out() {
        let need = need();
        let fit = Candidate {
            terms: BTreeSet::from([1, 2, 3, 11]),
            ..Candidate::default()
        };
        assert!(!excluded(DirectoryKind::Advisor, &entry(1), &fit, &need));

        let mut inactive = entry(1);
        inactive.active = false;
        assert!(excluded(DirectoryKind::Advisor, &inactive, &fit, &need));
        assert!(
            excluded(DirectoryKind::Advisor, &entry(9), &fit, &need),
            "dismissed"
        );
        let conflicted = Candidate {
            conflicts: BTreeSet::from([7]),
            ..fit.clone()
        };
        assert!(excluded(
            DirectoryKind::Advisor,
            &entry(1),
            &conflicted,
            &need
        ));
        let mut own = entry(1);
        own.organisation_id = Some(7);
        assert!(
            excluded(DirectoryKind::Supporter, &own, &fit, &need),
            "the requester's own organisation"
        );
        let rival_holder = Candidate {
            portfolio: BTreeSet::from(["rival kk".to_owned()]),
            ..fit.clone()
        };
        assert!(excluded(DirectoryKind::Vc, &entry(1), &rival_holder, &need));
        let tied_to_rival = Candidate {
            conflict_names: BTreeSet::from(["rival kk".to_owned()]),
            ..fit.clone()
        };
        assert!(excluded(
            DirectoryKind::Advisor,
            &entry(1),
            &tied_to_rival,
            &need
        ));
        let japanese_only = Candidate {
            terms: BTreeSet::from([1, 10]),
            ..Candidate::default()
        };
        assert!(excluded(
            DirectoryKind::Advisor,
            &entry(1),
            &japanese_only,
            &need
        ));
        let silent = Candidate {
            terms: BTreeSet::from([1]),
            ..Candidate::default()
        };
        assert!(
            excluded(DirectoryKind::Advisor, &entry(1), &silent, &need),
            "no languages listed: Japanese only"
        );
        let japanese_case = Need {
            language: Some(10),
            ..need.clone()
        };
        assert!(!excluded(
            DirectoryKind::Advisor,
            &entry(1),
            &silent,
            &japanese_case
        ));
        let full = Candidate {
            open_cases: 4,
            ..fit.clone()
        };
        assert!(excluded(DirectoryKind::Advisor, &entry(1), &full, &need));
        let mut closed = entry(1);
        closed.closes_on = NaiveDate::from_ymd_opt(2026, 11, 22);
        assert!(excluded(DirectoryKind::Programme, &closed, &silent, &need));
        closed.closes_on = NaiveDate::from_ymd_opt(2026, 11, 23);
        assert!(
            !excluded(DirectoryKind::Programme, &closed, &silent, &need),
            "open on its last day"
        );
    }

    #[test]
    fn the_score_is_the_weighted_mean_of_the_features_with_reasons() {
        let need = need();
        let candidate = Candidate {
            terms: BTreeSet::from([1, 2, 3, 11, 20]),
            text: 0.5,
            open_cases: 1,
            past: (3, 4),
            outcomes: 0.625,
            ..Candidate::default()
        };
        let (total, parts, reasons) = score(
            DirectoryKind::Advisor,
            &weights(),
            &entry(1),
            &candidate,
            &need,
        );
        // (3·1 + 1·1 + 3·½ + 2·½ + 1·1 + ½·1 + 1.5·¾ + 1·⅝) / 13
        let expected = (3.0 + 1.0 + 1.5 + 1.0 + 1.0 + 0.5 + 1.125 + 0.625) / 13.0;
        assert!((total - expected).abs() < 1e-12, "{total} vs {expected}");
        let sum: f64 = parts.iter().map(|part| part.points).sum();
        assert!((sum - total).abs() < 1e-12);
        assert_eq!(
            reasons,
            vec![
                Reason::Covers(vec![1, 3]),
                Reason::Stage(2),
                Reason::Wording,
                Reason::Speaks(11),
                Reason::Region(20),
                Reason::Slots {
                    free: 3,
                    capacity: 4
                },
                Reason::Outcomes {
                    matched: 3,
                    total: 4
                },
            ]
        );
        // Few introductions weigh little against the overall rate.
        let past = PastOutcomes {
            counts: HashMap::new(),
            prior: 0.25,
        };
        assert!((past.smoothed((0, 0)) - 0.25).abs() < 1e-12);
        assert!((past.smoothed((3, 4)) - 3.5 / 6.0).abs() < 1e-12);
        assert!(past.smoothed((30, 40)) > past.smoothed((3, 4)));
        // A kind without a load weight has no load part.
        let no_load = MatchWeights {
            load: 0.0,
            ..weights()
        };
        let (_, parts, _) = score(
            DirectoryKind::Supporter,
            &no_load,
            &entry(1),
            &candidate,
            &need,
        );
        assert!(parts.iter().all(|part| part.feature != MatchFeature::Load));
    }

    #[test]
    fn random_candidates_never_pass_a_hard_filter_and_score_between_0_and_1() {
        // A fixed linear congruential sequence: the same cases every run.
        let mut seed: u64 = 0x5eed;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        let need = need();
        for id in 0..2000 {
            let mut row = entry(id % 12);
            row.active = next(10) > 0;
            row.organisation_id = (next(10) == 0).then_some(7);
            row.capacity = Some(i32::try_from(next(5)).unwrap_or(0) + 1);
            let candidate = Candidate {
                terms: (1..=21).filter(|_| next(2) == 0).collect(),
                conflicts: (next(8) == 0).then_some(7).into_iter().collect(),
                conflict_names: (next(8) == 0)
                    .then(|| "rival kk".to_owned())
                    .into_iter()
                    .collect(),
                portfolio: (next(8) == 0)
                    .then(|| "rival kk".to_owned())
                    .into_iter()
                    .collect(),
                text: next(100) as f64 / 100.0,
                open_cases: i64::try_from(next(6)).unwrap_or(0),
                past: (0, 0),
                outcomes: next(100) as f64 / 100.0,
            };
            let kind = [DirectoryKind::Advisor, DirectoryKind::Vc][usize::from(next(2) == 0)];
            if excluded(kind, &row, &candidate, &need) {
                continue;
            }
            assert!(row.active && !need.dismissed.contains(&row.id));
            assert!(!candidate.conflicts.contains(&7) && row.organisation_id != Some(7));
            assert!(candidate.portfolio.is_empty() && candidate.conflict_names.is_empty());
            assert!(candidate.terms.contains(&11), "speaks English");
            if kind == DirectoryKind::Advisor {
                assert!(candidate.open_cases < i64::from(row.capacity.unwrap_or(0)));
            }
            let (total, _, _) = score(kind, &weights(), &row, &candidate, &need);
            assert!((0.0..=1.0).contains(&total), "{total}");
        }
    }
}
