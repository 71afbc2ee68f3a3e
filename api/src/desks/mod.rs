//! Desks (窓口): InnoHub, MEDISO and CARISO. Each has its own queue, staff, advisors and
//! first-response service level. Desks are data, seeded and edited by admins.

pub mod graphql;
pub mod service;
