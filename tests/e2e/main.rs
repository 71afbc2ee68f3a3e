//! End-to-end suites: the real server on a free port, spoken to over HTTP, against a fresh
//! SQLite file per test, or a fresh PostgreSQL database when `BANSO_TEST_DATABASE_URL` is set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod admin;
mod authorization;
mod consultations;
mod directory;
mod email;
mod grants;
mod helpers;
mod http;
mod introductions;
mod matching;
mod queue;
mod referrals;
mod reports;
mod search;
mod synthetic;
mod workflow;
