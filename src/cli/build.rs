//! `newsgraph build`: pages in, a graph out.

use super::output::{output_format, write_graph};
use super::{pipeline, read_inputs};
use anyhow::Result;
use clap::Args;
use newsgraph::export::{Format, View};
use std::path::PathBuf;

/// Build a graph from news pages.
///
/// Each input is a UTF-8 text file holding one page: one article, or several separated by a
/// "read also" line (إقرأ أيضاً). `-` reads standard input.
///
/// Output formats, picked by the extension of -o or by --format:
///   .json     networkx node-link JSON, the contract (standard output when no -o)
///   .dot .gv  Graphviz DOT
///   .graphml  GraphML with typed attributes: Gephi, yEd, networkx.read_graphml
///   .gexf     GEXF 1.3, dynamic: dated events play on Gephi's timeline
///   .csv      two files: -o out.csv writes out.nodes.csv and out.edges.csv;
///             --format neo4j-csv gives them neo4j-admin import headers
///   .svg .png pictures drawn by Graphviz's `dot` (install graphviz)
///   .html     one self-contained interactive page: search, filters, evidence
///
/// Views (--view): `full` (default) exports everything; `actors` folds events into
/// person–person links labelled with type and date, for clean pictures; it works with
/// every format.
///
/// Examples:
///   newsgraph build page.txt -o graph.html
///   newsgraph build pages/*.txt -o actors.png --view actors
///   newsgraph build pages/*.txt -o graph.csv --format neo4j-csv
#[derive(Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct BuildArgs {
    /// Page files (`-` for standard input).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file; `-` or nothing writes to standard output. The extension picks the
    /// format (.json .dot .graphml .gexf .csv .svg .png .html) unless --format says
    /// otherwise. CSV writes two files beside it: <stem>.nodes.csv and <stem>.edges.csv.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format (overrides the extension).
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Which graph to write: `full`, or `actors` (persons only, events folded into
    /// person–person links labelled with type and date).
    #[arg(long, value_enum, default_value_t = View::Full)]
    pub view: View,
    /// A dictionary file of your own, added to the built-in ones (repeatable). Its header
    /// line tells its kind; see data/README.md.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
}

/// Runs `build`.
pub fn run(args: BuildArgs) -> Result<()> {
    let BuildArgs {
        inputs,
        output,
        format,
        view,
        dicts,
    } = args;
    let format = output_format(output.as_deref(), format)?;
    let p = pipeline(&dicts)?;
    let docs = read_inputs(&inputs)?;
    let graph = p.build(&docs);
    let shown = view.apply(&graph);
    let written = write_graph(&shown, output.as_deref(), format)?;
    let (entities, events) = graph.counts();
    eprintln!(
        "newsgraph: {} documents, {} entities, {} events",
        graph.documents.len(),
        entities,
        events
    );
    if view != View::Full {
        eprintln!(
            "newsgraph: {} view: {} nodes, {} links",
            format!("{view:?}").to_lowercase(),
            shown.graph.node_count(),
            shown.graph.edge_count()
        );
    }
    for f in written {
        eprintln!("newsgraph: wrote {}", f.display());
    }
    Ok(())
}
