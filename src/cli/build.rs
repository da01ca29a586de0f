//! `newsgraph build`: pages in, a graph out.

use super::output::{output_format, write_graph};
use super::{pipeline, read_inputs};
use anyhow::Result;
use clap::Args;
use newsgraph::export::Format;
use std::path::PathBuf;

/// Build a graph from news pages.
///
/// Each input is a UTF-8 text file holding one page: one article, or several separated by a
/// "read also" line (إقرأ أيضاً). `-` reads standard input.
#[derive(Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct BuildArgs {
    /// Page files (`-` for standard input).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file; `-` or nothing writes to standard output. The extension picks the
    /// format (.json, .dot) unless --format says otherwise.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format (overrides the extension).
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
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
        dicts,
    } = args;
    let format = output_format(output.as_deref(), format)?;
    let p = pipeline(&dicts)?;
    let docs = read_inputs(&inputs)?;
    let graph = p.build(&docs);
    write_graph(&graph, output.as_deref(), format)?;
    let (entities, events) = graph.counts();
    eprintln!(
        "newsgraph: {} documents, {} entities, {} events",
        graph.documents.len(),
        entities,
        events
    );
    Ok(())
}
