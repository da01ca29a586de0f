//! Questions to the graph: who met whom, when and where.

use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, NodeData};
use crate::normalize::normalize;
use crate::resolve::Evidence;
use serde::Serialize;

/// Relations that make two persons "met": both took part in one event.
pub const MEETING_RELATIONS: &[&str] = &["participant", "host", "guest", "inviter", "invitee"];

/// Finds the one node a name stands for: an id, or a label, name or alias in any language.
///
/// Exact (normalised) names win over whole-word matches (`Putin` finds Vladimir Putin). Several
/// equally good matches are an error that lists them.
pub fn find_entity<'g>(
    g: &'g KnowledgeGraph,
    name: &str,
    kind: Option<&str>,
) -> Result<&'g NodeData> {
    if let Some(n) = g.node(name) {
        return Ok(n);
    }
    let want = normalize(name.trim());
    let want_key = crate::segment::strip_article(&want).0.to_string();
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
                x == want || crate::segment::strip_article(&x).0 == want_key
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
    pick(partial)?.ok_or_else(|| Error::Query(format!("no entity named {name:?} in the graph")))
}

/// One meeting of the person asked about.
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    /// The counterpart's id.
    pub counterpart: String,
    /// The counterpart's label.
    pub counterpart_label: String,
    /// The event's id.
    pub event: String,
    /// Event type.
    pub event_type: String,
    /// Date, ISO partial (with `/end` for ranges), if known.
    pub date: Option<String>,
    /// True when the date was inferred.
    pub date_inferred: bool,
    /// Place label, if known.
    pub place: Option<String>,
    /// Modality.
    pub modality: String,
    /// How the person took part (participant, host, guest…).
    pub as_relation: String,
    /// How the counterpart took part.
    pub counterpart_relation: String,
    /// Evidence sentences.
    pub evidence: Vec<Evidence>,
}

/// Everyone a person met (took part in one event with), by event.
pub fn who_met(g: &KnowledgeGraph, name: &str) -> Result<(String, Vec<Meeting>)> {
    let person = find_entity(g, name, Some("person")).or_else(|_| find_entity(g, name, None))?;
    let mut out = Vec::new();
    for (event, link) in g.in_links(&person.id) {
        if !event.is_event() || !MEETING_RELATIONS.contains(&link.relation.as_str()) {
            continue;
        }
        let links = g.out_links(&event.id);
        let place = links
            .iter()
            .find(|(_, l)| l.relation == "location")
            .map(|(n, _)| n.label.clone());
        for (other, l) in &links {
            if other.id == person.id
                || other.kind != "person"
                || !MEETING_RELATIONS.contains(&l.relation.as_str())
            {
                continue;
            }
            out.push(Meeting {
                counterpart: other.id.clone(),
                counterpart_label: other.label.clone(),
                event: event.id.clone(),
                event_type: event.event_type.clone().unwrap_or_default(),
                date: event.date.as_ref().map(|d| match &d.end {
                    Some(e) => format!("{}/{}", d.start, e),
                    None => d.start.clone(),
                }),
                date_inferred: event.date.as_ref().is_some_and(|d| d.inferred),
                place: place.clone(),
                modality: event.modality.clone().unwrap_or_default(),
                as_relation: link.relation.clone(),
                counterpart_relation: l.relation.clone(),
                evidence: event.evidence.clone(),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.date, &a.counterpart, &a.event).cmp(&(&b.date, &b.counterpart, &b.event))
    });
    out.dedup_by(|a, b| a.event == b.event && a.counterpart == b.counterpart);
    Ok((person.label.clone(), out))
}
