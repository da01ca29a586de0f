//! The CSV export: two files, one row per node and one row per link.
//!
//! `-o out.csv` writes `out.nodes.csv` and `out.edges.csv` (see [`part_path`](super::part_path)).
//! Columns are the flat table of the [module docs](super): `id` then
//! [`NODE_COLUMNS`]; `source`, `target` then
//! [`LINK_COLUMNS`]. Lists (`aliases`) are `;`-joined, objects (`docs`,
//! `evidence`) are JSON text, absent values are empty. Files are UTF-8 without a byte order
//! mark, quoted where needed (RFC 4180).
//!
//! With `neo4j: true` (`--format neo4j-csv`) the headers are those of
//! `neo4j-admin database import full --nodes=out.nodes.csv --relationships=out.edges.csv`:
//! `id:ID`, `:LABEL` (the kind, capitalised: `Person`, `Event`, …), `:START_ID`, `:END_ID`,
//! `:TYPE` (the relation in upper case: `PARTICIPANT`, `ROLE`, `LOCATED_IN`), and typed
//! property columns (`mentions:int`, `date_inferred:boolean`, `aliases:string[]` with neo4j's
//! default array delimiter `;`).

use super::{link_values, node_values, Column, ColumnType, Exporter, LINK_COLUMNS, NODE_COLUMNS};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// Writes the two CSV files, plain or with neo4j-admin headers.
pub struct CsvExporter {
    /// Headers for `neo4j-admin database import`.
    pub neo4j: bool,
}

fn err(e: impl std::fmt::Display) -> Error {
    Error::Export {
        format: "csv".into(),
        reason: e.to_string(),
    }
}

fn header(c: &Column, neo4j: bool) -> String {
    if !neo4j {
        return c.name.to_string();
    }
    match c.ty {
        ColumnType::Int => format!("{}:int", c.name),
        ColumnType::Bool => format!("{}:boolean", c.name),
        ColumnType::List => format!("{}:string[]", c.name),
        ColumnType::String | ColumnType::Json => c.name.to_string(),
    }
}

/// The neo4j label of a node kind: `person` → `Person`.
pub fn neo4j_label(kind: &str) -> String {
    let mut c = kind.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => "Node".into(),
    }
}

/// The neo4j relationship type of a relation: `located_in` → `LOCATED_IN`.
pub fn neo4j_type(relation: &str) -> String {
    relation
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn text(v: Option<super::Value>) -> String {
    v.map(|v| v.csv_text()).unwrap_or_default()
}

impl CsvExporter {
    /// Writes the nodes table.
    pub fn write_nodes(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let mut head: Vec<String> = if self.neo4j {
            vec!["id:ID".into(), ":LABEL".into()]
        } else {
            vec!["id".into()]
        };
        head.extend(NODE_COLUMNS.iter().map(|c| header(c, self.neo4j)));
        w.write_record(&head).map_err(err)?;
        for n in graph.nodes() {
            let mut row = vec![n.id.clone()];
            if self.neo4j {
                row.push(neo4j_label(&n.kind));
            }
            row.extend(node_values(n).into_iter().map(text));
            w.write_record(&row).map_err(err)?;
        }
        w.flush().map_err(err)
    }

    /// Writes the links table.
    pub fn write_edges(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let mut head: Vec<String> = if self.neo4j {
            vec![":START_ID".into(), ":END_ID".into(), ":TYPE".into()]
        } else {
            vec!["source".into(), "target".into()]
        };
        head.extend(LINK_COLUMNS.iter().map(|c| header(c, self.neo4j)));
        w.write_record(&head).map_err(err)?;
        for (s, t, l) in graph.links() {
            let mut row = vec![s.to_string(), t.to_string()];
            if self.neo4j {
                row.push(neo4j_type(&l.relation));
            }
            row.extend(link_values(l).into_iter().map(text));
            w.write_record(&row).map_err(err)?;
        }
        w.flush().map_err(err)
    }
}

impl Exporter for CsvExporter {
    fn name(&self) -> &'static str {
        if self.neo4j {
            "neo4j-csv"
        } else {
            "csv"
        }
    }

    /// CSV is two files; writing it to one stream is refused with an explanation.
    fn write(&self, _graph: &KnowledgeGraph, _out: &mut dyn Write) -> Result<()> {
        Err(err(
            "CSV is two files (<stem>.nodes.csv and <stem>.edges.csv); give an output file \
             name such as -o graph.csv instead of standard output",
        ))
    }

    fn parts(&self) -> &'static [&'static str] {
        &["nodes", "edges"]
    }

    fn write_part(&self, graph: &KnowledgeGraph, part: &str, out: &mut dyn Write) -> Result<()> {
        match part {
            "nodes" => self.write_nodes(graph, out),
            "edges" => self.write_edges(graph, out),
            other => Err(err(format!("no CSV part named {other:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{LinkData, NodeData};

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let mut a = NodeData {
            aliases: ["أ".to_string(), "ا ب".to_string()].into_iter().collect(),
            mentions: 2,
            ..NodeData::new("person:a", "person", "A, \"the\" first")
        };
        g.upsert_node(a.clone());
        a.id = "place:located-in".into();
        a.kind = "place".into();
        a.label = "P".into();
        a.aliases.clear();
        g.upsert_node(a);
        g.upsert_link(
            "place:located-in",
            "person:a",
            LinkData {
                relation: "located_in".into(),
                ..Default::default()
            },
        );
        g
    }

    fn part(e: &CsvExporter, p: &str) -> String {
        let mut buf = Vec::new();
        e.write_part(&graph(), p, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn plain_tables_quote_and_join() {
        let e = CsvExporter { neo4j: false };
        let nodes = part(&e, "nodes");
        let mut lines = nodes.lines();
        assert_eq!(
            lines.next().unwrap(),
            "id,kind,label,name_en,name_ar,aliases,mentions,docs,event_type,code,date_start,date_end,date_inferred,modality,evidence"
        );
        assert_eq!(
            lines.next().unwrap(),
            "person:a,person,\"A, \"\"the\"\" first\",,,أ;ا ب,2,,,,,,,,"
        );
        let edges = part(&e, "edges");
        assert!(edges.starts_with("source,target,relation,role,"));
        assert!(edges.contains("\nplace:located-in,person:a,located_in,"));
    }

    #[test]
    fn neo4j_headers_are_typed() {
        let e = CsvExporter { neo4j: true };
        let nodes = part(&e, "nodes");
        assert!(nodes
            .starts_with("id:ID,:LABEL,kind,label,name_en,name_ar,aliases:string[],mentions:int,"));
        assert!(nodes.contains("date_inferred:boolean"));
        assert!(nodes.contains("\nperson:a,Person,person,"));
        let edges = part(&e, "edges");
        assert!(edges.starts_with(":START_ID,:END_ID,:TYPE,relation,"));
        assert!(edges.contains("\nplace:located-in,person:a,LOCATED_IN,located_in,"));
    }

    #[test]
    fn one_stream_is_refused_with_a_reason() {
        let e = CsvExporter { neo4j: false };
        let msg = e.write(&graph(), &mut Vec::new()).unwrap_err().to_string();
        assert!(msg.contains("nodes.csv") && msg.contains("-o"), "{msg}");
    }
}
