//! `newsgraph tag`: BIO tags for persons, places and organizations, token by token.

use super::pipeline;
use anyhow::Result;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Tag persons (PERS), places and countries (LOC) and organizations (ORG) with BIO tags.
///
/// With --conll the input is token per line (`token [TAG …]`, a blank line between sentences;
/// extra columns are ignored) and the tokens are kept exactly as given, so the output lines up
/// with a gold file: `python3 score_ner.py GOLD PREDICTED`. Plain text is split into tokens by
/// newsgraph itself. Output: `token TAG` per line, a blank line between sentences.
#[derive(Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct TagArgs {
    /// The input file (`-` for standard input).
    pub input: PathBuf,
    /// Read token-per-line input (CoNLL style).
    #[arg(long)]
    pub conll: bool,
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
    let tags = newsgraph::tag::tag_sentences(&p, &sentences);
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
