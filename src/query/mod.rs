//! Questions to the graph: who met whom, when and where, and what the graph holds.
//!
//! One module per question, all sharing one [`Filter`] (with whom, from/to dates, place, event
//! types, modalities):
//!
//! | question | function | answer |
//! |---|---|---|
//! | whom did a person meet | [`who_met_filtered`] ([`who_met`] without filter) | [`WhoMet`] |
//! | which events | [`events()`] | [`EventRow`]s |
//! | an entity's events in time order | [`timeline()`] | [`Timeline`] |
//! | the sub-graph around an actor | [`ego()`] | a [`KnowledgeGraph`] |
//! | the shortest chain of meetings | [`path()`] | [`MeetingPath`] |
//! | the most connected actors | [`top()`] | [`Centrality`] rows |
//! | what the graph holds | [`stats()`] | [`Stats`] |
//!
//! Names are resolved by [`find_entity`]: an id, or any label, name or alias in any language.
//!
//! ```
//! use newsgraph::query::{self, Filter};
//!
//! let pipeline = newsgraph::Pipeline::builtin().unwrap();
//! let page = "لقاء في موسكو\nتاريخ النشر: 20th, September 2023 GMT\nموسكو-سانا\n\
//!             التقى الرئيس الروسي فلاديمير بوتين اليوم وزير الخارجية الصيني وانغ يي في موسكو.";
//! let graph = pipeline.build_page(page, "example");
//! let filter = Filter {
//!     from: Some(Filter::parse_date("2023-09").unwrap()),
//!     place: Some("Russia".into()), // Moscow lies within Russia
//!     ..Filter::default()
//! };
//! let answer = query::who_met_filtered(&graph, "بوتين", &filter).unwrap();
//! assert_eq!(answer.person.id, "person:vladimir-putin");
//! assert_eq!(answer.meetings[0].counterpart, "person:wang-yi");
//! ```

mod actors;
mod ego;
mod events;
mod filter;
mod find;
mod path;
mod stats;
mod timeline;
mod top;
mod who_met;

pub use actors::ActorsGraph;
pub use ego::ego;
pub use events::{events, EventRow, Participant};
pub use filter::{CompiledFilter, Filter, EVENT_TYPES, MODALITIES};
pub use find::{close_names, find_entity};
pub use path::{path, MeetingPath, PathStep};
pub use stats::{stats, DateRange, Stats};
pub use timeline::{timeline, Timeline, TimelineEntry};
pub use top::{top, Centrality, Measure};
pub use who_met::{who_met, who_met_filtered, Meeting, WhoMet};

use crate::graph::{EventDate, KnowledgeGraph, NodeData};
use serde::Serialize;

/// Relations that make two persons "met": both took part in one event.
pub const MEETING_RELATIONS: &[&str] = &["participant", "host", "guest", "inviter", "invitee"];

/// An entity named in an answer: id, kind and label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    /// Stable id.
    pub id: String,
    /// `person`, `country`, `organization`, `place`, `other`.
    pub kind: String,
    /// Canonical name (English when known).
    pub label: String,
}

impl EntityRef {
    /// The reference to a node.
    pub fn of(n: &NodeData) -> Self {
        EntityRef {
            id: n.id.clone(),
            kind: n.kind.clone(),
            label: n.label.clone(),
        }
    }
}

/// An event's date as one string: the ISO partial start, with `/end` for ranges.
pub fn date_text(d: &EventDate) -> String {
    match &d.end {
        Some(e) => format!("{}/{}", d.start, e),
        None => d.start.clone(),
    }
}

/// A key that sorts events chronologically: dates with a year first (by year, month, day, an
/// unknown part before the known ones), then dates without a year (by month and day), then
/// undated events.
pub fn date_sort_key(d: Option<&EventDate>) -> (u8, i32, u8, u8) {
    match d.and_then(|d| crate::PartialDate::parse(&d.start)) {
        Some(p) => match p.year {
            Some(y) => (0, y, p.month.unwrap_or(0), p.day.unwrap_or(0)),
            None => (1, 0, p.month.unwrap_or(0), p.day.unwrap_or(0)),
        },
        None => (2, 0, 0, 0),
    }
}

/// The event nodes of a graph, in id order.
pub(crate) fn event_nodes(g: &KnowledgeGraph) -> impl Iterator<Item = &NodeData> {
    g.nodes().into_iter().filter(|n| n.is_event())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(start: &str, end: Option<&str>) -> EventDate {
        EventDate {
            start: start.into(),
            end: end.map(Into::into),
            inferred: false,
        }
    }

    #[test]
    fn dates_sort_in_time_order_with_unknowns_last() {
        let mut v = [
            Some(d("--03-31", Some("--04-02"))),
            None,
            Some(d("2023-10", None)),
            Some(d("2023-09-20", None)),
            Some(d("2022", None)),
        ];
        v.sort_by_key(|x| date_sort_key(x.as_ref()));
        let shown: Vec<String> = v
            .iter()
            .map(|x| x.as_ref().map(date_text).unwrap_or_default())
            .collect();
        assert_eq!(
            shown,
            ["2022", "2023-09-20", "2023-10", "--03-31/--04-02", ""]
        );
    }
}
