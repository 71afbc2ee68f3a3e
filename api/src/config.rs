//! Typed settings, layered: built-in defaults (`api/defaults.toml`), then an optional file,
//! then `BANSO_*` environment variables, then `DATABASE_URL`, `SMTP_URL` and `MEILI_URL`.
//! Secrets are wrapped so that `Debug` never prints them. Settings are passed in, never read
//! from globals, so tests can give each instance its own.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    time::Duration,
};

use anyhow::Context as _;
use config::{Config, Environment as EnvSource, File, FileFormat};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

const DEFAULTS: &str = include_str!("../defaults.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub environment: Environment,
    pub data_dir: PathBuf,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub email: EmailSettings,
    pub worker: WorkerSettings,
    pub auth: AuthSettings,
    pub graphql: GraphqlSettings,
    pub consultations: ConsultationSettings,
    pub search: SearchSettings,
    pub matching: MatchingSettings,
    pub introductions: IntroductionSettings,
    pub demo: DemoSettings,
    pub log: LogSettings,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub public_url: Option<String>,
    pub body_limit_bytes: usize,
    pub request_timeout_secs: u64,
    pub trust_forwarded_for: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    pub url: Option<SecretString>,
    pub max_connections: u32,
    pub connect_timeout_secs: u64,
    pub auto_migrate: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EmailSettings {
    pub smtp_url: Option<SecretString>,
    pub from: String,
    pub smtp_timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WorkerSettings {
    pub enabled: bool,
    pub poll_interval_ms: u64,
    pub batch_size: u32,
    pub backoff_base_secs: u64,
    pub backoff_max_secs: u64,
    pub lease_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    pub session_ttl_hours: i64,
    pub session_idle_minutes: i64,
    pub verification_ttl_hours: i64,
    pub invitation_ttl_hours: i64,
    pub password_reset_ttl_minutes: i64,
    pub min_password_length: usize,
    pub password_hashing_threads: usize,
    pub throttle_window_minutes: i64,
    pub throttle_account_failures: u64,
    pub throttle_address_failures: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GraphqlSettings {
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_page_size: usize,
    pub default_page_size: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ConsultationSettings {
    /// The desk (by code) that receives consultations of a domain routed to no desk.
    pub default_desk: String,
    /// Whether the desks count 29 December – 3 January as closed, like government offices.
    pub year_end_closure: bool,
    /// Longest text of a consultation's description and of a message, in characters.
    pub max_text_chars: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MatchingSettings {
    /// How many candidates of a kind the index proposes before filters and scoring.
    pub candidates: usize,
    pub advisor: MatchWeights,
    pub supporter: MatchWeights,
    pub vc: MatchWeights,
    pub programme: MatchWeights,
}

/// How long each party has to answer an introduction before it expires.
#[derive(Debug, Clone, Deserialize)]
pub struct IntroductionSettings {
    /// Days the requester has to consent once asked.
    pub consent_days: u32,
    /// Days the target has to accept or decline once the introduction is sent.
    pub answer_days: u32,
    /// How often the expiry job looks for introductions past their answer date.
    pub expiry_check_secs: u64,
}

/// The weight of each feature in a suggestion's score.
#[derive(Debug, Clone, Copy, Deserialize, Default)]
#[serde(default)]
pub struct MatchWeights {
    pub domain: f64,
    pub stage: f64,
    pub topics: f64,
    pub text: f64,
    pub language: f64,
    pub region: f64,
    pub load: f64,
    pub outcomes: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SearchSettings {
    pub url: Option<String>,
    pub api_key: Option<SecretString>,
    pub index_prefix: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoSettings {
    pub load_on_start: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    pub format: LogFormat,
    pub level: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Where settings come from besides the defaults.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    /// A TOML file; required when given.
    pub file: Option<PathBuf>,
    /// Environment variables (the process's, or a test's own map).
    pub env: HashMap<String, String>,
}

impl Sources {
    /// The process's environment, and the file named by `BANSO_CONFIG` or `--config`.
    pub fn from_process(file: Option<PathBuf>) -> Self {
        let env: HashMap<String, String> = std::env::vars().collect();
        let file = file.or_else(|| env.get("BANSO_CONFIG").map(PathBuf::from));
        Sources { file, env }
    }
}

impl Settings {
    pub fn load(sources: &Sources) -> anyhow::Result<Settings> {
        let mut builder = Config::builder().add_source(File::from_str(DEFAULTS, FileFormat::Toml));
        if let Some(path) = &sources.file {
            builder = builder.add_source(
                File::from(path.as_path())
                    .format(FileFormat::Toml)
                    .required(true),
            );
        }
        let banso_env: HashMap<String, String> = sources
            .env
            .iter()
            .filter(|(key, _)| key.starts_with("BANSO_") && key.as_str() != "BANSO_CONFIG")
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        builder = builder.add_source(
            EnvSource::with_prefix("BANSO")
                .prefix_separator("_")
                .separator("__")
                .try_parsing(true)
                .source(Some(banso_env)),
        );
        for (variable, key) in [
            ("DATABASE_URL", "database.url"),
            ("SMTP_URL", "email.smtp_url"),
            ("MEILI_URL", "search.url"),
            ("MEILI_MASTER_KEY", "search.api_key"),
        ] {
            let value = sources
                .env
                .get(variable)
                .filter(|value| !value.is_empty())
                .cloned();
            builder = builder.set_override_option(key, value)?;
        }
        let settings: Settings = builder
            .build()
            .context("reading settings")?
            .try_deserialize()
            .context("invalid settings")?;
        settings.check()?;
        Ok(settings)
    }

    fn check(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.graphql.default_page_size <= self.graphql.max_page_size,
            "graphql.default_page_size must not exceed graphql.max_page_size"
        );
        anyhow::ensure!(
            self.auth.min_password_length >= 8,
            "auth.min_password_length must be at least 8"
        );
        if let Some(url) = &self.server.public_url {
            anyhow::ensure!(
                url.starts_with("http://") || url.starts_with("https://"),
                "server.public_url must start with http:// or https://"
            );
        }
        Ok(())
    }

    pub fn is_development(&self) -> bool {
        self.environment == Environment::Development
    }

    /// The database URL: the configured one, else a SQLite file in the data folder.
    pub fn database_url(&self) -> SecretString {
        match &self.database.url {
            Some(url) => url.clone(),
            None => SecretString::from(format!(
                "sqlite://{}?mode=rwc",
                self.sqlite_path().display()
            )),
        }
    }

    pub fn sqlite_path(&self) -> PathBuf {
        self.data_dir.join("banso.sqlite")
    }

    pub fn uses_sqlite(&self) -> bool {
        self.database_url().expose_secret().starts_with("sqlite:")
    }

    /// Where outgoing mail is written when no SMTP server is configured.
    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// The base of links in emails, without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.server.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}:{}", self.server.host, self.server.port),
        }
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.server.request_timeout_secs)
    }

    /// The data folder and the port given on the command line win over every other source.
    pub fn override_from_cli(&mut self, port: Option<u16>, data_dir: Option<&Path>) {
        if let Some(port) = port {
            self.server.port = port;
        }
        if let Some(dir) = data_dir {
            self.data_dir = dir.to_path_buf();
        }
    }

    /// A one-line description for start-up logs, with no secrets in it.
    pub fn describe_database(&self) -> String {
        if self.uses_sqlite() {
            format!("SQLite at {}", self.sqlite_path().display())
        } else {
            let url = self.database_url();
            let url = url.expose_secret();
            let host = url.split('@').next_back().unwrap_or("");
            format!("PostgreSQL at {host}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Sources {
        Sources {
            file: None,
            env: pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn defaults_give_an_embedded_development_setup() {
        let settings = Settings::load(&env(&[])).expect("defaults load");
        assert!(settings.is_development());
        assert!(settings.uses_sqlite());
        assert_eq!(settings.server.port, 8080);
        assert!(settings.email.smtp_url.is_none());
        assert_eq!(settings.public_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn suggestion_weights_are_set_per_kind_and_overridable_one_by_one() {
        let settings = Settings::load(&env(&[("BANSO_MATCHING__ADVISOR__TOPICS", "4.5")]))
            .expect("settings load");
        assert!((settings.matching.advisor.topics - 4.5).abs() < f64::EPSILON);
        assert!((settings.matching.advisor.domain - 3.0).abs() < f64::EPSILON);
        assert!(settings.matching.vc.load.abs() < f64::EPSILON);
        assert!(settings.matching.candidates > 0);
    }

    #[test]
    fn a_file_then_the_environment_override_the_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("banso.toml");
        std::fs::write(
            &path,
            "[server]\nport = 9000\nhost = \"0.0.0.0\"\n[worker]\nbatch_size = 5\n",
        )
        .expect("write");
        let mut sources = env(&[
            ("BANSO_SERVER__PORT", "9100"),
            ("BANSO_ENVIRONMENT", "production"),
        ]);
        sources.file = Some(path);
        let settings = Settings::load(&sources).expect("loads");
        assert_eq!(settings.server.port, 9100, "environment beats file");
        assert_eq!(settings.server.host, "0.0.0.0", "file beats defaults");
        assert_eq!(settings.worker.batch_size, 5);
        assert!(!settings.is_development());
    }

    #[test]
    fn well_known_variables_are_read_and_secrets_never_printed() {
        let sources = env(&[
            (
                "DATABASE_URL",
                "postgres://banso:s3cr3t-db@db.internal/banso",
            ),
            ("SMTP_URL", "smtps://mailer:s3cr3t-smtp@smtp.internal"),
        ]);
        let settings = Settings::load(&sources).expect("loads");
        assert!(!settings.uses_sqlite());
        let printed = format!("{settings:?}");
        assert!(!printed.contains("s3cr3t"), "{printed}");
        assert!(!settings.describe_database().contains("s3cr3t"));
        assert_eq!(
            settings.describe_database(),
            "PostgreSQL at db.internal/banso"
        );
    }

    #[test]
    fn command_line_overrides_port_and_data_folder() {
        let mut settings = Settings::load(&env(&[("BANSO_SERVER__PORT", "9100")])).expect("loads");
        settings.override_from_cli(Some(9200), Some(Path::new("/tmp/banso-b")));
        assert_eq!(settings.server.port, 9200);
        assert_eq!(settings.mail_dir(), PathBuf::from("/tmp/banso-b/mail"));
        assert!(
            settings
                .database_url()
                .expose_secret()
                .contains("/tmp/banso-b/banso.sqlite")
        );
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let error =
            Settings::load(&env(&[("BANSO_SERVER__PORT", "not-a-port")])).expect_err("refused");
        assert!(format!("{error:#}").contains("port"), "{error:#}");
    }
}
