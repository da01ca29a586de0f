//! Exports a graph, and the sub-graph around one actor, in every format newsgraph writes
//! (node-link JSON, the contract; Graphviz DOT), then reads the JSON back.
//!
//!     cargo run --example export                    (writes into a temporary folder)
//!     cargo run --example export -- OUT_DIR

use newsgraph::export::{json, Format};
use newsgraph::query::{self, Filter};
use newsgraph::{KnowledgeGraph, Pipeline};
use std::path::PathBuf;

const ARTICLE: &str = "\
لقاء في موسكو
تاريخ النشر: 20th, September 2023 GMT
موسكو-سانا
التقى الرئيس الروسي فلاديمير بوتين اليوم وزير الخارجية الصيني وانغ يي في موسكو.
وكان وانغ يي قد أجرى محادثات مع وزير الخارجية الروسي سيرغي لافروف في موسكو.
";

fn write(graph: &KnowledgeGraph, path: &PathBuf) -> Result<(), Box<dyn std::error::Error>> {
    let format = Format::from_path(path).ok_or("unknown extension")?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    format.exporter().write(graph, &mut file)?;
    println!(
        "wrote {} ({} nodes, {} links)",
        path.display(),
        graph.graph.node_count(),
        graph.graph.edge_count()
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("newsgraph-export-example"));
    std::fs::create_dir_all(&out)?;

    let graph = Pipeline::builtin()?.build_page(ARTICLE, "moscow-talks");
    // the sub-graph around Lavrov, two events deep: his talks with Wang Yi, then Wang Yi's
    // meeting with Putin
    let ego = query::ego(&graph, "لافروف", 2, &Filter::default())?;
    assert!(ego.node("person:vladimir-putin").is_some());

    for (g, name) in [(&graph, "graph"), (&ego, "lavrov-ego")] {
        for ext in ["json", "dot"] {
            write(g, &out.join(format!("{name}.{ext}")))?;
        }
    }

    // the JSON is the contract: it reads back into the same graph
    let back = json::read_graph_file(&out.join("lavrov-ego.json"))?;
    assert_eq!(back.graph.node_count(), ego.graph.node_count());
    assert_eq!(back.graph.edge_count(), ego.graph.edge_count());
    let text = std::fs::read_to_string(out.join("lavrov-ego.dot"))?;
    assert!(text.starts_with("digraph"));
    println!("ok: the ego graph reads back with the same nodes and links; render the DOT with");
    println!(
        "    dot -Tsvg {} > lavrov-ego.svg",
        out.join("lavrov-ego.dot").display()
    );
    Ok(())
}
