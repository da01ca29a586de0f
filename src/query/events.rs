//! `events`: the events that pass a filter, in time order, with who took part and where.

use super::{date_sort_key, date_text, event_nodes, EntityRef, Filter};
use crate::error::Result;
use crate::graph::{KnowledgeGraph, NodeData};
use crate::resolve::Evidence;
use serde::Serialize;

/// An entity taking part in an event, and how.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Participant {
    /// `participant`, `host`, `guest`, `inviter`, `invitee`, `speaker`…
    pub relation: String,
    /// The entity.
    #[serde(flatten)]
    pub entity: EntityRef,
}

/// One event as the queries show it.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// The event's id.
    pub id: String,
    /// `meet`, `talks`, `visit`, `call`, `invite`, `statement`…
    pub event_type: String,
    /// CAMEO code, if one fits.
    pub code: Option<String>,
    /// Date, ISO partial (with `/end` for ranges), if known.
    pub date: Option<String>,
    /// True when the date was inferred from context.
    pub date_inferred: bool,
    /// `asserted`, `planned`, `possible`, `negated`.
    pub modality: String,
    /// Where it happened (or is to happen).
    pub places: Vec<EntityRef>,
    /// Who took part, and how.
    pub participants: Vec<Participant>,
    /// The sentences that tell it.
    pub evidence: Vec<Evidence>,
}

impl EventRow {
    /// The row of an event node.
    pub fn of(g: &KnowledgeGraph, event: &NodeData) -> Self {
        let mut places = Vec::new();
        let mut participants = Vec::new();
        for (n, l) in g.out_links(&event.id) {
            if l.relation == "location" {
                places.push(EntityRef::of(n));
            } else {
                participants.push(Participant {
                    relation: l.relation.clone(),
                    entity: EntityRef::of(n),
                });
            }
        }
        places.sort();
        places.dedup();
        participants.sort_by(|a, b| {
            (relation_rank(&a.relation), &a.entity.label, &a.entity.id).cmp(&(
                relation_rank(&b.relation),
                &b.entity.label,
                &b.entity.id,
            ))
        });
        EventRow {
            id: event.id.clone(),
            event_type: event.event_type.clone().unwrap_or_default(),
            code: event.code.clone(),
            date: event.date.as_ref().map(date_text),
            date_inferred: event.date.as_ref().is_some_and(|d| d.inferred),
            modality: event.modality.clone().unwrap_or_default(),
            places,
            participants,
            evidence: event.evidence.clone(),
        }
    }

    /// Participants as `label (relation)`, joined by `, `.
    pub fn participants_text(&self) -> String {
        self.participants
            .iter()
            .map(|p| format!("{} ({})", p.entity.label, p.relation))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Place labels joined by `, `.
    pub fn places_text(&self) -> String {
        self.places
            .iter()
            .map(|p| p.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Hosts before guests, inviters before invitees: the order a reader expects.
fn relation_rank(r: &str) -> u8 {
    match r {
        "host" | "inviter" | "speaker" => 0,
        "participant" => 1,
        "guest" | "invitee" => 2,
        _ => 3,
    }
}

/// Sorts events in time order; undated ones last, in the order the texts tell them.
pub(crate) fn sort_events(v: &mut [&NodeData]) {
    v.sort_by(|a, b| {
        let ka = (date_sort_key(a.date.as_ref()), a.evidence.first(), &a.id);
        let kb = (date_sort_key(b.date.as_ref()), b.evidence.first(), &b.id);
        ka.cmp(&kb)
    });
}

/// The events that pass the filter, in time order.
///
/// ```
/// # use newsgraph::query::{events, Filter};
/// # let g = newsgraph::Pipeline::builtin().unwrap().build_page(
/// #     "لقاء\nتاريخ النشر: 20th, September 2023 GMT\nموسكو-سانا\n\
/// #      التقى الرئيس الروسي فلاديمير بوتين اليوم وزير الخارجية الصيني وانغ يي في موسكو.", "x");
/// let meetings = events(&g, &Filter { types: vec!["meet".into()], ..Filter::default() }).unwrap();
/// assert_eq!(meetings[0].date.as_deref(), Some("2023-09-20"));
/// assert_eq!(meetings[0].places[0].label, "Moscow");
/// ```
pub fn events(g: &KnowledgeGraph, filter: &Filter) -> Result<Vec<EventRow>> {
    let f = filter.compile(g)?;
    let mut v: Vec<&NodeData> = event_nodes(g).filter(|e| f.matches(e)).collect();
    sort_events(&mut v);
    Ok(v.into_iter().map(|e| EventRow::of(g, e)).collect())
}
