//! Corpora at scale: inputs, determinism across threads and input order, merge laws, append,
//! bad input. Graphs are compared as the bytes `newsgraph` writes.
//!
//! Besides texts of our own, the tests read `../shared` (the dev articles, the seed page and
//! the corpus) when it is there; without it they say so and check only our own texts, except
//! under `CI=true`, where its absence is a failure.

use newsgraph::export::Format;
use newsgraph::read::corpus::{sources, Corpus};
use newsgraph::read::jsonl::JsonlFields;
use newsgraph::{AddOptions, KnowledgeGraph, Pipeline};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PAGE_A: &str = "لقاء في موسكو\nتاريخ النشر: 20th, September 2023 GMT\nموسكو-سانا\n\
التقى الرئيس الروسي فلاديمير بوتين اليوم وزير الخارجية الصيني وانغ يي في موسكو، وبحث الجانبان العلاقات الثنائية.\n";
const PAGE_B: &str = "محادثات روسية صينية\nتاريخ النشر: 20th, September 2023 GMT\nموسكو-واس\n\
التقى وزير الخارجية الصيني وانغ يي اليوم الرئيس الروسي فلاديمير بوتين في الكرملين.\n\
إقرأ أيضاً:\nاتصال هاتفي\nتاريخ النشر: 5th, March 2024 GMT\nالرياض-واس\n\
أجرى ولي العهد الأمير محمد بن سلمان اليوم اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون.\n";
const PAGE_C: &str = "Leaders meet in Riyadh\nPublished: 3rd, May 2024 GMT\n\
RIYADH, May 3 (Reuters) - Saudi Foreign Minister Prince Faisal bin Farhan met U.S. Secretary of State Antony Blinken in Riyadh on Friday.\n";

/// JSON Lines articles of our own: id, title, text, date.
fn own_jsonl() -> String {
    let articles = [
        (
            "j1",
            "زيارة إلى القاهرة",
            "وصل وزير الخارجية السعودي الأمير فيصل بن فرحان إلى القاهرة اليوم في زيارة رسمية.",
            "2024-02-11",
        ),
        (
            "j2",
            "اتصال",
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين.",
            "2024-01-09",
        ),
        (
            "j3",
            "Talks in Beijing",
            "Chinese Foreign Minister Wang Yi held talks with Antony Blinken in Beijing.",
            "2024-04-26",
        ),
    ];
    articles
        .iter()
        .map(|(id, title, text, date)| {
            serde_json::json!({"id": id, "title": title, "text": text, "date": date}).to_string()
                + "\n"
        })
        .collect()
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn run(args: &[&Path], stdin: Option<&[u8]>) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("newsgraph runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

/// Runs newsgraph and requires success; returns stderr.
fn ok(args: &[&Path]) -> String {
    let out = run(args, None);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "newsgraph {args:?} failed:\n{err}");
    err
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `../shared`, or `None` (with a message) when it is absent; under CI its absence fails.
fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("dev/articles").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is absent and CI=true: the shared data is required",
            dir.display()
        );
    }
    eprintln!(
        "note: {} is absent; checking only the tests' own texts",
        dir.display()
    );
    None
}

/// Our own corpus in `dir`: three pages and a JSON Lines file. Returns the files.
fn own_corpus(dir: &Path) -> Vec<PathBuf> {
    let files = [
        ("a.txt", PAGE_A.to_string()),
        ("b.txt", PAGE_B.to_string()),
        ("c.txt", PAGE_C.to_string()),
        ("own.jsonl", own_jsonl()),
    ];
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// `n` lines of the real corpus from line `from`, as a JSON Lines file in `dir`.
fn corpus_slice(shared: &Path, dir: &Path, name: &str, from: usize, n: usize) -> PathBuf {
    let text = std::fs::read_to_string(shared.join("corpus/aawsat.jsonl")).unwrap();
    let lines: String = text
        .lines()
        .skip(from)
        .take(n)
        .map(|l| format!("{l}\n"))
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, lines).unwrap();
    path
}

/// Every input of the tests: our own texts, and the dev articles, the seed page and a slice of
/// the corpus when present.
fn all_inputs(dir: &Path) -> Vec<PathBuf> {
    let mut inputs = own_corpus(dir);
    if let Some(s) = shared() {
        let mut dev: Vec<PathBuf> = std::fs::read_dir(s.join("dev/articles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        dev.sort();
        inputs.extend(dev);
        if s.join("seeds").is_dir() {
            inputs.push(s.join("seeds"));
        }
        if s.join("corpus/aawsat.jsonl").is_file() {
            inputs.push(corpus_slice(&s, dir, "slice.jsonl", 0, 120));
        }
    }
    inputs
}

fn build_args<'a>(inputs: &'a [PathBuf], out: &'a Path, threads: &'a str) -> Vec<&'a Path> {
    let mut args = vec![
        p("build"),
        p("--quiet"),
        p("--threads"),
        p(threads),
        p("-o"),
        out,
    ];
    args.extend(inputs.iter().map(PathBuf::as_path));
    args
}

#[test]
fn output_is_byte_identical_whatever_the_threads_and_the_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = all_inputs(dir.path());
    let one = dir.path().join("one.json");
    ok(&build_args(&inputs, &one, "1"));
    let mut shuffled = inputs.clone();
    shuffled.reverse();
    shuffled.rotate_left(inputs.len() / 3);
    let two = dir.path().join("two.json");
    ok(&build_args(&shuffled, &two, "2"));
    assert_eq!(read(&one), read(&two), "threads 1 and 2, inputs reordered");
    let g: serde_json::Value = serde_json::from_slice(&read(&one)).unwrap();
    assert!(g["graph"]["documents"].as_array().unwrap().len() >= 7);
}

#[test]
fn small_chunks_on_one_or_two_threads_give_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = all_inputs(dir.path());
    let p = Pipeline::builtin().unwrap();
    let build = |threads: usize, chunk: usize, inputs: &[PathBuf]| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let (srcs, problems) = sources(inputs).unwrap();
            assert!(problems.is_empty());
            let docs = Corpus::new(srcs, JsonlFields::default()).map(Result::unwrap);
            let mut g = KnowledgeGraph::new();
            let options = AddOptions {
                chunk,
                ..AddOptions::default()
            };
            let stats = p.extend(&mut g, docs, &options, |_| {});
            assert_eq!(stats.skipped, 0);
            let mut out = Vec::new();
            Format::Json.exporter().write(&g, &mut out).unwrap();
            out
        })
    };
    let reference = build(1, 1000, &inputs);
    let mut reversed = inputs.clone();
    reversed.reverse();
    for (threads, chunk) in [(1, 3), (2, 3), (2, 7), (2, 1000)] {
        assert!(
            build(threads, chunk, &reversed) == reference,
            "{threads} threads, chunks of {chunk}"
        );
    }
}

#[test]
fn the_same_event_told_by_two_sources_is_one_event_with_both_evidences() {
    let dir = tempfile::tempdir().unwrap();
    let files = own_corpus(dir.path());
    let (a, b, ab) = (
        dir.path().join("ga.json"),
        dir.path().join("gb.json"),
        dir.path().join("gab.json"),
    );
    ok(&[p("build"), p("-q"), &files[0], p("-o"), &a]);
    ok(&[p("build"), p("-q"), &files[1], p("-o"), &b]);
    ok(&[p("merge"), p("-q"), &a, &b, p("-o"), &ab]);
    let g: serde_json::Value = serde_json::from_slice(&read(&ab)).unwrap();
    let meetings: Vec<&serde_json::Value> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["event_type"] == "meet" && n["date"]["start"] == "2023-09-20")
        .collect();
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    let docs: Vec<&str> = meetings[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["a", "b"]);
}

/// Builds each shard alone, then checks the merge laws on the written bytes, and that the
/// shards merged are the graph built at once.
fn check_merge_laws(dir: &Path, shards: [Vec<PathBuf>; 3]) {
    let graph = |name: &str| dir.join(format!("{name}.json"));
    for (name, inputs) in ["a", "b", "c"].iter().zip(&shards) {
        ok(&build_args(inputs, &graph(name), "2"));
    }
    let merge = |parts: &[&str], out: &str| {
        let paths: Vec<PathBuf> = parts.iter().map(|n| graph(n)).collect();
        let mut args = vec![p("merge"), p("-q")];
        args.extend(paths.iter().map(PathBuf::as_path));
        let out = graph(out);
        args.extend([p("-o"), &out]);
        ok(&args);
        read(&out)
    };
    let ab = merge(&["a", "b"], "ab");
    let ab_c = merge(&["ab", "c"], "ab_c");
    merge(&["b", "c"], "bc");
    let a_bc = merge(&["a", "bc"], "a_bc");
    assert!(ab_c == a_bc, "(a ∪ b) ∪ c == a ∪ (b ∪ c)");
    assert!(merge(&["b", "a"], "ba") == ab, "a ∪ b == b ∪ a");
    assert!(
        merge(&["c", "b", "a"], "cba") == ab_c,
        "c ∪ b ∪ a == a ∪ b ∪ c"
    );
    assert!(merge(&["a", "a"], "aa") == read(&graph("a")), "a ∪ a == a");
    assert!(
        merge(&["ab_c", "b"], "abc_b") == ab_c,
        "(a ∪ b ∪ c) ∪ b == a ∪ b ∪ c"
    );
    let all: Vec<PathBuf> = shards.concat();
    ok(&build_args(&all, &graph("all"), "2"));
    assert!(
        read(&graph("all")) == ab_c,
        "the shards merged are the graph built at once"
    );
}

#[test]
fn merge_is_associative_commutative_and_idempotent_on_our_texts() {
    let dir = tempfile::tempdir().unwrap();
    let f = own_corpus(dir.path());
    check_merge_laws(
        dir.path(),
        [
            vec![f[0].clone()],
            vec![f[1].clone(), f[3].clone()],
            vec![f[2].clone()],
        ],
    );
}

#[test]
fn merge_is_associative_commutative_and_idempotent_on_real_graphs() {
    let Some(s) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut dev: Vec<PathBuf> = std::fs::read_dir(s.join("dev/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    dev.sort();
    assert!(dev.len() >= 9, "the dev set has its articles");
    let mut shards: [Vec<PathBuf>; 3] = Default::default();
    for (i, f) in dev.into_iter().enumerate() {
        shards[i % 3].push(f);
    }
    // the same real articles in two shards: the union holds them once
    shards[2].push(shards[0][0].clone());
    if s.join("corpus/aawsat.jsonl").is_file() {
        for (i, shard) in shards.iter_mut().enumerate() {
            shard.push(corpus_slice(
                &s,
                dir.path(),
                &format!("s{i}.jsonl"),
                i * 60,
                80,
            ));
        }
    }
    check_merge_laws(dir.path(), shards);
}

#[test]
fn append_adds_only_the_articles_the_graph_does_not_hold() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = all_inputs(dir.path());
    let (first, second) = inputs.split_at(inputs.len() / 2);
    let g = dir.path().join("g.json");
    ok(&build_args(first, &g, "2"));
    // --append without -o updates the graph in place
    let mut args = vec![p("build"), p("--append"), &g];
    args.extend(second.iter().map(PathBuf::as_path));
    ok(&args);
    let whole = dir.path().join("whole.json");
    ok(&build_args(&inputs, &whole, "1"));
    assert!(
        read(&g) == read(&whole),
        "appending gives the graph built at once"
    );
    // again: everything is held already, nothing changes
    let before = read(&g);
    let mut args = vec![p("build"), p("--append"), &g];
    args.extend(inputs.iter().map(PathBuf::as_path));
    let err = ok(&args);
    assert!(read(&g) == before);
    assert!(err.contains("(0 added,"), "{err}");
    // the same text under a new id is held too
    let copy = dir.path().join("copy.jsonl");
    let line = serde_json::json!({"id": "another-id", "text": PAGE_A.trim_end()}).to_string();
    std::fs::write(&copy, line + "\n").unwrap();
    let err = ok(&[p("build"), p("--append"), &g, &copy]);
    assert!(read(&g) == before, "{err}");
    assert!(err.contains("1 already held"), "{err}");
}

#[test]
fn a_corpus_with_broken_input_finishes_with_the_rest_intact() {
    let dir = tempfile::tempdir().unwrap();
    let (clean, broken) = (dir.path().join("clean"), dir.path().join("broken"));
    for d in [&clean, &broken] {
        std::fs::create_dir(d).unwrap();
        std::fs::write(d.join("a.txt"), PAGE_A).unwrap();
        std::fs::write(d.join("c.txt"), PAGE_C).unwrap();
    }
    let lines: Vec<String> = own_jsonl().lines().map(str::to_string).collect();
    std::fs::write(clean.join("own.jsonl"), lines.join("\n") + "\n").unwrap();
    let mut bad = Vec::new();
    bad.extend_from_slice(format!("{}\n{{\"id\": \"cut\", \"text\": \"نص\n", lines[0]).as_bytes());
    bad.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    bad.extend_from_slice(format!("{}\n[\"not an object\"]\n{}\n", lines[1], lines[2]).as_bytes());
    std::fs::write(broken.join("own.jsonl"), &bad).unwrap();
    std::fs::write(broken.join("b.txt"), b"title\nbody \xc3\x28 broken\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), broken.join("gone.txt")).unwrap();
    // a compressed corpus under a plain name: one report, not one per line of binary
    std::fs::write(
        broken.join("packed.jsonl"),
        b"\x1f\x8b\x08\x00\x9c\n\xff\n\x01\n",
    )
    .unwrap();
    std::fs::write(broken.join("packed.txt"), b"\x28\xb5\x2f\xfd\x00\n").unwrap();

    let out = dir.path().join("out.json");
    let run_on = |extra: &[&Path]| {
        let mut args = vec![p("build"), p("-o"), &out];
        args.extend_from_slice(extra);
        args.push(&broken);
        run(&args, None)
    };
    let done = run_on(&[]);
    let err = String::from_utf8_lossy(&done.stderr).to_string();
    assert!(done.status.success(), "{err}");
    let jsonl = broken.join("own.jsonl").display().to_string();
    for expected in [
        format!("{jsonl}:2: malformed JSON"),
        format!("{jsonl}:3: not valid UTF-8 (byte 29 of the line)"),
        format!("{jsonl}:5: a line must hold a JSON object"),
        format!("{}:2: not valid UTF-8", broken.join("b.txt").display()),
        format!("{}: ", broken.join("gone.txt").display()),
        format!("{}:1: a gzip file", broken.join("packed.jsonl").display()),
        format!("{}:1: a zstd file", broken.join("packed.txt").display()),
        "7 bad inputs skipped".to_string(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    let clean_out = dir.path().join("clean.json");
    ok(&[p("build"), p("-q"), p("-o"), &clean_out, &clean]);
    let graph = |path: &Path| {
        let mut v: serde_json::Value = serde_json::from_slice(&read(path)).unwrap();
        // where each article was read differs (line numbers); what was read does not
        for d in v["graph"]["documents"].as_array_mut().unwrap() {
            d["origin"] = serde_json::Value::Null;
        }
        v
    };
    assert_eq!(graph(&out), graph(&clean_out));
    // --strict: the graph is still written, the status says something was skipped
    std::fs::remove_file(&out).unwrap();
    let strict = run_on(&[p("--strict"), p("--quiet")]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("--strict"));
    assert_eq!(graph(&out), graph(&clean_out));
}

#[test]
fn standard_input_reads_json_lines_or_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("own.jsonl");
    std::fs::write(&jsonl, own_jsonl()).unwrap();
    let from_file = dir.path().join("file.json");
    ok(&[p("build"), p("-q"), &jsonl, p("-o"), &from_file]);
    let piped = run(&[p("build"), p("-q"), p("-")], Some(own_jsonl().as_bytes()));
    assert!(piped.status.success());
    let ids = |bytes: &[u8]| {
        let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        (
            v["graph"]["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>(),
            v["nodes"].as_array().unwrap().len(),
        )
    };
    assert_eq!(ids(&piped.stdout), ids(&read(&from_file)));
    let page = run(&[p("build"), p("-q"), p("-")], Some(PAGE_B.as_bytes()));
    assert!(page.status.success());
    assert_eq!(ids(&page.stdout).0, ["stdin", "stdin#2"]);
}

#[test]
fn json_lines_field_names_are_settable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("renamed.jsonl");
    let line =
        serde_json::json!({"key": "k1", "headline": "لقاء", "body": PAGE_A, "when": "2023-09-20"});
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let out = run(
        &[
            p("build"),
            p("-q"),
            p("--jsonl-id"),
            p("key"),
            p("--jsonl-title"),
            p("headline"),
            p("--jsonl-text"),
            p("body"),
            p("--jsonl-date"),
            p("when"),
            &path,
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["graph"]["documents"][0];
    assert_eq!(
        (d["id"].as_str(), d["title"].as_str()),
        (Some("k1"), Some("لقاء"))
    );
    assert_eq!(d["published"], "2023-09-20");
    // without the flags the line has no text field
    let out = run(&[p("build"), p("-q"), &path], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1: no text field"));
}

#[test]
fn a_failed_run_leaves_the_graph_that_was_there_whole() {
    let dir = tempfile::tempdir().unwrap();
    let files = own_corpus(dir.path());
    let g = dir.path().join("g.json");
    ok(&[p("build"), p("-q"), &files[0], p("-o"), &g]);
    let before = read(&g);
    let not_a_graph = dir.path().join("not-a-graph.json");
    std::fs::write(&not_a_graph, "{\"nodes\": [").unwrap();
    let failed = run(
        &[
            p("build"),
            p("--append"),
            &not_a_graph,
            &files[1],
            p("-o"),
            &g,
        ],
        None,
    );
    assert!(!failed.status.success());
    let failed = run(&[p("merge"), &g, &not_a_graph, p("-o"), &g], None);
    assert!(!failed.status.success());
    assert!(read(&g) == before);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_directory_with_nothing_to_read_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "no articles").unwrap();
    let out = run(&[p("build"), dir.path()], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("holds no .txt or .jsonl file"), "{err}");
}

#[test]
fn the_cli_writes_the_bytes_of_the_json_exporter() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = all_inputs(dir.path());
    let out = dir.path().join("cli.json");
    ok(&build_args(&inputs, &out, "2"));
    let pipeline = Pipeline::builtin().unwrap();
    let (srcs, _) = sources(&inputs).unwrap();
    let mut g = KnowledgeGraph::new();
    pipeline.extend(
        &mut g,
        Corpus::new(srcs, JsonlFields::default()).map(Result::unwrap),
        &AddOptions::default(),
        |_| {},
    );
    let mut exported = Vec::new();
    Format::Json.exporter().write(&g, &mut exported).unwrap();
    assert!(read(&out) == exported, "build");
    // and merge, after reading the graph back
    let merged = dir.path().join("merged.json");
    ok(&[p("merge"), p("-q"), &out, &out, p("-o"), &merged]);
    let back = newsgraph::export::json::read_graph_file(&out).unwrap();
    let mut again = Vec::new();
    Format::Json.exporter().write(&back, &mut again).unwrap();
    assert!(read(&merged) == again, "merge");
    assert!(again == exported, "a graph read back is written the same");
}
