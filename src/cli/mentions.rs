//! `newsgraph mentions`: what each extractor found, and why.

use super::pipeline;
use anyhow::Result;
use clap::Args;
use newsgraph::extract::MentionKind;
use std::io::Write;
use std::path::PathBuf;

/// Show every mention the extractors found in a page, with the extractor and the reason.
#[derive(Args, Debug)]
pub struct MentionsArgs {
    /// A page file (`-` for standard input).
    pub input: PathBuf,
    /// A dictionary file of your own (repeatable).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
}

/// Runs `mentions`.
pub fn run(args: MentionsArgs) -> Result<()> {
    let MentionsArgs { input, dicts } = args;
    let p = pipeline(&dicts)?;
    let docs = newsgraph::read::read_page_file(&input)?;
    let mut out = std::io::stdout().lock();
    for d in &docs {
        writeln!(out, "# {} — {}", d.id, d.title)?;
        let (a, mentions) = p.mentions(d);
        for m in &mentions {
            let text = a.original(m.start, m.end).replace('\n', " ");
            // a title says whom it names, once the extractors have linked it
            let names = match m.kind {
                MentionKind::Title {
                    holder: Some(h), ..
                } => mentions.get(h).map_or(String::new(), |p| {
                    format!(" (names {})", a.original(p.start, p.end).replace('\n', " "))
                }),
                _ => String::new(),
            };
            writeln!(
                out,
                "{}..{}\t{}\t{}\t{}{}",
                m.start + d.base,
                m.end + d.base,
                m.extractor,
                text,
                m.why,
                names
            )?;
        }
    }
    Ok(())
}
