//! The actors view: who dealt with whom, without the event nodes in between.
//!
//! [`actors_view`] is a graph transform `KnowledgeGraph -> KnowledgeGraph`, so every format
//! can write it (`newsgraph build … --view actors`). It keeps:
//! - every person;
//! - for every event with two or more persons among its arguments (`participant`, `host`,
//!   `guest`, `inviter`, `invitee`, `speaker`), one link per pair of those persons, with
//!   `relation` = the event type, and `event`, `event_type`, `date`, `modality` and `evidence`
//!   copied from the event. The link points from the inviter to the invitee and from the
//!   guest to the host; between equals (two participants) it points from the smaller id to
//!   the larger. An event with one person (most statements) adds no link;
//! - the persons' `role` links and the countries and organizations they point to, so a
//!   picture still says who is whose foreign minister.
//!
//! Places, other entities and the events themselves are left out.

use crate::graph::{FoldedEvent, KnowledgeGraph, LinkData};

/// Relations from an event to a person that make the person an actor of it.
pub const ACTOR_RELATIONS: &[&str] = &[
    "participant",
    "host",
    "guest",
    "inviter",
    "invitee",
    "speaker",
];

/// -1 for the side a folded link starts from, 1 for the side it ends at, 0 for equals.
fn side(relation: &str) -> i8 {
    match relation {
        "inviter" | "guest" => -1,
        "invitee" | "host" => 1,
        _ => 0,
    }
}

/// The actors view of a graph (see the module docs).
pub fn actors_view(g: &KnowledgeGraph) -> KnowledgeGraph {
    let mut out = KnowledgeGraph::new();
    out.documents = g.documents.clone();
    for n in g.nodes() {
        if n.kind == "person" {
            out.upsert_node(n.clone());
        }
    }
    for (s, t, l) in g.links() {
        if l.relation != "role" || out.node(s).is_none() {
            continue;
        }
        if let Some(target) = g.node(t) {
            out.upsert_node(target.clone());
            out.upsert_link(s, t, l.clone());
        }
    }
    for ev in g.nodes().into_iter().filter(|n| n.is_event()) {
        let mut actors: Vec<(&str, &str)> = g
            .out_links(&ev.id)
            .into_iter()
            .filter(|(n, l)| n.kind == "person" && ACTOR_RELATIONS.contains(&l.relation.as_str()))
            .map(|(n, l)| (n.id.as_str(), l.relation.as_str()))
            .collect();
        // one role per person: the one that orients links (inviter/guest/host/invitee) first
        actors.sort_by_key(|&(id, rel)| (id, side(rel) == 0, rel));
        actors.dedup_by_key(|a| a.0);
        for (i, a) in actors.iter().enumerate() {
            for b in &actors[i + 1..] {
                let (from, to) = if side(a.1) > side(b.1) {
                    (b, a)
                } else {
                    (a, b)
                };
                out.upsert_link(
                    from.0,
                    to.0,
                    LinkData {
                        relation: ev.event_type.clone().unwrap_or_else(|| "event".into()),
                        role: None,
                        basis: None,
                        evidence: ev.evidence.clone(),
                        folded: Some(Box::new(FoldedEvent {
                            event: ev.id.clone(),
                            event_type: ev.event_type.clone(),
                            date: ev.date.clone(),
                            modality: ev.modality.clone(),
                        })),
                    },
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EventDate, NodeData};

    fn node(id: &str, kind: &str) -> NodeData {
        NodeData {
            mentions: 1,
            ..NodeData::new(id, kind, id)
        }
    }

    fn event(
        g: &mut KnowledgeGraph,
        id: &str,
        ty: &str,
        date: Option<&str>,
        args: &[(&str, &str)],
    ) {
        let mut n = node(id, "event");
        n.event_type = Some(ty.into());
        n.modality = Some("asserted".into());
        n.date = date.map(|d| EventDate {
            start: d.into(),
            end: None,
            inferred: false,
        });
        g.upsert_node(n);
        for (rel, target) in args {
            g.upsert_link(
                id,
                target,
                LinkData {
                    relation: rel.to_string(),
                    ..Default::default()
                },
            );
        }
    }

    fn sample() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for p in ["person:a", "person:b", "person:c"] {
            g.upsert_node(node(p, "person"));
        }
        g.upsert_node(node("country:x", "country"));
        g.upsert_node(node("place:p", "place"));
        g.upsert_link(
            "person:a",
            "country:x",
            LinkData {
                relation: "role".into(),
                role: Some("president".into()),
                ..Default::default()
            },
        );
        event(
            &mut g,
            "event:1",
            "meet",
            Some("2023-09-20"),
            &[
                ("participant", "person:b"),
                ("participant", "person:a"),
                ("location", "place:p"),
            ],
        );
        event(
            &mut g,
            "event:2",
            "meet",
            None,
            &[("participant", "person:a"), ("participant", "person:b")],
        );
        event(
            &mut g,
            "event:3",
            "invite",
            None,
            &[("inviter", "person:c"), ("invitee", "person:a")],
        );
        event(
            &mut g,
            "event:4",
            "visit",
            None,
            &[("host", "person:a"), ("guest", "person:c")],
        );
        event(
            &mut g,
            "event:5",
            "statement",
            None,
            &[("speaker", "person:b")],
        );
        g
    }

    #[test]
    fn events_fold_into_person_links_one_per_event() {
        let v = actors_view(&sample());
        let ids: Vec<&str> = v.nodes().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["country:x", "person:a", "person:b", "person:c"]);
        let links: Vec<(&str, &str, &str, Option<&str>)> = v
            .links()
            .into_iter()
            .map(|(s, t, l)| {
                (
                    s,
                    t,
                    l.relation.as_str(),
                    l.date().map(|d| d.start.as_str()),
                )
            })
            .collect();
        assert_eq!(
            links,
            [
                ("person:a", "country:x", "role", None),
                ("person:a", "person:b", "meet", Some("2023-09-20")),
                ("person:a", "person:b", "meet", None),
                ("person:c", "person:a", "invite", None),
                ("person:c", "person:a", "visit", None),
            ]
        );
        let meet = v
            .links()
            .into_iter()
            .find(|l| l.2.event() == Some("event:1"))
            .unwrap();
        assert_eq!(meet.2.event_type(), Some("meet"));
        assert_eq!(meet.2.modality(), Some("asserted"));
    }

    #[test]
    fn the_view_survives_a_json_round_trip() {
        let v = actors_view(&sample());
        let j = crate::export::json::JsonGraph::from_graph(&v);
        let back = j.into_graph();
        assert_eq!(back.links().len(), v.links().len());
        assert_eq!(back.nodes().len(), v.nodes().len());
    }
}
