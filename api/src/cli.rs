//! The `banso` command: `serve` (the default), `migrate`, `seed`, `worker`, `reindex`,
//! `ledger verify`, `evaluate` and `schema`.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use tokio::sync::watch;

use crate::{
    config::{Settings, Sources},
    db,
    labels::Labelled,
    notify::{self, outbox::Topic},
    seed,
    startup::{self, Application},
    synthetic,
};

#[derive(Debug, Parser)]
#[command(
    name = "banso",
    version,
    about = "Bansō: case management and matching for Japan's healthcare-startup support desks"
)]
pub struct Cli {
    /// A TOML settings file (also BANSO_CONFIG).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API, the web UI and GraphiQL, with the email worker (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations.
    Migrate {
        #[command(flatten)]
        location: Location,
        /// Only report whether migrations are pending (exit code 1 if any are).
        #[arg(long)]
        check: bool,
    },
    /// Load the desks and taxonomy (and with --demo the demo accounts); safe to repeat.
    /// With --synthetic, add years of generated history on top (once, into a database
    /// without any).
    Seed {
        #[command(flatten)]
        location: Location,
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        synthetic: SyntheticArgs,
    },
    /// Run only the email worker.
    Worker {
        #[command(flatten)]
        location: Location,
    },
    /// Rebuild the search index from the database (Meilisearch; the embedded index is
    /// rebuilt at every start of `banso serve`).
    Reindex {
        #[command(flatten)]
        location: Location,
    },
    /// Work with the grant programmes' ledgers.
    Ledger {
        #[command(subcommand)]
        action: LedgerAction,
    },
    /// Measure the suggestions on the labelled set (seed/evaluation.toml) against a
    /// tag-overlap baseline, on a fresh copy of the demo data: NDCG@5 and Recall@10.
    Evaluate,
    /// Print the GraphQL schema (SDL).
    Schema,
}

#[derive(Debug, Subcommand)]
pub enum LedgerAction {
    /// Walk every programme's ledger chain: sequence, links, hashes and totals (exit code
    /// 1 if any chain is broken).
    Verify {
        #[command(flatten)]
        location: Location,
    },
}

#[derive(Debug, Args, Default)]
pub struct ServeArgs {
    /// The port to listen on (overrides settings).
    #[arg(long)]
    pub port: Option<u16>,
    #[command(flatten)]
    pub location: Location,
}

/// The sizes of `banso seed --synthetic`.
#[derive(Debug, Args)]
pub struct SyntheticArgs {
    /// Generate realistic history: startups, advisors, directory entries, consultations
    /// with their timelines, referrals, introductions and investments.
    #[arg(long)]
    pub synthetic: bool,
    #[arg(long, default_value_t = 10_000)]
    pub consultations: u64,
    /// Introductions in all (default: two per consultation).
    #[arg(long)]
    pub introductions: Option<u64>,
    /// Startups filing the consultations (default: one per twenty consultations).
    #[arg(long)]
    pub organisations: Option<u64>,
    #[arg(long, default_value_t = 60)]
    pub advisors: u64,
    /// Supporter organisations and VCs in the directory.
    #[arg(long, default_value_t = 1_000)]
    pub entries: u64,
    /// How many years back the history reaches.
    #[arg(long, default_value_t = 5)]
    pub years: u32,
    /// The random seed: the same seed and sizes give the same history.
    #[arg(long, default_value_t = 1)]
    pub random_seed: u64,
}

impl SyntheticArgs {
    pub fn sizes(&self) -> synthetic::Sizes {
        synthetic::Sizes {
            consultations: self.consultations,
            introductions: self.introductions.unwrap_or(self.consultations * 2),
            organisations: self
                .organisations
                .unwrap_or((self.consultations / 20).max(10)),
            advisors: self.advisors,
            entries: self.entries,
            years: self.years,
            seed: self.random_seed,
        }
    }
}

#[derive(Debug, Args, Default)]
pub struct Location {
    /// The data folder: SQLite file and outgoing mail (overrides settings).
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
}

impl Cli {
    pub fn settings(&self) -> anyhow::Result<Settings> {
        let mut settings = Settings::load(&Sources::from_process(self.config.clone()))?;
        let (port, data_dir) = match &self.command {
            Some(Command::Serve(args)) => (args.port, args.location.data_dir.as_deref()),
            Some(
                Command::Migrate { location, .. }
                | Command::Seed { location, .. }
                | Command::Worker { location }
                | Command::Reindex { location }
                | Command::Ledger {
                    action: LedgerAction::Verify { location },
                },
            ) => (None, location.data_dir.as_deref()),
            Some(Command::Schema | Command::Evaluate) | None => (None, None),
        };
        settings.override_from_cli(port, data_dir);
        Ok(settings)
    }
}

async fn generate_history(
    state: &crate::state::AppState,
    sizes: &synthetic::Sizes,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let made = synthetic::generate(state, sizes).await?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Synthetic history: {} consultations ({} timeline events, {} referrals), {} introductions, \
         {} investments, {} startups, {} advisors, {} directory entries",
        made.consultations,
        made.events,
        made.referrals,
        made.introductions,
        made.investments,
        made.organisations,
        made.advisors,
        made.entries
    );
    println!(
        "{} rows in {seconds:.1} s ({:.0} rows/s)",
        made.rows,
        made.rows as f64 / seconds.max(0.001)
    );
    if !state.search.is_embedded() {
        println!("Run `banso reindex` to bring the new directory entries into Meilisearch.");
    }
    Ok(())
}

pub async fn run(cli: Cli, settings: Settings) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(_) => serve(settings).await,
        Command::Migrate { check, .. } => {
            let db = db::connect(&settings).await?;
            let pending = db::pending_migrations(&db).await?;
            if check {
                println!("{pending} migration(s) pending");
                anyhow::ensure!(pending == 0, "the database schema is not current");
            } else {
                db::migrate(&db).await?;
                println!(
                    "Applied {pending} migration(s) to {}",
                    settings.describe_database()
                );
            }
            Ok(())
        }
        Command::Seed {
            demo, synthetic, ..
        } => {
            let state = startup::prepare(settings).await?;
            let report = seed::reference_data(&state).await?;
            println!(
                "Added {} desk(s) and {} taxonomy term(s)",
                report.desks, report.terms
            );
            if demo {
                let accounts = seed::demo(&state).await?;
                println!("Demo accounts: {}", accounts.len());
            }
            if synthetic.synthetic {
                generate_history(&state, &synthetic.sizes()).await?;
            }
            Ok(())
        }
        Command::Worker { .. } => {
            let state = startup::prepare(settings).await?;
            let topics = if state.search.is_embedded() {
                tracing::info!(
                    "the embedded search index is kept by `banso serve`; this worker sends email only"
                );
                &[Topic::Email][..]
            } else {
                Topic::ALL
            };
            let (stop, stopped) = watch::channel(false);
            let worker = tokio::spawn(notify::worker::run(state, topics, stopped));
            shutdown_signal().await;
            let _ = stop.send(true);
            worker.await.context("the worker failed")
        }
        Command::Reindex { .. } => {
            let state = startup::prepare(settings).await?;
            if state.search.is_embedded() {
                println!(
                    "The embedded search index lives in `banso serve` and is rebuilt from the database at every start; set MEILI_URL to rebuild a Meilisearch index."
                );
                return Ok(());
            }
            let started = std::time::Instant::now();
            let rebuilt = crate::search::indexer::rebuild(&state.db, state.search.as_ref())
                .await
                .context("rebuilding the search index")?;
            println!(
                "Indexed {} directory entries and removed {} stale ones in {:.1} s ({})",
                rebuilt.indexed,
                rebuilt.removed,
                started.elapsed().as_secs_f64(),
                state.search.describe()
            );
            Ok(())
        }
        Command::Ledger {
            action: LedgerAction::Verify { .. },
        } => {
            let db = db::connect(&settings).await?;
            let report = crate::grants::ledger::verify_all(&db)
                .await
                .map_err(|e| anyhow::anyhow!("reading the ledger: {e:?}"))?;
            let mut broken = 0;
            for check in &report {
                match &check.broken {
                    None => println!(
                        "programme {}: {} entries, intact",
                        check.programme_id, check.entries
                    ),
                    Some(problem) => {
                        broken += 1;
                        println!("programme {}: BROKEN: {problem}", check.programme_id);
                    }
                }
            }
            println!(
                "{} programme ledger(s) checked, {broken} broken",
                report.len()
            );
            anyhow::ensure!(broken == 0, "{broken} ledger chain(s) are broken");
            Ok(())
        }
        Command::Evaluate => evaluate(settings).await,
        Command::Schema => {
            print!("{}", crate::graphql::sdl());
            Ok(())
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let development = settings.is_development();
    let database = settings.describe_database();
    let app = Application::build(settings).await?;
    let state = app.state();
    let url = state.settings.public_url();
    println!();
    println!("  Bansō is running at {url}/");
    if development {
        println!("  GraphiQL:  {url}/graphql");
    }
    println!("  Health:    {url}/health  {url}/ready");
    println!("  Database:  {database}");
    println!("  Email:     {}", state.mailer.describe());
    if !app.demo_accounts().is_empty() {
        let password = &app.demo_accounts()[0].password;
        println!();
        println!("  Demo accounts (password: {password})");
        for account in app.demo_accounts() {
            let role = account.role.label(&state.i18n, crate::i18n::Locale::En);
            println!("    {:<34} {role}", account.email);
        }
    }
    println!();
    app.run_until_stopped(shutdown_signal()).await
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down");
}

/// Loads the demo data into a temporary SQLite database and measures the suggestions there.
async fn evaluate(mut settings: Settings) -> anyhow::Result<()> {
    let run = uuid::Uuid::new_v4().simple().to_string();
    let dir = std::env::temp_dir().join(format!("banso-evaluate-{run}"));
    settings.data_dir = dir.clone();
    settings.database.url = None;
    settings.database.auto_migrate = true;
    settings.search.index_prefix = format!("evaluate{}", &run[..8]);
    let result = async {
        let state = startup::prepare(settings).await?;
        seed::reference_data(&state).await?;
        seed::demo(&state).await?;
        crate::search::indexer::rebuild(&state.db, state.search.as_ref())
            .await
            .context("indexing the demo directory")?;
        let rows = crate::matching::evaluation::run(&state, crate::matching::evaluation::EVALUATION)
            .await?;
        println!(
            "Suggestions on the labelled set (seed/evaluation.toml), {}, against a tag-overlap baseline:",
            state.search.describe()
        );
        println!();
        println!(
            "{:<12} {:>5}  {:>13} {:>9}  {:>16} {:>9}",
            "kind", "cases", "NDCG@5 engine", "baseline", "Recall@10 engine", "baseline"
        );
        for row in &rows {
            println!(
                "{:<12} {:>5}  {:>13.3} {:>9.3}  {:>16.3} {:>9.3}",
                row.kind.as_db(),
                row.cases,
                row.engine.ndcg_at_5,
                row.baseline.ndcg_at_5,
                row.engine.recall_at_10,
                row.baseline.recall_at_10
            );
        }
        let n = rows.len().max(1) as f64;
        let mean = |f: &dyn Fn(&crate::matching::evaluation::Row) -> f64| {
            rows.iter().map(f).sum::<f64>() / n
        };
        println!(
            "{:<12} {:>5}  {:>13.3} {:>9.3}  {:>16.3} {:>9.3}",
            "mean",
            "",
            mean(&|r| r.engine.ndcg_at_5),
            mean(&|r| r.baseline.ndcg_at_5),
            mean(&|r| r.engine.recall_at_10),
            mean(&|r| r.baseline.recall_at_10)
        );
        anyhow::Ok(())
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}
