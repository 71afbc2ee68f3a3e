//! What every request and background task shares: the database pool, settings, messages and
//! the mail transport. Nothing here holds data another instance would need.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::{
    auth::password::PasswordHasher, calendar::BusinessCalendar, config::Settings, i18n::I18n,
    notify::Mailer, search::SearchEngine,
};

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub i18n: Arc<I18n>,
    pub mailer: Arc<dyn Mailer>,
    pub passwords: PasswordHasher,
    /// Japanese business days, for first-response due dates.
    pub calendar: BusinessCalendar,
    /// The directory's search index.
    pub search: Arc<dyn SearchEngine>,
}
