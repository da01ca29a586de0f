//! The actors graph: persons, linked when they took part in one event (met), one link per
//! pair carrying the events. `path` and `top` work on it.

use super::{event_nodes, Filter, MEETING_RELATIONS};
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeSet, HashMap};

/// Persons as nodes (weight: the person's id), an undirected link between two persons who took
/// part in one event through a meeting relation (weight: the ids of those events, sorted).
///
/// Every person of the graph is a node, met anyone or not. Only events that pass the filter
/// count, and never `negated` ones (they did not meet) unless the filter asks for that
/// modality.
#[derive(Debug, Clone, Default)]
pub struct ActorsGraph {
    /// The petgraph graph.
    pub graph: UnGraph<String, Vec<String>>,
    index: HashMap<String, NodeIndex>,
}

impl ActorsGraph {
    /// Builds the actors graph of the events that pass the filter.
    pub fn build(g: &KnowledgeGraph, filter: &Filter) -> Result<Self> {
        let f = filter.compile(g)?;
        let negated_too = filter.modalities.iter().any(|m| m == "negated");
        let mut a = ActorsGraph::default();
        for n in g.nodes() {
            if n.kind == "person" {
                let i = a.graph.add_node(n.id.clone());
                a.index.insert(n.id.clone(), i);
            }
        }
        for ev in event_nodes(g) {
            if !f.matches(ev) || (!negated_too && ev.modality.as_deref() == Some("negated")) {
                continue;
            }
            let persons: Vec<NodeIndex> = g
                .out_links(&ev.id)
                .into_iter()
                .filter(|(n, l)| {
                    n.kind == "person" && MEETING_RELATIONS.contains(&l.relation.as_str())
                })
                .filter_map(|(n, _)| a.index.get(&n.id).copied())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            for (k, &p) in persons.iter().enumerate() {
                for &q in &persons[k + 1..] {
                    match a.graph.find_edge(p, q) {
                        Some(e) => a.graph[e].push(ev.id.clone()),
                        None => {
                            a.graph.add_edge(p, q, vec![ev.id.clone()]);
                        }
                    }
                }
            }
        }
        for w in a.graph.edge_weights_mut() {
            w.sort();
            w.dedup();
        }
        Ok(a)
    }

    /// The node of a person.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// Number of persons.
    pub fn persons(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of pairs who met.
    pub fn pairs(&self) -> usize {
        self.graph.edge_count()
    }
}
