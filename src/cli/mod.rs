//! The command line: a thin layer over the library.

mod build;
mod mentions;
mod merge;
mod output;
mod query;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use newsgraph::{Dictionary, Pipeline};
use std::path::PathBuf;

/// Turns news articles (Arabic, English) into a knowledge graph of who did what with whom.
///
/// Examples:
///   newsgraph build data/samples/king-receives-minister.txt -o graph.json
///   newsgraph build page.txt -o graph.dot          (format from the extension)
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
    /// Build a graph from news pages and corpora (files, directories, JSON Lines, stdin).
    Build(build::BuildArgs),
    /// Unite graphs: entities by id, events by identity, with all their evidence.
    Merge(merge::MergeArgs),
    /// Ask a graph a question.
    Query {
        #[command(subcommand)]
        query: query::Query,
    },
    /// Show every mention the extractors found in a page, with the extractor and the reason.
    Mentions(mentions::MentionsArgs),
}

fn pipeline(dicts: &[PathBuf]) -> Result<Pipeline> {
    let mut dict = Dictionary::builtin().context("loading the built-in dictionaries")?;
    for d in dicts {
        dict.add_file(d)?;
    }
    Ok(Pipeline::new(dict))
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Query { query } => query::run(query),
        Command::Mentions(args) => mentions::run(args),
    }
}
