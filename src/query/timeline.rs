//! `timeline`: every event an entity is part of, in time order.

use super::events::sort_events;
use super::{find_entity, EntityRef, EventRow, Filter};
use crate::error::Result;
use crate::graph::{KnowledgeGraph, NodeData};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// One event of a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// How the entity is part of it: `participant`, `host`, `speaker`…, `location`, or
    /// `location (within)` for an event at a place that lies within the entity (a city of a
    /// country).
    pub relation: String,
    /// The event.
    #[serde(flatten)]
    pub event: EventRow,
}

/// The answer to `timeline`.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// The entity the name was resolved to.
    pub entity: EntityRef,
    /// Its events in time order (dated first; undated ones last, in the order the texts tell
    /// them).
    pub entries: Vec<TimelineEntry>,
}

/// Every event an entity is part of (as participant, host, speaker…, or as the place where it
/// happened, or a place within which it happened), filtered and in time order.
pub fn timeline(g: &KnowledgeGraph, name: &str, filter: &Filter) -> Result<Timeline> {
    let entity = find_entity(g, name, Some("person")).or_else(|_| find_entity(g, name, None))?;
    let f = filter.compile(g)?;
    let start = g.node_index(&entity.id).expect("a found node has an index");
    // the entity and the places within it, with how far within
    let mut within = HashSet::new();
    let mut stack = vec![start];
    while let Some(i) = stack.pop() {
        if !within.insert(i) {
            continue;
        }
        for e in g.graph.edges_directed(i, Direction::Incoming) {
            if e.weight().relation == "located_in" {
                stack.push(e.source());
            }
        }
    }
    // per event: the entity's own relations to it, and whether it is at a place within
    let mut found: BTreeMap<&str, (BTreeSet<&str>, bool)> = BTreeMap::new();
    for &i in &within {
        for e in g.graph.edges_directed(i, Direction::Incoming) {
            let ev = &g.graph[e.source()];
            let rel = e.weight().relation.as_str();
            if !ev.is_event() || (i != start && rel != "location") || !f.matches(ev) {
                continue;
            }
            let entry = found.entry(ev.id.as_str()).or_default();
            if i == start {
                entry.0.insert(rel);
            } else {
                entry.1 = true;
            }
        }
    }
    let relation: BTreeMap<&str, String> = found
        .into_iter()
        .map(|(id, (own, inside))| {
            let r = if own.is_empty() && inside {
                "location (within)".to_string()
            } else {
                own.into_iter().collect::<Vec<_>>().join(", ")
            };
            (id, r)
        })
        .collect();
    let mut evs: Vec<&NodeData> = relation.keys().filter_map(|id| g.node(id)).collect();
    sort_events(&mut evs);
    Ok(Timeline {
        entity: EntityRef::of(entity),
        entries: evs
            .into_iter()
            .map(|e| TimelineEntry {
                relation: relation[e.id.as_str()].clone(),
                event: EventRow::of(g, e),
            })
            .collect(),
    })
}
