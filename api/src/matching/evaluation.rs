//! How good the suggestions are, measured on a labelled set (`seed/evaluation.toml`):
//! fictional consultations and the directory entries a senior advisor would pick for each.
//! The engine's ranking is compared with a plain baseline that orders entries by how many
//! of the consultation's domain, stage and topics they are tagged with. Reported per kind:
//! NDCG@5 (are the picks at the top?) and Recall@10 (how many picks are in the first ten?).

use std::collections::{BTreeSet, HashMap};

use anyhow::Context as _;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

use super::suggestions::{self, Ask};
use crate::{
    directory::DirectoryKind,
    entity::{directory_entries, directory_entry_terms, taxonomy_terms},
    state::AppState,
};

pub const EVALUATION: &str = include_str!("../../../seed/evaluation.toml");

#[derive(Deserialize)]
struct Set {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    title: String,
    locale: String,
    #[serde(default)]
    overseas: bool,
    domain: String,
    stage: String,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    competitors: Vec<String>,
    #[serde(default)]
    advisor: Vec<String>,
    #[serde(default)]
    supporter: Vec<String>,
    #[serde(default)]
    vc: Vec<String>,
    #[serde(default)]
    programme: Vec<String>,
}

impl Case {
    fn picks(&self, kind: DirectoryKind) -> &[String] {
        match kind {
            DirectoryKind::Advisor => &self.advisor,
            DirectoryKind::Supporter => &self.supporter,
            DirectoryKind::Vc => &self.vc,
            DirectoryKind::Programme => &self.programme,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub ndcg_at_5: f64,
    pub recall_at_10: f64,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub kind: DirectoryKind,
    pub cases: usize,
    pub engine: Scores,
    pub baseline: Scores,
}

/// NDCG@5 with binary relevance.
pub fn ndcg_at_5(ranked: &[i64], relevant: &BTreeSet<i64>) -> f64 {
    let gain = |i: usize| 1.0 / ((i + 2) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(5)
        .enumerate()
        .filter(|(_, id)| relevant.contains(id))
        .map(|(i, _)| gain(i))
        .sum();
    let ideal: f64 = (0..relevant.len().min(5)).map(gain).sum();
    if ideal > 0.0 { dcg / ideal } else { 0.0 }
}

pub fn recall_at_10(ranked: &[i64], relevant: &BTreeSet<i64>) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let found = ranked
        .iter()
        .take(10)
        .filter(|id| relevant.contains(id))
        .count();
    found as f64 / relevant.len() as f64
}

/// Runs the labelled set against the directory in `state` (the demo directory).
pub async fn run(state: &AppState, data: &str) -> anyhow::Result<Vec<Row>> {
    let set: Set = toml::from_str(data).context("the evaluation set")?;
    let terms = taxonomy_terms::Entity::find().all(&state.db).await?;
    let term = |kind: &str, code: &str| {
        terms
            .iter()
            .find(|term| term.kind == kind && term.code == code)
            .map(|term| term.id)
            .with_context(|| format!("no {kind} {code} in the taxonomy"))
    };
    let mut rows = Vec::new();
    for kind in [
        DirectoryKind::Advisor,
        DirectoryKind::Supporter,
        DirectoryKind::Vc,
        DirectoryKind::Programme,
    ] {
        let entries = directory_entries::Entity::find()
            .filter(directory_entries::Column::Kind.eq(kind.as_db()))
            .all(&state.db)
            .await?;
        let by_name: HashMap<&str, i64> = entries
            .iter()
            .map(|entry| (entry.name_en.as_str(), entry.id))
            .collect();
        let mut tags: HashMap<i64, BTreeSet<i64>> = HashMap::new();
        for row in directory_entry_terms::Entity::find()
            .filter(directory_entry_terms::Column::EntryId.is_in(entries.iter().map(|e| e.id)))
            .all(&state.db)
            .await?
        {
            tags.entry(row.entry_id).or_default().insert(row.term_id);
        }
        let (mut engine, mut baseline, mut cases) = (Scores::default(), Scores::default(), 0);
        for case in &set.cases {
            let picks = case.picks(kind);
            if picks.is_empty() {
                continue;
            }
            let relevant: BTreeSet<i64> = picks
                .iter()
                .map(|name| {
                    by_name.get(name.as_str()).copied().with_context(|| {
                        format!("{name:?} is not a {} in the directory", kind.as_db())
                    })
                })
                .collect::<anyhow::Result<_>>()?;
            let mut topics = Vec::new();
            for code in &case.topics {
                topics.push(term("topic", code)?);
            }
            let ask = Ask {
                organisation_id: 0,
                domain: term("domain", &case.domain)?,
                stage: term("stage", &case.stage)?,
                topics,
                locale: case.locale.clone(),
                overseas: case.overseas,
                competitors: case.competitors.clone(),
                dismissed: BTreeSet::new(),
            };
            let wanted: BTreeSet<i64> = [ask.domain, ask.stage]
                .into_iter()
                .chain(ask.topics.iter().copied())
                .collect();
            let need = suggestions::need_from(state, ask)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            let ranked: Vec<i64> = suggestions::rank(state, &need, &case.title, kind, 10)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?
                .into_iter()
                .map(|suggestion| suggestion.entry.id)
                .collect();
            // The baseline: most shared tags first, then by name.
            let mut plain: Vec<(usize, &str, i64)> = entries
                .iter()
                .filter(|entry| entry.active)
                .map(|entry| {
                    let shared = tags
                        .get(&entry.id)
                        .map_or(0, |have| have.intersection(&wanted).count());
                    (shared, entry.name_en.as_str(), entry.id)
                })
                .collect();
            plain.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let plain: Vec<i64> = plain.into_iter().take(10).map(|(_, _, id)| id).collect();

            engine.ndcg_at_5 += ndcg_at_5(&ranked, &relevant);
            engine.recall_at_10 += recall_at_10(&ranked, &relevant);
            baseline.ndcg_at_5 += ndcg_at_5(&plain, &relevant);
            baseline.recall_at_10 += recall_at_10(&plain, &relevant);
            cases += 1;
        }
        let mean = |scores: Scores| {
            let n = cases.max(1) as f64;
            Scores {
                ndcg_at_5: scores.ndcg_at_5 / n,
                recall_at_10: scores.recall_at_10 / n,
            }
        };
        rows.push(Row {
            kind,
            cases,
            engine: mean(engine),
            baseline: mean(baseline),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndcg_rewards_picks_near_the_top() {
        let relevant = BTreeSet::from([1, 2]);
        assert!((ndcg_at_5(&[1, 2, 3], &relevant) - 1.0).abs() < 1e-12);
        // Found 4th and 5th: (1/log2 5 + 1/log2 6) / (1 + 1/log2 3).
        let late = ndcg_at_5(&[3, 4, 5, 1, 2], &relevant);
        let expected = (1.0 / 5f64.log2() + 1.0 / 6f64.log2()) / (1.0 + 1.0 / 3f64.log2());
        assert!((late - expected).abs() < 1e-12, "{late}");
        assert!(ndcg_at_5(&[3, 4, 5, 6, 7, 1], &relevant).abs() < 1e-12);
        assert!((recall_at_10(&[9, 1], &relevant) - 0.5).abs() < 1e-12);
    }
}
