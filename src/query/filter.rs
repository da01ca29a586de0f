//! The filter every query shares: with whom, from and to which date, where, which event types
//! and modalities.
//!
//! Dates are ISO 8601 partial dates and stand for every day they may mean: `2023` is
//! 2023-01-01..2023-12-31, `2023-10` is 2023-10-01..2023-10-31. An event matches `--from` /
//! `--to` when the days it may have happened on overlap the days asked for. A date without a
//! year (`--03-31`, on either side) is compared by month and day only; a `--12-01` … `--01-31`
//! range wraps over the new year. Undated events never match a date filter.
//!
//! A place matches an event located there or anywhere within it, following `located_in` links
//! (Moscow lies within Russia).

use super::find::find_entity;
use crate::document::{days_from_civil, days_in_month, PartialDate};
use crate::error::{Error, Result};
use crate::graph::{EventDate, KnowledgeGraph, NodeData};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::HashSet;

/// Event types of the ontology (a graph may hold more as it grows; those are accepted too).
pub const EVENT_TYPES: &[&str] = &["meet", "talks", "visit", "call", "invite", "statement"];

/// Modalities of events.
pub const MODALITIES: &[&str] = &["asserted", "planned", "possible", "negated"];

/// What to keep. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Only events this entity takes part in (any role but `location`), by any name
    /// [`find_entity`] understands.
    pub with: Option<String>,
    /// Only events that may have happened on or after this date.
    pub from: Option<PartialDate>,
    /// Only events that may have happened on or before this date.
    pub to: Option<PartialDate>,
    /// Only events located at this place or within it.
    pub place: Option<String>,
    /// Only events of these types (`meet`, `visit`, `call`…); empty keeps all.
    pub types: Vec<String>,
    /// Only events of these modalities (`asserted`, `planned`…); empty keeps all.
    pub modalities: Vec<String>,
}

/// A filter whose names are resolved against one graph; see [`Filter::compile`].
#[derive(Debug, Clone)]
pub struct CompiledFilter<'g> {
    g: &'g KnowledgeGraph,
    with: Option<&'g NodeData>,
    place: Option<&'g NodeData>,
    places: HashSet<NodeIndex>,
    from: Option<PartialDate>,
    to: Option<PartialDate>,
    types: Vec<String>,
    modalities: Vec<String>,
}

impl Filter {
    /// Parses a date as the filters take it, with an error that shows the accepted forms.
    pub fn parse_date(s: &str) -> Result<PartialDate> {
        PartialDate::parse(s).ok_or_else(|| {
            Error::Query(format!(
                "{s:?} is not a date; use an ISO 8601 date, whole or partial: \
                 2023-09-20, 2023-09, 2023, or without a year --09-20, --09"
            ))
        })
    }

    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Resolves the names (`with`, `place`) against a graph and checks the rest.
    pub fn compile<'g>(&self, g: &'g KnowledgeGraph) -> Result<CompiledFilter<'g>> {
        let with = match &self.with {
            Some(name) => {
                Some(find_entity(g, name, Some("person")).or_else(|_| find_entity(g, name, None))?)
            }
            None => None,
        };
        let place = match &self.place {
            Some(name) => Some(
                find_entity(g, name, Some("place"))
                    .or_else(|_| find_entity(g, name, Some("country")))
                    .or_else(|_| find_entity(g, name, None))?,
            ),
            None => None,
        };
        let mut places = HashSet::new();
        if let Some(p) = place {
            // the place and everything located within it, at any depth
            let start = g.node_index(&p.id).expect("a found node has an index");
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                if !places.insert(i) {
                    continue;
                }
                for e in g.graph.edges_directed(i, Direction::Incoming) {
                    if e.weight().relation == "located_in" {
                        stack.push(e.source());
                    }
                }
            }
        }
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if f.year.is_some() && t.year.is_some() && day_span(&f).0 > day_span(&t).1 {
                return Err(Error::Query(format!(
                    "--from {f} is after --to {t}; nothing can match"
                )));
            }
        }
        let present: HashSet<&str> = g
            .graph
            .node_weights()
            .filter_map(|n| n.event_type.as_deref())
            .collect();
        let types = lowered(&self.types);
        for t in &types {
            if !EVENT_TYPES.contains(&t.as_str()) && !present.contains(t.as_str()) {
                return Err(Error::Query(format!(
                    "unknown event type {t:?}; the types are {}",
                    EVENT_TYPES.join(", ")
                )));
            }
        }
        let modalities = lowered(&self.modalities);
        for m in &modalities {
            if !MODALITIES.contains(&m.as_str()) {
                return Err(Error::Query(format!(
                    "unknown modality {m:?}; the modalities are {}",
                    MODALITIES.join(", ")
                )));
            }
        }
        Ok(CompiledFilter {
            g,
            with,
            place,
            places,
            from: self.from,
            to: self.to,
            types,
            modalities,
        })
    }
}

fn lowered(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

impl<'g> CompiledFilter<'g> {
    /// The entity `with` names, if any.
    pub fn with_entity(&self) -> Option<&'g NodeData> {
        self.with
    }

    /// The place `place` names, if any.
    pub fn place_entity(&self) -> Option<&'g NodeData> {
        self.place
    }

    /// True when the event node passes every part of the filter (false for non-events).
    pub fn matches(&self, event: &NodeData) -> bool {
        if !event.is_event() {
            return false;
        }
        if !self.types.is_empty()
            && !event
                .event_type
                .as_ref()
                .is_some_and(|t| self.types.contains(t))
        {
            return false;
        }
        if !self.modalities.is_empty()
            && !event
                .modality
                .as_ref()
                .is_some_and(|m| self.modalities.contains(m))
        {
            return false;
        }
        if (self.from.is_some() || self.to.is_some())
            && !date_matches(event.date.as_ref(), self.from, self.to)
        {
            return false;
        }
        if self.with.is_none() && self.place.is_none() {
            return true;
        }
        let Some(i) = self.g.node_index(&event.id) else {
            return false;
        };
        let links: Vec<_> = self.g.graph.edges(i).collect();
        if let Some(w) = self.with {
            if !links
                .iter()
                .any(|e| e.weight().relation != "location" && self.g.graph[e.target()].id == w.id)
            {
                return false;
            }
        }
        if self.place.is_some()
            && !links
                .iter()
                .any(|e| e.weight().relation == "location" && self.places.contains(&e.target()))
        {
            return false;
        }
        true
    }
}

/// Day numbers (since 1970-01-01) of the first and last day a dated partial date may mean.
fn day_span(d: &PartialDate) -> (i64, i64) {
    let y = d.year.expect("day_span needs a year");
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let n = days_from_civil(y, m, day);
            (n, n)
        }
        (Some(m), None) => (
            days_from_civil(y, m, 1),
            days_from_civil(y, m, days_in_month(y, m)),
        ),
        _ => (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)),
    }
}

/// Month-and-day positions (month × 32 + day) of the first and last day a partial date may
/// mean, whatever the year.
fn md_span(d: &PartialDate) -> (u16, u16) {
    let pos = |m: u8, day: u8| m as u16 * 32 + day as u16;
    match (d.month, d.day) {
        (Some(m), Some(day)) => (pos(m, day), pos(m, day)),
        (Some(m), None) => (pos(m, 1), pos(m, days_in_month(d.year.unwrap_or(2000), m))),
        _ => (pos(1, 1), pos(12, 31)),
    }
}

/// The span of an event date: first and last possible day, by day number when the year is
/// known, and by month and day always.
struct EventSpan {
    days: Option<(i64, i64)>,
    md: (u16, u16),
}

fn event_span(d: &EventDate) -> Option<EventSpan> {
    let start = PartialDate::parse(&d.start)?;
    let end = d.end.as_deref().and_then(PartialDate::parse);
    let md = (
        md_span(&start).0,
        end.map(|e| md_span(&e).1).unwrap_or(md_span(&start).1),
    );
    let days = start.year.map(|_| {
        let lo = day_span(&start).0;
        let hi = match end {
            Some(e) if e.year.is_some() => day_span(&e).1,
            // an end without a year is in the start's year, or the next when it wraps
            Some(e) => {
                let y = start.year.unwrap_or(2000);
                let y = if md_span(&e).1 < md_span(&start).0 {
                    y + 1
                } else {
                    y
                };
                day_span(&PartialDate { year: Some(y), ..e }).1
            }
            None => day_span(&start).1,
        };
        (lo, hi)
    });
    Some(EventSpan { days, md })
}

/// Whether two month-and-day ranges overlap; either may wrap over the new year (lo > hi).
fn md_overlap(a: (u16, u16), b: (u16, u16)) -> bool {
    let parts = |(lo, hi): (u16, u16)| -> Vec<(u16, u16)> {
        if lo <= hi {
            vec![(lo, hi)]
        } else {
            vec![(lo, u16::MAX), (0, hi)]
        }
    };
    parts(a)
        .iter()
        .any(|x| parts(b).iter().any(|y| x.0 <= y.1 && y.0 <= x.1))
}

/// Whether an event's date may fall within `from`..`to` (see the module docs).
fn date_matches(
    date: Option<&EventDate>,
    from: Option<PartialDate>,
    to: Option<PartialDate>,
) -> bool {
    let Some(span) = date.and_then(event_span) else {
        return false;
    };
    let by_days = |b: &PartialDate| b.year.is_some() && span.days.is_some();
    let md_from = from.filter(|f| !by_days(f));
    let md_to = to.filter(|t| !by_days(t));
    if let (Some(f), Some(t)) = (md_from, md_to) {
        // both bounds by month and day: one range, which may wrap over the new year
        return md_overlap(span.md, (md_span(&f).0, md_span(&t).1));
    }
    if let Some(f) = from {
        let ok = match span.days {
            Some((_, hi)) if f.year.is_some() => hi >= day_span(&f).0,
            _ => span.md.0 > span.md.1 || span.md.1 >= md_span(&f).0,
        };
        if !ok {
            return false;
        }
    }
    if let Some(t) = to {
        let ok = match span.days {
            Some((lo, _)) if t.year.is_some() => lo <= day_span(&t).1,
            _ => span.md.0 > span.md.1 || span.md.0 <= md_span(&t).1,
        };
        if !ok {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(start: &str, end: Option<&str>) -> EventDate {
        EventDate {
            start: start.into(),
            end: end.map(Into::into),
            inferred: false,
        }
    }

    fn m(date: &EventDate, from: &str, to: &str) -> bool {
        let p = |s: &str| (!s.is_empty()).then(|| Filter::parse_date(s).unwrap());
        date_matches(Some(date), p(from), p(to))
    }

    #[test]
    fn partial_dates_stand_for_all_their_days() {
        let oct = ev("2023-10", None);
        assert!(m(&oct, "2023-10-01", "2023-10-31"));
        assert!(m(&oct, "2023-10-15", ""));
        assert!(m(&oct, "", "2023-10-01"));
        assert!(m(&oct, "2023", "2023"));
        assert!(!m(&oct, "2023-11-01", ""));
        assert!(!m(&oct, "", "2023-09-30"));
        let day = ev("2023-09-20", None);
        assert!(m(&day, "2023-09-20", "2023-09-20"));
        assert!(m(&day, "2023-09", "2023-09"));
        assert!(!m(&day, "2023-09-21", ""));
        assert!(!m(&day, "2024", ""));
        let range = ev("2023-09-29", Some("2023-10-02"));
        assert!(m(&range, "2023-10", ""));
        assert!(m(&range, "", "2023-09-29"));
        assert!(!m(&range, "2023-10-03", ""));
    }

    #[test]
    fn yearless_dates_compare_by_month_and_day() {
        let visit = ev("--03-31", Some("--04-02"));
        assert!(m(&visit, "2023-04-01", "2023-04-30"));
        assert!(m(&visit, "--03-31", "--03-31"));
        assert!(m(&visit, "--04", ""));
        assert!(!m(&visit, "--04-03", "--05-01"));
        assert!(!m(&visit, "2023-05", ""));
        // a yearless filter matches dated events on that month and day, whatever the year
        assert!(m(&ev("2024-03-31", None), "--03-31", "--03-31"));
        assert!(!m(&ev("2024-03-30", None), "--03-31", "--03-31"));
        // a winter range wraps over the new year
        assert!(m(&ev("2023-01-10", None), "--12-01", "--01-31"));
        assert!(m(&ev("--12-25", None), "--12-01", "--01-31"));
        assert!(!m(&ev("--06-25", None), "--12-01", "--01-31"));
    }

    #[test]
    fn undated_events_never_match_a_date_filter() {
        assert!(!date_matches(
            None,
            Some(PartialDate::ymd(2023, 1, 1)),
            None
        ));
    }

    #[test]
    fn bad_dates_say_the_accepted_forms() {
        let e = Filter::parse_date("20/09/2023").unwrap_err().to_string();
        assert!(e.contains("2023-09-20") && e.contains("--09-20"), "{e}");
    }
}
