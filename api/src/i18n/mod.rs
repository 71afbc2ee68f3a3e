//! Localisation: the Fluent resources in `locales/{en,ja}`, shared with the web UI, and the
//! choice of locale for a request (the user's preference, else `Accept-Language`, else
//! Japanese).

mod format;

use std::collections::BTreeSet;

use anyhow::{Context as _, bail};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
use rust_embed::RustEmbed;
use serde::{Deserialize, Serialize};
use unic_langid::{LanguageIdentifier, langid};

pub use format::Formatter;

use crate::error::{ErrorArg, ErrorCode};

/// The Fluent files, embedded in release builds and read from the repository in debug builds.
#[derive(RustEmbed)]
#[folder = "../locales/"]
struct LocaleFiles;

/// A language Bansō speaks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    async_graphql::Enum,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Ja,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ja];
    /// Used when neither the user nor the browser says otherwise.
    pub const DEFAULT: Locale = Locale::Ja;

    /// Of a value written in both languages, the one in this language.
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Locale::En => en,
            Locale::Ja => ja,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ja => "ja",
        }
    }

    pub fn parse(tag: &str) -> Option<Locale> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Locale::En),
            "ja" => Some(Locale::Ja),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::En => langid!("en"),
            Locale::Ja => langid!("ja"),
        }
    }

    /// The best of our locales for an `Accept-Language` header.
    pub fn negotiate(accept_language: Option<&str>) -> Locale {
        let requested = accept_language
            .map(accepted_languages::parse)
            .unwrap_or_default();
        let available = [langid!("ja"), langid!("en")];
        let default = Locale::DEFAULT.langid();
        let chosen = negotiate_languages(
            &requested,
            &available,
            Some(&default),
            NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|id| Locale::parse(id.language.as_str()))
            .unwrap_or(Locale::DEFAULT)
    }
}

impl crate::labels::Labelled for Locale {
    const ALL: &'static [Self] = &Locale::ALL;

    fn label_id(&self) -> &'static str {
        match self {
            Locale::En => "locale-en",
            Locale::Ja => "locale-ja",
        }
    }
}

struct LocaleBundle {
    bundle: FluentBundle<FluentResource>,
    source: String,
    message_ids: BTreeSet<String>,
    formatter: Formatter,
}

/// Every message in both languages, loaded once at start-up.
pub struct I18n {
    en: LocaleBundle,
    ja: LocaleBundle,
}

impl I18n {
    /// Loads and checks the embedded Fluent files. Fails on a syntax error or a duplicate id.
    pub fn load() -> anyhow::Result<Self> {
        Ok(I18n {
            en: load_locale(Locale::En)?,
            ja: load_locale(Locale::Ja)?,
        })
    }

    fn get(&self, locale: Locale) -> &LocaleBundle {
        match locale {
            Locale::En => &self.en,
            Locale::Ja => &self.ja,
        }
    }

    /// The concatenated Fluent source of a locale, as served to the web UI.
    pub fn source(&self, locale: Locale) -> &str {
        &self.get(locale).source
    }

    /// Every message id defined for a locale.
    pub fn message_ids(&self, locale: Locale) -> &BTreeSet<String> {
        &self.get(locale).message_ids
    }

    pub fn has_message(&self, locale: Locale, id: &str) -> bool {
        self.get(locale).bundle.has_message(id)
    }

    pub fn has_attribute(&self, locale: Locale, id: &str, attribute: &str) -> bool {
        self.get(locale)
            .bundle
            .get_message(id)
            .is_some_and(|message| message.get_attribute(attribute).is_some())
    }

    pub fn formatter(&self, locale: Locale) -> &Formatter {
        &self.get(locale).formatter
    }

    /// The message `id` in `locale`. A missing message is logged and shown as its id.
    pub fn message(&self, locale: Locale, id: &str, args: &Args) -> String {
        self.render(locale, id, None, args).unwrap_or_else(|| {
            tracing::error!(locale = locale.as_str(), id, "missing message");
            id.to_owned()
        })
    }

    /// An attribute of the message `id`, if it has one.
    pub fn attribute(
        &self,
        locale: Locale,
        id: &str,
        attribute: &str,
        args: &Args,
    ) -> Option<String> {
        self.render(locale, id, Some(attribute), args)
    }

    fn render(
        &self,
        locale: Locale,
        id: &str,
        attribute: Option<&str>,
        args: &Args,
    ) -> Option<String> {
        let bundle = &self.get(locale).bundle;
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let fluent_args = args.to_fluent();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::error!(
                locale = locale.as_str(),
                id,
                ?errors,
                "message formatting failed"
            );
        }
        Some(text.into_owned())
    }

    /// The localised message of an error code.
    pub fn error_message(
        &self,
        locale: Locale,
        code: ErrorCode,
        args: &[(&'static str, ErrorArg)],
    ) -> String {
        let mut fluent = Args::new();
        for (name, value) in args {
            fluent = match value {
                ErrorArg::Text(text) => fluent.text(name, text.clone()),
                ErrorArg::Number(number) => fluent.number(name, *number),
                ErrorArg::Yen(yen) => fluent.text(name, self.formatter(locale).yen(*yen)),
            };
        }
        self.message(locale, &code.fluent_id(), &fluent)
    }
}

/// Named values for a message's placeholders.
#[derive(Debug, Clone, Default)]
pub struct Args {
    values: Vec<(String, ArgValue)>,
}

#[derive(Debug, Clone)]
enum ArgValue {
    Text(String),
    Number(i64),
}

impl Args {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.values
            .push((name.to_owned(), ArgValue::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &str, value: i64) -> Self {
        self.values.push((name.to_owned(), ArgValue::Number(value)));
        self
    }

    fn to_fluent(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        for (name, value) in &self.values {
            match value {
                ArgValue::Text(text) => args.set(name.as_str(), FluentValue::from(text.as_str())),
                // Fluent numbers are f64: pass whole numbers beyond 2^53 as text, not floats.
                ArgValue::Number(number) if number.unsigned_abs() < (1 << 53) => {
                    args.set(name.as_str(), FluentValue::from(*number as f64))
                }
                ArgValue::Number(number) => {
                    args.set(name.as_str(), FluentValue::from(number.to_string()))
                }
            }
        }
        args
    }
}

fn load_locale(locale: Locale) -> anyhow::Result<LocaleBundle> {
    let prefix = format!("{}/", locale.as_str());
    let mut files: Vec<String> = LocaleFiles::iter()
        .filter(|path| path.starts_with(&prefix) && path.ends_with(".ftl"))
        .map(|path| path.into_owned())
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no Fluent files for locale {}", locale.as_str());
    }

    let mut bundle = FluentBundle::new_concurrent(vec![locale.langid()]);
    bundle.set_use_isolating(false);
    let formatter = Formatter::new(locale)?;
    formatter.register_functions(&mut bundle)?;

    let mut source = String::new();
    let mut message_ids = BTreeSet::new();
    for path in files {
        let file = LocaleFiles::get(&path).with_context(|| format!("reading {path}"))?;
        let text = String::from_utf8(file.data.into_owned())
            .with_context(|| format!("{path} is not UTF-8"))?;
        let resource = FluentResource::try_new(text.clone()).map_err(|(_, errors)| {
            anyhow::anyhow!("syntax errors in locales/{path}: {errors:?}")
        })?;
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                message_ids.insert(message.id.name.to_owned());
            }
        }
        bundle
            .add_resource(resource)
            .map_err(|errors| anyhow::anyhow!("locales/{path}: {errors:?}"))?;
        source.push_str(&format!("# locales/{path}\n"));
        source.push_str(&text);
        if !text.ends_with('\n') {
            source.push('\n');
        }
    }
    Ok(LocaleBundle {
        bundle,
        source,
        message_ids,
        formatter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_a_supported_locale() {
        assert_eq!(Locale::negotiate(None), Locale::Ja);
        assert_eq!(Locale::negotiate(Some("")), Locale::Ja);
        assert_eq!(Locale::negotiate(Some("en-GB,en;q=0.9")), Locale::En);
        assert_eq!(Locale::negotiate(Some("fr-FR, en;q=0.5")), Locale::En);
        assert_eq!(Locale::negotiate(Some("ja-JP,en-US;q=0.8")), Locale::Ja);
        assert_eq!(Locale::negotiate(Some("de, fr")), Locale::Ja);
        assert_eq!(Locale::negotiate(Some("not a header;;;")), Locale::Ja);
    }

    #[test]
    fn both_locales_define_the_same_messages_and_attributes() {
        let i18n = I18n::load().expect("locales load");
        let en = i18n.message_ids(Locale::En);
        let ja = i18n.message_ids(Locale::Ja);
        let only_en: Vec<_> = en.difference(ja).collect();
        let only_ja: Vec<_> = ja.difference(en).collect();
        assert!(
            only_en.is_empty() && only_ja.is_empty(),
            "only in en: {only_en:?}; only in ja: {only_ja:?}"
        );

        for id in en {
            for locale in Locale::ALL {
                let bundle = &i18n.get(locale).bundle;
                let Some(message) = bundle.get_message(id) else {
                    continue;
                };
                let mut attributes: Vec<&str> = message.attributes().map(|a| a.id()).collect();
                attributes.sort_unstable();
                let other = match locale {
                    Locale::En => &i18n.ja.bundle,
                    Locale::Ja => &i18n.en.bundle,
                };
                let mut other_attributes: Vec<&str> = other
                    .get_message(id)
                    .map(|m| m.attributes().map(|a| a.id()).collect())
                    .unwrap_or_default();
                other_attributes.sort_unstable();
                assert_eq!(
                    attributes, other_attributes,
                    "attributes of {id} differ between locales"
                );
            }
        }
    }

    #[test]
    fn every_error_code_has_a_message_in_both_locales() {
        let i18n = I18n::load().expect("locales load");
        for code in ErrorCode::ALL {
            for locale in Locale::ALL {
                assert!(
                    i18n.has_message(locale, &code.fluent_id()),
                    "{} has no {} message ({})",
                    code.as_str(),
                    locale.as_str(),
                    code.fluent_id()
                );
            }
        }
    }

    #[test]
    fn error_messages_fill_their_placeholders() {
        let i18n = I18n::load().expect("locales load");
        let args = [
            ("retryAfterMinutes", ErrorArg::Number(15)),
            ("retryAfterSeconds", ErrorArg::Number(900)),
        ];
        let en = i18n.error_message(Locale::En, ErrorCode::LoginThrottled, &args);
        let ja = i18n.error_message(Locale::Ja, ErrorCode::LoginThrottled, &args);
        assert!(en.contains("15"), "{en}");
        assert!(ja.contains("15"), "{ja}");
        assert_ne!(en, ja);
    }
}
