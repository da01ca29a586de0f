//! The knowledge graph: entities and events as nodes of a petgraph `StableDiGraph`, with typed,
//! evidenced links.
//!
//! Adding documents is a set union: entities by id, events by identity (type family, persons,
//! date, modality), links by (source, target, relation, role), evidence as sets, and mention
//! counts per document. So building from shards and merging gives the same graph as building at
//! once, in any order, and merging a graph with itself changes nothing.

use crate::resolve::{content_hash, DocFacts, DocumentInfo, Evidence};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::hash::BuildHasher;
use std::sync::Arc;

mod docs;
pub use docs::DocCounts;

/// A date of an event as the JSON contract gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventDate {
    /// ISO 8601 partial date.
    pub start: String,
    /// Last day of a range.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub end: Option<String>,
    /// True when part of it was filled in from context.
    #[serde(default)]
    pub inferred: bool,
}

/// A node: an entity or an event. Serialised as a node of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeData {
    /// Stable id.
    pub id: String,
    /// `person`, `country`, `organization`, `place`, `event`, `other`.
    pub kind: String,
    /// Canonical English name (the Arabic one when no English name is known).
    pub label: String,
    /// Canonical name per language.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    /// Every surface form seen.
    #[serde(default)]
    pub aliases: BTreeSet<String>,
    /// Number of mentions in all documents.
    #[serde(default)]
    pub mentions: usize,
    /// Mentions per document id (the ids shared with the document's other nodes and evidence).
    #[serde(default, skip_serializing_if = "DocCounts::is_empty")]
    pub docs: DocCounts,
    /// Event type (events only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub event_type: Option<String>,
    /// CAMEO code (events only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub code: Option<String>,
    /// Date (events only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<EventDate>,
    /// Modality (events only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modality: Option<String>,
    /// Evidence (events only).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub evidence: Vec<Evidence>,
}

impl NodeData {
    /// A node with its id, kind and label only: no names, aliases, mentions, documents or event
    /// fields yet (fill them with struct update syntax).
    pub fn new(id: impl Into<String>, kind: impl Into<String>, label: impl Into<String>) -> Self {
        NodeData {
            id: id.into(),
            kind: kind.into(),
            label: label.into(),
            names: BTreeMap::new(),
            aliases: BTreeSet::new(),
            mentions: 0,
            docs: DocCounts::new(),
            event_type: None,
            code: None,
            date: None,
            modality: None,
            evidence: Vec::new(),
        }
    }

    /// True for event nodes.
    pub fn is_event(&self) -> bool {
        self.kind == "event"
    }

    /// Every name of the node: label, names, aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str())
            .chain(self.names.values().map(String::as_str))
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// A link between two nodes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinkData {
    /// `participant`, `host`, `guest`, `inviter`, `invitee`, `speaker`, `location`, `role`,
    /// `located_in`.
    pub relation: String,
    /// The role, for `role` links.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<String>,
    /// `dictionary` when the link is known from the dictionaries rather than read in a text.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub basis: Option<String>,
    /// Where the link is told.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub evidence: Vec<Evidence>,
    /// In a derived view (see `export::actors`), the event this link stands for; its fields are
    /// written as the link's own (`event`, `event_type`, `date`, `modality`). Links of the full
    /// graph have none, and do not pay for the fields (boxed: most links are of the full graph).
    #[serde(flatten, skip_serializing_if = "Option::is_none", default)]
    pub folded: Option<Box<FoldedEvent>>,
}

/// The event a link of a derived view stands for (see [`LinkData::folded`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FoldedEvent {
    /// The id of the event node.
    pub event: String,
    /// The event's type.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub event_type: Option<String>,
    /// The event's date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<EventDate>,
    /// The event's modality.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modality: Option<String>,
}

impl LinkData {
    /// In a derived view, the id of the event node this link stands for.
    pub fn event(&self) -> Option<&str> {
        self.folded.as_deref().map(|f| f.event.as_str())
    }

    /// In a derived view, the type of the folded event.
    pub fn event_type(&self) -> Option<&str> {
        self.folded.as_deref().and_then(|f| f.event_type.as_deref())
    }

    /// In a derived view, the date of the folded event.
    pub fn date(&self) -> Option<&EventDate> {
        self.folded.as_deref().and_then(|f| f.date.as_ref())
    }

    /// In a derived view, the modality of the folded event.
    pub fn modality(&self) -> Option<&str> {
        self.folded.as_deref().and_then(|f| f.modality.as_deref())
    }
}

/// The knowledge graph.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    /// The petgraph graph.
    pub graph: StableDiGraph<NodeData, LinkData>,
    index: IdIndex,
    links: LinkIndex,
    /// The documents read, by id.
    pub documents: BTreeMap<String, DocumentInfo>,
    /// True between `start_bulk` and `finish_bulk`.
    bulk: bool,
}

/// Node or edge indices looked up by a key read from the graph (a node's id, a link's
/// identity). The table holds only indices: a key is hashed, and compared with the key of the
/// node or link in the graph, so that the ids of a large graph are not held twice.
#[derive(Debug, Clone, Default)]
struct KeyedIndex<I> {
    table: hashbrown::HashTable<I>,
    hasher: foldhash::fast::FixedState,
}

impl<I: Copy> KeyedIndex<I> {
    /// The index whose key (as `key_of` reads it) is `key`.
    fn find<K: std::hash::Hash + Eq>(&self, key: K, key_of: impl Fn(I) -> K) -> Option<I> {
        let hash = self.hasher.hash_one(&key);
        self.table.find(hash, |&i| key_of(i) == key).copied()
    }

    /// Records index `i`, whose key is not yet recorded.
    fn record<K: std::hash::Hash>(&mut self, i: I, key_of: impl Fn(I) -> K) {
        let KeyedIndex { table, hasher } = self;
        let rehash = |&j: &I| hasher.hash_one(key_of(j));
        table.insert_unique(rehash(&i), i, rehash);
    }
}

/// Node indices by id.
type IdIndex = KeyedIndex<NodeIndex>;

impl IdIndex {
    /// The node of `graph` with this id.
    fn get(&self, graph: &StableDiGraph<NodeData, LinkData>, id: &str) -> Option<NodeIndex> {
        self.find(id, |i| graph[i].id.as_str())
    }

    /// Records node `i` of `graph` (whose id is not yet recorded).
    fn insert(&mut self, graph: &StableDiGraph<NodeData, LinkData>, i: NodeIndex) {
        self.record(i, |j| graph[j].id.as_str());
    }
}

/// Edge indices by what makes a link one: its ends, relation, role, and (in derived views) the
/// event it stands for.
type LinkIndex = KeyedIndex<EdgeIndex>;

/// The parts of a link's identity, borrowed.
type LinkKey<'a> = (
    NodeIndex,
    NodeIndex,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
);

/// The identity of a link of the graph.
fn link_key(graph: &StableDiGraph<NodeData, LinkData>, e: EdgeIndex) -> LinkKey<'_> {
    let (s, t) = graph
        .edge_endpoints(e)
        .expect("the index holds links of the graph");
    let l = &graph[e];
    (s, t, &l.relation, l.role.as_deref(), l.event())
}

impl LinkIndex {
    /// The link of `graph` with this identity.
    fn get(
        &self,
        graph: &StableDiGraph<NodeData, LinkData>,
        key: LinkKey<'_>,
    ) -> Option<EdgeIndex> {
        self.find(key, |e| link_key(graph, e))
    }

    /// Records link `e` of `graph` (whose identity is not yet recorded).
    fn insert(&mut self, graph: &StableDiGraph<NodeData, LinkData>, e: EdgeIndex) {
        self.record(e, |f| link_key(graph, f));
    }
}

/// Sorts and deduplicates evidence lists, in parallel on the current rayon pool (a large graph
/// has millions of them).
fn tidy_evidence<'e>(lists: impl Iterator<Item = &'e mut Vec<Evidence>>) {
    use rayon::prelude::*;
    let mut lists: Vec<&mut Vec<Evidence>> = lists.filter(|e| e.len() > 1).collect();
    lists.par_iter_mut().for_each(|e| {
        e.sort_unstable();
        e.dedup();
    });
}

/// Adds evidence to a sorted set kept as a vector; in bulk mode it only appends, and
/// [`KnowledgeGraph::finish_bulk`] sorts later.
fn union_evidence(into: &mut Vec<Evidence>, more: impl IntoIterator<Item = Evidence>, bulk: bool) {
    for e in more {
        match into.last() {
            Some(last) if *last == e => {}
            Some(last) if bulk || *last < e => into.push(e),
            None => into.push(e),
            Some(_) => {
                if let Err(pos) = into.binary_search(&e) {
                    into.insert(pos, e);
                }
            }
        }
    }
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&NodeData> {
        self.index.get(&self.graph, id).map(|i| &self.graph[i])
    }

    /// The petgraph index of the node with this id.
    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(&self.graph, id)
    }

    /// All nodes, sorted by id.
    pub fn nodes(&self) -> Vec<&NodeData> {
        let mut v: Vec<&NodeData> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// All links as (source id, target id, data), sorted.
    pub fn links(&self) -> Vec<(&str, &str, &LinkData)> {
        self.link_order()
            .into_iter()
            .map(|e| self.link_at(e))
            .collect()
    }

    /// The indices of the links in the order of [`links`](Self::links): by source id, target
    /// id, relation, role and event. A large graph's links are written in this order without a
    /// list of their ids (4 bytes a link instead of 40).
    pub fn link_order(&self) -> Vec<EdgeIndex> {
        let key = |e: EdgeIndex| {
            let (s, t, l) = self.link_at(e);
            (s, t, &l.relation, &l.role, l.event())
        };
        // (a stable sort, in parallel, of the links in index order: the same order every run)
        let mut v: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        rayon::slice::ParallelSliceMut::par_sort_by(&mut v[..], |&a, &b| key(a).cmp(&key(b)));
        v
    }

    /// A link as (source id, target id, data).
    ///
    /// # Panics
    /// When the graph has no link `e` (an index from [`link_order`](Self::link_order) is one).
    pub fn link_at(&self, e: EdgeIndex) -> (&str, &str, &LinkData) {
        let (s, t) = self
            .graph
            .edge_endpoints(e)
            .expect("an index of a link of this graph");
        (
            self.graph[s].id.as_str(),
            self.graph[t].id.as_str(),
            &self.graph[e],
        )
    }

    /// Links leaving a node, as (target id, data).
    pub fn out_links(&self, id: &str) -> Vec<(&NodeData, &LinkData)> {
        let Some(i) = self.index.get(&self.graph, id) else {
            return vec![];
        };
        self.graph
            .edges(i)
            .map(|e| (&self.graph[e.target()], e.weight()))
            .collect()
    }

    /// Links entering a node, as (source, data).
    pub fn in_links(&self, id: &str) -> Vec<(&NodeData, &LinkData)> {
        let Some(i) = self.index.get(&self.graph, id) else {
            return vec![];
        };
        self.graph
            .edges_directed(i, petgraph::Direction::Incoming)
            .map(|e| (&self.graph[e.source()], e.weight()))
            .collect()
    }

    /// Number of entity nodes and event nodes.
    pub fn counts(&self) -> (usize, usize) {
        let events = self.graph.node_weights().filter(|n| n.is_event()).count();
        (self.graph.node_count() - events, events)
    }

    /// Adds a node, or merges it into the node with the same id.
    ///
    /// Every field merges as a join (union of sets, the larger count per document, the
    /// smallest value of a single-valued field), so the result does not depend on the order
    /// nodes arrive in and merging a node into itself changes nothing.
    pub fn upsert_node(&mut self, node: NodeData) -> NodeIndex {
        if let Some(i) = self.index.get(&self.graph, &node.id) {
            let n = &mut self.graph[i];
            if node.kind < n.kind {
                n.kind = node.kind;
            }
            for (k, v) in node.names {
                match n.names.entry(k) {
                    std::collections::btree_map::Entry::Vacant(e) => {
                        e.insert(v);
                    }
                    std::collections::btree_map::Entry::Occupied(mut e) => {
                        if better_name(&n.id, &v, e.get()) {
                            e.insert(v);
                        }
                    }
                }
            }
            // the label is the English name, else the best label seen (the same rule as when
            // the node was made, so merging a graph with itself changes nothing)
            if let Some(name) = n.names.get("en") {
                if n.label != *name {
                    n.label = name.clone();
                }
            } else if n.label.is_empty()
                || (!node.label.is_empty() && better_name(&n.id, &node.label, &n.label))
            {
                n.label = node.label;
            }
            n.aliases.extend(node.aliases);
            // mentions is the sum over documents when they are known, kept up to date here
            let had_docs = !n.docs.is_empty();
            let mut more = 0;
            for (d, c) in node.docs.iter() {
                more += if self.bulk {
                    n.docs.raise_bulk(Arc::clone(d), c)
                } else {
                    n.docs.raise(Arc::clone(d), c)
                };
            }
            n.mentions = if n.docs.is_empty() {
                n.mentions.max(node.mentions)
            } else if had_docs {
                n.mentions + more
            } else {
                more
            };
            if n.is_event() {
                // deterministic whatever the order: the smallest value wins
                n.event_type = min_opt(n.event_type.take(), node.event_type);
                n.code = min_opt(n.code.take(), node.code);
                n.date = match (n.date.take(), node.date) {
                    (Some(a), Some(b)) => Some(if (a.inferred, &a) <= (b.inferred, &b) {
                        a
                    } else {
                        b
                    }),
                    (a, b) => a.or(b),
                };
                n.modality = min_opt(n.modality.take(), node.modality);
                union_evidence(&mut n.evidence, node.evidence, self.bulk);
            }
            return i;
        }
        let mut node = node;
        if !node.docs.is_empty() {
            node.mentions = node.docs.values().sum();
        }
        node.evidence.sort();
        node.evidence.dedup();
        if let Some(name) = node.names.get("en") {
            node.label = name.clone();
        } else if node.label.is_empty() {
            if let Some(ar) = node.names.get("ar") {
                node.label = ar.clone();
            }
        }
        let i = self.graph.add_node(node);
        self.index.insert(&self.graph, i);
        i
    }

    /// Adds a document's record, or keeps the smaller of two records with the same id (so
    /// that merging does not depend on order).
    pub fn upsert_document(&mut self, doc: DocumentInfo) {
        match self.documents.entry(doc.id.clone()) {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(doc);
            }
            std::collections::btree_map::Entry::Occupied(mut e) => {
                if document_key(&doc) < document_key(e.get()) {
                    e.insert(doc);
                }
            }
        }
    }

    /// Starts adding in bulk: evidence lists are appended to without being kept sorted, which
    /// saves quadratic inserts when a fact has thousands of evidences, and a node's large
    /// mention counts ([`DocCounts::Appended`]) take each new document at their end instead of
    /// in its place among thousands. Until [`finish_bulk`](Self::finish_bulk) evidence may be
    /// out of order or hold duplicates, and those counts are in the order the documents came.
    /// In bulk, each [`add`](Self::add) should bring a document the graph does not hold (as
    /// [`Pipeline::extend`](crate::Pipeline::extend) does); one that comes again is merged
    /// right all the same when the bulk ends.
    pub fn start_bulk(&mut self) {
        self.bulk = true;
    }

    /// Ends adding in bulk: sorts and deduplicates every evidence list, sorts the mention
    /// counts appended in bulk (a document counted twice keeps its largest count) and sets
    /// those nodes' `mentions` to their sum.
    pub fn finish_bulk(&mut self) {
        use rayon::prelude::*;
        self.bulk = false;
        let mut appended: Vec<&mut NodeData> = self
            .graph
            .node_weights_mut()
            .filter(|n| matches!(n.docs, DocCounts::Appended(_)))
            .collect();
        appended.par_iter_mut().for_each(|n| {
            n.docs.tidy();
            n.mentions = n.docs.values().sum();
        });
        tidy_evidence(self.graph.node_weights_mut().map(|n| &mut n.evidence));
        tidy_evidence(self.graph.edge_weights_mut().map(|l| &mut l.evidence));
    }

    /// Adds a link, or merges its evidence into the same link.
    pub fn upsert_link(&mut self, source: &str, target: &str, link: LinkData) -> Option<EdgeIndex> {
        let (s, t) = (
            self.index.get(&self.graph, source)?,
            self.index.get(&self.graph, target)?,
        );
        let key = (
            s,
            t,
            link.relation.as_str(),
            link.role.as_deref(),
            link.event(),
        );
        if let Some(e) = self.links.get(&self.graph, key) {
            let l = &mut self.graph[e];
            union_evidence(&mut l.evidence, link.evidence, self.bulk);
            // a link read in a text is no longer only the dictionary's
            l.basis = match (l.basis.take(), link.basis) {
                (Some(a), Some(b)) => Some(a.min(b)),
                _ => None,
            };
            return Some(e);
        }
        let mut link = link;
        link.evidence.sort();
        link.evidence.dedup();
        let e = self.graph.add_edge(s, t, link);
        self.links.insert(&self.graph, e);
        Some(e)
    }

    /// Adds everything one document says.
    pub fn add(&mut self, facts: DocFacts) {
        // the document's id as its evidence shares it, so that a large graph holds it once
        let doc: Arc<str> = facts
            .events
            .iter()
            .flat_map(|e| e.evidence.first())
            .chain(facts.roles.iter().filter_map(|r| r.evidence.as_ref()))
            .map(|e| &e.doc)
            .find(|d| ***d == *facts.document.id)
            .map_or_else(|| Arc::from(facts.document.id.as_str()), Arc::clone);
        self.upsert_document(facts.document);
        // (entity, the country it lies in), linked once every entity of the document is in
        let mut within = Vec::new();
        for e in facts.entities {
            let label =
                e.en.clone()
                    .or_else(|| e.ar.clone())
                    .unwrap_or_else(|| e.id.clone());
            let mut names = BTreeMap::new();
            if let Some(en) = e.en {
                names.insert("en".to_string(), en);
            }
            if let Some(ar) = e.ar {
                names.insert("ar".to_string(), ar);
            }
            let mut docs = DocCounts::new();
            if e.mentions > 0 {
                docs.insert(Arc::clone(&doc), e.mentions);
            }
            if let Some(w) = e.within {
                within.push((e.id.clone(), w));
            }
            self.upsert_node(NodeData {
                names,
                aliases: e.aliases,
                mentions: e.mentions,
                docs,
                ..NodeData::new(e.id, e.kind.as_str(), label)
            });
        }
        for (id, w) in &within {
            self.upsert_link(
                id,
                w,
                LinkData {
                    relation: "located_in".into(),
                    role: None,
                    basis: Some("dictionary".into()),
                    evidence: vec![],
                    ..Default::default()
                },
            );
        }
        for r in facts.roles {
            self.upsert_link(
                &r.person,
                &r.of,
                LinkData {
                    relation: "role".into(),
                    role: Some(r.role),
                    basis: r.evidence.is_none().then(|| "dictionary".to_string()),
                    evidence: r.evidence.into_iter().collect(),
                    ..Default::default()
                },
            );
        }
        for mut ev in facts.events {
            let persons: Vec<&str> = ev.persons().into_iter().collect();
            let date = ev.date.map(|d| EventDate {
                start: d.start.to_string(),
                end: d.end.map(|e| e.to_string()),
                inferred: d.inferred,
            });
            let date_key = date
                .as_ref()
                .map(|d| {
                    format!(
                        "{}{}",
                        d.start,
                        d.end
                            .as_deref()
                            .map(|e| format!("/{e}"))
                            .unwrap_or_default()
                    )
                })
                .unwrap_or_else(|| "undated".into());
            let mut identity = format!(
                "{}|{}|{}|{}",
                ev.family(),
                date_key,
                ev.modality.as_str(),
                persons.join("|")
            );
            if date.is_none() && !ev.place_from_dateline {
                // undated, an event is told apart by where it was: the same guest's undated
                // visits to Paris and to Moscow, in two articles, are two visits
                if let Some(place) = &ev.place {
                    identity.push('|');
                    identity.push_str(place);
                }
            }
            if ev.event_type == "statement" {
                // each statement is its own event: the sentence tells which
                if let Some(e) = ev.evidence.first() {
                    identity.push_str(&format!("|{}|{}", e.doc, e.start));
                }
            }
            let id = format!(
                "event:{}:{}:{}",
                ev.family(),
                date_key,
                &content_hash(&identity)[..10]
            );
            let mut docs = DocCounts::new();
            docs.insert(Arc::clone(&doc), ev.evidence.len());
            let label = format!(
                "{} {}",
                ev.event_type,
                date.as_ref().map(|d| d.start.as_str()).unwrap_or("")
            );
            // the node takes the evidence when no link needs a copy of it
            let linked = !ev.args.is_empty() || ev.place.is_some();
            self.upsert_node(NodeData {
                mentions: ev.evidence.len(),
                docs,
                event_type: Some(ev.event_type),
                code: Some(ev.code),
                date,
                modality: Some(ev.modality.as_str().to_string()),
                evidence: if linked {
                    ev.evidence.clone()
                } else {
                    std::mem::take(&mut ev.evidence)
                },
                ..NodeData::new(id.clone(), "event", label.trim())
            });
            for (rel, target) in &ev.args {
                self.upsert_link(
                    &id,
                    target,
                    LinkData {
                        relation: rel.as_str().into(),
                        role: None,
                        basis: None,
                        evidence: ev.evidence.clone(),
                        ..Default::default()
                    },
                );
            }
            if let Some(p) = &ev.place {
                self.upsert_link(
                    &id,
                    p,
                    LinkData {
                        relation: "location".into(),
                        role: None,
                        basis: None,
                        evidence: ev.evidence.clone(),
                        ..Default::default()
                    },
                );
            }
        }
    }

    /// Unites another graph into this one (see the module docs for the laws it keeps).
    pub fn merge(&mut self, other: &KnowledgeGraph) {
        for d in other.documents.values() {
            self.upsert_document(d.clone());
        }
        for n in other.graph.node_weights() {
            self.upsert_node(n.clone());
        }
        for (s, t, l) in other.links() {
            self.upsert_link(s, t, l.clone());
        }
    }
}

/// The fields of a document record in a total order.
#[allow(clippy::type_complexity)]
fn document_key(
    d: &DocumentInfo,
) -> (
    &str,
    &str,
    &str,
    Option<crate::document::PartialDate>,
    &Option<String>,
    &str,
    &Option<String>,
) {
    (
        &d.hash,
        &d.title,
        &d.origin,
        d.published,
        &d.source,
        &d.language,
        &d.url,
    )
}

/// True when `a` names the node `id` better than `b`: a name that spells the id (the name in
/// full, as the id was made from it: إبراهيم الربيش for `person:ابراهيم-الربيش`) before one that
/// does not (الربيش), then the smaller. A total order, so that merging in any order and
/// any number of times gives the same name.
fn better_name(id: &str, a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let slug = id.split_once(':').map_or(id, |(_, s)| s);
    let spells = |name: &str| {
        let n = crate::normalize::normalize(name);
        n.len() == slug.len() && n.split(' ').eq(slug.split('-'))
    };
    (!spells(a), a) < (!spells(b), b)
}

fn min_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, en: Option<&str>, ar: &str, doc: &str, mentions: usize) -> NodeData {
        let mut names = BTreeMap::new();
        if let Some(en) = en {
            names.insert("en".to_string(), en.to_string());
        }
        names.insert("ar".to_string(), ar.to_string());
        NodeData {
            names,
            aliases: [ar.to_string()].into(),
            mentions,
            docs: [(Arc::from(doc), mentions)].into(),
            ..NodeData::new(id, "person", en.unwrap_or(ar))
        }
    }

    fn doc(id: &str, origin: &str) -> DocumentInfo {
        DocumentInfo {
            id: id.into(),
            title: "t".into(),
            published: None,
            source: None,
            language: "ar".into(),
            origin: origin.into(),
            url: None,
            hash: "0".into(),
        }
    }

    fn graph(nodes: &[NodeData], docs: &[DocumentInfo]) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for d in docs {
            g.upsert_document(d.clone());
        }
        for n in nodes {
            g.upsert_node(n.clone());
        }
        g
    }

    fn state(g: &KnowledgeGraph) -> String {
        format!("{:?} {:?}", g.nodes(), g.documents)
    }

    #[test]
    fn merging_conflicting_nodes_and_records_does_not_depend_on_order() {
        // the same id told with different spellings, labels and counts, from differently
        // named origins
        let a = graph(
            &[entity("person:x", None, "سمير", "d1", 2)],
            &[doc("d1", "a/d1.txt")],
        );
        let b = graph(
            &[entity("person:x", None, "سمیر", "d1", 3)],
            &[doc("d1", "b/d1.txt")],
        );
        let c = graph(
            &[entity("person:x", Some("Samir"), "سمير", "d2", 1)],
            &[doc("d2", "c/d2.txt")],
        );
        let merged = |parts: &[&KnowledgeGraph]| {
            let mut g = parts[0].clone();
            for p in &parts[1..] {
                g.merge(p);
            }
            state(&g)
        };
        let abc = merged(&[&a, &b, &c]);
        for order in [
            [&a, &c, &b],
            [&b, &a, &c],
            [&b, &c, &a],
            [&c, &a, &b],
            [&c, &b, &a],
        ] {
            assert_eq!(merged(&order), abc);
        }
        let mut bc = b.clone();
        bc.merge(&c);
        assert_eq!(merged(&[&a, &bc]), abc);
        assert_eq!(merged(&[&a, &a]), state(&a));
        let mut g = a.clone();
        g.merge(&b);
        g.merge(&c);
        let x = g.node("person:x").unwrap();
        assert_eq!(x.label, "Samir");
        assert_eq!(x.docs["d1"], 3);
        assert_eq!(x.mentions, 4);
        assert_eq!(g.documents["d1"].origin, "a/d1.txt");
    }

    #[test]
    fn a_name_in_full_is_the_label_whatever_the_order() {
        // one document names the person by the family name only (and that part sorts first),
        // another in full: the full name, which the id spells, wins in either order and when
        // the graph is merged with itself
        let part = entity("person:جورج-بوش", None, "بوش", "d1", 1);
        let full = entity("person:جورج-بوش", None, "جورج بوش", "d2", 2);
        for order in [[&part, &full], [&full, &part]] {
            let mut g = KnowledgeGraph::new();
            for n in order {
                g.upsert_node(n.clone());
            }
            let twice = {
                let mut t = g.clone();
                t.merge(&g);
                t
            };
            for graph in [&g, &twice] {
                let n = &graph.nodes()[0];
                assert_eq!(
                    (n.label.as_str(), n.names["ar"].as_str()),
                    ("جورج بوش", "جورج بوش")
                );
            }
        }
        // names that do not spell the id: the smaller, as before
        assert!(better_name("person:x", "a", "b") && !better_name("person:x", "b", "a"));
        assert!(!better_name("person:x", "a", "a"));
    }

    #[test]
    fn a_link_read_in_a_text_is_no_longer_only_the_dictionarys() {
        let mut g = graph(
            &[
                entity("person:x", Some("X"), "س", "d", 1),
                entity("country:y", Some("Y"), "ص", "d", 1),
            ],
            &[],
        );
        let link = |basis: Option<&str>| LinkData {
            relation: "role".into(),
            role: Some("president".into()),
            basis: basis.map(str::to_string),
            evidence: vec![],
            ..LinkData::default()
        };
        let mut h = g.clone();
        g.upsert_link("person:x", "country:y", link(Some("dictionary")));
        g.upsert_link("person:x", "country:y", link(None));
        h.upsert_link("person:x", "country:y", link(None));
        h.upsert_link("person:x", "country:y", link(Some("dictionary")));
        assert_eq!(g.links()[0].2.basis, None);
        assert_eq!(h.links()[0].2.basis, None);
    }
}
