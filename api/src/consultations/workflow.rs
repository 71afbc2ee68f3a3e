//! The consultation state machine, with no database in sight: which action takes which
//! status where, and who may take it.
//!
//! | action | from | to | who |
//! | --- | --- | --- | --- |
//! | triage | received | triaged | advisors and staff of the desk |
//! | start | triaged | in_progress (needs an assignee) | the assignee, desk staff |
//! | wait_for_requester | in_progress | waiting_on_requester | the assignee, desk staff |
//! | resume | waiting_on_requester | in_progress | the assignee, desk staff |
//! | close | any open status | closed: resolved, referred_out or out_of_scope | the assignee, desk staff |
//! | withdraw | any open status | closed: withdrawn | the requester's organisation |
//! | reopen | closed | in_progress with an assignee, else triaged | desk staff |
//!
//! Admins count as staff of every desk. A requester's reply to a case waiting on them
//! resumes it by itself (see `service::post_message`).

use super::{ConsultationStatus, Resolution, error::ConsultationError};
use crate::{
    error::{ApiError, ErrorCode, FieldError},
    labels::stored_enum,
};

stored_enum! {
    /// Something done to a consultation that changes its status.
    pub enum ConsultationAction {
        Triage => "triage", "consultation-action-triage",
        Start => "start", "consultation-action-start",
        WaitForRequester => "wait_for_requester", "consultation-action-wait-for-requester",
        Resume => "resume", "consultation-action-resume",
        Close => "close", "consultation-action-close",
        Withdraw => "withdraw", "consultation-action-withdraw",
        Reopen => "reopen", "consultation-action-reopen",
    }
}

/// What the person acting is to this consultation (see `access.rs`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// A member of the requester organisation.
    pub requester: bool,
    /// An advisor or staff member of the consultation's current desk, or an admin.
    pub desk_member: bool,
    /// A staff member of the consultation's current desk, or an admin.
    pub desk_staff: bool,
    /// The consultation's assignee.
    pub assignee: bool,
}

/// A consultation's state as far as the machine cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub status: ConsultationStatus,
    pub resolution: Option<Resolution>,
    pub has_assignee: bool,
}

impl ConsultationAction {
    /// Whether someone of this standing may ever take the action, whatever the status.
    pub fn permitted(self, standing: Standing) -> bool {
        use ConsultationAction::*;
        match self {
            Triage => standing.desk_member,
            Start | WaitForRequester | Resume | Close => standing.assignee || standing.desk_staff,
            Withdraw => standing.requester,
            Reopen => standing.desk_staff,
        }
    }

    /// The statuses the action starts from.
    fn applies_to(self, status: ConsultationStatus) -> bool {
        use ConsultationAction::*;
        use ConsultationStatus::*;
        match self {
            Triage => status == Received,
            Start => status == Triaged,
            WaitForRequester => status == InProgress,
            Resume => status == WaitingOnRequester,
            Close | Withdraw => status.is_open(),
            Reopen => status == Closed,
        }
    }
}

/// Where `action` takes a consultation in `state`, for someone of `standing`; or why not.
/// Role comes before state: someone who may never take the action is `FORBIDDEN` whatever
/// the status, so a refusal does not reveal where the case stands.
pub fn next_state(
    state: State,
    action: ConsultationAction,
    resolution: Option<Resolution>,
    standing: Standing,
) -> Result<State, ApiError> {
    use ConsultationAction::*;
    if !action.permitted(standing) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    if !action.applies_to(state.status) {
        return Err(ConsultationError::InvalidTransition {
            action: action.as_db(),
            status: state.status.as_db(),
        }
        .into());
    }
    match (action, resolution) {
        (Close, None) => {
            return Err(FieldError::new("resolution", ErrorCode::Required).into());
        }
        (Close, Some(Resolution::Withdrawn)) => {
            return Err(FieldError::new("resolution", ErrorCode::ResolutionNotAllowed).into());
        }
        (Close, Some(_)) => {}
        (_, Some(_)) => {
            return Err(FieldError::new("resolution", ErrorCode::ResolutionNotAllowed).into());
        }
        (_, None) => {}
    }
    if action == Start && !state.has_assignee {
        return Err(ConsultationError::AssigneeRequired.into());
    }
    let next = |status| State {
        status,
        resolution: None,
        has_assignee: state.has_assignee,
    };
    Ok(match action {
        Triage => next(ConsultationStatus::Triaged),
        Start | Resume => next(ConsultationStatus::InProgress),
        WaitForRequester => next(ConsultationStatus::WaitingOnRequester),
        Close => State {
            status: ConsultationStatus::Closed,
            resolution,
            has_assignee: state.has_assignee,
        },
        Withdraw => State {
            status: ConsultationStatus::Closed,
            resolution: Some(Resolution::Withdrawn),
            has_assignee: state.has_assignee,
        },
        Reopen if state.has_assignee => next(ConsultationStatus::InProgress),
        Reopen => next(ConsultationStatus::Triaged),
    })
}

/// The actions someone of `standing` could take now, for the UI's buttons.
pub fn available_actions(state: State, standing: Standing) -> Vec<ConsultationAction> {
    use crate::labels::Labelled;
    ConsultationAction::ALL
        .iter()
        .copied()
        .filter(|action| {
            let resolution = (*action == ConsultationAction::Close).then_some(Resolution::Resolved);
            next_state(state, *action, resolution, standing).is_ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Labelled;
    use ConsultationAction::*;
    use ConsultationStatus::*;

    const NOBODY: Standing = Standing {
        requester: false,
        desk_member: false,
        desk_staff: false,
        assignee: false,
    };
    const REQUESTER: Standing = Standing {
        requester: true,
        ..NOBODY
    };
    const ADVISOR: Standing = Standing {
        desk_member: true,
        ..NOBODY
    };
    const ASSIGNEE: Standing = Standing {
        desk_member: true,
        assignee: true,
        ..NOBODY
    };
    const STAFF: Standing = Standing {
        desk_member: true,
        desk_staff: true,
        ..NOBODY
    };

    fn state(status: ConsultationStatus, has_assignee: bool) -> State {
        State {
            status,
            resolution: (status == Closed).then_some(Resolution::Resolved),
            has_assignee,
        }
    }

    fn code(result: Result<State, ApiError>) -> Option<ErrorCode> {
        match result {
            Ok(_) => None,
            Err(ApiError::Validation(fields)) => fields.first().map(|f| f.error.code),
            Err(error) => Some(error.code()),
        }
    }

    /// Every (action, status, standing): exactly the table in the module documentation.
    #[test]
    fn every_action_from_every_status_for_every_standing() {
        let standings = [
            ("nobody", NOBODY),
            ("requester", REQUESTER),
            ("advisor", ADVISOR),
            ("assignee", ASSIGNEE),
            ("staff", STAFF),
        ];
        let mut allowed = 0;
        for action in ConsultationAction::ALL {
            for status in ConsultationStatus::ALL {
                for (name, standing) in standings {
                    let resolution = (*action == Close).then_some(Resolution::Resolved);
                    let result = next_state(state(*status, true), *action, resolution, standing);
                    let may = match action {
                        Triage => standing.desk_member,
                        Start | WaitForRequester | Resume | Close => {
                            standing.assignee || standing.desk_staff
                        }
                        Withdraw => standing.requester,
                        Reopen => standing.desk_staff,
                    };
                    let from = match action {
                        Triage => *status == Received,
                        Start => *status == Triaged,
                        WaitForRequester => *status == InProgress,
                        Resume => *status == WaitingOnRequester,
                        Close | Withdraw => *status != Closed,
                        Reopen => *status == Closed,
                    };
                    let expected = match (may, from) {
                        (false, _) => Some(ErrorCode::Forbidden),
                        (true, false) => Some(ErrorCode::InvalidTransition),
                        (true, true) => None,
                    };
                    assert_eq!(
                        code(result),
                        expected,
                        "{action:?} from {status:?} as {name}"
                    );
                    if expected.is_none() {
                        allowed += 1;
                    }
                }
            }
        }
        assert_eq!(allowed, 3 + 2 + 2 + 2 + 4 * 2 + 4 + 1);
    }

    #[test]
    fn transitions_land_where_the_table_says() {
        let to = |from, action, resolution, standing| {
            next_state(state(from, true), action, resolution, standing)
                .map(|s| (s.status, s.resolution))
        };
        assert_eq!(
            to(Received, Triage, None, ADVISOR).ok(),
            Some((Triaged, None))
        );
        assert_eq!(
            to(Triaged, Start, None, ASSIGNEE).ok(),
            Some((InProgress, None))
        );
        assert_eq!(
            to(InProgress, WaitForRequester, None, STAFF).ok(),
            Some((WaitingOnRequester, None))
        );
        assert_eq!(
            to(WaitingOnRequester, Resume, None, ASSIGNEE).ok(),
            Some((InProgress, None))
        );
        assert_eq!(
            to(Triaged, Close, Some(Resolution::OutOfScope), STAFF).ok(),
            Some((Closed, Some(Resolution::OutOfScope)))
        );
        assert_eq!(
            to(WaitingOnRequester, Withdraw, None, REQUESTER).ok(),
            Some((Closed, Some(Resolution::Withdrawn)))
        );
        assert_eq!(
            to(Closed, Reopen, None, STAFF).ok(),
            Some((InProgress, None))
        );
        let reopened = next_state(state(Closed, false), Reopen, None, STAFF).map(|s| s.status);
        assert_eq!(reopened.ok(), Some(Triaged));
    }

    #[test]
    fn starting_needs_an_assignee_and_closing_a_fitting_resolution() {
        assert_eq!(
            code(next_state(state(Triaged, false), Start, None, STAFF)),
            Some(ErrorCode::AssigneeRequired)
        );
        assert_eq!(
            code(next_state(state(InProgress, true), Close, None, STAFF)),
            Some(ErrorCode::Required)
        );
        assert_eq!(
            code(next_state(
                state(InProgress, true),
                Close,
                Some(Resolution::Withdrawn),
                STAFF
            )),
            Some(ErrorCode::ResolutionNotAllowed)
        );
        assert_eq!(
            code(next_state(
                state(Received, true),
                Triage,
                Some(Resolution::Resolved),
                STAFF
            )),
            Some(ErrorCode::ResolutionNotAllowed)
        );
    }

    #[test]
    fn the_buttons_offered_are_the_actions_allowed() {
        assert_eq!(
            available_actions(state(Received, false), STAFF),
            vec![Triage, Close]
        );
        assert_eq!(
            available_actions(state(InProgress, true), ASSIGNEE),
            vec![WaitForRequester, Close]
        );
        assert_eq!(available_actions(state(InProgress, true), ADVISOR), vec![]);
        assert_eq!(
            available_actions(state(WaitingOnRequester, true), REQUESTER),
            vec![Withdraw]
        );
        assert_eq!(available_actions(state(Closed, true), STAFF), vec![Reopen]);
        assert_eq!(available_actions(state(Closed, true), REQUESTER), vec![]);
    }
}
