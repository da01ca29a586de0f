//! Checks a node-link graph against an expectations file: the same checks as
//! `shared/tools/score_graph.py`, so golden cases can live as data (`*.expected.json`).

use serde_json::Value;
use std::collections::{HashMap, HashSet};

fn strip_marks(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}' | '\u{0640}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Light normalisation for comparing surface forms.
pub fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| !strip_marks(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect();
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    s.replace("عبد ", "عبد")
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `key` stands as whole words in `name`.
fn whole_word(name: &str, key: &str) -> bool {
    if key.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = name[from..].find(key) {
        let s = from + i;
        let e = s + key.len();
        let before = name[..s].chars().next_back().is_none_or(|c| !is_word(c));
        let after = name[e..].chars().next().is_none_or(|c| !is_word(c));
        if before && after {
            return true;
        }
        from = s + key.chars().next().map(char::len_utf8).unwrap_or(1);
    }
    false
}

struct Graph<'a> {
    nodes: HashMap<&'a str, &'a Value>,
    out: HashMap<&'a str, Vec<&'a Value>>,
    documents: Vec<&'a str>,
}

fn str_of<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn aliases(node: &Value) -> HashSet<String> {
    let mut out: HashSet<String> = HashSet::new();
    out.insert(norm(str_of(node, "label")));
    if let Some(names) = node.get("names").and_then(Value::as_object) {
        out.extend(names.values().filter_map(Value::as_str).map(norm));
    }
    if let Some(a) = node.get("aliases").and_then(Value::as_array) {
        out.extend(a.iter().filter_map(Value::as_str).map(norm));
    }
    out.remove("");
    out
}

fn matches(node: &Value, keys: &[String]) -> bool {
    let names = aliases(node);
    keys.iter().any(|k| {
        let k = norm(k);
        names.iter().any(|n| whole_word(n, &k))
    })
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => vec![],
    }
}

fn kind_family(kind: &str) -> &'static [&'static str] {
    match kind {
        "person" => &["person"],
        "country" => &["country"],
        "place" => &["place", "city", "location", "region", "country"],
        "organization" => &["organization", "org", "other", "initiative"],
        _ => &[],
    }
}

fn type_family(t: &str) -> &'static [&'static str] {
    match t {
        "meet" | "talks" => &["meet", "talks", "meeting"],
        "visit" => &["visit"],
        "invite" => &["invite", "invitation"],
        "call" => &["call", "phone_call", "video_call"],
        "statement" => &["statement"],
        _ => &[],
    }
}

const PARTICIPANT: &[&str] = &[
    "participant",
    "host",
    "guest",
    "inviter",
    "invitee",
    "speaker",
];

fn asserted(m: Option<&str>) -> bool {
    matches!(
        m,
        None | Some("") | Some("asserted") | Some("reported") | Some("past")
    )
}

impl<'a> Graph<'a> {
    fn new(data: &'a Value) -> Self {
        let mut nodes = HashMap::new();
        for n in data["nodes"].as_array().into_iter().flatten() {
            nodes.insert(str_of(n, "id"), n);
        }
        let mut out: HashMap<&str, Vec<&Value>> = HashMap::new();
        for l in data["links"].as_array().into_iter().flatten() {
            out.entry(str_of(l, "source")).or_default().push(l);
        }
        let documents = data["graph"]["documents"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| str_of(d, "id"))
            .collect();
        Graph {
            nodes,
            out,
            documents,
        }
    }

    fn find(&self, kind: &str, keys: &[String]) -> Vec<&'a Value> {
        let fam = kind_family(kind);
        self.nodes
            .values()
            .copied()
            .filter(|n| fam.contains(&str_of(n, "kind")) && matches(n, keys))
            .collect()
    }

    fn events(&self) -> Vec<&'a Value> {
        self.nodes
            .values()
            .copied()
            .filter(|n| str_of(n, "kind") == "event")
            .collect()
    }

    fn linked(&self, ev: &Value, relations: &[&str], keys: &[String]) -> bool {
        self.out
            .get(str_of(ev, "id"))
            .into_iter()
            .flatten()
            .any(|l| {
                relations.contains(&str_of(l, "relation"))
                    && self
                        .nodes
                        .get(str_of(l, "target"))
                        .is_some_and(|t| matches(t, keys))
            })
    }

    fn doc_index(&self, ev: &Value) -> HashSet<usize> {
        ev["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| {
                self.documents
                    .iter()
                    .position(|d| *d == str_of(e, "doc"))
                    .map(|i| i + 1)
            })
            .collect()
    }
}

fn date_ok(want: &str, got: &Value) -> bool {
    let start = str_of(got, "start");
    let end = str_of(got, "end");
    if let Some((a, b)) = want.split_once('/') {
        return !start.is_empty()
            && start.ends_with(a.trim_start_matches('-'))
            && end.ends_with(b.trim_start_matches('-'));
    }
    start == want || start.starts_with(&format!("{want}-"))
}

/// Checks a graph against expectations; returns (passed checks, failure descriptions).
pub fn check(graph: &Value, exp: &Value) -> (usize, Vec<String>) {
    let g = Graph::new(graph);
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut check = |ok: bool, what: String| {
        if ok {
            passed += 1;
        } else {
            failed.push(what);
        }
    };
    let mut keys: HashMap<String, Vec<String>> = HashMap::new();
    for ent in exp["entities"].as_array().into_iter().flatten() {
        let m = strings(ent.get("match"));
        for k in &m {
            keys.entry(k.clone()).or_insert_with(|| m.clone());
        }
    }
    let keys_of = |k: &str| keys.get(k).cloned().unwrap_or_else(|| vec![k.to_string()]);
    if let Some(n) = exp.get("documents_in_file").and_then(Value::as_u64) {
        check(
            g.documents.len() as u64 == n,
            format!("graph lists {n} documents (found {})", g.documents.len()),
        );
    }
    for ent in exp["entities"].as_array().into_iter().flatten() {
        let kind = str_of(ent, "kind");
        let m = strings(ent.get("match"));
        let found = g.find(kind, &m);
        if kind == "person" {
            check(
                found.len() == 1,
                format!(
                    "exactly one person node for {} (found {})",
                    m[0],
                    found.len()
                ),
            );
        } else {
            check(!found.is_empty(), format!("a {kind} node for {}", m[0]));
        }
        if !found.is_empty() {
            let all: HashSet<String> = found.iter().flat_map(|n| aliases(n)).collect();
            for s in strings(ent.get("surfaces")) {
                check(
                    all.contains(&norm(&s)),
                    format!("{} carries the surface form {s}", m[0]),
                );
            }
        }
    }
    for role in exp["roles"].as_array().into_iter().flatten() {
        let (p, r, of) = (
            str_of(role, "person"),
            str_of(role, "role"),
            str_of(role, "of"),
        );
        let ok = g.find("person", &keys_of(p)).iter().any(|person| {
            g.out
                .get(str_of(person, "id"))
                .into_iter()
                .flatten()
                .any(|l| {
                    str_of(l, "relation") == "role"
                        && norm(str_of(l, "role")).contains(r)
                        && g.nodes
                            .get(str_of(l, "target"))
                            .is_some_and(|t| matches(t, &keys_of(of)))
                })
        });
        check(ok, format!("{p} holds the role '{r}' of {of}"));
    }
    for want in exp["events"].as_array().into_iter().flatten() {
        let types: Vec<String> = strings(want.get("type"));
        let family: HashSet<&str> = types
            .iter()
            .flat_map(|t| type_family(t).iter().copied())
            .collect();
        let ok = g.events().iter().any(|ev| {
            if !family.contains(str_of(ev, "event_type")) {
                return false;
            }
            for p in strings(want.get("participants")) {
                if !g.linked(ev, PARTICIPANT, &keys_of(&p)) {
                    return false;
                }
            }
            for role in ["guest", "inviter", "invitee", "host"] {
                if let Some(who) = want.get(role).and_then(Value::as_str) {
                    if !g.linked(ev, &[role], &keys_of(who)) {
                        return false;
                    }
                }
            }
            if want.get("place").is_some() {
                let places: Vec<String> = strings(want.get("place"))
                    .iter()
                    .flat_map(|p| keys_of(p))
                    .collect();
                if !g.linked(ev, &["location", "destination"], &places) {
                    return false;
                }
            }
            if let Some(d) = want.get("date").and_then(Value::as_str) {
                if !date_ok(d, &ev["date"]) {
                    return false;
                }
            }
            let modality = ev.get("modality").and_then(Value::as_str);
            match want
                .get("modality")
                .and_then(Value::as_str)
                .unwrap_or("asserted")
            {
                "*" => {}
                "asserted" => {
                    if !asserted(modality) {
                        return false;
                    }
                }
                m => {
                    if modality != Some(m) {
                        return false;
                    }
                }
            }
            if let Some(doc) = want.get("doc").and_then(Value::as_u64) {
                if !g.documents.is_empty() && !g.doc_index(ev).contains(&(doc as usize)) {
                    return false;
                }
            }
            true
        });
        let mut desc = want.clone();
        if let Some(o) = desc.as_object_mut() {
            o.remove("note");
        }
        check(ok, format!("event {desc}"));
    }
    let wanted: Vec<Vec<String>> = exp["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| str_of(e, "kind") == "person")
        .map(|e| strings(e.get("match")))
        .collect();
    if !wanted.is_empty() {
        let extra: Vec<&str> = g
            .nodes
            .values()
            .filter(|n| str_of(n, "kind") == "person" && !wanted.iter().any(|k| matches(n, k)))
            .map(|n| str_of(n, "label"))
            .collect();
        check(
            extra.is_empty(),
            format!("no person node beyond the expected ones (extra: {extra:?})"),
        );
    }
    for pair in exp["no_asserted_meeting"].as_array().into_iter().flatten() {
        let p = strings(Some(pair));
        let bad = g.events().iter().any(|ev| {
            type_family("meet").contains(&str_of(ev, "event_type"))
                && asserted(ev.get("modality").and_then(Value::as_str))
                && p.iter().all(|x| g.linked(ev, PARTICIPANT, &keys_of(x)))
        });
        check(
            !bad,
            format!("no asserted meeting between {} and {}", p[0], p[1]),
        );
    }
    for rule in exp["uncertain_year_in_doc"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_u64)
    {
        let bad: Vec<String> = g
            .events()
            .iter()
            .filter(|ev| g.doc_index(ev).contains(&(rule as usize)))
            .filter(|ev| {
                str_of(&ev["date"], "start").starts_with('2')
                    && !ev["date"]["inferred"].as_bool().unwrap_or(false)
            })
            .map(|ev| {
                format!(
                    "{} {}",
                    str_of(ev, "event_type"),
                    str_of(&ev["date"], "start")
                )
            })
            .collect();
        check(
            bad.is_empty(),
            format!("no event of document {rule} dated with a certain year (found {bad:?})"),
        );
    }
    (passed, failed)
}
