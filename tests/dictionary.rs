//! Every shipped dictionary file is valid: it loads (ids unique, rows well formed, dates well
//! formed, references resolve), no alias names two entities of one kind, every place lies in a
//! country that exists, and the facts other tests rely on are there.

use newsgraph::dictionary::{Dictionary, Kind};
use newsgraph::normalize::normalize;
use newsgraph::segment::strip_article;
use std::collections::HashMap;

fn key(name: &str) -> String {
    normalize(name)
        .split_whitespace()
        .map(|w| strip_article(w).0.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_shipped_dictionaries_load() {
    let d = Dictionary::builtin().expect("every shipped file loads");
    assert!(
        d.entities
            .iter()
            .filter(|e| e.kind == Kind::Country)
            .count()
            >= 193,
        "every UN member state"
    );
    assert!(d.entities.iter().filter(|e| e.kind == Kind::Person).count() >= 300);
    assert!(
        !d.roles.is_empty()
            && !d.demonyms.is_empty()
            && !d.titles.is_empty()
            && !d.triggers.is_empty()
    );
}

#[test]
fn no_alias_names_two_entities_of_one_kind() {
    let d = Dictionary::builtin().unwrap();
    let mut seen: HashMap<(Kind, String), &str> = HashMap::new();
    let mut clashes = Vec::new();
    for e in &d.entities {
        let mut own: Vec<String> = e.names().map(key).collect();
        own.sort();
        own.dedup();
        for k in own {
            if let Some(other) = seen.insert((e.kind, k.clone()), &e.id) {
                if other != e.id {
                    clashes.push(format!("{k:?}: {other} and {}", e.id));
                }
            }
        }
    }
    assert!(
        clashes.is_empty(),
        "aliases bound to two entities of one kind:\n{}",
        clashes.join("\n")
    );
}

#[test]
fn every_place_lies_in_a_known_country_or_place() {
    let d = Dictionary::builtin().unwrap();
    for e in d.entities.iter().filter(|e| e.kind == Kind::Place) {
        if let Some(w) = &e.within {
            let parent = d
                .get(w)
                .unwrap_or_else(|| panic!("{} lies in unknown {w}", e.id));
            assert!(
                matches!(parent.kind, Kind::Country | Kind::Place),
                "{} lies in {w}, not a country",
                e.id
            );
        }
    }
}

#[test]
fn roles_are_dated_and_consistent() {
    let d = Dictionary::builtin().unwrap();
    for r in &d.roles {
        assert_eq!(r.role, r.role.to_lowercase(), "roles are lower case: {r:?}");
        let p = d.get(&r.person).expect("role's person exists");
        assert_eq!(
            p.kind,
            Kind::Person,
            "{} holds a role but is not a person",
            r.person
        );
        let of = d.get(&r.of).expect("role's office exists");
        assert!(
            matches!(of.kind, Kind::Country | Kind::Organization),
            "{} is an office of {}",
            r.role,
            r.of
        );
    }
}

#[test]
fn the_facts_the_tests_rely_on_are_right() {
    let d = Dictionary::builtin().unwrap();
    let on = |s: &str| newsgraph::PartialDate::parse(s).unwrap();
    assert_eq!(
        d.holders("president", "country:china", &on("2023-09-20")),
        ["person:xi-jinping"]
    );
    assert_eq!(
        d.holders("president", "country:russia", &on("2023-09-20")),
        ["person:vladimir-putin"]
    );
    assert_eq!(
        d.holders("foreign minister", "country:china", &on("2023-09-20")),
        ["person:wang-yi"]
    );
    assert_eq!(
        d.holders("foreign minister", "country:china", &on("2023-03-01")),
        ["person:qin-gang"]
    );
    assert_eq!(
        d.holders("foreign minister", "country:russia", &on("2023-09-20")),
        ["person:sergey-lavrov"]
    );
    assert_eq!(
        d.holders("spokesperson", "organization:kremlin", &on("2023-09-20")),
        ["person:dmitry-peskov"]
    );
    assert_eq!(
        d.holders("king", "country:saudi-arabia", &on("2023-05-10")),
        ["person:salman-bin-abdulaziz-al-saud"]
    );
    assert_eq!(
        d.holders("king", "country:jordan", &on("2018-01-06")),
        ["person:abdullah-ii"]
    );
    assert_eq!(
        d.holders("president", "country:united-states", &on("2023-10-17")),
        ["person:joe-biden"]
    );
    assert_eq!(
        d.holders("president", "country:egypt", &on("2023-12-22")),
        ["person:abdel-fattah-el-sisi"]
    );
    assert_eq!(
        d.holders("president", "country:france", &on("2023-12-22")),
        ["person:emmanuel-macron"]
    );
    assert_eq!(
        d.get("place:moscow").unwrap().within.as_deref(),
        Some("country:russia")
    );
}

#[test]
fn every_capital_is_a_place_of_its_own_country() {
    let d = Dictionary::builtin().unwrap();
    assert!(d.capitals.len() >= 150);
    for (country, city) in &d.capitals {
        assert_eq!(
            d.get(country).map(|e| e.kind),
            Some(Kind::Country),
            "{country}"
        );
        let place = d.get(city).unwrap_or_else(|| panic!("{city}"));
        assert_eq!(place.kind, Kind::Place, "{city}");
        assert_eq!(place.within.as_deref(), Some(country.as_str()), "{city}");
    }
    assert_eq!(d.capitals["country:russia"], "place:moscow");
    assert_eq!(d.capitals["country:saudi-arabia"], "place:riyadh");
    // a capital row that names no known entity is reported with the id
    let mut d = Dictionary::builtin().unwrap();
    d.add_tsv(
        "mine.tsv",
        "country\tcapital\ncountry:russia\tplace:no-such-city\n",
    )
    .unwrap();
    let err = d.check_references().unwrap_err().to_string();
    assert!(err.contains("place:no-such-city"), "{err}");
}
