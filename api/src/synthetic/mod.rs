//! `banso seed --synthetic`: years of realistic, bilingual history, the same for the same
//! random seed, for the benchmarks and for trying reports and queues at scale.
//!
//! On top of the desks and taxonomy it adds startups with a requester each, advisors (with
//! desk memberships and directory entries), supporter organisations and VCs, then
//! consultations in the order they arrived — each with its timeline, the occasional
//! referral to another desk, and its introductions with their outcomes and the investments
//! they led to. Arrivals grow over the years, fall on business days, and a consultation's
//! state follows from its age: last week's are still in the queues, older ones are mostly
//! closed. Rows are written in batches, one transaction per batch of consultations, so a
//! stopped run leaves whole consultations behind.
//!
//! The synthetic accounts' addresses end in `@synthetic.banso.example`; the advisors sign
//! in with the demo password.

mod text;

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, Iterable,
    PaginatorTrait, QueryFilter, Set, Statement, TransactionTrait,
};
use serde_json::json;

use crate::{
    accounts::OrganisationKind,
    auth::Role,
    calendar::{BusinessCalendar, fiscal_year, japan_date, japan_midnight},
    consultations::{
        Confidentiality, ConsultationKind, ConsultationStatus, Priority, ReferralStatus,
        Resolution, SharedField,
        timeline::{EventKind, status_value},
    },
    directory::{DirectoryKind, SupporterType},
    entity::{
        consultation_events, consultation_topics, consultations, desk_memberships, desks,
        directory_entries, directory_entry_terms, domain_routes, introductions, investments,
        organisations, referrals, taxonomy_terms, users,
    },
    introductions::{
        Adopter, IntroductionChannel, IntroductionStatus, InvestmentRound, OutcomeType,
    },
    state::AppState,
    taxonomy::TaxonomyKind,
};

/// The domain of the synthetic accounts' email addresses.
pub const EMAIL_DOMAIN: &str = "synthetic.banso.example";

/// How much history to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    pub consultations: u64,
    pub introductions: u64,
    pub organisations: u64,
    pub advisors: u64,
    /// Supporter organisations and VCs in the directory (advisors come on top).
    pub entries: u64,
    /// Years back from today that the history reaches.
    pub years: u32,
    /// The random seed: the same seed and sizes make the same history.
    pub seed: u64,
}

/// What a run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub organisations: u64,
    pub advisors: u64,
    pub entries: u64,
    pub consultations: u64,
    pub events: u64,
    pub referrals: u64,
    pub introductions: u64,
    pub investments: u64,
    /// Every row written, in all tables.
    pub rows: u64,
}

/// A small, fast, seedable generator (SplitMix64): the history must be the same on every
/// machine for the same seed, whatever version of a random-number crate is about.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An index by weight.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut left = self.below(total);
        for (index, weight) in weights.iter().enumerate() {
            if left < u64::from(*weight) {
                return index;
            }
            left -= u64::from(*weight);
        }
        weights.len() - 1
    }
}

/// Prints how far a stage is, at most a few times a second, on one line of stderr.
struct Progress {
    started: Instant,
    shown: Instant,
    rows: u64,
}

impl Progress {
    fn new() -> Progress {
        let now = Instant::now();
        Progress {
            started: now,
            shown: now,
            rows: 0,
        }
    }

    fn rate(&self) -> f64 {
        self.rows as f64 / self.started.elapsed().as_secs_f64().max(0.001)
    }

    fn show(&mut self, stage: &str, done: u64, total: u64) {
        if self.shown.elapsed().as_millis() < 250 && done < total {
            return;
        }
        self.shown = Instant::now();
        let width = 30;
        let filled = (done * width).checked_div(total).unwrap_or(width) as usize;
        eprint!(
            "\r{stage:<14} [{}{}] {done}/{total} · {:.0} rows/s   ",
            "#".repeat(filled),
            ".".repeat(width as usize - filled),
            self.rate()
        );
        if done >= total {
            eprintln!();
        }
    }
}

/// Inserts rows in statements small enough for either database's limit on bound values.
async fn insert<A>(conn: &impl ConnectionTrait, rows: Vec<A>) -> anyhow::Result<u64>
where
    A: ActiveModelTrait,
{
    let written = rows.len() as u64;
    let columns = <<A::Entity as EntityTrait>::Column as Iterable>::iter().count();
    let per_statement = (30_000 / columns.max(1)).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per_statement).collect();
        A::Entity::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(written)
}

/// The largest id of a table, or 0.
async fn max_id(conn: &impl ConnectionTrait, table: &str) -> anyhow::Result<i64> {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            format!("SELECT COALESCE(MAX(id), 0) AS m FROM {table}"),
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no maximum id for {table}"))?;
    Ok(row.try_get("", "m")?)
}

struct Desk {
    id: i64,
    prefix: String,
    first_response_days: u32,
    advisors: Vec<i64>,
}

struct Domain {
    id: i64,
    ja: String,
    en: String,
    desk: usize,
}

struct Organisation {
    id: i64,
    requester: i64,
    overseas: bool,
}

struct Entry {
    id: i64,
    name_en: String,
    name_ja: String,
    /// The advisor behind an advisor's entry.
    user: Option<i64>,
}

/// The rows of one batch of consultations.
#[derive(Default)]
struct Batch {
    consultations: Vec<consultations::ActiveModel>,
    topics: Vec<consultation_topics::ActiveModel>,
    referrals: Vec<referrals::ActiveModel>,
    introductions: Vec<introductions::ActiveModel>,
    investments: Vec<investments::ActiveModel>,
    events: Vec<consultation_events::ActiveModel>,
}

/// One consultation's state as the generator follows it.
struct Case {
    id: i64,
    desk: usize,
    assignee: Option<i64>,
    japanese: bool,
    organisation: i64,
    requester: i64,
    /// The entries already introduced: each at most once per consultation.
    introduced: Vec<i64>,
    responded: Option<DateTime<Utc>>,
    closed: Option<DateTime<Utc>>,
}

/// The whole generator's state: what it chose, and the next id of each table.
struct Generator<'a> {
    rng: Rng,
    calendar: &'a BusinessCalendar,
    now: DateTime<Utc>,
    desks: Vec<Desk>,
    domains: Vec<Domain>,
    stages: Vec<i64>,
    topics: Vec<i64>,
    organisations: Vec<Organisation>,
    advisor_entries: Vec<Entry>,
    supporter_entries: Vec<Entry>,
    vc_entries: Vec<Entry>,
    /// Reference numbers used per (desk index, fiscal year).
    numbers: HashMap<(usize, i32), i32>,
    next_event: i64,
    next_referral: i64,
    next_introduction: i64,
    next_investment: i64,
}

/// Writes the synthetic history. The desks and taxonomy must be loaded; a database that
/// already holds synthetic accounts is refused, so that a run is never mixed with another.
pub async fn generate(state: &AppState, sizes: &Sizes) -> anyhow::Result<Report> {
    let db = &state.db;
    anyhow::ensure!(
        sizes.years > 0 && sizes.organisations > 0 && sizes.advisors > 0 && sizes.entries > 0,
        "years, organisations, advisors and entries must each be at least 1"
    );
    let already = users::Entity::find()
        .filter(users::Column::Email.like(format!("%@{EMAIL_DOMAIN}")))
        .count(db)
        .await?;
    anyhow::ensure!(
        already == 0,
        "this database already holds synthetic history ({already} synthetic accounts); start from an empty database"
    );
    let mut generator = Generator::load(state, sizes).await?;
    let mut report = Report::default();
    let mut progress = Progress::new();

    generator
        .organisations(state, sizes, &mut report, &mut progress)
        .await?;
    generator
        .advisors(state, sizes, &mut report, &mut progress)
        .await?;
    generator
        .entries(state, sizes, &mut report, &mut progress)
        .await?;
    generator
        .history(state, sizes, &mut report, &mut progress)
        .await?;
    generator.finish(state).await?;
    report.rows = progress.rows;
    Ok(report)
}

impl<'a> Generator<'a> {
    async fn load(state: &'a AppState, sizes: &Sizes) -> anyhow::Result<Generator<'a>> {
        let db = &state.db;
        let desk_rows = desks::Entity::find()
            .filter(desks::Column::Active.eq(true))
            .all(db)
            .await?;
        anyhow::ensure!(!desk_rows.is_empty(), "no desks: run `banso seed` first");
        let desks: Vec<Desk> = desk_rows
            .iter()
            .map(|desk| Desk {
                id: desk.id,
                prefix: desk.reference_prefix.clone(),
                first_response_days: u32::try_from(desk.first_response_business_days).unwrap_or(3),
                advisors: Vec::new(),
            })
            .collect();
        let routes: HashMap<i64, i64> = domain_routes::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|route| (route.domain_term_id, route.desk_id))
            .collect();
        let terms = taxonomy_terms::Entity::find()
            .filter(taxonomy_terms::Column::Active.eq(true))
            .all(db)
            .await?;
        let of_kind = |kind: TaxonomyKind| {
            terms
                .iter()
                .filter(move |term| term.kind == kind.as_db())
                .collect::<Vec<_>>()
        };
        let domains: Vec<Domain> = of_kind(TaxonomyKind::Domain)
            .into_iter()
            .enumerate()
            .map(|(n, term)| Domain {
                id: term.id,
                ja: term.label_ja.clone(),
                en: term.label_en.clone(),
                desk: routes
                    .get(&term.id)
                    .and_then(|desk| desks.iter().position(|d| d.id == *desk))
                    .unwrap_or(n % desks.len()),
            })
            .collect();
        let stages: Vec<i64> = of_kind(TaxonomyKind::Stage).iter().map(|t| t.id).collect();
        let topics: Vec<i64> = of_kind(TaxonomyKind::Topic).iter().map(|t| t.id).collect();
        anyhow::ensure!(
            !domains.is_empty() && !stages.is_empty() && !topics.is_empty(),
            "the taxonomy has no domains, stages or topics: run `banso seed` first"
        );
        // Continue each desk's reference series where the desk's own filings left it.
        let mut numbers = HashMap::new();
        let counters = db
            .query_all_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT desk_id, fiscal_year, last_number FROM reference_counters",
            ))
            .await?;
        for counter in counters {
            let desk_id: i64 = counter.try_get("", "desk_id")?;
            if let Some(desk) = desks.iter().position(|d| d.id == desk_id) {
                numbers.insert(
                    (desk, counter.try_get("", "fiscal_year")?),
                    counter.try_get("", "last_number")?,
                );
            }
        }
        Ok(Generator {
            rng: Rng::new(sizes.seed),
            calendar: &state.calendar,
            now: crate::db::now(),
            desks,
            domains,
            stages,
            topics,
            organisations: Vec::new(),
            advisor_entries: Vec::new(),
            supporter_entries: Vec::new(),
            vc_entries: Vec::new(),
            numbers,
            next_event: max_id(db, "consultation_events").await? + 1,
            next_referral: max_id(db, "referrals").await? + 1,
            next_introduction: max_id(db, "introductions").await? + 1,
            next_investment: max_id(db, "investments").await? + 1,
        })
    }

    fn start(&self, sizes: &Sizes) -> DateTime<Utc> {
        self.now - Duration::days(365 * i64::from(sizes.years))
    }

    /// Startups, each with one requester.
    async fn organisations(
        &mut self,
        state: &AppState,
        sizes: &Sizes,
        report: &mut Report,
        progress: &mut Progress,
    ) -> anyhow::Result<()> {
        let first = max_id(&state.db, "organisations").await? + 1;
        let first_user = max_id(&state.db, "users").await? + 1;
        let start = self.start(sizes);
        let mut done = 0;
        while done < sizes.organisations {
            let n = (sizes.organisations - done).min(2_000);
            let (mut orgs, mut people) = (Vec::new(), Vec::new());
            for k in done..done + n {
                let (id, user) = (first + k as i64, first_user + k as i64);
                let (name, country) = text::organisation(&mut self.rng, k + 1);
                let at = start + Duration::hours(self.rng.between(0, 24 * 90));
                let overseas = country != "JP";
                let (person_ja, person_en) = text::person(&mut self.rng);
                orgs.push(organisations::ActiveModel {
                    id: Set(id),
                    kind: Set(OrganisationKind::Startup.as_db().to_owned()),
                    name: Set(name),
                    country_code: Set(country.to_owned()),
                    corporate_number: Set(None),
                    created_at: Set(at),
                    updated_at: Set(at),
                });
                people.push(users::ActiveModel {
                    id: Set(user),
                    email: Set(format!("requester{}@{EMAIL_DOMAIN}", k + 1)),
                    display_name: Set(if overseas { person_en } else { person_ja }),
                    password_hash: Set(None),
                    role: Set(Role::Requester.as_db().to_owned()),
                    organisation_id: Set(Some(id)),
                    locale: Set(if overseas { "en" } else { "ja" }.to_owned()),
                    email_verified_at: Set(Some(at)),
                    deactivated_at: Set(None),
                    created_at: Set(at),
                    updated_at: Set(at),
                });
                self.organisations.push(Organisation {
                    id,
                    requester: user,
                    overseas,
                });
            }
            let txn = state.db.begin().await?;
            progress.rows += insert(&txn, orgs).await?;
            progress.rows += insert(&txn, people).await?;
            txn.commit().await?;
            done += n;
            report.organisations = done;
            progress.show("organisations", done, sizes.organisations);
        }
        Ok(())
    }

    /// Advisors: an account, a desk to belong to, and a directory entry with the domains
    /// they know.
    async fn advisors(
        &mut self,
        state: &AppState,
        sizes: &Sizes,
        report: &mut Report,
        progress: &mut Progress,
    ) -> anyhow::Result<()> {
        let password = state.passwords.hash(&crate::seed::demo_password()?).await?;
        let first_user = max_id(&state.db, "users").await? + 1;
        let first_entry = max_id(&state.db, "directory_entries").await? + 1;
        let at = self.start(sizes);
        let (mut people, mut members, mut entries, mut terms) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for k in 0..sizes.advisors {
            let (user, entry) = (first_user + k as i64, first_entry + k as i64);
            let desk = (k as usize) % self.desks.len();
            self.desks[desk].advisors.push(user);
            let (name_ja, name_en) = text::person(&mut self.rng);
            people.push(users::ActiveModel {
                id: Set(user),
                email: Set(format!("advisor{}@{EMAIL_DOMAIN}", k + 1)),
                display_name: Set(name_ja.clone()),
                password_hash: Set(Some(password.clone())),
                role: Set(Role::Advisor.as_db().to_owned()),
                organisation_id: Set(None),
                locale: Set("ja".to_owned()),
                email_verified_at: Set(Some(at)),
                deactivated_at: Set(None),
                created_at: Set(at),
                updated_at: Set(at),
            });
            members.push(desk_memberships::ActiveModel {
                desk_id: Set(self.desks[desk].id),
                user_id: Set(user),
                created_at: Set(at),
            });
            let domain = self.rng.below(self.domains.len() as u64) as usize;
            let known = &self.domains[domain];
            entries.push(directory_entries::ActiveModel {
                id: Set(entry),
                kind: Set(DirectoryKind::Advisor.as_db().to_owned()),
                user_id: Set(Some(user)),
                name_en: Set(name_en.clone()),
                name_ja: Set(name_ja.clone()),
                summary_en: Set(format!("Advisor for {}.", known.en)),
                summary_ja: Set(format!(
                    "{}分野の専門家として伴走支援を行います。",
                    known.ja
                )),
                capacity: Set(Some(self.rng.between(5, 15) as i32)),
                overseas: Set(false),
                certified: Set(false),
                active: Set(true),
                version: Set(1),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            });
            terms.push(directory_entry_terms::ActiveModel {
                entry_id: Set(entry),
                term_id: Set(known.id),
            });
            self.advisor_entries.push(Entry {
                id: entry,
                name_en,
                name_ja,
                user: Some(user),
            });
        }
        let txn = state.db.begin().await?;
        progress.rows += insert(&txn, people).await?;
        progress.rows += insert(&txn, members).await?;
        progress.rows += insert(&txn, entries).await?;
        progress.rows += insert(&txn, terms).await?;
        txn.commit().await?;
        report.advisors = sizes.advisors;
        progress.show("advisors", sizes.advisors, sizes.advisors);
        Ok(())
    }

    /// Supporter organisations (two in three) and VCs, each with one to three domains.
    async fn entries(
        &mut self,
        state: &AppState,
        sizes: &Sizes,
        report: &mut Report,
        progress: &mut Progress,
    ) -> anyhow::Result<()> {
        let first = max_id(&state.db, "directory_entries").await? + 1;
        let at = self.start(sizes);
        let mut done = 0;
        while done < sizes.entries {
            let n = (sizes.entries - done).min(2_000);
            let (mut entries, mut terms) = (Vec::new(), Vec::new());
            for k in done..done + n {
                let id = first + k as i64;
                let vc = self.rng.chance(0.35);
                let (name_ja, name_en, kind, supporter_type) = if vc {
                    let (ja, en) = text::vc(&mut self.rng, k + 1);
                    (ja, en, DirectoryKind::Vc, None)
                } else {
                    let (ja, en, kind) = text::supporter(&mut self.rng, k + 1);
                    let kind = SupporterType::from_db(kind)?;
                    (ja, en, DirectoryKind::Supporter, Some(kind))
                };
                let mut known = Vec::new();
                for _ in 0..self.rng.between(1, 3) {
                    let domain = &self.domains[self.rng.below(self.domains.len() as u64) as usize];
                    if !known.contains(&domain.id) {
                        known.push(domain.id);
                    }
                }
                let names: Vec<(&str, &str)> = known
                    .iter()
                    .filter_map(|id| self.domains.iter().find(|d| d.id == *id))
                    .map(|d| (d.ja.as_str(), d.en.as_str()))
                    .collect();
                let ticket = vc.then(|| 10_000_000 * self.rng.between(1, 10));
                entries.push(directory_entries::ActiveModel {
                    id: Set(id),
                    kind: Set(kind.as_db().to_owned()),
                    name_en: Set(name_en.clone()),
                    name_ja: Set(name_ja.clone()),
                    summary_en: Set(format!(
                        "Works with startups in {}.",
                        names.iter().map(|n| n.1).collect::<Vec<_>>().join(", ")
                    )),
                    summary_ja: Set(format!(
                        "{}の分野でスタートアップとの協業を進めています。",
                        names.iter().map(|n| n.0).collect::<Vec<_>>().join("・")
                    )),
                    supporter_type: Set(supporter_type.map(|t| t.as_db().to_owned())),
                    overseas: Set(self.rng.chance(0.05)),
                    certified: Set(self.rng.chance(0.3)),
                    ticket_min_yen: Set(ticket),
                    ticket_max_yen: Set(ticket.map(|t| t * 10)),
                    active: Set(true),
                    version: Set(1),
                    created_at: Set(at),
                    updated_at: Set(at),
                    ..Default::default()
                });
                for term in known {
                    terms.push(directory_entry_terms::ActiveModel {
                        entry_id: Set(id),
                        term_id: Set(term),
                    });
                }
                let entry = Entry {
                    id,
                    name_en,
                    name_ja,
                    user: None,
                };
                if vc {
                    self.vc_entries.push(entry);
                } else {
                    self.supporter_entries.push(entry);
                }
            }
            let txn = state.db.begin().await?;
            progress.rows += insert(&txn, entries).await?;
            progress.rows += insert(&txn, terms).await?;
            txn.commit().await?;
            done += n;
            report.entries = done;
            progress.show("directory", done, sizes.entries);
        }
        Ok(())
    }

    /// The consultations in the order they arrived, with everything that followed.
    async fn history(
        &mut self,
        state: &AppState,
        sizes: &Sizes,
        report: &mut Report,
        progress: &mut Progress,
    ) -> anyhow::Result<()> {
        let n = sizes.consultations;
        // Each introduction goes to a random consultation; one that never got far enough
        // hands its share on to the next.
        let mut shares = vec![0u8; usize::try_from(n)?];
        for _ in 0..sizes.introductions {
            let k = self.rng.below(n.max(1)) as usize;
            if let Some(share) = shares.get_mut(k) {
                *share = share.saturating_add(1);
            }
        }
        let first = max_id(&state.db, "consultations").await? + 1;
        let start = self.start(sizes);
        let span = (self.now - start).num_seconds() as f64;
        let mut carried = 0u32;
        let mut done = 0;
        while done < n {
            let chunk = (n - done).min(500);
            let mut batch = Batch::default();
            for k in done..done + chunk {
                // Arrivals grow linearly to twice the first year's rate: the k-th of n
                // quantiles of the density (1 + x) on [0, 1].
                let u = (k as f64 + self.rng.unit()) / n as f64;
                let x = (1.0 + 3.0 * u).sqrt() - 1.0;
                let received = self.arrival(start + Duration::seconds((x * span) as i64));
                let mut case = self.consultation(&mut batch, first + k as i64, received)?;
                let share = u32::from(shares[k as usize]) + carried;
                carried = match case.responded {
                    Some(_) => {
                        for _ in 0..share {
                            if self.introduction(&mut batch, &mut case) {
                                report.introductions += 1;
                            }
                        }
                        0
                    }
                    None => share,
                };
            }
            report.consultations += batch.consultations.len() as u64;
            report.events += batch.events.len() as u64;
            report.referrals += batch.referrals.len() as u64;
            report.investments += batch.investments.len() as u64;
            let txn = state.db.begin().await?;
            progress.rows += insert(&txn, batch.consultations).await?;
            progress.rows += insert(&txn, batch.topics).await?;
            progress.rows += insert(&txn, batch.referrals).await?;
            progress.rows += insert(&txn, batch.introductions).await?;
            progress.rows += insert(&txn, batch.investments).await?;
            progress.rows += insert(&txn, batch.events).await?;
            txn.commit().await?;
            done += chunk;
            progress.show("consultations", done, n);
        }
        Ok(())
    }

    /// A consultation arriving around `at`: most arrive on business days, in office hours
    /// in Japan; never later than now.
    fn arrival(&mut self, at: DateTime<Utc>) -> DateTime<Utc> {
        let mut day = japan_date(at);
        if !self.calendar.is_business_day(day) && self.rng.chance(0.8) {
            day = self.calendar.add_business_days(day, 1);
        }
        let at = japan_midnight(day) + Duration::minutes(self.rng.between(8 * 60, 19 * 60));
        if at >= self.now {
            self.now - Duration::minutes(self.rng.between(1, 600))
        } else {
            at
        }
    }

    /// `after` plus some hours, or `None` if that lies in the future.
    fn later(
        &mut self,
        after: DateTime<Utc>,
        low_hours: i64,
        high_hours: i64,
    ) -> Option<DateTime<Utc>> {
        let at = after + Duration::minutes(self.rng.between(low_hours * 60, high_hours * 60));
        (at < self.now).then_some(at)
    }

    /// An event of consultation `case` at desk index `desk`, by `actor`.
    fn event(
        &mut self,
        batch: &mut Batch,
        (case, desk, actor): (i64, usize, Option<i64>),
        at: DateTime<Utc>,
        kind: EventKind,
        body: Option<String>,
        change: Option<(serde_json::Value, serde_json::Value)>,
    ) {
        let id = self.next_event;
        self.next_event += 1;
        let (before, after) = change.unzip();
        batch.events.push(consultation_events::ActiveModel {
            id: Set(id),
            consultation_id: Set(case),
            desk_id: Set(self.desks[desk].id),
            actor_user_id: Set(actor),
            kind: Set(kind.as_db().to_owned()),
            audience: Set(kind.audience().to_owned()),
            body: Set(body),
            before: Set(before.map(|v| v.to_string())),
            after: Set(after.map(|v| v.to_string())),
            created_at: Set(at),
        });
    }

    fn status_event(
        &mut self,
        batch: &mut Batch,
        case: &Case,
        at: DateTime<Utc>,
        from: (ConsultationStatus, Option<Resolution>),
        to: (ConsultationStatus, Option<Resolution>),
    ) {
        let change = (status_value(from.0, from.1), status_value(to.0, to.1));
        self.event(
            batch,
            (case.id, case.desk, case.assignee),
            at,
            EventKind::StatusChanged,
            None,
            Some(change),
        );
    }

    /// One consultation and its timeline up to now.
    fn consultation(
        &mut self,
        batch: &mut Batch,
        id: i64,
        received: DateTime<Utc>,
    ) -> anyhow::Result<Case> {
        // A few startups file many consultations, most file a few.
        let pick = (self.rng.unit().powi(2) * self.organisations.len() as f64) as usize;
        let organisation = &self.organisations[pick.min(self.organisations.len() - 1)];
        let (organisation_id, requester, overseas) = (
            organisation.id,
            organisation.requester,
            organisation.overseas,
        );
        let japanese = if overseas {
            self.rng.chance(0.1)
        } else {
            self.rng.chance(0.95)
        };
        let domain = self.rng.below(self.domains.len() as u64) as usize;
        let first_desk = self.domains[domain].desk;
        let year = fiscal_year(japan_date(received));
        let number = self.numbers.entry((first_desk, year)).or_default();
        *number += 1;
        let reference = format!("{}-{year}-{number:04}", self.desks[first_desk].prefix);
        let mut case = Case {
            id,
            desk: first_desk,
            assignee: None,
            japanese,
            organisation: organisation_id,
            requester,
            introduced: Vec::new(),
            responded: None,
            closed: None,
        };
        self.event(
            batch,
            (id, first_desk, Some(requester)),
            received,
            EventKind::Filed,
            None,
            Some((
                json!({}),
                json!({ "desk": self.desks[first_desk].id, "reference": reference }),
            )),
        );
        let mut version = 1;
        let mut status = (ConsultationStatus::Received, None);
        let mut last = received;

        // One in twenty goes to another desk first.
        let mut from = received;
        if self.desks.len() > 1
            && self.rng.chance(0.05)
            && let Some(asked) = self.later(received, 1, 24)
        {
            let to = (first_desk + 1 + self.rng.below(self.desks.len() as u64 - 1) as usize)
                % self.desks.len();
            let decided = self.later(asked, 4, 72);
            let decision = match decided {
                None => ReferralStatus::Requested,
                Some(_) if self.rng.chance(0.8) => ReferralStatus::Accepted,
                Some(_) => ReferralStatus::Declined,
            };
            let referral = self.next_referral;
            self.next_referral += 1;
            let hand_off = json!({
                "referral": referral,
                "from_desk": self.desks[first_desk].id,
                "to_desk": self.desks[to].id,
            });
            let reason = text::referral_reason(true).to_owned();
            batch.referrals.push(referrals::ActiveModel {
                id: Set(referral),
                consultation_id: Set(id),
                from_desk_id: Set(self.desks[first_desk].id),
                to_desk_id: Set(self.desks[to].id),
                status: Set(decision.as_db().to_owned()),
                reason: Set(reason.clone()),
                requested_by_user_id: Set(None),
                requested_at: Set(asked),
                decided_by_user_id: Set(None),
                decided_at: Set(decided),
                decision_note: Set(None),
            });
            self.event(
                batch,
                (id, first_desk, None),
                asked,
                EventKind::ReferralRequested,
                Some(reason),
                Some((json!({}), hand_off.clone())),
            );
            last = asked;
            if let Some(decided) = decided {
                let kind = if decision == ReferralStatus::Accepted {
                    EventKind::ReferralAccepted
                } else {
                    EventKind::ReferralDeclined
                };
                self.event(
                    batch,
                    (id, first_desk, None),
                    decided,
                    kind,
                    None,
                    Some((json!({}), hand_off)),
                );
                if decision == ReferralStatus::Accepted {
                    case.desk = to;
                    version += 1;
                }
                from = decided;
                last = decided;
            }
        }

        // Triage: an advisor of the desk takes it within two days.
        let triaged = self.later(from, 1, 48);
        if let Some(triaged) = triaged {
            let advisors = &self.desks[case.desk].advisors;
            case.assignee = (!advisors.is_empty()).then(|| *self.rng.pick(advisors));
            if case.assignee.is_some() {
                self.event(
                    batch,
                    (id, case.desk, case.assignee),
                    triaged,
                    EventKind::Assigned,
                    None,
                    Some((
                        json!({ "assignee": null }),
                        json!({ "assignee": case.assignee }),
                    )),
                );
            }
            let next = (ConsultationStatus::Triaged, None);
            self.status_event(batch, &case, triaged, status, next);
            status = next;
            version += 1;
            last = triaged;
        }
        let due_on = self.calendar.add_business_days(
            japan_date(received),
            self.desks[case.desk].first_response_days,
        );

        if let Some(triaged) = triaged {
            if self.rng.chance(0.02) {
                // Withdrawn by the requester before an answer.
                if let Some(at) = self.later(triaged, 24, 120) {
                    let next = (ConsultationStatus::Closed, Some(Resolution::Withdrawn));
                    self.status_event(batch, &case, at, status, next);
                    status = next;
                    version += 1;
                    case.closed = Some(at);
                    last = at;
                }
            } else {
                // The first answer: mostly within the service level, some late.
                let delay =
                    [0u32, 1, 2, 3, 4, 5, 7, 10][self.rng.weighted(&[25, 25, 20, 12, 7, 5, 4, 2])];
                let day = self.calendar.add_business_days(japan_date(received), delay);
                let mut at =
                    japan_midnight(day) + Duration::minutes(self.rng.between(9 * 60, 18 * 60));
                if at <= triaged {
                    at = triaged + Duration::minutes(self.rng.between(10, 240));
                }
                if at < self.now {
                    case.responded = Some(at);
                    self.event(
                        batch,
                        (id, case.desk, case.assignee),
                        at,
                        EventKind::Message,
                        Some(text::first_response(japanese).to_owned()),
                        None,
                    );
                    let next = (ConsultationStatus::InProgress, None);
                    self.status_event(batch, &case, at, status, next);
                    status = next;
                    version += 1;
                    last = at;
                    // Most cases close within three months; some run for a year or more.
                    let days = match self.rng.weighted(&[70, 25, 5]) {
                        0 => self.rng.between(10, 90),
                        1 => self.rng.between(90, 365),
                        _ => self.rng.between(365, 1500),
                    };
                    let closed = at + Duration::days(days);
                    if closed < self.now {
                        let resolution = [
                            Resolution::Resolved,
                            Resolution::ReferredOut,
                            Resolution::Withdrawn,
                            Resolution::OutOfScope,
                        ][self.rng.weighted(&[80, 10, 5, 5])];
                        let next = (ConsultationStatus::Closed, Some(resolution));
                        self.status_event(batch, &case, closed, status, next);
                        status = next;
                        version += 1;
                        case.closed = Some(closed);
                        last = closed;
                    } else if self.rng.chance(0.25) {
                        let next = (ConsultationStatus::WaitingOnRequester, None);
                        let waiting = at + Duration::days(self.rng.between(1, days.min(30)));
                        if waiting < self.now {
                            self.status_event(batch, &case, waiting, status, next);
                            status = next;
                            version += 1;
                            last = waiting;
                        }
                    }
                }
            }
        }

        let domain = &self.domains[domain];
        let (title, description) =
            text::consultation(&mut self.rng, japanese, (&domain.ja, &domain.en));
        let mut topics = Vec::new();
        for _ in 0..self.rng.between(1, 3) {
            let topic = *self.rng.pick(&self.topics);
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        }
        for topic in topics {
            batch.topics.push(consultation_topics::ActiveModel {
                consultation_id: Set(id),
                term_id: Set(topic),
            });
        }
        let priority = [
            Priority::Low,
            Priority::Normal,
            Priority::High,
            Priority::Urgent,
        ][self.rng.weighted(&[15, 65, 15, 5])];
        batch.consultations.push(consultations::ActiveModel {
            id: Set(id),
            reference: Set(reference),
            desk_id: Set(self.desks[case.desk].id),
            organisation_id: Set(organisation_id),
            requester_user_id: Set(requester),
            kind: Set(if self.rng.chance(0.05) {
                ConsultationKind::PolicyRequest
            } else {
                ConsultationKind::Consultation
            }
            .as_db()
            .to_owned()),
            title: Set(title),
            description: Set(description),
            domain_term_id: Set(domain.id),
            stage_term_id: Set(*self.rng.pick(&self.stages)),
            preferred_locale: Set(if japanese { "ja" } else { "en" }.to_owned()),
            overseas: Set(overseas),
            confidentiality: Set(if self.rng.chance(0.1) {
                Confidentiality::Confidential
            } else {
                Confidentiality::Standard
            }
            .as_db()
            .to_owned()),
            shared_fields: Set(SharedField::to_db(&[
                SharedField::OrganisationName,
                SharedField::Title,
                SharedField::Domain,
                SharedField::Stage,
            ])),
            competitors: Set("[]".to_owned()),
            status: Set(status.0.as_db().to_owned()),
            resolution: Set(status.1.map(|r| r.as_db().to_owned())),
            priority: Set(priority.as_db()),
            assignee_user_id: Set(case.assignee),
            version: Set(version),
            fiscal_year: Set(year),
            filed_at: Set(received),
            received_at: Set(received),
            first_response_due_on: Set(due_on),
            first_responded_at: Set(case.responded),
            closed_at: Set(case.closed),
            created_at: Set(received),
            updated_at: Set(last),
        });
        Ok(case)
    }

    /// One introduction of `case`, proposed after the first answer and before the case
    /// closed, followed as far as now; `false` when it would lie in the future.
    fn introduction(&mut self, batch: &mut Batch, case: &mut Case) -> bool {
        let Some(responded) = case.responded else {
            return false;
        };
        let until = case.closed.unwrap_or(self.now);
        let room = (until - responded).num_hours().max(1);
        let proposed = responded + Duration::hours(self.rng.between(0, room.min(24 * 90)));
        if proposed >= self.now {
            return false;
        }
        let kind = [
            DirectoryKind::Advisor,
            DirectoryKind::Supporter,
            DirectoryKind::Vc,
        ][self.rng.weighted(&[30, 45, 25])];
        let entries = match kind {
            DirectoryKind::Advisor => &self.advisor_entries,
            DirectoryKind::Vc => &self.vc_entries,
            _ => &self.supporter_entries,
        };
        if entries.is_empty() {
            return false;
        }
        let entry = self.rng.pick(entries);
        if case.introduced.contains(&entry.id) {
            return false;
        }
        case.introduced.push(entry.id);
        let (entry_id, entry_user, investor) = (entry.id, entry.user, entry.name_ja.clone());
        let channel = if kind == DirectoryKind::Supporter && self.rng.chance(0.4) {
            IntroductionChannel::Newsletter
        } else {
            IntroductionChannel::Individual
        };
        let id = self.next_introduction;
        self.next_introduction += 1;
        let about = json!({
            "introduction": id,
            "entry": entry_id,
            "target_en": entry.name_en,
            "target_ja": entry.name_ja,
            "channel": channel.as_db(),
        });
        let actor = case.assignee;
        let change = || Some((json!({}), about.clone()));
        let message = text::introduction_message(case.japanese).to_owned();
        self.event(
            batch,
            (case.id, case.desk, actor),
            proposed,
            EventKind::IntroductionProposed,
            Some(message.clone()),
            change(),
        );

        let mut row = introductions::ActiveModel {
            id: Set(id),
            consultation_id: Set(case.id),
            entry_id: Set(entry_id),
            target_kind: Set(kind.as_db().to_owned()),
            channel: Set(channel.as_db().to_owned()),
            status: Set(IntroductionStatus::Proposed.as_db().to_owned()),
            message: Set(message),
            proposed_fields: Set(SharedField::to_db(&[
                SharedField::OrganisationName,
                SharedField::Title,
                SharedField::Domain,
            ])),
            shared_fields: Set(String::new()),
            shared: Set(None),
            proposed_by_user_id: Set(actor),
            proposed_at: Set(proposed),
            consent_requested_at: Set(None),
            consented_by_user_id: Set(None),
            consented_at: Set(None),
            sent_by_user_id: Set(None),
            sent_at: Set(None),
            answered_by_user_id: Set(None),
            answered_at: Set(None),
            answer_note: Set(None),
            answer_due_at: Set(None),
            meeting_held_on: Set(None),
            outcome: Set(None),
            adopter: Set(None),
            outcome_note: Set(None),
            recorded_by_user_id: Set(None),
            closed_at: Set(None),
            response_token_hash: Set(None),
            version: Set(1),
            created_at: Set(proposed),
            updated_at: Set(proposed),
        };
        let mut status = IntroductionStatus::Proposed;
        let mut last = proposed;
        let mut version = 1;
        // Where the introduction has got to; written with the row at the end.
        let mut step = |next: IntroductionStatus, at: DateTime<Utc>| {
            status = next;
            last = at;
            version += 1;
        };

        // Consent, then sending.
        let Some(asked) = self.later(proposed, 1, 24) else {
            return self.push_introduction(batch, row, status, last, version);
        };
        row.consent_requested_at = Set(Some(asked));
        step(IntroductionStatus::ConsentRequested, asked);
        let Some(consented) = self.later(asked, 2, 120) else {
            return self.push_introduction(batch, row, status, last, version);
        };
        if self.rng.chance(0.05) {
            row.closed_at = Set(Some(consented));
            step(IntroductionStatus::Withdrawn, consented);
            self.event(
                batch,
                (case.id, case.desk, actor),
                consented,
                EventKind::IntroductionWithdrawn,
                None,
                change(),
            );
            return self.push_introduction(batch, row, status, last, version);
        }
        row.consented_at = Set(Some(consented));
        row.consented_by_user_id = Set(Some(case.requester));
        row.shared_fields = Set(SharedField::to_db(&[
            SharedField::OrganisationName,
            SharedField::Title,
            SharedField::Domain,
        ]));
        step(IntroductionStatus::Consented, consented);
        let Some(sent) = self.later(consented, 1, 24) else {
            return self.push_introduction(batch, row, status, last, version);
        };
        row.sent_at = Set(Some(sent));
        row.sent_by_user_id = Set(actor);
        let due = sent + Duration::days(14);
        row.answer_due_at = Set(Some(due));
        step(IntroductionStatus::Sent, sent);
        self.event(
            batch,
            (case.id, case.desk, actor),
            sent,
            EventKind::IntroductionSent,
            None,
            change(),
        );

        // The answer, or none in time.
        let answer = self.rng.weighted(&[70, 20, 10]);
        let answered = if answer == 2 {
            Some(due)
        } else {
            self.later(sent, 4, 13 * 24)
        };
        let Some(answered) = answered.filter(|at| *at < self.now) else {
            return self.push_introduction(batch, row, status, last, version);
        };
        if answer == 2 {
            row.closed_at = Set(Some(answered));
            step(IntroductionStatus::Expired, answered);
            self.event(
                batch,
                (case.id, case.desk, None),
                answered,
                EventKind::IntroductionExpired,
                None,
                change(),
            );
            return self.push_introduction(batch, row, status, last, version);
        }
        row.answered_at = Set(Some(answered));
        row.answered_by_user_id = Set(entry_user);
        if answer == 1 {
            row.closed_at = Set(Some(answered));
            step(IntroductionStatus::Declined, answered);
            self.event(
                batch,
                (case.id, case.desk, entry_user),
                answered,
                EventKind::IntroductionDeclined,
                None,
                change(),
            );
            return self.push_introduction(batch, row, status, last, version);
        }
        step(IntroductionStatus::Accepted, answered);
        self.event(
            batch,
            (case.id, case.desk, entry_user),
            answered,
            EventKind::IntroductionAccepted,
            None,
            change(),
        );

        // A meeting, then an outcome.
        let Some(met) = self.later(answered, 5 * 24, 30 * 24) else {
            return self.push_introduction(batch, row, status, last, version);
        };
        if self.rng.chance(0.2) {
            row.closed_at = Set(Some(met));
            row.recorded_by_user_id = Set(actor);
            step(IntroductionStatus::NotMatched, met);
            self.event(
                batch,
                (case.id, case.desk, actor),
                met,
                EventKind::IntroductionNotMatched,
                None,
                change(),
            );
            return self.push_introduction(batch, row, status, last, version);
        }
        row.meeting_held_on = Set(Some(japan_date(met)));
        step(IntroductionStatus::MeetingHeld, met);
        self.event(
            batch,
            (case.id, case.desk, actor),
            met,
            EventKind::IntroductionMeetingHeld,
            None,
            change(),
        );
        let Some(decided) = self.later(met, 14 * 24, 120 * 24) else {
            return self.push_introduction(batch, row, status, last, version);
        };
        row.closed_at = Set(Some(decided));
        row.recorded_by_user_id = Set(actor);
        if self.rng.chance(0.55) {
            step(IntroductionStatus::NotMatched, decided);
            self.event(
                batch,
                (case.id, case.desk, actor),
                decided,
                EventKind::IntroductionNotMatched,
                None,
                change(),
            );
            return self.push_introduction(batch, row, status, last, version);
        }
        let outcome = match kind {
            DirectoryKind::Vc if self.rng.chance(0.6) => OutcomeType::Investment,
            DirectoryKind::Advisor => {
                [OutcomeType::ProofOfConcept, OutcomeType::Other][self.rng.weighted(&[50, 50])]
            }
            _ => [
                OutcomeType::JointResearch,
                OutcomeType::ProofOfConcept,
                OutcomeType::Partnership,
                OutcomeType::Adoption,
                OutcomeType::Other,
            ][self.rng.weighted(&[25, 25, 25, 15, 10])],
        };
        row.outcome = Set(Some(outcome.as_db().to_owned()));
        if outcome == OutcomeType::Adoption {
            let adopter = [Adopter::Hospital, Adopter::Insurer, Adopter::CareOperator]
                [self.rng.weighted(&[60, 15, 25])];
            row.adopter = Set(Some(adopter.as_db().to_owned()));
        }
        if outcome == OutcomeType::Investment {
            let investment = self.next_investment;
            self.next_investment += 1;
            let round = [
                InvestmentRound::Seed,
                InvestmentRound::SeriesA,
                InvestmentRound::SeriesB,
                InvestmentRound::SeriesCOrLater,
            ][self.rng.weighted(&[40, 35, 18, 7])];
            batch.investments.push(investments::ActiveModel {
                id: Set(investment),
                organisation_id: Set(case.organisation),
                amount_yen: Set(10_000_000 * self.rng.between(3, 50)),
                round: Set(round.as_db().to_owned()),
                invested_on: Set(japan_date(decided)),
                investor_entry_id: Set(Some(entry_id)),
                investor_name: Set(investor),
                introduction_id: Set(Some(id)),
                evidence: Set(None),
                recorded_by_user_id: Set(actor),
                recorded_at: Set(decided),
            });
        }
        step(IntroductionStatus::Matched, decided);
        self.event(
            batch,
            (case.id, case.desk, actor),
            decided,
            EventKind::IntroductionMatched,
            None,
            change(),
        );
        self.push_introduction(batch, row, status, last, version)
    }

    fn push_introduction(
        &mut self,
        batch: &mut Batch,
        mut row: introductions::ActiveModel,
        status: IntroductionStatus,
        last: DateTime<Utc>,
        version: i32,
    ) -> bool {
        row.status = Set(status.as_db().to_owned());
        row.updated_at = Set(last);
        row.version = Set(version);
        batch.introductions.push(row);
        true
    }

    /// Moves PostgreSQL's id sequences past the ids written, sets the reference counters
    /// so that new consultations continue each desk's series, and refreshes the planner's
    /// statistics.
    async fn finish(&self, state: &AppState) -> anyhow::Result<()> {
        let db = &state.db;
        let backend = db.get_database_backend();
        if backend == DbBackend::Postgres {
            for table in [
                "organisations",
                "users",
                "directory_entries",
                "consultations",
                "consultation_events",
                "referrals",
                "introductions",
                "investments",
            ] {
                db.execute_raw(Statement::from_string(
                    backend,
                    format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                    ),
                ))
                .await?;
            }
        }
        let upsert = match backend {
            DbBackend::Postgres => {
                "INSERT INTO reference_counters (desk_id, fiscal_year, last_number) VALUES ($1, $2, $3) \
                ON CONFLICT (desk_id, fiscal_year) DO UPDATE SET last_number = GREATEST(reference_counters.last_number, EXCLUDED.last_number)"
            }
            _ => {
                "INSERT INTO reference_counters (desk_id, fiscal_year, last_number) VALUES (?1, ?2, ?3) \
                ON CONFLICT (desk_id, fiscal_year) DO UPDATE SET last_number = MAX(reference_counters.last_number, excluded.last_number)"
            }
        };
        for ((desk, year), number) in &self.numbers {
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                upsert,
                [
                    self.desks[*desk].id.into(),
                    (*year).into(),
                    (*number).into(),
                ],
            ))
            .await?;
        }
        let analyse = match backend {
            DbBackend::Postgres => "VACUUM ANALYZE",
            _ => "ANALYZE",
        };
        db.execute_raw(Statement::from_string(backend, analyse))
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_numbers() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let first: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let again: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(first, again);
        assert_ne!(
            first,
            (0..5).map(|_| Rng::new(8).next_u64()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = Rng::new(1);
        for _ in 0..10_000 {
            assert!(rng.below(7) < 7);
            let x = rng.between(-3, 3);
            assert!((-3..=3).contains(&x));
            assert!((0.0..1.0).contains(&rng.unit()));
            assert!(rng.weighted(&[1, 0, 5]) != 1);
        }
    }
}
