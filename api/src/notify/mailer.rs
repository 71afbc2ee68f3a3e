//! Delivering a rendered email: over SMTP when `SMTP_URL` is set, else into `.eml` files in
//! the data folder (for development and tests).

use std::{path::PathBuf, time::Duration};

use anyhow::Context as _;
use futures::future::BoxFuture;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
};
use secrecy::ExposeSecret;

use super::OutgoingEmail;
use crate::config::Settings;

/// Why a delivery failed, which decides whether it is tried again.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The server or the network is unavailable: try again later.
    #[error("temporary failure: {0}")]
    Transient(String),
    /// The message can never be delivered as it is (e.g. the address was refused).
    #[error("permanent failure: {0}")]
    Permanent(String),
}

pub trait Mailer: Send + Sync {
    /// Delivers one email; `outbox_id` identifies it across retries.
    fn send<'a>(
        &'a self,
        outbox_id: i64,
        email: &'a OutgoingEmail,
    ) -> BoxFuture<'a, Result<(), SendError>>;

    /// Where mail goes, for start-up logs (no secrets).
    fn describe(&self) -> String;
}

pub fn build_mailer(settings: &Settings) -> anyhow::Result<Box<dyn Mailer>> {
    match &settings.email.smtp_url {
        Some(url) => Ok(Box::new(SmtpMailer::new(
            url.expose_secret(),
            Duration::from_secs(settings.email.smtp_timeout_secs),
        )?)),
        None => Ok(Box::new(FileMailer::new(settings.mail_dir()))),
    }
}

fn build_message(email: &OutgoingEmail) -> Result<Message, SendError> {
    let permanent = |what: &str, error: &dyn std::fmt::Display| {
        SendError::Permanent(format!("{what}: {error}"))
    };
    let from: Mailbox = email
        .from
        .parse()
        .map_err(|e| permanent("sender address", &e))?;
    let to_address = email
        .to_address
        .parse()
        .map_err(|e| permanent("recipient address", &e))?;
    Message::builder()
        .message_id(Some(email.message_id.clone()))
        .from(from)
        .to(Mailbox::new(Some(email.to_name.clone()), to_address))
        .subject(email.subject.clone())
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Content-Language"),
            email.locale.as_str().to_owned(),
        ))
        .multipart(MultiPart::alternative_plain_html(
            email.text.clone(),
            email.html.clone(),
        ))
        .map_err(|e| permanent("building the message", &e))
}

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    host: String,
}

impl SmtpMailer {
    pub fn new(url: &str, timeout: Duration) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .context("SMTP_URL is not a valid smtp:// or smtps:// URL")?
            .timeout(Some(timeout))
            .build();
        let host = url
            .split('@')
            .next_back()
            .unwrap_or(url)
            .split('/')
            .find(|part| !part.is_empty() && !part.ends_with(':'))
            .unwrap_or("")
            .to_owned();
        Ok(SmtpMailer { transport, host })
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(
        &'a self,
        _outbox_id: i64,
        email: &'a OutgoingEmail,
    ) -> BoxFuture<'a, Result<(), SendError>> {
        Box::pin(async move {
            let message = build_message(email)?;
            match self.transport.send(message).await {
                Ok(_) => Ok(()),
                Err(error) if error.is_permanent() => Err(SendError::Permanent(error.to_string())),
                Err(error) => Err(SendError::Transient(error.to_string())),
            }
        })
    }

    fn describe(&self) -> String {
        format!("SMTP server {}", self.host)
    }
}

/// Writes each email as `<outbox id>.eml`; a retry overwrites the same file.
pub struct FileMailer {
    dir: PathBuf,
}

impl FileMailer {
    pub fn new(dir: PathBuf) -> Self {
        FileMailer { dir }
    }
}

impl Mailer for FileMailer {
    fn send<'a>(
        &'a self,
        outbox_id: i64,
        email: &'a OutgoingEmail,
    ) -> BoxFuture<'a, Result<(), SendError>> {
        Box::pin(async move {
            let message = build_message(email)?;
            let transient = |error: std::io::Error| SendError::Transient(error.to_string());
            tokio::fs::create_dir_all(&self.dir)
                .await
                .map_err(transient)?;
            let name = format!("{outbox_id:010}.eml");
            let partial = self.dir.join(format!(".{name}.partial"));
            tokio::fs::write(&partial, message.formatted())
                .await
                .map_err(transient)?;
            tokio::fs::rename(&partial, self.dir.join(name))
                .await
                .map_err(transient)?;
            Ok(())
        })
    }

    fn describe(&self) -> String {
        format!("files in {}", self.dir.display())
    }
}
