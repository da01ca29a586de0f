//! The command line: a thin layer over the library.

mod build;
mod mentions;
mod merge;
mod output;
mod query;
mod tag;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use newsgraph::{Dictionary, Pipeline};
use std::path::PathBuf;

/// Turns news articles (Arabic, English) into a knowledge graph of who did what with whom.
///
/// Examples:
///   newsgraph build data/samples/king-receives-minister.txt -o graph.json
///   newsgraph build page.txt -o graph.dot          (format from the extension)
///   newsgraph build pages/*.txt -o graph.html      (also .graphml .gexf .csv .svg .png;
///                                                   --view actors; see build --help)
///   newsgraph build articles/ corpus.jsonl -o graph.json --threads 2
///   newsgraph build --append graph.json new/       (only the articles it does not hold)
///   newsgraph merge a.json b.json -o all.json
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
    // the about text comes from `BuildArgs`' own docs, which list the inputs, formats and views
    Build(build::BuildArgs),
    /// Unite graphs: entities by id, events by identity, with all their evidence.
    Merge(merge::MergeArgs),
    /// Ask a graph a question: who-met, events, timeline, ego, path, top, stats.
    ///
    /// Every question reads a graph written by `newsgraph build` (-g graph.json) and answers
    /// with a table on a terminal, or --json / --csv for machines. Names are ids, English or
    /// Arabic names, or any alias seen in the texts: Putin, بوتين, person:vladimir-putin.
    /// All but stats take the filters --with, --from, --to, --place, --type, --modality.
    ///
    /// Examples:
    ///   newsgraph query who-met Putin -g graph.json --from 2023-09 --place Russia
    ///   newsgraph query path Lavrov "Xi Jinping" -g graph.json
    ///   newsgraph query top -g graph.json --by betweenness --csv
    ///   newsgraph query ego Putin -g graph.json --depth 2 -o ego.dot
    #[command(verbatim_doc_comment)]
    Query {
        #[command(subcommand)]
        query: query::Query,
    },
    /// Show every mention the extractors found in a page, with the extractor and the reason.
    Mentions(mentions::MentionsArgs),
    /// Tag persons, places and organizations (BIO) token by token, e.g. to score on a corpus.
    ///
    /// With --conll the input is token per line (`token [TAG …]`, a blank line between
    /// sentences; extra columns are ignored) and the tokens are kept exactly as given, so the
    /// output lines up with a gold file: `python3 score_ner.py GOLD PREDICTED`. Plain text is
    /// split into tokens by newsgraph itself. Output: `token TAG` per line.
    ///
    /// Tags mark names, as CoNLL-style corpora (ANERcorp) do: قطاع [غزة], حركة [حماس],
    /// [مكة] المكرمة. Organizations named only by a description (وزارة الخارجية، مجلس الإدارة)
    /// stay O unless --descriptions is given; `newsgraph mentions` and the graph keep them.
    ///
    /// Examples:
    ///   newsgraph tag --conll test.conll > predicted.txt
    ///   newsgraph tag article.txt
    ///   newsgraph tag --conll --descriptions test.conll
    #[command(verbatim_doc_comment)]
    Tag(tag::TagArgs),
}

fn pipeline(dicts: &[PathBuf]) -> Result<Pipeline> {
    let mut dict = Dictionary::builtin().context("loading the built-in dictionaries")?;
    for d in dicts {
        dict.add_file(d)?;
    }
    Ok(Pipeline::new(dict))
}

/// `n` and the noun it counts, singular for one: `1 document`, `3 documents`.
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    output::remove_unfinished_on_interrupt();
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Query { query } => query::run(query),
        Command::Mentions(args) => mentions::run(args),
        Command::Tag(args) => tag::run(args),
    }
}
