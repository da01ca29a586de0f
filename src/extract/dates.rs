//! The date extractor: where dates get parsed.
//!
//! Finds, in normalised text:
//! - day, month and year with Arabic (Egyptian, Levantine, Maghrebi) or English month names:
//!   `20 سبتمبر 2023`, `20 أيلول 2023`, `20th, September 2023`, `September 20, 2023`, `Aug 17`;
//! - month and year (`تشرين الأول 2023`), month with a relative year (`تشرين الأول من السنة
//!   الجارية`), and ranges (`من 31 مارس إلى 2 أبريل`);
//! - Hijri dates (`25 شوال 1436 هـ`), converted with the arithmetical (tabular) calendar, and the
//!   Gregorian date that often follows them (`الموافق 10 أغسطس 2015 م`), which wins when given;
//! - relative dates (اليوم، أمس، غدا، الشهر المقبل) and weekdays, resolved against the publication
//!   date and flagged `inferred`.
//!
//! A year or day taken from the publication date is `inferred`; with no publication date a
//! yearless date stays yearless (`--03-31`).

use super::anchored::{Caps, Group, Pattern, StartFinder};
use super::{Analysis, Extractor, Mention, MentionKind};
use crate::document::{civil_from_days, days_from_civil, PartialDate};
use std::sync::OnceLock;

/// Finds dates.
pub struct DateExtractor;

const MONTHS: &[(&str, u8)] = &[
    ("كانون الثاني", 1),
    ("كانون الاول", 12),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("يناير", 1),
    ("جانفي", 1),
    ("فبراير", 2),
    ("شباط", 2),
    ("فيفري", 2),
    ("مارس", 3),
    ("اذار", 3),
    ("ابريل", 4),
    ("نيسان", 4),
    ("افريل", 4),
    ("مايو", 5),
    ("ايار", 5),
    ("ماي", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("حزيران", 6),
    ("جوان", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("تموز", 7),
    ("جويليه", 7),
    ("اغسطس", 8),
    ("اوت", 8),
    ("اب", 8),
    ("سبتمبر", 9),
    ("ايلول", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const HIJRI_MONTHS: &[(&str, u8)] = &[
    ("ربيع الاول", 3),
    ("ربيع الثاني", 4),
    ("ربيع الاخر", 4),
    ("جمادي الاولي", 5),
    ("جمادي الاول", 5),
    ("جمادي الاخره", 6),
    ("جمادي الثانيه", 6),
    ("جمادي الاخر", 6),
    ("ذو القعده", 11),
    ("ذي القعده", 11),
    ("ذو الحجه", 12),
    ("ذي الحجه", 12),
    ("محرم", 1),
    ("صفر", 2),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
];

/// Ordinal day numbers written in words (normalised), as in `التاسع عشر من أيار`.
const ORDINALS: &[(&str, u8)] = &[
    ("الحادي والثلاثين", 31),
    ("الثلاثين", 30),
    ("التاسع والعشرين", 29),
    ("الثامن والعشرين", 28),
    ("السابع والعشرين", 27),
    ("السادس والعشرين", 26),
    ("الخامس والعشرين", 25),
    ("الرابع والعشرين", 24),
    ("الثالث والعشرين", 23),
    ("الثاني والعشرين", 22),
    ("الحادي والعشرين", 21),
    ("العشرين", 20),
    ("التاسع عشر", 19),
    ("الثامن عشر", 18),
    ("السابع عشر", 17),
    ("السادس عشر", 16),
    ("الخامس عشر", 15),
    ("الرابع عشر", 14),
    ("الثالث عشر", 13),
    ("الثاني عشر", 12),
    ("الحادي عشر", 11),
    ("العاشر", 10),
    ("التاسع", 9),
    ("الثامن", 8),
    ("السابع", 7),
    ("السادس", 6),
    ("الخامس", 5),
    ("الرابع", 4),
    ("الثالث", 3),
    ("الثاني", 2),
    ("الاول", 1),
];

const WEEKDAYS: &[(&str, u8)] = &[
    ("الاثنين", 0),
    ("الثلاثاء", 1),
    ("الاربعاء", 2),
    ("الخميس", 3),
    ("الجمعه", 4),
    ("السبت", 5),
    ("الاحد", 6),
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

/// True when the normalised words name a weekday (الأربعاء، with or without the article) or a
/// month (آب، كانون الثاني): the glosses news writes in brackets after a date.
pub(crate) fn is_calendar_name(words: &str) -> bool {
    let bare = words.strip_prefix("ال").unwrap_or(words);
    MONTHS
        .iter()
        .any(|(m, _)| *m == words && !matches!(*m, "الثاني" | "الاول"))
        || WEEKDAYS
            .iter()
            .any(|(d, _)| *d == words || d.strip_prefix("ال") == Some(bare))
}

fn alternation(table: &[(&str, u8)]) -> String {
    let mut names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn lookup(table: &[(&str, u8)], name: &str) -> Option<u8> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    table.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// The patterns, searched only where a match can start (see [`starts`]).
struct Patterns {
    ordinal: Pattern,
    hijri: Pattern,
    range: Pattern,
    dmy: Pattern,
    mdy: Pattern,
    month_year: Pattern,
    month_relative: Pattern,
    weekday: Pattern,
    starts: StartFinder,
}

// The bit of each pattern among the places where matches can start.
const ORDINAL: u32 = 1;
const HIJRI: u32 = 1 << 1;
const RANGE: u32 = 1 << 2;
const DMY: u32 = 1 << 3;
const MDY: u32 = 1 << 4;
const MONTH_YEAR: u32 = 1 << 5;
const MONTH_RELATIVE: u32 = 1 << 6;
const WEEKDAY: u32 = 1 << 7;

/// What each pattern begins with after its boundary `{b}`: a digit (hijri, dmy), or the first
/// word of one of its alternatives. Must be kept in step with the patterns: a pattern that
/// could begin with anything else would miss those matches.
fn starts() -> StartFinder {
    let first_word = |name: &'static str| name.split(' ').next().unwrap_or(name);
    let mut words: Vec<(&str, u32)> = vec![
        ("يوم", ORDINAL | WEEKDAY),
        ("شهر", MONTH_YEAR | MONTH_RELATIVE),
    ];
    for w in ["من", "بين", "from", "between"] {
        words.push((w, RANGE));
    }
    for (table, mask) in [
        (MONTHS, MDY | MONTH_YEAR | MONTH_RELATIVE),
        (ORDINALS, ORDINAL),
        (WEEKDAYS, WEEKDAY),
    ] {
        words.extend(table.iter().map(|(name, _)| (first_word(name), mask)));
    }
    StartFinder::new(&words, HIJRI | DMY)
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let m = alternation(MONTHS);
        let h = alternation(HIJRI_MONTHS);
        let w = alternation(WEEKDAYS);
        // a boundary that works for Arabic letters too
        let b = r"(?:^|[^\p{L}\p{N}])";
        let e = r"(?:[^\p{L}\p{N}]|$)";
        let day = r"(\d{1,2})(?:st|nd|rd|th)?";
        let year = r"(?:\s*,?\s*(?:(?:من\s+)?(?:عام|سنه|العام)\s+)?(\d{4})(?:\s*م(?:[^\p{L}]|$))?)?";
        let o = alternation(ORDINALS);
        Patterns {
            ordinal: Pattern::new(&format!(
                r"{b}(?:يوم\s+)?({o})\s+(?:من\s+)?(?:شهر\s+)?({m})(?:\s+(الجاري|الحالي|المقبل|القادم|الماضي))?{year}{e}"
            ), ORDINAL)
            .unwrap(),
            hijri: Pattern::new(&format!(
                r"{b}(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({h})\s+(?:(?:من\s+)?(?:عام|سنه)\s+)?(\d{{4}})\s*ه?{e}(?:\s*(?:الموافق|الموافقه|الموافق\s+ل)\s+{day}\s+(?:من\s+)?(?:شهر\s+)?({m})\s*,?\s*(\d{{4}})?\s*م?{e})?"
            ), HIJRI)
            .unwrap(),
            range: Pattern::new(&format!(
                r"{b}(?:من|بين|from|between)\s+{day}\s*(?:({m})\s*)?(?:الي|حتي|و|to|until|and|-)\s*{day}\s+(?:من\s+)?(?:شهر\s+)?({m}){year}{e}"
            ), RANGE)
            .unwrap(),
            dmy: Pattern::new(&format!(r"{b}{day}\s*,?\s*(?:من\s+)?(?:شهر\s+)?({m}){year}{e}"), DMY).unwrap(),
            mdy: Pattern::new(&format!(r"{b}({m})\.?\s+{day}(?:\s*,\s*|\s+)?(\d{{4}})?{e}"), MDY).unwrap(),
            month_year: Pattern::new(&format!(r"{b}(?:شهر\s+)?({m})\s*,?\s*(?:(?:من\s+)?(?:عام|سنه|العام)\s+)?(\d{{4}}){e}"), MONTH_YEAR).unwrap(),
            month_relative: Pattern::new(&format!(
                r"{b}(?:شهر\s+)?({m})\s+(?:(?:من|في)\s+)?(السنه\s+الجاريه|العام\s+الجاري|هذا\s+العام|العام\s+الحالي|السنه\s+الحاليه|العام\s+المقبل|السنه\s+المقبله|العام\s+القادم|العام\s+الماضي|السنه\s+الماضيه|الجاري|الحالي|المقبل|القادم|الماضي|this\s+year|next\s+year|last\s+year){e}"
            ), MONTH_RELATIVE)
            .unwrap(),
            weekday: Pattern::new(&format!(r"{b}(?:يوم\s+)?({w})(?:\s+(المقبل|القادم|الماضي|next|last))?{e}"), WEEKDAY).unwrap(),
            starts: starts(),
        }
    })
}

/// Converts a date of the tabular Islamic calendar to the Gregorian calendar.
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> PartialDate {
    let y = year as i64;
    let m = month as i64;
    let jdn = day as i64
        + ((59 * (m - 1) + 1) / 2)
        + (y - 1) * 354
        + (3 + 11 * y).div_euclid(30)
        + 1948439;
    let (gy, gm, gd) = civil_from_days(jdn - 2440588);
    PartialDate::ymd(gy, gm, gd)
}

fn year_of(s: Option<Group<'_>>) -> Option<i32> {
    s.and_then(|m| m.as_str().parse().ok())
        .filter(|y| (1000..=2999).contains(y))
}

fn day_of(s: Option<Group<'_>>) -> Option<u8> {
    s.and_then(|m| m.as_str().parse().ok())
        .filter(|d| (1..=31).contains(d))
}

/// A date found at a byte range of the normalised text.
struct Found<'w> {
    range: (usize, usize),
    start: PartialDate,
    end: Option<PartialDate>,
    inferred: bool,
    why: &'w str,
}

impl DateExtractor {
    fn push(
        &self,
        a: &Analysis<'_>,
        out: &mut Vec<Mention>,
        taken: &mut Vec<(usize, usize)>,
        found: Found<'_>,
    ) {
        let Found {
            range,
            start,
            end,
            inferred,
            why,
        } = found;
        if !start.is_valid() || end.is_some_and(|e| !e.is_valid()) {
            return;
        }
        if taken.iter().any(|&(s, e)| range.0 < e && s < range.1) {
            return;
        }
        let toks = &a.seg.tokens;
        let first = toks.partition_point(|t| t.end <= range.0);
        let last = toks.partition_point(|t| t.start < range.1);
        if first >= last {
            return;
        }
        taken.push(range);
        out.push(Mention::over(
            a,
            first,
            last,
            MentionKind::Date {
                start,
                end,
                inferred,
            },
            self.name(),
            why.to_string(),
        ));
    }

    /// Completes a yearless date with the publication year (inferred), or leaves it yearless.
    fn with_year(
        pub_date: Option<PartialDate>,
        month: u8,
        day: Option<u8>,
        year: Option<i32>,
    ) -> (PartialDate, bool) {
        match (year, pub_date.and_then(|p| p.year)) {
            (Some(y), _) => (
                PartialDate {
                    year: Some(y),
                    month: Some(month),
                    day,
                },
                false,
            ),
            (None, Some(py)) => (
                PartialDate {
                    year: Some(py),
                    month: Some(month),
                    day,
                },
                true,
            ),
            (None, None) => (
                PartialDate {
                    year: None,
                    month: Some(month),
                    day,
                },
                false,
            ),
        }
    }
}

/// Trims the boundary character a pattern consumed at its start or end.
fn inner(m: &Caps<'_>, text: &str) -> (usize, usize) {
    let whole = m.get(0).unwrap();
    let mut s = whole.start();
    let mut e = whole.end();
    if let Some(c) = text[s..e].chars().next() {
        if !c.is_alphanumeric() {
            s += c.len_utf8();
        }
    }
    if let Some(c) = text[s..e].chars().next_back() {
        if !c.is_alphanumeric() {
            e -= c.len_utf8();
        }
    }
    (s, e)
}

impl Extractor for DateExtractor {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        let p = patterns();
        let text = &a.norm.text;
        let pub_date = a.published();
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let starts = p.starts.find(text);

        for c in p.hijri.captures_iter(text, &starts) {
            let r = inner(&c, text);
            let (Some(d), Some(m), Some(y)) = (
                day_of(c.get(1)),
                lookup(HIJRI_MONTHS, &c[2]),
                year_of(c.get(3)),
            ) else {
                continue;
            };
            let hijri = hijri_to_gregorian(y, m, d);
            let given = match (
                day_of(c.get(4)),
                c.get(5).and_then(|g| lookup(MONTHS, g.as_str())),
                year_of(c.get(6)),
            ) {
                (Some(gd), Some(gm), gy) => Some(PartialDate {
                    year: gy.or(hijri.year),
                    month: Some(gm),
                    day: Some(gd),
                }),
                _ => None,
            };
            // the Gregorian date the text gives wins; the Hijri one must agree within two days
            let (date, why) = match given {
                Some(g) if g.is_valid() => {
                    let agrees = match (g.add_days(0), hijri.add_days(0)) {
                        (Some(x), Some(h)) => {
                            let dx =
                                days_from_civil(x.year.unwrap(), x.month.unwrap(), x.day.unwrap());
                            let dh =
                                days_from_civil(h.year.unwrap(), h.month.unwrap(), h.day.unwrap());
                            (dx - dh).abs() <= 2
                        }
                        _ => false,
                    };
                    (
                        g,
                        if agrees {
                            "Hijri date with its Gregorian equivalent"
                        } else {
                            "Gregorian date given beside a Hijri date that disagrees with it"
                        },
                    )
                }
                _ => (hijri, "Hijri date converted (tabular calendar)"),
            };
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range: r,
                    start: date,
                    end: None,
                    inferred: false,
                    why,
                },
            );
        }
        for c in p.ordinal.captures_iter(text, &starts) {
            let r = inner(&c, text);
            let (Some(d), Some(m)) = (lookup(ORDINALS, &c[1]), lookup(MONTHS, &c[2])) else {
                continue;
            };
            let year = year_of(c.get(4)).or_else(|| {
                let py = pub_date?.year?;
                let pm = pub_date?.month?;
                Some(match c.get(3).map(|x| x.as_str()) {
                    Some("المقبل" | "القادم") if m <= pm => py + 1,
                    Some("الماضي") if m >= pm => py - 1,
                    _ => py,
                })
            });
            let inferred = c.get(4).is_none() && year.is_some();
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range: r,
                    start: PartialDate {
                        year,
                        month: Some(m),
                        day: Some(d),
                    },
                    end: None,
                    inferred,
                    why: "ordinal day and month",
                },
            );
        }
        for c in p.range.captures_iter(text, &starts) {
            let r = inner(&c, text);
            let (Some(d1), Some(d2)) = (day_of(c.get(1)), day_of(c.get(3))) else {
                continue;
            };
            let Some(m2) = lookup(MONTHS, &c[4]) else {
                continue;
            };
            let m1 = c
                .get(2)
                .and_then(|m| lookup(MONTHS, m.as_str()))
                .unwrap_or(m2);
            let y = year_of(c.get(5));
            let (s, i1) = Self::with_year(pub_date, m1, Some(d1), y);
            let (e, i2) = Self::with_year(pub_date, m2, Some(d2), y);
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range: r,
                    start: s,
                    end: Some(e),
                    inferred: i1 || i2,
                    why: "date range",
                },
            );
        }
        for c in p.dmy.captures_iter(text, &starts) {
            let r = inner(&c, text);
            let (Some(d), Some(m)) = (day_of(c.get(1)), lookup(MONTHS, &c[2])) else {
                continue;
            };
            // "اب" (August) is also a common word: only with a year
            if &c[2] == "اب" && c.get(3).is_none() {
                continue;
            }
            let (date, inferred) = Self::with_year(pub_date, m, Some(d), year_of(c.get(3)));
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range: r,
                    start: date,
                    end: None,
                    inferred,
                    why: "day and month",
                },
            );
        }
        for c in p.mdy.captures_iter(text, &starts) {
            let r = inner(&c, text);
            let name = &c[1];
            // English month names only, and "may" only with a year (it is also a verb)
            if !name.is_ascii() || (name == "may" && c.get(3).is_none()) {
                continue;
            }
            let (Some(m), Some(d)) = (lookup(MONTHS, name), day_of(c.get(2))) else {
                continue;
            };
            let (date, inferred) = Self::with_year(pub_date, m, Some(d), year_of(c.get(3)));
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range: r,
                    start: date,
                    end: None,
                    inferred,
                    why: "month and day",
                },
            );
        }
        for c in p.month_year.captures_iter(text, &starts) {
            let r = inner(&c, text);
            let (Some(m), Some(y)) = (lookup(MONTHS, &c[1]), year_of(c.get(2))) else {
                continue;
            };
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range: r,
                    start: PartialDate {
                        year: Some(y),
                        month: Some(m),
                        day: None,
                    },
                    end: None,
                    inferred: false,
                    why: "month and year",
                },
            );
        }
        for c in p.month_relative.captures_iter(text, &starts) {
            let r = inner(&c, text);
            let Some(m) = lookup(MONTHS, &c[1]) else {
                continue;
            };
            if &c[1] == "may" || &c[1] == "اب" {
                continue;
            }
            let Some(pd) = pub_date else { continue };
            let Some(py) = pd.year else { continue };
            let rel = c[2].split_whitespace().collect::<Vec<_>>().join(" ");
            let year = match rel.as_str() {
                "العام المقبل" | "السنه المقبله" | "العام القادم" | "next year" => {
                    py + 1
                }
                "العام الماضي" | "السنه الماضيه" | "last year" => py - 1,
                // "أيار المقبل": the next May from the publication date
                "المقبل" | "القادم" => match pd.month {
                    Some(pm) if m <= pm => py + 1,
                    _ => py,
                },
                "الماضي" => match pd.month {
                    Some(pm) if m >= pm => py - 1,
                    _ => py,
                },
                _ => py,
            };
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range: r,
                    start: PartialDate {
                        year: Some(year),
                        month: Some(m),
                        day: None,
                    },
                    end: None,
                    inferred: true,
                    why: "month with a relative year",
                },
            );
        }
        if let Some(pd) = pub_date.filter(PartialDate::is_full) {
            for c in p.weekday.captures_iter(text, &starts) {
                let r = inner(&c, text);
                let Some(wd) = lookup(WEEKDAYS, &c[1]) else {
                    continue;
                };
                // اليوم الثلاثاء، غداً الأربعاء: the weekday repeats a relative date
                let before = text[..r.0].trim_end();
                if ["اليوم", "غدا", "امس", "today", "tomorrow", "yesterday"]
                    .iter()
                    .any(|w| before.ends_with(w))
                {
                    continue;
                }
                let pwd = pd.weekday().unwrap_or(0);
                let forward = matches!(
                    c.get(2).map(|m| m.as_str()),
                    Some("المقبل" | "القادم" | "next")
                );
                let back = matches!(c.get(2).map(|m| m.as_str()), Some("الماضي" | "last"));
                let delta = if forward {
                    let d = (wd as i64 - pwd as i64).rem_euclid(7);
                    if d == 0 {
                        7
                    } else {
                        d
                    }
                } else {
                    let d = -((pwd as i64 - wd as i64).rem_euclid(7));
                    if back && d == 0 {
                        -7
                    } else {
                        d
                    }
                };
                if let Some(date) = pd.add_days(delta) {
                    self.push(
                        a,
                        out,
                        &mut taken,
                        Found {
                            range: r,
                            start: date,
                            end: None,
                            inferred: true,
                            why: "weekday near the publication date",
                        },
                    );
                }
            }
        }
        // relative cue words: اليوم، أمس، غدا، الشهر المقبل
        let Some(pd) = pub_date else { return };
        let cues: Vec<(usize, usize, String)> = out
            .iter()
            .filter_map(|m| match m.kind {
                MentionKind::Cue(c) => Some((m.first, m.last, a.dict.cues[c as usize].cue.clone())),
                _ => None,
            })
            .collect();
        for (first, last, cue) in cues {
            let date = match cue.as_str() {
                "today" => Some(pd),
                "yesterday" => pd.add_days(-1),
                "day_before_yesterday" => pd.add_days(-2),
                "tomorrow" => pd.add_days(1),
                "this_month" => Some(PartialDate { day: None, ..pd }),
                "next_month" | "last_month" => pd.year.zip(pd.month).map(|(y, m)| {
                    let idx = y * 12 + m as i32 - 1 + if cue == "next_month" { 1 } else { -1 };
                    PartialDate {
                        year: Some(idx.div_euclid(12)),
                        month: Some((idx.rem_euclid(12) + 1) as u8),
                        day: None,
                    }
                }),
                "this_year" => Some(PartialDate {
                    year: pd.year,
                    month: None,
                    day: None,
                }),
                "next_year" => pd.year.map(|y| PartialDate {
                    year: Some(y + 1),
                    month: None,
                    day: None,
                }),
                "last_year" => pd.year.map(|y| PartialDate {
                    year: Some(y - 1),
                    month: None,
                    day: None,
                }),
                _ => None,
            };
            let Some(date) = date else { continue };
            let range = (a.seg.tokens[first].start, a.seg.tokens[last - 1].end);
            self.push(
                a,
                out,
                &mut taken,
                Found {
                    range,
                    start: date,
                    end: None,
                    inferred: true,
                    why: &format!("relative date ({cue})"),
                },
            );
        }
    }
}

/// Parses the first date with a year in a short text (a publication line, a JSON field):
/// `20th, September 2023 GMT`, `10 أغسطس 2015`, `September 20, 2023`, `25 شوال 1436 هـ`.
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let norm = crate::normalize::normalize(text);
    if let Some(d) = PartialDate::parse(norm.trim().get(..10).unwrap_or(norm.trim()))
        .filter(PartialDate::is_full)
    {
        return Some(d);
    }
    let p = patterns();
    if let Some(c) = p.hijri.captures(&norm) {
        if let (Some(gd), Some(gm), Some(gy)) = (
            day_of(c.get(4)),
            c.get(5).and_then(|g| lookup(MONTHS, g.as_str())),
            year_of(c.get(6)),
        ) {
            return Some(PartialDate::ymd(gy, gm, gd)).filter(PartialDate::is_valid);
        }
        if let (Some(d), Some(m), Some(y)) = (
            day_of(c.get(1)),
            lookup(HIJRI_MONTHS, &c[2]),
            year_of(c.get(3)),
        ) {
            return Some(hijri_to_gregorian(y, m, d));
        }
    }
    if let Some(c) = p.dmy.captures(&norm) {
        if let (Some(d), Some(m), Some(y)) =
            (day_of(c.get(1)), lookup(MONTHS, &c[2]), year_of(c.get(3)))
        {
            return Some(PartialDate::ymd(y, m, d)).filter(PartialDate::is_valid);
        }
    }
    if let Some(c) = p.mdy.captures(&norm) {
        if let (Some(m), Some(d)) = (lookup(MONTHS, &c[1]), day_of(c.get(2))) {
            let y = year_of(c.get(3));
            let date = PartialDate {
                year: y,
                month: Some(m),
                day: Some(d),
            };
            return date.is_valid().then_some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hijri_conversion_is_within_a_day_of_the_official_calendar() {
        // 25 Shawwal 1436 was 10 August 2015 (Umm al-Qura); 1 Muharram 1445 was 19 July 2023
        for ((y, m, d), want) in [
            ((1436, 10, 25), (2015, 8, 10)),
            ((1445, 1, 1), (2023, 7, 19)),
        ] {
            let g = hijri_to_gregorian(y, m, d);
            let got = days_from_civil(g.year.unwrap(), g.month.unwrap(), g.day.unwrap());
            let exp = days_from_civil(want.0, want.1, want.2);
            assert!((got - exp).abs() <= 1, "{y}-{m}-{d} gave {g}");
        }
    }
}
