//! Bansō (伴走): case management and matching for Japan's healthcare-startup support desks.
//!
//! One folder per domain (`accounts`, `desks`, `taxonomy`, `consultations`), each with `service.rs` (the
//! rules), `graphql.rs` (the API) and, where it has its own failures, `error.rs`. The rest is
//! cross-cutting: configuration, start-up, telemetry, errors, authorisation, localisation,
//! notifications and the GraphQL layer.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod consultations;
pub mod db;
pub mod desks;
pub mod directory;
pub mod entity;
pub mod error;
pub mod grants;
pub mod graphql;
pub mod health;
pub mod i18n;
pub mod ids;
pub mod introductions;
pub mod labels;
pub mod matching;
pub mod notify;
pub mod pagination;
pub mod reports;
pub mod search;
pub mod seed;
pub mod startup;
pub mod state;
pub mod synthetic;
pub mod taxonomy;
pub mod telemetry;
pub mod validate;
pub mod web;
