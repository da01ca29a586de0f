//! `stats`: what a graph holds.

use super::{date_sort_key, event_nodes};
use crate::graph::KnowledgeGraph;
use serde::Serialize;
use std::collections::BTreeMap;

/// The first and last of some dates, and how many there were.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DateRange {
    /// Earliest date with a year.
    pub first: Option<String>,
    /// Latest date with a year (the end of a range counts).
    pub last: Option<String>,
    /// Number of dates with a year.
    pub with_year: usize,
    /// Number of dates without a year (`--03-31`).
    pub without_year: usize,
    /// Number of dates inferred from context (events only).
    pub inferred: usize,
    /// Number of items without any date.
    pub undated: usize,
}

/// Counts of what a graph holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Number of documents read.
    pub documents: usize,
    /// Documents by language.
    pub documents_by_language: BTreeMap<String, usize>,
    /// Publication dates of the documents.
    pub published: DateRange,
    /// Number of nodes.
    pub nodes: usize,
    /// Nodes by kind (`person`, `country`, …, `event`).
    pub nodes_by_kind: BTreeMap<String, usize>,
    /// Events by type.
    pub events_by_type: BTreeMap<String, usize>,
    /// Events by modality.
    pub events_by_modality: BTreeMap<String, usize>,
    /// Dates of the events.
    pub event_dates: DateRange,
    /// Number of links.
    pub links: usize,
    /// Links by relation.
    pub links_by_relation: BTreeMap<String, usize>,
}

fn bump(m: &mut BTreeMap<String, usize>, k: &str) {
    *m.entry(k.to_string()).or_default() += 1;
}

struct Dates {
    first: Option<((u8, i32, u8, u8), String)>,
    last: Option<((u8, i32, u8, u8), String)>,
    range: DateRange,
}

impl Dates {
    fn new() -> Self {
        Dates {
            first: None,
            last: None,
            range: DateRange::default(),
        }
    }

    fn add(&mut self, start: Option<&str>, end: Option<&str>, inferred: bool) {
        let Some(start) = start else {
            self.range.undated += 1;
            return;
        };
        if inferred {
            self.range.inferred += 1;
        }
        let key = |s: &str| {
            date_sort_key(Some(&crate::graph::EventDate {
                start: s.to_string(),
                end: None,
                inferred: false,
            }))
        };
        let k = key(start);
        if k.0 != 0 {
            self.range.without_year += 1;
            return;
        }
        self.range.with_year += 1;
        if self.first.as_ref().is_none_or(|(f, _)| k < *f) {
            self.first = Some((k, start.to_string()));
        }
        let (lk, l) = match end.map(|e| (key(e), e)) {
            Some((ek, e)) if ek.0 == 0 => (ek, e),
            _ => (k, start),
        };
        if self.last.as_ref().is_none_or(|(x, _)| lk > *x) {
            self.last = Some((lk, l.to_string()));
        }
    }

    fn finish(mut self) -> DateRange {
        self.range.first = self.first.map(|x| x.1);
        self.range.last = self.last.map(|x| x.1);
        self.range
    }
}

/// Counts documents, nodes by kind, events by type and modality, links by relation, and the
/// ranges of publication and event dates.
pub fn stats(g: &KnowledgeGraph) -> Stats {
    let mut s = Stats {
        documents: g.documents.len(),
        nodes: g.graph.node_count(),
        links: g.graph.edge_count(),
        ..Stats::default()
    };
    let mut published = Dates::new();
    for d in g.documents.values() {
        bump(&mut s.documents_by_language, &d.language);
        published.add(d.published.map(|p| p.to_string()).as_deref(), None, false);
    }
    s.published = published.finish();
    s.published.inferred = 0;
    for n in g.graph.node_weights() {
        bump(&mut s.nodes_by_kind, &n.kind);
    }
    let mut dates = Dates::new();
    for e in event_nodes(g) {
        bump(
            &mut s.events_by_type,
            e.event_type.as_deref().unwrap_or("unknown"),
        );
        bump(
            &mut s.events_by_modality,
            e.modality.as_deref().unwrap_or("unknown"),
        );
        dates.add(
            e.date.as_ref().map(|d| d.start.as_str()),
            e.date.as_ref().and_then(|d| d.end.as_deref()),
            e.date.as_ref().is_some_and(|d| d.inferred),
        );
    }
    s.event_dates = dates.finish();
    for e in g.graph.edge_weights() {
        bump(&mut s.links_by_relation, &e.relation);
    }
    s
}
