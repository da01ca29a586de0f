//! `newsgraph query`: questions to a graph, answered as a table, JSON or CSV.

use super::output::{output_format, write_graph};
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use newsgraph::export::Format;
use newsgraph::query::{self, EventRow, Filter, Measure};
use newsgraph::{KnowledgeGraph, PartialDate};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// The questions (the overview is on `Command::Query` in cli/mod.rs).
#[derive(Subcommand, Debug)]
pub enum Query {
    /// Everyone NAME met: took part in one meeting, talks, call, visit or invitation with.
    ///
    /// Examples:
    ///   newsgraph query who-met Putin -g graph.json
    ///   newsgraph query who-met بوتين -g graph.json --with "Wang Yi" --from 2023-09 --to 2023-09
    ///   newsgraph query who-met Lavrov -g graph.json --place Russia --type meet,visit --csv
    #[command(verbatim_doc_comment)]
    WhoMet {
        /// A person: id, English or Arabic name, or any alias seen in the texts.
        name: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The events that pass the filters, in time order, with who took part and where.
    ///
    /// Examples:
    ///   newsgraph query events -g graph.json --type meet,talks
    ///   newsgraph query events -g graph.json --with Xi --modality planned
    ///   newsgraph query events -g graph.json --from 2023-10-01 --to 2023-10-31 --json
    #[command(verbatim_doc_comment)]
    Events {
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Every event NAME is part of (participant, host, speaker…, or the place), in time order;
    /// undated events last, in the order the texts tell them.
    ///
    /// Examples:
    ///   newsgraph query timeline "Wang Yi" -g graph.json
    ///   newsgraph query timeline Russia -g graph.json --type visit   (events in Russia or in Moscow)
    #[command(verbatim_doc_comment)]
    Timeline {
        /// An entity: person, country, organization or place.
        name: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The sub-graph around NAME: its events, who took part and where, DEPTH events deep,
    /// with the roles and places of everyone kept. Write it with -o in any graph format.
    ///
    /// Examples:
    ///   newsgraph query ego Putin -g graph.json                      (a table of the nodes)
    ///   newsgraph query ego Putin -g graph.json --depth 2 -o ego.json
    ///   newsgraph query ego Putin -g graph.json -o ego.dot && dot -Tsvg ego.dot > ego.svg
    ///   newsgraph query ego Putin -g graph.json --json               (node-link JSON on stdout)
    #[command(verbatim_doc_comment)]
    Ego {
        /// The entity at the centre.
        name: String,
        /// How many events deep: 1 = its events and their participants, 2 = theirs too…
        #[arg(short, long, default_value_t = 1)]
        depth: usize,
        /// Write the sub-graph to this file (the extension picks the format: .json, .dot).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Graph format of the sub-graph (overrides the extension; without -o, to stdout).
        #[arg(short, long, value_enum)]
        format: Option<Format>,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The shortest chain of meetings from person A to person B, each step with the events
    /// where the two met.
    ///
    /// Examples:
    ///   newsgraph query path Lavrov "Xi Jinping" -g graph.json
    ///   newsgraph query path لافروف شي -g graph.json --modality asserted --json
    #[command(verbatim_doc_comment)]
    Path {
        /// The person the chain starts from.
        #[arg(value_name = "A")]
        a: String,
        /// The person it reaches.
        #[arg(value_name = "B")]
        b: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The most connected actors: persons linked when they met, ranked by degree (persons
    /// met), betweenness or PageRank.
    ///
    /// Examples:
    ///   newsgraph query top -g graph.json
    ///   newsgraph query top -g graph.json --by betweenness --limit 20 --csv
    ///   newsgraph query top -g graph.json --by pagerank --from 2015-01 --to 2015-06
    #[command(verbatim_doc_comment)]
    Top {
        /// The measure that orders the answer.
        #[arg(long, value_enum, default_value_t = By::Degree)]
        by: By,
        /// How many to show (0 for all).
        #[arg(short = 'n', long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// What the graph holds: documents, nodes by kind, events by type and modality, links by
    /// relation, date ranges.
    ///
    /// Examples:
    ///   newsgraph query stats -g graph.json
    ///   newsgraph query stats -g graph.json --json
    #[command(verbatim_doc_comment)]
    Stats {
        #[command(flatten)]
        out: OutArgs,
    },
}

/// Where the graph is and how to answer.
#[derive(Args, Debug)]
pub struct OutArgs {
    /// The graph (JSON written by `newsgraph build`).
    #[arg(short, long, value_name = "GRAPH.json")]
    graph: PathBuf,
    /// Print JSON for machines.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV for machines: a header line, then one row per answer.
    #[arg(long)]
    csv: bool,
    /// Leave the evidence sentences out of the table (who-met, events, timeline, path).
    #[arg(long)]
    no_evidence: bool,
}

/// The filters every question but `stats` takes.
#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    /// Only events this person (or entity) takes part in too.
    #[arg(long, value_name = "NAME")]
    with: Option<String>,
    /// Only events that may have happened on or after DATE: 2023-09-20, 2023-09, 2023, or
    /// without a year --09-20 (matched by month and day).
    #[arg(long, value_name = "DATE", value_parser = parse_date, allow_hyphen_values = true)]
    from: Option<PartialDate>,
    /// Only events that may have happened on or before DATE (same forms as --from).
    #[arg(long, value_name = "DATE", value_parser = parse_date, allow_hyphen_values = true)]
    to: Option<PartialDate>,
    /// Only events at this place or anywhere within it (a country takes in its cities).
    #[arg(long, value_name = "NAME")]
    place: Option<String>,
    /// Only these event types, comma-separated: meet, talks, visit, call, invite, statement.
    #[arg(long = "type", value_name = "TYPES", value_delimiter = ',')]
    types: Vec<String>,
    /// Only these modalities, comma-separated: asserted, planned, possible, negated.
    #[arg(long = "modality", value_name = "MODALITIES", value_delimiter = ',')]
    modalities: Vec<String>,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            with: self.with.clone(),
            from: self.from,
            to: self.to,
            place: self.place.clone(),
            types: self.types.clone(),
            modalities: self.modalities.clone(),
        }
    }
}

/// The measures of `top`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// Number of persons met.
    Degree,
    /// Betweenness centrality.
    Betweenness,
    /// PageRank.
    Pagerank,
}

fn parse_date(s: &str) -> std::result::Result<PartialDate, String> {
    Filter::parse_date(s).map_err(|e| e.to_string())
}

fn load(out: &OutArgs) -> Result<KnowledgeGraph> {
    newsgraph::export::json::read_graph_file(&out.graph)
        .with_context(|| "reading the graph (write one with `newsgraph build PAGES -o graph.json`)")
}

/// A flat answer: the same rows for the table and the CSV.
struct Rows {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// Columns to right-align in the table.
    numeric: Vec<usize>,
}

impl Rows {
    fn new(headers: &[&'static str]) -> Self {
        Rows {
            headers: headers.to_vec(),
            rows: vec![],
            numeric: vec![],
        }
    }

    fn table(&self, table_headers: Option<&[&str]>) -> Table {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(
                table_headers
                    .map(<[&str]>::to_vec)
                    .unwrap_or(self.headers.clone()),
            );
        for r in &self.rows {
            t.add_row(r.clone());
        }
        for &c in &self.numeric {
            if let Some(col) = t.column_mut(c) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        t
    }
}

fn write_json(out: &mut dyn Write, v: &impl Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, v)?;
    writeln!(out)?;
    Ok(())
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn date_cell(date: &Option<String>, inferred: bool) -> String {
    match date {
        Some(d) if inferred => format!("{d} (inferred)"),
        Some(d) => d.clone(),
        None => "?".into(),
    }
}

fn evidence_text(ev: &[newsgraph::resolve::Evidence]) -> String {
    ev.iter().map(|e| &*e.text).collect::<Vec<_>>().join(" | ")
}

/// Writes the table, then the evidence of each numbered row.
fn write_table(
    out: &mut dyn Write,
    title: &str,
    rows: &Rows,
    evidence: Option<&[&[newsgraph::resolve::Evidence]]>,
) -> Result<()> {
    writeln!(out, "{title}")?;
    writeln!(out, "{}", rows.table(None))?;
    if let Some(ev) = evidence {
        for (k, list) in ev.iter().enumerate() {
            for e in *list {
                writeln!(
                    out,
                    "[{}] {} {}..{}: {}",
                    k + 1,
                    e.doc,
                    e.start,
                    e.end,
                    e.text
                )?;
            }
        }
    }
    Ok(())
}

fn event_columns(e: &EventRow) -> Vec<String> {
    vec![
        e.event_type.clone(),
        date_cell(&e.date, e.date_inferred),
        e.places_text(),
        e.modality.clone(),
        e.participants_text(),
    ]
}

fn write_csv<T: Serialize>(
    out: &mut dyn Write,
    records: impl IntoIterator<Item = T>,
) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for r in records {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

/// A CSV row of an event.
#[derive(Serialize)]
struct EventCsv<'a> {
    event_id: &'a str,
    event_type: &'a str,
    code: Option<&'a str>,
    date: Option<&'a str>,
    date_inferred: bool,
    modality: &'a str,
    places: String,
    place_ids: String,
    participants: String,
    participant_ids: String,
    evidence: String,
}

impl<'a> EventCsv<'a> {
    fn of(e: &'a EventRow) -> Self {
        EventCsv {
            event_id: &e.id,
            event_type: &e.event_type,
            code: e.code.as_deref(),
            date: e.date.as_deref(),
            date_inferred: e.date_inferred,
            modality: &e.modality,
            places: e.places_text(),
            place_ids: e
                .places
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            participants: e.participants_text(),
            participant_ids: e
                .participants
                .iter()
                .map(|p| format!("{}={}", p.relation, p.entity.id))
                .collect::<Vec<_>>()
                .join(";"),
            evidence: evidence_text(&e.evidence),
        }
    }
}

/// A CSV row of a timeline: the entity, its role, the event.
#[derive(Serialize)]
struct TimelineCsv<'a> {
    entity_id: &'a str,
    role: &'a str,
    event_id: &'a str,
    event_type: &'a str,
    date: Option<&'a str>,
    date_inferred: bool,
    modality: &'a str,
    places: String,
    participants: String,
    participant_ids: String,
    evidence: String,
}

/// A CSV row of a chain of meetings: one step, with its best event.
#[derive(Serialize)]
struct PathCsv<'a> {
    step: usize,
    from_id: &'a str,
    from: &'a str,
    to_id: &'a str,
    to: &'a str,
    event_id: &'a str,
    event_type: &'a str,
    date: Option<&'a str>,
    date_inferred: bool,
    places: String,
    modality: &'a str,
    other_events: usize,
    evidence: String,
}

/// A CSV row of `stats`.
#[derive(Serialize)]
struct StatCsv {
    section: String,
    key: String,
    value: String,
}

/// A CSV row of an ego graph's node.
#[derive(Serialize)]
struct NodeCsv<'a> {
    id: &'a str,
    kind: &'a str,
    label: &'a str,
    mentions: usize,
    links: usize,
}

/// Runs a query.
pub fn run(query: Query) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let out: &mut dyn Write = &mut lock;
    match query {
        Query::WhoMet {
            name,
            filter,
            out: o,
        } => {
            let g = load(&o)?;
            let a = query::who_met_filtered(&g, &name, &filter.filter())?;
            if o.json {
                return write_json(out, &a);
            }
            if o.csv {
                #[derive(Serialize)]
                struct MeetingCsv<'a> {
                    person_id: &'a str,
                    counterpart_id: &'a str,
                    counterpart: &'a str,
                    event_id: &'a str,
                    event_type: &'a str,
                    date: Option<&'a str>,
                    date_inferred: bool,
                    place: Option<&'a str>,
                    modality: &'a str,
                    person_as: &'a str,
                    counterpart_as: &'a str,
                    evidence: String,
                }
                return write_csv(
                    out,
                    a.meetings.iter().map(|m| MeetingCsv {
                        person_id: &a.person.id,
                        counterpart_id: &m.counterpart,
                        counterpart: &m.counterpart_label,
                        event_id: &m.event,
                        event_type: &m.event_type,
                        date: m.date.as_deref(),
                        date_inferred: m.date_inferred,
                        place: m.place.as_deref(),
                        modality: &m.modality,
                        person_as: &m.as_relation,
                        counterpart_as: &m.counterpart_relation,
                        evidence: evidence_text(&m.evidence),
                    }),
                );
            }
            if a.meetings.is_empty() {
                writeln!(
                    out,
                    "{} ({}): no meetings in this graph{}",
                    a.person.label,
                    a.person.id,
                    filtered(&filter)
                )?;
                return Ok(());
            }
            let mut rows = Rows::new(&[
                "#",
                "counterpart",
                "type",
                "as",
                "date",
                "place",
                "modality",
            ]);
            rows.numeric = vec![0];
            for (k, m) in a.meetings.iter().enumerate() {
                rows.rows.push(vec![
                    (k + 1).to_string(),
                    m.counterpart_label.clone(),
                    m.event_type.clone(),
                    format!("{} / {}", m.as_relation, m.counterpart_relation),
                    date_cell(&m.date, m.date_inferred),
                    opt(&m.place),
                    m.modality.clone(),
                ]);
            }
            let ev: Vec<&[_]> = a.meetings.iter().map(|m| m.evidence.as_slice()).collect();
            write_table(
                out,
                &format!(
                    "{} ({}) met{}:",
                    a.person.label,
                    a.person.id,
                    filtered(&filter)
                ),
                &rows,
                (!o.no_evidence).then_some(ev.as_slice()),
            )
        }
        Query::Events { filter, out: o } => {
            let g = load(&o)?;
            let evs = query::events(&g, &filter.filter())?;
            if o.json {
                return write_json(out, &evs);
            }
            if o.csv {
                return write_csv(out, evs.iter().map(EventCsv::of));
            }
            if evs.is_empty() {
                writeln!(out, "no events in this graph{}", filtered(&filter))?;
                return Ok(());
            }
            let mut rows = Rows::new(&["#", "type", "date", "place", "modality", "who"]);
            rows.numeric = vec![0];
            for (k, e) in evs.iter().enumerate() {
                let mut r = vec![(k + 1).to_string()];
                r.extend(event_columns(e));
                rows.rows.push(r);
            }
            let ev: Vec<&[_]> = evs.iter().map(|e| e.evidence.as_slice()).collect();
            write_table(
                out,
                &format!("{} events{}:", evs.len(), filtered(&filter)),
                &rows,
                (!o.no_evidence).then_some(ev.as_slice()),
            )
        }
        Query::Timeline {
            name,
            filter,
            out: o,
        } => {
            let g = load(&o)?;
            let t = query::timeline(&g, &name, &filter.filter())?;
            if o.json {
                return write_json(out, &t);
            }
            if o.csv {
                return write_csv(
                    out,
                    t.entries.iter().map(|e| {
                        let c = EventCsv::of(&e.event);
                        TimelineCsv {
                            entity_id: &t.entity.id,
                            role: &e.relation,
                            event_id: c.event_id,
                            event_type: c.event_type,
                            date: c.date,
                            date_inferred: c.date_inferred,
                            modality: c.modality,
                            places: c.places,
                            participants: c.participants,
                            participant_ids: c.participant_ids,
                            evidence: c.evidence,
                        }
                    }),
                );
            }
            if t.entries.is_empty() {
                writeln!(
                    out,
                    "{} ({}): no events in this graph{}",
                    t.entity.label,
                    t.entity.id,
                    filtered(&filter)
                )?;
                return Ok(());
            }
            let mut rows = Rows::new(&["#", "role", "type", "date", "place", "modality", "who"]);
            rows.numeric = vec![0];
            for (k, e) in t.entries.iter().enumerate() {
                let mut r = vec![(k + 1).to_string(), e.relation.clone()];
                r.extend(event_columns(&e.event));
                rows.rows.push(r);
            }
            let ev: Vec<&[_]> = t
                .entries
                .iter()
                .map(|e| e.event.evidence.as_slice())
                .collect();
            write_table(
                out,
                &format!(
                    "Timeline of {} ({}){}:",
                    t.entity.label,
                    t.entity.id,
                    filtered(&filter)
                ),
                &rows,
                (!o.no_evidence).then_some(ev.as_slice()),
            )
        }
        Query::Ego {
            name,
            depth,
            output,
            format,
            filter,
            out: o,
        } => {
            let g = load(&o)?;
            let sub = query::ego(&g, &name, depth, &filter.filter())?;
            let (entities, events) = sub.counts();
            if output.is_some() || format.is_some() || o.json {
                let fmt = output_format(output.as_deref(), format)?;
                drop(lock);
                write_graph(&sub, output.as_deref(), fmt)?;
                eprintln!(
                    "newsgraph: ego graph of {name:?}, depth {depth}: {entities} entities, \
                     {events} events, {} links",
                    sub.graph.edge_count()
                );
                return Ok(());
            }
            let mut nodes = sub.nodes();
            nodes.sort_by(|a, b| {
                (kind_rank(&a.kind), &a.label, &a.id).cmp(&(kind_rank(&b.kind), &b.label, &b.id))
            });
            let links = |id: &str| sub.out_links(id).len() + sub.in_links(id).len();
            if o.csv {
                return write_csv(
                    out,
                    nodes.iter().map(|n| NodeCsv {
                        id: &n.id,
                        kind: &n.kind,
                        label: &n.label,
                        mentions: n.mentions,
                        links: links(&n.id),
                    }),
                );
            }
            let mut rows = Rows::new(&["kind", "label", "id", "mentions", "links"]);
            rows.numeric = vec![3, 4];
            for n in nodes {
                rows.rows.push(vec![
                    n.kind.clone(),
                    n.label.clone(),
                    n.id.clone(),
                    n.mentions.to_string(),
                    links(&n.id).to_string(),
                ]);
            }
            write_table(
                out,
                &format!(
                    "Ego graph of {name:?}, depth {depth}{}: {entities} entities, {events} \
                     events, {} links (-o FILE.json or FILE.dot writes it):",
                    filtered(&filter),
                    sub.graph.edge_count()
                ),
                &rows,
                None,
            )
        }
        Query::Path {
            a: from,
            b: to,
            filter,
            out: o,
        } => {
            let g = load(&o)?;
            let p = query::path(&g, &from, &to, &filter.filter())?;
            if o.json {
                return write_json(out, &serde_json::json!({"from": from, "to": to, "path": p}));
            }
            let steps = p.as_ref().map(|p| p.steps.as_slice()).unwrap_or_default();
            if o.csv {
                return write_csv(
                    out,
                    steps.iter().enumerate().map(|(k, s)| {
                        let e = &s.events[0];
                        PathCsv {
                            step: k + 1,
                            from_id: &s.from.id,
                            from: &s.from.label,
                            to_id: &s.to.id,
                            to: &s.to.label,
                            event_id: &e.id,
                            event_type: &e.event_type,
                            date: e.date.as_deref(),
                            date_inferred: e.date_inferred,
                            places: e.places_text(),
                            modality: &e.modality,
                            other_events: s.events.len() - 1,
                            evidence: evidence_text(&e.evidence),
                        }
                    }),
                );
            }
            let Some(p) = &p else {
                writeln!(
                    out,
                    "no chain of meetings links {from:?} and {to:?} in this graph{}",
                    filtered(&filter)
                )?;
                return Ok(());
            };
            let mut rows = Rows::new(&[
                "step", "from", "to", "type", "date", "place", "modality", "also",
            ]);
            rows.numeric = vec![0, 7];
            for (k, s) in steps.iter().enumerate() {
                let e = &s.events[0];
                rows.rows.push(vec![
                    (k + 1).to_string(),
                    s.from.label.clone(),
                    s.to.label.clone(),
                    e.event_type.clone(),
                    date_cell(&e.date, e.date_inferred),
                    e.places_text(),
                    e.modality.clone(),
                    (s.events.len() - 1).to_string(),
                ]);
            }
            let ev: Vec<&[_]> = steps
                .iter()
                .map(|s| s.events[0].evidence.as_slice())
                .collect();
            write_table(
                out,
                &format!(
                    "{} → {}: {} meeting{} apart{} (also = other events where the pair met):",
                    p.from.label,
                    p.to.label,
                    p.steps.len(),
                    if p.steps.len() == 1 { "" } else { "s" },
                    filtered(&filter)
                ),
                &rows,
                (!o.no_evidence).then_some(ev.as_slice()),
            )
        }
        Query::Top {
            by,
            limit,
            filter,
            out: o,
        } => {
            let g = load(&o)?;
            let measure = match by {
                By::Degree => Measure::Degree,
                By::Betweenness => Measure::Betweenness,
                By::Pagerank => Measure::PageRank,
            };
            let top = query::top(&g, &filter.filter(), measure, limit)?;
            if o.json {
                return write_json(out, &top);
            }
            if o.csv {
                return write_csv(out, &top);
            }
            let mut rows = Rows::new(&[
                "rank",
                "label",
                "met",
                "events",
                "degree",
                "betweenness",
                "pagerank",
                "id",
            ]);
            rows.numeric = vec![0, 2, 3, 4, 5, 6];
            for c in &top {
                rows.rows.push(vec![
                    c.rank.to_string(),
                    c.label.clone(),
                    c.met.to_string(),
                    c.events.to_string(),
                    format!("{:.4}", c.degree),
                    format!("{:.4}", c.betweenness),
                    c.pagerank.map(|p| format!("{p:.4}")).unwrap_or_default(),
                    c.id.clone(),
                ]);
            }
            write_table(
                out,
                &format!(
                    "Most connected actors by {}{} (met = persons met; degree and betweenness \
                     normalised; PageRank among those who met someone):",
                    format!("{by:?}").to_lowercase(),
                    filtered(&filter)
                ),
                &rows,
                None,
            )
        }
        Query::Stats { out: o } => {
            let g = load(&o)?;
            let s = query::stats(&g);
            if o.json {
                return write_json(out, &s);
            }
            let mut rows: Vec<StatCsv> = vec![];
            let mut push = |sec: &str, key: &str, value: String| {
                rows.push(StatCsv {
                    section: sec.to_string(),
                    key: key.to_string(),
                    value,
                });
            };
            push("documents", "all", s.documents.to_string());
            for (k, v) in &s.documents_by_language {
                push("documents", &format!("language {k}"), v.to_string());
            }
            date_rows(&mut push, "published", &s.published);
            push("nodes", "all", s.nodes.to_string());
            for (k, v) in &s.nodes_by_kind {
                push("nodes", k, v.to_string());
            }
            for (k, v) in &s.events_by_type {
                push("events by type", k, v.to_string());
            }
            for (k, v) in &s.events_by_modality {
                push("events by modality", k, v.to_string());
            }
            date_rows(&mut push, "event dates", &s.event_dates);
            push("links", "all", s.links.to_string());
            for (k, v) in &s.links_by_relation {
                push("links", k, v.to_string());
            }
            if o.csv {
                return write_csv(out, &rows);
            }
            let mut t = Rows::new(&["section", "key", "value"]);
            t.numeric = vec![2];
            t.rows = rows
                .into_iter()
                .map(|r| vec![r.section, r.key, r.value])
                .collect();
            write_table(out, &format!("{}:", o.graph.display()), &t, None)
        }
    }
}

fn date_rows(push: &mut impl FnMut(&str, &str, String), sec: &str, d: &query::DateRange) {
    push(sec, "first", opt(&d.first));
    push(sec, "last", opt(&d.last));
    push(sec, "with year", d.with_year.to_string());
    push(sec, "without year", d.without_year.to_string());
    if sec != "published" {
        push(sec, "inferred", d.inferred.to_string());
    }
    push(sec, "undated", d.undated.to_string());
}

fn kind_rank(kind: &str) -> u8 {
    match kind {
        "person" => 0,
        "event" => 1,
        "country" => 2,
        "organization" => 3,
        "place" => 4,
        _ => 5,
    }
}

/// ` (filtered: …)` naming the filters in force, or nothing.
fn filtered(f: &FilterArgs) -> String {
    let mut parts = vec![];
    if let Some(w) = &f.with {
        parts.push(format!("with {w}"));
    }
    if let Some(d) = f.from {
        parts.push(format!("from {d}"));
    }
    if let Some(d) = f.to {
        parts.push(format!("to {d}"));
    }
    if let Some(p) = &f.place {
        parts.push(format!("in {p}"));
    }
    if !f.types.is_empty() {
        parts.push(format!("type {}", f.types.join(",")));
    }
    if !f.modalities.is_empty() {
        parts.push(format!("modality {}", f.modalities.join(",")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}
