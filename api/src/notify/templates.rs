//! Email templates: subject, text and HTML in the recipient's locale, from the Fluent
//! messages `email-*` in `locales/*/emails.ftl`.
//!
//! Each template's message has the attributes `subject`, `body` and optionally `action`
//! (a button's label) and `note`; the greeting and signature are shared.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Role,
    calendar::japan_midnight,
    config::Settings,
    consultations::Resolution,
    entity::desks,
    grants::service::MilestoneOutcome,
    i18n::{Args, I18n, Locale},
    introductions::IntroductionChannel,
    labels::Labelled,
};

/// Who an email goes to, and in which language.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

/// A desk's name in both languages, so each recipient reads it in theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskNames {
    pub en: String,
    pub ja: String,
}

impl DeskNames {
    pub fn of(desk: &desks::Model) -> DeskNames {
        DeskNames {
            en: desk.name_en.clone(),
            ja: desk.name_ja.clone(),
        }
    }

    fn get(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.en.clone(),
            Locale::Ja => self.ja.clone(),
        }
    }
}

/// Every email Bansō sends.
#[derive(Debug, Clone)]
pub enum EmailTemplate {
    /// Confirm the address given at sign-up.
    VerifyEmail {
        link: String,
        expires_at: DateTime<Utc>,
    },
    /// Someone tried to sign up again with an address that already has an account.
    AccountExists {
        login_link: String,
        reset_link: String,
    },
    /// An admin created an account for a desk member, supporter or VC.
    Invitation {
        link: String,
        expires_at: DateTime<Utc>,
        role: Role,
    },
    /// A link to choose a new password.
    PasswordReset {
        link: String,
        expires_at: DateTime<Utc>,
    },
    /// The password of the account was changed.
    PasswordChanged { reset_link: String },
    /// To the requester: a desk received their consultation.
    ConsultationReceived {
        reference: String,
        title: String,
        desk: DeskNames,
        due_on: NaiveDate,
        link: String,
    },
    /// To the requester: the desk wrote to them.
    ConsultationMessage {
        reference: String,
        title: String,
        body: String,
        link: String,
    },
    /// To the requester: the desk closed their consultation.
    ConsultationClosed {
        reference: String,
        title: String,
        resolution: Resolution,
        message: Option<String>,
        link: String,
    },
    /// To the requester: another desk took their consultation over.
    ConsultationTransferred {
        reference: String,
        title: String,
        from: DeskNames,
        to: DeskNames,
        due_on: NaiveDate,
        link: String,
    },
    /// To an advisor or staff member: a consultation was assigned to them.
    ConsultationAssigned {
        reference: String,
        title: String,
        desk: DeskNames,
        link: String,
    },
    /// To the assignee: the requester replied.
    ConsultationReply {
        reference: String,
        title: String,
        body: String,
        link: String,
    },
    /// To the target desk's staff: another desk asks them to take a consultation over.
    ReferralRequested {
        reference: String,
        title: String,
        from: DeskNames,
        reason: String,
        link: String,
    },
    /// To whoever asked: the target desk declined the referral.
    ReferralDeclined {
        reference: String,
        title: String,
        to: DeskNames,
        reason: String,
        link: String,
    },
    /// To the requester: the desk proposes an introduction and asks for consent.
    IntroductionConsentRequested {
        reference: String,
        title: String,
        target: DeskNames,
        channel: IntroductionChannel,
        message: String,
        due_on: NaiveDate,
        link: String,
    },
    /// To whoever proposed it: the requester consented.
    IntroductionConsented {
        reference: String,
        title: String,
        target: DeskNames,
        link: String,
    },
    /// To whoever proposed it: the requester did not consent.
    IntroductionConsentDeclined {
        reference: String,
        title: String,
        target: DeskNames,
        reason: String,
        link: String,
    },
    /// To the target: a desk introduces a startup. Only what the requester chose to share.
    IntroductionSent {
        desk: DeskNames,
        channel: IntroductionChannel,
        organisation: Option<String>,
        title: Option<String>,
        due_on: NaiveDate,
        link: String,
    },
    /// To whoever proposed it and to the requester: the target answered.
    IntroductionAnswered {
        reference: String,
        title: String,
        target: DeskNames,
        accepted: bool,
        note: String,
        link: String,
    },
    /// To whoever proposed it: nobody answered in time.
    IntroductionExpired {
        reference: String,
        title: String,
        target: DeskNames,
        waited_for_requester: bool,
        link: String,
    },
    /// To the applicant organisation: its grant application was received.
    GrantApplicationReceived {
        programme: DeskNames,
        desk: DeskNames,
        title: String,
        requested_yen: i64,
        link: String,
    },
    /// To a reviewer: an application was assigned to them.
    GrantReviewRequested {
        programme: DeskNames,
        title: String,
        organisation: String,
        link: String,
    },
    /// To the applicant organisation: awarded (with the amount) or not.
    GrantDecided {
        programme: DeskNames,
        title: String,
        awarded: bool,
        amount_yen: i64,
        milestones: i64,
        first_milestone: String,
        note: String,
        link: String,
    },
    /// To the applicant organisation: a milestone was approved (paid or waiting for VC
    /// match), sent back, or failed.
    GrantMilestoneDecided {
        programme: DeskNames,
        title: String,
        milestone: String,
        outcome: MilestoneOutcome,
        amount_yen: i64,
        due_on: NaiveDate,
        note: String,
        link: String,
    },
    /// To the programme's staff: an application was submitted, or evidence for a milestone
    /// (`milestone`), and waits for their decision.
    GrantAwaitingDecision {
        programme: DeskNames,
        title: String,
        organisation: String,
        milestone: Option<String>,
        link: String,
    },
    /// To the applicant organisation: a tranche waiting for VC match was paid.
    GrantTrancheReleased {
        programme: DeskNames,
        title: String,
        milestone: String,
        amount_yen: i64,
        link: String,
    },
}

impl EmailTemplate {
    fn message_id(&self) -> &'static str {
        match self {
            EmailTemplate::VerifyEmail { .. } => "email-verify-email",
            EmailTemplate::AccountExists { .. } => "email-account-exists",
            EmailTemplate::Invitation { .. } => "email-invitation",
            EmailTemplate::PasswordReset { .. } => "email-password-reset",
            EmailTemplate::PasswordChanged { .. } => "email-password-changed",
            EmailTemplate::ConsultationReceived { .. } => "email-consultation-received",
            EmailTemplate::ConsultationMessage { .. } => "email-consultation-message",
            EmailTemplate::ConsultationClosed { .. } => "email-consultation-closed",
            EmailTemplate::ConsultationTransferred { .. } => "email-consultation-transferred",
            EmailTemplate::ConsultationAssigned { .. } => "email-consultation-assigned",
            EmailTemplate::ConsultationReply { .. } => "email-consultation-reply",
            EmailTemplate::ReferralRequested { .. } => "email-referral-requested",
            EmailTemplate::ReferralDeclined { .. } => "email-referral-declined",
            EmailTemplate::IntroductionConsentRequested { .. } => {
                "email-introduction-consent-requested"
            }
            EmailTemplate::IntroductionConsented { .. } => "email-introduction-consented",
            EmailTemplate::IntroductionConsentDeclined { .. } => {
                "email-introduction-consent-declined"
            }
            EmailTemplate::IntroductionSent { .. } => "email-introduction-sent",
            EmailTemplate::IntroductionAnswered { .. } => "email-introduction-answered",
            EmailTemplate::IntroductionExpired { .. } => "email-introduction-expired",
            EmailTemplate::GrantApplicationReceived { .. } => "email-grant-application-received",
            EmailTemplate::GrantReviewRequested { .. } => "email-grant-review-requested",
            EmailTemplate::GrantDecided { .. } => "email-grant-decided",
            EmailTemplate::GrantMilestoneDecided { .. } => "email-grant-milestone-decided",
            EmailTemplate::GrantTrancheReleased { .. } => "email-grant-tranche-released",
            EmailTemplate::GrantAwaitingDecision { .. } => "email-grant-awaiting-decision",
        }
    }

    fn template_name(&self) -> &'static str {
        self.message_id().trim_start_matches("email-")
    }

    fn action_link(&self) -> Option<&str> {
        match self {
            EmailTemplate::VerifyEmail { link, .. }
            | EmailTemplate::Invitation { link, .. }
            | EmailTemplate::PasswordReset { link, .. } => Some(link),
            EmailTemplate::AccountExists { login_link, .. } => Some(login_link),
            EmailTemplate::PasswordChanged { .. } => None,
            EmailTemplate::ConsultationReceived { link, .. }
            | EmailTemplate::ConsultationMessage { link, .. }
            | EmailTemplate::ConsultationClosed { link, .. }
            | EmailTemplate::ConsultationTransferred { link, .. }
            | EmailTemplate::ConsultationAssigned { link, .. }
            | EmailTemplate::ConsultationReply { link, .. }
            | EmailTemplate::ReferralRequested { link, .. }
            | EmailTemplate::ReferralDeclined { link, .. }
            | EmailTemplate::IntroductionConsentRequested { link, .. }
            | EmailTemplate::IntroductionConsented { link, .. }
            | EmailTemplate::IntroductionConsentDeclined { link, .. }
            | EmailTemplate::IntroductionSent { link, .. }
            | EmailTemplate::IntroductionAnswered { link, .. }
            | EmailTemplate::IntroductionExpired { link, .. }
            | EmailTemplate::GrantApplicationReceived { link, .. }
            | EmailTemplate::GrantReviewRequested { link, .. }
            | EmailTemplate::GrantDecided { link, .. }
            | EmailTemplate::GrantMilestoneDecided { link, .. }
            | EmailTemplate::GrantTrancheReleased { link, .. }
            | EmailTemplate::GrantAwaitingDecision { link, .. } => Some(link),
        }
    }

    fn args(&self, i18n: &I18n, recipient: &Recipient) -> Args {
        let locale = recipient.locale;
        let args = Args::new().text("name", recipient.name.clone());
        match self {
            EmailTemplate::VerifyEmail { expires_at, .. }
            | EmailTemplate::PasswordReset { expires_at, .. } => {
                args.text("expiresAt", expires_at.to_rfc3339())
            }
            EmailTemplate::Invitation {
                expires_at, role, ..
            } => args
                .text("expiresAt", expires_at.to_rfc3339())
                .text("role", role.label(i18n, recipient.locale)),
            EmailTemplate::AccountExists { reset_link, .. }
            | EmailTemplate::PasswordChanged { reset_link } => {
                args.text("resetLink", reset_link.clone())
            }
            EmailTemplate::ConsultationReceived {
                reference,
                title,
                desk,
                due_on,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("desk", desk.get(locale))
                .text("dueOn", day(*due_on)),
            EmailTemplate::ConsultationMessage {
                reference,
                title,
                body,
                ..
            }
            | EmailTemplate::ConsultationReply {
                reference,
                title,
                body,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("message", body.clone()),
            EmailTemplate::ConsultationClosed {
                reference,
                title,
                resolution,
                message,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("resolution", resolution.label(i18n, locale))
                .text("hasMessage", if message.is_some() { "yes" } else { "no" })
                .text("message", message.clone().unwrap_or_default()),
            EmailTemplate::ConsultationTransferred {
                reference,
                title,
                from,
                to,
                due_on,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("from", from.get(locale))
                .text("to", to.get(locale))
                .text("dueOn", day(*due_on)),
            EmailTemplate::ConsultationAssigned {
                reference,
                title,
                desk,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("desk", desk.get(locale)),
            EmailTemplate::ReferralRequested {
                reference,
                title,
                from,
                reason,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("from", from.get(locale))
                .text("reason", reason.clone()),
            EmailTemplate::ReferralDeclined {
                reference,
                title,
                to,
                reason,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("to", to.get(locale))
                .text("reason", reason.clone()),
            EmailTemplate::IntroductionConsentRequested {
                reference,
                title,
                target,
                channel,
                message,
                due_on,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("target", target.get(locale))
                .text("channel", channel.label(i18n, locale))
                .text("hasMessage", if message.is_empty() { "no" } else { "yes" })
                .text("message", message.clone())
                .text("dueOn", day(*due_on)),
            EmailTemplate::IntroductionConsented {
                reference,
                title,
                target,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("target", target.get(locale)),
            EmailTemplate::IntroductionConsentDeclined {
                reference,
                title,
                target,
                reason,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("target", target.get(locale))
                .text("hasReason", if reason.is_empty() { "no" } else { "yes" })
                .text("reason", reason.clone()),
            EmailTemplate::IntroductionSent {
                desk,
                channel,
                organisation,
                title,
                due_on,
                ..
            } => args
                .text("desk", desk.get(locale))
                .text("channel", channel.label(i18n, locale))
                .text(
                    "shown",
                    match (organisation, title) {
                        (Some(_), Some(_)) => "both",
                        (Some(_), None) => "organisation",
                        (None, Some(_)) => "title",
                        (None, None) => "none",
                    },
                )
                .text("organisation", organisation.clone().unwrap_or_default())
                .text("title", title.clone().unwrap_or_default())
                .text("dueOn", day(*due_on)),
            EmailTemplate::IntroductionAnswered {
                reference,
                title,
                target,
                accepted,
                note,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("target", target.get(locale))
                .text("answer", if *accepted { "accepted" } else { "declined" })
                .text("hasNote", if note.is_empty() { "no" } else { "yes" })
                .text("note", note.clone()),
            EmailTemplate::IntroductionExpired {
                reference,
                title,
                target,
                waited_for_requester,
                ..
            } => args
                .text("reference", reference.clone())
                .text("title", title.clone())
                .text("target", target.get(locale))
                .text(
                    "waitedFor",
                    if *waited_for_requester {
                        "requester"
                    } else {
                        "target"
                    },
                ),
            EmailTemplate::GrantApplicationReceived {
                programme,
                desk,
                title,
                requested_yen,
                ..
            } => args
                .text("programme", programme.get(locale))
                .text("desk", desk.get(locale))
                .text("title", title.clone())
                .text("amount", i18n.formatter(locale).yen(*requested_yen)),
            EmailTemplate::GrantReviewRequested {
                programme,
                title,
                organisation,
                ..
            } => args
                .text("programme", programme.get(locale))
                .text("title", title.clone())
                .text("organisation", organisation.clone()),
            EmailTemplate::GrantDecided {
                programme,
                title,
                awarded,
                amount_yen,
                milestones,
                first_milestone,
                note,
                ..
            } => args
                .text("programme", programme.get(locale))
                .text("title", title.clone())
                .text("decision", if *awarded { "awarded" } else { "rejected" })
                .text("amount", i18n.formatter(locale).yen(*amount_yen))
                .number("milestones", *milestones)
                .text("firstMilestone", first_milestone.clone())
                .text("hasNote", if note.is_empty() { "no" } else { "yes" })
                .text("note", note.clone()),
            EmailTemplate::GrantMilestoneDecided {
                programme,
                title,
                milestone,
                outcome,
                amount_yen,
                due_on,
                note,
                ..
            } => args
                .text("programme", programme.get(locale))
                .text("title", title.clone())
                .text("milestone", milestone.clone())
                .text("outcome", outcome.as_str())
                .text("amount", i18n.formatter(locale).yen(*amount_yen))
                .text("dueOn", day(*due_on))
                .text("hasNote", if note.is_empty() { "no" } else { "yes" })
                .text("note", note.clone()),
            EmailTemplate::GrantAwaitingDecision {
                programme,
                title,
                organisation,
                milestone,
                ..
            } => args
                .text("programme", programme.get(locale))
                .text("title", title.clone())
                .text("organisation", organisation.clone())
                .text(
                    "what",
                    if milestone.is_some() {
                        "evidence"
                    } else {
                        "application"
                    },
                )
                .text("milestone", milestone.clone().unwrap_or_default()),
            EmailTemplate::GrantTrancheReleased {
                programme,
                title,
                milestone,
                amount_yen,
                ..
            } => args
                .text("programme", programme.get(locale))
                .text("title", title.clone())
                .text("milestone", milestone.clone())
                .text("amount", i18n.formatter(locale).yen(*amount_yen)),
        }
    }

    /// Every template, with sample values, for the locale tests.
    pub fn samples() -> Vec<EmailTemplate> {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        let link = "https://banso.example/x".to_owned();
        vec![
            EmailTemplate::VerifyEmail {
                link: link.clone(),
                expires_at: at,
            },
            EmailTemplate::AccountExists {
                login_link: link.clone(),
                reset_link: link.clone(),
            },
            EmailTemplate::Invitation {
                link: link.clone(),
                expires_at: at,
                role: Role::Advisor,
            },
            EmailTemplate::PasswordReset {
                link: link.clone(),
                expires_at: at,
            },
            EmailTemplate::PasswordChanged {
                reset_link: link.clone(),
            },
            EmailTemplate::ConsultationReceived {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                desk: desk(),
                due_on: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
                link: link.clone(),
            },
            EmailTemplate::ConsultationMessage {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                body: "Could you send us your study protocol?".into(),
                link: link.clone(),
            },
            EmailTemplate::ConsultationClosed {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                resolution: Resolution::Resolved,
                message: Some("Good luck with the submission.".into()),
                link: link.clone(),
            },
            EmailTemplate::ConsultationTransferred {
                reference: "INH-2026-0007".into(),
                title: "Reimbursement".into(),
                from: desk(),
                to: desk(),
                due_on: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
                link: link.clone(),
            },
            EmailTemplate::ConsultationAssigned {
                reference: "CAR-2026-0003".into(),
                title: "見守りセンサーの実証".into(),
                desk: desk(),
                link: link.clone(),
            },
            EmailTemplate::ConsultationReply {
                reference: "CAR-2026-0003".into(),
                title: "見守りセンサーの実証".into(),
                body: "資料を添付しました。".into(),
                link: link.clone(),
            },
            EmailTemplate::ReferralRequested {
                reference: "INH-2026-0007".into(),
                title: "Reimbursement".into(),
                from: desk(),
                reason: "薬事の論点が中心のため".into(),
                link: link.clone(),
            },
            EmailTemplate::ReferralDeclined {
                reference: "INH-2026-0007".into(),
                title: "Reimbursement".into(),
                to: desk(),
                reason: "保険外サービスのため".into(),
                link: link.clone(),
            },
            EmailTemplate::IntroductionConsentRequested {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                target: desk(),
                channel: IntroductionChannel::Individual,
                message: "治験デザインに詳しい支援機関です。".into(),
                due_on: NaiveDate::from_ymd_opt(2026, 12, 18).unwrap_or_default(),
                link: link.clone(),
            },
            EmailTemplate::IntroductionConsented {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                target: desk(),
                link: link.clone(),
            },
            EmailTemplate::IntroductionConsentDeclined {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                target: desk(),
                reason: String::new(),
                link: link.clone(),
            },
            EmailTemplate::IntroductionSent {
                desk: desk(),
                channel: IntroductionChannel::Newsletter,
                organisation: Some("株式会社メディカルサンプル".into()),
                title: None,
                due_on: NaiveDate::from_ymd_opt(2026, 12, 25).unwrap_or_default(),
                link: link.clone(),
            },
            EmailTemplate::IntroductionAnswered {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                target: desk(),
                accepted: true,
                note: "来週面談しましょう。".into(),
                link: link.clone(),
            },
            EmailTemplate::IntroductionExpired {
                reference: "MED-2026-0042".into(),
                title: "PMDA相談の進め方".into(),
                target: desk(),
                waited_for_requester: false,
                link: link.clone(),
            },
            EmailTemplate::GrantApplicationReceived {
                programme: programme(),
                desk: desk(),
                title: "希少疾患向け遺伝子治療の非臨床試験".into(),
                requested_yen: 150_000_000,
                link: link.clone(),
            },
            EmailTemplate::GrantReviewRequested {
                programme: programme(),
                title: "希少疾患向け遺伝子治療の非臨床試験".into(),
                organisation: "株式会社サンプル".into(),
                link: link.clone(),
            },
            EmailTemplate::GrantDecided {
                programme: programme(),
                title: "希少疾患向け遺伝子治療の非臨床試験".into(),
                awarded: true,
                amount_yen: 150_000_000,
                milestones: 3,
                first_milestone: "GLP毒性試験の完了".into(),
                note: "審査委員会の評価を踏まえ採択".into(),
                link: link.clone(),
            },
            EmailTemplate::GrantMilestoneDecided {
                programme: programme(),
                title: "希少疾患向け遺伝子治療の非臨床試験".into(),
                milestone: "GLP毒性試験の完了".into(),
                outcome: MilestoneOutcome::AwaitingMatch,
                amount_yen: 50_000_000,
                due_on: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap_or_default(),
                note: String::new(),
                link: link.clone(),
            },
            EmailTemplate::GrantAwaitingDecision {
                programme: programme(),
                title: "希少疾患向け遺伝子治療の非臨床試験".into(),
                organisation: "株式会社サンプル".into(),
                milestone: Some("GLP毒性試験の完了".into()),
                link: link.clone(),
            },
            EmailTemplate::GrantTrancheReleased {
                programme: programme(),
                title: "希少疾患向け遺伝子治療の非臨床試験".into(),
                milestone: "GLP毒性試験の完了".into(),
                amount_yen: 50_000_000,
                link,
            },
        ]
    }
}

fn programme() -> DeskNames {
    DeskNames {
        en: "Healthtech Challenge FY2026".into(),
        ja: "ヘルステック・チャレンジ（令和8年度）".into(),
    }
}

fn desk() -> DeskNames {
    DeskNames {
        en: "Medical Innovation Support Office (MEDISO)".into(),
        ja: "医療系ベンチャー・トータルサポートオフィス（MEDISO）".into(),
    }
}

/// A calendar date as Fluent's `DATE()` reads it: midnight in Japan.
fn day(date: NaiveDate) -> String {
    japan_midnight(date).to_rfc3339()
}

/// A rendered email, as stored in the outbox and handed to the mailer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutgoingEmail {
    /// Stable across retries, so a duplicate delivery can be recognised.
    pub message_id: String,
    pub from: String,
    pub to_address: String,
    pub to_name: String,
    pub locale: Locale,
    pub template: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn render(
    settings: &Settings,
    i18n: &I18n,
    recipient: &Recipient,
    template: &EmailTemplate,
) -> anyhow::Result<OutgoingEmail> {
    let locale = recipient.locale;
    let id = template.message_id();
    let args = template.args(i18n, recipient);
    let part = |attribute: &str| i18n.attribute(locale, id, attribute, &args);
    let subject = part("subject")
        .ok_or_else(|| anyhow::anyhow!("{id} has no subject in {}", locale.as_str()))?;
    let body =
        part("body").ok_or_else(|| anyhow::anyhow!("{id} has no body in {}", locale.as_str()))?;
    let action = part("action");
    let note = part("note");
    let greeting = i18n.message(locale, "email-greeting", &args);
    let signature = i18n.message(locale, "email-signature", &args);
    let link_hint = i18n.message(locale, "email-link-hint", &args);
    let link = template.action_link();

    let mut text = format!("{greeting}\n\n{body}\n");
    if let (Some(label), Some(link)) = (&action, link) {
        text.push_str(&format!("\n{label}:\n{link}\n"));
    }
    if let Some(note) = &note {
        text.push_str(&format!("\n{note}\n"));
    }
    text.push_str(&format!("\n-- \n{signature}\n"));

    let mut html = String::new();
    html.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n\
         <body style=\"margin:0;padding:24px;background:#f4f6f8;font-family:-apple-system,'Segoe UI','Hiragino Sans','Noto Sans JP','Yu Gothic',Meiryo,sans-serif;color:#1f2933;line-height:1.7\">\n\
         <div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px\">\n\
         <p style=\"margin:0 0 8px;font-weight:600;color:#0b5394\">Bansō 伴走</p>\n<p>{greeting}</p>\n",
        lang = locale.as_str(),
        title = escape(&subject),
        greeting = escape(&greeting),
    ));
    for paragraph in body.split("\n\n") {
        html.push_str(&format!(
            "<p>{}</p>\n",
            escape(paragraph).replace('\n', "<br>")
        ));
    }
    if let (Some(label), Some(link)) = (&action, link) {
        html.push_str(&format!(
            "<p style=\"margin:28px 0\"><a href=\"{href}\" style=\"display:inline-block;background:#0b5394;color:#ffffff;\
             padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600\">{label}</a></p>\n\
             <p style=\"font-size:13px;color:#52606d\">{hint}<br><a href=\"{href}\" style=\"color:#0b5394;word-break:break-all\">{text}</a></p>\n",
            href = escape(link),
            label = escape(label),
            hint = escape(&link_hint),
            text = escape(link),
        ));
    }
    if let Some(note) = &note {
        html.push_str(&format!(
            "<p style=\"font-size:13px;color:#52606d\">{}</p>\n",
            escape(note).replace('\n', "<br>")
        ));
    }
    html.push_str(&format!(
        "<hr style=\"border:none;border-top:1px solid #e4e7eb;margin:24px 0\">\n\
         <p style=\"font-size:13px;color:#52606d\">{}</p>\n</div>\n</body>\n</html>\n",
        escape(&signature).replace('\n', "<br>")
    ));

    Ok(OutgoingEmail {
        message_id: format!(
            "<{}@{}>",
            uuid::Uuid::now_v7(),
            mail_domain(&settings.email.from)
        ),
        from: settings.email.from.clone(),
        to_address: recipient.email.clone(),
        to_name: recipient.name.clone(),
        locale,
        template: template.template_name().to_owned(),
        subject,
        text,
        html,
    })
}

fn mail_domain(from: &str) -> &str {
    from.rsplit('@')
        .next()
        .map(|rest| rest.trim_end_matches('>').trim())
        .filter(|d| !d.is_empty())
        .unwrap_or("banso.localhost")
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Settings, Sources};

    fn settings() -> Settings {
        Settings::load(&Sources::default()).expect("defaults")
    }

    #[test]
    fn every_template_renders_in_both_locales() {
        let i18n = I18n::load().expect("locales");
        for template in EmailTemplate::samples() {
            for locale in Locale::ALL {
                let recipient = Recipient {
                    email: "a@example.jp".into(),
                    name: "佐藤 花子".into(),
                    locale,
                };
                let email = render(&settings(), &i18n, &recipient, &template).expect("renders");
                assert!(!email.subject.is_empty());
                assert!(email.text.contains("佐藤 花子"), "{}", email.text);
                assert!(
                    !email.text.contains("{"),
                    "unfilled placeholder in {}: {}",
                    email.template,
                    email.text
                );
                assert!(
                    email
                        .html
                        .contains(&format!("lang=\"{}\"", locale.as_str()))
                );
                if let Some(link) = template.action_link() {
                    assert!(email.text.contains(link) && email.html.contains(link));
                }
            }
        }
    }

    #[test]
    fn names_are_escaped_in_html() {
        let i18n = I18n::load().expect("locales");
        let recipient = Recipient {
            email: "a@example.jp".into(),
            name: "<b>Mallory</b>".into(),
            locale: Locale::En,
        };
        let template = EmailTemplate::PasswordChanged {
            reset_link: "https://x.example/r".into(),
        };
        let email = render(&settings(), &i18n, &recipient, &template).expect("renders");
        assert!(email.html.contains("&lt;b&gt;Mallory&lt;/b&gt;"));
        assert!(!email.html.contains("<b>Mallory"));
        assert!(
            email.message_id.ends_with("@banso.example>"),
            "{}",
            email.message_id
        );
    }
}
