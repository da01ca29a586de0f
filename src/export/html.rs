//! The interactive HTML export: one self-contained page that works offline.
//!
//! The page holds the graph as JSON in `<script type="application/json" id="graph-data">`,
//! the stylesheet `html.css` and our own small renderer
//! `html.js` (both in this folder, included at build time): a force layout drawn in SVG,
//! with pan (drag) and zoom (wheel), search by name in Arabic or English, filters by kind,
//! event type and date range, and a details panel with the evidence sentences of what is
//! clicked. No third-party code, no network.
//!
//! What the page gets beyond the JSON contract, computed here so the page and the library
//! agree: each node's search key (every name, [normalised](crate::normalize::normalize) as the
//! pipeline does) and each dated event's interval (see [`gexf::interval`](super::gexf::interval)).
//! Elements have stable ids for tests and scripts: `#search`, `#results`, `#details`,
//! `#date-from`, `#date-to`, `#undated`, kind and type checkboxes as
//! `input[data-kind="…"]` and `input[data-type="…"]`, nodes as `g[data-id="…"]`.

use super::{gexf::interval, io_err, Exporter};
use crate::error::Result;
use crate::graph::{EventDate, KnowledgeGraph};
use crate::resolve::Evidence;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// Writes the interactive page.
pub struct HtmlExporter;

const SCRIPT: &str = include_str!("html.js");
const STYLE: &str = include_str!("html.css");

#[derive(Serialize)]
struct PageNode<'a> {
    id: &'a str,
    kind: &'a str,
    label: &'a str,
    names: &'a BTreeMap<String, String>,
    aliases: Vec<&'a str>,
    mentions: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a EventDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modality: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Evidence],
    /// Normalised names, one per line.
    key: String,
    /// First and last day of a dated event.
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<(String, String)>,
}

#[derive(Serialize)]
struct PageLink<'a> {
    source: &'a str,
    target: &'a str,
    relation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a EventDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modality: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<(String, String)>,
    /// Evidence of links that do not leave an event node (the event node has it already).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
struct PageDoc<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Page<'a> {
    generator: String,
    documents: Vec<PageDoc<'a>>,
    nodes: Vec<PageNode<'a>>,
    links: Vec<PageLink<'a>>,
}

/// The graph data the page embeds, as JSON safe to place inside a `<script>` element.
pub fn page_data(graph: &KnowledgeGraph) -> String {
    let nodes = graph
        .nodes()
        .into_iter()
        .map(|n| {
            let mut keys: Vec<String> = n.all_names().map(crate::normalize::normalize).collect();
            keys.sort();
            keys.dedup();
            PageNode {
                id: &n.id,
                kind: &n.kind,
                label: &n.label,
                names: &n.names,
                aliases: n.aliases.iter().map(String::as_str).collect(),
                mentions: n.mentions,
                event_type: n.event_type.as_deref(),
                code: n.code.as_deref(),
                date: n.date.as_ref(),
                modality: n.modality.as_deref(),
                evidence: &n.evidence,
                key: keys.join("\n"),
                span: n.date.as_ref().and_then(interval),
            }
        })
        .collect();
    let links = graph
        .links()
        .into_iter()
        .map(|(s, t, l)| PageLink {
            source: s,
            target: t,
            relation: &l.relation,
            role: l.role.as_deref(),
            basis: l.basis.as_deref(),
            event_type: l.event_type(),
            date: l.date(),
            modality: l.modality(),
            span: l.date().and_then(interval),
            evidence: if graph.node(s).is_some_and(|n| n.is_event()) {
                &[]
            } else {
                &l.evidence
            },
        })
        .collect();
    let documents = graph
        .documents
        .values()
        .map(|d| PageDoc {
            id: &d.id,
            title: &d.title,
            published: d.published.map(|p| p.to_string()),
            url: d.url.as_deref(),
        })
        .collect();
    let page = Page {
        generator: format!("newsgraph {}", env!("CARGO_PKG_VERSION")),
        documents,
        nodes,
        links,
    };
    script_safe(&serde_json::to_string(&page).unwrap_or_else(|_| "{}".into()))
}

/// JSON that cannot end its `<script>` element early: `<`, `>` and `&` are written as `\u` escapes
/// (the same JSON value), and so are the line separators JavaScript once treated as line ends.
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The whole page.
pub fn to_html(graph: &KnowledgeGraph) -> String {
    let (entities, events) = graph.counts();
    let title = format!(
        "newsgraph: {} documents, {entities} entities, {events} events",
        graph.documents.len()
    );
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph {version}">
<title>{title}</title>
<style>
{STYLE}</style>
</head>
<body>
<aside id="panel">
  <h1>{title}</h1>
  <input id="search" type="search" dir="auto" autocomplete="off"
         placeholder="Search a name: بوتين, Lavrov …" aria-label="Search a name">
  <ul id="results" aria-live="polite"></ul>
  <details open><summary>Kinds</summary><div id="kinds"></div></details>
  <details open><summary>Event types</summary><div id="types"></div></details>
  <details open><summary>Dates</summary>
    <div id="dates">
      <label>from <input id="date-from" type="date"></label>
      <label>to <input id="date-to" type="date"></label>
      <label><input id="undated" type="checkbox" checked> events without a year</label>
      <label><input id="isolated" type="checkbox" checked> nodes without visible links</label>
    </div>
  </details>
  <p id="status"></p>
  <section id="details" dir="auto"><p class="hint">Click a node to see what the articles say.</p></section>
</aside>
<main id="canvas">
  <svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="graph"></svg>
  <p id="help">drag to pan · wheel to zoom · click a node</p>
</main>
<script type="application/json" id="graph-data">{data}</script>
<script>
{SCRIPT}</script>
</body>
</html>
"#,
        version = env!("CARGO_PKG_VERSION"),
        title = escape_text(&title),
        data = page_data(graph),
    )
}

impl Exporter for HtmlExporter {
    fn name(&self) -> &'static str {
        "html"
    }

    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        out.write_all(to_html(graph).as_bytes())
            .map_err(|e| io_err("html", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::NodeData;

    #[test]
    fn embedded_json_cannot_close_the_script() {
        let s = script_safe("{\"t\":\"</script><!-- & \u{2028}\"}");
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&') && !s.contains('\u{2028}')
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["t"], "</script><!-- & \u{2028}");
    }

    #[test]
    fn nodes_carry_normalised_keys_and_spans() {
        let mut g = KnowledgeGraph::new();
        g.upsert_node(NodeData {
            names: [("ar".to_string(), "أَحْمَد".to_string())]
                .into_iter()
                .collect(),
            aliases: ["أحمدى".to_string()].into_iter().collect(),
            mentions: 1,
            date: Some(EventDate {
                start: "2023-10".into(),
                end: None,
                inferred: false,
            }),
            ..NodeData::new("person:x", "person", "Ahmed </script>")
        });
        let html = to_html(&g);
        assert_eq!(
            html.matches("</script>").count(),
            2,
            "only the two real script ends"
        );
        let start = html.find(r#"id="graph-data">"#).unwrap() + r#"id="graph-data">"#.len();
        let end = start + html[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        let n = &data["nodes"][0];
        assert_eq!(n["key"], "ahmed </script>\nاحمد\nاحمدي");
        assert_eq!(n["span"], serde_json::json!(["2023-10-01", "2023-10-31"]));
        assert!(html.contains(r#"<input id="search""#) && html.contains(r#"id="details""#));
    }
}
