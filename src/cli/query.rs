//! `newsgraph query`: questions to a graph.

use anyhow::Result;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

/// The questions.
#[derive(Subcommand, Debug)]
pub enum Query {
    /// Everyone NAME met (took part in one meeting, talks, call, visit or invitation with):
    /// counterpart, event type, date, place, modality and the evidence sentence.
    WhoMet {
        /// A person: id, English or Arabic name, or any alias seen in the texts.
        name: String,
        /// The graph (JSON written by `newsgraph build`).
        #[arg(short, long)]
        graph: PathBuf,
        /// Print JSON for machines.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a query.
pub fn run(query: Query) -> Result<()> {
    match query {
        Query::WhoMet { name, graph, json } => {
            let g = newsgraph::export::json::read_graph_file(&graph)?;
            let (label, meetings) = newsgraph::query::who_met(&g, &name)?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(
                    &mut out,
                    &serde_json::json!({"person": label, "meetings": meetings}),
                )?;
                writeln!(out)?;
            } else if meetings.is_empty() {
                writeln!(out, "{label}: no meetings in this graph")?;
            } else {
                writeln!(out, "{label} met:")?;
                for m in &meetings {
                    let date = m
                        .date
                        .clone()
                        .map(|d| {
                            if m.date_inferred {
                                format!("{d} (inferred)")
                            } else {
                                d
                            }
                        })
                        .unwrap_or_else(|| "date unknown".into());
                    let place = m
                        .place
                        .clone()
                        .map(|p| format!(" in {p}"))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "- {} — {} ({} / {}), {}{}, {}",
                        m.counterpart_label,
                        m.event_type,
                        m.as_relation,
                        m.counterpart_relation,
                        date,
                        place,
                        m.modality
                    )?;
                    for e in &m.evidence {
                        writeln!(out, "    [{} {}..{}] {}", e.doc, e.start, e.end, e.text)?;
                    }
                }
            }
            Ok(())
        }
    }
}
