//! Building and running the application: bind the port, open and migrate the database,
//! seed reference (and, in development, demo) data, serve HTTP and run the worker.

use std::{future::Future, sync::Arc, time::Duration};

use anyhow::Context as _;
use poem::{
    EndpointExt, Route, Server, get,
    listener::{Acceptor, Listener, TcpAcceptor, TcpListener},
    middleware::{CatchPanic, SetHeader},
};
use tokio::sync::watch;

use crate::{
    auth::password::PasswordHasher,
    calendar::BusinessCalendar,
    config::Settings,
    db,
    graphql::{self, build_schema},
    health,
    i18n::I18n,
    notify::{self, build_mailer, outbox::Topic},
    search,
    seed::{self, DemoAccount},
    state::AppState,
    telemetry::RequestTracing,
    web,
};

const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

pub struct Application {
    acceptor: TcpAcceptor,
    port: u16,
    state: AppState,
    demo_accounts: Vec<DemoAccount>,
}

impl Application {
    pub async fn build(mut settings: Settings) -> anyhow::Result<Application> {
        let address = format!("{}:{}", settings.server.host, settings.server.port);
        let acceptor = TcpListener::bind(address.clone())
            .into_acceptor()
            .await
            .with_context(|| format!("cannot listen on {address}"))?;
        let port = acceptor
            .local_addr()
            .first()
            .and_then(|addr| addr.as_socket_addr().map(|socket| socket.port()))
            .context("the listener has no TCP address")?;
        // Links in emails must name the port actually bound (port 0 picks a free one).
        settings.server.port = port;

        let state = prepare(settings).await?;
        seed::reference_data(&state)
            .await
            .context("seeding desks and taxonomy")?;
        let demo_accounts = if state.settings.is_development() && state.settings.demo.load_on_start
        {
            seed::demo(&state).await.context("loading the demo data")?
        } else {
            Vec::new()
        };
        search::indexer::prepare(&state.db, state.search.clone())
            .await
            .context("building the search index")?;
        Ok(Application {
            acceptor,
            port,
            state,
            demo_accounts,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The demo accounts loaded at start, if any.
    pub fn demo_accounts(&self) -> &[DemoAccount] {
        &self.demo_accounts
    }

    /// Serves until `shutdown` completes, then lets requests and the email in hand finish.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop_worker, worker_stopped) = watch::channel(false);
        let worker = self.state.settings.worker.enabled.then(|| {
            tokio::spawn(notify::worker::run(
                self.state.clone(),
                Topic::ALL,
                worker_stopped,
            ))
        });
        let app = routes(self.state.clone());
        let served = Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(app, shutdown, Some(SHUTDOWN_GRACE))
            .await;
        let _ = stop_worker.send(true);
        if let Some(worker) = worker {
            let _ = worker.await;
        }
        served.context("the HTTP server failed")
    }
}

/// Opens the database (migrating it if configured) and loads messages and the mailer.
pub async fn prepare(settings: Settings) -> anyhow::Result<AppState> {
    let i18n = Arc::new(I18n::load().context("loading the Fluent messages")?);
    let db = db::connect(&settings).await?;
    if settings.database.auto_migrate {
        db::migrate(&db).await?;
    }
    let mailer = Arc::from(build_mailer(&settings)?);
    let threads = match settings.auth.password_hashing_threads {
        0 => std::thread::available_parallelism().map_or(2, usize::from),
        n => n,
    };
    let passwords =
        PasswordHasher::start(threads).context("starting the password hashing threads")?;
    let calendar = BusinessCalendar::japan(settings.consultations.year_end_closure)
        .context("loading the Japanese holidays")?;
    let search = search::engine_from(&settings).context("setting up the search engine")?;
    Ok(AppState {
        db,
        settings: Arc::new(settings),
        i18n,
        mailer,
        passwords,
        calendar,
        search,
    })
}

pub fn routes(state: AppState) -> impl poem::Endpoint {
    let schema = build_schema(state.clone());
    Route::new()
        .at("/graphql", graphql::http::endpoint)
        .at("/health", get(health::health))
        .at("/ready", get(health::ready))
        .at("/reports/kpi.csv", get(crate::reports::csv::kpi_csv))
        .at(
            "/reports/records.csv",
            get(crate::reports::csv::records_csv),
        )
        .at("/locales/:file", get(web::locale_file))
        .at("/*path", web::assets)
        .at("/", web::assets)
        .data(schema)
        .data(state)
        .with(
            SetHeader::new()
                .overriding("x-content-type-options", "nosniff")
                .overriding("x-frame-options", "DENY")
                .overriding("referrer-policy", "no-referrer"),
        )
        .with(CatchPanic::new())
        .with(RequestTracing)
}
