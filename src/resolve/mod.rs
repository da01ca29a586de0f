//! Resolution: from the mentions of one document to its facts about entities.
//!
//! - dictionary names resolve to their entity;
//! - a person found by a title resolves to a dictionary person when their transliteration keys
//!   agree (`تشي جينغ بين` = `شي جين بينغ`), or when the title, its country and the date name one
//!   office holder whose name is similar (`وزير الخارجية الصيني فان يي` on 2023-09-20 = Wang Yi);
//!   otherwise it stays a person of its own (no guessing);
//! - role-only mentions (`الرئيس الصيني`) resolve to a person of the document with that role, else
//!   to the one holder of the office on the publication date;
//! - `نظيره` takes the role of the person it refers to; `الأخير` is the last person named;
//!   `الزعيمان`, `الوزيران` are the last two.

pub mod translit;

use crate::dictionary::{Dictionary, Kind, RoleRecord, TitleKind};
use crate::document::{Document, PartialDate};
use crate::extract::{Analysis, Mention, MentionKind, Modality, Relation};
use crate::normalize::{clean_surface, normalize};
use foldhash::{HashMap, HashMapExt};
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Offices held by one person in a country at a time and by few in the world: a title of one
/// of them with a given name (الملك سلمان) names its holder even where the text names no
/// country.
const MONARCH_ROLES: &[&str] = &[
    "king",
    "queen",
    "emir",
    "sultan",
    "emperor",
    "crown prince",
    "deputy crown prince",
    "supreme leader",
];

/// Where a fact was read: document, char offsets in the input as read, and the sentence.
///
/// The document id and the sentence are shared (`Arc<str>`): a sentence is the evidence of
/// every fact it tells (an event, each of its links, roles), and in a large graph the copies
/// would take most of the memory.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Evidence {
    /// Document id.
    pub doc: Arc<str>,
    /// Char offset where the sentence starts.
    pub start: usize,
    /// Char offset where it ends.
    pub end: usize,
    /// The sentence.
    pub text: Arc<str>,
}

/// An entity as one document knows it.
#[derive(Debug, Clone)]
pub struct EntityFact {
    /// Stable id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// English name, when known.
    pub en: Option<String>,
    /// Arabic name, when known.
    pub ar: Option<String>,
    /// Surface forms seen.
    pub aliases: BTreeSet<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// The id of the country it lies in.
    pub within: Option<String>,
}

/// A person's role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoleFact {
    /// Person id.
    pub person: String,
    /// Role in English lower case.
    pub role: String,
    /// Country or organization id.
    pub of: String,
    /// Where the text says so; `None` for roles known from the dictionary.
    pub evidence: Option<Evidence>,
}

/// A date as the contract gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateFact {
    /// First (or only) day.
    pub start: PartialDate,
    /// Last day of a range.
    pub end: Option<PartialDate>,
    /// True when part of it was filled in from context.
    pub inferred: bool,
}

/// An event of one document.
#[derive(Debug, Clone)]
pub struct EventFact {
    /// `meet`, `talks`, `visit`, `call`, `invite`, `statement`.
    pub event_type: String,
    /// CAMEO code.
    pub code: String,
    /// Arguments: relation and entity id.
    pub args: Vec<(Relation, String)>,
    /// Where it happened or is to happen.
    pub place: Option<String>,
    /// True when the place is only the dateline's.
    pub place_from_dateline: bool,
    /// When.
    pub date: Option<DateFact>,
    /// Whether it happened.
    pub modality: Modality,
    /// Where it is told.
    pub evidence: Vec<Evidence>,
}

impl EventFact {
    /// The type family used for merging (`talks` and `meet` are one family).
    pub fn family(&self) -> &str {
        match self.event_type.as_str() {
            "talks" | "meet" => "meet",
            t => t,
        }
    }

    /// The person ids taking part, sorted.
    pub fn persons(&self) -> BTreeSet<&str> {
        self.args.iter().map(|(_, id)| id.as_str()).collect()
    }
}

/// The document's metadata as the graph records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publication date stated by the article.
    pub published: Option<PartialDate>,
    /// Entity id of the source (agency or outlet).
    pub source: Option<String>,
    /// `ar` or `en`.
    pub language: String,
    /// Where it was read from.
    pub origin: String,
    /// URL, when given.
    pub url: Option<String>,
    /// Content hash (FNV-1a, 64 bits, hex) of the article's text.
    pub hash: String,
}

/// Everything one document says, resolved to entity ids.
#[derive(Debug, Clone)]
pub struct DocFacts {
    /// The document.
    pub document: DocumentInfo,
    /// Entities named.
    pub entities: Vec<EntityFact>,
    /// Roles.
    pub roles: Vec<RoleFact>,
    /// Events.
    pub events: Vec<EventFact>,
}

/// Precomputed lookups over the dictionary for resolution.
#[derive(Debug, Clone)]
pub struct Resolver {
    person_keys: HashMap<String, Vec<usize>>,
    /// The first and last part (normalised) of each name of three parts or more of a
    /// dictionary person, with the persons whose names they are and whether they are the
    /// name's short form (see [`short_form`]): علي صالح of علي عبد الله صالح.
    short_keys: HashMap<String, Vec<(usize, bool)>>,
    /// The offices of each person (indices into `Dictionary::roles`, in order).
    roles_by_person: HashMap<String, Vec<u32>>,
    /// The name key (`name_key(normalize(name))`) of each name of each dictionary person, by
    /// the person's id: made once, not once per document that mentions the person.
    name_keys_by_person: HashMap<String, Vec<String>>,
}

const HEAD_ROLES: &[&str] = &[
    "president",
    "king",
    "prime minister",
    "emir",
    "sultan",
    "crown prince",
    "chancellor",
    "supreme leader",
];

/// FNV-1a hash of a text, as 16 hex digits.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The first and last part of a normalised name of three parts or more (عبد and its divine
/// name are one part), and whether news use them as the name's short form: they do for three
/// parts (علي صالح of علي عبد الله صالح, عبد ربه هادي of عبد ربه منصور هادي, أحمد أوغلو of
/// أحمد داود أوغلو), not for a nasab (محمد بن سلمان is never محمد سلمان), nor for a family name
/// with the article or a kunya, which many families share (محمد صباح السالم is not every محمد
/// السالم). A longer name's first and last part still make the short form ambiguous: جورج
/// هربرت ووكر بوش keeps جورج بوش from جورج دبليو بوش.
fn short_form(name: &str) -> Option<(String, bool)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] == "عبد" && i + 1 < words.len() {
            parts.push(format!("{} {}", words[i], words[i + 1]));
            i += 2;
        } else {
            parts.push(words[i].to_string());
            i += 1;
        }
    }
    const LINKS: &[&str] = &[
        "بن", "ابن", "بنت", "ابو", "ابي", "ام", "ال", "ولد", "bin", "ibn", "bint", "abu", "al",
        "el", "de", "di", "da", "van", "von", "le", "la", "du", "del", "ben",
    ];
    if parts.len() < 3 {
        return None;
    }
    let (first, last) = (&parts[0], &parts[parts.len() - 1]);
    // (al-baghdadi: a link joined to the word by a hyphen)
    let linked =
        |p: &str| LINKS.contains(&p) || LINKS.iter().any(|l| p.starts_with(&format!("{l}-")));
    let usable = parts.len() == 3 && !parts.iter().any(|p| linked(p)) && !last.starts_with("ال");
    Some((format!("{first} {last}"), usable))
}

impl Resolver {
    /// Builds the lookups of a dictionary.
    pub fn new(dict: &Dictionary) -> Self {
        let mut person_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut short_keys: HashMap<String, Vec<(usize, bool)>> = HashMap::new();
        let mut name_keys_by_person: HashMap<String, Vec<String>> = HashMap::new();
        for (i, e) in dict
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Kind::Person)
        {
            let name_keys = name_keys_by_person.entry(e.id.clone()).or_default();
            for n in e.names() {
                let k = translit::name_key(&normalize(n));
                name_keys.push(k.clone());
                // a one-word key is a family name: too weak to identify on its own
                if k.contains(' ') {
                    let v = person_keys.entry(k).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
                if let Some((short, usable)) = short_form(&normalize(n)) {
                    let v = short_keys.entry(short).or_default();
                    match v.iter_mut().find(|(p, _)| *p == i) {
                        Some((_, u)) => *u |= usable,
                        None => v.push((i, usable)),
                    }
                }
            }
        }
        let mut roles_by_person: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, r) in dict.roles.iter().enumerate() {
            roles_by_person
                .entry(r.person.clone())
                .or_default()
                .push(i as u32);
        }
        Resolver {
            person_keys,
            short_keys,
            roles_by_person,
            name_keys_by_person,
        }
    }

    /// Resolves the mentions of one analysed document into facts.
    pub fn resolve(&self, a: &Analysis<'_>, mentions: &[Mention]) -> DocFacts {
        DocResolver::new(self, a, mentions).run()
    }

    /// [`resolve`](Self::resolve) of a document whose content hash ([`content_hash`] of its
    /// text) the caller has computed already.
    pub fn resolve_hashed(&self, a: &Analysis<'_>, mentions: &[Mention], hash: String) -> DocFacts {
        let mut r = DocResolver::new(self, a, mentions);
        r.hash = Some(hash);
        r.run()
    }
}

struct DocResolver<'r, 'a> {
    r: &'r Resolver,
    a: &'r Analysis<'a>,
    dict: &'r Dictionary,
    mentions: &'r [Mention],
    date: Option<PartialDate>,
    resolved: HashMap<usize, Vec<String>>,
    recent: Vec<(usize, String)>,
    roles: Vec<RoleFact>,
    entities: HashMap<String, EntityFact>,
    order: Vec<String>,
    /// The document's id, shared by its evidence.
    doc_id: Arc<str>,
    /// The evidence of each sentence, made once.
    sentences: Vec<OnceCell<Evidence>>,
    /// The content hash of the text, when the caller computed it already.
    hash: Option<String>,
    /// The office (not honorific) titles of each holder mention, in text order, made when
    /// first asked.
    title_by_holder: OnceCell<HashMap<usize, Vec<usize>>>,
    /// Aliases given to entities since `name_runs` was last brought up to date.
    new_aliases: Vec<(String, String)>,
    /// For the search of an earlier person by part of its name ([`part_of_name`]): the name key
    /// of each alias and dictionary name of the entities, and each run of its first or last
    /// words, → the entities with it, and whether the run is a proper part of the name.
    name_runs: HashMap<String, Vec<(std::rc::Rc<str>, bool)>>,
    /// The latest place in `recent` of each entity there.
    last_seen: HashMap<String, usize>,
    /// Entities named in `recent` whose names `name_runs` does not hold yet.
    unindexed: Vec<String>,
}

impl<'r, 'a> DocResolver<'r, 'a> {
    fn new(r: &'r Resolver, a: &'r Analysis<'a>, mentions: &'r [Mention]) -> Self {
        DocResolver {
            r,
            a,
            dict: a.dict,
            mentions,
            date: a.published(),
            resolved: HashMap::new(),
            recent: Vec::new(),
            roles: Vec::new(),
            entities: HashMap::new(),
            order: Vec::new(),
            doc_id: Arc::from(a.doc.id.as_str()),
            sentences: vec![OnceCell::new(); a.seg.sentences.len()],
            hash: None,
            title_by_holder: OnceCell::new(),
            new_aliases: Vec::new(),
            name_runs: HashMap::new(),
            last_seen: HashMap::new(),
            unindexed: Vec::new(),
        }
    }

    fn evidence(&self, sentence: usize) -> Evidence {
        self.sentences[sentence]
            .get_or_init(|| {
                let s = &self.a.seg.sentences[sentence];
                let (start, end) = self.a.norm.original_range(s.start, s.end);
                Evidence {
                    doc: Arc::clone(&self.doc_id),
                    start: start + self.a.doc.base,
                    end: end + self.a.doc.base,
                    text: Arc::from(self.a.original(start, end).trim()),
                }
            })
            .clone()
    }

    fn note_entity(&mut self, idx: usize, surface: Option<String>) -> String {
        let e = &self.dict.entities[idx];
        let id = e.id.clone();
        if !self.entities.contains_key(&id) {
            self.order.push(id.clone());
            self.entities.insert(
                id.clone(),
                EntityFact {
                    id: id.clone(),
                    kind: e.kind,
                    en: (!e.en.is_empty()).then(|| e.en.clone()),
                    ar: (!e.ar.is_empty()).then(|| e.ar.clone()),
                    aliases: BTreeSet::new(),
                    mentions: 0,
                    within: e.within.clone(),
                },
            );
        }
        let f = self.entities.get_mut(&id).unwrap();
        if let Some(s) = surface {
            f.mentions += 1;
            if f.aliases.insert(s.clone()) {
                self.new_aliases.push((id.clone(), s));
            }
        }
        id
    }

    fn note_new_organization(
        &mut self,
        name: &str,
        country: Option<u32>,
        surface: Option<String>,
    ) -> String {
        let id = new_organization_id(name);
        if !self.entities.contains_key(&id) {
            self.order.push(id.clone());
            self.entities.insert(
                id.clone(),
                EntityFact {
                    id: id.clone(),
                    kind: Kind::Organization,
                    en: None,
                    ar: surface.as_ref().map(|s| clean_surface(s)),
                    aliases: BTreeSet::new(),
                    mentions: 0,
                    within: country.map(|c| self.dict.entities[c as usize].id.clone()),
                },
            );
        }
        if let Some(s) = surface {
            let f = self.entities.get_mut(&id).unwrap();
            f.mentions += 1;
            if f.aliases.insert(s.clone()) {
                self.new_aliases.push((id.clone(), s));
            }
        }
        id
    }

    fn note_new_person(&mut self, name: &str, surface: String) -> String {
        let id = format!("person:{}", name.replace(' ', "-"));
        if !self.entities.contains_key(&id) {
            self.order.push(id.clone());
            let display = clean_surface(&surface);
            self.entities.insert(
                id.clone(),
                EntityFact {
                    id: id.clone(),
                    kind: Kind::Person,
                    en: None,
                    ar: None,
                    aliases: BTreeSet::new(),
                    mentions: 0,
                    within: None,
                },
            );
            self.entities.get_mut(&id).unwrap().ar = Some(display);
        } else if normalize(&clean_surface(&surface)) == name {
            // the name in full (إبراهيم الربيش) names the person better than a part of it told
            // first (الربيش, a family name read as this person's)
            let f = self.entities.get_mut(&id).unwrap();
            if f.ar.as_deref().is_none_or(|ar| normalize(ar) != name) {
                f.ar = Some(clean_surface(&surface));
            }
        }
        let f = self.entities.get_mut(&id).unwrap();
        f.mentions += 1;
        if f.aliases.insert(surface.clone()) {
            self.new_aliases.push((id.clone(), surface));
        }
        id
    }

    /// Notes that mention `mi` names `id`, the latest named.
    fn push_recent(&mut self, mi: usize, id: String) {
        if !self.last_seen.contains_key(&id) {
            self.unindexed.push(id.clone());
        }
        self.last_seen.insert(id.clone(), self.recent.len());
        self.recent.push((mi, id));
    }

    /// The person named so far, the latest named first, that has an alias or a dictionary name
    /// whose key is `key` or begins or ends with it ([`part_of_name`]); found by the runs of
    /// words of those names, not by going through every person.
    fn earlier_person_named(&mut self, key: &str) -> Option<String> {
        // only the entities named in `recent` can be found: their names are indexed when first
        // sought after they are named (a person of the dictionary by its dictionary names too),
        // and the aliases they get afterwards as they come
        let index_alias =
            |runs: &mut HashMap<String, Vec<(std::rc::Rc<str>, bool)>>, id: &str, alias: &str| {
                index_name_runs(runs, id, &translit::name_key(&normalize(alias)));
            };
        for id in std::mem::take(&mut self.unindexed) {
            for key in self.r.name_keys_by_person.get(&id).into_iter().flatten() {
                index_name_runs(&mut self.name_runs, &id, key);
            }
            for alias in self.entities.get(&id).into_iter().flat_map(|f| &f.aliases) {
                index_alias(&mut self.name_runs, &id, alias);
            }
        }
        for (id, alias) in std::mem::take(&mut self.new_aliases) {
            if self.last_seen.contains_key(&id) {
                index_alias(&mut self.name_runs, &id, &alias);
            }
        }
        named_by(&self.name_runs, key)
            .filter_map(|id| self.last_seen.get(id).map(|&seen| (seen, id)))
            .max_by_key(|&(seen, _)| seen)
            .map(|(_, id)| id.to_string())
    }

    /// The persons named in the document so far, each once, the latest named first (a person
    /// named often is looked at once).
    fn recent_persons(&self) -> impl Iterator<Item = &String> {
        let mut seen: foldhash::HashSet<&str> = Default::default();
        self.recent
            .iter()
            .rev()
            .map(|(_, p)| p)
            .filter(move |p| seen.insert(p.as_str()))
    }

    /// The offices the dictionary gives a person, in its order
    /// ([`Dictionary::roles_of`](crate::dictionary::Dictionary::roles_of) by an index).
    fn dict_roles_of<'p>(&self, person: &'p str) -> impl Iterator<Item = &'r RoleRecord> + 'p
    where
        'r: 'p,
    {
        let (dict, r): (&'r Dictionary, &'r Resolver) = (self.dict, self.r);
        r.roles_by_person
            .get(person)
            .into_iter()
            .flatten()
            .filter_map(move |&i| dict.roles.get(i as usize))
            // (a resolver is made from the dictionary it resolves with; checked all the same)
            .filter(move |r| r.person == person)
    }

    /// The roles a person is known to hold in this document (text, then dictionary).
    fn roles_of(&self, person: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .roles
            .iter()
            .filter(|r| r.person == person)
            .map(|r| (r.role.clone(), r.of.clone()))
            .collect();
        if let Some(d) = self.date {
            for r in self.dict_roles_of(person).filter(|r| r.held_on(&d)) {
                out.push((r.role.clone(), r.of.clone()));
            }
        }
        out
    }

    /// The office titles of a holder mention, in text order (found for all holders in one
    /// pass over the mentions).
    fn titles_of_holder(&self, holder: usize) -> &[usize] {
        let all = self.title_by_holder.get_or_init(|| {
            let mut all: HashMap<usize, Vec<usize>> = HashMap::new();
            for (i, m) in self.mentions.iter().enumerate() {
                if let MentionKind::Title {
                    holder: Some(h),
                    title,
                    dependent,
                    ..
                } = m.kind
                {
                    // (نائب المستشارة: not the office of the person it names)
                    if self.dict.titles[title as usize].kind != TitleKind::Honorific && !dependent {
                        all.entry(h).or_default().push(i);
                    }
                }
            }
            for v in all.values_mut() {
                v.sort_by_key(|&i| (self.mentions[i].first, i));
            }
            all
        });
        all.get(&holder).map_or(&[], Vec::as_slice)
    }

    /// The first office title of a holder mention.
    fn title_of_holder(&self, holder: usize) -> Option<(usize, &'r Mention)> {
        self.titles_of_holder(holder)
            .first()
            .map(|&i| (i, &self.mentions[i]))
    }

    /// The role a title gives, and its country or organization; a counterpart takes the role of
    /// the person it refers to.
    fn title_role(&self, ti: usize) -> Option<(String, Option<String>)> {
        let MentionKind::Title {
            title,
            of,
            of_mention,
            ..
        } = self.mentions[ti].kind
        else {
            return None;
        };
        let t = &self.dict.titles[title as usize];
        let of = of
            .map(|o| self.dict.entities[o as usize].id.clone())
            .or_else(|| {
                of_mention.and_then(|m| match &self.mentions[m].kind {
                    MentionKind::NewOrganization { name, .. } => Some(new_organization_id(name)),
                    _ => None,
                })
            });
        match t.kind {
            TitleKind::Office => Some((t.role.clone(), of)),
            TitleKind::Honorific => None,
            TitleKind::Counterpart => {
                let m = &self.mentions[ti];
                let antecedent = self
                    .recent
                    .iter()
                    .rev()
                    .find(|(mi, _)| {
                        self.mentions[*mi].sentence == m.sentence
                            && self.mentions[*mi].last <= m.first
                    })
                    .or(self.recent.last())?;
                let (role, _) = self.roles_of(&antecedent.1).into_iter().next()?;
                Some((role, of))
            }
        }
    }

    fn resolve_new_person(&self, mi: usize, name: &str) -> Option<String> {
        let key = translit::name_key(name);
        match self.r.person_keys.get(&key) {
            Some(c) if c.len() == 1 => return Some(self.dict.entities[c[0]].id.clone()),
            // (a name some dictionary persons have in full is none's short form)
            Some(_) => {}
            None => {
                // (the short form as written: two parts are too few for a key that forgives
                // transliteration, جان بيير is not جان بارو)
                if let Some(&[(one, true)]) = self.r.short_keys.get(name).map(Vec::as_slice) {
                    return Some(self.dict.entities[one].id.clone());
                }
            }
        }
        // the office, its country and the date name one holder with a similar name
        let (ti, _) = self.title_of_holder(mi)?;
        let (role, of) = self.title_role(ti)?;
        let date = self.date?;
        let Some(of) = of else {
            // الملك سلمان: the one holder of the office that day, anywhere, whose name starts so;
            // only for a monarch's office, which few hold at a time (presidents are many: رئيس
            // … عبدالعزيز is not Bouteflika because he was a president that day)
            if !MONARCH_ROLES.contains(&role.as_str()) {
                return None;
            }
            let holders: BTreeSet<&str> = self
                .dict
                .roles
                .iter()
                .filter(|r| r.role == role && r.held_on(&date))
                .map(|r| r.person.as_str())
                .filter(|p| {
                    self.dict.get(p).is_some_and(|e| {
                        e.names().any(|n| {
                            let nk = translit::name_key(&normalize(n));
                            nk == key || nk.starts_with(&format!("{key} "))
                        })
                    })
                })
                .collect();
            return (holders.len() == 1).then(|| holders.into_iter().next().unwrap().to_string());
        };
        let holders = self.dict.holders(&role, &of, &date);
        if holders.len() != 1 {
            return None;
        }
        let ent = self.dict.get(holders[0])?;
        // (a given name alone, الملك سلمان, starts the holder's name)
        let similar = ent.names().any(|n| {
            let nk = translit::name_key(&normalize(n));
            nk.starts_with(&format!("{key} ")) || translit::similarity(&nk, &key) >= 0.5
        });
        similar.then(|| ent.id.clone())
    }

    fn resolve_role_ref(&self, ti: usize) -> Option<String> {
        let (role, of) = self.title_role(ti)?;
        let fits = |r: &str| r == role || (role == "minister" && r.ends_with("minister"));
        // someone of this document already holds it
        for p in self.recent_persons() {
            if self
                .roles_of(p)
                .iter()
                .any(|(r, o)| fits(r) && of.as_ref().is_none_or(|x| x == o))
            {
                return Some(p.clone());
            }
        }
        let of = of?;
        let Some(date) = self.date else {
            // an undated article: the one person it names, anywhere in it, who held the office
            // at some time (وزير الخارجية السعودي … الجبير)
            let named: BTreeSet<&str> = self
                .mentions
                .iter()
                .filter_map(|m| match m.kind {
                    MentionKind::Entity(e)
                        if self.dict.entities[e as usize].kind == Kind::Person =>
                    {
                        Some(self.dict.entities[e as usize].id.as_str())
                    }
                    _ => None,
                })
                .filter(|p| self.dict_roles_of(p).any(|r| fits(&r.role) && r.of == of))
                .collect();
            return (named.len() == 1).then(|| named.into_iter().next().unwrap().to_string());
        };
        let holders = self.dict.holders(&role, &of, &date);
        (holders.len() == 1).then(|| holders[0].to_string())
    }

    /// True when mention `mi` stands right after a verbal noun (a trigger that is a bare noun:
    /// زيارة، لقاء، تصريحات). The lexicon reports the noun just before the word after it, so
    /// only the few mentions before `mi` are looked at.
    fn after_verbal_noun(&self, mi: usize) -> bool {
        let first = self.mentions[mi].first;
        self.mentions[..mi].iter().rev().take(4).any(|t| {
            t.last == first
                && matches!(t.kind, MentionKind::Trigger(ti)
                    if self.dict.triggers[ti as usize].aspect == crate::dictionary::Aspect::Noun)
        })
    }

    /// The person named last before a mention in its own sentence (the clause's subject).
    fn person_before_in_sentence(&self, m: &Mention) -> Option<String> {
        self.recent
            .iter()
            .rev()
            .find(|(i, _)| {
                self.mentions[*i].sentence == m.sentence && self.mentions[*i].last <= m.first
            })
            .map(|(_, p)| p.clone())
    }

    fn last_persons(&self, n: usize, before: usize, prefer: &dyn Fn(&str) -> bool) -> Vec<String> {
        let mut distinct: Vec<String> = Vec::new();
        for (mi, p) in self.recent.iter().rev() {
            if self.mentions[*mi].first >= before {
                continue;
            }
            if !distinct.contains(p) {
                distinct.push(p.clone());
            }
        }
        let preferred: Vec<String> = distinct
            .iter()
            .filter(|p| prefer(p))
            .take(n)
            .cloned()
            .collect();
        if preferred.len() == n {
            return preferred;
        }
        distinct.into_iter().take(n).collect()
    }

    fn run(mut self) -> DocFacts {
        let mut order: Vec<usize> = (0..self.mentions.len()).collect();
        order.sort_by_key(|&i| (self.mentions[i].first, self.mentions[i].last));
        for &mi in &order {
            let m = &self.mentions[mi];
            match &m.kind {
                MentionKind::Entity(e) => {
                    let surface = self.a.surface(m.first, m.last);
                    let id = self.note_entity(*e as usize, Some(surface));
                    if self.dict.entities[*e as usize].kind == Kind::Person {
                        self.resolved.insert(mi, vec![id.clone()]);
                        self.push_recent(mi, id);
                        self.record_title_role(mi);
                    } else if self.dict.entities[*e as usize].kind == Kind::Organization {
                        // an organization can be a party to an event (وفد من حركة حماس)
                        self.resolved.insert(mi, vec![id]);
                    }
                }
                MentionKind::NewPerson { name } => {
                    // the text the name covers (see Analysis::name_span)
                    let surface = if (m.start, m.end) == self.a.span(m.first, m.last) {
                        self.a.surface(m.first, m.last)
                    } else {
                        clean_surface(self.a.original(m.start, m.end))
                    };
                    let id = match self.resolve_new_person(mi, name) {
                        Some(id) => {
                            let idx = self.dict.position(&id).unwrap();
                            self.note_entity(idx, Some(surface))
                        }
                        None => {
                            // an earlier person of this document with the same name, or whose
                            // name this one begins or ends (الرئيس هادي = عبدربه منصور هادي)
                            let key = translit::name_key(name);
                            match self.earlier_person_named(&key) {
                                Some(p) if self.dict.get(&p).is_some() => {
                                    let idx = self.dict.position(&p).unwrap();
                                    self.note_entity(idx, Some(surface))
                                }
                                Some(p) => {
                                    let f = self.entities.get_mut(&p).unwrap();
                                    f.mentions += 1;
                                    if f.aliases.insert(surface.clone()) {
                                        self.new_aliases.push((p.clone(), surface));
                                    }
                                    p
                                }
                                // one word that is no given name, and no earlier person's
                                // name: a news text names a new person in full first, so
                                // this is a common word read as a name (الرئيس نسبيا،
                                // الفريق ثمار، قال مستطردا), not a person
                                None if !name.contains(' ')
                                    && !self.dict.given_names.contains(name.as_str()) =>
                                {
                                    continue;
                                }
                                None => self.note_new_person(name, surface),
                            }
                        }
                    };
                    self.resolved.insert(mi, vec![id.clone()]);
                    self.push_recent(mi, id);
                    self.record_title_role(mi);
                }
                MentionKind::NewOrganization { name, country } => {
                    let surface = self.a.surface(m.first, m.last);
                    let id = self.note_new_organization(name, *country, Some(surface));
                    self.resolved.insert(mi, vec![id]);
                }
                MentionKind::Title {
                    holder: None,
                    title,
                    ..
                } if self.dict.titles[*title as usize].kind != TitleKind::Honorific => {
                    if let Some(p) = self.resolve_role_ref(mi) {
                        // the person is named by office only: still an entity of this document
                        if let Some(idx) = self.dict.position(&p) {
                            self.note_entity(idx, None);
                            if let Some(f) = self.entities.get_mut(&p) {
                                f.mentions += 1;
                            }
                        }
                        self.resolved.insert(mi, vec![p.clone()]);
                        self.push_recent(mi, p.clone());
                        if let Some((role, Some(of))) = self.title_role(mi) {
                            self.push_role(&p, &role, &of, m.sentence);
                        }
                    }
                }
                MentionKind::Cue(c) => {
                    let cue = self.dict.cues[*c as usize].cue.as_str();
                    match cue {
                        "latter" => {
                            if let Some((_, p)) = self
                                .recent
                                .iter()
                                .rev()
                                .find(|(i, _)| self.mentions[*i].last <= m.first)
                            {
                                self.resolved.insert(mi, vec![p.clone()]);
                            }
                        }
                        "pronoun" => {
                            // له، معه: the person named last before, other than the clause's
                            // subject; but له right after a verbal noun is its possessor, the
                            // person named last (قال فلان في زيارة له إلى …: his visit)
                            let subject_before = self.person_before_in_sentence(m);
                            let possessive = matches!(self.a.word(m.first), "له" | "لها")
                                && self.after_verbal_noun(mi);
                            let other = self
                                .recent
                                .iter()
                                .rev()
                                .filter(|(i, _)| self.mentions[*i].last <= m.first)
                                .map(|(_, p)| p)
                                .find(|p| possessive || Some(*p) != subject_before.as_ref());
                            if let Some(p) = other {
                                self.resolved.insert(mi, vec![p.clone()]);
                            }
                        }
                        "leaders3" | "leaders4" => {
                            let n = if cue == "leaders3" { 3 } else { 4 };
                            let prefer = |p: &str| {
                                self.roles_of(p)
                                    .iter()
                                    .any(|(r, _)| HEAD_ROLES.contains(&r.as_str()))
                            };
                            // the leaders named before, other than the one who is said to meet them
                            let subject = self.person_before_in_sentence(m);
                            let mut people = self.last_persons(n + 1, m.first, &prefer);
                            people.retain(|p| Some(p) != subject.as_ref() && prefer(p));
                            people.truncate(n);
                            if people.len() == n {
                                self.resolved.insert(mi, people);
                            }
                        }
                        "dual" | "dual_ministers" => {
                            let ministers = cue == "dual_ministers";
                            let prefer = |p: &str| {
                                self.roles_of(p).iter().any(|(r, _)| {
                                    if ministers {
                                        r.contains("minister") && r != "prime minister"
                                    } else {
                                        HEAD_ROLES.contains(&r.as_str())
                                    }
                                })
                            };
                            let two = self.last_persons(2, m.first, &prefer);
                            if two.len() == 2 {
                                self.resolved.insert(mi, two);
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        // places and countries named anywhere, organizations too
        let events = self.events();
        let mut roles = std::mem::take(&mut self.roles);
        // offices the dictionary knows the persons of this document held that day
        if let Some(d) = self.date {
            let persons: Vec<String> = self
                .order
                .iter()
                .filter(|id| self.entities[*id].kind == Kind::Person)
                .cloned()
                .collect();
            for p in persons {
                for r in self.dict_roles_of(&p).filter(|r| r.held_on(&d)) {
                    roles.push(RoleFact {
                        person: p.clone(),
                        role: local_role(&r.role, &r.of),
                        of: r.of.clone(),
                        evidence: None,
                    });
                }
            }
        }
        // every role target, every event's place and every place's country is an entity of
        // the graph (an event's place named by an adjective, العاصمة الروسية, is nowhere else)
        let targets: Vec<String> = roles
            .iter()
            .map(|r| r.of.clone())
            .chain(events.iter().filter_map(|e| e.place.clone()))
            .collect();
        for t in targets {
            if let Some(idx) = self.dict.position(&t) {
                self.note_entity(idx, None);
            }
        }
        let withins: Vec<String> = self
            .entities
            .values()
            .filter_map(|e| e.within.clone())
            .collect();
        for w in withins {
            if let Some(idx) = self.dict.position(&w) {
                self.note_entity(idx, None);
            }
        }
        let mut seen = std::collections::HashSet::new();
        roles.retain(|r| {
            seen.insert((
                r.person.clone(),
                r.role.clone(),
                r.of.clone(),
                r.evidence.is_some(),
            ))
        });
        // a textual role makes the dictionary's same role redundant
        let textual: std::collections::HashSet<(String, String, String)> = roles
            .iter()
            .filter(|r| r.evidence.is_some())
            .map(|r| (r.person.clone(), r.role.clone(), r.of.clone()))
            .collect();
        roles.retain(|r| {
            r.evidence.is_some()
                || !textual.contains(&(r.person.clone(), r.role.clone(), r.of.clone()))
        });
        let source = self.source();
        let doc = self.a.doc;
        // (each id is in `order` once: the facts are moved out, not copied)
        let mut by_id = std::mem::take(&mut self.entities);
        let entities = self
            .order
            .iter()
            .filter_map(|id| by_id.remove(id))
            .collect();
        DocFacts {
            document: match self.hash.take() {
                Some(hash) => DocumentInfo {
                    hash,
                    ..document_info_unhashed(doc, source)
                },
                None => document_info(doc, source),
            },
            entities,
            roles,
            events,
        }
    }

    fn push_role(&mut self, person: &str, role: &str, of: &str, sentence: usize) {
        if role.is_empty() || role == "head" {
            return;
        }
        let role = &local_role(role, of);
        // "the minister" adds nothing to "the foreign minister" of the same country
        if role == "minister"
            && self
                .roles_of(person)
                .iter()
                .any(|(r, o)| r.ends_with(" minister") && o == of)
        {
            return;
        }
        let ev = self.evidence(sentence);
        self.roles.push(RoleFact {
            person: person.to_string(),
            role: role.to_string(),
            of: of.to_string(),
            evidence: Some(ev),
        });
    }

    /// Records the roles that the titles naming a person's mention give them: each office
    /// (السفير بدر عبد العاطي، المتحدث باسم وزارة الخارجية: ambassador and spokesperson).
    fn record_title_role(&mut self, mi: usize) {
        let titles = self.titles_of_holder(mi).to_vec();
        let Some(&first_title) = titles.first() else {
            return;
        };
        let name_end = self.mentions[mi].last;
        for (k, ti) in titles.into_iter().enumerate() {
            // the first office, and those set right after the name (… بدر عبد العاطي، المتحدث
            // باسم …); a further title before the name is one of a chain the first stands for
            // (of the same country or organization as the first, when both name one: رئيس
            // إقليم كردستان مسعود بارزاني وزير الخارجية القطري is a reception, not two offices)
            let first = self.mentions[ti].first;
            let right_after = first == name_end
                || (first == name_end + 1 && matches!(self.a.word(name_end), "،" | ","));
            let of = |t: usize| match self.mentions[t].kind {
                MentionKind::Title { of, .. } => of,
                _ => None,
            };
            let agrees = match (of(first_title), of(ti)) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            if k == 0 || (right_after && agrees) {
                self.record_one_title_role(mi, ti);
            }
        }
    }

    /// Records the role one title gives the person of mention `mi`.
    fn record_one_title_role(&mut self, mi: usize, ti: usize) {
        let tm = &self.mentions[ti];
        let MentionKind::Title { former, .. } = tm.kind else {
            return;
        };
        if former {
            return;
        }
        let Some((role, of)) = self.title_role(ti) else {
            return;
        };
        let person = self.resolved[&mi][0].clone();
        let of = of.or_else(|| {
            // وزير الخارجية عادل الجبير: the country the dictionary says they served
            let d = self.date;
            let mut c = self
                .dict
                .roles_of(&person)
                .filter(|r| r.role == role && d.is_none_or(|d| r.held_on(&d)))
                .map(|r| r.of.clone());
            c.next()
        });
        if let Some(of) = of {
            self.push_role(&person, &role, &of, tm.sentence);
        }
    }

    fn source(&mut self) -> Option<String> {
        let doc = self.a.doc;
        let spans: Vec<(usize, usize)> = doc
            .source_span
            .into_iter()
            .chain(doc.dateline.as_ref().map(|d| d.span))
            .collect();
        for (s, e) in spans {
            let found = self.mentions.iter().find_map(|m| match m.kind {
                MentionKind::Entity(i)
                    if m.start >= s
                        && m.end <= e
                        && self.dict.entities[i as usize].kind == Kind::Organization =>
                {
                    Some(self.dict.entities[i as usize].id.clone())
                }
                _ => None,
            });
            if found.is_some() {
                return found;
            }
        }
        None
    }

    fn ids(&self, mi: usize) -> Vec<String> {
        self.resolved.get(&mi).cloned().unwrap_or_default()
    }

    fn events(&mut self) -> Vec<EventFact> {
        let mut out = EventList::default();
        for m in self.mentions {
            let MentionKind::Event(ev) = &m.kind else {
                continue;
            };
            let mut args: Vec<(Relation, String)> = Vec::new();
            for (rel, mi) in &ev.args {
                for id in self.ids(*mi) {
                    if !args.iter().any(|(_, x)| *x == id) {
                        args.push((*rel, id));
                    }
                }
            }
            let distinct: BTreeSet<&str> = args.iter().map(|(_, x)| x.as_str()).collect();
            let ok = match ev.event_type.as_str() {
                "statement" => !args.is_empty(),
                "visit" => {
                    args.iter().any(|(r, _)| *r == Relation::Guest)
                        && (ev.place.is_some() || distinct.len() >= 2)
                }
                _ => distinct.len() >= 2,
            };
            if !ok {
                continue;
            }
            let place = ev.place.and_then(|pi| match self.mentions[pi].kind {
                // (العاصمة الروسية: in that country, its capital unnamed)
                MentionKind::Entity(e) | MentionKind::Nationality(e) => {
                    Some(self.dict.entities[e as usize].id.clone())
                }
                _ => None,
            });
            let date = match ev.date.map(|di| &self.mentions[di].kind) {
                Some(MentionKind::Date {
                    start,
                    end,
                    inferred,
                }) => Some(DateFact {
                    start: *start,
                    end: *end,
                    inferred: *inferred,
                }),
                _ if ev.date_from_publication => self
                    .a
                    .doc
                    .dateline
                    .as_ref()
                    .and_then(|d| d.date)
                    .or(self.a.doc.published)
                    .map(|d| DateFact {
                        start: d,
                        end: None,
                        inferred: true,
                    }),
                _ => None,
            };
            let fact = EventFact {
                event_type: ev.event_type.clone(),
                code: ev.code.clone(),
                args,
                place,
                place_from_dateline: ev.place_from_dateline,
                date,
                modality: ev.modality,
                evidence: vec![self.evidence(m.sentence)],
            };
            out.add(fact);
        }
        out.events
    }
}

/// Adds an event to a list, merging it with one that tells the same event.
pub fn merge_into(events: &mut Vec<EventFact>, fact: EventFact) {
    if fact.event_type != "statement" {
        if let Some(e) = events.iter_mut().find(|e| tells_same_event(e, &fact)) {
            for ev in absorb(e, fact) {
                if !e.evidence.contains(&ev) {
                    e.evidence.push(ev);
                }
            }
            return;
        }
    }
    events.push(fact);
}

/// True when `e` and `fact` tell the same event: the same family of event, the same persons,
/// and dates, places and modality that agree. (A statement is never merged.)
fn tells_same_event(e: &EventFact, fact: &EventFact) -> bool {
    let dates_agree = match (&e.date, &fact.date) {
        (Some(a), Some(b)) => a.start.compatible(&b.start),
        _ => true,
    };
    let places_agree = match (&e.place, &fact.place) {
        (Some(a), Some(b)) => a == b || e.place_from_dateline || fact.place_from_dateline,
        _ => true,
    };
    e.family() == fact.family()
        && e.persons() == fact.persons()
        && dates_agree
        && places_agree
        && e.modality == fact.modality
}

/// Takes into `e` the date and place `fact` tells better, and gives back `fact`'s evidence for
/// the caller to add where `e` lacks it.
fn absorb(e: &mut EventFact, fact: EventFact) -> Vec<Evidence> {
    if e.date.is_none()
        || e.date.is_some_and(|d| d.inferred) && fact.date.is_some_and(|d| !d.inferred)
    {
        e.date = fact.date.or(e.date);
    }
    if e.place.is_none()
        || (e.place_from_dateline && fact.place.is_some() && !fact.place_from_dateline)
    {
        e.place = fact.place;
        e.place_from_dateline = fact.place_from_dateline;
    }
    fact.evidence
}

/// The events of one document, as [`merge_into`] makes them, with an index of the events by
/// family and persons and a set of each merged event's evidence, so that a long document (a
/// whole book, thousands of sentences) is not compared event by event and evidence by
/// evidence.
#[derive(Default)]
struct EventList {
    events: Vec<EventFact>,
    /// (family, persons) → the events with them, in order.
    by_people: HashMap<(String, Vec<String>), Vec<usize>>,
    /// The evidence of each event merged with another, as a set.
    evidence_sets: HashMap<usize, std::collections::HashSet<Evidence>>,
}

impl EventList {
    /// [`merge_into`] this list.
    fn add(&mut self, fact: EventFact) {
        if fact.event_type == "statement" {
            self.events.push(fact);
            return;
        }
        let key = (
            fact.family().to_string(),
            fact.persons()
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>(),
        );
        let candidates = self.by_people.entry(key).or_default();
        // the first event in order that tells the same one, as merge_into finds it
        if let Some(&i) = candidates
            .iter()
            .find(|&&i| tells_same_event(&self.events[i], &fact))
        {
            let e = &mut self.events[i];
            let seen = self
                .evidence_sets
                .entry(i)
                .or_insert_with(|| e.evidence.iter().cloned().collect());
            for ev in absorb(e, fact) {
                if seen.insert(ev.clone()) {
                    e.evidence.push(ev);
                }
            }
            return;
        }
        candidates.push(self.events.len());
        self.events.push(fact);
    }
}

/// The office's own name where a country names it differently, with the generic role kept:
/// the United States' foreign minister is its "secretary of state (foreign minister)".
pub fn local_role(role: &str, of: &str) -> String {
    let local = match (role, of) {
        ("foreign minister", "country:united-states") => "secretary of state",
        ("defence minister", "country:united-states") => "secretary of defense",
        ("foreign minister", "country:united-kingdom") => "foreign secretary",
        ("defence minister", "country:united-kingdom") => "defence secretary",
        _ => return role.to_string(),
    };
    format!("{local} ({role})")
}

/// True when a name key equals another, or is its first or last words (at least three letters
/// for a single word). Last words right after بن (not the first word) are not a part: they
/// name the father (محمد بن سلمان is not سلمان).
pub fn part_of_name(part: &str, full: &str) -> bool {
    if part == full {
        return true;
    }
    let words = |s: &str| s.bytes().filter(|&b| b == b' ').count() + 1;
    let p = words(part);
    if p >= words(full) || (p == 1 && part.chars().count() < 3) {
        return false;
    }
    // the first or last words of `full`: `part` and a space, or a space and `part`
    let (n, m) = (full.len(), part.len());
    (full.starts_with(part) && full.as_bytes().get(m) == Some(&b' '))
        || (full.ends_with(part)
            && n > m
            && full.as_bytes()[n - m - 1] == b' '
            && !after_patronymic(&full[..n - m - 1]))
}

/// True when the last word of `head` (a name key's words before some last words) says "son
/// of", and is not its first word.
fn after_patronymic(head: &str) -> bool {
    head.rsplit_once(' ')
        .is_some_and(|(_, before)| patronymic_keys().iter().any(|p| p == before))
}

/// Indexes a name key of entity `id`: the key itself, and each run of its first words and of
/// its last words (up to a space), as a proper part of it (see [`part_of_name`]). A run of last
/// words right after بن (bin, ibn, bint) is not indexed: it names the father (سلمان of محمد
/// بن سلمان is not Mohammed), where the last words of other names are the family's name
/// (هادي of عبدربه منصور هادي).
fn index_name_runs(runs: &mut HashMap<String, Vec<(std::rc::Rc<str>, bool)>>, id: &str, key: &str) {
    let id: std::rc::Rc<str> = std::rc::Rc::from(id);
    let mut add = |run: &str, proper: bool| {
        let entry = (std::rc::Rc::clone(&id), proper);
        match runs.get_mut(run) {
            Some(v) => v.push(entry),
            None => {
                runs.insert(run.to_string(), vec![entry]);
            }
        }
    };
    add(key, false);
    for (i, _) in key.match_indices(' ') {
        add(&key[..i], true);
        // (never the first word: بان of بان كي مون has the key of بن)
        if !after_patronymic(&key[..i]) {
            add(&key[i + 1..], true);
        }
    }
}

/// The name keys of the words that say "son of" or "daughter of" (بن، ابن، بنت، bin, ibn…).
fn patronymic_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<String> = ["بن", "ابن", "بنت", "bin", "ibn", "bint", "ben"]
            .iter()
            .map(|w| translit::name_key(&normalize(w)))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    })
}

/// The entities with a name key that `key` is part of ([`part_of_name`]), from the runs
/// [`index_name_runs`] made (an entity may come more than once).
fn named_by<'n>(
    runs: &'n HashMap<String, Vec<(std::rc::Rc<str>, bool)>>,
    key: &str,
) -> impl Iterator<Item = &'n str> {
    // (a one-word part of under three letters is too weak to name anyone)
    let weak = !key.contains(' ') && key.chars().count() < 3;
    runs.get(key)
        .into_iter()
        .flatten()
        .filter(move |(_, proper)| !(*proper && weak))
        .map(|(id, _)| &**id)
}

/// The id of an organization found by the shape of its name.
pub fn new_organization_id(name: &str) -> String {
    format!("organization:{}", name.replace(' ', "-"))
}

/// The graph's record of a document.
pub fn document_info(doc: &Document, source: Option<String>) -> DocumentInfo {
    DocumentInfo {
        hash: content_hash(&doc.text),
        ..document_info_unhashed(doc, source)
    }
}

/// [`document_info`] with an empty hash, for a caller that has it.
fn document_info_unhashed(doc: &Document, source: Option<String>) -> DocumentInfo {
    DocumentInfo {
        id: doc.id.clone(),
        title: doc.title.clone(),
        published: doc.published,
        source,
        language: doc.language.clone(),
        origin: doc.origin.clone(),
        url: doc.url.clone(),
        hash: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::part_of_name;
    use super::{merge_into, DateFact, EventFact, EventList, Evidence};
    use crate::document::PartialDate;
    use crate::extract::{Modality, Relation};
    use std::sync::Arc;

    #[test]
    fn a_short_form_is_the_first_and_last_part_of_three() {
        use super::short_form as short;
        assert_eq!(short("علي عبد الله صالح"), Some(("علي صالح".into(), true)));
        assert_eq!(
            short("عبد ربه منصور هادي"),
            Some(("عبد ربه هادي".into(), true))
        );
        assert_eq!(
            short("ali abdullah saleh"),
            Some(("ali saleh".into(), true))
        );
        // a nasab, a family name with the article, a kunya: the pair is held, never used
        assert_eq!(short("محمد بن سلمان"), Some(("محمد سلمان".into(), false)));
        assert_eq!(
            short("محمد صباح السالم"),
            Some(("محمد السالم".into(), false))
        );
        assert_eq!(
            short("abu bakr al-baghdadi"),
            Some(("abu al-baghdadi".into(), false))
        );
        // four parts: held, so that it keeps a three-part name's short form ambiguous
        assert_eq!(
            short("جورج هربرت ووكر بوش"),
            Some(("جورج بوش".into(), false))
        );
        assert_eq!(short("باراك أوباما"), None);
    }

    #[test]
    fn the_indexed_event_list_merges_as_merge_into_does() {
        // facts from every mix of type, persons, date, place and modality, told in several
        // sentences, some more than once
        let sentence = |i: usize| Evidence {
            doc: Arc::from("d"),
            start: 10 * i,
            end: 10 * i + 9,
            text: Arc::from(format!("s{i}").as_str()),
        };
        let day = |m: u8, d: Option<u8>| DateFact {
            start: PartialDate {
                year: Some(2024),
                month: Some(m),
                day: d,
            },
            end: None,
            inferred: d.is_none(),
        };
        let mut facts = Vec::new();
        let mut n = 0usize;
        for event_type in ["meet", "talks", "visit", "statement"] {
            for persons in [&["a", "b"][..], &["b", "a"], &["a"], &["a", "c"]] {
                for date in [
                    None,
                    Some(day(5, None)),
                    Some(day(5, Some(3))),
                    Some(day(6, Some(1))),
                ] {
                    for (place, from_dateline) in
                        [(None, false), (Some("x"), false), (Some("y"), true)]
                    {
                        for modality in [Modality::Asserted, Modality::Planned] {
                            n += 1;
                            facts.push(EventFact {
                                event_type: event_type.to_string(),
                                code: "040".to_string(),
                                args: persons
                                    .iter()
                                    .map(|p| (Relation::Participant, p.to_string()))
                                    .collect(),
                                place: place.map(String::from),
                                place_from_dateline: from_dateline,
                                date,
                                modality,
                                evidence: vec![sentence(n % 7), sentence(n % 5)],
                            });
                        }
                    }
                }
            }
        }
        // shuffled the same way for both
        let mut seed = 3usize;
        for i in (1..facts.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            facts.swap(i, (seed >> 33) % (i + 1));
        }
        let mut plain = Vec::new();
        let mut indexed = EventList::default();
        for f in facts {
            merge_into(&mut plain, f.clone());
            indexed.add(f);
        }
        assert!(plain.len() < n, "some facts merge");
        assert_eq!(format!("{:?}", indexed.events), format!("{plain:?}"));
    }

    /// The definition by word lists.
    fn reference(part: &str, full: &str) -> bool {
        if part == full {
            return true;
        }
        let p: Vec<&str> = part.split(' ').collect();
        let f: Vec<&str> = full.split(' ').collect();
        if p.len() >= f.len() || (p.len() == 1 && p[0].chars().count() < 3) {
            return false;
        }
        // last words after بن (not the first word) name the father
        let k = f.len() - p.len();
        let bin = super::translit::name_key("بن");
        f.starts_with(&p) || (f.ends_with(&p) && !(k >= 2 && f[k - 1] == bin))
    }

    /// Name keys of one and two words, empty and doubled spaces among them.
    fn test_names() -> Vec<String> {
        let words = [
            "",
            "ab",
            "abd",
            "hadi",
            "mansur",
            "abd rabbuh",
            "hadi hadi",
            " ",
        ];
        // a son of: the key of بن inside names, and as a first word (بان كي مون)
        let bin = super::translit::name_key("بن");
        let words: Vec<String> = words
            .iter()
            .map(|w| w.to_string())
            .chain([
                format!("muhammad {bin} salman"),
                format!("{bin} ki"),
                format!("{bin} ki mun"),
                format!("abd {bin}"),
            ])
            .collect();
        words
            .iter()
            .flat_map(|a| words.iter().map(move |b| format!("{a} {b}")))
            .chain(words.iter().map(|w| w.to_string()))
            .collect()
    }

    #[test]
    fn the_name_runs_find_what_part_of_name_finds() {
        use super::{index_name_runs, named_by};
        let names = test_names();
        let mut runs = foldhash::HashMap::default();
        for (i, n) in names.iter().enumerate() {
            index_name_runs(&mut runs, &format!("e{i}"), n);
        }
        for key in &names {
            let mut found: Vec<&str> = named_by(&runs, key).collect();
            found.sort();
            found.dedup();
            let mut expected: Vec<String> = (0..names.len())
                .filter(|&i| part_of_name(key, &names[i]))
                .map(|i| format!("e{i}"))
                .collect();
            expected.sort();
            assert_eq!(found, expected, "{key:?}");
        }
    }

    #[test]
    fn part_of_name_is_a_run_of_first_or_last_words() {
        let names = test_names();
        for part in &names {
            for full in &names {
                assert_eq!(
                    part_of_name(part, full),
                    reference(part, full),
                    "{part:?} in {full:?}"
                );
            }
        }
        assert!(part_of_name("hadi", "abd rabbuh mansur hadi"));
        assert!(!part_of_name("ab", "ab hadi"));
    }
}
