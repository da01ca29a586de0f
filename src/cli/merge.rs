//! `newsgraph merge`: graphs in, their union out.

use super::output::{check_output_place, output_format};
use anyhow::Result;
use clap::Args;
use newsgraph::export::json::read_graph_file;
use newsgraph::export::Format;
use std::path::PathBuf;
use std::time::Instant;

/// Unite graphs written by `newsgraph build`.
///
/// Entities are united by id, events by identity (the same event told by two sources becomes
/// one, with both evidences), documents by id. The union is associative, commutative and
/// idempotent: shards built anywhere, merged in any order and grouping, give the same graph
/// byte for byte, and merging a graph with itself changes nothing.
#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Graph files (JSON written by newsgraph).
    #[arg(required = true)]
    pub graphs: Vec<PathBuf>,
    /// Output file; `-` or nothing writes to standard output. The extension picks the
    /// format (.json, .dot) unless --format says otherwise.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format (overrides the extension).
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// No summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Runs `merge`.
pub fn run(args: MergeArgs) -> Result<()> {
    let started = Instant::now();
    let format = output_format(args.output.as_deref(), args.format)?;
    check_output_place(args.output.as_deref())?;
    let mut graphs = args.graphs.iter();
    let mut all = match graphs.next() {
        Some(first) => read_graph_file(first)?,
        None => anyhow::bail!("give at least one graph to merge"),
    };
    for path in graphs {
        let g = read_graph_file(path)?;
        all.merge(&g);
    }
    let (entities, events) = all.counts();
    let documents = all.documents.len();
    super::build::write_graph_owned(all, args.output.as_deref(), format)?;
    if !args.quiet {
        eprintln!(
            "newsgraph: merged {}: {}, {}, {}, {:.1} s",
            super::counted(args.graphs.len(), "graph", "graphs"),
            super::counted(documents, "document", "documents"),
            super::counted(entities, "entity", "entities"),
            super::counted(events, "event", "events"),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
