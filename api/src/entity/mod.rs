//! Database models, one module per table. These are persistence types only: GraphQL
//! output types are built from them, never derived on them.

pub mod audit_log;
pub mod consultation_events;
pub mod consultation_topics;
pub mod consultations;
pub mod desk_memberships;
pub mod desks;
pub mod directory_entries;
pub mod directory_entry_organisations;
pub mod directory_entry_terms;
pub mod domain_routes;
pub mod grant_applications;
pub mod grant_awards;
pub mod grant_criteria;
pub mod grant_disbursements;
pub mod grant_ledger;
pub mod grant_milestones;
pub mod grant_programmes;
pub mod grant_reviews;
pub mod introductions;
pub mod investments;
pub mod login_attempts;
pub mod organisations;
pub mod outbox;
pub mod referrals;
pub mod sessions;
pub mod suggestion_dismissals;
pub mod taxonomy_terms;
pub mod user_tokens;
pub mod users;
