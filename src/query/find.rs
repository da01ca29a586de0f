//! Finding the node a name stands for, and close names when none is found.

use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, NodeData};
use crate::normalize::normalize;
use crate::segment::strip_article;

/// Finds the one node a name stands for: an id, or a label, name or alias in any language.
///
/// Exact (normalised) names win over whole-word matches (`Putin` finds Vladimir Putin). Several
/// equally good matches are an error that lists them; no match is an error that lists close
/// names, or says there are none.
pub fn find_entity<'g>(
    g: &'g KnowledgeGraph,
    name: &str,
    kind: Option<&str>,
) -> Result<&'g NodeData> {
    if let Some(n) = g.node(name) {
        return Ok(n);
    }
    let want = normalize(name.trim());
    let want_key = strip_article(&want).0.to_string();
    let candidates: Vec<&NodeData> = g
        .nodes()
        .into_iter()
        .filter(|n| !n.is_event() && kind.is_none_or(|k| n.kind == k))
        .collect();
    let exact: Vec<&NodeData> = candidates
        .iter()
        .copied()
        .filter(|n| {
            n.all_names().any(|x| {
                let x = normalize(x);
                x == want || strip_article(&x).0 == want_key
            })
        })
        .collect();
    let pick = |v: Vec<&'g NodeData>| -> Result<Option<&'g NodeData>> {
        match v.len() {
            0 => Ok(None),
            1 => Ok(Some(v[0])),
            _ => Err(Error::Query(format!(
                "{name:?} is ambiguous: {}; give one of these ids",
                v.iter()
                    .map(|n| format!("{} ({})", n.id, n.label))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    };
    if let Some(n) = pick(exact)? {
        return Ok(n);
    }
    let words: Vec<&str> = want.split_whitespace().collect();
    let partial: Vec<&NodeData> = candidates
        .iter()
        .copied()
        .filter(|n| {
            n.all_names().any(|x| {
                let x = normalize(x);
                let xs: Vec<&str> = x.split_whitespace().collect();
                !words.is_empty() && xs.windows(words.len()).any(|w| w == words.as_slice())
            })
        })
        .collect();
    pick(partial)?.ok_or_else(|| {
        let what = kind.map(|k| format!("no {k}")).unwrap_or("nothing".into());
        let close = close_names(g, name, kind, 5);
        if close.is_empty() {
            Error::Query(format!(
                "{what} named {name:?} in the graph, and no close name either \
                 (`newsgraph query stats` shows what the graph holds)"
            ))
        } else {
            Error::Query(format!(
                "{what} named {name:?} in the graph; close names: {}",
                close
                    .iter()
                    .map(|n| format!("{} ({})", n.label, n.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
    })
}

/// Up to `limit` entities whose names look like `name` (Jaro–Winkler similarity of the
/// normalised name or one of its words, or containment), best first.
pub fn close_names<'g>(
    g: &'g KnowledgeGraph,
    name: &str,
    kind: Option<&str>,
    limit: usize,
) -> Vec<&'g NodeData> {
    let want = normalize(name.trim());
    if want.is_empty() {
        return vec![];
    }
    let want_key = strip_article(&want).0.to_string();
    let mut scored: Vec<(f64, &NodeData)> = g
        .nodes()
        .into_iter()
        .filter(|n| !n.is_event() && kind.is_none_or(|k| n.kind == k))
        .filter_map(|n| {
            let best = n
                .all_names()
                .map(|x| {
                    let x = normalize(x);
                    let mut s = strsim::jaro_winkler(&want_key, strip_article(&x).0);
                    for w in x.split_whitespace() {
                        s = s.max(strsim::jaro_winkler(&want_key, strip_article(w).0));
                    }
                    if want_key.chars().count() >= 3 && x.contains(want_key.as_str()) {
                        s = s.max(0.9);
                    }
                    s
                })
                .fold(0.0, f64::max);
            (best >= 0.85).then_some((best, n))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    scored.into_iter().take(limit).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::NodeData;

    fn node(id: &str, kind: &str, label: &str, ar: &str) -> NodeData {
        NodeData {
            names: [
                ("en".to_string(), label.to_string()),
                ("ar".into(), ar.into()),
            ]
            .into_iter()
            .collect(),
            mentions: 1,
            ..NodeData::new(id, kind, label)
        }
    }

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        g.upsert_node(node(
            "person:vladimir-putin",
            "person",
            "Vladimir Putin",
            "فلاديمير بوتين",
        ));
        g.upsert_node(node("person:wang-yi", "person", "Wang Yi", "وانغ يي"));
        g.upsert_node(node("person:wang-wei", "person", "Wang Wei", "وانغ وي"));
        g.upsert_node(node("place:moscow", "place", "Moscow", "موسكو"));
        g
    }

    #[test]
    fn finds_by_id_name_word_and_arabic() {
        let g = graph();
        for name in [
            "person:vladimir-putin",
            "Vladimir Putin",
            "putin",
            "بوتين",
            "فلاديمير بوتين",
        ] {
            assert_eq!(
                find_entity(&g, name, None).unwrap().id,
                "person:vladimir-putin",
                "{name}"
            );
        }
        assert_eq!(
            find_entity(&g, "وانغ يي", Some("person")).unwrap().id,
            "person:wang-yi"
        );
    }

    #[test]
    fn ambiguous_names_list_the_candidates() {
        let e = find_entity(&graph(), "Wang", None).unwrap_err().to_string();
        assert!(e.contains("ambiguous"), "{e}");
        assert!(
            e.contains("person:wang-yi") && e.contains("person:wang-wei"),
            "{e}"
        );
    }

    #[test]
    fn unknown_names_suggest_close_ones_or_say_none() {
        let g = graph();
        let e = find_entity(&g, "Puttin", None).unwrap_err().to_string();
        assert!(e.contains("close names: Vladimir Putin"), "{e}");
        let e = find_entity(&g, "موسكوو", None).unwrap_err().to_string();
        assert!(e.contains("Moscow (place:moscow)"), "{e}");
        let e = find_entity(&g, "Zelensky", Some("person"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("no close name"), "{e}");
        assert!(e.starts_with("no person named"), "{e}");
    }
}
