//! `path`: the shortest chain of meetings between two persons.

use super::{date_sort_key, find_entity, ActorsGraph, EntityRef, EventRow, Filter};
use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, NodeData};
use serde::Serialize;

/// One link of a chain: two persons and the events where they met, the best first (asserted
/// before planned or possible, dated before undated, earlier before later).
#[derive(Debug, Clone, Serialize)]
pub struct PathStep {
    /// The person the step starts from.
    pub from: EntityRef,
    /// The person it reaches.
    pub to: EntityRef,
    /// The events where the two met; never empty.
    pub events: Vec<EventRow>,
}

/// A chain of meetings from one person to another.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingPath {
    /// Where the chain starts.
    pub from: EntityRef,
    /// Where it ends.
    pub to: EntityRef,
    /// The steps; their number is the distance in meetings.
    pub steps: Vec<PathStep>,
}

fn person<'g>(g: &'g KnowledgeGraph, name: &str) -> Result<&'g NodeData> {
    let n = find_entity(g, name, Some("person")).or_else(|_| find_entity(g, name, None))?;
    if n.kind != "person" {
        return Err(Error::Query(format!(
            "{name:?} is {} ({}), not a person; a chain of meetings links persons",
            n.label, n.kind
        )));
    }
    Ok(n)
}

/// The shortest chain of meetings between two persons over the person–event–person structure
/// (breadth-first, every meeting one step), using only events that pass the filter. `None`
/// when no chain links them.
///
/// Among equally short chains the one found first is given (persons in id order).
pub fn path(g: &KnowledgeGraph, a: &str, b: &str, filter: &Filter) -> Result<Option<MeetingPath>> {
    let (pa, pb) = (person(g, a)?, person(g, b)?);
    if pa.id == pb.id {
        return Err(Error::Query(format!(
            "{a:?} and {b:?} are the same person ({}); give two persons",
            pa.id
        )));
    }
    let actors = ActorsGraph::build(g, filter)?;
    let (Some(s), Some(t)) = (actors.node(&pa.id), actors.node(&pb.id)) else {
        return Ok(None);
    };
    let found = petgraph::algo::astar(&actors.graph, s, |n| n == t, |_| 1usize, |_| 0usize);
    let Some((_, nodes)) = found else {
        return Ok(None);
    };
    let entity = |i: petgraph::graph::NodeIndex| {
        EntityRef::of(g.node(&actors.graph[i]).expect("actors are graph nodes"))
    };
    let steps = nodes
        .windows(2)
        .map(|w| {
            let e = actors
                .graph
                .find_edge(w[0], w[1])
                .expect("a path follows links");
            let mut evs: Vec<&NodeData> =
                actors.graph[e].iter().filter_map(|id| g.node(id)).collect();
            evs.sort_by_key(|e| {
                (
                    e.modality.as_deref() != Some("asserted"),
                    date_sort_key(e.date.as_ref()),
                    e.id.clone(),
                )
            });
            PathStep {
                from: entity(w[0]),
                to: entity(w[1]),
                events: evs.into_iter().map(|e| EventRow::of(g, e)).collect(),
            }
        })
        .collect();
    Ok(Some(MeetingPath {
        from: EntityRef::of(pa),
        to: EntityRef::of(pb),
        steps,
    }))
}
