//! Asks a graph who met whom: all meetings of a person, then narrowed by the shared filter,
//! then the chain of meetings between two persons and the most connected actors.
//!
//!     cargo run --example who_met                            (the sample articles of data/samples)
//!     cargo run --example who_met -- graph.json "Putin"      (a graph of your own, a person in it)

use newsgraph::query::{self, Filter, Measure};
use newsgraph::{KnowledgeGraph, Pipeline};
use std::path::Path;

fn samples() -> Result<KnowledgeGraph, Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    let mut docs = Vec::new();
    for p in &paths {
        docs.extend(newsgraph::read::read_page_file(p)?);
    }
    Ok(Pipeline::builtin()?.build(&docs))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (graph, name) = match args.as_slice() {
        [] => (samples()?, "عبدالله الثاني".to_string()),
        [g, name] => (
            newsgraph::export::json::read_graph_file(Path::new(g))?,
            name.clone(),
        ),
        _ => return Err("usage: who_met [GRAPH.json NAME]".into()),
    };

    // everyone the person met
    let all = query::who_met_filtered(&graph, &name, &Filter::default())?;
    println!("{} ({}) met:", all.person.label, all.person.id);
    for m in &all.meetings {
        println!(
            "  {:<28} {:<6} {:<12} {:<10} {}",
            m.counterpart_label,
            m.event_type,
            m.date.as_deref().unwrap_or("?"),
            m.place.as_deref().unwrap_or(""),
            m.modality
        );
    }
    if all.meetings.is_empty() {
        return Err(format!("{name} met no one in this graph").into());
    }

    // the same, from a date on: partial ISO dates stand for all their days
    let since = Filter {
        from: Some(Filter::parse_date("2023")?),
        ..Filter::default()
    };
    let recent = query::who_met_filtered(&graph, &name, &since)?;
    println!(
        "since 2023: {} of {} meetings",
        recent.meetings.len(),
        all.meetings.len()
    );
    assert!(recent.meetings.len() <= all.meetings.len());

    // the chain of meetings from the first counterpart to the last other one (a meeting that
    // did not happen links no one)
    let held: Vec<_> = all
        .meetings
        .iter()
        .filter(|m| m.modality != "negated")
        .collect();
    let a = &held.first().ok_or("no meeting that happened")?.counterpart;
    let other = held.iter().rev().find(|m| &m.counterpart != a);
    if let Some(b) = other.map(|m| &m.counterpart) {
        let p = query::path(&graph, a, b, &Filter::default())?
            .ok_or("two persons who met the same person are linked through them")?;
        let chain: Vec<&str> = std::iter::once(p.from.label.as_str())
            .chain(p.steps.iter().map(|s| s.to.label.as_str()))
            .collect();
        println!("chain of meetings: {}", chain.join(" → "));
        assert!(p.steps.len() <= 2);
    }

    // the most connected actors
    println!("most connected (persons met, betweenness, PageRank):");
    for c in query::top(&graph, &Filter::default(), Measure::Degree, 5)? {
        println!(
            "  {}. {:<28} {:>2} {:.3} {}",
            c.rank,
            c.label,
            c.met,
            c.betweenness,
            c.pagerank.map(|p| format!("{p:.3}")).unwrap_or_default()
        );
    }
    Ok(())
}
