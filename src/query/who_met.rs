//! `who-met`: everyone a person met (took part in one event with), by event.

use super::{date_sort_key, date_text, find_entity, EntityRef, Filter, MEETING_RELATIONS};
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use crate::resolve::Evidence;
use serde::Serialize;

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

/// The answer to `who-met`: the person as found, and the meetings.
#[derive(Debug, Clone, Serialize)]
pub struct WhoMet {
    /// The person the name was resolved to.
    pub person: EntityRef,
    /// The meetings, in time order (undated last).
    pub meetings: Vec<Meeting>,
}

/// Everyone a person met (took part in one event with), by event: the person's label and the
/// meetings. [`who_met_filtered`] with an empty filter.
pub fn who_met(g: &KnowledgeGraph, name: &str) -> Result<(String, Vec<Meeting>)> {
    let a = who_met_filtered(g, name, &Filter::default())?;
    Ok((a.person.label, a.meetings))
}

/// Everyone a person met in the events that pass the filter; with `filter.with`, only that
/// counterpart.
pub fn who_met_filtered(g: &KnowledgeGraph, name: &str, filter: &Filter) -> Result<WhoMet> {
    let person = find_entity(g, name, Some("person")).or_else(|_| find_entity(g, name, None))?;
    let f = filter.compile(g)?;
    let with = f.with_entity().map(|w| w.id.as_str());
    let mut out = Vec::new();
    for (event, link) in g.in_links(&person.id) {
        if !event.is_event()
            || !MEETING_RELATIONS.contains(&link.relation.as_str())
            || !f.matches(event)
        {
            continue;
        }
        let links = g.out_links(&event.id);
        let place = links
            .iter()
            .filter(|(_, l)| l.relation == "location")
            .map(|(n, _)| n.label.clone())
            .min();
        for (other, l) in &links {
            if other.id == person.id
                || other.kind != "person"
                || !MEETING_RELATIONS.contains(&l.relation.as_str())
                || with.is_some_and(|w| w != other.id)
            {
                continue;
            }
            out.push(Meeting {
                counterpart: other.id.clone(),
                counterpart_label: other.label.clone(),
                event: event.id.clone(),
                event_type: event.event_type.clone().unwrap_or_default(),
                date: event.date.as_ref().map(date_text),
                date_inferred: event.date.as_ref().is_some_and(|d| d.inferred),
                place: place.clone(),
                modality: event.modality.clone().unwrap_or_default(),
                as_relation: link.relation.clone(),
                counterpart_relation: l.relation.clone(),
                evidence: event.evidence.clone(),
            });
        }
    }
    let key = |m: &Meeting| {
        let d = g.node(&m.event).and_then(|e| e.date.as_ref());
        (
            date_sort_key(d),
            m.evidence.first().cloned(),
            m.counterpart.clone(),
            m.event.clone(),
        )
    };
    out.sort_by_cached_key(key);
    out.dedup_by(|a, b| a.event == b.event && a.counterpart == b.counterpart);
    Ok(WhoMet {
        person: EntityRef::of(person),
        meetings: out,
    })
}
