//! The command line: a thin layer over the library.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use newsgraph::export::Format;
use newsgraph::{Dictionary, Document, KnowledgeGraph, Pipeline};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Turns news articles (Arabic, English) into a knowledge graph of who did what with whom.
///
/// Examples:
///   newsgraph build data/samples/king-receives-minister.txt -o graph.json
///   newsgraph build page.txt -o graph.dot          (format from the extension)
///   newsgraph query who-met "Vladimir Putin" --graph graph.json
///   newsgraph query who-met بوتين --graph graph.json --json
///   newsgraph mentions page.txt                    (what each extractor found, and why)
#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, about, long_about, verbatim_doc_comment)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build a graph from news pages.
    ///
    /// Each input is a UTF-8 text file holding one page: one article, or several separated by a
    /// "read also" line (إقرأ أيضاً). `-` reads standard input.
    #[command(verbatim_doc_comment)]
    Build {
        /// Page files (`-` for standard input).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output file; `-` or nothing writes to standard output. The extension picks the
        /// format (.json, .dot) unless --format says otherwise.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Output format (overrides the extension).
        #[arg(short, long, value_enum)]
        format: Option<Format>,
        /// A dictionary file of your own, added to the built-in ones (repeatable). Its header
        /// line tells its kind; see data/README.md.
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
    },
    /// Ask a graph a question.
    Query {
        #[command(subcommand)]
        query: Query,
    },
    /// Show every mention the extractors found in a page, with the extractor and the reason.
    Mentions {
        /// A page file (`-` for standard input).
        input: PathBuf,
        /// A dictionary file of your own (repeatable).
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum Query {
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

fn pipeline(dicts: &[PathBuf]) -> Result<Pipeline> {
    let mut dict = Dictionary::builtin().context("loading the built-in dictionaries")?;
    for d in dicts {
        dict.add_file(d)?;
    }
    Ok(Pipeline::new(dict))
}

fn read_inputs(inputs: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for p in inputs {
        docs.extend(newsgraph::read::read_page_file(p)?);
    }
    Ok(docs)
}

/// Writes through a temporary file renamed into place, so a failure never leaves half a graph.
pub fn write_output(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match output {
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock)?;
            lock.flush()?;
        }
        Some(p) if p.as_os_str() == "-" => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock)?;
            lock.flush()?;
        }
        Some(p) => {
            if p.is_dir() {
                bail!(
                    "{}: is a directory, give a file name for the output",
                    p.display()
                );
            }
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
            let result = (|| -> Result<()> {
                let f = std::fs::File::create(&tmp)
                    .with_context(|| format!("{}: cannot create", tmp.display()))?;
                let mut w = std::io::BufWriter::new(f);
                write(&mut w)?;
                w.flush()?;
                w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&tmp, p)
                    .with_context(|| format!("{}: cannot write", p.display()))?;
                Ok(())
            })();
            if result.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            result?;
        }
    }
    Ok(())
}

fn output_format(output: Option<&Path>, format: Option<Format>) -> Result<Format> {
    if let Some(f) = format {
        return Ok(f);
    }
    match output.filter(|p| p.as_os_str() != "-") {
        None => Ok(Format::Json),
        Some(p) => Format::from_path(p).with_context(|| {
            format!(
                "{}: cannot tell the format from the extension; use .json or .dot, or --format",
                p.display()
            )
        }),
    }
}

fn write_graph(graph: &KnowledgeGraph, output: Option<&Path>, format: Format) -> Result<()> {
    let exporter = format.exporter();
    write_output(output, |w| Ok(exporter.write(graph, w)?))
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build {
            inputs,
            output,
            format,
            dicts,
        } => {
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
        Command::Query { query } => match query {
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
        },
        Command::Mentions { input, dicts } => {
            let p = pipeline(&dicts)?;
            let docs = newsgraph::read::read_page_file(&input)?;
            let mut out = std::io::stdout().lock();
            for d in &docs {
                writeln!(out, "# {} — {}", d.id, d.title)?;
                let (a, mentions) = p.mentions(d);
                for m in &mentions {
                    let text = a.original(m.start, m.end).replace('\n', " ");
                    writeln!(
                        out,
                        "{}..{}\t{}\t{}\t{}",
                        m.start + d.base,
                        m.end + d.base,
                        m.extractor,
                        text,
                        m.why
                    )?;
                }
            }
            Ok(())
        }
    }
}
