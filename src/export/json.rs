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
use petgraph::stable_graph::EdgeIndex;
use rayon::prelude::*;
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
        let mut j = s.serialize_struct("JsonGraph", 5)?;
        j.serialize_field("directed", &true)?;
        j.serialize_field("multigraph", &true)?;
        j.serialize_field("graph", &MetaView(g))?;
        j.serialize_field("nodes", &g.nodes())?;
        let links = g.links();
        let keys = link_keys(links.iter().map(|&(s, t, _)| (s, t)));
        j.serialize_field(
            "links",
            &Seq(|| {
                links
                    .iter()
                    .zip(&keys)
                    .map(|(l, &key)| LinkView::new(l, key as usize))
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

/// Bytes of JSON (as estimated by the weights of [`write_graph_chunked`]) serialised by one
/// task of [`write_graph`].
///
/// A batch of 4 × threads tasks is held in memory at once, and elements vary a lot in size: a
/// link or node told in thousands of documents carries megabytes of evidence, most carry one
/// sentence. Cutting the tasks by estimated bytes rather than by count keeps a batch at a few MB
/// whatever the graph.
const CHUNK_BYTES: usize = 64 * 1024;

/// Writes a graph as node-link JSON: byte for byte what
/// `serde_json::to_writer_pretty(out, &JsonGraphView(g))` writes, but with the elements of
/// `documents`, `nodes` and `links` serialised in parallel on the current rayon pool.
///
/// The elements are serialised a bounded batch at a time (4 × threads tasks of about 64 KB of
/// JSON each); each batch is written, in order, while the pool makes the next one, so a graph
/// of several GB is never held whole in memory as JSON.
pub fn write_graph(g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
    write_graph_chunked(g, out, CHUNK_BYTES)
}

/// [`write_graph`] with tasks of about `chunk_bytes` of JSON (the tests use small ones to cross
/// the boundaries of tasks and batches on a small graph).
fn write_graph_chunked(g: &KnowledgeGraph, out: &mut dyn Write, chunk_bytes: usize) -> Result<()> {
    let documents: Vec<&DocumentInfo> = g.documents.values().collect();
    // the fields of `JsonGraphView` and `MetaView`, with the indents of serde_json's pretty
    // printer: the top-level object's fields at 2 spaces, those of `graph` at 4
    let head = format!(
        "{{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {{\n    \"generator\": {},\n    \"documents\": ",
        serde_json::to_string(&generator()).map_err(json_err)?
    );
    put(out, head.as_bytes())?;
    let document_weight = |d: &&DocumentInfo| {
        160 + d.id.len() + d.title.len() + d.origin.len() + d.url.as_ref().map_or(0, String::len)
    };
    write_array(out, &documents, 2, chunk_bytes, document_weight, |_, d| {
        JsonDocument::from(*d)
    })?;
    put(out, b"\n  },\n  \"nodes\": ")?;
    let node_weight = |n: &&NodeData| {
        200 + n.all_names().map(str::len).sum::<usize>()
            + n.docs.keys().map(|d| d.len() + 24).sum::<usize>()
            + evidence_weight(&n.evidence)
    };
    write_array(out, &g.nodes(), 1, chunk_bytes, node_weight, |_, n| *n)?;
    put(out, b",\n  \"links\": ")?;
    // the links by index (a large graph has millions), with their multigraph keys
    let order = g.link_order();
    let keys = link_keys(order.iter().map(|&e| {
        let (s, t, _) = g.link_at(e);
        (s, t)
    }));
    let link_weight = |&e: &EdgeIndex| {
        let (s, t, l) = g.link_at(e);
        150 + s.len() + t.len() + evidence_weight(&l.evidence)
    };
    // `keys` has one key per link, so `keys[i]` is there for every index `i` of `order`
    write_array(out, &order, 1, chunk_bytes, link_weight, |i, &e| {
        LinkView::new(&g.link_at(e), keys[i] as usize)
    })?;
    put(out, b"\n}")
}

/// About the bytes of JSON a list of evidence takes.
fn evidence_weight(evidence: &[crate::resolve::Evidence]) -> usize {
    evidence
        .iter()
        .map(|e| 100 + e.doc.len() + e.text.len())
        .sum()
}

/// The multigraph keys of links sorted as by [`KnowledgeGraph::links`]: 0, 1, … among the links
/// of one pair (sorted together).
fn link_keys<'g>(ends: impl IntoIterator<Item = (&'g str, &'g str)>) -> Vec<u32> {
    let mut last: Option<(&str, &str)> = None;
    ends.into_iter()
        .scan(0u32, |key, pair| {
            *key = if last == Some(pair) { *key + 1 } else { 0 };
            last = Some(pair);
            Some(*key)
        })
        .collect()
}

impl<'g> LinkView<'g> {
    /// The view of a link of [`KnowledgeGraph::links`] with its key.
    fn new(&(source, target, data): &(&'g str, &'g str, &'g LinkData), key: usize) -> Self {
        LinkView {
            source,
            target,
            key,
            data,
        }
    }
}

/// Writes `items` as a JSON array that serde_json's pretty printer would start at `depth`
/// indents (2 spaces each): `[]` when empty, otherwise each element on its own lines one
/// indent deeper, then `]` at `depth`. The elements, made by `elem` from their index and item,
/// are serialised in parallel: cut into tasks of about `chunk_bytes` by their `weight` (an
/// estimate of their bytes of JSON), 4 × threads tasks per batch, each batch written in order
/// while the next one is made.
fn write_array<T, E>(
    out: &mut dyn Write,
    items: &[T],
    depth: usize,
    chunk_bytes: usize,
    weight: impl Fn(&T) -> usize,
    elem: impl Fn(usize, &T) -> E + Sync,
) -> Result<()>
where
    T: Sync,
    E: Serialize,
{
    if items.is_empty() {
        return put(out, b"[]");
    }
    let indent = "  ".repeat(depth + 1).into_bytes();
    // the tasks: ranges of items of about `chunk_bytes` each (at least one item)
    let mut tasks: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut from, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        bytes += weight(item);
        if bytes >= chunk_bytes || i + 1 == items.len() {
            tasks.push(from..i + 1);
            (from, bytes) = (i + 1, 0);
        }
    }
    let serialize = |batch: &[std::ops::Range<usize>]| -> Vec<Result<Vec<u8>>> {
        batch
            .par_iter()
            .map(|range| {
                let mut buf = Vec::new();
                let mut json = Vec::new();
                for i in range.clone() {
                    buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
                    buf.extend_from_slice(&indent);
                    json.clear();
                    serde_json::to_writer_pretty(&mut json, &elem(i, &items[i]))
                        .map_err(json_err)?;
                    push_indented(&mut buf, &json, &indent);
                }
                Ok(buf)
            })
            .collect()
    };
    put(out, b"[")?;
    let mut batches = tasks.chunks(4 * rayon::current_num_threads());
    let mut ready = batches.next().map(serialize);
    // each batch is written while the pool serialises the next one
    while let Some(parts) = ready.take() {
        let next = batches.next();
        let mut written = Ok(());
        rayon::in_place_scope(|scope| {
            if let Some(next) = next {
                let (made, serialize) = (&mut ready, &serialize);
                scope.spawn(move |_| *made = Some(serialize(next)));
            }
            written = parts.into_iter().try_for_each(|part| put(out, &part?));
        });
        written?;
    }
    put(out, b"\n")?;
    put(out, &indent[2..])?;
    put(out, b"]")
}

/// Appends `json`, a value serialised pretty at depth 0, to `buf` as it would come out nested
/// deeper: `indent` after every newline. JSON strings escape their newlines, so every newline
/// byte is one of the pretty printer's own.
fn push_indented(buf: &mut Vec<u8>, json: &[u8], indent: &[u8]) {
    let mut from = 0;
    for i in memchr::memchr_iter(b'\n', json) {
        buf.extend_from_slice(&json[from..=i]);
        buf.extend_from_slice(indent);
        from = i + 1;
    }
    buf.extend_from_slice(&json[from..]);
}

/// Writes bytes of the JSON export.
fn put(out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    out.write_all(bytes).map_err(|e| io_err("json", e))
}

/// A serde_json error as an export error.
fn json_err(e: serde_json::Error) -> Error {
    Error::Export {
        format: "json".into(),
        reason: e.to_string(),
    }
}

impl Exporter for JsonExporter {
    fn name(&self) -> &'static str {
        "json"
    }

    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        write_graph(graph, out)?;
        put(out, b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    /// What [`write_graph_chunked`] writes, as text.
    fn parallel(g: &KnowledgeGraph, chunk_bytes: usize) -> String {
        let mut out = Vec::new();
        write_graph_chunked(g, &mut out, chunk_bytes).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_parallel_writer_writes_the_bytes_of_serde_json() {
        let p = Pipeline::builtin().unwrap();
        let mut g = p.build_page(
            "زيارة إلى عمان\nتاريخ النشر: 3rd, March 2024 GMT\nعمان-بترا\n\
             استقبل الملك عبدالله الثاني اليوم في عمان وزير الخارجية الأمريكي أنتوني بلينكن، \
             والتقى بلينكن لاحقا رئيس الوزراء بشر الخصاونة. وقال الملك إن \"السلام\" ضرورة.",
            "t",
        );
        g.merge(&p.build_page(
            "لقاء في القاهرة\nالقاهرة-أ ش أ\n\
             التقى الرئيس المصري عبد الفتاح السيسي في القاهرة وزير الخارجية الأمريكي أنتوني بلينكن. \
             وكان بلينكن قد التقى نائب الرئيس الأمريكي جو بايدن ثم الرئيس الأمريكي جو بايدن في واشنطن.",
            "u",
        ));
        let (nodes, links) = g.counts();
        assert!(nodes >= 4 && links >= 3, "{nodes} nodes, {links} links");
        assert_eq!(g.documents.len(), 2);
        // two links of one pair (Biden's two roles in the United States), so keys 0 and 1
        let links = g.links();
        assert!(link_keys(links.iter().map(|&(s, t, _)| (s, t))).contains(&1));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        for g in [&g, &KnowledgeGraph::new()] {
            let expected = serde_json::to_string_pretty(&JsonGraphView(g)).unwrap();
            // the view's keys against those of the owned form, counted another way
            assert_eq!(
                expected,
                serde_json::to_string_pretty(&JsonGraph::from_graph(g)).unwrap()
            );
            pool.install(|| {
                // tasks of one element, or of a few, cross tasks and batches (4 × 2 tasks) on
                // a small graph
                for chunk_bytes in [1, 300, 1000, 3000, CHUNK_BYTES] {
                    assert_eq!(
                        parallel(g, chunk_bytes),
                        expected,
                        "tasks of {chunk_bytes} B"
                    );
                }
                let mut out = Vec::new();
                JsonExporter.write(g, &mut out).unwrap();
                assert_eq!(out, format!("{expected}\n").into_bytes());
            });
        }
    }
}
