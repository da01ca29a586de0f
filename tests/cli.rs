//! The command line on good and bad input: clear messages, non-zero exits, never a panic.

mod common;

use std::process::{Command, Output};

fn newsgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn tmp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("newsgraph-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

fn assert_clean_failure(o: &Output, needle: &str) {
    let err = stderr(o);
    assert!(!o.status.success(), "should fail: {err}");
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit code 1, not a panic (101): {err}"
    );
    assert!(!err.contains("panicked"), "no panic: {err}");
    assert!(err.contains(needle), "message mentions {needle:?}: {err}");
}

#[test]
fn a_missing_file_is_reported() {
    let o = newsgraph(&["build", "no/such/page.txt"]);
    assert_clean_failure(&o, "no/such/page.txt");
}

#[test]
fn a_missing_file_is_told_once() {
    let o = newsgraph(&["build", "no/such/page.txt"]);
    let err = stderr(&o);
    assert_eq!(
        err.matches("os error 2").count(),
        1,
        "the cause once: {err}"
    );
}

#[test]
fn an_output_folder_that_does_not_exist_stops_the_run_before_it_starts() {
    let sample = common::root().join("data/samples/king-receives-minister.txt");
    let out = tmp("no-such-folder").join("g.json");
    let o = newsgraph(&[
        "build",
        sample.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_clean_failure(&o, "does not exist");
    // refused before reading: no summary line of a finished build
    assert!(!stderr(&o).contains("documents"), "{}", stderr(&o));
    let o = newsgraph(&["merge", "x.json", "-o", out.to_str().unwrap()]);
    assert_clean_failure(&o, "does not exist");
}

#[test]
fn appending_to_a_graph_that_does_not_exist_says_how_to_start_one() {
    let sample = common::root().join("data/samples/king-receives-minister.txt");
    let graph = tmp("never-built.json");
    let o = newsgraph(&[
        "build",
        "--append",
        graph.to_str().unwrap(),
        sample.to_str().unwrap(),
    ]);
    assert_clean_failure(&o, "no graph to append to");
    assert!(!graph.exists());
}

#[test]
fn invalid_utf8_is_reported_with_line_and_byte() {
    let p = tmp("latin1.txt");
    std::fs::write(&p, b"title\nbad \xe9 byte\n").unwrap();
    let o = newsgraph(&["build", p.to_str().unwrap()]);
    // reported with its place, skipped, and with nothing else to read the run fails
    assert_clean_failure(&o, "latin1.txt:2: not valid UTF-8 (byte 10)");
    assert!(stderr(&o).contains("no article could be read"));
}

#[test]
fn an_empty_file_is_reported() {
    let p = tmp("empty.txt");
    std::fs::write(&p, "  \n\n").unwrap();
    let o = newsgraph(&["build", p.to_str().unwrap()]);
    assert_clean_failure(&o, "empty input");
}

#[test]
fn a_malformed_dictionary_is_reported_with_file_and_line() {
    let d = tmp("bad-dict.tsv");
    std::fs::write(
        &d,
        "id\tkind\ten\tar\taliases\twithin\tcode\nperson:x\tperson\tX\n",
    )
    .unwrap();
    let sample = common::root().join("data/samples/king-receives-minister.txt");
    let o = newsgraph(&[
        "build",
        sample.to_str().unwrap(),
        "--dict",
        d.to_str().unwrap(),
    ]);
    assert_clean_failure(&o, "bad-dict.tsv:2: expected 7 tab-separated columns");
}

#[test]
fn an_unknown_output_extension_asks_for_a_format() {
    let sample = common::root().join("data/samples/king-receives-minister.txt");
    let o = newsgraph(&[
        "build",
        sample.to_str().unwrap(),
        "-o",
        tmp("g.xyz").to_str().unwrap(),
    ]);
    assert_clean_failure(&o, "cannot tell the format");
}

#[test]
fn a_user_dictionary_adds_a_person() {
    let d = tmp("my-people.tsv");
    std::fs::write(
        &d,
        "id\tkind\ten\tar\taliases\twithin\tcode\nperson:nayef-al-sudairi\tperson\tNayef bin Bandar Al-Sudairi\tنايف بن بندر السديري\tالسديري\t\t\n",
    )
    .unwrap();
    let sample = common::root().join("data/samples/invitation-future-visit.txt");
    let out = tmp("with-dict.json");
    let o = newsgraph(&[
        "build",
        sample.to_str().unwrap(),
        "--dict",
        d.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let node = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "person:nayef-al-sudairi")
        .expect("the user's entry is used");
    assert_eq!(node["label"], "Nayef bin Bandar Al-Sudairi");
}

#[test]
fn dot_output_renders_with_graphviz() {
    let sample = common::root().join("data/samples/negated-meeting.txt");
    let out = tmp("g.dot");
    let o = newsgraph(&[
        "build",
        sample.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(
        dot.starts_with("digraph \"newsgraph\""),
        "{}",
        &dot[..40.min(dot.len())]
    );
    assert!(dot.contains("\"person:joe-biden\""));
    let Ok(render) = Command::new("dot").arg("-Tsvg").arg(&out).output() else {
        assert!(
            std::env::var("CI").map(|v| v != "true").unwrap_or(true),
            "CI must have graphviz's dot"
        );
        eprintln!("skipped the rendering: graphviz's dot is not installed");
        return;
    };
    assert!(
        render.status.success(),
        "dot -Tsvg: {}",
        String::from_utf8_lossy(&render.stderr)
    );
    assert!(String::from_utf8_lossy(&render.stdout).contains("<svg"));
}

#[test]
fn who_met_reads_a_built_graph() {
    let sample = common::root().join("data/samples/presidents-phone-call.txt");
    let out = tmp("call.json");
    assert!(newsgraph(&[
        "build",
        sample.to_str().unwrap(),
        "-o",
        out.to_str().unwrap()
    ])
    .status
    .success());
    let o = newsgraph(&[
        "query",
        "who-met",
        "Macron",
        "--graph",
        out.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["person"]["label"], "Emmanuel Macron");
    let m = &v["meetings"][0];
    assert_eq!(m["counterpart"], "person:abdel-fattah-el-sisi");
    assert_eq!(m["event_type"], "call");
    assert_eq!(m["date"], "2023-12-22");
}

#[test]
fn mentions_say_which_person_a_title_names() {
    let page = tmp("titles.txt");
    std::fs::write(
        &page,
        "وزير الخارجية الروسي سيرغي لافروف يصل إلى بكين.\n\nوصل وزير الخارجية الروسي سيرغي لافروف \
         إلى بكين أمس.\n",
    )
    .unwrap();
    let o = newsgraph(&["mentions", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let line = out
        .lines()
        .find(|l| l.contains("\tوزير الخارجية\t") || l.contains("\tوزير الخارجية الروسي\t"))
        .unwrap_or_else(|| panic!("the title is listed: {out}"));
    assert!(line.ends_with("(names سيرغي لافروف)"), "{line}");
}
