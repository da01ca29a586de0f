//! The `newsgraph` command.

mod cli;

use clap::Parser;

/// The pipeline allocates many small strings and vectors per document; mimalloc handles them
/// faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = cli::Cli::parse();
    if let Err(e) = cli::run(args) {
        // the reader went away (`newsgraph … | head`): nothing more to say
        // (serde_json and the exporters wrap the I/O error, so look at what each layer says)
        let broken_pipe = e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                || c.to_string().contains("Broken pipe (os error 32)")
        });
        if broken_pipe {
            std::process::exit(0);
        }
        eprintln!("error: {}", describe(&e));
        std::process::exit(1);
    }
}

/// The error and its causes, joined by ": ", each cause once: a library error that already
/// tells its cause (`path: No such file or directory`) is not followed by it a second time.
fn describe(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let said = cause.to_string();
        if text.contains(&said) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&said);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn a_cause_already_told_is_not_told_again() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let e = anyhow::Error::from(newsgraph::Error::io("a.txt", io));
        assert_eq!(describe(&e), "a.txt: No such file");
        let e = anyhow::anyhow!("inner").context("outer");
        assert_eq!(describe(&e), "outer: inner");
    }
}
