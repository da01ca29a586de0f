//! Golden tests: every sample article in `data/samples/` against its expected facts.
//!
//! Each case is data: `NAME.txt` (an article written for this project) and
//! `NAME.expected.json` (the facts a correct graph holds, in the format of the shared golden
//! files). The runner builds the graph with the library and prints every failing fact.

mod common;

use newsgraph::export::json::JsonGraph;
use newsgraph::Pipeline;

fn graph_json(pipeline: &Pipeline, text: &str, name: &str) -> serde_json::Value {
    let graph = pipeline.build_page(text, name);
    serde_json::to_value(JsonGraph::from_graph(&graph)).unwrap()
}

#[test]
fn every_sample_article_gives_its_expected_facts() {
    let pipeline = Pipeline::builtin().unwrap();
    let dir = common::root().join("data/samples");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 3,
        "at least three golden cases in data/samples"
    );
    let mut report = Vec::new();
    for exp_path in &cases {
        let name = exp_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".expected.json")
            .to_string();
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let exp: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(exp_path).unwrap()).unwrap();
        let (passed, failed) = common::expect::check(&graph_json(&pipeline, &text, &name), &exp);
        eprintln!("{name}: {passed} passed, {} failed", failed.len());
        for f in failed {
            report.push(format!("{name}: {f}"));
        }
    }
    assert!(report.is_empty(), "failing facts:\n{}", report.join("\n"));
}
