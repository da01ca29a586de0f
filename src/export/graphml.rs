//! The GraphML export: Gephi, yEd and `networkx.read_graphml` read it with typed attributes.
//!
//! Every attribute of [`NODE_COLUMNS`] and
//! [`LINK_COLUMNS`] is declared once as a `<key>` with its `attr.type`
//! (`string`, `int`, `boolean`), so `mentions` reads back as an int and `date_inferred` as a
//! bool. Values that are lists or objects in the JSON contract (`aliases`, `docs`, `evidence`)
//! are JSON text in a `string` attribute; `names` and `date` are flattened to `name_en`,
//! `name_ar`, `date_start`, `date_end`, `date_inferred`. An attribute that does not apply to a
//! node (an event type on a person) is left out rather than written empty. Edges have unique
//! ids `e0`, `e1`, …, so parallel links survive as a multigraph. The graph itself carries
//! `generator` and `documents` (JSON text).

use super::xml;
use super::{
    io_err, link_values, node_values, Column, ColumnType, Exporter, LINK_COLUMNS, NODE_COLUMNS,
};
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use std::fmt::Write as _;
use std::io::Write;

/// Writes GraphML.
pub struct GraphmlExporter;

fn graphml_type(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Int => "int",
        ColumnType::Bool => "boolean",
        ColumnType::String | ColumnType::List | ColumnType::Json => "string",
    }
}

fn keys(out: &mut String, prefix: &str, domain: &str, columns: &[Column]) {
    for c in columns {
        let _ = writeln!(
            out,
            "  <key id=\"{prefix}_{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>",
            name = c.name,
            ty = graphml_type(c.ty)
        );
    }
}

fn data(out: &mut String, prefix: &str, columns: &[Column], values: Vec<Option<super::Value>>) {
    for (c, v) in columns.iter().zip(values) {
        if let Some(v) = v {
            let _ = writeln!(
                out,
                "      <data key=\"{prefix}_{}\">{}</data>",
                c.name,
                xml::text(&v.xml_text())
            );
        }
    }
}

/// The GraphML text of a graph.
pub fn to_graphml(graph: &KnowledgeGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    out.push_str(
        "  <key id=\"g_generator\" for=\"graph\" attr.name=\"generator\" attr.type=\"string\"/>\n",
    );
    out.push_str(
        "  <key id=\"g_documents\" for=\"graph\" attr.name=\"documents\" attr.type=\"string\"/>\n",
    );
    keys(&mut out, "n", "node", NODE_COLUMNS);
    keys(&mut out, "e", "edge", LINK_COLUMNS);
    out.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    let meta = super::json::JsonGraph::from_graph(graph).graph;
    let _ = writeln!(
        out,
        "    <data key=\"g_generator\">{}</data>",
        xml::text(&meta.generator)
    );
    let _ = writeln!(
        out,
        "    <data key=\"g_documents\">{}</data>",
        xml::text(&serde_json::to_string(&meta.documents).unwrap_or_default())
    );
    for n in graph.nodes() {
        let _ = writeln!(out, "    <node id=\"{}\">", xml::attr(&n.id));
        data(&mut out, "n", NODE_COLUMNS, node_values(n));
        out.push_str("    </node>\n");
    }
    for (i, (s, t, l)) in graph.links().into_iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml::attr(s),
            xml::attr(t)
        );
        data(&mut out, "e", LINK_COLUMNS, link_values(l));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

impl Exporter for GraphmlExporter {
    fn name(&self) -> &'static str {
        "graphml"
    }

    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        out.write_all(to_graphml(graph).as_bytes())
            .map_err(|e| io_err("graphml", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{LinkData, NodeData};

    fn node(id: &str, kind: &str, label: &str) -> NodeData {
        NodeData {
            mentions: 3,
            ..NodeData::new(id, kind, label)
        }
    }

    #[test]
    fn keys_are_typed_and_values_escaped() {
        let mut g = KnowledgeGraph::new();
        let mut a = node("person:a&b", "person", "A <\"quoted\"> 'B'");
        a.names.insert("ar".into(), "بوتين".into());
        g.upsert_node(a);
        g.upsert_node(node("country:c", "country", "C"));
        g.upsert_link(
            "person:a&b",
            "country:c",
            LinkData {
                relation: "role".into(),
                role: Some("president".into()),
                ..Default::default()
            },
        );
        let x = to_graphml(&g);
        assert!(
            x.contains(r#"<key id="n_mentions" for="node" attr.name="mentions" attr.type="int"/>"#)
        );
        assert!(x.contains(r#"attr.name="date_inferred" attr.type="boolean""#));
        assert!(x.contains(r#"<node id="person:a&amp;b">"#));
        assert!(x.contains("&lt;&quot;quoted&quot;&gt; &apos;B&apos;"));
        assert!(x.contains(r#"<data key="n_name_ar">بوتين</data>"#));
        assert!(x.contains(r#"<edge id="e0" source="person:a&amp;b" target="country:c">"#));
        assert!(x.contains(r#"<data key="e_role">president</data>"#));
        // attributes that do not apply are left out
        assert!(!x.contains(r#"<data key="n_event_type">"#));
    }
}
