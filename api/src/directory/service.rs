//! Directory rules: who may see and edit which entry, what a valid entry is, and the
//! search over the directory. Every write checks the actor first, refuses bad input before
//! it writes, and writes the entry, its tags, its audit record and its index update in one
//! transaction. Edits name the version they were made on (`EDIT_CONFLICT` otherwise).

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use super::{DirectoryKind, ProgrammeBody, SupporterType, Tie};
use crate::{
    accounts::OrganisationKind,
    audit,
    auth::{Actor, Role, Viewer},
    calendar::japan_date,
    db,
    entity::{
        directory_entries, directory_entry_organisations, directory_entry_terms, organisations,
        taxonomy_terms, users,
    },
    error::{ApiError, ErrorCode, FieldError, Validator},
    ids::{DirectoryEntryId, OrganisationId, UserId},
    search::{self, SearchError, SearchRequest, SearchResults, SortOrder, document::day_number},
    state::AppState,
    taxonomy::TaxonomyKind,
    validate,
};

const MAX_NAME: usize = 200;
const MAX_SUMMARY: usize = 4000;
const MAX_TAGS: usize = 20;
const MAX_TIES: usize = 100;
const MAX_URL: usize = 500;
const CAPACITY: (i32, i32) = (1, 50);
/// A trillion yen: more than any ticket.
const MAX_YEN: i64 = 1_000_000_000_000;
pub const MAX_PAGE_SIZE: usize = 50;
const MAX_RESULTS: usize = 10_000;
const MAX_QUERY: usize = 200;

/// What every kind of entry has, and the details of its own kind.
#[derive(Debug, Clone, Default)]
pub struct EntryInput {
    pub name_en: String,
    pub name_ja: String,
    /// Bio, description or programme summary.
    pub summary_en: String,
    pub summary_ja: String,
    /// Taxonomy codes.
    pub domains: Vec<String>,
    pub stages: Vec<String>,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub regions: Vec<String>,
    /// Supporter organisations only.
    pub services: Vec<String>,
    pub overseas: bool,
    pub contact_email: Option<String>,
    /// The entry's web page; a programme's application page.
    pub website: Option<String>,
    pub advisor: Option<AdvisorInput>,
    pub supporter: Option<SupporterInput>,
    pub vc: Option<VcInput>,
    pub programme: Option<ProgrammeInput>,
}

#[derive(Debug, Clone)]
pub struct AdvisorInput {
    pub user_id: UserId,
    pub affiliation_en: String,
    pub affiliation_ja: String,
    /// Open cases at once.
    pub capacity: i32,
    pub conflict_ids: Vec<OrganisationId>,
}

#[derive(Debug, Clone)]
pub struct SupporterInput {
    /// `None`: a new organisation is registered under the entry's Japanese name.
    pub organisation_id: Option<OrganisationId>,
    pub supporter_type: SupporterType,
}

#[derive(Debug, Clone)]
pub struct VcInput {
    pub organisation_id: Option<OrganisationId>,
    /// AMED-certified VC (認定VC). Only staff and admins may set it.
    pub certified: bool,
    pub ticket_min_yen: Option<i64>,
    pub ticket_max_yen: Option<i64>,
    pub portfolio_ids: Vec<OrganisationId>,
}

#[derive(Debug, Clone)]
pub struct ProgrammeInput {
    pub body: ProgrammeBody,
    pub body_name_en: String,
    pub body_name_ja: String,
    pub eligibility_en: String,
    pub eligibility_ja: String,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
}

/// What the audit log keeps of an entry: its row, its tags and its organisations.
#[derive(Debug, Serialize)]
struct Snapshot {
    entry: directory_entries::Model,
    terms: Vec<i64>,
    organisations: Vec<i64>,
}

fn is_desk_staff(viewer: &Viewer) -> bool {
    matches!(viewer.role, Role::Admin | Role::Staff)
}

/// Whether the viewer edits this entry as its owner: the advisor of their own profile, a
/// supporter or VC member of their own organisation's entry.
fn owns(
    viewer: &Viewer,
    kind: DirectoryKind,
    user: Option<i64>,
    organisation: Option<i64>,
) -> bool {
    match (viewer.role, kind) {
        (Role::Advisor, DirectoryKind::Advisor) => user == Some(viewer.user_id.0),
        (Role::SupporterMember, DirectoryKind::Supporter) | (Role::VcMember, DirectoryKind::Vc) => {
            organisation.is_some() && organisation == viewer.organisation_id.map(|id| id.0)
        }
        _ => false,
    }
}

/// Admins and staff edit everything; owners their own entry.
pub fn can_edit(viewer: &Viewer, entry: &directory_entries::Model) -> bool {
    is_desk_staff(viewer)
        || DirectoryKind::from_db(&entry.kind)
            .is_ok_and(|kind| owns(viewer, kind, entry.user_id, entry.organisation_id))
}

/// Whether the viewer sees an advisor's capacity and conflicts of interest.
pub fn sees_private_details(viewer: &Viewer, entry: &directory_entries::Model) -> bool {
    can_edit(viewer, entry)
}

/// Any signed-in user sees active entries; inactive ones only those who may edit them.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    id: DirectoryEntryId,
) -> Result<directory_entries::Model, ApiError> {
    let viewer = actor.viewer()?;
    let entry = directory_entries::Entity::find_by_id(id.0)
        .one(&state.db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if entry.active || can_edit(viewer, &entry) {
        Ok(entry)
    } else {
        Err(ApiError::not_found())
    }
}

/// The entries the viewer edits as their owner (their profile, their organisation's entry).
pub async fn mine(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<directory_entries::Model>, ApiError> {
    let viewer = actor.viewer()?;
    let mut select = directory_entries::Entity::find();
    select = match (viewer.role, viewer.organisation_id) {
        (Role::Advisor, _) => select
            .filter(directory_entries::Column::Kind.eq(DirectoryKind::Advisor.as_db()))
            .filter(directory_entries::Column::UserId.eq(viewer.user_id.0)),
        (Role::SupporterMember, Some(organisation)) => select
            .filter(directory_entries::Column::Kind.eq(DirectoryKind::Supporter.as_db()))
            .filter(directory_entries::Column::OrganisationId.eq(organisation.0)),
        (Role::VcMember, Some(organisation)) => select
            .filter(directory_entries::Column::Kind.eq(DirectoryKind::Vc.as_db()))
            .filter(directory_entries::Column::OrganisationId.eq(organisation.0)),
        _ => return Ok(Vec::new()),
    };
    Ok(select
        .order_by_asc(directory_entries::Column::Id)
        .all(&state.db)
        .await?)
}

/// When an entry is written, and whether its index update is queued with it: always for
/// the API; not for the demo data, which the index reads in full when the server starts.
#[derive(Debug, Clone, Copy)]
pub struct Occasion {
    pub at: DateTime<Utc>,
    pub queue_index: bool,
}

impl Occasion {
    pub fn now() -> Occasion {
        Occasion {
            at: db::now(),
            queue_index: true,
        }
    }
}

/// Adds an entry. Admins and staff add any; an advisor their own profile, a supporter or VC
/// member their own organisation's entry.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    kind: DirectoryKind,
    input: EntryInput,
    occasion: Occasion,
) -> Result<directory_entries::Model, ApiError> {
    let at = occasion.at;
    let viewer = match actor {
        Actor::System => None,
        _ => Some(actor.viewer()?),
    };
    if let Some(viewer) = viewer {
        let (user, organisation) = links(&input);
        if !is_desk_staff(viewer) && !owns(viewer, kind, user, organisation) {
            return Err(ApiError::new(ErrorCode::Forbidden));
        }
    }
    let txn = db::begin_write(&state.db).await?;
    let checked = check(&txn, viewer, kind, &input, None).await?;
    let organisation_id = match (checked.organisation_id, kind) {
        (Some(id), _) => Some(id),
        (None, DirectoryKind::Supporter | DirectoryKind::Vc) => {
            Some(register_organisation(&txn, kind, &input, at).await?)
        }
        (None, _) => None,
    };
    let mut row = checked.row;
    row.kind = Set(kind.as_db().to_owned());
    row.organisation_id = Set(organisation_id);
    row.version = Set(1);
    row.created_at = Set(at);
    row.updated_at = Set(at);
    let entry = row.insert(&txn).await.map_err(|error| {
        if db::is_unique_violation(&error) {
            ApiError::field(link_field(kind), ErrorCode::DirectoryEntryExists)
        } else {
            error.into()
        }
    })?;
    write_tags(
        &txn,
        entry.id,
        &checked.term_ids,
        checked.tie,
        &checked.tie_ids,
    )
    .await?;
    let after = snapshot(&txn, entry.clone()).await?;
    finish(
        txn,
        actor,
        "directory.create",
        None,
        after,
        occasion.queue_index,
    )
    .await
}

/// Replaces an entry's fields, tags and organisations with `input`.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: DirectoryEntryId,
    version: i32,
    input: EntryInput,
) -> Result<directory_entries::Model, ApiError> {
    let viewer = actor.viewer()?;
    let txn = db::begin_write(&state.db).await?;
    let entry = editable(&txn, viewer, id).await?;
    let kind = DirectoryKind::from_db(&entry.kind)?;
    let checked = check(&txn, Some(viewer), kind, &input, Some(&entry)).await?;
    if !is_desk_staff(viewer) {
        // Owners cannot hand their entry to another account or organisation.
        let (user, organisation) = links(&input);
        let moved = match kind {
            DirectoryKind::Advisor => user != entry.user_id,
            DirectoryKind::Supporter | DirectoryKind::Vc => {
                organisation.is_some() && organisation != entry.organisation_id
            }
            DirectoryKind::Programme => false,
        };
        if moved {
            return Err(ApiError::field(link_field(kind), ErrorCode::Forbidden));
        }
    }
    let before = snapshot(&txn, entry.clone()).await?;
    let mut row = checked.row;
    row.organisation_id = Set(checked.organisation_id.or(entry.organisation_id));
    let entry = save(&txn, &entry, version, row).await?;
    write_tags(
        &txn,
        entry.id,
        &checked.term_ids,
        checked.tie,
        &checked.tie_ids,
    )
    .await?;
    let after = snapshot(&txn, entry).await?;
    finish(txn, actor, "directory.update", Some(before), after, true).await
}

/// Shows or hides an entry. Hidden entries stay for those who may edit them.
pub async fn set_active(
    state: &AppState,
    actor: &Actor,
    id: DirectoryEntryId,
    version: i32,
    active: bool,
) -> Result<directory_entries::Model, ApiError> {
    let viewer = actor.viewer()?;
    let txn = db::begin_write(&state.db).await?;
    let entry = editable(&txn, viewer, id).await?;
    let before = snapshot(&txn, entry.clone()).await?;
    let row = directory_entries::ActiveModel {
        active: Set(active),
        ..Default::default()
    };
    let entry = save(&txn, &entry, version, row).await?;
    let after = snapshot(&txn, entry).await?;
    let action = if active {
        "directory.activate"
    } else {
        "directory.deactivate"
    };
    finish(txn, actor, action, Some(before), after, true).await
}

/// Logs the change, queues the entry's index update, and commits them with it.
async fn finish(
    txn: DatabaseTransaction,
    actor: &Actor,
    action: &str,
    before: Option<Snapshot>,
    after: Snapshot,
    queue_index: bool,
) -> Result<directory_entries::Model, ApiError> {
    let id = after.entry.id;
    audit::record(
        &txn,
        actor,
        action,
        "directory_entry",
        id,
        before.as_ref(),
        Some(&after),
    )
    .await?;
    if queue_index {
        search::queue::entry_changed(&txn, id).await?;
    }
    txn.commit().await?;
    Ok(after.entry)
}

async fn editable(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: DirectoryEntryId,
) -> Result<directory_entries::Model, ApiError> {
    let entry = directory_entries::Entity::find_by_id(id.0)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if can_edit(viewer, &entry) {
        Ok(entry)
    } else if entry.active {
        Err(ApiError::new(ErrorCode::Forbidden))
    } else {
        Err(ApiError::not_found())
    }
}

/// Writes `row` if the entry is still at `version`, and raises the version.
async fn save(
    txn: &DatabaseTransaction,
    entry: &directory_entries::Model,
    version: i32,
    mut row: directory_entries::ActiveModel,
) -> Result<directory_entries::Model, ApiError> {
    if entry.version != version {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    row.version = Set(entry.version + 1);
    row.updated_at = Set(db::now());
    let written = directory_entries::Entity::update_many()
        .set(row)
        .filter(directory_entries::Column::Id.eq(entry.id))
        .filter(directory_entries::Column::Version.eq(entry.version))
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    directory_entries::Entity::find_by_id(entry.id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)
}

fn links(input: &EntryInput) -> (Option<i64>, Option<i64>) {
    let user = input.advisor.as_ref().map(|a| a.user_id.0);
    let organisation = input
        .supporter
        .as_ref()
        .and_then(|s| s.organisation_id)
        .or(input.vc.as_ref().and_then(|v| v.organisation_id))
        .map(|id| id.0);
    (user, organisation)
}

fn link_field(kind: DirectoryKind) -> &'static str {
    match kind {
        DirectoryKind::Advisor => "advisor.userId",
        DirectoryKind::Supporter => "supporter.organisationId",
        DirectoryKind::Vc => "vc.organisationId",
        DirectoryKind::Programme => "programme",
    }
}

/// A valid input, ready to write.
struct Checked {
    row: directory_entries::ActiveModel,
    organisation_id: Option<i64>,
    term_ids: Vec<i64>,
    tie: Option<Tie>,
    tie_ids: Vec<i64>,
}

/// Checks every field at once and reports every problem.
async fn check(
    txn: &DatabaseTransaction,
    viewer: Option<&Viewer>,
    kind: DirectoryKind,
    input: &EntryInput,
    existing: Option<&directory_entries::Model>,
) -> Result<Checked, ApiError> {
    let mut v = Validator::new();
    let name_en = v.check("nameEn", validate::required_text(&input.name_en, MAX_NAME));
    let name_ja = v.check("nameJa", validate::required_text(&input.name_ja, MAX_NAME));
    let summary_en = v.check(
        "summaryEn",
        validate::required_text(&input.summary_en, MAX_SUMMARY),
    );
    let summary_ja = v.check(
        "summaryJa",
        validate::required_text(&input.summary_ja, MAX_SUMMARY),
    );
    let contact_email = input
        .contact_email
        .as_deref()
        .filter(|raw| !raw.trim().is_empty())
        .map(|raw| v.check("contactEmail", validate::email(raw)));
    let website = input
        .website
        .as_deref()
        .filter(|raw| !raw.trim().is_empty())
        .map(|raw| v.check("website", url(raw)));

    // Tags: known, active codes of the right kind.
    // Inactive terms are not offered for new tags, but an entry keeps those it has.
    let kept: BTreeSet<i64> = match existing {
        Some(entry) => directory_entry_terms::Entity::find()
            .filter(directory_entry_terms::Column::EntryId.eq(entry.id))
            .all(txn)
            .await?
            .into_iter()
            .map(|row| row.term_id)
            .collect(),
        None => BTreeSet::new(),
    };
    let terms = taxonomy_terms::Entity::find().all(txn).await?;
    let by_code: HashMap<(&str, &str), i64> = terms
        .iter()
        .filter(|term| term.active || kept.contains(&term.id))
        .map(|term| ((term.kind.as_str(), term.code.as_str()), term.id))
        .collect();
    let mut term_ids = BTreeSet::new();
    if kind != DirectoryKind::Supporter && !input.services.is_empty() {
        v.push(FieldError::new("services", ErrorCode::NotApplicable));
    }
    for (field, term_kind, codes) in [
        ("domains", TaxonomyKind::Domain, &input.domains),
        ("stages", TaxonomyKind::Stage, &input.stages),
        ("topics", TaxonomyKind::Topic, &input.topics),
        ("languages", TaxonomyKind::Language, &input.languages),
        ("regions", TaxonomyKind::Region, &input.regions),
        ("services", TaxonomyKind::Service, &input.services),
    ] {
        if codes.len() > MAX_TAGS {
            v.push(FieldError::new(field, ErrorCode::TooMany).with_arg("max", MAX_TAGS));
            continue;
        }
        for code in codes {
            match by_code.get(&(term_kind.as_db(), code.trim())) {
                Some(id) => {
                    term_ids.insert(*id);
                }
                None => {
                    v.push(FieldError::new(field, ErrorCode::UnknownTerm));
                    break;
                }
            }
        }
    }

    // Exactly the details of the entry's own kind.
    let sections = [
        (DirectoryKind::Advisor, "advisor", input.advisor.is_some()),
        (
            DirectoryKind::Supporter,
            "supporter",
            input.supporter.is_some(),
        ),
        (DirectoryKind::Vc, "vc", input.vc.is_some()),
        (
            DirectoryKind::Programme,
            "programme",
            input.programme.is_some(),
        ),
    ];
    for (section_kind, field, given) in sections {
        if section_kind == kind && !given {
            v.push(FieldError::new(field, ErrorCode::DetailsRequired));
        } else if section_kind != kind && given {
            v.push(FieldError::new(field, ErrorCode::NotApplicable));
        }
    }

    let mut row = directory_entries::ActiveModel {
        name_en: Set(name_en),
        name_ja: Set(name_ja),
        summary_en: Set(summary_en),
        summary_ja: Set(summary_ja),
        overseas: Set(input.overseas),
        contact_email: Set(contact_email),
        website: Set(website),
        active: Set(existing.is_none_or(|entry| entry.active)),
        user_id: Set(None),
        affiliation_en: Set(None),
        affiliation_ja: Set(None),
        capacity: Set(None),
        supporter_type: Set(None),
        certified: Set(false),
        ticket_min_yen: Set(None),
        ticket_max_yen: Set(None),
        programme_body: Set(None),
        body_name_en: Set(None),
        body_name_ja: Set(None),
        eligibility_en: Set(None),
        eligibility_ja: Set(None),
        opens_on: Set(None),
        closes_on: Set(None),
        ..Default::default()
    };
    let mut organisation_id = None;
    let mut tie = None;
    let mut tie_ids = Vec::new();

    if let (DirectoryKind::Advisor, Some(advisor)) = (kind, &input.advisor) {
        let user = users::Entity::find_by_id(advisor.user_id.0)
            .one(txn)
            .await?;
        if user.is_none_or(|user| user.role != Role::Advisor.as_db()) {
            v.push(FieldError::new("advisor.userId", ErrorCode::UserNotAdvisor));
        } else if existing.is_none_or(|entry| entry.user_id != Some(advisor.user_id.0))
            && directory_entries::Entity::find()
                .filter(directory_entries::Column::UserId.eq(advisor.user_id.0))
                .one(txn)
                .await?
                .is_some()
        {
            v.push(FieldError::new(
                "advisor.userId",
                ErrorCode::DirectoryEntryExists,
            ));
        }
        row.user_id = Set(Some(advisor.user_id.0));
        row.affiliation_en = Set(Some(v.check(
            "advisor.affiliationEn",
            validate::optional_text(&advisor.affiliation_en, MAX_NAME),
        )));
        row.affiliation_ja = Set(Some(v.check(
            "advisor.affiliationJa",
            validate::optional_text(&advisor.affiliation_ja, MAX_NAME),
        )));
        row.capacity = Set(Some(v.check(
            "advisor.capacity",
            validate::in_range(advisor.capacity, CAPACITY.0, CAPACITY.1),
        )));
        tie = Some(Tie::Conflict);
        tie_ids = check_organisations(
            txn,
            &mut v,
            "advisor.conflictOrganisationIds",
            &advisor.conflict_ids,
        )
        .await?;
    }

    if let (DirectoryKind::Supporter, Some(supporter)) = (kind, &input.supporter) {
        row.supporter_type = Set(Some(supporter.supporter_type.as_db().to_owned()));
        organisation_id = check_own_organisation(
            txn,
            &mut v,
            "supporter.organisationId",
            supporter.organisation_id,
            OrganisationKind::Supporter,
            kind,
            existing,
        )
        .await?;
    }

    if let (DirectoryKind::Vc, Some(vc)) = (kind, &input.vc) {
        let was_certified = existing.is_some_and(|entry| entry.certified);
        if viewer.is_some_and(|viewer| !is_desk_staff(viewer)) && vc.certified != was_certified {
            v.push(FieldError::new("vc.certified", ErrorCode::Forbidden));
        }
        row.certified = Set(vc.certified);
        for (field, yen) in [
            ("vc.ticketMinYen", vc.ticket_min_yen),
            ("vc.ticketMaxYen", vc.ticket_max_yen),
        ] {
            if yen.is_some_and(|yen| !(0..=MAX_YEN).contains(&yen)) {
                v.push(
                    FieldError::new(field, ErrorCode::OutOfRange)
                        .with_arg("min", 0_i64)
                        .with_arg("max", MAX_YEN),
                );
            }
        }
        if let (Some(min), Some(max)) = (vc.ticket_min_yen, vc.ticket_max_yen)
            && min > max
        {
            v.push(FieldError::new("vc.ticketMaxYen", ErrorCode::MinAboveMax));
        }
        row.ticket_min_yen = Set(vc.ticket_min_yen);
        row.ticket_max_yen = Set(vc.ticket_max_yen);
        organisation_id = check_own_organisation(
            txn,
            &mut v,
            "vc.organisationId",
            vc.organisation_id,
            OrganisationKind::Vc,
            kind,
            existing,
        )
        .await?;
        tie = Some(Tie::Portfolio);
        tie_ids = check_organisations(
            txn,
            &mut v,
            "vc.portfolioOrganisationIds",
            &vc.portfolio_ids,
        )
        .await?;
    }

    if let (DirectoryKind::Programme, Some(programme)) = (kind, &input.programme) {
        row.programme_body = Set(Some(programme.body.as_db().to_owned()));
        row.body_name_en = Set(Some(v.check(
            "programme.bodyNameEn",
            validate::required_text(&programme.body_name_en, MAX_NAME),
        )));
        row.body_name_ja = Set(Some(v.check(
            "programme.bodyNameJa",
            validate::required_text(&programme.body_name_ja, MAX_NAME),
        )));
        row.eligibility_en = Set(Some(v.check(
            "programme.eligibilityEn",
            validate::optional_text(&programme.eligibility_en, MAX_SUMMARY),
        )));
        row.eligibility_ja = Set(Some(v.check(
            "programme.eligibilityJa",
            validate::optional_text(&programme.eligibility_ja, MAX_SUMMARY),
        )));
        if let (Some(opens), Some(closes)) = (programme.opens_on, programme.closes_on)
            && closes < opens
        {
            v.push(FieldError::new(
                "programme.closesOn",
                ErrorCode::DateInvalid,
            ));
        }
        row.opens_on = Set(programme.opens_on);
        row.closes_on = Set(programme.closes_on);
    }

    v.finish()?;
    Ok(Checked {
        row,
        organisation_id,
        term_ids: term_ids.into_iter().collect(),
        tie,
        tie_ids,
    })
}

/// Organisations named by id must exist.
async fn check_organisations(
    txn: &DatabaseTransaction,
    v: &mut Validator,
    field: &str,
    ids: &[OrganisationId],
) -> Result<Vec<i64>, ApiError> {
    let wanted: BTreeSet<i64> = ids.iter().map(|id| id.0).collect();
    if wanted.len() > MAX_TIES {
        v.push(FieldError::new(field, ErrorCode::TooMany).with_arg("max", MAX_TIES));
        return Ok(Vec::new());
    }
    let found = organisations::Entity::find()
        .filter(organisations::Column::Id.is_in(wanted.iter().copied()))
        .all(txn)
        .await?;
    if found.len() != wanted.len() {
        v.push(FieldError::new(field, ErrorCode::UnknownOrganisation));
    }
    Ok(wanted.into_iter().collect())
}

/// The organisation a supporter or VC entry stands for: of the right kind, and without
/// another entry of this kind.
async fn check_own_organisation(
    txn: &DatabaseTransaction,
    v: &mut Validator,
    field: &str,
    id: Option<OrganisationId>,
    organisation_kind: OrganisationKind,
    kind: DirectoryKind,
    existing: Option<&directory_entries::Model>,
) -> Result<Option<i64>, ApiError> {
    let Some(id) = id else {
        return Ok(None);
    };
    match organisations::Entity::find_by_id(id.0).one(txn).await? {
        None => v.push(FieldError::new(field, ErrorCode::UnknownOrganisation)),
        Some(organisation) if organisation.kind != organisation_kind.as_db() => {
            v.push(FieldError::new(
                field,
                ErrorCode::OrganisationKindNotAllowed,
            ));
        }
        Some(_) => {
            let taken = directory_entries::Entity::find()
                .filter(directory_entries::Column::OrganisationId.eq(id.0))
                .filter(directory_entries::Column::Kind.eq(kind.as_db()))
                .one(txn)
                .await?;
            if taken.is_some_and(|other| existing.is_none_or(|entry| entry.id != other.id)) {
                v.push(FieldError::new(field, ErrorCode::DirectoryEntryExists));
            }
        }
    }
    Ok(Some(id.0))
}

/// A supporter organisation or VC entered without an existing organisation is registered as
/// one, under its Japanese name.
async fn register_organisation(
    txn: &DatabaseTransaction,
    kind: DirectoryKind,
    input: &EntryInput,
    at: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let organisation_kind = match kind {
        DirectoryKind::Vc => OrganisationKind::Vc,
        _ => OrganisationKind::Supporter,
    };
    let organisation = organisations::ActiveModel {
        kind: Set(organisation_kind.as_db().to_owned()),
        name: Set(validate::required_text(&input.name_ja, MAX_NAME).unwrap_or_default()),
        country_code: Set(if input.overseas { "ZZ" } else { "JP" }.to_owned()),
        corporate_number: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(organisation.id)
}

/// An http(s) address without spaces.
pub(crate) fn url(raw: &str) -> Result<String, FieldError> {
    let address = validate::nfkc(raw).trim().to_owned();
    let lower = address.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let plausible = rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && host.contains('.')
    }) && !address.chars().any(|c| c.is_whitespace() || c.is_control());
    if !plausible {
        return Err(FieldError::new("", ErrorCode::UrlInvalid));
    }
    if address.chars().count() > MAX_URL {
        return Err(FieldError::new("", ErrorCode::TooLong).with_arg("max", MAX_URL));
    }
    Ok(address)
}

async fn write_tags(
    txn: &DatabaseTransaction,
    entry: i64,
    term_ids: &[i64],
    tie: Option<Tie>,
    tie_ids: &[i64],
) -> Result<(), ApiError> {
    directory_entry_terms::Entity::delete_many()
        .filter(directory_entry_terms::Column::EntryId.eq(entry))
        .exec(txn)
        .await?;
    if !term_ids.is_empty() {
        directory_entry_terms::Entity::insert_many(term_ids.iter().map(|term| {
            directory_entry_terms::ActiveModel {
                entry_id: Set(entry),
                term_id: Set(*term),
            }
        }))
        .exec(txn)
        .await?;
    }
    directory_entry_organisations::Entity::delete_many()
        .filter(directory_entry_organisations::Column::EntryId.eq(entry))
        .exec(txn)
        .await?;
    if let Some(tie) = tie
        && !tie_ids.is_empty()
    {
        directory_entry_organisations::Entity::insert_many(tie_ids.iter().map(|organisation| {
            directory_entry_organisations::ActiveModel {
                entry_id: Set(entry),
                organisation_id: Set(*organisation),
                relation: Set(tie.as_db().to_owned()),
            }
        }))
        .exec(txn)
        .await?;
    }
    Ok(())
}

async fn snapshot(
    conn: &impl ConnectionTrait,
    entry: directory_entries::Model,
) -> Result<Snapshot, ApiError> {
    let terms = directory_entry_terms::Entity::find()
        .filter(directory_entry_terms::Column::EntryId.eq(entry.id))
        .order_by_asc(directory_entry_terms::Column::TermId)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.term_id)
        .collect();
    let organisations = directory_entry_organisations::Entity::find()
        .filter(directory_entry_organisations::Column::EntryId.eq(entry.id))
        .order_by_asc(directory_entry_organisations::Column::OrganisationId)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.organisation_id)
        .collect();
    Ok(Snapshot {
        entry,
        terms,
        organisations,
    })
}

/// A search as the API takes it.
#[derive(Debug, Clone, Default)]
pub struct SearchInput {
    pub text: Option<String>,
    pub kinds: Vec<DirectoryKind>,
    pub domains: Vec<String>,
    pub stages: Vec<String>,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub regions: Vec<String>,
    pub services: Vec<String>,
    pub supporter_types: Vec<SupporterType>,
    pub overseas: Option<bool>,
    pub certified: Option<bool>,
    pub open_programmes_only: bool,
    /// Staff and admins only.
    pub include_inactive: bool,
    pub sort: SortOrder,
    /// From 1.
    pub page: usize,
    pub page_size: usize,
    /// Each hit's ranking explanation; staff and admins only.
    pub explain: bool,
}

/// One page of hits with the entries behind them (as the database has them now), and the
/// facet counts over every match.
pub struct Found {
    pub results: SearchResults,
    pub entries: HashMap<i64, directory_entries::Model>,
}

/// Searches the directory. Any signed-in user may; inactive entries and ranking
/// explanations are for staff and admins. Hits are checked against the database, so an
/// entry hidden a moment ago never shows even if the index has not caught up.
pub async fn search(
    state: &AppState,
    actor: &Actor,
    input: SearchInput,
) -> Result<Found, ApiError> {
    let viewer = actor.viewer()?;
    if (input.include_inactive || input.explain) && !is_desk_staff(viewer) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let mut v = Validator::new();
    let text = search::text::normalise(input.text.as_deref().unwrap_or_default());
    if text.chars().count() > MAX_QUERY {
        v.push(FieldError::new("text", ErrorCode::TooLong).with_arg("max", MAX_QUERY));
    }
    if input.page_size == 0 || input.page_size > MAX_PAGE_SIZE {
        v.push(
            FieldError::new("pageSize", ErrorCode::PageSizeTooLarge).with_arg("max", MAX_PAGE_SIZE),
        );
    }
    let page = input.page.max(1);
    let offset = (page - 1).saturating_mul(input.page_size.max(1));
    if offset >= MAX_RESULTS {
        v.push(
            FieldError::new("page", ErrorCode::OutOfRange)
                .with_arg("min", 1_i64)
                .with_arg("max", MAX_RESULTS / input.page_size.max(1)),
        );
    }
    let terms = taxonomy_terms::Entity::find().all(&state.db).await?;
    let known = |kind: TaxonomyKind, code: &String| {
        terms
            .iter()
            .any(|term| term.kind == kind.as_db() && &term.code == code)
    };
    for (field, kind, codes) in [
        ("domains", TaxonomyKind::Domain, &input.domains),
        ("stages", TaxonomyKind::Stage, &input.stages),
        ("topics", TaxonomyKind::Topic, &input.topics),
        ("languages", TaxonomyKind::Language, &input.languages),
        ("regions", TaxonomyKind::Region, &input.regions),
        ("services", TaxonomyKind::Service, &input.services),
    ] {
        if codes.iter().any(|code| !known(kind, code)) {
            v.push(FieldError::new(field, ErrorCode::UnknownTerm));
        }
    }
    v.finish()?;

    let request = SearchRequest {
        text,
        filters: search::Filters {
            kinds: input.kinds.iter().map(|k| k.as_db().to_owned()).collect(),
            domains: input.domains,
            stages: input.stages,
            topics: input.topics,
            languages: input.languages,
            regions: input.regions,
            services: input.services,
            supporter_types: input
                .supporter_types
                .iter()
                .map(|t| t.as_db().to_owned())
                .collect(),
            overseas: input.overseas,
            certified: input.certified,
            open_programmes_only: input.open_programmes_only,
            include_inactive: input.include_inactive,
        },
        sort: input.sort,
        offset,
        limit: input.page_size,
        explain: input.explain,
        match_any: false,
        today: day_number(japan_date(db::now())),
        bare: false,
    };
    let results = state.search.search(&request).await.map_err(|error| {
        match &error {
            SearchError::Unavailable(reason) => {
                tracing::warn!(%reason, "directory search unavailable");
            }
            SearchError::Engine(reason) => tracing::error!(%reason, "directory search failed"),
        }
        ApiError::new(ErrorCode::SearchUnavailable)
    })?;
    let mut results = results;
    // A group's own selection does not narrow its counts: ticking one domain still shows
    // how many match each of the others.
    for (facet, cleared) in disjunctive(&request.filters) {
        let wider = SearchRequest {
            filters: cleared,
            offset: 0,
            limit: 1,
            explain: false,
            ..request.clone()
        };
        let counts = state
            .search
            .search(&wider)
            .await
            .map_err(|_| ApiError::new(ErrorCode::SearchUnavailable))?
            .facets
            .remove(facet)
            .unwrap_or_default();
        results.facets.insert(facet.to_owned(), counts);
    }
    let entries: HashMap<i64, directory_entries::Model> = directory_entries::Entity::find()
        .filter(directory_entries::Column::Id.is_in(results.hits.iter().map(|hit| hit.id)))
        .all(&state.db)
        .await?
        .into_iter()
        .filter(|entry| entry.active || input.include_inactive)
        .map(|entry| (entry.id, entry))
        .collect();
    Ok(Found { results, entries })
}

/// Where a facet group's selection sits in the filters.
type FilterGroup = fn(&mut search::Filters) -> &mut Vec<String>;

/// For each facet group the search narrows, the filters without that group.
fn disjunctive(filters: &search::Filters) -> Vec<(&'static str, search::Filters)> {
    let mut out = Vec::new();
    let groups: [(&'static str, FilterGroup); 8] = [
        ("kind", |f| &mut f.kinds),
        ("domains", |f| &mut f.domains),
        ("stages", |f| &mut f.stages),
        ("topics", |f| &mut f.topics),
        ("languages", |f| &mut f.languages),
        ("regions", |f| &mut f.regions),
        ("services", |f| &mut f.services),
        ("supporter_type", |f| &mut f.supporter_types),
    ];
    for (facet, group) in groups {
        let mut cleared = filters.clone();
        if !std::mem::take(group(&mut cleared)).is_empty() {
            out.push((facet, cleared));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_http_with_a_host() {
        assert_eq!(
            url(" https://example.jp/apply ").as_deref(),
            Ok("https://example.jp/apply")
        );
        assert!(url("ｈｔｔｐｓ://ｅｘａｍｐｌｅ.ｊｐ").is_ok());
        for bad in [
            "example.jp",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.jp",
            "ftp://x.jp",
        ] {
            assert_eq!(
                url(bad).map_err(|e| e.error.code),
                Err(ErrorCode::UrlInvalid),
                "{bad}"
            );
        }
    }
}
