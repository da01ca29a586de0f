//! `ego`: the sub-graph around an actor, itself a [`KnowledgeGraph`] that every exporter
//! writes.

use super::{find_entity, Filter};
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::BTreeSet;

/// The sub-graph around an entity, `depth` events deep.
///
/// Step 1 takes every event the entity is part of (that passes the filter) with everything the
/// event links to: the other participants and the places. Each further step does the same from
/// the entities reached in the step before (places are shown but not walked through: an event
/// in Moscow does not pull in every other event in Moscow). Last, every entity kept brings its
/// `role` and `located_in` links with their targets, so the sub-graph says who is whose
/// minister and where each place lies. Depth 0 gives the entity and those links alone.
///
/// The documents of the kept nodes come along; node and link data are copied unchanged.
///
/// ```
/// # let g = newsgraph::Pipeline::builtin().unwrap().build_page(
/// #     "لقاء\nتاريخ النشر: 20th, September 2023 GMT\nموسكو-سانا\n\
/// #      التقى الرئيس الروسي فلاديمير بوتين اليوم وزير الخارجية الصيني وانغ يي في موسكو.", "x");
/// let sub = newsgraph::query::ego(&g, "Wang Yi", 1, &Default::default()).unwrap();
/// assert!(sub.node("person:vladimir-putin").is_some());
/// assert!(sub.node("place:moscow").is_some());
/// ```
pub fn ego(
    g: &KnowledgeGraph,
    name: &str,
    depth: usize,
    filter: &Filter,
) -> Result<KnowledgeGraph> {
    let center = find_entity(g, name, Some("person")).or_else(|_| find_entity(g, name, None))?;
    let f = filter.compile(g)?;
    let start = g.node_index(&center.id).expect("a found node has an index");
    let mut keep: BTreeSet<NodeIndex> = BTreeSet::from([start]);
    let mut frontier = vec![start];
    for _ in 0..depth {
        let mut next = Vec::new();
        for &actor in &frontier {
            for e in g.graph.edges_directed(actor, Direction::Incoming) {
                let ev = e.source();
                if !g.graph[ev].is_event() || !f.matches(&g.graph[ev]) || !keep.insert(ev) {
                    continue;
                }
                for l in g.graph.edges(ev) {
                    let t = l.target();
                    if keep.insert(t) && l.weight().relation != "location" {
                        next.push(t);
                    }
                }
            }
        }
        frontier = next;
    }
    // context: roles and where places lie
    let entities: Vec<NodeIndex> = keep
        .iter()
        .copied()
        .filter(|&i| !g.graph[i].is_event())
        .collect();
    for i in entities {
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            for l in g.graph.edges(n) {
                let rel = l.weight().relation.as_str();
                match rel {
                    "role" if n == i => {
                        keep.insert(l.target());
                    }
                    "located_in" if keep.insert(l.target()) => stack.push(l.target()),
                    _ => {}
                }
            }
        }
    }
    let mut sub = KnowledgeGraph::new();
    for &i in &keep {
        let n = &g.graph[i];
        for d in n.docs.keys().chain(n.evidence.iter().map(|e| &e.doc)) {
            if let Some(info) = g.documents.get(&**d) {
                sub.documents.insert(d.to_string(), info.clone());
            }
        }
        sub.upsert_node(n.clone());
    }
    for (s, t, l) in g.links() {
        let inside = |id: &str| g.node_index(id).is_some_and(|i| keep.contains(&i));
        if inside(s) && inside(t) {
            sub.upsert_link(s, t, l.clone());
        }
    }
    Ok(sub)
}
