//! The document both engines index for one directory entry: its texts in each language,
//! the labels of its taxonomy terms (so that a search for 薬事 finds an entry tagged
//! "regulatory affairs"), and the codes and flags it is filtered and faceted by.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// No closing date: the programme stays open.
pub const OPEN_ENDED: i64 = 9_999_999;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectoryDocument {
    pub id: i64,
    /// One of [`super::KINDS`].
    pub kind: String,
    pub name_en: String,
    pub name_ja: String,
    pub summary_en: String,
    pub summary_ja: String,
    /// Affiliation, implementing body, eligibility.
    pub details_en: String,
    pub details_ja: String,
    /// Labels and synonyms of the entry's taxonomy terms.
    pub terms_en: Vec<String>,
    pub terms_ja: Vec<String>,
    /// Synonyms of words the entry's texts contain, so that an entry that says 薬事 is
    /// found by "regulatory affairs" and the reverse, in both engines alike.
    pub related_en: Vec<String>,
    pub related_ja: Vec<String>,
    pub domains: Vec<String>,
    pub stages: Vec<String>,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub regions: Vec<String>,
    pub services: Vec<String>,
    pub supporter_type: Option<String>,
    pub programme_body: Option<String>,
    pub overseas: bool,
    pub certified: bool,
    pub active: bool,
    /// Day numbers of the application window; 0 and [`OPEN_ENDED`] when not bounded.
    pub opens_day: i64,
    pub closes_day: i64,
    /// The English name in lower case, for sorting by name.
    pub sort_name: String,
    /// Seconds since the epoch.
    pub updated_at: i64,
}

impl DirectoryDocument {
    /// Facet field and the values this document counts for.
    pub fn facet_values(&self) -> Vec<(&'static str, Vec<String>)> {
        vec![
            ("kind", vec![self.kind.clone()]),
            ("domains", self.domains.clone()),
            ("stages", self.stages.clone()),
            ("topics", self.topics.clone()),
            ("languages", self.languages.clone()),
            ("regions", self.regions.clone()),
            ("services", self.services.clone()),
            (
                "supporter_type",
                self.supporter_type.iter().cloned().collect(),
            ),
            ("overseas", vec![self.overseas.to_string()]),
            ("certified", vec![self.certified.to_string()]),
        ]
    }
}

/// Days since 1970-01-01, the form dates are filtered by in both engines.
pub fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 719_163
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_from_the_epoch() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("date");
        assert_eq!(day_number(epoch), 0);
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(day_number(day), 20_780);
    }
}
