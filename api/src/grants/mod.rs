//! The Healthtech Challenge (ヘルステック・チャレンジ): milestone-based development grants.
//!
//! ```text
//! programme ─ application (draft → submitted → awarded | rejected; withdrawn)
//!               └ reviews (criteria scores, a recommendation; no conflicts of interest)
//!               └ award ─ milestones, in order:
//!                   locked → active → evidence_submitted → approved | rejected → … | failed
//! ```
//!
//! Approving a milestone creates its tranche's disbursement and activates the next one;
//! with a VC-match ratio r the tranche waits (`awaiting_match`) until the startup's
//! confirmed investment covers it. Failing one ends the award and returns what was not
//! paid to the programme's budget. Every movement of money is an entry in the programme's
//! hash-chained [`ledger`].

pub mod graphql;
pub mod ledger;
pub mod seed;
pub mod service;

use crate::labels::{Labelled, stored_enum};

stored_enum! {
    /// The development themes a programme funds, from the Healthtech Challenge proposal.
    pub enum GrantTheme {
        /// 難病・希少疾患.
        RareDiseases => "rare_diseases", "grant-theme-rare-diseases",
        /// Medicines and products for infection crises, antimicrobial resistance included.
        InfectionCrisis => "infection_crisis", "grant-theme-infection-crisis",
        /// Innovative devices for unmet medical needs.
        UnmetNeedsDevices => "unmet_needs_devices", "grant-theme-unmet-needs-devices",
        /// Software as a medical device built on AI.
        AiSamd => "ai_samd", "grant-theme-ai-samd",
    }
}

stored_enum! {
    /// Where an application stands.
    pub enum ApplicationStatus {
        Draft => "draft", "grant-application-status-draft",
        Submitted => "submitted", "grant-application-status-submitted",
        Awarded => "awarded", "grant-application-status-awarded",
        Rejected => "rejected", "grant-application-status-rejected",
        Withdrawn => "withdrawn", "grant-application-status-withdrawn",
    }
}

stored_enum! {
    /// Where a milestone stands.
    pub enum MilestoneStatus {
        /// An earlier milestone is not yet approved (or the application is not awarded).
        Locked => "locked", "milestone-status-locked",
        /// The startup works towards it.
        Active => "active", "milestone-status-active",
        EvidenceSubmitted => "evidence_submitted", "milestone-status-evidence-submitted",
        /// Achieved: its tranche is disbursed, or waits for VC match.
        Approved => "approved", "milestone-status-approved",
        /// Not yet achieved: the startup may submit evidence again before the due date.
        Rejected => "rejected", "milestone-status-rejected",
        /// Not achieved: the award ends.
        Failed => "failed", "milestone-status-failed",
    }
}

stored_enum! {
    /// Something someone may do to a milestone.
    pub enum MilestoneStep {
        /// The previous milestone was approved, or the application awarded (Bansō itself).
        Activate => "activate", "milestone-step-activate",
        /// The startup submits evidence (again, after a rejection).
        SubmitEvidence => "submit_evidence", "milestone-step-submit-evidence",
        /// Staff approve: the tranche is released.
        Approve => "approve", "milestone-step-approve",
        /// Staff send it back for more evidence.
        Reject => "reject", "milestone-step-reject",
        /// Staff decide it was not achieved: the award ends.
        Fail => "fail", "milestone-step-fail",
    }
}

stored_enum! {
    pub enum AwardStatus {
        /// Milestones are under way.
        Active => "active", "grant-award-status-active",
        /// Every milestone was approved.
        Completed => "completed", "grant-award-status-completed",
        /// A milestone failed; what was not paid went back to the budget.
        Ended => "ended", "grant-award-status-ended",
    }
}

stored_enum! {
    /// Whether an approved milestone's tranche was paid.
    pub enum DisbursementStatus {
        /// Waiting until the confirmed VC investment covers it.
        AwaitingMatch => "awaiting_match", "disbursement-status-awaiting-match",
        Disbursed => "disbursed", "disbursement-status-disbursed",
    }
}

stored_enum! {
    /// A reviewer's recommendation.
    pub enum Recommendation {
        Fund => "fund", "grant-recommendation-fund",
        DoNotFund => "do_not_fund", "grant-recommendation-do-not-fund",
    }
}

stored_enum! {
    /// What a ledger entry records.
    pub enum LedgerKind {
        /// An award's amount committed from the budget.
        Commitment => "commitment", "ledger-kind-commitment",
        /// A tranche paid out.
        Disbursement => "disbursement", "ledger-kind-disbursement",
        /// Committed money not paid, released back to the budget (an ended or completed
        /// award).
        Release => "release", "ledger-kind-release",
    }
}

impl MilestoneStep {
    /// Whether the startup takes the step (the others are the programme staff's, and
    /// `Activate` is Bansō's own).
    pub const fn by_requester(self) -> bool {
        matches!(self, MilestoneStep::SubmitEvidence)
    }
}

impl MilestoneStatus {
    /// Where `step` leads from here, if it may be taken at all.
    pub const fn after(self, step: MilestoneStep) -> Option<MilestoneStatus> {
        use MilestoneStatus::*;
        use MilestoneStep as S;
        match (self, step) {
            (Locked, S::Activate) => Some(Active),
            (Active | Rejected, S::SubmitEvidence) => Some(EvidenceSubmitted),
            (EvidenceSubmitted, S::Approve) => Some(Approved),
            (EvidenceSubmitted, S::Reject) => Some(Rejected),
            (Active | EvidenceSubmitted | Rejected, S::Fail) => Some(Failed),
            _ => None,
        }
    }

    /// Approved and failed milestones never change again.
    pub const fn is_final(self) -> bool {
        matches!(self, MilestoneStatus::Approved | MilestoneStatus::Failed)
    }
}

/// The most that may have been paid out for an award: `ratio` (in thousandths) times the
/// startup's confirmed investment, rounded down to the yen; no cap without a ratio.
pub fn match_cap(ratio_permille: Option<i32>, invested_yen: i64) -> Option<i64> {
    ratio_permille.map(|ratio| {
        let cap = i128::from(invested_yen.max(0)) * i128::from(ratio) / 1000;
        i64::try_from(cap).unwrap_or(i64::MAX)
    })
}

/// Every label id of this module, for the locale tests.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    fn ids<T: Labelled>() -> impl Iterator<Item = &'static str> {
        T::ALL.iter().map(Labelled::label_id)
    }
    ids::<GrantTheme>()
        .chain(ids::<ApplicationStatus>())
        .chain(ids::<MilestoneStatus>())
        .chain(ids::<MilestoneStep>())
        .chain(ids::<AwardStatus>())
        .chain(ids::<DisbursementStatus>())
        .chain(ids::<Recommendation>())
        .chain(ids::<LedgerKind>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn step() -> impl Strategy<Value = MilestoneStep> {
        prop::sample::select(MilestoneStep::ALL.to_vec())
    }

    proptest! {
        /// Whatever steps are tried, a milestone is approved at most once, never leaves a
        /// final status, and is only approved after evidence was submitted.
        #[test]
        fn random_steps_never_reach_an_invalid_state(steps in prop::collection::vec(step(), 0..40)) {
            let mut status = MilestoneStatus::Locked;
            let mut approvals = 0;
            for step in steps {
                let before = status;
                if let Some(next) = status.after(step) {
                    prop_assert!(!before.is_final());
                    if next == MilestoneStatus::Approved {
                        prop_assert_eq!(before, MilestoneStatus::EvidenceSubmitted);
                        approvals += 1;
                    }
                    status = next;
                }
            }
            prop_assert!(approvals <= 1);
        }

        #[test]
        fn the_match_cap_never_overflows_and_grows_with_investment(
            ratio in 1i32..20_000, a in 0i64..i64::MAX / 2, b in 0i64..i64::MAX / 2,
        ) {
            let (low, high) = (a.min(b), a.max(b));
            let (low_cap, high_cap) = (match_cap(Some(ratio), low), match_cap(Some(ratio), high));
            prop_assert!(low_cap <= high_cap);
        }
    }

    #[test]
    fn the_cap_is_ratio_times_investment_rounded_down() {
        assert_eq!(match_cap(Some(2000), 150_000_000), Some(300_000_000));
        assert_eq!(match_cap(Some(1500), 3), Some(4));
        assert_eq!(match_cap(None, 0), None);
        assert_eq!(match_cap(Some(2000), 0), Some(0));
    }
}
