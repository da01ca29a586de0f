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
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
