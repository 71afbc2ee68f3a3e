//! Outgoing work that must not be lost: rows in the `outbox` table, written in the same
//! transaction as the change that causes them, and carried out by a worker with retries and
//! exponential backoff. Emails are rendered in the recipient's locale when they are queued.

mod mailer;
pub mod outbox;
mod templates;
pub mod worker;

pub use mailer::{FileMailer, Mailer, SendError, SmtpMailer, build_mailer};
pub use templates::{DeskNames, EmailTemplate, OutgoingEmail, Recipient, render};

use sea_orm::ConnectionTrait;

use crate::{config::Settings, i18n::I18n};

/// Renders an email for its recipient and queues it in the caller's transaction.
pub async fn queue_email(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    i18n: &I18n,
    recipient: &Recipient,
    template: EmailTemplate,
) -> anyhow::Result<i64> {
    let email = render(settings, i18n, recipient, &template)?;
    outbox::enqueue(conn, outbox::Topic::Email, &recipient.email, &email).await
}
