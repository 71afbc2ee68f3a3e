//! The timeline: every change to a consultation is an event saying who did what, when, with
//! the values before and after. Requesters see the events meant for them (filing, status,
//! messages both ways, hand-offs between desks); desk people see everything.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};

use super::{ConsultationStatus, Priority, Resolution};
use crate::{
    auth::Actor,
    entity::{consultation_events, consultations, desks, taxonomy_terms, users},
    error::ApiError,
    i18n::{Args, I18n, Locale},
    labels::{Labelled, stored_enum},
};

stored_enum! {
    /// What happened to a consultation.
    pub enum EventKind {
        /// The requester filed it and a desk received it.
        Filed => "filed", "consultation-event-filed",
        StatusChanged => "status_changed", "consultation-event-status-changed",
        Assigned => "assigned", "consultation-event-assigned",
        PriorityChanged => "priority_changed", "consultation-event-priority-changed",
        /// Domain, development stage or topics changed.
        TaxonomyChanged => "taxonomy_changed", "consultation-event-taxonomy-changed",
        /// Desk staff corrected the automatic routing.
        Rerouted => "rerouted", "consultation-event-rerouted",
        /// A message from the desk to the requester.
        Message => "message", "consultation-event-message",
        /// A message from the requester to the desk.
        Reply => "reply", "consultation-event-reply",
        /// An internal note, for desk people only.
        Note => "note", "consultation-event-note",
        ReferralRequested => "referral_requested", "consultation-event-referral-requested",
        ReferralAccepted => "referral_accepted", "consultation-event-referral-accepted",
        ReferralDeclined => "referral_declined", "consultation-event-referral-declined",
        ReferralCancelled => "referral_cancelled", "consultation-event-referral-cancelled",
        IntroductionProposed => "introduction_proposed", "consultation-event-introduction-proposed",
        IntroductionConsentRequested => "introduction_consent_requested", "consultation-event-introduction-consent-requested",
        IntroductionConsented => "introduction_consented", "consultation-event-introduction-consented",
        IntroductionWithdrawn => "introduction_withdrawn", "consultation-event-introduction-withdrawn",
        IntroductionSent => "introduction_sent", "consultation-event-introduction-sent",
        IntroductionAccepted => "introduction_accepted", "consultation-event-introduction-accepted",
        IntroductionDeclined => "introduction_declined", "consultation-event-introduction-declined",
        IntroductionMeetingHeld => "introduction_meeting_held", "consultation-event-introduction-meeting-held",
        IntroductionMatched => "introduction_matched", "consultation-event-introduction-matched",
        IntroductionNotMatched => "introduction_not_matched", "consultation-event-introduction-not-matched",
        IntroductionExpired => "introduction_expired", "consultation-event-introduction-expired",
    }
}

impl EventKind {
    /// Whether the requester sees this kind of event.
    pub const fn for_requester(self) -> bool {
        matches!(
            self,
            EventKind::Filed
                | EventKind::StatusChanged
                | EventKind::Message
                | EventKind::Reply
                | EventKind::ReferralAccepted
                | EventKind::IntroductionConsentRequested
                | EventKind::IntroductionConsented
                | EventKind::IntroductionWithdrawn
                | EventKind::IntroductionSent
                | EventKind::IntroductionAccepted
                | EventKind::IntroductionDeclined
                | EventKind::IntroductionMeetingHeld
                | EventKind::IntroductionMatched
                | EventKind::IntroductionNotMatched
                | EventKind::IntroductionExpired
        )
    }

    /// The introduction events.
    pub const fn is_introduction(self) -> bool {
        matches!(
            self,
            EventKind::IntroductionProposed
                | EventKind::IntroductionConsentRequested
                | EventKind::IntroductionConsented
                | EventKind::IntroductionWithdrawn
                | EventKind::IntroductionSent
                | EventKind::IntroductionAccepted
                | EventKind::IntroductionDeclined
                | EventKind::IntroductionMeetingHeld
                | EventKind::IntroductionMatched
                | EventKind::IntroductionNotMatched
                | EventKind::IntroductionExpired
        )
    }

    pub(crate) fn audience(self) -> &'static str {
        if self.for_requester() {
            AUDIENCE_REQUESTER
        } else {
            AUDIENCE_INTERNAL
        }
    }
}

pub const AUDIENCE_REQUESTER: &str = "requester";
pub const AUDIENCE_INTERNAL: &str = "internal";

/// One event to record: its kind, an optional text, and the values that changed.
pub struct NewEvent {
    pub kind: EventKind,
    pub body: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// Kept from the requester although the kind is usually meant for them.
    pub internal: bool,
}

impl NewEvent {
    pub fn new(kind: EventKind) -> Self {
        NewEvent {
            kind,
            body: None,
            before: None,
            after: None,
            internal: false,
        }
    }

    /// For desk people only, whatever the kind.
    pub fn internal(mut self) -> Self {
        self.internal = true;
        self
    }

    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }

    pub fn change(mut self, before: Value, after: Value) -> Self {
        self.before = Some(before);
        self.after = Some(after);
        self
    }
}

/// Records an event of `case` (at its current desk) in the caller's transaction.
pub async fn record(
    conn: &impl ConnectionTrait,
    case: &consultations::Model,
    actor: &Actor,
    at: DateTime<Utc>,
    event: NewEvent,
) -> Result<consultation_events::Model, ApiError> {
    Ok(consultation_events::ActiveModel {
        consultation_id: Set(case.id),
        desk_id: Set(case.desk_id),
        actor_user_id: Set(actor.user_id().map(|id| id.0)),
        kind: Set(event.kind.as_db().to_owned()),
        audience: Set(if event.internal {
            AUDIENCE_INTERNAL
        } else {
            event.kind.audience()
        }
        .to_owned()),
        body: Set(event.body),
        before: Set(event.before.map(|v| v.to_string())),
        after: Set(event.after.map(|v| v.to_string())),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// The status part of a consultation, as status events store it.
pub fn status_value(status: ConsultationStatus, resolution: Option<Resolution>) -> Value {
    json!({ "status": status.as_db(), "resolution": resolution.map(Resolution::as_db) })
}

/// A consultation's events the reader may see, oldest first.
pub async fn events(
    conn: &impl ConnectionTrait,
    consultation_id: i64,
    requester_view: bool,
    only_messages: bool,
) -> Result<Vec<consultation_events::Model>, ApiError> {
    let mut select = consultation_events::Entity::find()
        .filter(consultation_events::Column::ConsultationId.eq(consultation_id));
    if requester_view {
        select = select.filter(consultation_events::Column::Audience.eq(AUDIENCE_REQUESTER));
    }
    if only_messages {
        select = select.filter(
            consultation_events::Column::Kind
                .is_in([EventKind::Message.as_db(), EventKind::Reply.as_db()]),
        );
    }
    Ok(select
        .order_by_asc(consultation_events::Column::Id)
        .all(conn)
        .await?)
}

/// The desks, terms and people a set of events mentions, loaded in three queries.
#[derive(Default)]
pub struct Names {
    desks: HashMap<i64, desks::Model>,
    terms: HashMap<i64, taxonomy_terms::Model>,
    users: HashMap<i64, users::Model>,
}

impl Names {
    pub async fn load(
        conn: &impl ConnectionTrait,
        events: &[consultation_events::Model],
    ) -> Result<Names, ApiError> {
        let mut desk_ids = HashSet::new();
        let mut term_ids = HashSet::new();
        let mut user_ids = HashSet::new();
        for event in events {
            desk_ids.insert(event.desk_id);
            user_ids.extend(event.actor_user_id);
            for value in [&event.before, &event.after].into_iter().flatten() {
                let Ok(value) = serde_json::from_str::<Value>(value) else {
                    continue;
                };
                desk_ids.extend(
                    ["desk", "from_desk", "to_desk"]
                        .iter()
                        .filter_map(|k| value[k].as_i64()),
                );
                user_ids.extend(value["assignee"].as_i64());
                term_ids.extend(["domain", "stage"].iter().filter_map(|k| value[k].as_i64()));
                if let Some(topics) = value["topics"].as_array() {
                    term_ids.extend(topics.iter().filter_map(Value::as_i64));
                }
            }
        }
        let desks = desks::Entity::find()
            .filter(desks::Column::Id.is_in(desk_ids))
            .all(conn)
            .await?;
        let terms = taxonomy_terms::Entity::find()
            .filter(taxonomy_terms::Column::Id.is_in(term_ids))
            .all(conn)
            .await?;
        let users = users::Entity::find()
            .filter(users::Column::Id.is_in(user_ids))
            .all(conn)
            .await?;
        Ok(Names {
            desks: desks.into_iter().map(|d| (d.id, d)).collect(),
            terms: terms.into_iter().map(|t| (t.id, t)).collect(),
            users: users.into_iter().map(|u| (u.id, u)).collect(),
        })
    }

    pub fn user(&self, id: i64) -> Option<&users::Model> {
        self.users.get(&id)
    }

    fn desk(&self, id: Option<i64>, locale: Locale) -> String {
        id.and_then(|id| self.desks.get(&id))
            .map(|desk| match locale {
                Locale::En => desk.name_en.clone(),
                Locale::Ja => desk.name_ja.clone(),
            })
            .unwrap_or_default()
    }

    fn term(&self, id: Option<i64>, locale: Locale) -> String {
        id.and_then(|id| self.terms.get(&id))
            .map(|term| match locale {
                Locale::En => term.label_en.clone(),
                Locale::Ja => term.label_ja.clone(),
            })
            .unwrap_or_default()
    }

    fn person(&self, id: Option<i64>) -> Option<String> {
        id.and_then(|id| self.users.get(&id))
            .map(|user| user.display_name.clone())
    }
}

/// One changed value of an event, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// `status`, `assignee`, `priority`, `domain`, `stage`, `topics` or `desk`.
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// An event as its reader reads it: one sentence and the changed values.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub summary: String,
    pub changes: Vec<Change>,
}

/// How `event` reads in `locale`. Requesters read statuses in their own plain words.
pub fn read(
    event: &consultation_events::Model,
    names: &Names,
    i18n: &I18n,
    locale: Locale,
    requester_view: bool,
) -> Reading {
    let parse = |text: &Option<String>| {
        text.as_deref()
            .and_then(|t| serde_json::from_str::<Value>(t).ok())
            .unwrap_or(Value::Null)
    };
    let before = parse(&event.before);
    let after = parse(&event.after);
    let kind = EventKind::from_db(&event.kind).unwrap_or(EventKind::Note);
    let mut changes = Vec::new();
    let mut args = Args::new().text("desk", names.desk(Some(event.desk_id), locale));
    let status_label = |value: &Value| {
        let status = value["status"]
            .as_str()
            .and_then(|s| ConsultationStatus::from_db(s).ok());
        let resolution = value["resolution"]
            .as_str()
            .and_then(|r| Resolution::from_db(r).ok());
        let status_text = match status {
            Some(status) if requester_view => {
                i18n.message(locale, status.requester_label_id(), &Args::new())
            }
            Some(status) => status.label(i18n, locale),
            None => String::new(),
        };
        match resolution {
            Some(resolution) => i18n.message(
                locale,
                "consultation-status-with-resolution",
                &Args::new()
                    .text("status", status_text)
                    .text("resolution", resolution.label(i18n, locale)),
            ),
            None => status_text,
        }
    };
    match kind {
        EventKind::StatusChanged => {
            let change = Change {
                field: "status",
                before: status_label(&before),
                after: status_label(&after),
            };
            args = args
                .text("before", change.before.clone())
                .text("after", change.after.clone());
            changes.push(change);
        }
        EventKind::Assigned => {
            let none = i18n.message(locale, "consultation-nobody", &Args::new());
            let change = Change {
                field: "assignee",
                before: names
                    .person(before["assignee"].as_i64())
                    .unwrap_or(none.clone()),
                after: names.person(after["assignee"].as_i64()).unwrap_or(none),
            };
            args = args
                .text("before", change.before.clone())
                .text("after", change.after.clone());
            changes.push(change);
        }
        EventKind::PriorityChanged => {
            let label = |value: &Value| {
                value["priority"]
                    .as_i64()
                    .and_then(|p| i16::try_from(p).ok())
                    .and_then(|p| Priority::from_db(p).ok())
                    .map(|p| p.label(i18n, locale))
                    .unwrap_or_default()
            };
            let change = Change {
                field: "priority",
                before: label(&before),
                after: label(&after),
            };
            args = args
                .text("before", change.before.clone())
                .text("after", change.after.clone());
            changes.push(change);
        }
        EventKind::TaxonomyChanged => {
            for field in ["domain", "stage"] {
                if before[field] != after[field] {
                    changes.push(Change {
                        field,
                        before: names.term(before[field].as_i64(), locale),
                        after: names.term(after[field].as_i64(), locale),
                    });
                }
            }
            if before["topics"] != after["topics"] {
                let list = |value: &Value| {
                    value["topics"]
                        .as_array()
                        .map(|ids| {
                            ids.iter()
                                .map(|id| names.term(id.as_i64(), locale))
                                .collect::<Vec<_>>()
                                .join(i18n_list_separator(locale))
                        })
                        .unwrap_or_default()
                };
                changes.push(Change {
                    field: "topics",
                    before: list(&before),
                    after: list(&after),
                });
            }
        }
        EventKind::Rerouted
        | EventKind::ReferralRequested
        | EventKind::ReferralAccepted
        | EventKind::ReferralDeclined
        | EventKind::ReferralCancelled => {
            let from = names.desk(
                before["desk"].as_i64().or(after["from_desk"].as_i64()),
                locale,
            );
            let to = names.desk(after["desk"].as_i64().or(after["to_desk"].as_i64()), locale);
            args = args.text("from", from.clone()).text("to", to.clone());
            if matches!(kind, EventKind::Rerouted | EventKind::ReferralAccepted) {
                changes.push(Change {
                    field: "desk",
                    before: from,
                    after: to,
                });
            }
        }
        kind if kind.is_introduction() => {
            let target = match locale {
                Locale::En => &after["target_en"],
                Locale::Ja => &after["target_ja"],
            };
            args = args.text("target", target.as_str().unwrap_or_default().to_owned());
        }
        _ => {}
    }
    let summary = i18n.message(locale, &format!("{}-summary", kind.label_id()), &args);
    Reading { summary, changes }
}

fn i18n_list_separator(locale: Locale) -> &'static str {
    match locale {
        Locale::En => ", ",
        Locale::Ja => "、",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: EventKind, before: Value, after: Value) -> consultation_events::Model {
        consultation_events::Model {
            id: 1,
            consultation_id: 1,
            desk_id: 1,
            actor_user_id: None,
            kind: kind.as_db().to_owned(),
            audience: kind.audience().to_owned(),
            body: None,
            before: Some(before.to_string()),
            after: Some(after.to_string()),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn every_kind_of_event_reads_in_both_languages() {
        let i18n = I18n::load().expect("locales");
        for kind in EventKind::ALL {
            for locale in Locale::ALL {
                let id = format!("{}-summary", kind.label_id());
                assert!(i18n.has_message(locale, &id), "{id} in {}", locale.as_str());
            }
        }
    }

    #[test]
    fn status_changes_read_in_the_readers_words_with_before_and_after() {
        let i18n = I18n::load().expect("locales");
        let change = event(
            EventKind::StatusChanged,
            status_value(ConsultationStatus::InProgress, None),
            status_value(ConsultationStatus::Closed, Some(Resolution::OutOfScope)),
        );
        let names = Names::default();
        let desk = read(&change, &names, &i18n, Locale::En, false);
        assert_eq!(desk.summary, "Status: In progress → Closed (Out of scope)");
        let requester = read(&change, &names, &i18n, Locale::Ja, true);
        assert_eq!(requester.summary, "ステータス：対応中 → 対応終了（対象外）");
        assert_eq!(
            requester.changes,
            vec![Change {
                field: "status",
                before: "対応中".into(),
                after: "対応終了（対象外）".into(),
            }]
        );
        let priority = event(
            EventKind::PriorityChanged,
            json!({ "priority": Priority::Normal.as_db() }),
            json!({ "priority": Priority::Urgent.as_db() }),
        );
        assert_eq!(
            read(&priority, &names, &i18n, Locale::Ja, false).summary,
            "優先度：通常 → 緊急"
        );
    }

    #[test]
    fn requesters_see_only_what_is_meant_for_them() {
        let theirs: Vec<EventKind> = EventKind::ALL
            .iter()
            .copied()
            .filter(|kind| kind.for_requester())
            .collect();
        assert_eq!(
            theirs,
            [
                EventKind::Filed,
                EventKind::StatusChanged,
                EventKind::Message,
                EventKind::Reply,
                EventKind::ReferralAccepted,
                EventKind::IntroductionConsentRequested,
                EventKind::IntroductionConsented,
                EventKind::IntroductionWithdrawn,
                EventKind::IntroductionSent,
                EventKind::IntroductionAccepted,
                EventKind::IntroductionDeclined,
                EventKind::IntroductionMeetingHeld,
                EventKind::IntroductionMatched,
                EventKind::IntroductionNotMatched,
                EventKind::IntroductionExpired,
            ]
        );
    }
}
