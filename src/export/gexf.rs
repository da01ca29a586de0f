//! The GEXF 1.3 export, dynamic, so Gephi's timeline can play the events in order.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"` and intervals. Event nodes, and the
//! links that leave them (in the actors view: the links that stand for events), carry
//! `start`/`end` days from the event's date, mapped by [`interval`]:
//!
//! | date | interval |
//! | --- | --- |
//! | `2023-09-20` | 2023-09-20 … 2023-09-20 |
//! | `2023-10` | 2023-10-01 … 2023-10-31 |
//! | `2023` | 2023-01-01 … 2023-12-31 |
//! | `2023-03-31` to `--04-02` | 2023-03-31 … 2023-04-02 (the end takes the start's year) |
//! | `--03-31` (no year) | none: the event has no place on a timeline |
//!
//! Entities and undated events have no interval, so Gephi shows them at every time.
//! Attributes are the same flat, typed table as GraphML (see the [module docs](super)), declared
//! as static `<attributes>`; nodes get a `viz:color` by kind and a `viz:size` by mentions.
//! Parallel links get the edge `kind` of their relation (or role), as GEXF 1.3 allows.

use super::xml;
use super::{
    io_err, link_values, node_values, Column, ColumnType, Exporter, LINK_COLUMNS, NODE_COLUMNS,
};
use crate::document::{days_in_month, PartialDate};
use crate::error::Result;
use crate::graph::{EventDate, KnowledgeGraph};
use std::fmt::Write as _;
use std::io::Write;

/// Writes GEXF 1.3.
pub struct GexfExporter;

fn first_day(d: &PartialDate, year: i32) -> (i32, u8, u8) {
    (year, d.month.unwrap_or(1), d.day.unwrap_or(1))
}

fn last_day(d: &PartialDate, year: i32) -> (i32, u8, u8) {
    let m = d.month.unwrap_or(12);
    (year, m, d.day.unwrap_or_else(|| days_in_month(year, m)))
}

fn iso((y, m, d): (i32, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The days an event date covers, as ISO dates `(first, last)`; `None` when the date has no
/// year (or does not parse). See the module docs for the mapping.
pub fn interval(date: &EventDate) -> Option<(String, String)> {
    let start = PartialDate::parse(&date.start)?;
    let year = start.year?;
    let first = first_day(&start, year);
    let mut last = last_day(&start, year);
    if let Some(end) = date.end.as_deref().and_then(PartialDate::parse) {
        let mut end_year = end.year.unwrap_or(year);
        if end.year.is_none() && (end.month, end.day) < (start.month, start.day) {
            end_year += 1;
        }
        let candidate = last_day(&end, end_year);
        if candidate > first {
            last = candidate;
        }
    }
    Some((iso(first), iso(last)))
}

fn gexf_type(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Int => "integer",
        ColumnType::Bool => "boolean",
        ColumnType::String | ColumnType::List | ColumnType::Json => "string",
    }
}

fn declare(out: &mut String, class: &str, columns: &[Column]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for c in columns {
        let _ = writeln!(
            out,
            "      <attribute id=\"{n}\" title=\"{n}\" type=\"{}\"/>",
            gexf_type(c.ty),
            n = c.name
        );
    }
    out.push_str("    </attributes>\n");
}

fn attvalues(out: &mut String, columns: &[Column], values: Vec<Option<super::Value>>) {
    out.push_str("        <attvalues>\n");
    for (c, v) in columns.iter().zip(values) {
        if let Some(v) = v {
            let _ = writeln!(
                out,
                "          <attvalue for=\"{}\" value=\"{}\"/>",
                c.name,
                xml::attr(&v.xml_text())
            );
        }
    }
    out.push_str("        </attvalues>\n");
}

fn span(iv: &Option<(String, String)>) -> String {
    match iv {
        Some((s, e)) => format!(" start=\"{s}\" end=\"{e}\""),
        None => String::new(),
    }
}

fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let p = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    (p(0), p(2), p(4))
}

/// The GEXF text of a graph.
pub fn to_gexf(graph: &KnowledgeGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>newsgraph {}</creator>\n    <description>{} documents</description>\n  </meta>",
        env!("CARGO_PKG_VERSION"),
        graph.documents.len()
    );
    out.push_str(
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" \
         timerepresentation=\"interval\">\n",
    );
    declare(&mut out, "node", NODE_COLUMNS);
    declare(&mut out, "edge", LINK_COLUMNS);
    out.push_str("    <nodes>\n");
    let mut node_interval = std::collections::HashMap::new();
    for n in graph.nodes() {
        let iv = n.date.as_ref().and_then(interval);
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"{}>",
            xml::attr(&n.id),
            xml::attr(&n.label),
            span(&iv)
        );
        attvalues(&mut out, NODE_COLUMNS, node_values(n));
        let (r, g, b) = rgb(super::dot::style(&n.kind).1);
        let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        let size = 8.0 + 2.0 * (n.mentions.min(20) as f64);
        let _ = writeln!(out, "        <viz:size value=\"{size:.1}\"/>");
        out.push_str("      </node>\n");
        node_interval.insert(n.id.as_str(), iv);
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, (s, t, l)) in graph.links().into_iter().enumerate() {
        // a link is as old as its event: its own date in a derived view, else its source event's
        let iv = match l.date() {
            Some(d) => interval(d),
            None => node_interval.get(s).cloned().flatten(),
        };
        let kind = l.role.as_deref().unwrap_or(&l.relation);
        let label = match l.date() {
            Some(d) => format!("{} {}", l.relation, d.start),
            None => kind.to_string(),
        };
        let _ = writeln!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" kind=\"{}\" label=\"{}\"{}>",
            xml::attr(s),
            xml::attr(t),
            xml::attr(kind),
            xml::attr(&label),
            span(&iv)
        );
        attvalues(&mut out, LINK_COLUMNS, link_values(l));
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

impl Exporter for GexfExporter {
    fn name(&self) -> &'static str {
        "gexf"
    }

    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        out.write_all(to_gexf(graph).as_bytes())
            .map_err(|e| io_err("gexf", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(start: &str, end: Option<&str>) -> EventDate {
        EventDate {
            start: start.into(),
            end: end.map(Into::into),
            inferred: false,
        }
    }

    fn iv(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.into(), b.into()))
    }

    #[test]
    fn partial_dates_map_to_intervals() {
        assert_eq!(
            interval(&d("2023-09-20", None)),
            iv("2023-09-20", "2023-09-20")
        );
        assert_eq!(
            interval(&d("2023-10", None)),
            iv("2023-10-01", "2023-10-31")
        );
        assert_eq!(
            interval(&d("2024-02", None)),
            iv("2024-02-01", "2024-02-29")
        );
        assert_eq!(interval(&d("2023", None)), iv("2023-01-01", "2023-12-31"));
        assert_eq!(
            interval(&d("2023-03-31", Some("--04-02"))),
            iv("2023-03-31", "2023-04-02")
        );
        assert_eq!(
            interval(&d("2023-12-30", Some("--01-02"))),
            iv("2023-12-30", "2024-01-02")
        );
        assert_eq!(
            interval(&d("2023-09-20", Some("2023-09-22"))),
            iv("2023-09-20", "2023-09-22")
        );
        // an end before the start is ignored rather than making an empty interval
        assert_eq!(
            interval(&d("2023-09-20", Some("2023-09-01"))),
            iv("2023-09-20", "2023-09-20")
        );
        assert_eq!(interval(&d("--03-31", Some("--04-02"))), None);
        assert_eq!(interval(&d("not a date", None)), None);
    }

    #[test]
    fn events_and_their_links_carry_intervals() {
        use crate::graph::{LinkData, NodeData};
        let mut g = KnowledgeGraph::new();
        let blank = NodeData {
            mentions: 1,
            ..NodeData::new("", "person", "")
        };
        g.upsert_node(NodeData {
            id: "event:meet".into(),
            kind: "event".into(),
            label: "meet 2023-10".into(),
            event_type: Some("meet".into()),
            date: Some(d("2023-10", None)),
            ..blank.clone()
        });
        g.upsert_node(NodeData {
            id: "person:a".into(),
            label: "A & \"B\"".into(),
            ..blank
        });
        g.upsert_link(
            "event:meet",
            "person:a",
            LinkData {
                relation: "participant".into(),
                ..Default::default()
            },
        );
        let x = to_gexf(&g);
        assert!(x.contains(r#"mode="dynamic""#) && x.contains(r#"timeformat="date""#));
        assert!(x.contains(
            r#"<node id="event:meet" label="meet 2023-10" start="2023-10-01" end="2023-10-31">"#
        ));
        assert!(x.contains(r#"<node id="person:a" label="A &amp; &quot;B&quot;">"#));
        assert!(x.contains(
            r#"kind="participant" label="participant" start="2023-10-01" end="2023-10-31">"#
        ));
        assert!(x.contains(r#"<attribute id="mentions" title="mentions" type="integer"/>"#));
        assert!(x.contains(r#"<attvalue for="date_inferred" value="false"/>"#));
    }
}
