//! The DOT export, built with graphviz-rust: one shape and colour per kind, event nodes labelled
//! with their type and date, Arabic labels quoted and escaped, every id quoted.

use super::{io_err, Exporter};
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::io::Write;

/// Writes Graphviz DOT.
pub struct DotExporter;

/// A quoted DOT string with `"` and `\` escaped and line breaks as `\n`.
pub fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: Id) -> Attribute {
    Attribute(Id::Plain(k.to_string()), v)
}

/// Shape and fill colour of a node kind.
pub fn style(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "person" => ("ellipse", "#cfe2ff"),
        "country" => ("box", "#d1e7dd"),
        "place" => ("house", "#e2f0d9"),
        "organization" => ("component", "#fff3cd"),
        "event" => ("diamond", "#f8d7da"),
        _ => ("note", "#e9ecef"),
    }
}

/// The label of a node: English name and Arabic name; events: type, date, modality.
pub fn node_label(n: &crate::graph::NodeData) -> String {
    if n.is_event() {
        let mut l = n.event_type.clone().unwrap_or_default();
        if let Some(d) = &n.date {
            l.push('\n');
            l.push_str(&d.start);
            if let Some(e) = &d.end {
                l.push('/');
                l.push_str(e);
            }
            if d.inferred {
                l.push_str(" (inferred)");
            }
        }
        if let Some(m) = n.modality.as_deref().filter(|m| *m != "asserted") {
            l.push_str(&format!("\n[{m}]"));
        }
        return l;
    }
    match (n.names.get("en"), n.names.get("ar")) {
        (Some(en), Some(ar)) => format!("{en}\n{ar}"),
        _ => n.label.clone(),
    }
}

/// The label of a link: its role or relation; in the actors view also the event's date and a
/// modality other than `asserted`.
pub fn link_label(l: &crate::graph::LinkData) -> String {
    let mut label = l.role.clone().unwrap_or_else(|| l.relation.clone());
    if let Some(d) = l.date() {
        label.push('\n');
        label.push_str(&d.start);
        if let Some(e) = &d.end {
            label.push('/');
            label.push_str(e);
        }
    }
    if let Some(m) = l.modality().filter(|m| *m != "asserted") {
        label.push_str(&format!(" [{m}]"));
    }
    label
}

/// Builds the graphviz-rust graph.
pub fn to_dot(graph: &KnowledgeGraph) -> Graph {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::Attribute(attr("rankdir", Id::Plain("LR".into()))),
        Stmt::GAttribute(graphviz_rust::dot_structures::GraphAttributes::Node(vec![
            attr("style", quoted("filled")),
            attr("fontname", quoted("Noto Sans, DejaVu Sans, sans-serif")),
        ])),
        Stmt::GAttribute(graphviz_rust::dot_structures::GraphAttributes::Edge(vec![
            attr("fontname", quoted("Noto Sans, DejaVu Sans, sans-serif")),
            attr("fontsize", Id::Plain("10".into())),
            attr("fontcolor", quoted("#555555")),
        ])),
    ];
    for n in graph.nodes() {
        let (shape, color) = style(&n.kind);
        stmts.push(Stmt::Node(Node::new(
            NodeId(quoted(&n.id), None),
            vec![
                attr("label", quoted(&node_label(n))),
                attr("shape", Id::Plain(shape.into())),
                attr("fillcolor", quoted(color)),
            ],
        )));
    }
    for (s, t, l) in graph.links() {
        let mut attrs = vec![attr("label", quoted(&link_label(l)))];
        if l.basis.is_some() {
            attrs.push(attr("style", Id::Plain("dashed".into())));
        } else if l.modality().is_some_and(|m| m != "asserted") {
            attrs.push(attr("style", Id::Plain("dotted".into())));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quoted(s), None)),
                Vertex::N(NodeId(quoted(t), None)),
            ),
            attributes: attrs,
        }));
    }
    Graph::DiGraph {
        id: quoted("newsgraph"),
        strict: false,
        stmts,
    }
}

impl Exporter for DotExporter {
    fn name(&self) -> &'static str {
        "dot"
    }

    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let text = to_dot(graph).print(&mut PrinterContext::default());
        out.write_all(text.as_bytes())
            .map_err(|e| io_err("dot", e))?;
        out.write_all(b"\n").map_err(|e| io_err("dot", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped_and_arabic_kept() {
        let Id::Escaped(s) = quoted("قال \"نعم\" \\ \u{200F}") else {
            panic!()
        };
        assert_eq!(s, "\"قال \\\"نعم\\\" \\\\ \u{200F}\"");
    }
}
