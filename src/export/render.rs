//! SVG and PNG pictures, drawn by Graphviz: the [DOT export](super::dot) piped through
//! `dot -Tsvg` or `dot -Tpng`. Graphviz must be installed; when `dot` is not on `PATH` the
//! export fails with an error that says how to install it (or to write `.dot` instead).

use super::{dot::DotExporter, Exporter};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// The picture formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    /// Scalable vector graphics.
    Svg,
    /// Portable network graphics.
    Png,
}

impl Image {
    fn name(self) -> &'static str {
        match self {
            Image::Svg => "svg",
            Image::Png => "png",
        }
    }
}

/// Writes a picture through Graphviz's `dot`.
pub struct RenderExporter {
    /// SVG or PNG.
    pub format: Image,
}

/// What to say when `dot` cannot be run.
pub const DOT_MISSING: &str = "Graphviz's `dot` was not found on PATH; install graphviz \
     (Debian: apt-get install graphviz) or write .dot";

/// Runs `dot` with `args`, feeding it `input`, and returns what it prints.
pub fn run_dot(args: &[&str], input: &[u8], format: &str) -> Result<Vec<u8>> {
    let fail = |reason: String| Error::Export {
        format: format.to_string(),
        reason,
    };
    let mut child = Command::new("dot")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => fail(DOT_MISSING.to_string()),
            _ => fail(format!("cannot run Graphviz's `dot`: {e}")),
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    // write and read at once, so a large graph cannot fill a pipe and stall both sides
    let (written, picture, messages) = std::thread::scope(|s| {
        let w = s.spawn(move || stdin.write_all(input));
        let e = s.spawn(move || {
            let mut m = String::new();
            let _ = stderr.read_to_string(&mut m);
            m
        });
        let mut out = Vec::new();
        let r = stdout.read_to_end(&mut out).map(|_| out);
        (w.join(), r, e.join().unwrap_or_default())
    });
    let status = child
        .wait()
        .map_err(|e| fail(format!("waiting for `dot`: {e}")))?;
    if !status.success() {
        return Err(fail(format!(
            "`dot {}` failed ({status}): {}",
            args.join(" "),
            messages.trim()
        )));
    }
    if let Ok(Err(e)) = written {
        return Err(fail(format!("writing to `dot`: {e}")));
    }
    picture.map_err(|e| fail(format!("reading from `dot`: {e}")))
}

impl Exporter for RenderExporter {
    fn name(&self) -> &'static str {
        self.format.name()
    }

    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let mut dot = Vec::new();
        DotExporter.write(graph, &mut dot)?;
        let flag = format!("-T{}", self.format.name());
        let mut args = vec![flag.as_str()];
        if self.format == Image::Png {
            // a readable size for documents and screens
            args.push("-Gdpi=96");
        }
        let picture = run_dot(&args, &dot, self.format.name())?;
        out.write_all(&picture)
            .map_err(|e| super::io_err(self.format.name(), e))
    }
}
