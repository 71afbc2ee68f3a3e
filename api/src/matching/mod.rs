//! Matching: for a consultation, who in the directory can help and why. Suggestions rank
//! advisors, supporter organisations, VCs and support programmes separately: hard filters
//! leave out whoever must not be suggested, and a weighted score over explainable features
//! orders the rest ([`suggestions`]).

pub mod assignment;
pub mod batch;
pub mod evaluation;
pub mod graphql;
pub mod suggestions;

use crate::labels::{Labelled, stored_enum};

stored_enum! {
    /// What a suggestion's score is made of.
    pub enum MatchFeature {
        /// The candidate covers the consultation's domain.
        Domain => "domain", "match-feature-domain",
        /// The candidate covers its development stage.
        Stage => "stage", "match-feature-stage",
        /// The share of its topics the candidate covers.
        Topics => "topics", "match-feature-topics",
        /// How well the candidate's texts match the consultation's title.
        Text => "text", "match-feature-text",
        /// The candidate works in the consultation's language.
        Language => "language", "match-feature-language",
        /// The candidate covers Japan, or abroad for an overseas startup.
        Region => "region", "match-feature-region",
        /// Advisors: the share of their capacity still free.
        Load => "load", "match-feature-load",
        /// The smoothed share of the candidate's past introductions on similar
        /// consultations that led to a match.
        Outcomes => "outcomes", "match-feature-outcomes",
    }
}

/// Label ids of the matching enums, for the locale tests.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    MatchFeature::ALL
        .iter()
        .map(Labelled::label_id)
        .chain(batch::Unassigned::ALL.iter().map(Labelled::label_id))
}
