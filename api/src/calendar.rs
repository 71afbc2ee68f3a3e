//! Japan's national holidays and the support desks' business days, for first-response due
//! dates ("due N Japanese business days after receipt").
//!
//! The holidays come from `seed/holidays-jp.csv`, embedded at compile time, in the format of
//! the Cabinet Office's list of national holidays (内閣府「国民の祝日」`syukujitsu.csv`) but
//! UTF-8, for 2019–2030. Through 2027 it is the Cabinet Office's list; 2028–2030 follow the
//! rules below. Substitute holidays (振替休日) and citizens' holidays (国民の休日) are named
//! `休日`, as the Cabinet Office does, and the one-off days of 2019–2021 that no rule
//! predicts are there: the imperial succession of 2019 and the Olympic moves of 2020 and 2021.
//! One name differs from the Cabinet Office's file: 14 October 2019 is `体育の日`, the
//! holiday's legal name that year, where the Cabinet Office writes `体育の日（スポーツの日）`.
//!
//! The vernal and autumnal equinox days (春分の日, 秋分の日) are set by the National
//! Astronomical Observatory's 暦要項, published each February for the following year. The
//! CSV has the announced dates through 2027; for 2028–2030 it has the dates given by the
//! usual formula (`equinox_day` below), which are provisional until the 暦要項 for that year
//! is out. When it is, check those rows against it and correct them if they differ.
//!
//! The CSV is authoritative for every year it covers. For years outside it (before 2019 or
//! after 2030) the holidays are computed from the rules of 国民の祝日に関する法律 as they
//! stand since 2020, so due dates keep working if the data is not extended in time. For
//! years before 2019 this is an approximation: rules that have since changed (天皇誕生日 on
//! 23 December, 体育の日, no 山の日 before 2016, …) are not modelled.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::Arc;

use anyhow::{Context, bail, ensure};
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc, Weekday};

/// The Cabinet Office's list of national holidays, re-encoded as UTF-8.
const HOLIDAYS_CSV: &str = include_str!("../../seed/holidays-jp.csv");

/// The first line of the Cabinet Office's file.
const CSV_HEADER: &str = "国民の祝日・休日月日,国民の祝日・休日名称";

/// The name the Cabinet Office gives both substitute holidays and citizens' holidays.
const SUBSTITUTE_OR_CITIZENS_HOLIDAY: &str = "休日";

/// Japan Standard Time is UTC+9 all year: Japan has no daylight saving time.
const JST_OFFSET: TimeDelta = TimeDelta::hours(9);

/// The calendar date in Japan (UTC+9, no daylight saving) of an instant.
pub fn japan_date(at: DateTime<Utc>) -> NaiveDate {
    // Only the last nine hours that chrono can represent overflow; they belong to its last day.
    at.naive_utc()
        .checked_add_signed(JST_OFFSET)
        .map_or(NaiveDate::MAX, |local| local.date())
}

/// The instant a Japanese calendar day begins (00:00 in Japan).
pub fn japan_midnight(date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_time(chrono::NaiveTime::MIN).and_utc();
    midnight
        .checked_sub_signed(JST_OFFSET)
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The Japanese fiscal year (April to March) a date falls in: 2027-03-31 → 2026, 2027-04-01 → 2027.
pub fn fiscal_year(date: NaiveDate) -> i32 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The first and last day of a fiscal year: FY2026 runs from 2026-04-01 to 2027-03-31.
pub fn fiscal_year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 4, 1)?,
        NaiveDate::from_ymd_opt(year + 1, 3, 31)?,
    ))
}

/// Japan's national holidays and the desks' business days. Cheap to clone (Arc inside) or build once at start-up.
#[derive(Clone, Debug)]
pub struct BusinessCalendar {
    inner: Arc<Holidays>,
}

#[derive(Debug)]
struct Holidays {
    /// Every holiday of the years in `listed_years`, with its name as published.
    listed: BTreeMap<NaiveDate, String>,
    /// The years the CSV covers; outside them the rules apply.
    listed_years: RangeInclusive<i32>,
    year_end_closure: bool,
}

impl BusinessCalendar {
    /// Loads the embedded holiday data. `year_end_closure`: the desks, like government offices (行政機関の休日に関する法律), are also closed 29 December – 3 January.
    pub fn japan(year_end_closure: bool) -> anyhow::Result<BusinessCalendar> {
        let (listed, listed_years) = parse_holiday_csv(HOLIDAYS_CSV)
            .context("reading the embedded holiday list seed/holidays-jp.csv")?;
        Ok(BusinessCalendar {
            inner: Arc::new(Holidays {
                listed,
                listed_years,
                year_end_closure,
            }),
        })
    }

    /// The holiday's name (元日, 休日, …) if `date` is a national holiday, substitute holiday or citizens' holiday.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&str> {
        if self.inner.listed_years.contains(&date.year()) {
            self.inner.listed.get(&date).map(String::as_str)
        } else {
            rule_holiday_name(date)
        }
    }

    /// Whether `date` is a national holiday, substitute holiday or citizens' holiday (the
    /// year-end closure is not one).
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_name(date).is_some()
    }

    /// Not a Saturday, Sunday, national holiday or (when enabled) a year-end closure day.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let closed = self.inner.year_end_closure && is_year_end_closure(date);
        !(weekend || closed || self.is_holiday(date))
    }

    /// The `n`th business day after `date` (`date` itself never counts, whatever day it is; n = 0 returns `date`).
    ///
    /// The cost grows with the number of days walked, which is fine for due dates of days or
    /// weeks. Past the last date chrono can represent, the result stays on that date.
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut day = date;
        let mut remaining = n;
        while remaining > 0 {
            let Some(next) = day.succ_opt() else {
                return day;
            };
            day = next;
            if self.is_business_day(day) {
                remaining -= 1;
            }
        }
        day
    }

    /// Business days in (from, to]: 0 when equal, negative (−count in (to, from]) when `to` is before `from`.
    pub fn business_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to >= from {
            self.business_days_after(from, to)
        } else {
            -self.business_days_after(to, from)
        }
    }

    /// Business days in (start, end], with `start <= end`.
    fn business_days_after(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        let count = start
            .iter_days()
            .skip(1)
            .take_while(|day| *day <= end)
            .filter(|day| self.is_business_day(*day))
            .count();
        // A span of dates chrono can represent holds far fewer than i64::MAX days.
        i64::try_from(count).unwrap_or(i64::MAX)
    }
}

/// 29 December – 3 January, when government offices are closed (行政機関の休日に関する法律
/// 第1条第1項第3号).
fn is_year_end_closure(date: NaiveDate) -> bool {
    matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3))
}

/// Parses the Cabinet Office's format: the header line, then `YYYY/M/D,name` lines in date
/// order. Returns the holidays and the years they cover.
///
/// The checks are strict because a silently dropped or misplaced line would move due dates
/// without anyone noticing.
fn parse_holiday_csv(
    text: &str,
) -> anyhow::Result<(BTreeMap<NaiveDate, String>, RangeInclusive<i32>)> {
    // The Cabinet Office's own file has no byte order mark, but a re-encoding tool may add one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    ensure!(
        header == CSV_HEADER,
        "line 1: expected the header {CSV_HEADER:?}, found {header:?}"
    );

    let mut listed = BTreeMap::new();
    let mut previous: Option<NaiveDate> = None;
    for (index, line) in lines.enumerate() {
        let line_number = index + 2;
        let (date, name) =
            parse_holiday_line(line).with_context(|| format!("line {line_number}: {line:?}"))?;
        if let Some(previous) = previous {
            ensure!(
                date > previous,
                "line {line_number}: {date} is not after {previous}: the lines must be in date order, each date once"
            );
        }
        previous = Some(date);
        listed.insert(date, name.to_owned());
    }

    let (Some(first), Some(last)) = (listed.keys().next(), listed.keys().next_back()) else {
        bail!("the file lists no holidays");
    };
    let listed_years = first.year()..=last.year();
    // A year missing inside the range would otherwise be taken as a year without holidays.
    for year in listed_years.clone() {
        let january_first = NaiveDate::from_ymd_opt(year, 1, 1)
            .with_context(|| format!("year {year} is out of range"))?;
        ensure!(
            listed.contains_key(&january_first),
            "year {year} has no 元日 (1 January): the file must cover whole years, without gaps"
        );
    }
    Ok((listed, listed_years))
}

/// One `YYYY/M/D,name` line.
fn parse_holiday_line(line: &str) -> anyhow::Result<(NaiveDate, &str)> {
    let (date, name) = line.split_once(',').context("expected `YYYY/M/D,name`")?;
    ensure!(!name.trim().is_empty(), "the holiday has no name");
    ensure!(!name.contains(','), "expected two fields, found more");
    let mut parts = date.split('/');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        bail!("expected a date `YYYY/M/D`, found {date:?}");
    };
    let year: i32 = year.parse().with_context(|| format!("bad year {year:?}"))?;
    let month: u32 = month
        .parse()
        .with_context(|| format!("bad month {month:?}"))?;
    let day: u32 = day.parse().with_context(|| format!("bad day {day:?}"))?;
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .with_context(|| format!("{date:?} is not a date"))?;
    Ok((date, name))
}

// The rules of 国民の祝日に関する法律 as they stand since 2020, for years the CSV does not
// cover. Each function answers for one date, so no year has to be built or stored.

/// The holiday's name under the rules: a national holiday (国民の祝日), or `休日` for a
/// substitute holiday or a citizens' holiday.
fn rule_holiday_name(date: NaiveDate) -> Option<&'static str> {
    national_holiday(date).or_else(|| {
        (is_substitute_holiday(date) || is_citizens_holiday(date))
            .then_some(SUBSTITUTE_OR_CITIZENS_HOLIDAY)
    })
}

/// The national holiday (国民の祝日, Article 2) that falls on `date`, if any.
fn national_holiday(date: NaiveDate) -> Option<&'static str> {
    let day = date.day();
    let monday = |nth: u32| date.weekday() == Weekday::Mon && (day - 1) / 7 + 1 == nth;
    let name = match date.month() {
        1 if day == 1 => "元日",
        1 if monday(2) => "成人の日",
        2 if day == 11 => "建国記念の日",
        2 if day == 23 => "天皇誕生日",
        3 if i64::from(day) == equinox_day(date.year(), VERNAL_EQUINOX_BASE) => "春分の日",
        4 if day == 29 => "昭和の日",
        5 if day == 3 => "憲法記念日",
        5 if day == 4 => "みどりの日",
        5 if day == 5 => "こどもの日",
        7 if monday(3) => "海の日",
        8 if day == 11 => "山の日",
        9 if monday(3) => "敬老の日",
        9 if i64::from(day) == equinox_day(date.year(), AUTUMNAL_EQUINOX_BASE) => "秋分の日",
        10 if monday(2) => "スポーツの日",
        11 if day == 3 => "文化の日",
        11 if day == 23 => "勤労感謝の日",
        _ => return None,
    };
    Some(name)
}

/// Article 3(2): when a national holiday falls on a Sunday, the first day after it that is not
/// a national holiday is a holiday. So `date` is one when the run of national holidays just
/// before it contains a Sunday (in 2025, 4 May is a Sunday and 5 May is こどもの日, so 6 May is it).
fn is_substitute_holiday(date: NaiveDate) -> bool {
    if national_holiday(date).is_some() {
        return false;
    }
    let mut day = date;
    while let Some(before) = day.pred_opt() {
        if national_holiday(before).is_none() {
            return false;
        }
        if before.weekday() == Weekday::Sun {
            return true;
        }
        day = before;
    }
    false
}

/// Article 3(3): a day that is not a national holiday but whose day before and day after are
/// is a holiday. With today's dates this happens only on a Tuesday in September, between
/// 敬老の日 and 秋分の日 (22 September 2026).
fn is_citizens_holiday(date: NaiveDate) -> bool {
    national_holiday(date).is_none()
        && date.pred_opt().and_then(national_holiday).is_some()
        && date.succ_opt().and_then(national_holiday).is_some()
}

/// The constant of the vernal equinox formula (valid 1980–2099).
const VERNAL_EQUINOX_BASE: f64 = 20.8431;
/// The constant of the autumnal equinox formula (valid 1980–2099).
const AUTUMNAL_EQUINOX_BASE: f64 = 23.2488;

/// The day of the month (March or September) of the equinox in `year`, by the formula
/// `floor(base + 0.242194·(Y−1980) − floor((Y−1980)/4))`.
///
/// The official day is the one the National Astronomical Observatory announces in the 暦要項,
/// a year ahead; the formula agrees with every announcement 1980–2027, but it is an
/// approximation of the astronomy, so any year it gives is provisional until that year's
/// 暦要項. It drifts outside 1980–2099.
fn equinox_day(year: i32, base: f64) -> i64 {
    let years_since_1980 = year - 1980;
    // One day of drift a year, taken back by each leap day since 1980.
    let drift = (base + 0.242194 * f64::from(years_since_1980)).floor() as i64;
    drift - i64::from(years_since_1980.div_euclid(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
    }

    fn calendar(year_end_closure: bool) -> BusinessCalendar {
        BusinessCalendar::japan(year_end_closure).expect("the embedded CSV loads")
    }

    /// Every holiday of `year` by the rules alone, in date order.
    fn rule_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
        date(year, 1, 1)
            .iter_days()
            .take_while(|day| day.year() == year)
            .filter_map(|day| rule_holiday_name(day).map(|name| (day, name)))
            .collect()
    }

    /// Every holiday of `year` as the CSV lists it, in date order.
    fn listed_holidays(calendar: &BusinessCalendar, year: i32) -> Vec<(NaiveDate, &str)> {
        calendar
            .inner
            .listed
            .range(date(year, 1, 1)..=date(year, 12, 31))
            .map(|(day, name)| (*day, name.as_str()))
            .collect()
    }

    #[test]
    fn the_csv_covers_2019_to_2030() {
        let calendar = calendar(false);
        assert_eq!(calendar.inner.listed_years, 2019..=2030);
        assert_eq!(calendar.inner.listed.len(), 219);
    }

    #[test]
    fn the_rules_reproduce_the_csv_for_every_year_without_a_special_law() {
        let calendar = calendar(false);
        for year in 2022..=*calendar.inner.listed_years.end() {
            assert_eq!(
                rule_holidays(year),
                listed_holidays(&calendar, year),
                "rules and CSV disagree on {year}"
            );
        }
    }

    #[test]
    fn the_csv_has_the_special_days_of_2019_to_2021() {
        let calendar = calendar(false);
        let expected = [
            // The imperial succession: 1 May and the enthronement ceremony count as national
            // holidays, which makes 30 April and 2 May citizens' holidays.
            (date(2019, 4, 30), Some("休日")),
            (date(2019, 5, 1), Some("休日（祝日扱い）")),
            (date(2019, 5, 2), Some("休日")),
            (date(2019, 5, 6), Some("休日")),
            (date(2019, 10, 22), Some("休日（祝日扱い）")),
            (date(2019, 10, 14), Some("体育の日")),
            // No emperor's birthday in 2019: the old one had passed, the new one not yet come.
            (date(2019, 2, 23), None),
            (date(2019, 12, 23), None),
            (date(2020, 2, 23), Some("天皇誕生日")),
            (date(2020, 2, 24), Some("休日")),
            // The Olympic moves.
            (date(2020, 7, 20), None),
            (date(2020, 7, 23), Some("海の日")),
            (date(2020, 7, 24), Some("スポーツの日")),
            (date(2020, 8, 10), Some("山の日")),
            (date(2020, 8, 11), None),
            (date(2020, 10, 12), None),
            (date(2021, 7, 19), None),
            (date(2021, 7, 22), Some("海の日")),
            (date(2021, 7, 23), Some("スポーツの日")),
            (date(2021, 8, 8), Some("山の日")),
            (date(2021, 8, 9), Some("休日")),
            (date(2021, 8, 11), None),
            (date(2021, 10, 11), None),
        ];
        for (day, name) in expected {
            assert_eq!(calendar.holiday_name(day), name, "{day}");
        }
        // These years really differ from the rules, so the CSV must be what answers.
        for year in 2019..=2021 {
            assert_ne!(
                rule_holidays(year),
                listed_holidays(&calendar, year),
                "{year}"
            );
        }
    }

    #[test]
    fn the_formula_gives_the_announced_equinoxes() {
        // 暦要項 of the National Astronomical Observatory, 2019–2027.
        let announced = [
            (2019, 21, 23),
            (2020, 20, 22),
            (2021, 20, 23),
            (2022, 21, 23),
            (2023, 21, 23),
            (2024, 20, 22),
            (2025, 20, 23),
            (2026, 20, 23),
            (2027, 21, 23),
        ];
        for (year, vernal, autumnal) in announced {
            assert_eq!(equinox_day(year, VERNAL_EQUINOX_BASE), vernal, "{year}");
            assert_eq!(equinox_day(year, AUTUMNAL_EQUINOX_BASE), autumnal, "{year}");
        }
        let calendar = calendar(false);
        for (year, vernal, autumnal) in [(2028, 20, 22), (2029, 20, 23), (2030, 20, 23)] {
            assert_eq!(
                calendar.holiday_name(date(year, 3, vernal)),
                Some("春分の日")
            );
            assert_eq!(
                calendar.holiday_name(date(year, 9, autumnal)),
                Some("秋分の日")
            );
        }
    }

    #[test]
    fn known_holidays_and_working_days() {
        let calendar = calendar(false);
        let holidays = [
            date(2019, 5, 1),
            date(2019, 10, 22),
            date(2020, 7, 24),
            date(2021, 8, 9),
            date(2023, 1, 2),
            date(2024, 2, 12),
            date(2024, 9, 23),
            date(2025, 5, 6),
            date(2026, 9, 22),
            date(2027, 3, 22),
            date(2029, 9, 24),
        ];
        for day in holidays {
            assert!(calendar.is_holiday(day), "{day} should be a holiday");
            assert!(!calendar.is_business_day(day), "{day}");
        }
        let working_days = [
            date(2019, 12, 23),
            date(2020, 10, 12),
            date(2022, 12, 23),
            date(2026, 9, 24),
        ];
        for day in working_days {
            assert!(!calendar.is_holiday(day), "{day} should not be a holiday");
            assert!(calendar.is_business_day(day), "{day}");
        }
        assert_eq!(calendar.holiday_name(date(2019, 1, 1)), Some("元日"));
        assert_eq!(calendar.holiday_name(date(2026, 9, 22)), Some("休日"));
    }

    #[test]
    fn years_outside_the_csv_follow_the_rules() {
        let calendar = calendar(false);
        let expected = [
            (date(2031, 1, 1), Some("元日")),
            (date(2031, 1, 13), Some("成人の日")),
            (date(2031, 2, 24), Some("休日")),
            (date(2031, 3, 21), Some("春分の日")),
            // 4 May is a Sunday and 5 May a holiday too: the substitute is the 6th.
            (date(2031, 5, 5), Some("こどもの日")),
            (date(2031, 5, 6), Some("休日")),
            (date(2031, 7, 21), Some("海の日")),
            (date(2031, 10, 13), Some("スポーツの日")),
            (date(2031, 12, 23), None),
            // The next citizens' holiday between 敬老の日 and 秋分の日.
            (date(2032, 9, 20), Some("敬老の日")),
            (date(2032, 9, 21), Some("休日")),
            (date(2032, 9, 22), Some("秋分の日")),
            (date(2033, 3, 21), Some("休日")),
            (date(2034, 1, 2), Some("休日")),
            (date(2018, 9, 24), Some("休日")),
        ];
        for (day, name) in expected {
            assert_eq!(calendar.holiday_name(day), name, "{day}");
        }
        assert_eq!(rule_holidays(2031).len(), 19);
    }

    #[test]
    fn the_limits_of_chrono_do_not_panic() {
        let calendar = calendar(true);
        for day in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = calendar.holiday_name(day);
            let _ = calendar.is_business_day(day);
        }
        assert_eq!(
            calendar.add_business_days(NaiveDate::MAX, 3),
            NaiveDate::MAX
        );
        let near_the_end = NaiveDate::MAX - TimeDelta::days(10);
        assert_eq!(
            calendar.add_business_days(near_the_end, 100),
            NaiveDate::MAX
        );
        assert_eq!(japan_date(DateTime::<Utc>::MAX_UTC), NaiveDate::MAX);
    }

    #[test]
    fn weekends_are_skipped() {
        let calendar = calendar(true);
        // Thursday 2025-06-05.
        assert_eq!(date(2025, 6, 5).weekday(), Weekday::Thu);
        assert_eq!(
            calendar.add_business_days(date(2025, 6, 5), 1),
            date(2025, 6, 6)
        );
        assert_eq!(
            calendar.add_business_days(date(2025, 6, 5), 2),
            date(2025, 6, 9)
        );
        assert_eq!(
            calendar.add_business_days(date(2025, 6, 5), 6),
            date(2025, 6, 13)
        );
    }

    #[test]
    fn golden_week_2025() {
        let calendar = calendar(true);
        // Friday 2 May; 3–6 May are a Saturday, Sunday, こどもの日 and a substitute holiday.
        assert_eq!(date(2025, 5, 2).weekday(), Weekday::Fri);
        assert_eq!(
            calendar.add_business_days(date(2025, 5, 2), 1),
            date(2025, 5, 7)
        );
        assert_eq!(
            calendar.add_business_days(date(2025, 5, 2), 2),
            date(2025, 5, 8)
        );
    }

    #[test]
    fn silver_week_2026() {
        let calendar = calendar(true);
        // Friday 18 September, then Saturday to Wednesday off.
        assert_eq!(date(2026, 9, 18).weekday(), Weekday::Fri);
        assert_eq!(
            calendar.add_business_days(date(2026, 9, 18), 1),
            date(2026, 9, 24)
        );
        assert_eq!(
            calendar.business_days_between(date(2026, 9, 18), date(2026, 9, 24)),
            1
        );
    }

    #[test]
    fn the_year_end_closure_can_be_on_or_off() {
        let closed = calendar(true);
        let open = calendar(false);
        assert_eq!(date(2026, 12, 28).weekday(), Weekday::Mon);
        assert_eq!(
            closed.add_business_days(date(2026, 12, 28), 1),
            date(2027, 1, 4)
        );
        assert_eq!(
            open.add_business_days(date(2026, 12, 28), 1),
            date(2026, 12, 29)
        );
        for day in [date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)] {
            assert!(!closed.is_business_day(day), "{day}");
            assert!(open.is_business_day(day), "{day}");
            assert!(
                !closed.is_holiday(day),
                "the closure is not a national holiday"
            );
        }
        // 2 January is never a national holiday in 2026, but it is in 2023 (元日 on a Sunday).
        assert!(open.is_business_day(date(2026, 1, 2)));
        assert!(!closed.is_business_day(date(2026, 1, 2)));
        assert!(!open.is_business_day(date(2023, 1, 2)));
        assert_eq!(
            open.business_days_between(date(2026, 12, 28), date(2027, 1, 4)),
            4
        );
        assert_eq!(
            closed.business_days_between(date(2026, 12, 28), date(2027, 1, 4)),
            1
        );
    }

    #[test]
    fn a_receipt_on_a_saturday_counts_from_monday() {
        let calendar = calendar(true);
        assert_eq!(date(2025, 6, 7).weekday(), Weekday::Sat);
        assert_eq!(
            calendar.add_business_days(date(2025, 6, 7), 1),
            date(2025, 6, 9)
        );
        assert_eq!(
            calendar.add_business_days(date(2025, 6, 7), 3),
            date(2025, 6, 11)
        );
        // On a Saturday before a Monday holiday (2024-02-12), Tuesday is the first.
        assert_eq!(date(2024, 2, 10).weekday(), Weekday::Sat);
        assert_eq!(
            calendar.add_business_days(date(2024, 2, 10), 1),
            date(2024, 2, 13)
        );
    }

    #[test]
    fn zero_days_returns_the_date_itself() {
        let calendar = calendar(true);
        for day in [
            date(2025, 6, 6),
            date(2025, 6, 7),
            date(2025, 5, 5),
            date(2026, 12, 30),
        ] {
            assert_eq!(calendar.add_business_days(day, 0), day);
            assert_eq!(calendar.business_days_between(day, day), 0);
        }
    }

    #[test]
    fn business_days_between_counts_both_ways() {
        let calendar = calendar(true);
        assert_eq!(
            calendar.business_days_between(date(2025, 5, 2), date(2025, 5, 7)),
            1
        );
        assert_eq!(
            calendar.business_days_between(date(2025, 5, 7), date(2025, 5, 2)),
            -1
        );
        // Within Golden Week no business day is passed, in either direction.
        assert_eq!(
            calendar.business_days_between(date(2025, 5, 3), date(2025, 5, 6)),
            0
        );
        assert_eq!(
            calendar.business_days_between(date(2025, 5, 6), date(2025, 5, 3)),
            0
        );
        // (to, from] when going back: Friday 2025-06-13 back to Friday 2025-06-06.
        assert_eq!(
            calendar.business_days_between(date(2025, 6, 13), date(2025, 6, 6)),
            -5
        );
        assert_eq!(
            calendar.business_days_between(date(2025, 6, 6), date(2025, 6, 13)),
            5
        );
    }

    #[test]
    fn adding_and_counting_business_days_agree() {
        for year_end_closure in [false, true] {
            let calendar = calendar(year_end_closure);
            for start in date(2025, 12, 1).iter_days().take(800).step_by(3) {
                for n in [1, 2, 5, 13] {
                    let due = calendar.add_business_days(start, n);
                    assert!(calendar.is_business_day(due), "{start} + {n}");
                    assert_eq!(calendar.business_days_between(start, due), i64::from(n));
                    assert_eq!(calendar.business_days_between(due, start), -i64::from(n));
                }
            }
        }
    }

    #[test]
    fn japan_date_turns_at_15_00_utc() {
        let at = |text: &str| {
            DateTime::parse_from_rfc3339(text)
                .expect("an RFC 3339 instant")
                .with_timezone(&Utc)
        };
        assert_eq!(japan_date(at("2026-03-31T14:59:59Z")), date(2026, 3, 31));
        assert_eq!(japan_date(at("2026-03-31T15:00:00Z")), date(2026, 4, 1));
        assert_eq!(japan_date(at("2026-12-31T15:00:00Z")), date(2027, 1, 1));
        assert_eq!(
            japan_date(at("2027-01-01T00:00:00+09:00")),
            date(2027, 1, 1)
        );
        assert_eq!(
            japan_date(at("2026-12-31T23:59:59+09:00")),
            date(2026, 12, 31)
        );
        assert_eq!(japan_midnight(date(2026, 4, 1)), at("2026-03-31T15:00:00Z"));
    }

    #[test]
    fn the_fiscal_year_starts_on_1_april() {
        assert_eq!(fiscal_year(date(2027, 3, 31)), 2026);
        assert_eq!(fiscal_year(date(2027, 4, 1)), 2027);
        assert_eq!(fiscal_year(date(2027, 1, 1)), 2026);
        assert_eq!(fiscal_year(date(2026, 12, 31)), 2026);
        assert_eq!(
            fiscal_year_bounds(2026),
            Some((date(2026, 4, 1), date(2027, 3, 31)))
        );
    }

    #[test]
    fn bad_csv_is_rejected_with_the_line() {
        let error = |text: &str| {
            format!(
                "{:#}",
                parse_holiday_csv(text).expect_err("the CSV should be rejected")
            )
        };
        let header = CSV_HEADER;
        assert!(error("").contains("line 1"));
        assert!(error("date,name\n2026/1/1,元日\n").contains("line 1"));
        assert!(error(&format!("{header}\n")).contains("no holidays"));
        assert!(
            error(&format!("{header}\n2026/1/1,元日\n2026-05-03,憲法記念日\n")).contains("line 3")
        );
        assert!(error(&format!("{header}\n2026/1/1,元日\n2026/2/30,休日\n")).contains("line 3"));
        assert!(error(&format!("{header}\n2026/1/1,元日\n2026/5/3\n")).contains("line 3"));
        assert!(error(&format!("{header}\n2026/1/1,元日\n2026/5/3,\n")).contains("line 3"));
        assert!(error(&format!("{header}\n2026/1/1,元日\n2026/5/3,a,b\n")).contains("line 3"));
        let out_of_order = error(&format!("{header}\n2026/5/3,憲法記念日\n2026/1/1,元日\n"));
        assert!(out_of_order.contains("line 3") && out_of_order.contains("date order"));
        let twice = error(&format!("{header}\n2026/1/1,元日\n2026/1/1,元日\n"));
        assert!(twice.contains("line 3"));
        let gap = error(&format!("{header}\n2026/1/1,元日\n2028/1/1,元日\n"));
        assert!(gap.contains("2027"), "{gap}");

        let (listed, years) = parse_holiday_csv(&format!(
            "\u{feff}{header}\r\n2026/1/1,元日\r\n2026/9/22,休日\r\n"
        ))
        .expect("a BOM and CRLF line ends are accepted");
        assert_eq!(years, 2026..=2026);
        assert_eq!(
            listed.get(&date(2026, 9, 22)).map(String::as_str),
            Some("休日")
        );
    }
}
