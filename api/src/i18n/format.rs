//! Numbers, yen and dates as each locale writes them (ICU4X), also offered to Fluent messages
//! as `NUMBER($n)`, `YEN($amount)`, `DATE($at)` and `DATETIME($at)`.
//!
//! Times are shown in Japan time (UTC+9, no daylight saving), the desks' own clock, with the
//! offset written out so that readers abroad are not misled.

use std::sync::Arc;

use anyhow::Context as _;
use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use fixed_decimal::Decimal;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use icu_calendar::{Date, Gregorian};
use icu_datetime::{
    FixedCalendarDateTimeFormatter,
    fieldsets::{self, zone},
    options::TimePrecision,
};
use icu_decimal::DecimalFormatter;
use icu_locale_core::{Locale as IcuLocale, locale};
use icu_time::{Time, ZonedDateTime, zone::UtcOffset};

use super::Locale;

const JAPAN_OFFSET_SECONDS: i32 = 9 * 3600;

type DateFormatter = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>;
type DateTimeFormatter = FixedCalendarDateTimeFormatter<
    Gregorian,
    fieldsets::Combo<fieldsets::YMDT, zone::LocalizedOffsetShort>,
>;

struct Formatters {
    locale: Locale,
    decimal: DecimalFormatter,
    date: DateFormatter,
    date_time: DateTimeFormatter,
}

/// The formatting rules of one locale; cheap to clone.
#[derive(Clone)]
pub struct Formatter(Arc<Formatters>);

impl Formatter {
    pub fn new(locale: Locale) -> anyhow::Result<Self> {
        let icu: IcuLocale = match locale {
            Locale::En => locale!("en"),
            Locale::Ja => locale!("ja"),
        };
        let decimal = DecimalFormatter::try_new(icu.clone().into(), Default::default())
            .context("loading number formats")?;
        let date = DateFormatter::try_new(icu.clone().into(), fieldsets::YMD::medium())
            .context("loading date formats")?;
        let date_time = DateTimeFormatter::try_new(
            icu.into(),
            fieldsets::YMDT::medium()
                .with_time_precision(TimePrecision::Minute)
                .with_zone(zone::LocalizedOffsetShort),
        )
        .context("loading date-time formats")?;
        Ok(Formatter(Arc::new(Formatters {
            locale,
            decimal,
            date,
            date_time,
        })))
    }

    /// `1,234,567` with the locale's grouping.
    pub fn number(&self, value: i64) -> String {
        self.0.decimal.format(&Decimal::from(value)).to_string()
    }

    /// Whole yen: `¥1,234,567` in English, `1,234,567円` in Japanese.
    pub fn yen(&self, amount: i64) -> String {
        let digits = self.number(amount.unsigned_abs().try_into().unwrap_or(i64::MAX));
        let sign = if amount < 0 { "-" } else { "" };
        match self.0.locale {
            Locale::En => format!("{sign}¥{digits}"),
            Locale::Ja => format!("{sign}{digits}円"),
        }
    }

    /// The calendar date in Japan: `Nov 21, 2026` / `2026/11/21`.
    pub fn date(&self, at: DateTime<Utc>) -> String {
        let local = in_japan(at);
        match Date::try_new_gregorian(local.year(), local.month() as u8, local.day() as u8) {
            Ok(date) => self.0.date.format(&date).to_string(),
            Err(_) => local.format("%Y-%m-%d").to_string(),
        }
    }

    /// Date and time in Japan with the offset: `Nov 21, 2026, 10:37 PM GMT+9` /
    /// `2026/11/21 22:37 GMT+9`.
    pub fn date_time(&self, at: DateTime<Utc>) -> String {
        let local = in_japan(at);
        let parts = (
            Date::try_new_gregorian(local.year(), local.month() as u8, local.day() as u8),
            Time::try_new(
                local.hour() as u8,
                local.minute() as u8,
                local.second() as u8,
                0,
            ),
            UtcOffset::try_from_seconds(JAPAN_OFFSET_SECONDS),
        );
        match parts {
            (Ok(date), Ok(time), Ok(zone)) => self
                .0
                .date_time
                .format(&ZonedDateTime { date, time, zone })
                .to_string(),
            _ => local.format("%Y-%m-%d %H:%M %:z").to_string(),
        }
    }

    pub(super) fn register_functions(
        &self,
        bundle: &mut FluentBundle<FluentResource>,
    ) -> anyhow::Result<()> {
        let f = self.clone();
        bundle
            .add_function("NUMBER", move |args, _| match whole_number(args) {
                Some(n) => FluentValue::from(f.number(n)),
                None => FluentValue::Error,
            })
            .context("registering NUMBER")?;
        let f = self.clone();
        bundle
            .add_function("YEN", move |args, _| match whole_number(args) {
                Some(n) => FluentValue::from(f.yen(n)),
                None => FluentValue::Error,
            })
            .context("registering YEN")?;
        let f = self.clone();
        bundle
            .add_function("DATE", move |args, _: &FluentArgs| match timestamp(args) {
                Some(at) => FluentValue::from(f.date(at)),
                None => FluentValue::Error,
            })
            .context("registering DATE")?;
        let f = self.clone();
        bundle
            .add_function("DATETIME", move |args, _: &FluentArgs| {
                match timestamp(args) {
                    Some(at) => FluentValue::from(f.date_time(at)),
                    None => FluentValue::Error,
                }
            })
            .context("registering DATETIME")?;
        Ok(())
    }
}

fn in_japan(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    match FixedOffset::east_opt(JAPAN_OFFSET_SECONDS) {
        Some(offset) => at.with_timezone(&offset),
        None => at.fixed_offset(),
    }
}

fn whole_number(args: &[FluentValue<'_>]) -> Option<i64> {
    match args.first()? {
        FluentValue::Number(number) if number.value.fract() == 0.0 => Some(number.value as i64),
        FluentValue::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

fn timestamp(args: &[FluentValue<'_>]) -> Option<DateTime<Utc>> {
    match args.first()? {
        FluentValue::String(text) => DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|at| at.with_timezone(&Utc)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn formatter(locale: Locale) -> Formatter {
        Formatter::new(locale).expect("compiled ICU data")
    }

    #[test]
    fn numbers_and_yen_are_grouped_per_locale() {
        let en = formatter(Locale::En);
        let ja = formatter(Locale::Ja);
        assert_eq!(en.number(1_234_567), "1,234,567");
        assert_eq!(en.yen(30_000_000), "¥30,000,000");
        assert_eq!(ja.yen(30_000_000), "30,000,000円");
        assert_eq!(ja.yen(-500), "-500円");
        assert_eq!(en.yen(0), "¥0");
    }

    #[test]
    fn dates_are_shown_in_japan_time() {
        // 31 March 2027 15:30 UTC is already 1 April in Tokyo: the new fiscal year.
        let at = Utc
            .with_ymd_and_hms(2027, 3, 31, 15, 30, 0)
            .single()
            .expect("valid");
        let en = formatter(Locale::En);
        let ja = formatter(Locale::Ja);
        assert_eq!(en.date(at), "Apr 1, 2027");
        assert_eq!(ja.date(at), "2027/04/01");
        assert_eq!(ja.date_time(at), "2027/04/01 0:30 GMT+9");
        // CLDR puts a narrow no-break space before AM/PM.
        assert_eq!(
            en.date_time(at).replace('\u{202f}', " "),
            "Apr 1, 2027, 12:30 AM GMT+9"
        );
    }
}
