//! The JSON export: networkx node-link form, the contract of `docs/graph-contract.md`.
//!
//! ```json
//! {"directed": true, "multigraph": true,
//!  "graph": {"generator": "newsgraph 0.1.0", "documents": [{"id", "title", "published", "source", "language"}]},
//!  "nodes": [{"id", "kind", "label", "names", "aliases", "mentions", …event fields}],
//!  "links": [{"source", "target", "key", "relation", "role"?, "evidence"?}]}
//! ```
//! A notebook loads it with `networkx.node_link_graph(data, edges="links")`.

use super::{io_err, Exporter};
use crate::document::PartialDate;
use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, LinkData, NodeData};
use crate::resolve::DocumentInfo;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;

/// Writes node-link JSON.
pub struct JsonExporter;

/// A document as listed in `graph.documents`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JsonDocument {
    /// Document id.
    pub id: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Publication date, if the article states one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<String>,
    /// Source entity id.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<String>,
    /// Language.
    #[serde(default)]
    pub language: String,
    /// Where it was read from.
    #[serde(default)]
    pub origin: String,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// Content hash of the text.
    #[serde(default)]
    pub hash: String,
}

/// The `graph` attributes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JsonGraphMeta {
    /// `newsgraph <version>`.
    pub generator: String,
    /// The documents read.
    pub documents: Vec<JsonDocument>,
}

/// A link with its endpoints.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JsonLink {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Multigraph key: 0, 1, … among the links of one pair.
    #[serde(default)]
    pub key: usize,
    /// The link's data.
    #[serde(flatten)]
    pub data: LinkData,
}

/// The whole document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JsonGraph {
    /// Always true.
    pub directed: bool,
    /// Always true.
    pub multigraph: bool,
    /// Graph attributes.
    pub graph: JsonGraphMeta,
    /// Nodes.
    pub nodes: Vec<NodeData>,
    /// Links.
    pub links: Vec<JsonLink>,
}

impl JsonGraph {
    /// The serialisable form of a graph, in a deterministic order.
    pub fn from_graph(g: &KnowledgeGraph) -> Self {
        let documents = g.documents.values().map(JsonDocument::from).collect();
        let mut keys: HashMap<(&str, &str), usize> = HashMap::new();
        let links = g
            .links()
            .into_iter()
            .map(|(s, t, l)| {
                let k = keys.entry((s, t)).or_insert(0);
                let key = *k;
                *k += 1;
                JsonLink {
                    source: s.to_string(),
                    target: t.to_string(),
                    key,
                    data: l.clone(),
                }
            })
            .collect();
        JsonGraph {
            directed: true,
            multigraph: true,
            graph: JsonGraphMeta {
                generator: generator(),
                documents,
            },
            nodes: g.nodes().into_iter().cloned().collect(),
            links,
        }
    }

    /// Rebuilds a graph.
    pub fn into_graph(self) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for d in self.graph.documents {
            g.documents.insert(
                d.id.clone(),
                DocumentInfo {
                    id: d.id,
                    title: d.title,
                    published: d.published.as_deref().and_then(PartialDate::parse),
                    source: d.source,
                    language: d.language,
                    origin: d.origin,
                    url: d.url,
                    hash: d.hash,
                },
            );
        }
        for n in self.nodes {
            g.upsert_node(n);
        }
        for l in self.links {
            g.upsert_link(&l.source, &l.target, l.data);
        }
        g
    }
}

/// A graph serialised as node-link JSON by reference: the bytes of [`JsonGraph::from_graph`]
/// without copying the graph (for a large graph the copy doubled the memory of writing it).
pub struct JsonGraphView<'g>(pub &'g KnowledgeGraph);

/// A link of [`JsonGraphView`]: [`JsonLink`] by reference.
#[derive(Serialize)]
struct LinkView<'g> {
    source: &'g str,
    target: &'g str,
    key: usize,
    #[serde(flatten)]
    data: &'g LinkData,
}

/// The `graph` attributes of [`JsonGraphView`]: [`JsonGraphMeta`] with the documents made one
/// at a time as they are written.
struct MetaView<'g>(&'g KnowledgeGraph);

impl From<&DocumentInfo> for JsonDocument {
    fn from(d: &DocumentInfo) -> Self {
        JsonDocument {
            id: d.id.clone(),
            title: d.title.clone(),
            published: d.published.map(|p| p.to_string()),
            source: d.source.clone(),
            language: d.language.clone(),
            origin: d.origin.clone(),
            url: d.url.clone(),
            hash: d.hash.clone(),
        }
    }
}

impl Serialize for MetaView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("JsonGraphMeta", 2)?;
        m.serialize_field("generator", &generator())?;
        m.serialize_field(
            "documents",
            &Seq(|| self.0.documents.values().map(JsonDocument::from)),
        )?;
        m.end()
    }
}

/// A sequence serialised from an iterator (made anew by `F` each time it is serialised).
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

impl Serialize for JsonGraphView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let g = self.0;
        let nodes = g.nodes();
        let links = g.links();
        // the multigraph key: 0, 1, … among the links of one pair (sorted together)
        let keys: Vec<usize> = links
            .iter()
            .enumerate()
            .scan(0, |key, (i, l)| {
                let same = i > 0 && (links[i - 1].0, links[i - 1].1) == (l.0, l.1);
                *key = if same { *key + 1 } else { 0 };
                Some(*key)
            })
            .collect();
        let mut j = s.serialize_struct("JsonGraph", 5)?;
        j.serialize_field("directed", &true)?;
        j.serialize_field("multigraph", &true)?;
        j.serialize_field("graph", &MetaView(g))?;
        j.serialize_field("nodes", &nodes)?;
        j.serialize_field(
            "links",
            &Seq(|| {
                links
                    .iter()
                    .zip(&keys)
                    .map(|(&(source, target, data), &key)| LinkView {
                        source,
                        target,
                        key,
                        data,
                    })
            }),
        )?;
        j.end()
    }
}

/// The `generator` attribute.
fn generator() -> String {
    format!("newsgraph {}", env!("CARGO_PKG_VERSION"))
}

/// Reads a node-link JSON graph written by newsgraph.
pub fn read_graph(text: &str, origin: &str) -> Result<KnowledgeGraph> {
    let j: JsonGraph = serde_json::from_str(text).map_err(|e| Error::Graph {
        origin: origin.to_string(),
        reason: e.to_string(),
    })?;
    let ids: std::collections::HashSet<&str> = j.nodes.iter().map(|n| n.id.as_str()).collect();
    for l in &j.links {
        for end in [&l.source, &l.target] {
            if !ids.contains(end.as_str()) {
                return Err(Error::Graph {
                    origin: origin.to_string(),
                    reason: format!("a link names the unknown node {end:?}"),
                });
            }
        }
    }
    Ok(j.into_graph())
}

/// Reads a graph file.
pub fn read_graph_file(path: &std::path::Path) -> Result<KnowledgeGraph> {
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let origin = path.display().to_string();
    let text = crate::read::decode_utf8(bytes, &origin)?;
    read_graph(&text, &origin)
}

impl Exporter for JsonExporter {
    fn name(&self) -> &'static str {
        "json"
    }

    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        serde_json::to_writer_pretty(&mut *out, &JsonGraphView(graph)).map_err(|e| {
            Error::Export {
                format: "json".into(),
                reason: e.to_string(),
            }
        })?;
        out.write_all(b"\n").map_err(|e| io_err("json", e))
    }
}
