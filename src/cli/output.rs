//! Writing results: files replaced atomically, or standard output; formats from extensions.

use anyhow::{bail, Context, Result};
use newsgraph::export::{part_path, Format};
use newsgraph::KnowledgeGraph;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files being written, removed if the run is interrupted (Ctrl-C).
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C (or SIGTERM), removes the temporary file being written, if any, and exits with
/// status 130: an interrupted run leaves the outputs as they were, and no litter beside them.
pub fn remove_unfinished_on_interrupt() {
    // a second handler cannot be set (as in tests that run the CLI twice): the first stays
    let _ = ctrlc::set_handler(|| {
        if let Ok(files) = UNFINISHED.lock() {
            for f in files.iter() {
                let _ = std::fs::remove_file(f);
            }
        }
        eprintln!("newsgraph: interrupted; no half-written file is left");
        std::process::exit(130);
    });
}

fn unfinished(tmp: &Path, writing: bool) {
    if let Ok(mut files) = UNFINISHED.lock() {
        if writing {
            files.push(tmp.to_path_buf());
        } else {
            files.retain(|f| f != tmp);
        }
    }
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
            not_a_directory(p)?;
            let tmp = temporary_beside(p);
            unfinished(&tmp, true);
            let result = (|| -> Result<()> {
                let f = std::fs::File::create(&tmp).with_context(|| {
                    format!(
                        "{}: cannot write (temporary file {})",
                        p.display(),
                        tmp.display()
                    )
                })?;
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
            unfinished(&tmp, false);
            result?;
        }
    }
    Ok(())
}

/// The temporary file an output is written to before it is renamed into place: hidden, in the
/// same directory (so the rename stays on one file system), named after the output and this
/// process.
fn temporary_beside(p: &Path) -> PathBuf {
    let dir = p
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Refuses an output path that names a directory.
fn not_a_directory(p: &Path) -> Result<()> {
    if p.is_dir() {
        bail!(
            "{}: is a directory, give a file name for the output",
            p.display()
        );
    }
    Ok(())
}

/// Checks, before any work, that the output can be written where it is asked for: its
/// directory exists and takes a new file, and it is not itself a directory. A long build then
/// does not fail at its very end for want of a folder.
pub fn check_output_place(output: Option<&Path>) -> Result<()> {
    let Some(p) = output.filter(|p| p.as_os_str() != "-") else {
        return Ok(());
    };
    not_a_directory(p)?;
    let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir.filter(|d| !d.is_dir()) {
        bail!(
            "{}: cannot write the output there: the directory {} does not exist",
            p.display(),
            dir.display()
        );
    }
    let tmp = temporary_beside(p);
    std::fs::File::create(&tmp).with_context(|| {
        format!(
            "{}: cannot write the output there (a test file {} could not be made)",
            p.display(),
            tmp.display()
        )
    })?;
    let _ = std::fs::remove_file(&tmp);
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
                "{}: cannot tell the format from the extension; use .json, .dot, .graphml, \
                 .gexf, .csv, .svg, .png or .html, or --format",
                p.display()
            )
        }),
    }
}

/// Writes the graph in a format and returns the files written (none for standard output).
/// Formats of several parts (CSV) write one file per part beside the output path.
pub fn write_graph(
    graph: &KnowledgeGraph,
    output: Option<&Path>,
    format: Format,
) -> Result<Vec<PathBuf>> {
    let exporter = format.exporter();
    let parts = exporter.parts();
    let path = output.filter(|p| p.as_os_str() != "-");
    if parts == [""] {
        write_output(path, |w| Ok(exporter.write(graph, w)?))?;
        return Ok(path.map(Path::to_path_buf).into_iter().collect());
    }
    let Some(path) = path else {
        bail!(
            "the {} format writes {} files ({}); give an output file name with -o, \
             e.g. -o graph.csv",
            exporter.name(),
            parts.len(),
            parts
                .iter()
                .map(|p| format!("<stem>.{p}.csv"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    };
    let mut written = Vec::new();
    for part in parts {
        let file = part_path(path, part);
        write_output(Some(&file), |w| Ok(exporter.write_part(graph, part, w)?))?;
        written.push(file);
    }
    Ok(written)
}
