//! Accounts: sign-up and email verification, log-in and sessions, passwords, invitations by
//! admins, and the organisations requesters, supporters and VCs belong to.

pub mod error;
pub mod graphql;
pub mod service;

use crate::labels::Labelled;

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum)]
pub enum OrganisationKind {
    Startup,
    /// A corporation's new-business unit.
    Corporate,
    /// A university laboratory.
    University,
    Investor,
    /// Someone before founding a company.
    Individual,
    /// A supporter organisation (サポーター団体).
    Supporter,
    /// A venture capital firm.
    Vc,
}

impl OrganisationKind {
    pub const fn as_db(self) -> &'static str {
        match self {
            OrganisationKind::Startup => "startup",
            OrganisationKind::Corporate => "corporate",
            OrganisationKind::University => "university",
            OrganisationKind::Investor => "investor",
            OrganisationKind::Individual => "individual",
            OrganisationKind::Supporter => "supporter",
            OrganisationKind::Vc => "vc",
        }
    }

    pub fn from_db(value: &str) -> anyhow::Result<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_db() == value)
            .ok_or_else(|| anyhow::anyhow!("unknown organisation kind {value:?} in the database"))
    }

    /// Kinds whose members file consultations.
    pub const fn is_requester(self) -> bool {
        !matches!(self, OrganisationKind::Supporter | OrganisationKind::Vc)
    }

    /// Whether a member of this kind of organisation may have `role`.
    pub const fn admits(self, role: crate::auth::Role) -> bool {
        use crate::auth::Role;
        match role {
            Role::Requester => self.is_requester(),
            Role::SupporterMember => matches!(self, OrganisationKind::Supporter),
            Role::VcMember => matches!(self, OrganisationKind::Vc),
            Role::Advisor | Role::Staff | Role::Admin => false,
        }
    }
}

impl Labelled for OrganisationKind {
    const ALL: &'static [Self] = &[
        OrganisationKind::Startup,
        OrganisationKind::Corporate,
        OrganisationKind::University,
        OrganisationKind::Investor,
        OrganisationKind::Individual,
        OrganisationKind::Supporter,
        OrganisationKind::Vc,
    ];

    fn label_id(&self) -> &'static str {
        match self {
            OrganisationKind::Startup => "organisation-kind-startup",
            OrganisationKind::Corporate => "organisation-kind-corporate",
            OrganisationKind::University => "organisation-kind-university",
            OrganisationKind::Investor => "organisation-kind-investor",
            OrganisationKind::Individual => "organisation-kind-individual",
            OrganisationKind::Supporter => "organisation-kind-supporter",
            OrganisationKind::Vc => "organisation-kind-vc",
        }
    }
}
