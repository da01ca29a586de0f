//! Exports: one trait, one module per format, and views that reshape a graph before any export.
//!
//! | format | module | files |
//! | --- | --- | --- |
//! | node-link JSON (the contract) | [`json`] | one |
//! | Graphviz DOT | [`dot`] | one |
//! | GraphML (Gephi, yEd, networkx) | [`graphml`] | one |
//! | GEXF 1.3, dynamic (Gephi's timeline) | [`gexf`] | one |
//! | CSV, plain or `neo4j-admin import` headers | [`csv`] | two: `<stem>.nodes.csv`, `<stem>.edges.csv` |
//! | SVG, PNG through Graphviz's `dot` | [`render`] | one |
//! | interactive HTML page | [`html`] | one, self-contained |
//!
//! The [`actors`] view folds events into person–person links and works with every format.
//!
//! GraphML, GEXF and CSV share one flat table of attributes per node and per link
//! ([`NODE_COLUMNS`], [`LINK_COLUMNS`]): nested values of the JSON contract are flattened
//! (`names` → `name_en`, `name_ar`; `date` → `date_start`, `date_end`, `date_inferred`), lists
//! (`aliases`) and objects (`docs`, `evidence`) are written as JSON text in XML formats, and
//! lists as `;`-joined text in CSV.

pub mod actors;
pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod render;
mod xml;

use crate::error::Result;
use crate::graph::{EventDate, KnowledgeGraph, LinkData, NodeData};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes a graph in one format.
pub trait Exporter {
    /// The format's name (`json`, `dot`, …).
    fn name(&self) -> &'static str;

    /// Writes the whole export to one stream. Formats that write several files (CSV) explain
    /// that they need a file name instead.
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()>;

    /// The parts of the export, one file each: `[""]` (the file itself) for most formats;
    /// CSV has `["nodes", "edges"]`. See [`part_path`] for the file names.
    fn parts(&self) -> &'static [&'static str] {
        &[""]
    }

    /// Writes one part; the default writes the whole export.
    fn write_part(&self, graph: &KnowledgeGraph, part: &str, out: &mut dyn Write) -> Result<()> {
        let _ = part;
        self.write(graph, out)
    }
}

/// The file a part of an export goes to: the output path itself for `""`, otherwise the part's
/// name before the extension (`out.csv` + `nodes` → `out.nodes.csv`).
pub fn part_path(path: &Path, part: &str) -> PathBuf {
    if part.is_empty() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_string())
        .unwrap_or_else(|| "csv".to_string());
    path.with_file_name(format!("{stem}.{part}.{ext}"))
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// networkx node-link JSON (the contract).
    Json,
    /// Graphviz DOT.
    Dot,
    /// GraphML with typed attributes (Gephi, yEd, networkx.read_graphml).
    Graphml,
    /// GEXF 1.3, dynamic: events carry dated intervals for Gephi's timeline.
    Gexf,
    /// Two CSV files: -o out.csv writes out.nodes.csv and out.edges.csv.
    Csv,
    /// Two CSV files with `neo4j-admin database import` headers (:ID, :LABEL, :START_ID, …).
    #[value(name = "neo4j-csv")]
    Neo4jCsv,
    /// SVG drawn by Graphviz's `dot` (must be installed).
    Svg,
    /// PNG drawn by Graphviz's `dot` (must be installed).
    Png,
    /// One self-contained interactive HTML page: search, filters, evidence on click.
    Html,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "dot" | "gv" => Some(Format::Dot),
            "graphml" => Some(Format::Graphml),
            "gexf" => Some(Format::Gexf),
            "csv" => Some(Format::Csv),
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The exporter of this format.
    pub fn exporter(&self) -> Box<dyn Exporter> {
        match self {
            Format::Json => Box::new(json::JsonExporter),
            Format::Dot => Box::new(dot::DotExporter),
            Format::Graphml => Box::new(graphml::GraphmlExporter),
            Format::Gexf => Box::new(gexf::GexfExporter),
            Format::Csv => Box::new(csv::CsvExporter { neo4j: false }),
            Format::Neo4jCsv => Box::new(csv::CsvExporter { neo4j: true }),
            Format::Svg => Box::new(render::RenderExporter {
                format: render::Image::Svg,
            }),
            Format::Png => Box::new(render::RenderExporter {
                format: render::Image::Png,
            }),
            Format::Html => Box::new(html::HtmlExporter),
        }
    }
}

/// Which graph to export: the whole graph, or a view derived from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum View {
    /// Every entity, event and link.
    #[default]
    Full,
    /// Persons only, events folded into person–person links labelled with type and date,
    /// plus the persons' roles (see docs/exports.md).
    Actors,
}

impl View {
    /// Applies the view.
    pub fn apply<'g>(&self, graph: &'g KnowledgeGraph) -> std::borrow::Cow<'g, KnowledgeGraph> {
        match self {
            View::Full => std::borrow::Cow::Borrowed(graph),
            View::Actors => std::borrow::Cow::Owned(actors::actors_view(graph)),
        }
    }
}

pub(crate) fn io_err(format: &str, e: std::io::Error) -> crate::error::Error {
    crate::error::Error::Export {
        format: format.to_string(),
        reason: e.to_string(),
    }
}

/// The type of a flat attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text.
    String,
    /// A whole number.
    Int,
    /// True or false.
    Bool,
    /// A list of strings: JSON text in XML formats, `;`-joined in CSV.
    List,
    /// An object or a list of objects, written as JSON text.
    Json,
}

/// A flat attribute of nodes or links, as GraphML, GEXF and CSV write it.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Attribute name.
    pub name: &'static str,
    /// Its type.
    pub ty: ColumnType,
}

const fn col(name: &'static str, ty: ColumnType) -> Column {
    Column { name, ty }
}

/// A value of a flat attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Str(String),
    /// A whole number.
    Int(i64),
    /// True or false.
    Bool(bool),
    /// A list of strings.
    List(Vec<String>),
    /// JSON text.
    Json(String),
}

impl Value {
    /// The value as XML formats write it (lists as JSON text).
    pub fn xml_text(&self) -> String {
        match self {
            Value::Str(s) | Value::Json(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::List(l) => serde_json::to_string(l).unwrap_or_default(),
        }
    }

    /// The value as CSV writes it (lists `;`-joined, the array form of neo4j-admin).
    pub fn csv_text(&self) -> String {
        match self {
            Value::List(l) => l.join(";"),
            v => v.xml_text(),
        }
    }
}

/// The flat attributes of a node, in order (the node's `id` is written apart).
pub const NODE_COLUMNS: &[Column] = &[
    col("kind", ColumnType::String),
    col("label", ColumnType::String),
    col("name_en", ColumnType::String),
    col("name_ar", ColumnType::String),
    col("aliases", ColumnType::List),
    col("mentions", ColumnType::Int),
    col("docs", ColumnType::Json),
    col("event_type", ColumnType::String),
    col("code", ColumnType::String),
    col("date_start", ColumnType::String),
    col("date_end", ColumnType::String),
    col("date_inferred", ColumnType::Bool),
    col("modality", ColumnType::String),
    col("evidence", ColumnType::Json),
];

/// The flat attributes of a link, in order (`source` and `target` are written apart).
pub const LINK_COLUMNS: &[Column] = &[
    col("relation", ColumnType::String),
    col("role", ColumnType::String),
    col("basis", ColumnType::String),
    col("event", ColumnType::String),
    col("event_type", ColumnType::String),
    col("date_start", ColumnType::String),
    col("date_end", ColumnType::String),
    col("date_inferred", ColumnType::Bool),
    col("modality", ColumnType::String),
    col("evidence", ColumnType::Json),
];

fn s(v: &Option<String>) -> Option<Value> {
    v.as_ref().map(|v| Value::Str(v.clone()))
}

fn date_values(d: Option<&EventDate>) -> [Option<Value>; 3] {
    match d {
        None => [None, None, None],
        Some(d) => [
            Some(Value::Str(d.start.clone())),
            d.end.clone().map(Value::Str),
            Some(Value::Bool(d.inferred)),
        ],
    }
}

fn json<T: serde::Serialize>(v: &T) -> Value {
    Value::Json(serde_json::to_string(v).unwrap_or_default())
}

/// The values of [`NODE_COLUMNS`] for a node; `None` where the attribute does not apply.
pub fn node_values(n: &NodeData) -> Vec<Option<Value>> {
    let [ds, de, di] = date_values(n.date.as_ref());
    vec![
        Some(Value::Str(n.kind.clone())),
        Some(Value::Str(n.label.clone())),
        s(&n.names.get("en").cloned()),
        s(&n.names.get("ar").cloned()),
        Some(Value::List(n.aliases.iter().cloned().collect())),
        Some(Value::Int(n.mentions as i64)),
        (!n.docs.is_empty()).then(|| json(&n.docs)),
        s(&n.event_type),
        s(&n.code),
        ds,
        de,
        di,
        s(&n.modality),
        (!n.evidence.is_empty()).then(|| json(&n.evidence)),
    ]
}

/// The values of [`LINK_COLUMNS`] for a link; `None` where the attribute does not apply.
pub fn link_values(l: &LinkData) -> Vec<Option<Value>> {
    let [ds, de, di] = date_values(l.date());
    let text = |v: Option<&str>| v.map(|v| Value::Str(v.to_string()));
    vec![
        Some(Value::Str(l.relation.clone())),
        s(&l.role),
        s(&l.basis),
        text(l.event()),
        text(l.event_type()),
        ds,
        de,
        di,
        text(l.modality()),
        (!l.evidence.is_empty()).then(|| json(&l.evidence)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_pick_formats() {
        for (p, f) in [
            ("a.json", Format::Json),
            ("a.GV", Format::Dot),
            ("a.graphml", Format::Graphml),
            ("a.gexf", Format::Gexf),
            ("a.csv", Format::Csv),
            ("a.svg", Format::Svg),
            ("a.png", Format::Png),
            ("a.html", Format::Html),
        ] {
            assert_eq!(Format::from_path(Path::new(p)), Some(f), "{p}");
        }
        assert_eq!(Format::from_path(Path::new("a.txt")), None);
    }

    #[test]
    fn parts_go_before_the_extension() {
        assert_eq!(
            part_path(Path::new("/tmp/out.csv"), "nodes"),
            PathBuf::from("/tmp/out.nodes.csv")
        );
        assert_eq!(
            part_path(Path::new("out"), "edges"),
            PathBuf::from("out.edges.csv")
        );
        assert_eq!(part_path(Path::new("g.json"), ""), PathBuf::from("g.json"));
    }

    #[test]
    fn columns_and_values_line_up() {
        let n = NodeData {
            mentions: 2,
            event_type: Some("meet".into()),
            date: Some(EventDate {
                start: "2023-10".into(),
                end: None,
                inferred: true,
            }),
            modality: Some("asserted".into()),
            ..NodeData::new("event:x", "event", "meet")
        };
        let v = node_values(&n);
        assert_eq!(v.len(), NODE_COLUMNS.len());
        let get = |name: &str| v[NODE_COLUMNS.iter().position(|c| c.name == name).unwrap()].clone();
        assert_eq!(get("mentions"), Some(Value::Int(2)));
        assert_eq!(get("date_inferred"), Some(Value::Bool(true)));
        assert_eq!(get("date_end"), None);
        assert_eq!(link_values(&LinkData::default()).len(), LINK_COLUMNS.len());
        assert_eq!(
            Value::List(vec!["a".into(), "ب".into()]).xml_text(),
            "[\"a\",\"ب\"]"
        );
        assert_eq!(Value::List(vec!["a".into(), "ب".into()]).csv_text(), "a;ب");
    }
}
