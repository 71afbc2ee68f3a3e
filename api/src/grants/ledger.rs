//! A programme's ledger: every commitment, disbursement and release, append-only and
//! chained. Each entry's hash covers its own fields and the previous entry's hash, so a
//! changed, removed or inserted row breaks the chain from there on; the database also
//! refuses updates and deletes outright (triggers). `banso ledger verify` walks the chains.
//!
//! Entries are appended only while the programme's row is locked (see
//! [`super::service`]), so two transactions never chain onto the same entry.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use sha2::{Digest, Sha256};

use super::LedgerKind;
use crate::{
    auth::Actor,
    entity::{grant_ledger, grant_programmes},
    error::ApiError,
};

/// The `previous_hash` of a programme's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an entry records, before it is chained.
#[derive(Debug, Clone, Copy)]
pub struct Movement {
    pub kind: LedgerKind,
    pub award_id: Option<i64>,
    pub milestone_id: Option<i64>,
    pub amount_yen: i64,
}

/// The hash of an entry: SHA-256 over its fields and the previous hash, hex-encoded.
pub fn hash_of(entry: &grant_ledger::Model) -> String {
    let text = format!(
        "banso-grant-ledger-v1|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        entry.programme_id,
        entry.sequence,
        entry.kind,
        entry.award_id.map(|id| id.to_string()).unwrap_or_default(),
        entry
            .milestone_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        entry.amount_yen,
        entry
            .recorded_by_user_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        entry.recorded_at.timestamp_micros(),
        entry.previous_hash,
    );
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends an entry to the programme's chain. The caller holds the programme's lock.
pub async fn append(
    txn: &DatabaseTransaction,
    programme_id: i64,
    movement: Movement,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<grant_ledger::Model, ApiError> {
    let last = grant_ledger::Entity::find()
        .filter(grant_ledger::Column::ProgrammeId.eq(programme_id))
        .order_by_desc(grant_ledger::Column::Sequence)
        .one(txn)
        .await?;
    let (sequence, previous_hash) = match last {
        Some(last) => (last.sequence + 1, last.hash),
        None => (1, GENESIS.to_owned()),
    };
    let mut entry = grant_ledger::Model {
        id: 0,
        programme_id,
        sequence,
        kind: movement.kind.as_db().to_owned(),
        award_id: movement.award_id,
        milestone_id: movement.milestone_id,
        amount_yen: movement.amount_yen,
        recorded_by_user_id: actor.user_id().map(|u| u.0),
        recorded_at: at,
        previous_hash,
        hash: String::new(),
    };
    entry.hash = hash_of(&entry);
    let row = grant_ledger::ActiveModel {
        programme_id: Set(entry.programme_id),
        sequence: Set(entry.sequence),
        kind: Set(entry.kind.clone()),
        award_id: Set(entry.award_id),
        milestone_id: Set(entry.milestone_id),
        amount_yen: Set(entry.amount_yen),
        recorded_by_user_id: Set(entry.recorded_by_user_id),
        recorded_at: Set(entry.recorded_at),
        previous_hash: Set(entry.previous_hash.clone()),
        hash: Set(entry.hash.clone()),
        ..Default::default()
    };
    Ok(row.insert(txn).await?)
}

/// Why a chain does not hold, at which entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The sequence skips or repeats: an entry was removed or inserted.
    Sequence { expected: i64, found: i64 },
    /// The entry does not chain onto the one before it.
    Link { sequence: i64 },
    /// The entry's fields no longer match its hash: it was changed.
    Hash { sequence: i64 },
    /// The entries add up to other totals than the programme shows.
    Totals {
        committed_yen: i64,
        disbursed_yen: i64,
    },
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Break::Sequence { expected, found } => write!(
                f,
                "entry {found} found where entry {expected} was expected (an entry was removed or inserted)"
            ),
            Break::Link { sequence } => write!(
                f,
                "entry {sequence} does not carry the hash of the entry before it"
            ),
            Break::Hash { sequence } => {
                write!(f, "entry {sequence} was changed after it was written")
            }
            Break::Totals {
                committed_yen,
                disbursed_yen,
            } => write!(
                f,
                "the entries add up to {committed_yen} yen committed and {disbursed_yen} yen disbursed, not what the programme shows"
            ),
        }
    }
}

impl Break {
    /// The break in the reader's language.
    pub fn message(&self, i18n: &crate::i18n::I18n, locale: crate::i18n::Locale) -> String {
        use crate::i18n::Args;
        let (id, args) = match self {
            Break::Sequence { expected, found } => (
                "grant-ledger-break-sequence",
                Args::new()
                    .number("expected", *expected)
                    .number("found", *found),
            ),
            Break::Link { sequence } => (
                "grant-ledger-break-link",
                Args::new().number("sequence", *sequence),
            ),
            Break::Hash { sequence } => (
                "grant-ledger-break-hash",
                Args::new().number("sequence", *sequence),
            ),
            Break::Totals { .. } => ("grant-ledger-break-totals", Args::new()),
        };
        i18n.message(locale, id, &args)
    }
}

/// The result of walking one programme's chain.
#[derive(Debug, Clone)]
pub struct Verification {
    pub programme_id: i64,
    pub entries: usize,
    pub broken: Option<Break>,
}

/// Walks the chain of one programme: sequence, links, hashes, and the totals against the
/// programme's committed and disbursed amounts.
pub fn verify_entries(
    programme: &grant_programmes::Model,
    entries: &[grant_ledger::Model],
) -> Verification {
    let broken = (|| {
        let mut previous = GENESIS.to_owned();
        let (mut committed, mut disbursed) = (0i64, 0i64);
        for (index, entry) in entries.iter().enumerate() {
            let expected = index as i64 + 1;
            if entry.sequence != expected {
                return Some(Break::Sequence {
                    expected,
                    found: entry.sequence,
                });
            }
            if entry.previous_hash != previous {
                return Some(Break::Link {
                    sequence: entry.sequence,
                });
            }
            if hash_of(entry) != entry.hash {
                return Some(Break::Hash {
                    sequence: entry.sequence,
                });
            }
            match LedgerKind::from_db(&entry.kind) {
                Ok(LedgerKind::Commitment) => committed += entry.amount_yen,
                Ok(LedgerKind::Release) => committed -= entry.amount_yen,
                Ok(LedgerKind::Disbursement) => disbursed += entry.amount_yen,
                Err(_) => {
                    return Some(Break::Hash {
                        sequence: entry.sequence,
                    });
                }
            }
            previous.clone_from(&entry.hash);
        }
        (committed != programme.committed_yen || disbursed != programme.disbursed_yen).then_some(
            Break::Totals {
                committed_yen: committed,
                disbursed_yen: disbursed,
            },
        )
    })();
    Verification {
        programme_id: programme.id,
        entries: entries.len(),
        broken,
    }
}

/// Verifies one programme's chain as stored.
pub async fn verify(
    conn: &impl ConnectionTrait,
    programme: &grant_programmes::Model,
) -> Result<Verification, ApiError> {
    let entries = grant_ledger::Entity::find()
        .filter(grant_ledger::Column::ProgrammeId.eq(programme.id))
        .order_by_asc(grant_ledger::Column::Sequence)
        .all(conn)
        .await?;
    Ok(verify_entries(programme, &entries))
}

/// Verifies every programme's chain.
pub async fn verify_all(conn: &impl ConnectionTrait) -> Result<Vec<Verification>, ApiError> {
    let mut report = Vec::new();
    for programme in grant_programmes::Entity::find()
        .order_by_asc(grant_programmes::Column::Id)
        .all(conn)
        .await?
    {
        report.push(verify(conn, &programme).await?);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programme(committed: i64, disbursed: i64) -> grant_programmes::Model {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        grant_programmes::Model {
            id: 1,
            desk_id: 1,
            fiscal_year: 2026,
            name_en: String::new(),
            name_ja: String::new(),
            description_en: String::new(),
            description_ja: String::new(),
            themes: String::new(),
            budget_yen: 1_000_000_000,
            award_ceiling_yen: 100_000_000,
            match_ratio_permille: None,
            opens_on: day,
            closes_on: day,
            committed_yen: committed,
            disbursed_yen: disbursed,
            created_by_user_id: None,
            version: 1,
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            updated_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }

    fn chain(amounts: &[(LedgerKind, i64)]) -> Vec<grant_ledger::Model> {
        let mut previous = GENESIS.to_owned();
        amounts
            .iter()
            .enumerate()
            .map(|(index, (kind, amount))| {
                let mut entry = grant_ledger::Model {
                    id: index as i64 + 1,
                    programme_id: 1,
                    sequence: index as i64 + 1,
                    kind: kind.as_db().to_owned(),
                    award_id: Some(1),
                    milestone_id: None,
                    amount_yen: *amount,
                    recorded_by_user_id: Some(7),
                    recorded_at: DateTime::<Utc>::UNIX_EPOCH,
                    previous_hash: previous.clone(),
                    hash: String::new(),
                };
                entry.hash = hash_of(&entry);
                previous.clone_from(&entry.hash);
                entry
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies_and_any_change_breaks_it() {
        let entries = chain(&[
            (LedgerKind::Commitment, 50_000_000),
            (LedgerKind::Disbursement, 20_000_000),
            (LedgerKind::Release, 30_000_000),
        ]);
        let intact = verify_entries(&programme(20_000_000, 20_000_000), &entries);
        assert_eq!(intact.broken, None);
        assert_eq!(intact.entries, 3);

        let mut changed = entries.clone();
        changed[1].amount_yen = 25_000_000;
        assert_eq!(
            verify_entries(&programme(20_000_000, 20_000_000), &changed).broken,
            Some(Break::Hash { sequence: 2 })
        );

        let mut removed = entries.clone();
        removed.remove(1);
        assert!(matches!(
            verify_entries(&programme(20_000_000, 20_000_000), &removed).broken,
            Some(Break::Sequence {
                expected: 2,
                found: 3
            })
        ));

        let mut relinked = entries.clone();
        relinked[2].previous_hash = GENESIS.to_owned();
        relinked[2].hash = hash_of(&relinked[2]);
        assert_eq!(
            verify_entries(&programme(20_000_000, 20_000_000), &relinked).broken,
            Some(Break::Link { sequence: 3 })
        );

        assert!(matches!(
            verify_entries(&programme(50_000_000, 20_000_000), &entries).broken,
            Some(Break::Totals { .. })
        ));
    }
}
