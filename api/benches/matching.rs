//! Matching at scale: suggestion latency over 10,000 directory entries, and a batch plan
//! for 1,000 open cases and 500 advisors, on a throw-away SQLite database with the search
//! engine the settings name (embedded unless `MEILI_URL` is set).
//!
//! ```text
//! cargo bench -p banso --bench matching
//! ```
//!
//! The data are generated from a fixed seed: entries spread over the domains, stages,
//! topics, languages and regions of the reference taxonomy, with bilingual summaries made
//! of those labels; consultations with titles from a list of typical questions.

use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

use anyhow::Context as _;
use banso::{
    accounts::{
        OrganisationKind,
        service::{self as accounts, Invite, OrganisationChoice},
    },
    auth::{Actor, Role, Viewer},
    config::{Settings, Sources},
    consultations::{
        Confidentiality, ConsultationKind,
        service::{self as cases, NewConsultation, Occasion},
    },
    db,
    directory::DirectoryKind,
    entity::{
        desk_memberships, desks, directory_entries, directory_entry_terms, taxonomy_terms, users,
    },
    i18n::Locale,
    ids::{ConsultationId, DeskId, TaxonomyTermId, UserId},
    labels::Labelled,
    matching::{assignment, batch, suggestions},
    search, seed, startup,
    state::AppState,
    synthetic::Rng,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

const ENTRIES: usize = 10_000;
const DESK_ADVISORS: usize = 500;
const OTHER_ADVISORS: usize = 1_500;
const SUPPORTERS: usize = 3_000;
const VCS: usize = 2_500;
const CASES: usize = 1_000;
const SAMPLED_CASES: usize = 20;
const ROUNDS: usize = 5;
const PLAN_RUNS: usize = 3;

const TITLES: [&str; 12] = [
    "PMDA相談の進め方と治験計画",
    "プログラム医療機器（SaMD）の該当性と承認申請",
    "診療報酬の算定に向けたエビデンス構築",
    "海外展開に向けた薬事戦略と現地パートナー探し",
    "介護施設での実証フィールドの紹介",
    "シリーズAの資金調達とVCの紹介",
    "病院への導入に向けた医療機関との連携",
    "知財戦略と特許出願のタイミング",
    "Clinical evidence plan for our AI triage software",
    "Finding a distribution partner for our device in Japan",
    "Reimbursement strategy for a digital therapeutic",
    "Data use and privacy for a hospital data platform",
];

/// The synthetic history's random numbers, in the shapes this benchmark asks for.
struct Random(Rng);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn some<'a, T>(&mut self, items: &'a [T], min: usize, max: usize) -> Vec<&'a T> {
        let count = min + self.below(max - min + 1);
        let mut picked: Vec<&T> = Vec::new();
        for _ in 0..count * 3 {
            let item = &items[self.below(items.len())];
            if !picked.iter().any(|p| std::ptr::eq(*p, item)) {
                picked.push(item);
            }
            if picked.len() == count {
                break;
            }
        }
        picked
    }
}

fn main() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut settings = Settings::load(&Sources::default())?;
    settings.data_dir = dir.path().to_path_buf();
    settings.database.url = None;
    settings.demo.load_on_start = false;
    settings.search.index_prefix = format!("bench{}", std::process::id());
    let state = startup::prepare(settings).await?;
    seed::reference_data(&state).await?;

    let started = Instant::now();
    let desk = generate(&state).await?;
    println!(
        "Generated {ENTRIES} directory entries ({} advisors, {SUPPORTERS} supporters, {VCS} VCs, {} programmes) and {CASES} open cases in {:.1} s; search: {}",
        DESK_ADVISORS + OTHER_ADVISORS,
        ENTRIES - DESK_ADVISORS - OTHER_ADVISORS - SUPPORTERS - VCS,
        started.elapsed().as_secs_f64(),
        state.search.describe()
    );
    let started = Instant::now();
    search::indexer::rebuild(&state.db, state.search.as_ref())
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!("Indexed them in {:.1} s", started.elapsed().as_secs_f64());

    let admin = Actor::User(Viewer {
        user_id: UserId(0),
        role: Role::Admin,
        organisation_id: None,
        desk_ids: Vec::new(),
        locale: Locale::En,
        session_id: None,
    });
    let sampled: Vec<i64> = banso::entity::consultations::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .take(SAMPLED_CASES)
        .map(|case| case.id)
        .collect();

    println!();
    println!(
        "Suggestions for one consultation (top 10), {SAMPLED_CASES} consultations × {ROUNDS} rounds per kind:"
    );
    println!(
        "{:<12} {:>10} {:>10} {:>10}",
        "kind", "median", "p95", "max"
    );
    for kind in DirectoryKind::ALL.iter().copied() {
        let mut times = Vec::new();
        for _ in 0..ROUNDS {
            for id in &sampled {
                let started = Instant::now();
                let found =
                    suggestions::suggest(&state, &admin, ConsultationId(*id), kind, 10).await?;
                times.push(started.elapsed());
                anyhow::ensure!(!found.is_empty(), "no {kind:?} suggested for case {id}");
            }
        }
        let (median, p95, max) = summary(&mut times);
        println!(
            "{:<12} {:>8.1}ms {:>8.1}ms {:>8.1}ms",
            kind.as_db(),
            ms(median),
            ms(p95),
            ms(max)
        );
    }

    println!();
    println!(
        "Batch plan for the desk's {CASES} open cases and {DESK_ADVISORS} advisors ({PLAN_RUNS} runs):"
    );
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..PLAN_RUNS {
        let started = Instant::now();
        let plan = batch::plan(&state, &admin, desk).await?;
        times.push(started.elapsed());
        last = Some(plan);
    }
    let (median, _, max) = summary(&mut times);
    let plan = last.context("a plan")?;
    let assigned = plan.cases.iter().filter(|c| c.advisor.is_some()).count();
    println!(
        "  median {:.0} ms, max {:.0} ms; {assigned} of {} cases assigned; fit {:.3} of the unconstrained optimum; load spread {:.3}; constraint violations {}",
        ms(median),
        ms(max),
        plan.cases.len(),
        plan.quality.fit_share,
        plan.quality.load_spread,
        plan.quality.violations
    );

    // The solver alone, on a random instance of the same size: 1,000 cases, 500 advisors
    // with 2–6 free slots, two pairs in three allowed.
    let mut random = Random(Rng::new(7));
    let capacities = (0..DESK_ADVISORS)
        .map(|_| 2 + random.below(5) as u32)
        .collect();
    let mut pairs = Vec::new();
    for case in 0..CASES {
        for advisor in 0..DESK_ADVISORS {
            if random.below(3) > 0 {
                pairs.push((case, advisor, random.below(1001) as f64 / 1000.0));
            }
        }
    }
    let problem = assignment::Problem {
        cases: CASES,
        capacities,
        pairs,
    };
    let started = Instant::now();
    let solution = assignment::solve(&problem);
    let quality = assignment::quality(&problem, &solution, &[]);
    println!(
        "  the solver alone on a random instance of that size ({} allowed pairs): {:.0} ms, fit {:.3}, violations {}",
        problem.pairs.len(),
        ms(started.elapsed()),
        quality.fit_share,
        quality.violations
    );
    Ok(())
}

fn summary(times: &mut [Duration]) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Fills the database; returns the desk whose cases the batch plan is for.
async fn generate(state: &AppState) -> anyhow::Result<DeskId> {
    let mut random = Random(Rng::new(20_261_204));
    let terms = taxonomy_terms::Entity::find().all(&state.db).await?;
    let of_kind = |kind: &str| -> Vec<taxonomy_terms::Model> {
        terms.iter().filter(|t| t.kind == kind).cloned().collect()
    };
    let (domains, stages, topics) = (of_kind("domain"), of_kind("stage"), of_kind("topic"));
    let (languages, regions) = (of_kind("language"), of_kind("region"));
    let japanese = languages
        .iter()
        .find(|t| t.code == "ja")
        .context("the ja language term")?
        .clone();
    let english = languages
        .iter()
        .find(|t| t.code == "en")
        .context("the en language term")?
        .clone();
    let device = domains
        .iter()
        .find(|t| t.code == "medical_devices_samd")
        .context("the device domain")?
        .clone();
    let desk = desks::Entity::find()
        .filter(desks::Column::Code.eq("MEDISO"))
        .one(&state.db)
        .await?
        .context("the MEDISO desk")?;
    let now = db::now();

    // Advisors' accounts: MEDISO's and other desks'.
    let other_desk = desks::Entity::find()
        .filter(desks::Column::Code.eq("INNOHUB"))
        .one(&state.db)
        .await?
        .context("the InnoHub desk")?;
    let mut advisor_users = Vec::new();
    for chunk in (0..DESK_ADVISORS + OTHER_ADVISORS)
        .collect::<Vec<_>>()
        .chunks(500)
    {
        let rows = chunk.iter().map(|n| users::ActiveModel {
            email: Set(format!("advisor{n}@bench.example")),
            display_name: Set(format!("Advisor {n}")),
            password_hash: Set(None),
            role: Set(Role::Advisor.as_db().to_owned()),
            organisation_id: Set(None),
            locale: Set("ja".to_owned()),
            email_verified_at: Set(Some(now)),
            deactivated_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        users::Entity::insert_many(rows).exec(&state.db).await?;
    }
    for user in users::Entity::find()
        .filter(users::Column::Email.like("advisor%@bench.example"))
        .all(&state.db)
        .await?
    {
        advisor_users.push(user.id);
    }
    advisor_users.sort_unstable();
    let memberships =
        advisor_users
            .iter()
            .enumerate()
            .map(|(n, user)| desk_memberships::ActiveModel {
                desk_id: Set(if n < DESK_ADVISORS {
                    desk.id
                } else {
                    other_desk.id
                }),
                user_id: Set(*user),
                created_at: Set(now),
            });
    for chunk in memberships.collect::<Vec<_>>().chunks(500) {
        desk_memberships::Entity::insert_many(chunk.to_vec())
            .exec(&state.db)
            .await?;
    }

    // The entries, with their tags.
    let label = |terms: &[&taxonomy_terms::Model], ja: bool| -> String {
        terms
            .iter()
            .map(|t| {
                if ja {
                    t.label_ja.clone()
                } else {
                    t.label_en.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(if ja { "・" } else { ", " })
    };
    let mut entries = Vec::with_capacity(ENTRIES);
    let mut tags: Vec<Vec<i64>> = Vec::with_capacity(ENTRIES);
    for n in 0..ENTRIES {
        let kind = match n {
            n if n < DESK_ADVISORS + OTHER_ADVISORS => DirectoryKind::Advisor,
            n if n < DESK_ADVISORS + OTHER_ADVISORS + SUPPORTERS => DirectoryKind::Supporter,
            n if n < DESK_ADVISORS + OTHER_ADVISORS + SUPPORTERS + VCS => DirectoryKind::Vc,
            _ => DirectoryKind::Programme,
        };
        // Half of MEDISO's advisors work on devices, as a device desk's would.
        let mut entry_domains = random.some(&domains, 1, 2);
        if n < DESK_ADVISORS
            && random.chance(50)
            && !entry_domains.iter().any(|d| d.id == device.id)
        {
            entry_domains.push(&device);
        }
        let entry_stages = random.some(&stages, 1, 3);
        let entry_topics = random.some(&topics, 1, 4);
        let entry_regions = random.some(&regions, 1, 2);
        let mut entry_languages = vec![&japanese];
        if random.chance(40) {
            entry_languages.push(&english);
        }
        let summary_en = format!(
            "Supports {} startups at the {} stage with {}.",
            label(&entry_domains, false),
            label(&entry_stages, false),
            label(&entry_topics, false)
        );
        let summary_ja = format!(
            "{}のスタートアップを、{}の段階で、{}について支援します。",
            label(&entry_domains, true),
            label(&entry_stages, true),
            label(&entry_topics, true)
        );
        let all: Vec<i64> = entry_domains
            .iter()
            .chain(&entry_stages)
            .chain(&entry_topics)
            .chain(&entry_regions)
            .chain(&entry_languages)
            .map(|t| t.id)
            .collect();
        tags.push(all);
        entries.push(directory_entries::ActiveModel {
            kind: Set(kind.as_db().to_owned()),
            user_id: Set(advisor_users
                .get(n)
                .copied()
                .filter(|_| kind == DirectoryKind::Advisor)),
            organisation_id: Set(None),
            name_en: Set(format!("{} {n}", kind.as_db())),
            name_ja: Set(format!("{}{n}", kind.as_db())),
            summary_en: Set(summary_en),
            summary_ja: Set(summary_ja),
            affiliation_en: Set(None),
            affiliation_ja: Set(None),
            capacity: Set((kind == DirectoryKind::Advisor)
                .then(|| i32::try_from(2 + random.below(5)).unwrap_or(2))),
            supporter_type: Set((kind == DirectoryKind::Supporter).then(|| "cro".to_owned())),
            overseas: Set(random.chance(5)),
            certified: Set(kind == DirectoryKind::Vc && random.chance(30)),
            ticket_min_yen: Set(None),
            ticket_max_yen: Set(None),
            programme_body: Set((kind == DirectoryKind::Programme).then(|| "national".to_owned())),
            body_name_en: Set((kind == DirectoryKind::Programme).then(|| "METI".to_owned())),
            body_name_ja: Set((kind == DirectoryKind::Programme).then(|| "経済産業省".to_owned())),
            eligibility_en: Set(None),
            eligibility_ja: Set(None),
            opens_on: Set(None),
            closes_on: Set(None),
            contact_email: Set(None),
            website: Set(None),
            active: Set(random.chance(97)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
    }
    for chunk in entries.chunks(500) {
        directory_entries::Entity::insert_many(chunk.to_vec())
            .exec(&state.db)
            .await?;
    }
    let ids: Vec<i64> = {
        let mut ids: Vec<i64> = directory_entries::Entity::find()
            .all(&state.db)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect();
        ids.sort_unstable();
        ids
    };
    let rows: Vec<directory_entry_terms::ActiveModel> = ids
        .iter()
        .zip(&tags)
        .flat_map(|(entry, terms)| {
            terms.iter().map(|term| directory_entry_terms::ActiveModel {
                entry_id: Set(*entry),
                term_id: Set(*term),
            })
        })
        .collect();
    for chunk in rows.chunks(1000) {
        directory_entry_terms::Entity::insert_many(chunk.to_vec())
            .exec(&state.db)
            .await?;
    }

    // The requester and the desk's open cases, filed quietly.
    let requester = accounts::create_confirmed_user(
        state,
        &Actor::System,
        Invite {
            email: "requester@bench.example".to_owned(),
            display_name: "Bench Requester".to_owned(),
            role: Role::Requester,
            locale: Locale::Ja,
            desk_ids: Vec::new(),
            organisation: Some(OrganisationChoice::New {
                name: "株式会社ベンチ".to_owned(),
                kind: OrganisationKind::Startup,
                country_code: "JP".to_owned(),
            }),
        },
        "bench-password-123",
    )
    .await?;
    let actor = Actor::User(banso::auth::sessions::viewer_of(&state.db, &requester, None).await?);
    let by_id: HashMap<i64, &taxonomy_terms::Model> = terms.iter().map(|t| (t.id, t)).collect();
    for n in 0..CASES {
        // Every case its own title, as in real life: the same question, numbered.
        let title = format!("{} ({})", TITLES[n % TITLES.len()], n + 1);
        let english_case = title.is_ascii();
        let case_topics = random.some(&topics, 1, 3);
        let stage = stages[random.below(stages.len())].id;
        let input = NewConsultation {
            kind: ConsultationKind::Consultation,
            description: format!("{title}について相談したいです。"),
            title,
            domain_id: TaxonomyTermId(device.id),
            stage_id: TaxonomyTermId(stage),
            topic_ids: case_topics
                .iter()
                .filter(|t| by_id.contains_key(&t.id))
                .map(|t| TaxonomyTermId(t.id))
                .collect(),
            preferred_locale: if english_case && random.chance(30) {
                Locale::En
            } else {
                Locale::Ja
            },
            overseas: None,
            confidentiality: Confidentiality::Standard,
            shared_fields: Vec::new(),
            corporate_number: None,
            competitors: Vec::new(),
        };
        cases::file(
            state,
            &actor,
            input,
            Occasion {
                at: now,
                notify: false,
            },
        )
        .await?;
    }
    Ok(DeskId(desk.id))
}
