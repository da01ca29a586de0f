//! Writing results: files replaced atomically, or standard output; formats from extensions.

use anyhow::{bail, Context, Result};
use newsgraph::export::Format;
use newsgraph::KnowledgeGraph;
use std::io::Write;
use std::path::Path;

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

pub fn output_format(output: Option<&Path>, format: Option<Format>) -> Result<Format> {
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

pub fn write_graph(graph: &KnowledgeGraph, output: Option<&Path>, format: Format) -> Result<()> {
    let exporter = format.exporter();
    write_output(output, |w| Ok(exporter.write(graph, w)?))
}
