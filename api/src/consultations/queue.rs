//! The desk queue: the consultations a viewer may see, filtered, sorted and read a page at a
//! time by keyset (the sort value and the id), with counts per status and of overdue cases.
//! Requesters get their organisation's consultations through the same query.

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, Value,
    sea_query::{Expr, ExprTrait, Func, Query},
};

use super::{Confidentiality, ConsultationKind, ConsultationStatus, Priority, access};
use crate::{
    accounts::service::like_pattern,
    auth::Actor,
    config::GraphqlSettings,
    entity::{consultation_topics, consultations},
    error::{ApiError, ErrorCode},
    i18n::Locale,
    ids::{DeskId, TaxonomyTermId, UserId},
    pagination::PageArgs,
    validate,
};

/// What to show. Empty lists and `None` mean "any".
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub desk_id: Option<DeskId>,
    pub statuses: Vec<ConsultationStatus>,
    pub priorities: Vec<Priority>,
    pub kind: Option<ConsultationKind>,
    pub domain_id: Option<TaxonomyTermId>,
    pub stage_id: Option<TaxonomyTermId>,
    pub topic_id: Option<TaxonomyTermId>,
    pub assignee_id: Option<UserId>,
    /// Only cases nobody is assigned to.
    pub unassigned: bool,
    /// Only open cases not answered by their due date.
    pub overdue: bool,
    pub overseas: Option<bool>,
    /// The language the requester asked to be answered in.
    pub language: Option<Locale>,
    pub confidentiality: Option<Confidentiality>,
    /// Part of the reference number, title or description.
    pub query: Option<String>,
}

/// The order of a queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, async_graphql::Enum)]
pub enum QueueOrder {
    /// Latest received first.
    #[default]
    ReceivedNewest,
    /// Earliest received first.
    ReceivedOldest,
    /// Latest filed first: a requester's own list, where hand-offs between desks do not
    /// reorder it.
    FiledNewest,
    /// Earliest first-response due date first.
    DueSoonest,
    /// Urgent first, then the earliest received.
    PriorityHighest,
    /// Most recently changed first.
    UpdatedNewest,
}

impl QueueOrder {
    fn code(self) -> &'static str {
        match self {
            QueueOrder::ReceivedNewest => "rn",
            QueueOrder::ReceivedOldest => "ro",
            QueueOrder::FiledNewest => "fn",
            QueueOrder::DueSoonest => "ds",
            QueueOrder::PriorityHighest => "ph",
            QueueOrder::UpdatedNewest => "un",
        }
    }

    /// The sort column, and whether it and then the id run downwards.
    fn keys(self) -> (consultations::Column, bool, bool) {
        use consultations::Column;
        match self {
            QueueOrder::ReceivedNewest => (Column::ReceivedAt, true, true),
            QueueOrder::ReceivedOldest => (Column::ReceivedAt, false, false),
            QueueOrder::FiledNewest => (Column::FiledAt, true, true),
            QueueOrder::DueSoonest => (Column::FirstResponseDueOn, false, false),
            QueueOrder::PriorityHighest => (Column::Priority, true, false),
            QueueOrder::UpdatedNewest => (Column::UpdatedAt, true, true),
        }
    }

    fn key_of(self, case: &consultations::Model) -> SortKey {
        match self {
            QueueOrder::ReceivedNewest | QueueOrder::ReceivedOldest => {
                SortKey::Time(case.received_at)
            }
            QueueOrder::FiledNewest => SortKey::Time(case.filed_at),
            QueueOrder::DueSoonest => SortKey::Date(case.first_response_due_on),
            QueueOrder::PriorityHighest => SortKey::Number(i64::from(case.priority)),
            QueueOrder::UpdatedNewest => SortKey::Time(case.updated_at),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum SortKey {
    Time(DateTime<Utc>),
    Date(NaiveDate),
    Number(i64),
}

impl SortKey {
    fn encode(self) -> String {
        match self {
            SortKey::Time(at) => at.timestamp_micros().to_string(),
            SortKey::Date(date) => date.format("%Y-%m-%d").to_string(),
            SortKey::Number(n) => n.to_string(),
        }
    }

    fn decode(order: QueueOrder, text: &str) -> Option<SortKey> {
        match order {
            QueueOrder::ReceivedNewest
            | QueueOrder::ReceivedOldest
            | QueueOrder::FiledNewest
            | QueueOrder::UpdatedNewest => {
                DateTime::from_timestamp_micros(text.parse().ok()?).map(SortKey::Time)
            }
            QueueOrder::DueSoonest => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(SortKey::Date),
            QueueOrder::PriorityHighest => text.parse().ok().map(SortKey::Number),
        }
    }

    fn value(self) -> Value {
        match self {
            SortKey::Time(at) => at.into(),
            SortKey::Date(date) => date.into(),
            SortKey::Number(n) => i16::try_from(n).unwrap_or(i16::MAX).into(),
        }
    }
}

fn encode_cursor(order: QueueOrder, case: &consultations::Model) -> String {
    URL_SAFE_NO_PAD.encode(format!(
        "{}:{}:{}",
        order.code(),
        order.key_of(case).encode(),
        case.id
    ))
}

/// A cursor is only good for the order it was made in.
fn decode_cursor(order: QueueOrder, cursor: &str) -> Result<(SortKey, i64), ApiError> {
    let invalid = || ApiError::new(ErrorCode::InvalidCursor);
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    let mut parts = text.splitn(3, ':');
    let (Some(code), Some(key), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(invalid());
    };
    if code != order.code() {
        return Err(invalid());
    }
    let key = SortKey::decode(order, key).ok_or_else(invalid)?;
    let id = id.parse().map_err(|_| invalid())?;
    Ok((key, id))
}

/// One page of a queue.
#[derive(Debug)]
pub struct QueuePage {
    /// Each consultation with its cursor.
    pub items: Vec<(String, consultations::Model)>,
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub total_count: u64,
}

/// Which page: at most `first` consultations after the cursor `after`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Window<'a> {
    pub first: Option<i32>,
    pub after: Option<&'a str>,
}

/// A page of the consultations the actor may see that match `filter`, in `order`. `today`
/// is the date in Japan, for overdue cases.
pub async fn list(
    conn: &impl ConnectionTrait,
    settings: &GraphqlSettings,
    actor: &Actor,
    filter: &QueueFilter,
    order: QueueOrder,
    window: Window<'_>,
    today: NaiveDate,
) -> Result<QueuePage, ApiError> {
    let first = PageArgs::parse(window.first, None, settings)?.first;
    let after = window
        .after
        .map(|cursor| decode_cursor(order, cursor))
        .transpose()?;
    let select = filtered(actor, filter, today)?;
    let total_count = select.clone().count(conn).await?;
    let (column, descending, id_descending) = order.keys();
    let mut page = select;
    if let Some((key, id)) = after {
        let value = key.value();
        let beyond = |c: consultations::Column, down: bool, v: Value| {
            if down { c.lt(v) } else { c.gt(v) }
        };
        page = page.filter(
            Condition::any()
                .add(beyond(column, descending, value.clone()))
                .add(Condition::all().add(column.eq(value)).add(beyond(
                    consultations::Column::Id,
                    id_descending,
                    id.into(),
                ))),
        );
    }
    page = if descending {
        page.order_by_desc(column)
    } else {
        page.order_by_asc(column)
    };
    page = if id_descending {
        page.order_by_desc(consultations::Column::Id)
    } else {
        page.order_by_asc(consultations::Column::Id)
    };
    let mut rows = page.limit(first + 1).all(conn).await?;
    let has_next_page = rows.len() as u64 > first;
    rows.truncate(first as usize);
    Ok(QueuePage {
        items: rows
            .into_iter()
            .map(|case| (encode_cursor(order, &case), case))
            .collect(),
        has_next_page,
        has_previous_page: after.is_some(),
        total_count,
    })
}

/// How many matching consultations are in each status (the status filter aside), in
/// workflow order, zeros included.
pub async fn status_counts(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: &QueueFilter,
    today: NaiveDate,
) -> Result<Vec<(ConsultationStatus, u64)>, ApiError> {
    use crate::labels::Labelled;
    let filter = QueueFilter {
        statuses: Vec::new(),
        ..filter.clone()
    };
    let rows: Vec<(String, i64)> = filtered(actor, &filter, today)?
        .select_only()
        .column(consultations::Column::Status)
        .column_as(consultations::Column::Id.count(), "n")
        .group_by(consultations::Column::Status)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(ConsultationStatus::ALL
        .iter()
        .map(|status| {
            let n = rows
                .iter()
                .find(|(s, _)| s == status.as_db())
                .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0));
            (*status, n)
        })
        .collect())
}

/// How many matching consultations are overdue.
pub async fn overdue_count(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: &QueueFilter,
    today: NaiveDate,
) -> Result<u64, ApiError> {
    let filter = QueueFilter {
        overdue: true,
        ..filter.clone()
    };
    Ok(filtered(actor, &filter, today)?.count(conn).await?)
}

/// The consultations the actor may see that match `filter`.
fn filtered(
    actor: &Actor,
    filter: &QueueFilter,
    today: NaiveDate,
) -> Result<Select<consultations::Entity>, ApiError> {
    use consultations::Column;
    let viewer = actor.viewer()?;
    let mut select = consultations::Entity::find().filter(access::visible_to(viewer));
    if let Some(desk) = filter.desk_id {
        select = select.filter(Column::DeskId.eq(desk.0));
    }
    if !filter.statuses.is_empty() {
        select = select.filter(Column::Status.is_in(filter.statuses.iter().map(|s| s.as_db())));
    }
    if !filter.priorities.is_empty() {
        select = select.filter(Column::Priority.is_in(filter.priorities.iter().map(|p| p.as_db())));
    }
    if let Some(kind) = filter.kind {
        select = select.filter(Column::Kind.eq(kind.as_db()));
    }
    if let Some(domain) = filter.domain_id {
        select = select.filter(Column::DomainTermId.eq(domain.0));
    }
    if let Some(stage) = filter.stage_id {
        select = select.filter(Column::StageTermId.eq(stage.0));
    }
    if let Some(topic) = filter.topic_id {
        select = select.filter(
            Column::Id.in_subquery(
                Query::select()
                    .column(consultation_topics::Column::ConsultationId)
                    .from(consultation_topics::Entity)
                    .and_where(consultation_topics::Column::TermId.eq(topic.0))
                    .to_owned(),
            ),
        );
    }
    if let Some(assignee) = filter.assignee_id {
        select = select.filter(Column::AssigneeUserId.eq(assignee.0));
    }
    if filter.unassigned {
        select = select.filter(Column::AssigneeUserId.is_null());
    }
    if filter.overdue {
        select = select
            .filter(Column::Status.ne(ConsultationStatus::Closed.as_db()))
            .filter(Column::FirstRespondedAt.is_null())
            .filter(Column::FirstResponseDueOn.lt(today));
    }
    if let Some(overseas) = filter.overseas {
        select = select.filter(Column::Overseas.eq(overseas));
    }
    if let Some(language) = filter.language {
        select = select.filter(Column::PreferredLocale.eq(language.as_str()));
    }
    if let Some(confidentiality) = filter.confidentiality {
        select = select.filter(Column::Confidentiality.eq(confidentiality.as_db()));
    }
    if let Some(query) = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        // Text is kept as written; the search tries what was typed and its NFKC form, so
        // `ＳａＭＤ` also finds `SaMD` and a full-width reference number its record.
        let normalised = validate::nfkc(query);
        let mut any = Condition::any()
            .add(Expr::col(Column::Reference).like(like_pattern(&normalised.to_uppercase())));
        for text in [query.to_owned(), normalised] {
            let pattern = like_pattern(&text.to_lowercase());
            any = any
                .add(Expr::expr(Func::lower(Expr::col(Column::Title))).like(pattern.clone()))
                .add(Expr::expr(Func::lower(Expr::col(Column::Description))).like(pattern));
        }
        select = select.filter(any);
    }
    Ok(select)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: i64) -> consultations::Model {
        let at = DateTime::from_timestamp_micros(1_790_000_000_123_456).expect("a time");
        consultations::Model {
            id,
            reference: "INH-2026-0001".into(),
            desk_id: 1,
            organisation_id: 1,
            requester_user_id: 1,
            kind: "consultation".into(),
            title: "t".into(),
            description: "d".into(),
            domain_term_id: 1,
            stage_term_id: 1,
            preferred_locale: "ja".into(),
            overseas: false,
            confidentiality: "standard".into(),
            shared_fields: String::new(),
            competitors: "[]".to_owned(),
            status: "received".into(),
            resolution: None,
            priority: 3,
            assignee_user_id: None,
            version: 1,
            fiscal_year: 2026,
            filed_at: at,
            received_at: at,
            first_response_due_on: NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date"),
            first_responded_at: None,
            closed_at: None,
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn cursors_carry_the_sort_value_and_only_fit_their_order() {
        let case = case(42);
        for order in [
            QueueOrder::ReceivedNewest,
            QueueOrder::ReceivedOldest,
            QueueOrder::FiledNewest,
            QueueOrder::DueSoonest,
            QueueOrder::PriorityHighest,
            QueueOrder::UpdatedNewest,
        ] {
            let cursor = encode_cursor(order, &case);
            let (key, id) = decode_cursor(order, &cursor).expect("decodes");
            assert_eq!((key, id), (order.key_of(&case), 42), "{order:?}");
        }
        let cursor = encode_cursor(QueueOrder::DueSoonest, &case);
        for bad in [cursor.as_str(), "garbage", ""] {
            let refused = decode_cursor(QueueOrder::ReceivedNewest, bad);
            assert!(
                matches!(refused, Err(e) if e.code() == ErrorCode::InvalidCursor),
                "{bad}"
            );
        }
    }
}
