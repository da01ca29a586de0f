//! Properties of the pipeline on arbitrary text: whatever a page holds — names and cue words
//! in any order, marks, digits of both scripts, stray punctuation, other scripts, control
//! chars — the build never panics, every evidence span indexes its sentence in the page as
//! read, the JSON graph reads back to the same bytes, and two builds give the same graph.
//! Graphs of any pages merge by the laws (commutative, associative, idempotent) into the graph
//! built at once; every line of a JSON Lines corpus, whatever its bytes, comes out once, in
//! order, as an article or as a problem at its line.
//!
//! `PROPTEST_CASES=20000 cargo test --release --test properties` searches longer.

use newsgraph::export::json::{read_graph, write_graph};
use newsgraph::read::corpus::{sources, Corpus};
use newsgraph::read::jsonl::JsonlFields;
use newsgraph::{KnowledgeGraph, Pipeline};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("the built-in dictionaries load"))
}

/// Words the extractors react to (names, titles, triggers, dates, places, cue words), and
/// pieces that test the edges of reading: marks, other scripts, page structure.
const PIECES: &[&str] = &[
    "بوتين",
    "فلاديمير",
    "الرئيس",
    "الروسي",
    "وزير",
    "الخارجية",
    "الصيني",
    "وانغ",
    "يي",
    "فان",
    "لافروف",
    "سيرغي",
    "شي",
    "جين",
    "بينغ",
    "محمد",
    "بن",
    "سلمان",
    "عبد",
    "الله",
    "ولي",
    "العهد",
    "الملك",
    "التقى",
    "استقبل",
    "يزور",
    "زيارة",
    "محادثات",
    "اتصالا",
    "هاتفيا",
    "دعا",
    "دعوة",
    "قال",
    "وأكد",
    "أن",
    "في",
    "مع",
    "من",
    "إلى",
    "و",
    "اليوم",
    "أمس",
    "غدا",
    "الاثنين",
    "يوم",
    "15",
    "٢٠٢٣",
    "2024",
    "سبتمبر",
    "أيلول",
    "يناير",
    "رمضان",
    "1445",
    "هـ",
    "الموافق",
    "موسكو",
    "بكين",
    "الصين",
    "روسيا",
    "الرياض",
    "الأمم",
    "المتحدة",
    "مجلس",
    "الأمن",
    "سانا",
    "-",
    "–",
    "،",
    ".",
    ":",
    "«",
    "»",
    "(",
    ")",
    "\"",
    "؟",
    "!",
    "\n",
    "\n\n",
    "\r\n",
    "إقرأ أيضاً:",
    "المصدر: سانا",
    "تاريخ النشر: 20 سبتمبر 2023",
    "موسكو-سانا",
    "\u{200F}",
    "\u{200E}",
    "\u{FEFF}",
    "\u{064E}",
    "\u{0651}",
    "ـ",
    "ى",
    "ة",
    "ڤ",
    "پ",
    "Putin",
    "met",
    "Lavrov",
    "in",
    "Moscow",
    "on",
    "Monday",
    "March",
    "President",
    "said",
    "Xi",
    "Jinping",
    "é",
    "中",
    "🙂",
    "\t",
    "\u{0}",
    "\u{7}",
];

fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
        1 => "[\u{0600}-\u{06FF}]{1,7}",
    ];
    let sep = proptest::sample::select(&[" ", " ", " ", "", "\n", "، ", ". "][..]);
    proptest::collection::vec((piece, sep), 0..70).prop_map(|parts| {
        parts.into_iter().fold(String::new(), |mut s, (p, sep)| {
            s.push_str(&p);
            s.push_str(sep);
            s
        })
    })
}

/// A line of a JSON Lines corpus: an article, or one of the ways a line goes wrong.
fn jsonl_line() -> impl Strategy<Value = Vec<u8>> {
    let article = (page(), page(), "[a-z0-9]{0,4}").prop_map(|(title, text, id)| {
        serde_json::json!({"id": id, "title": title, "content": text})
            .to_string()
            .into_bytes()
    });
    prop_oneof![
        6 => article,
        1 => Just(b"".to_vec()),
        1 => Just(b"   \t".to_vec()),
        1 => Just(b"[1, 2]".to_vec()),
        1 => Just(b"{\"id\": \"no text\"}".to_vec()),
        1 => Just(b"{\"text\": 5}".to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..40)
            .prop_map(|mut b| { b.retain(|&c| c != b'\n'); b }),
        1 => "\\PC{0,30}".prop_map(String::into_bytes),
    ]
}

fn json(g: &KnowledgeGraph) -> Vec<u8> {
    let mut out = Vec::new();
    write_graph(g, &mut out).expect("a graph writes to memory");
    out
}

fn merged(graphs: &[&KnowledgeGraph]) -> Vec<u8> {
    let mut all = graphs[0].clone();
    for g in &graphs[1..] {
        all.merge(g);
    }
    json(&all)
}

proptest! {
    #[test]
    fn any_page_builds_a_graph_whose_evidence_indexes_the_page(text in page()) {
        let graph = pipeline().build_page(&text, "p");
        // offsets count the chars of the text as given (the CLI's reading drops a byte-order
        // mark before; the library takes the text as it is)
        let chars: Vec<char> = text.chars().collect();
        let evidence = graph
            .nodes()
            .into_iter()
            .flat_map(|n| n.evidence.iter())
            .chain(graph.links().into_iter().flat_map(|(_, _, l)| l.evidence.iter()));
        for e in evidence {
            prop_assert!(e.start <= e.end && e.end <= chars.len(), "{e:?} in {} chars", chars.len());
            let span: String = chars[e.start..e.end].iter().collect();
            prop_assert!(
                span.contains(e.text.trim()) || e.text.is_empty(),
                "evidence {:?} is not the text at {}..{}: {:?}", e.text, e.start, e.end, span
            );
        }
        let bytes = json(&graph);
        let back = read_graph(std::str::from_utf8(&bytes).unwrap(), "memory")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(json(&back), bytes.clone(), "the JSON reads back to the same graph");
        prop_assert_eq!(json(&pipeline().build_page(&text, "p")), bytes, "builds agree");
    }

    #[test]
    fn graphs_of_any_pages_merge_by_the_laws_and_as_if_built_at_once(
        pages in proptest::collection::vec(page(), 3)
    ) {
        let p = pipeline();
        let names = ["a", "b", "c"];
        let g: Vec<KnowledgeGraph> =
            pages.iter().zip(names).map(|(t, n)| p.build_page(t, n)).collect();
        let abc = merged(&[&g[0], &g[1], &g[2]]);
        prop_assert_eq!(&merged(&[&g[2], &g[0], &g[1]]), &abc, "commutative");
        let bc = {
            let mut bc = g[1].clone();
            bc.merge(&g[2]);
            bc
        };
        prop_assert_eq!(&merged(&[&g[0], &bc]), &abc, "associative");
        prop_assert_eq!(merged(&[&g[0], &g[0]]), json(&g[0]), "idempotent");
        let docs: Vec<_> = pages
            .iter()
            .zip(names)
            .flat_map(|(t, n)| newsgraph::read::split_page(t, n, n))
            .collect();
        prop_assert_eq!(json(&p.build(&docs)), abc, "the shards merged are the graph built at once");
    }

    #[test]
    fn every_line_of_a_corpus_is_an_article_or_a_problem_at_its_line(
        lines in proptest::collection::vec(jsonl_line(), 0..30)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, lines.join(&b'\n')).unwrap();
        let (found, problems) = sources(std::slice::from_ref(&path)).unwrap();
        prop_assert!(problems.is_empty());
        let origin = path.display().to_string();
        let mut told = Vec::new();
        for item in Corpus::new(found, JsonlFields::default()) {
            // where each item came from: `path:line` of an article, `path:line: why` of a problem
            let place = match item {
                Ok(doc) => doc.origin,
                Err(e) => e.to_string(),
            };
            let rest = place.strip_prefix(&format!("{origin}:")).unwrap_or_else(|| panic!("{place}"));
            let line: usize = rest.split(':').next().unwrap().parse().unwrap();
            told.push(line);
        }
        // each line that is not blank, once and in order (a compressed file: its first only)
        let blank = |i: usize, l: &[u8]| {
            std::str::from_utf8(l).is_ok_and(|s| {
                let s = if i == 0 { s.strip_prefix('\u{FEFF}').unwrap_or(s) } else { s };
                s.trim().is_empty()
            })
        };
        let packed = lines.first().is_some_and(|l| {
            l.starts_with(&[0x1f, 0x8b]) || l.starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
        });
        let expected: Vec<usize> = if packed {
            vec![1]
        } else {
            (0..lines.len()).filter(|&i| !blank(i, &lines[i])).map(|i| i + 1).collect()
        };
        prop_assert_eq!(told, expected);
    }
}
