//! The document model: an article as read, with its metadata, and partial dates.
//!
//! Offsets everywhere in newsgraph are counted in Unicode scalar values (`char`s) of the
//! original text as read, so that Python's `text[start:end]` gives back the evidence.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One news article.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Stable id: for a page `<stem>` for the first article and `<stem>#2`… for the next ones.
    pub id: String,
    /// The first line of the article.
    pub title: String,
    /// The article's text exactly as read (title, metadata lines and body).
    pub text: String,
    /// Char offset of `text` inside the input it was read from (the page or the JSONL field).
    pub base: usize,
    /// The publication date the article states for itself, if any.
    pub published: Option<PartialDate>,
    /// The dateline (`موسكو-سانا`, `بريدة 25 شوال 1436 هـ ... واس`), if any.
    pub dateline: Option<Dateline>,
    /// The source line's content (`المصدر: RT` → `RT`), if any.
    pub source: Option<String>,
    /// Char range of the source line's content in `text`.
    pub source_span: Option<(usize, usize)>,
    /// `ar` or `en`, guessed from the script of the text.
    pub language: String,
    /// Where the article came from (a path, `<stdin>`, or a JSONL location).
    pub origin: String,
    /// The article's URL, when the input gave one.
    pub url: Option<String>,
}

/// A dateline: the place an article was filed from and the agency that filed it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dateline {
    /// The place as written (`موسكو`).
    pub place: Option<String>,
    /// The agency as written (`سانا`).
    pub agency: Option<String>,
    /// A date stated in the dateline itself.
    pub date: Option<PartialDate>,
    /// Char range of the dateline in the document's text.
    pub span: (usize, usize),
}

/// A calendar date of which any part may be unknown (`2023-10`, `--03-31`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PartialDate {
    /// Year, if known.
    pub year: Option<i32>,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date.
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses ISO 8601 partial forms: `2023`, `2023-10`, `2023-10-05`, `--03-31`, `--03`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("--") {
            let mut parts = rest.split('-');
            let month: u8 = parts.next()?.parse().ok()?;
            let day = match parts.next() {
                Some(d) => Some(d.parse::<u8>().ok()?),
                None => None,
            };
            if parts.next().is_some() {
                return None;
            }
            let d = PartialDate {
                year: None,
                month: Some(month),
                day,
            };
            return d.is_valid().then_some(d);
        }
        let mut parts = s.split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().ok()?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 && month.is_some() => Some(d.parse::<u8>().ok()?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let d = PartialDate {
            year: Some(year),
            month,
            day,
        };
        d.is_valid().then_some(d)
    }

    /// True when the known parts form a possible date.
    pub fn is_valid(&self) -> bool {
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return false;
            }
            if let Some(d) = self.day {
                let max = days_in_month(self.year.unwrap_or(2000), m);
                if d == 0 || d > max {
                    return false;
                }
            }
        } else if self.day.is_some() {
            return false;
        }
        self.year.is_some() || self.month.is_some()
    }

    /// True when year, month and day are all known.
    pub fn is_full(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// The date `days` days later (negative for earlier); only for full dates.
    pub fn add_days(&self, days: i64) -> Option<Self> {
        let (y, m, d) = (self.year?, self.month?, self.day?);
        let n = days_from_civil(y, m, d) + days;
        let (y, m, d) = civil_from_days(n);
        Some(PartialDate::ymd(y, m, d))
    }

    /// Day of the week, 0 = Monday … 6 = Sunday; only for full dates.
    pub fn weekday(&self) -> Option<u8> {
        let n = days_from_civil(self.year?, self.month?, self.day?);
        Some(((n + 3).rem_euclid(7)) as u8)
    }

    /// True when the two dates cannot be told apart by what both know.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        fn ok<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        ok(self.year, other.year) && ok(self.month, other.month) && ok(self.day, other.day)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => write!(f, ""),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 partial date: {s:?}")))
    }
}

/// Number of days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The Gregorian date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_partial_dates() {
        for s in ["2023-09-20", "2023-10", "2023", "--03-31", "--04"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        for bad in [
            "2023-13",
            "2023-02-30",
            "23-01-01",
            "--00-01",
            "2023-1-1",
            "x",
        ] {
            assert!(
                PartialDate::parse(bad).is_none(),
                "{bad} should be rejected"
            );
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = PartialDate::ymd(2024, 2, 28);
        assert_eq!(d.add_days(1).unwrap().to_string(), "2024-02-29");
        assert_eq!(d.add_days(2).unwrap().to_string(), "2024-03-01");
        assert_eq!(
            PartialDate::ymd(2023, 1, 1)
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2022-12-31"
        );
        // 2023-09-20 was a Wednesday (Monday = 0)
        assert_eq!(PartialDate::ymd(2023, 9, 20).weekday(), Some(2));
    }

    #[test]
    fn compatibility_ignores_unknown_parts() {
        let a = PartialDate::parse("--03-31").unwrap();
        assert!(a.compatible(&PartialDate::ymd(2024, 3, 31)));
        assert!(!a.compatible(&PartialDate::ymd(2024, 4, 1)));
    }
}
