//! Builds a knowledge graph from the text of one Arabic news article and shows what it holds.
//!
//!     cargo run --example build_from_text
//!
//! The article is our own wording of public facts: Chinese President Xi Jinping's state visit
//! to Moscow, which began on 20 March 2023 with a meeting with Vladimir Putin, and Putin's
//! meeting in Moscow with Wang Yi, China's former foreign minister, on 22 February 2023.

use newsgraph::query::{self, Filter};
use newsgraph::Pipeline;

/// A page as news sites print it: title, publication line, dateline, body.
const ARTICLE: &str = "\
بوتين يستقبل شي جين بينغ في الكرملين
تاريخ النشر: 20th, March 2023 GMT
موسكو-سانا
استقبل الرئيس الروسي فلاديمير بوتين اليوم الرئيس الصيني شي جين بينغ في موسكو، في مستهل زيارة دولة يقوم بها الرئيس الصيني إلى روسيا تستمر ثلاثة أيام.
وأجرى الرئيسان محادثات تناولت العلاقات الثنائية والتعاون الاقتصادي بين البلدين.
وكان الرئيس بوتين قد التقى في 22 شباط الماضي في موسكو وزير الخارجية الصيني السابق وانغ يي.
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pipeline = Pipeline::builtin()?;
    let graph = pipeline.build_page(ARTICLE, "xi-visits-moscow");

    let (entities, events) = graph.counts();
    println!(
        "{} document, {entities} entities, {events} events",
        graph.documents.len()
    );
    for n in graph.nodes().into_iter().filter(|n| !n.is_event()) {
        let ar = n.names.get("ar").map(String::as_str).unwrap_or("");
        println!("  {:<13} {:<28} {ar}", n.kind, n.id);
    }
    println!("events, in time order:");
    for e in query::events(&graph, &Filter::default())? {
        println!(
            "  {:<6} {:<12} {:<9} {:<8} {}",
            e.event_type,
            e.date.as_deref().unwrap_or("?"),
            e.modality,
            e.places_text(),
            e.participants_text()
        );
    }

    // what the text says, the graph holds
    let putin = query::who_met(&graph, "بوتين")?.1;
    let xi = putin
        .iter()
        .find(|m| m.counterpart == "person:xi-jinping")
        .ok_or("Putin's meeting with Xi Jinping is missing")?;
    assert_eq!(xi.date.as_deref(), Some("2023-03-20"));
    assert_eq!(xi.place.as_deref(), Some("Moscow"));
    let wang = putin
        .iter()
        .find(|m| m.counterpart == "person:wang-yi")
        .ok_or("Putin's meeting with Wang Yi is missing")?;
    assert_eq!(wang.date.as_deref(), Some("2023-02-22"));
    println!("ok: Putin met Xi Jinping on 2023-03-20 and Wang Yi on 2023-02-22, both in Moscow");
    Ok(())
}
