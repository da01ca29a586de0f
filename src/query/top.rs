//! `top`: the most connected actors of the actors graph (persons linked when they met), by
//! degree, betweenness and PageRank.
//!
//! Degree and betweenness centrality come from `rustworkx-core` (normalised as networkx does:
//! degree over n − 1, betweenness over (n − 1)(n − 2) / 2 pairs, n = every person of the
//! graph). PageRank comes from `petgraph::algo::page_rank` (damping 0.85, 100 iterations) over
//! the persons who met someone, each link followed both ways; persons who met no one have
//! none. petgraph's PageRank leaves out the random jump from a node's own neighbours (petgraph
//! issue 960), so its values differ slightly from networkx's: `.ci/examples.sh` checks they stay
//! within 5 % (3.8 % at most on the dev articles), and that degree and betweenness equal
//! networkx's. It costs O(iterations × n² × degree) for n persons who met someone.

use super::{ActorsGraph, Filter};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Which measure orders the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Number of distinct persons met (then betweenness, then PageRank).
    #[default]
    Degree,
    /// Betweenness centrality (then degree).
    Betweenness,
    /// PageRank (then degree).
    PageRank,
}

impl std::str::FromStr for Measure {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "degree" => Ok(Measure::Degree),
            "betweenness" => Ok(Measure::Betweenness),
            "pagerank" | "page-rank" | "page_rank" => Ok(Measure::PageRank),
            _ => Err(Error::Query(format!(
                "unknown measure {s:?}; use degree, betweenness or pagerank"
            ))),
        }
    }
}

/// One actor's centrality.
#[derive(Debug, Clone, Serialize)]
pub struct Centrality {
    /// Rank in the chosen order, from 1.
    pub rank: usize,
    /// The person's id.
    pub id: String,
    /// The person's label.
    pub label: String,
    /// Number of distinct persons met.
    pub met: usize,
    /// Number of events where the person met someone.
    pub events: usize,
    /// Degree centrality: persons met / (n − 1).
    pub degree: f64,
    /// Normalised betweenness centrality.
    pub betweenness: f64,
    /// PageRank among the persons who met someone; `None` for those who met no one.
    pub pagerank: Option<f64>,
}

/// The actors of the events that pass the filter, ordered by a measure; `limit` 0 gives all.
/// Persons who met no one come last (they are listed only when `limit` reaches them).
pub fn top(
    g: &KnowledgeGraph,
    filter: &Filter,
    by: Measure,
    limit: usize,
) -> Result<Vec<Centrality>> {
    let actors = ActorsGraph::build(g, filter)?;
    let ag = &actors.graph;
    let degree = rustworkx_core::centrality::degree_centrality(ag, None);
    let betweenness = rustworkx_core::centrality::betweenness_centrality(ag, false, true, 200);
    // PageRank over the persons who met someone, both ways
    let mut sub: DiGraph<NodeIndex, ()> = DiGraph::new();
    let mut sub_of: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    for i in ag.node_indices() {
        if ag.neighbors(i).next().is_some() {
            sub_of.insert(i, sub.add_node(i));
        }
    }
    for e in ag.edge_indices() {
        let (a, b) = ag.edge_endpoints(e).expect("an edge has endpoints");
        sub.add_edge(sub_of[&a], sub_of[&b], ());
        sub.add_edge(sub_of[&b], sub_of[&a], ());
    }
    let ranks = petgraph::algo::page_rank(&sub, 0.85_f64, 100);
    let mut out: Vec<Centrality> = ag
        .node_indices()
        .map(|i| {
            let person = g.node(&ag[i]).expect("actors are graph nodes");
            let events: BTreeSet<&String> = ag.edges(i).flat_map(|e| e.weight().iter()).collect();
            Centrality {
                rank: 0,
                id: person.id.clone(),
                label: person.label.clone(),
                met: ag.neighbors(i).count(),
                events: events.len(),
                degree: degree[i.index()],
                betweenness: betweenness[i.index()].unwrap_or(0.0),
                pagerank: sub_of.get(&i).map(|s| ranks[s.index()]),
            }
        })
        .collect();
    let pr = |c: &Centrality| c.pagerank.unwrap_or(-1.0);
    out.sort_by(|a, b| {
        let order = match by {
            Measure::Degree => b
                .met
                .cmp(&a.met)
                .then(b.betweenness.total_cmp(&a.betweenness))
                .then(pr(b).total_cmp(&pr(a))),
            Measure::Betweenness => b
                .betweenness
                .total_cmp(&a.betweenness)
                .then(b.met.cmp(&a.met)),
            Measure::PageRank => pr(b).total_cmp(&pr(a)).then(b.met.cmp(&a.met)),
        };
        order
            .then(b.events.cmp(&a.events))
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.id.cmp(&b.id))
    });
    for (k, c) in out.iter_mut().enumerate() {
        c.rank = k + 1;
    }
    if limit > 0 {
        out.truncate(limit);
    }
    Ok(out)
}
