//! The demo directory (`seed/directory.toml`): advisors, supporter organisations, VCs and
//! support programmes, loaded with the demo data through the same service the API uses.
//! It is loaded once, into an empty directory.

use std::collections::BTreeSet;

use anyhow::Context as _;
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde::Deserialize;

use super::{
    DirectoryKind, ProgrammeBody, SupporterType,
    service::{self, AdvisorInput, EntryInput, Occasion, ProgrammeInput, SupporterInput, VcInput},
};
use crate::{
    accounts::OrganisationKind,
    auth::{Actor, Role},
    db,
    entity::{desk_memberships, directory_entries, organisations, taxonomy_terms, users},
    i18n::Locale,
    ids::{OrganisationId, TaxonomyTermId, UserId},
    state::AppState,
    taxonomy::{self, TaxonomyKind},
    validate,
};

const DIRECTORY: &str = include_str!("../../../seed/directory.toml");

#[derive(Deserialize)]
struct DirectorySeeds {
    advisors: Vec<AdvisorSeed>,
    supporters: Vec<SupporterSeed>,
    vcs: Vec<VcSeed>,
    programmes: Vec<ProgrammeSeed>,
}

/// What every kind has.
#[derive(Deserialize)]
struct Common {
    name_en: String,
    name_ja: String,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    stages: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
}

#[derive(Deserialize)]
struct AdvisorSeed {
    email: String,
    #[serde(flatten)]
    common: Common,
    affiliation_en: String,
    affiliation_ja: String,
    bio_en: String,
    bio_ja: String,
    capacity: i32,
    active: bool,
    #[serde(default)]
    conflicts: Vec<String>,
}

#[derive(Deserialize)]
struct SupporterSeed {
    #[serde(flatten)]
    common: Common,
    #[serde(rename = "type")]
    supporter_type: String,
    description_en: String,
    description_ja: String,
    #[serde(default)]
    services: Vec<String>,
    contact_email: Option<String>,
    website: Option<String>,
    #[serde(default)]
    overseas: bool,
    country: Option<String>,
}

#[derive(Deserialize)]
struct VcSeed {
    #[serde(flatten)]
    common: Common,
    description_en: String,
    description_ja: String,
    overseas: bool,
    certified: bool,
    ticket_min_yen: Option<i64>,
    ticket_max_yen: Option<i64>,
    #[serde(default)]
    portfolio: Vec<String>,
    contact_email: Option<String>,
    website: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
struct ProgrammeSeed {
    #[serde(flatten)]
    common: Common,
    body: String,
    body_name_en: String,
    body_name_ja: String,
    summary_en: String,
    summary_ja: String,
    #[serde(default)]
    eligibility_en: String,
    #[serde(default)]
    eligibility_ja: String,
    opens_on: Option<NaiveDate>,
    closes_on: Option<NaiveDate>,
    url: Option<String>,
}

fn entry(common: Common, summary_en: String, summary_ja: String) -> EntryInput {
    EntryInput {
        name_en: common.name_en,
        name_ja: common.name_ja,
        summary_en,
        summary_ja,
        domains: common.domains,
        stages: common.stages,
        topics: common.topics,
        languages: common.languages,
        regions: common.regions,
        ..EntryInput::default()
    }
}

/// Loads the demo directory if the directory is empty; returns how many entries it added.
pub async fn load(state: &AppState) -> anyhow::Result<usize> {
    if directory_entries::Entity::find().count(&state.db).await? > 0 {
        return Ok(0);
    }
    let seeds: DirectorySeeds = toml::from_str(DIRECTORY).context("seed/directory.toml")?;
    // The index reads the whole directory when the server starts (`search::indexer::prepare`).
    let quietly = Occasion {
        at: db::now(),
        queue_index: false,
    };
    let mut added = 0;

    for seed in seeds.advisors {
        let what = format!("advisor {}", seed.email);
        let user = advisor_account(
            state,
            &seed.email,
            &seed.common.name_ja,
            &seed.common.domains,
        )
        .await?;
        let mut conflicts = Vec::new();
        for name in &seed.conflicts {
            conflicts.push(organisation(state, name, OrganisationKind::Startup, None).await?);
        }
        let mut input = entry(seed.common, seed.bio_en, seed.bio_ja);
        input.advisor = Some(AdvisorInput {
            user_id: user,
            affiliation_en: seed.affiliation_en,
            affiliation_ja: seed.affiliation_ja,
            capacity: seed.capacity,
            conflict_ids: conflicts,
        });
        let created = service::create(
            state,
            &Actor::System,
            DirectoryKind::Advisor,
            input,
            quietly,
        )
        .await
        .map_err(|e| anyhow::anyhow!("{what}: {e:?}"))?;
        if !seed.active {
            hide(state, created).await?;
        }
        added += 1;
    }

    for seed in seeds.supporters {
        let what = format!("supporter {}", seed.common.name_en);
        let organisation = organisation(
            state,
            &seed.common.name_ja,
            OrganisationKind::Supporter,
            seed.country.as_deref(),
        )
        .await?;
        let mut input = entry(seed.common, seed.description_en, seed.description_ja);
        input.services = seed.services;
        input.overseas = seed.overseas;
        input.contact_email = seed.contact_email;
        input.website = seed.website;
        input.supporter = Some(SupporterInput {
            organisation_id: Some(organisation),
            supporter_type: SupporterType::from_db(&seed.supporter_type)
                .with_context(|| what.clone())?,
        });
        service::create(
            state,
            &Actor::System,
            DirectoryKind::Supporter,
            input,
            quietly,
        )
        .await
        .map_err(|e| anyhow::anyhow!("{what}: {e:?}"))?;
        added += 1;
    }

    for seed in seeds.vcs {
        let what = format!("VC {}", seed.common.name_en);
        let organisation = organisation(
            state,
            &seed.common.name_ja,
            OrganisationKind::Vc,
            seed.country.as_deref(),
        )
        .await?;
        let mut portfolio = Vec::new();
        for name in &seed.portfolio {
            portfolio.push(organisation_of_startup(state, name).await?);
        }
        let mut input = entry(seed.common, seed.description_en, seed.description_ja);
        input.overseas = seed.overseas;
        input.contact_email = seed.contact_email;
        input.website = seed.website;
        input.vc = Some(VcInput {
            organisation_id: Some(organisation),
            certified: seed.certified,
            ticket_min_yen: seed.ticket_min_yen,
            ticket_max_yen: seed.ticket_max_yen,
            portfolio_ids: portfolio,
        });
        service::create(state, &Actor::System, DirectoryKind::Vc, input, quietly)
            .await
            .map_err(|e| anyhow::anyhow!("{what}: {e:?}"))?;
        added += 1;
    }

    for seed in seeds.programmes {
        let what = format!("programme {}", seed.common.name_en);
        let mut input = entry(seed.common, seed.summary_en, seed.summary_ja);
        input.website = seed.url;
        input.programme = Some(ProgrammeInput {
            body: ProgrammeBody::from_db(&seed.body).with_context(|| what.clone())?,
            body_name_en: seed.body_name_en,
            body_name_ja: seed.body_name_ja,
            eligibility_en: seed.eligibility_en,
            eligibility_ja: seed.eligibility_ja,
            opens_on: seed.opens_on,
            closes_on: seed.closes_on,
        });
        service::create(
            state,
            &Actor::System,
            DirectoryKind::Programme,
            input,
            quietly,
        )
        .await
        .map_err(|e| anyhow::anyhow!("{what}: {e:?}"))?;
        added += 1;
    }
    Ok(added)
}

/// The advisor's account: a demo account if one has this email, otherwise a new advisor
/// account without a password (they set one through "forgot password"), a member of the
/// desks their domains are routed to.
async fn advisor_account(
    state: &AppState,
    email: &str,
    name: &str,
    domains: &[String],
) -> anyhow::Result<UserId> {
    let email = validate::email(email).map_err(|e| anyhow::anyhow!("{email}: {e:?}"))?;
    if let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&state.db)
        .await?
    {
        return Ok(UserId(user.id));
    }
    let now = db::now();
    let user = users::ActiveModel {
        email: Set(email),
        display_name: Set(name.to_owned()),
        password_hash: Set(None),
        role: Set(Role::Advisor.as_db().to_owned()),
        organisation_id: Set(None),
        locale: Set(Locale::Ja.as_str().to_owned()),
        email_verified_at: Set(None),
        deactivated_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&state.db)
    .await?;
    let mut desks = BTreeSet::new();
    for code in domains {
        let Some(term) = taxonomy_terms::Entity::find()
            .filter(taxonomy_terms::Column::Kind.eq(TaxonomyKind::Domain.as_db()))
            .filter(taxonomy_terms::Column::Code.eq(code))
            .one(&state.db)
            .await?
        else {
            continue;
        };
        if let Some(desk) = taxonomy::service::route_of(&state.db, TaxonomyTermId(term.id)).await? {
            desks.insert(desk.id);
        }
    }
    let default_desk = &state.settings.consultations.default_desk;
    if desks.is_empty()
        && let Some(desk) = crate::desks::service::find_by_code(state, default_desk).await?
    {
        desks.insert(desk.id);
    }
    for desk in desks {
        desk_memberships::ActiveModel {
            desk_id: Set(desk),
            user_id: Set(user.id),
            created_at: Set(now),
        }
        .insert(&state.db)
        .await?;
    }
    Ok(UserId(user.id))
}

async fn organisation_of_startup(state: &AppState, name: &str) -> anyhow::Result<OrganisationId> {
    organisation(state, name, OrganisationKind::Startup, None).await
}

/// The organisation of this name and kind, registered if missing (in Japan unless a
/// country is given).
async fn organisation(
    state: &AppState,
    name: &str,
    kind: OrganisationKind,
    country: Option<&str>,
) -> anyhow::Result<OrganisationId> {
    if let Some(found) = organisations::Entity::find()
        .filter(organisations::Column::Name.eq(name))
        .one(&state.db)
        .await?
    {
        return Ok(OrganisationId(found.id));
    }
    let now = db::now();
    let created = organisations::ActiveModel {
        kind: Set(kind.as_db().to_owned()),
        name: Set(name.to_owned()),
        country_code: Set(country.unwrap_or("JP").to_owned()),
        corporate_number: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&state.db)
    .await?;
    Ok(OrganisationId(created.id))
}

async fn hide(state: &AppState, entry: directory_entries::Model) -> anyhow::Result<()> {
    let txn = db::begin_write(&state.db).await?;
    directory_entries::ActiveModel {
        id: Set(entry.id),
        active: Set(false),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}
