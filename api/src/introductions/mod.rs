//! Introductions (紹介): connecting a consultation to an advisor, a supporter organisation
//! or a VC, from the desk's proposal to an established match (マッチング成立).
//!
//! ```text
//! proposed → consent_requested → consented → sent → accepted | declined
//!                                                   accepted → meeting_held → matched | not_matched
//! consent_requested, sent → expired      (nobody answered in time; a scheduled job)
//! proposed, consent_requested, consented → withdrawn   (the desk withdrew, or the requester said no)
//! ```
//!
//! Double opt-in: the target learns nothing of the requester before the requester consents,
//! and then only the fields they chose; what the target may read is copied at consent
//! ([`service`]), so later edits to the consultation do not reach them either.

pub mod graphql;
pub mod service;

use crate::labels::{Labelled, stored_enum};

stored_enum! {
    /// Where an introduction stands.
    pub enum IntroductionStatus {
        /// The desk proposed it; the requester has not been asked yet.
        Proposed => "proposed", "introduction-status-proposed",
        /// The requester was asked to consent.
        ConsentRequested => "consent_requested", "introduction-status-consent-requested",
        /// The requester consented and chose what to share.
        Consented => "consented", "introduction-status-consented",
        /// The target received it and has to answer.
        Sent => "sent", "introduction-status-sent",
        Accepted => "accepted", "introduction-status-accepted",
        Declined => "declined", "introduction-status-declined",
        MeetingHeld => "meeting_held", "introduction-status-meeting-held",
        /// The introduction led to a concrete outcome (マッチング成立).
        Matched => "matched", "introduction-status-matched",
        NotMatched => "not_matched", "introduction-status-not-matched",
        /// Whoever had to answer did not, in time.
        Expired => "expired", "introduction-status-expired",
        /// The desk withdrew it, or the requester did not consent.
        Withdrawn => "withdrawn", "introduction-status-withdrawn",
    }
}

stored_enum! {
    /// How the target hears of the startup.
    pub enum IntroductionChannel {
        /// One-to-one introduction (個別紹介).
        Individual => "individual", "introduction-channel-individual",
        /// A feature in the desk's newsletter (通信紹介).
        Newsletter => "newsletter", "introduction-channel-newsletter",
    }
}

stored_enum! {
    /// What an established match led to.
    pub enum OutcomeType {
        JointResearch => "joint_research", "outcome-type-joint-research",
        ProofOfConcept => "proof_of_concept", "outcome-type-proof-of-concept",
        /// An investment, with amount, round and date; counts as confirmed private
        /// investment for the grants' VC match.
        Investment => "investment", "outcome-type-investment",
        Partnership => "partnership", "outcome-type-partnership",
        /// Adoption by a hospital, insurer or care operator.
        Adoption => "adoption", "outcome-type-adoption",
        Other => "other", "outcome-type-other",
    }
}

stored_enum! {
    /// Who adopted the startup's product.
    pub enum Adopter {
        Hospital => "hospital", "adopter-hospital",
        Insurer => "insurer", "adopter-insurer",
        CareOperator => "care_operator", "adopter-care-operator",
    }
}

stored_enum! {
    /// The financing round of an investment.
    pub enum InvestmentRound {
        Seed => "seed", "investment-round-seed",
        SeriesA => "series_a", "investment-round-series-a",
        SeriesB => "series_b", "investment-round-series-b",
        SeriesCOrLater => "series_c_or_later", "investment-round-series-c-or-later",
        Other => "other", "investment-round-other",
    }
}

stored_enum! {
    /// Something someone may do to an introduction.
    pub enum IntroductionStep {
        /// The desk asks the requester to consent.
        RequestConsent => "request_consent", "introduction-step-request-consent",
        /// The requester consents and chooses the fields to share.
        Consent => "consent", "introduction-step-consent",
        /// The requester does not want the introduction.
        DeclineConsent => "decline_consent", "introduction-step-decline-consent",
        /// The desk withdraws it before it is sent.
        Withdraw => "withdraw", "introduction-step-withdraw",
        /// The desk sends it to the target (or features it in the newsletter).
        Send => "send", "introduction-step-send",
        /// The target accepts.
        Accept => "accept", "introduction-step-accept",
        /// The target declines.
        Decline => "decline", "introduction-step-decline",
        /// The desk records that the parties met.
        RecordMeeting => "record_meeting", "introduction-step-record-meeting",
        /// The desk records a match and its outcome.
        RecordMatch => "record_match", "introduction-step-record-match",
        /// The desk records that no match came of it.
        RecordNoMatch => "record_no_match", "introduction-step-record-no-match",
        /// Nobody answered in time (the scheduled job).
        Expire => "expire", "introduction-step-expire",
    }
}

/// Who takes a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// The desk's advisors and staff working the consultation.
    Desk,
    /// The requester's organisation.
    Requester,
    /// The person or organisation introduced.
    Target,
    /// The scheduled job.
    System,
}

impl IntroductionStep {
    /// Who may take the step. Desk staff may also record the target's answer for them
    /// (given by phone, say); that is checked where the caller's role is known.
    pub const fn party(self) -> Party {
        match self {
            IntroductionStep::RequestConsent
            | IntroductionStep::Withdraw
            | IntroductionStep::Send
            | IntroductionStep::RecordMeeting
            | IntroductionStep::RecordMatch
            | IntroductionStep::RecordNoMatch => Party::Desk,
            IntroductionStep::Consent | IntroductionStep::DeclineConsent => Party::Requester,
            IntroductionStep::Accept | IntroductionStep::Decline => Party::Target,
            IntroductionStep::Expire => Party::System,
        }
    }
}

impl IntroductionStatus {
    /// Where `step` leads from here, if it may be taken here at all.
    pub const fn after(self, step: IntroductionStep) -> Option<IntroductionStatus> {
        use IntroductionStatus as S;
        use IntroductionStep as T;
        Some(match (self, step) {
            (S::Proposed, T::RequestConsent) => S::ConsentRequested,
            (S::ConsentRequested, T::Consent) => S::Consented,
            (S::ConsentRequested, T::DeclineConsent) => S::Withdrawn,
            (S::Proposed | S::ConsentRequested | S::Consented, T::Withdraw) => S::Withdrawn,
            (S::Consented, T::Send) => S::Sent,
            (S::Sent, T::Accept) => S::Accepted,
            (S::Sent, T::Decline) => S::Declined,
            (S::Accepted, T::RecordMeeting) => S::MeetingHeld,
            (S::MeetingHeld, T::RecordMatch) => S::Matched,
            // A meeting that never happened ends the introduction too.
            (S::Accepted | S::MeetingHeld, T::RecordNoMatch) => S::NotMatched,
            (S::ConsentRequested | S::Sent, T::Expire) => S::Expired,
            _ => return None,
        })
    }

    /// Still in progress: at most one such introduction per consultation and target.
    pub const fn is_live(self) -> bool {
        matches!(
            self,
            IntroductionStatus::Proposed
                | IntroductionStatus::ConsentRequested
                | IntroductionStatus::Consented
                | IntroductionStatus::Sent
                | IntroductionStatus::Accepted
                | IntroductionStatus::MeetingHeld
        )
    }

    /// The target has received it: from here on they may read what was shared.
    pub const fn reached_target(self) -> bool {
        matches!(
            self,
            IntroductionStatus::Sent
                | IntroductionStatus::Accepted
                | IntroductionStatus::Declined
                | IntroductionStatus::MeetingHeld
                | IntroductionStatus::Matched
                | IntroductionStatus::NotMatched
        )
    }

    /// Whether someone has to answer by a date (and the introduction expires otherwise).
    pub const fn awaits_answer(self) -> bool {
        matches!(
            self,
            IntroductionStatus::ConsentRequested | IntroductionStatus::Sent
        )
    }
}

/// Label ids of the introduction enums, for the locale tests.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    fn ids<T: Labelled>() -> impl Iterator<Item = &'static str> {
        T::ALL.iter().map(Labelled::label_id)
    }
    ids::<IntroductionStatus>()
        .chain(ids::<IntroductionChannel>())
        .chain(ids::<OutcomeType>())
        .chain(ids::<Adopter>())
        .chain(ids::<InvestmentRound>())
        .chain(ids::<IntroductionStep>())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn status() -> impl Strategy<Value = IntroductionStatus> {
        proptest::sample::select(IntroductionStatus::ALL)
    }

    fn step() -> impl Strategy<Value = IntroductionStep> {
        proptest::sample::select(IntroductionStep::ALL)
    }

    /// Walks from `proposed` along the steps that apply, skipping the others.
    fn walk(steps: &[IntroductionStep]) -> Vec<IntroductionStatus> {
        let mut at = IntroductionStatus::Proposed;
        let mut path = vec![at];
        for step in steps {
            if let Some(next) = at.after(*step) {
                at = next;
                path.push(at);
            }
        }
        path
    }

    proptest! {
        #[test]
        fn no_step_leads_out_of_an_end_state(from in status(), step in step()) {
            if !from.is_live() {
                prop_assert_eq!(from.after(step), None);
            }
        }

        #[test]
        fn the_target_never_has_it_before_the_requester_consented(
            steps in proptest::collection::vec(step(), 0..40)
        ) {
            let path = walk(&steps);
            if let Some(first) = path.iter().position(|s| s.reached_target()) {
                prop_assert!(path[..first].contains(&IntroductionStatus::Consented));
            }
        }

        #[test]
        fn a_match_always_follows_an_accepted_introduction_and_a_meeting(
            steps in proptest::collection::vec(step(), 0..40)
        ) {
            let path = walk(&steps);
            if let Some(matched) = path.iter().position(|s| *s == IntroductionStatus::Matched) {
                prop_assert!(path[..matched].contains(&IntroductionStatus::Accepted));
                prop_assert!(path[..matched].contains(&IntroductionStatus::MeetingHeld));
                prop_assert_eq!(matched, path.len() - 1);
            }
        }

        #[test]
        fn only_the_waiting_states_expire(from in status()) {
            prop_assert_eq!(
                from.after(IntroductionStep::Expire).is_some(),
                from.awaits_answer()
            );
        }
    }

    #[test]
    fn each_step_has_one_party_and_the_happy_path_reaches_a_match() {
        use IntroductionStep as T;
        let path = walk(&[
            T::RequestConsent,
            T::Consent,
            T::Send,
            T::Accept,
            T::RecordMeeting,
            T::RecordMatch,
        ]);
        assert_eq!(path.last(), Some(&IntroductionStatus::Matched));
        assert_eq!(path.len(), 7);
        assert_eq!(T::Consent.party(), Party::Requester);
        assert_eq!(T::Accept.party(), Party::Target);
        assert_eq!(T::Expire.party(), Party::System);
    }
}
