//! `newsgraph build`: a corpus in, a graph out.

use super::output::{check_output_place, output_format, write_graph};
use super::pipeline;
use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::export::{Format, View};
use newsgraph::read::corpus::{sources, Corpus};
use newsgraph::read::jsonl::JsonlFields;
use newsgraph::{AddOptions, Added, KnowledgeGraph, Outcome};
use std::cell::Cell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Build a graph from news pages and corpora.
///
/// Inputs:
///   page.txt        a page: one article, or several separated by a "read also" line (إقرأ أيضاً)
///   corpus.jsonl    JSON Lines, one article a line: id, title, text or content, date, url,
///                   source (names settable with --jsonl-*); the id falls back to the url
///   dir/            every .txt and .jsonl file below it, in name order; a page's id is its
///                   path under dir/ without the extension
///   -               standard input: JSON Lines if it starts with `{`, else a page
///                   (a compressed corpus: zcat corpus.jsonl.gz | newsgraph build - -o g.json)
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
/// Articles stream through and are analysed in parallel; the output is the same byte for byte
/// whatever --threads and the order of the inputs. A malformed line, a file that is not UTF-8
/// or cannot be read is reported as `path:line: reason` on stderr and skipped; with --strict
/// the run still writes its graph, then exits with status 1. An article whose id was already
/// read is skipped (the first one is kept).
///
/// Examples:
///   newsgraph build page.txt -o graph.html
///   newsgraph build pages/ -o actors.png --view actors
///   newsgraph build corpus.jsonl -o graph.json --threads 2
///   newsgraph build pages/*.txt -o graph.csv --format neo4j-csv
#[derive(Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct BuildArgs {
    /// Pages, .jsonl files, directories (`-` for standard input).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file; `-` or nothing writes to standard output (with --append: the graph
    /// appended to). The extension picks the format (.json .dot .graphml .gexf .csv .svg
    /// .png .html) unless --format says otherwise. CSV writes two files beside it:
    /// <stem>.nodes.csv and <stem>.edges.csv. A file is written whole or not at all, even
    /// when the run is interrupted (Ctrl-C): it is written beside, then renamed into place.
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
    /// Add the articles to this graph (JSON written by newsgraph) instead of starting empty.
    /// Articles it already holds, by id or by the same text, are skipped.
    #[arg(long, value_name = "GRAPH")]
    pub append: Option<PathBuf>,
    /// Threads analysing articles (default: one per core).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// No progress and no summary line (problems with the input are still reported).
    #[arg(long, short = 'q', conflicts_with = "progress")]
    pub quiet: bool,
    /// Show progress even when stderr is not a terminal (a plain line every few seconds).
    #[arg(long)]
    pub progress: bool,
    /// Exit with status 1 when any input was skipped as bad (the graph is still written).
    #[arg(long)]
    pub strict: bool,
    /// JSON Lines field holding the article's id.
    #[arg(long, value_name = "FIELD", default_value = "id")]
    pub jsonl_id: String,
    /// JSON Lines field holding the title.
    #[arg(long, value_name = "FIELD", default_value = "title")]
    pub jsonl_title: String,
    /// JSON Lines fields holding the text, the first present wins (repeatable).
    #[arg(long, value_name = "FIELD", default_values = ["text", "content"])]
    pub jsonl_text: Vec<String>,
    /// JSON Lines field holding the publication date.
    #[arg(long, value_name = "FIELD", default_value = "date")]
    pub jsonl_date: String,
    /// JSON Lines field holding the URL.
    #[arg(long, value_name = "FIELD", default_value = "url")]
    pub jsonl_url: String,
    /// JSON Lines field holding the source.
    #[arg(long, value_name = "FIELD", default_value = "source")]
    pub jsonl_source: String,
}

/// Progress on stderr: a bar on a terminal, plain lines with --progress elsewhere, or nothing.
struct Progress {
    bar: Option<ProgressBar>,
    lines: bool,
    quiet: bool,
    start: Instant,
    last_line: Cell<Instant>,
    total: Option<u64>,
    bytes: Arc<AtomicU64>,
    articles: Cell<u64>,
}

impl Progress {
    fn new(total: Option<u64>, bytes: Arc<AtomicU64>, quiet: bool, force: bool) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let bar = (!quiet && terminal).then(|| {
            let bar = match total {
                Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            };
            let template = if total.is_some() {
                "{bar:30} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} {msg} articles, ETA {eta}"
            } else {
                "{spinner} {decimal_bytes} {decimal_bytes_per_sec} {msg} articles"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let now = Instant::now();
        Progress {
            bar,
            lines: force && !terminal,
            quiet,
            start: now,
            last_line: Cell::new(now),
            total,
            bytes,
            articles: Cell::new(0),
        }
    }

    fn article(&self) {
        self.articles.set(self.articles.get() + 1);
        let bytes = self.bytes.load(Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
            bar.set_message(self.articles.get().to_string());
        } else if self.lines && self.last_line.get().elapsed() >= Duration::from_secs(2) {
            self.last_line.set(Instant::now());
            let secs = self.start.elapsed().as_secs_f64();
            let rate = bytes as f64 / 1e6 / secs.max(1e-9);
            let eta = self
                .total
                .filter(|_| rate > 0.0)
                .map(|t| format!(", ETA {:.0} s", t.saturating_sub(bytes) as f64 / 1e6 / rate))
                .unwrap_or_default();
            eprintln!(
                "newsgraph: {} articles, {:.1} MB, {:.1} MB/s{eta}",
                self.articles.get(),
                bytes as f64 / 1e6,
                rate
            );
        }
    }

    /// Prints a line without tearing the bar.
    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Runs `build`.
pub fn run(args: BuildArgs) -> Result<()> {
    let started = Instant::now();
    let output = args.output.clone().or_else(|| args.append.clone());
    let format = output_format(output.as_deref(), args.format)?;
    check_output_place(output.as_deref())?;
    let threads = match args.threads {
        Some(n) => n as usize,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .context("starting the worker threads")?;
    let p = pipeline(&args.dicts)?;
    let (sources, walk_problems) = sources(&args.inputs)?;
    let mut graph = match &args.append {
        Some(path) if !path.exists() => bail!(
            "{}: no graph to append to; the first run makes it without --append: \
             newsgraph build <inputs> -o {}",
            path.display(),
            path.display()
        ),
        Some(path) => newsgraph::export::json::read_graph_file(path)?,
        None => KnowledgeGraph::new(),
    };
    let total = sources.iter().map(|s| s.size).sum::<Option<u64>>();
    let fields = JsonlFields {
        id: args.jsonl_id,
        title: args.jsonl_title,
        text: args.jsonl_text,
        date: args.jsonl_date,
        url: args.jsonl_url,
        source: args.jsonl_source,
    };
    let corpus = Corpus::new(sources, fields);
    let bytes = corpus.bytes_read();
    let progress = Progress::new(total, Arc::clone(&bytes), args.quiet, args.progress);
    let bad = Cell::new(walk_problems.len());
    for e in &walk_problems {
        progress.say(&e.to_string());
    }
    let docs = corpus.filter_map(|item| match item {
        Ok(d) => Some(d),
        Err(e) => {
            bad.set(bad.get() + 1);
            progress.say(&e.to_string());
            None
        }
    });
    let options = AddOptions {
        skip_known_text: args.append.is_some(),
        ..AddOptions::default()
    };
    let stats = p.extend(&mut graph, docs, &options, |a: Added<'_>| match a.outcome {
        Outcome::Added => progress.article(),
        Outcome::ConflictingId => {
            progress.say(&format!(
                "{}: the id {:?} was already read with another text; skipped",
                a.document.origin, a.document.id
            ));
        }
        Outcome::SameId | Outcome::KnownText { .. } => {}
    });
    progress.finish();
    let bad = bad.get() + stats.conflicts;
    if stats.added + stats.skipped == 0 && bad > 0 {
        // as with a single bad file: nothing to build, nothing written
        bail!("no article could be read");
    }
    let (entities, events) = graph.counts();
    let documents = graph.documents.len();
    if args.view == View::Full {
        write_graph_owned(graph, output.as_deref(), format)?;
    } else {
        let shown = args.view.apply(&graph);
        let written = write_graph(&shown, output.as_deref(), format)?;
        if !progress.quiet {
            eprintln!(
                "newsgraph: {} view: {} nodes, {} links",
                format!("{:?}", args.view).to_lowercase(),
                shown.graph.node_count(),
                shown.graph.edge_count()
            );
            for f in written {
                eprintln!("newsgraph: wrote {}", f.display());
            }
        }
    }
    if !progress.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = bytes.load(Ordering::Relaxed) as f64 / 1e6;
        let held = stats.skipped - stats.conflicts;
        let mut skipped = String::new();
        if held > 0 {
            skipped.push_str(&format!(", {held} already held"));
        }
        if bad > 0 {
            let inputs = super::counted(bad, "bad input", "bad inputs");
            skipped.push_str(&format!(", {inputs} skipped"));
        }
        eprintln!(
            "newsgraph: {} ({} added{skipped}), {}, {}, {:.1} s, {:.1} MB/s",
            super::counted(documents, "document", "documents"),
            stats.added,
            super::counted(entities, "entity", "entities"),
            super::counted(events, "event", "events"),
            secs,
            mb / secs.max(1e-9)
        );
    }
    if args.strict && bad > 0 {
        let were = super::counted(bad, "input was", "inputs were");
        bail!("{were} bad and skipped (--strict)");
    }
    Ok(())
}

/// Writes a built graph, naming the files written when the format has several parts. JSON is
/// serialised from the graph by reference, in parallel batches
/// ([`newsgraph::export::json::write_graph`]), so a large graph is not copied to be written.
pub(super) fn write_graph_owned(
    graph: KnowledgeGraph,
    output: Option<&std::path::Path>,
    format: Format,
) -> Result<()> {
    let written = write_graph(&graph, output, format)?;
    if format != Format::Json {
        for f in written {
            eprintln!("newsgraph: wrote {}", f.display());
        }
    }
    // the command ends here: freeing a graph of millions of small parts one by one took
    // seconds at the end of a large build, and the process gives the memory back at once
    std::mem::forget(graph);
    Ok(())
}
