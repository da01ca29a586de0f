//! `newsgraph tag`: BIO tags for persons, places and organizations, token by token.

use super::pipeline;
use anyhow::Result;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// The arguments of `newsgraph tag` (its help text is on the subcommand).
#[derive(Args, Debug)]
pub struct TagArgs {
    /// The input file (`-` for standard input).
    pub input: PathBuf,
    /// Read token-per-line input (CoNLL style).
    #[arg(long)]
    pub conll: bool,
    /// Also tag organizations named by a description (وزارة الخارجية، مجلس الإدارة).
    #[arg(long)]
    pub descriptions: bool,
    /// A dictionary file of your own (repeatable).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
}

/// Runs `tag`.
pub fn run(args: TagArgs) -> Result<()> {
    let p = pipeline(&args.dicts)?;
    let text = if args.input.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        newsgraph::read::decode_utf8(buf, "<stdin>")?
    } else {
        if args.input.is_dir() {
            anyhow::bail!(
                "{}: is a directory, expected a text file",
                args.input.display()
            );
        }
        let bytes = std::fs::read(&args.input).map_err(|e| newsgraph::Error::io(&args.input, e))?;
        newsgraph::read::decode_utf8(bytes, &args.input.display().to_string())?
    };
    let sentences = if args.conll {
        newsgraph::tag::read_conll(&text)
    } else {
        newsgraph::tag::plain_sentences(&text)
    };
    let options = newsgraph::tag::TagOptions {
        descriptions: args.descriptions,
    };
    let tags = newsgraph::tag::tag_sentences_with(&p, &sentences, options);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (s, t) in sentences.iter().zip(&tags) {
        for (tok, tag) in s.iter().zip(t) {
            writeln!(out, "{tok} {tag}")?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}
