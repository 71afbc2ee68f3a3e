//! The taxonomy: domains (領域), development stages and topics, with labels in English and
//! Japanese. It is data, seeded and edited by admins; consultations and the directory are
//! tagged with it.

pub mod graphql;
pub mod service;

use crate::labels::Labelled;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    async_graphql::Enum,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TaxonomyKind {
    /// Bio & regenerative, medical devices & SaMD, …
    Domain,
    /// From idea to scaling abroad.
    Stage,
    /// Regulatory, reimbursement, funding, …
    Topic,
    /// Languages advisors and organisations work in.
    Language,
    /// Regions of Japan, and abroad, that they cover.
    Region,
    /// Services supporter organisations offer.
    Service,
}

impl TaxonomyKind {
    pub const fn as_db(self) -> &'static str {
        match self {
            TaxonomyKind::Domain => "domain",
            TaxonomyKind::Stage => "stage",
            TaxonomyKind::Topic => "topic",
            TaxonomyKind::Language => "language",
            TaxonomyKind::Region => "region",
            TaxonomyKind::Service => "service",
        }
    }

    pub fn from_db(value: &str) -> anyhow::Result<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_db() == value)
            .ok_or_else(|| anyhow::anyhow!("unknown taxonomy kind {value:?} in the database"))
    }
}

impl Labelled for TaxonomyKind {
    const ALL: &'static [Self] = &[
        TaxonomyKind::Domain,
        TaxonomyKind::Stage,
        TaxonomyKind::Topic,
        TaxonomyKind::Language,
        TaxonomyKind::Region,
        TaxonomyKind::Service,
    ];

    fn label_id(&self) -> &'static str {
        match self {
            TaxonomyKind::Domain => "taxonomy-kind-domain",
            TaxonomyKind::Stage => "taxonomy-kind-stage",
            TaxonomyKind::Topic => "taxonomy-kind-topic",
            TaxonomyKind::Language => "taxonomy-kind-language",
            TaxonomyKind::Region => "taxonomy-kind-region",
            TaxonomyKind::Service => "taxonomy-kind-service",
        }
    }
}
