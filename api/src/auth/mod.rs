//! Who is asking, and what they may do: roles, sessions, passwords, single-use tokens and
//! log-in throttling. Authorisation is decided here, in the service layer, denying by default.

pub mod password;
pub mod sessions;
pub mod throttle;
pub mod tokens;

mod policy;
mod role;

pub use policy::{Actor, Permission, Viewer};
pub use role::Role;
