//! Consultations (相談案件): a requester organisation asks a desk for help; advisors and desk
//! staff triage and work the case, may refer it to another desk, and answer within the desk's
//! first-response service level, counted in Japanese business days. Every change is an event
//! on the consultation's timeline.
//!
//! - `workflow.rs`: the state machine: which action moves which status, for whom.
//! - `access.rs`: who may see a consultation and what they are to it.
//! - `service.rs`: filing, triage, transitions and messages; `queue.rs`: the desk queue;
//!   `referrals.rs`: hand-offs between desks; `timeline.rs`: events and how they read.

pub mod access;
pub mod error;
pub mod graphql;
pub mod queue;
pub mod referrals;
pub mod service;
pub mod timeline;
pub mod workflow;

use crate::labels::{Labelled, stored_enum};

stored_enum! {
    /// What a consultation asks for.
    pub enum ConsultationKind {
        /// Help with the requester's own business, research or product.
        Consultation => "consultation", "consultation-kind-consultation",
        /// A request for a rule change (要望), e.g. a reimbursement revision.
        PolicyRequest => "policy_request", "consultation-kind-policy-request",
    }
}

stored_enum! {
    /// Where a consultation stands: `received → triaged → in_progress ⇄ waiting_on_requester
    /// → closed`.
    pub enum ConsultationStatus {
        /// In a desk's queue, not yet looked at.
        Received => "received", "consultation-status-received",
        /// Looked at: priority and taxonomy set, waiting for work to start.
        Triaged => "triaged", "consultation-status-triaged",
        /// Being worked (伴走支援).
        InProgress => "in_progress", "consultation-status-in-progress",
        /// The desk waits for the requester's answer.
        WaitingOnRequester => "waiting_on_requester", "consultation-status-waiting-on-requester",
        /// Finished, with a resolution.
        Closed => "closed", "consultation-status-closed",
    }
}

impl ConsultationStatus {
    pub const fn is_open(self) -> bool {
        !matches!(self, ConsultationStatus::Closed)
    }

    /// The status in the requester's plain words.
    pub const fn requester_label_id(self) -> &'static str {
        match self {
            ConsultationStatus::Received => "consultation-requester-status-received",
            ConsultationStatus::Triaged => "consultation-requester-status-triaged",
            ConsultationStatus::InProgress => "consultation-requester-status-in-progress",
            ConsultationStatus::WaitingOnRequester => {
                "consultation-requester-status-waiting-on-requester"
            }
            ConsultationStatus::Closed => "consultation-requester-status-closed",
        }
    }
}

stored_enum! {
    /// How a closed consultation ended.
    pub enum Resolution {
        /// The desk answered or helped as asked.
        Resolved => "resolved", "resolution-resolved",
        /// Sent on to a body outside the desks (PMDA, a prefecture, JETRO, …).
        ReferredOut => "referred_out", "resolution-referred-out",
        /// The requester withdrew it.
        Withdrawn => "withdrawn", "resolution-withdrawn",
        /// Not something the desks can help with.
        OutOfScope => "out_of_scope", "resolution-out-of-scope",
    }
}

/// How urgent a case is; stored as a number so that queues sort by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, async_graphql::Enum)]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const fn as_db(self) -> i16 {
        match self {
            Priority::Low => 0,
            Priority::Normal => 1,
            Priority::High => 2,
            Priority::Urgent => 3,
        }
    }

    pub fn from_db(value: i16) -> anyhow::Result<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|priority| priority.as_db() == value)
            .ok_or_else(|| anyhow::anyhow!("unknown priority {value} in the database"))
    }
}

impl Labelled for Priority {
    const ALL: &'static [Self] = &[
        Priority::Low,
        Priority::Normal,
        Priority::High,
        Priority::Urgent,
    ];

    fn label_id(&self) -> &'static str {
        match self {
            Priority::Low => "priority-low",
            Priority::Normal => "priority-normal",
            Priority::High => "priority-high",
            Priority::Urgent => "priority-urgent",
        }
    }
}

stored_enum! {
    /// Who at a desk may read a consultation.
    pub enum Confidentiality {
        /// Every advisor and staff member of the desk.
        Standard => "standard", "confidentiality-standard",
        /// Only the assigned advisor and the desk's staff.
        Confidential => "confidential", "confidentiality-confidential",
    }
}

stored_enum! {
    /// A part of a consultation the requester lets introduced third parties see.
    pub enum SharedField {
        OrganisationName => "organisation_name", "shared-field-organisation-name",
        Title => "title", "shared-field-title",
        Description => "description", "shared-field-description",
        Domain => "domain", "shared-field-domain",
        Stage => "stage", "shared-field-stage",
        Topics => "topics", "shared-field-topics",
        /// The requester's name and email address.
        Contact => "contact", "shared-field-contact",
    }
}

impl SharedField {
    /// Stored as comma-separated codes in a fixed order.
    pub fn to_db(fields: &[SharedField]) -> String {
        let mut fields = fields.to_vec();
        fields.sort();
        fields.dedup();
        fields
            .iter()
            .map(|field| field.as_db())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn list_from_db(value: &str) -> anyhow::Result<Vec<SharedField>> {
        value
            .split(',')
            .filter(|code| !code.is_empty())
            .map(SharedField::from_db)
            .collect()
    }
}

stored_enum! {
    /// Where a referral to another desk stands.
    pub enum ReferralStatus {
        /// Waiting for the target desk's decision.
        Requested => "requested", "referral-status-requested",
        /// The target desk took the consultation over.
        Accepted => "accepted", "referral-status-accepted",
        /// The target desk did not take it; it stays where it was.
        Declined => "declined", "referral-status-declined",
        /// The consultation was closed before the target desk decided.
        Cancelled => "cancelled", "referral-status-cancelled",
    }
}

stored_enum! {
    /// A consultation's first-response service level, as of now.
    pub enum SlaState {
        /// Not yet answered; the due date is still ahead.
        OnTrack => "on_track", "sla-state-on-track",
        /// Not yet answered; due today.
        DueToday => "due_today", "sla-state-due-today",
        /// Not answered and past the due date.
        Overdue => "overdue", "sla-state-overdue",
        /// Answered by the due date.
        Met => "met", "sla-state-met",
        /// Answered, but after the due date.
        Missed => "missed", "sla-state-missed",
        /// Closed without needing an answer (withdrawn first).
        NotApplicable => "not_applicable", "sla-state-not-applicable",
    }
}

/// Label ids of this domain's enums, for the locale tests.
pub fn label_ids() -> Vec<&'static str> {
    fn ids<T: Labelled>() -> impl Iterator<Item = &'static str> {
        T::ALL.iter().map(Labelled::label_id)
    }
    ids::<ConsultationKind>()
        .chain(ids::<ConsultationStatus>())
        .chain(
            ConsultationStatus::ALL
                .iter()
                .map(|status| status.requester_label_id()),
        )
        .chain(ids::<Resolution>())
        .chain(ids::<Priority>())
        .chain(ids::<Confidentiality>())
        .chain(ids::<SharedField>())
        .chain(ids::<ReferralStatus>())
        .chain(ids::<SlaState>())
        .chain(ids::<workflow::ConsultationAction>())
        .chain(ids::<timeline::EventKind>())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_fields_are_stored_in_a_fixed_order_without_repeats() {
        let stored =
            SharedField::to_db(&[SharedField::Topics, SharedField::Title, SharedField::Topics]);
        assert_eq!(stored, "title,topics");
        assert_eq!(
            SharedField::list_from_db(&stored).expect("readable"),
            vec![SharedField::Title, SharedField::Topics]
        );
        assert!(SharedField::list_from_db("").expect("empty").is_empty());
        assert!(SharedField::list_from_db("title,nonsense").is_err());
    }

    #[test]
    fn priorities_round_trip_and_sort_by_urgency() {
        for priority in Priority::ALL {
            assert_eq!(Priority::from_db(priority.as_db()).ok(), Some(*priority));
        }
        assert!(Priority::Urgent.as_db() > Priority::High.as_db());
        assert!(Priority::from_db(9).is_err());
    }
}
