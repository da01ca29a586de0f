//! Throughput of the pipeline over the real corpus (`../shared/corpus/aawsat.jsonl`).
//!
//! ```text
//! cargo bench --bench corpus            # stages at 1 thread, end to end at 1 and 2 threads
//! cargo bench --bench corpus -- big     # + a ~1 GB corpus (the sample repeated with distinct
//!                                       #   ids) built by `newsgraph build --threads 2`
//! cargo bench --bench corpus -- stages  # only the stages at 1 thread (quick)
//! ```
//! `NEWSGRAPH_CORPUS` points at another JSON Lines corpus, `NEWSGRAPH_BIG_MB` sets the size of
//! the big one (default 1000), `NEWSGRAPH_RUNS` the runs per end-to-end figure (best taken,
//! default 3), `NEWSGRAPH_CHUNK` the documents per job (default 16). Figures are MB of input
//! (10^6 bytes) per second of wall time; "per core" divides by the threads. Peak RSS (in MiB,
//! 2^20 bytes) is VmHWM, reset before each measurement.

use newsgraph::export::Format;
use newsgraph::extract::Analysis;
use newsgraph::normalize::NormalizedText;
use newsgraph::read::corpus::{sources, Corpus};
use newsgraph::read::jsonl::JsonlFields;
use newsgraph::segment::segment;
use newsgraph::{AddOptions, Document, KnowledgeGraph, Pipeline};
use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The allocator of the `newsgraph` binary, so that the stages are timed as the CLI runs them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus_path() -> PathBuf {
    std::env::var_os("NEWSGRAPH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/aawsat.jsonl")
        })
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn rate(bytes: u64, d: Duration) -> f64 {
    mb(bytes) / d.as_secs_f64().max(1e-9)
}

/// Peak resident memory of this process in MiB (VmHWM), when the system tells it.
fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak resident memory to the current one (Linux: `5` to clear_refs).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn show_rss(v: Option<f64>) -> String {
    v.map(|m| format!("{m:.0} MiB"))
        .unwrap_or_else(|| "unknown".into())
}

/// CPU seconds (user + system) used by this process so far.
fn cpu_seconds(who: i32) -> f64 {
    // SAFETY: getrusage fills the struct it is given and reads nothing else.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut u) };
    let t = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    t(u.ru_utime) + t(u.ru_stime)
}

/// Nanoseconds each thread of this process named `bench-worker…` has spent running and
/// waiting for a CPU (from /proc/self/task/*/schedstat), by thread id.
fn worker_sched() -> HashMap<String, (u64, u64)> {
    let mut out = HashMap::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return out;
    };
    for t in tasks.flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if !comm.starts_with("bench-worker") {
            continue;
        }
        let stat = std::fs::read_to_string(t.path().join("schedstat")).unwrap_or_default();
        let mut f = stat
            .split_whitespace()
            .map(|v| v.parse::<u64>().unwrap_or(0));
        let v = (f.next().unwrap_or(0), f.next().unwrap_or(0));
        out.insert(t.file_name().to_string_lossy().to_string(), v);
    }
    out
}

/// Running and waiting seconds of the workers between two snapshots.
fn sched_delta(
    before: &HashMap<String, (u64, u64)>,
    after: &HashMap<String, (u64, u64)>,
) -> (f64, f64) {
    let (mut run, mut wait) = (0, 0);
    for (tid, &(r, w)) in after {
        let (r0, w0) = before.get(tid).copied().unwrap_or((0, 0));
        run += r.saturating_sub(r0);
        wait += w.saturating_sub(w0);
    }
    (run as f64 / 1e9, wait as f64 / 1e9)
}

/// One end-to-end run.
struct Run {
    wall: Duration,
    cpu: f64,
    docs: usize,
    /// Seconds the workers spent running, waiting for a CPU, and idle (neither).
    running: f64,
    waiting: f64,
    idle: f64,
}

/// Reads, analyses, adds and writes the corpus on a pool of `threads` threads (the calling
/// thread is one of them: everything runs inside the pool).
fn end_to_end(p: &Pipeline, path: &Path, threads: usize, out: &Path) -> Run {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("bench-worker{i}"))
        .build()
        .expect("a thread pool");
    let cpu = cpu_seconds(libc::RUSAGE_SELF);
    let sched = worker_sched();
    let t = Instant::now();
    let docs = pool.install(|| {
        let (srcs, _) = sources(&[path.to_path_buf()]).expect("the corpus is readable");
        let corpus = Corpus::new(srcs, JsonlFields::default()).filter_map(Result::ok);
        let mut g = KnowledgeGraph::new();
        let chunk = env_number("NEWSGRAPH_CHUNK", 16) as usize;
        p.extend(
            &mut g,
            corpus,
            &AddOptions {
                chunk,
                ..AddOptions::default()
            },
            |_| {},
        );
        let mut w = BufWriter::new(std::fs::File::create(out).expect("a temporary file"));
        Format::Json
            .exporter()
            .write(&g, &mut w)
            .expect("the graph is written");
        w.flush().expect("the graph is written");
        g.documents.len()
    });
    let wall = t.elapsed();
    let (running, waiting) = sched_delta(&sched, &worker_sched());
    Run {
        wall,
        cpu: cpu_seconds(libc::RUSAGE_SELF) - cpu,
        docs,
        running,
        waiting,
        idle: (threads as f64 * wall.as_secs_f64() - running - waiting).max(0.0),
    }
}

/// The CPU time of the calling thread.
#[derive(Clone, Copy)]
struct CpuClock(Duration);

impl CpuClock {
    fn now() -> Self {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_gettime writes the timespec it is given and reads nothing else.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        CpuClock(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }

    fn elapsed(self) -> Duration {
        Self::now().0.saturating_sub(self.0)
    }
}

/// Per-stage times at one thread, in CPU time of the calling thread (so that other processes
/// taking the CPU do not count: on a shared machine wall time per stage is mostly noise).
fn stages(p: &Pipeline, path: &Path, size: u64) {
    let t = CpuClock::now();
    let (srcs, _) = sources(&[path.to_path_buf()]).expect("the corpus is readable");
    let docs: Vec<Document> = Corpus::new(srcs, JsonlFields::default())
        .filter_map(Result::ok)
        .collect();
    let read = t.elapsed();
    let mut norm_seg = Duration::ZERO;
    let mut token_keys = Duration::ZERO;
    let mut scan = Duration::ZERO;
    let mut per_extractor = vec![Duration::ZERO; p.extractors().len()];
    let mut resolve = Duration::ZERO;
    let mut add = Duration::ZERO;
    let mut g = KnowledgeGraph::new();
    for d in &docs {
        // normalise + segment, token keys, lexicon scan, as Analysis::new does them
        let t = CpuClock::now();
        let (norm, char_bytes) = NormalizedText::with_char_starts(&d.text);
        let seg = segment(&norm);
        norm_seg += t.elapsed();
        let t = CpuClock::now();
        let (keys, numbers) = p.lexicon().token_keys_numbered(&norm.text, &seg);
        token_keys += t.elapsed();
        let t = CpuClock::now();
        let acronym = newsgraph::dictionary::lexicon::acronyms(&d.text, &char_bytes, &norm, &seg);
        std::hint::black_box(
            p.lexicon()
                .find_numbered(&norm.text, &keys, numbers, &seg, &acronym),
        );
        scan += t.elapsed();
        let a = Analysis::new(d, p.dictionary(), p.lexicon());
        let mut mentions = Vec::new();
        for (i, e) in p.extractors().iter().enumerate() {
            let t = CpuClock::now();
            e.extract(&a, &mut mentions);
            per_extractor[i] += t.elapsed();
        }
        let t = CpuClock::now();
        let facts = p.resolver().resolve(&a, &mentions);
        resolve += t.elapsed();
        let t = CpuClock::now();
        g.add(facts);
        add += t.elapsed();
    }
    let t = CpuClock::now();
    let mut sink = Vec::new();
    Format::Json
        .exporter()
        .write(&g, &mut sink)
        .expect("the graph is written");
    let write = t.elapsed();
    let extract: Duration = per_extractor.iter().sum();
    let total = read + norm_seg + token_keys + scan + extract + resolve + add + write;
    println!(
        "\nstages, 1 thread (MB of input per CPU second of the thread; share of the sum of stages)"
    );
    let line = |name: &str, d: Duration| {
        println!(
            "  {name:<28} {:>8.1} MB/s {:>7.2} s {:>5.1} %",
            rate(size, d),
            d.as_secs_f64(),
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    };
    line("read JSON Lines", read);
    line("normalise + segment", norm_seg);
    line("token keys", token_keys);
    line("lexicon scan", scan);
    for (e, d) in p.extractors().iter().zip(&per_extractor) {
        line(&format!("extract: {}", e.name()), *d);
    }
    line("resolve", resolve);
    line("graph add", add);
    line("JSON write", write);
    line("sum of stages", total);
    println!(
        "  graph: {} documents, {} nodes, {} links, JSON {:.1} MB",
        g.documents.len(),
        g.graph.node_count(),
        g.graph.edge_count(),
        mb(sink.len() as u64)
    );
}

/// Writes a corpus of about `target` bytes: the sample repeated, each copy with its own ids.
fn big_corpus(sample: &Path, target: u64, out: &Path) -> (u64, usize, usize) {
    let lines: Vec<String> = std::io::BufReader::new(std::fs::File::open(sample).unwrap())
        .lines()
        .map_while(Result::ok)
        .filter(|l| l.trim_start().starts_with('{'))
        .collect();
    let mut w = BufWriter::new(std::fs::File::create(out).unwrap());
    let (mut written, mut copies, mut articles) = (0u64, 0usize, 0usize);
    while written < target {
        for (i, l) in lines.iter().enumerate() {
            let rest = &l.trim_start()[1..];
            let line = format!("{{\"id\": \"copy{copies}-{i}\", {rest}\n");
            w.write_all(line.as_bytes()).unwrap();
            written += line.len() as u64;
            articles += 1;
        }
        copies += 1;
    }
    w.flush().unwrap();
    (written, copies, articles)
}

fn big(sample: &Path) {
    let target = env_number("NEWSGRAPH_BIG_MB", 1000) * 1_000_000;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let corpus = dir.path().join("big.jsonl");
    let t = Instant::now();
    let (size, copies, articles) = big_corpus(sample, target, &corpus);
    println!(
        "\nbig corpus: {:.0} MB, {articles} articles ({copies} copies of the sample), written in {:.1} s",
        mb(size),
        t.elapsed().as_secs_f64()
    );
    let out = dir.path().join("big.json");
    let cpu = cpu_seconds(libc::RUSAGE_CHILDREN);
    let t = Instant::now();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", "--threads", "2"])
        .arg(&corpus)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("newsgraph runs");
    let wall = t.elapsed();
    // SAFETY: as in cpu_seconds.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    let cpu = cpu_seconds(libc::RUSAGE_CHILDREN) - cpu;
    print!("  {}", String::from_utf8_lossy(&run.stderr));
    println!(
        "  newsgraph build --threads 2: {:.1} s wall, {:.1} s CPU, {:.1} MB/s ({:.1} per core), peak RSS {:.0} MiB, graph {:.0} MB, {}",
        wall.as_secs_f64(),
        cpu,
        rate(size, wall),
        rate(size, wall) / 2.0,
        u.ru_maxrss as f64 / 1024.0,
        mb(std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0)),
        if run.status.success() { "ok" } else { "FAILED" }
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let path = corpus_path();
    let Ok(meta) = std::fs::metadata(&path) else {
        eprintln!(
            "corpus bench skipped: {} is absent (set NEWSGRAPH_CORPUS to a JSON Lines corpus)",
            path.display()
        );
        return;
    };
    let size = meta.len();
    let t = Instant::now();
    let p = Pipeline::builtin().expect("the built-in dictionaries load");
    println!(
        "corpus {} ({:.1} MB); pipeline built in {:.2} s; {} cores",
        path.display(),
        mb(size),
        t.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    if args.iter().any(|a| a == "stages") {
        stages(&p, &path, size);
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("graph.json");
    let runs = env_number("NEWSGRAPH_RUNS", 3).max(1);
    println!("\nend to end (read, analyse, add, write JSON), best of {runs}");
    println!(
        "  (workers: the share of their time running / waiting for a CPU taken by other \
         processes / idle for want of work; idle is what the code itself loses)"
    );
    let mut best1 = None;
    for threads in [1usize, 2] {
        reset_peak_rss();
        let mut best: Option<Run> = None;
        for _ in 0..runs {
            let run = end_to_end(&p, &path, threads, &out);
            if best.as_ref().is_none_or(|b| run.wall < b.wall) {
                best = Some(run);
            }
        }
        let run = best.unwrap();
        let scaling = best1
            .map(|w1: Duration| {
                format!(
                    ", speed-up {:.2}x",
                    w1.as_secs_f64() / run.wall.as_secs_f64()
                )
            })
            .unwrap_or_default();
        if threads == 1 {
            best1 = Some(run.wall);
        }
        let share = |x: f64| 100.0 * x / (threads as f64 * run.wall.as_secs_f64());
        println!(
            "  {threads} thread(s): {} documents in {:.2} s, {:.1} MB/s, {:.1} MB/s per core, \
             {:.1} MB per CPU second{scaling}; workers {:.0} % running, {:.0} % waiting, \
             {:.0} % idle; peak RSS {}",
            run.docs,
            run.wall.as_secs_f64(),
            rate(size, run.wall),
            rate(size, run.wall) / threads as f64,
            mb(size) / run.cpu,
            share(run.running),
            share(run.waiting),
            share(run.idle),
            show_rss(peak_rss_mb())
        );
    }
    stages(&p, &path, size);
    if args.iter().any(|a| a == "big") {
        big(&path);
    }
}
