//! The dictionaries of `data/`: entities, nationality adjectives, dated roles, titles, event
//! triggers and cue words. Loaded once, validated, and reported with `file:line` when wrong.

pub mod lexicon;

pub use lexicon::{Hit, Lexicon};

use crate::document::PartialDate;
use crate::error::{Error, Result};
use crate::normalize::normalize;
use std::path::Path;

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Person,
    /// A sovereign state or a territory treated as one.
    Country,
    /// An organization, agency, institution, armed group.
    Organization,
    /// A city, region or other place that is not a country.
    Place,
    /// Anything else (initiatives, treaties…).
    Other,
}

impl Kind {
    /// Parses `person`, `country`, `organization`, `place`, `other`.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "person" => Kind::Person,
            "country" => Kind::Country,
            "organization" => Kind::Organization,
            "place" => Kind::Place,
            "other" => Kind::Other,
            _ => return None,
        })
    }

    /// The contract's name of the kind.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Country => "country",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Other => "other",
        }
    }
}

/// One named entity of the dictionary.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Stable id (`person:vladimir-putin`).
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// Canonical English name.
    pub en: String,
    /// Canonical Arabic name.
    pub ar: String,
    /// Other names and spellings.
    pub aliases: Vec<String>,
    /// The id of the country or place it lies in.
    pub within: Option<String>,
    /// ISO code or acronym.
    pub code: Option<String>,
    /// `file:line` it was read from.
    pub origin: String,
}

impl Entity {
    /// Every name of the entity: English, Arabic, aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.en.as_str(), self.ar.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .filter(|s| !s.is_empty())
    }
}

/// An office held by a person between two dates.
#[derive(Debug, Clone)]
pub struct RoleRecord {
    /// Person id.
    pub person: String,
    /// Role in English lower case.
    pub role: String,
    /// Country or organization id.
    pub of: String,
    /// First day in office, if known.
    pub from: Option<PartialDate>,
    /// Last day in office; `None` while held.
    pub to: Option<PartialDate>,
}

impl RoleRecord {
    /// True when the office was held on `date` (partial dates compare by what they know).
    pub fn held_on(&self, date: &PartialDate) -> bool {
        let key = |d: &PartialDate, fill: u8| {
            (
                d.year.unwrap_or(0),
                d.month.unwrap_or(fill),
                d.day.unwrap_or(if fill == 1 { 1 } else { 31 }),
            )
        };
        let Some(_) = date.year else { return false };
        let lo = key(date, 1);
        let hi = key(date, 12);
        let after_start = self.from.map(|f| key(&f, 1) <= hi).unwrap_or(true);
        let before_end = self.to.map(|t| lo <= key(&t, 12)).unwrap_or(true);
        after_start && before_end
    }
}

/// A nationality adjective of a country.
#[derive(Debug, Clone)]
pub struct Demonym {
    /// Country id.
    pub country: String,
    /// Masculine singular adjective without the article.
    pub adjective: String,
    /// Broken plurals for the people.
    pub plural: Vec<String>,
}

/// How a title relates to the person it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// Names an office (president, foreign minister).
    Office,
    /// Marks a person without giving a role (sheikh, doctor).
    Honorific,
    /// A counterpart: takes the role of the person it refers to (نظيره).
    Counterpart,
}

/// A title or role cue.
#[derive(Debug, Clone)]
pub struct Title {
    /// The phrase as written.
    pub title: String,
    /// English role, empty for honorifics and counterparts.
    pub role: String,
    /// What kind of cue.
    pub kind: TitleKind,
    /// The country or organization the title itself names, if any.
    pub of: Option<String>,
    /// True when the title is written with the article and so only matches words that have it.
    pub needs_article: bool,
}

/// The argument frame of an event trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Host and guest (استقبل).
    HostGuest,
    /// Symmetric participants (التقى، بحث، اتصال).
    Participants,
    /// A guest and a destination (زار).
    GuestPlace,
    /// An inviter and an invitee (دعا).
    InviterInvitee,
    /// A speaker (قال).
    Speaker,
    /// A gathering that brings persons together (تجمع القمة X وY): all are participants.
    Gathering,
}

/// Tense or part of speech of a trigger form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    /// Perfect verb.
    Past,
    /// Imperfect verb.
    Present,
    /// Future (سيزور).
    Future,
    /// Verbal noun (لقاء، زيارة).
    Noun,
    /// Verbal noun with a possessive pronoun (لقائه): its possessor is an antecedent.
    NounPronoun,
}

impl Aspect {
    /// True for the aspects of a verb (not of a verbal noun).
    pub fn is_verb(self) -> bool {
        matches!(self, Aspect::Past | Aspect::Present | Aspect::Future)
    }
}

/// A word form that tells of an event.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The form as written.
    pub form: String,
    /// `meet`, `talks`, `visit`, `call`, `invite`, `statement`.
    pub event_type: String,
    /// CAMEO code.
    pub code: String,
    /// Argument frame.
    pub frame: Frame,
    /// Tense or part of speech.
    pub aspect: Aspect,
}

/// A cue word for modality, time, anaphora or argument structure.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The form as written.
    pub form: String,
    /// What it signals (`planned`, `possible`, `negated`, `today`, `with`, …).
    pub cue: String,
}

/// All dictionaries, loaded and validated.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// Named entities.
    pub entities: Vec<Entity>,
    /// Offices with dates.
    pub roles: Vec<RoleRecord>,
    /// Nationality adjectives.
    pub demonyms: Vec<Demonym>,
    /// Titles and role cues.
    pub titles: Vec<Title>,
    /// Event triggers.
    pub triggers: Vec<Trigger>,
    /// Cue words.
    pub cues: Vec<Cue>,
    /// Words that never belong to a person's name (normalised).
    pub stopwords: foldhash::HashSet<String>,
    /// Known given names (normalised).
    pub given_names: foldhash::HashSet<String>,
    /// The capital city of a country: country id → place id.
    pub capitals: foldhash::HashMap<String, String>,
    index: foldhash::HashMap<String, usize>,
}

/// The files shipped in `data/`, embedded in the binary: (name, content).
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "data/entities/countries.tsv",
        include_str!("../../data/entities/countries.tsv"),
    ),
    (
        "data/entities/places.tsv",
        include_str!("../../data/entities/places.tsv"),
    ),
    (
        "data/entities/cities.tsv",
        include_str!("../../data/entities/cities.tsv"),
    ),
    (
        "data/entities/organizations.tsv",
        include_str!("../../data/entities/organizations.tsv"),
    ),
    (
        "data/entities/organizations-more.tsv",
        include_str!("../../data/entities/organizations-more.tsv"),
    ),
    (
        "data/entities/persons.tsv",
        include_str!("../../data/entities/persons.tsv"),
    ),
    (
        "data/entities/persons-notable.tsv",
        include_str!("../../data/entities/persons-notable.tsv"),
    ),
    ("data/demonyms.tsv", include_str!("../../data/demonyms.tsv")),
    ("data/capitals.tsv", include_str!("../../data/capitals.tsv")),
    ("data/roles.tsv", include_str!("../../data/roles.tsv")),
    ("data/titles.tsv", include_str!("../../data/titles.tsv")),
    ("data/triggers.tsv", include_str!("../../data/triggers.tsv")),
    ("data/cues.tsv", include_str!("../../data/cues.tsv")),
    (
        "data/stopwords.tsv",
        include_str!("../../data/stopwords.tsv"),
    ),
    ("data/nonnames.tsv", include_str!("../../data/nonnames.tsv")),
    (
        "data/given_names.tsv",
        include_str!("../../data/given_names.tsv"),
    ),
];

const ENTITY_HEADER: &[&str] = &["id", "kind", "en", "ar", "aliases", "within", "code"];
const ROLE_HEADER: &[&str] = &["person", "role", "of", "from", "to"];
const DEMONYM_HEADER: &[&str] = &["country", "adjective", "plural"];
const TITLE_HEADER: &[&str] = &["title", "role", "kind", "of"];
const TRIGGER_HEADER: &[&str] = &["form", "event_type", "code", "frame", "aspect"];
const CUE_HEADER: &[&str] = &["form", "cue"];
const STOPWORD_HEADER: &[&str] = &["word"];
const GIVEN_NAME_HEADER: &[&str] = &["given_name"];
const CAPITAL_HEADER: &[&str] = &["country", "capital"];

fn list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn opt(cell: &str) -> Option<String> {
    let c = cell.trim();
    (!c.is_empty()).then(|| c.to_string())
}

impl Dictionary {
    /// The dictionaries shipped with newsgraph.
    pub fn builtin() -> Result<Self> {
        let mut d = Dictionary::default();
        for (name, content) in BUILTIN_FILES {
            d.add_tsv(name, content)?;
        }
        d.check_references()?;
        Ok(d)
    }

    /// Adds a user's dictionary file; its kind is told by its header line.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        if path.is_dir() {
            return Err(Error::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let origin = path.display().to_string();
        let text = crate::read::decode_utf8(bytes, &origin)?;
        self.add_tsv(&origin, &text)?;
        self.check_references()
    }

    /// Adds the rows of one TSV file (`name` is used in error messages).
    pub fn add_tsv(&mut self, name: &str, content: &str) -> Result<()> {
        let mut rows = content
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((hline, header)) = rows.next() else {
            return Err(Error::Dictionary {
                file: name.into(),
                line: 1,
                reason: "no header line: the file holds no rows".into(),
            });
        };
        let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
        let bad = |line: usize, reason: String| Error::Dictionary {
            file: name.into(),
            line,
            reason,
        };
        let schema: &[&str] = match cols.as_slice() {
            c if c == ENTITY_HEADER => ENTITY_HEADER,
            c if c == ROLE_HEADER => ROLE_HEADER,
            c if c == DEMONYM_HEADER => DEMONYM_HEADER,
            c if c == TITLE_HEADER => TITLE_HEADER,
            c if c == TRIGGER_HEADER => TRIGGER_HEADER,
            c if c == CUE_HEADER => CUE_HEADER,
            c if c == STOPWORD_HEADER => STOPWORD_HEADER,
            c if c == GIVEN_NAME_HEADER => GIVEN_NAME_HEADER,
            c if c == CAPITAL_HEADER => CAPITAL_HEADER,
            _ => {
                return Err(bad(
                    hline,
                    format!(
                        "unknown header {:?}; expected one of: entities ({}), roles ({}), demonyms ({}), titles ({}), triggers ({}), cues ({}), stopwords ({}), given names ({}), capitals ({})",
                        header,
                        ENTITY_HEADER.join(" "),
                        ROLE_HEADER.join(" "),
                        DEMONYM_HEADER.join(" "),
                        TITLE_HEADER.join(" "),
                        TRIGGER_HEADER.join(" "),
                        CUE_HEADER.join(" "),
                        STOPWORD_HEADER.join(" "),
                        GIVEN_NAME_HEADER.join(" "),
                        CAPITAL_HEADER.join(" ")
                    ),
                ))
            }
        };
        for (line, row) in rows {
            let cells: Vec<&str> = row.split('\t').collect();
            if cells.len() != schema.len() {
                return Err(bad(
                    line,
                    format!(
                        "expected {} tab-separated columns ({}), found {}",
                        schema.len(),
                        schema.join(", "),
                        cells.len()
                    ),
                ));
            }
            let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
            let required = |i: usize| -> Result<&str> {
                if cells[i].is_empty() {
                    Err(bad(line, format!("column '{}' is empty", schema[i])))
                } else {
                    Ok(cells[i])
                }
            };
            let date = |i: usize| -> Result<Option<PartialDate>> {
                if cells[i].is_empty() {
                    return Ok(None);
                }
                PartialDate::parse(cells[i]).map(Some).ok_or_else(|| {
                    bad(
                        line,
                        format!(
                            "column '{}': {:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                            schema[i], cells[i]
                        ),
                    )
                })
            };
            if schema == ENTITY_HEADER {
                let id = required(0)?;
                let kind = Kind::parse(required(1)?).ok_or_else(|| {
                    bad(
                        line,
                        format!(
                            "kind {:?} is not one of person, country, organization, place, other",
                            cells[1]
                        ),
                    )
                })?;
                let prefix = format!("{}:", kind.as_str());
                if !id.starts_with(&prefix) || id.len() == prefix.len() {
                    return Err(bad(
                        line,
                        format!("id {id:?} must start with {prefix:?} and name the entity"),
                    ));
                }
                if cells[2].is_empty() && cells[3].is_empty() {
                    return Err(bad(
                        line,
                        "an entity needs an English or an Arabic name".into(),
                    ));
                }
                if self.index.contains_key(id) {
                    let first = &self.entities[self.index[id]].origin;
                    return Err(bad(
                        line,
                        format!("id {id:?} is already defined at {first}"),
                    ));
                }
                self.index.insert(id.to_string(), self.entities.len());
                self.entities.push(Entity {
                    id: id.to_string(),
                    kind,
                    en: cells[2].to_string(),
                    ar: cells[3].to_string(),
                    aliases: list(cells[4]),
                    within: opt(cells[5]),
                    code: opt(cells[6]),
                    origin: format!("{name}:{line}"),
                });
            } else if schema == ROLE_HEADER {
                let from = date(3)?;
                let to = date(4)?;
                if let (Some(f), Some(t)) = (from, to) {
                    if f.to_string() > t.to_string() {
                        return Err(bad(
                            line,
                            format!("the role ends ({t}) before it starts ({f})"),
                        ));
                    }
                }
                self.roles.push(RoleRecord {
                    person: required(0)?.to_string(),
                    role: required(1)?.to_lowercase(),
                    of: required(2)?.to_string(),
                    from,
                    to,
                });
            } else if schema == DEMONYM_HEADER {
                self.demonyms.push(Demonym {
                    country: required(0)?.to_string(),
                    adjective: required(1)?.to_string(),
                    plural: list(cells[2]),
                });
            } else if schema == TITLE_HEADER {
                let kind = match required(2)? {
                    "office" => TitleKind::Office,
                    "honorific" => TitleKind::Honorific,
                    "counterpart" => TitleKind::Counterpart,
                    k => {
                        return Err(bad(
                            line,
                            format!("title kind {k:?} is not office, honorific or counterpart"),
                        ))
                    }
                };
                if kind == TitleKind::Office && cells[1].is_empty() {
                    return Err(bad(line, "an office title needs a role".into()));
                }
                let title = required(0)?.to_string();
                let needs_article = normalize(&title).starts_with("ال");
                self.titles.push(Title {
                    title,
                    role: cells[1].to_lowercase(),
                    kind,
                    of: opt(cells[3]),
                    needs_article,
                });
            } else if schema == TRIGGER_HEADER {
                let frame = match required(3)? {
                    "host_guest" => Frame::HostGuest,
                    "participants" => Frame::Participants,
                    "guest_place" => Frame::GuestPlace,
                    "inviter_invitee" => Frame::InviterInvitee,
                    "speaker" => Frame::Speaker,
                    "gathering" => Frame::Gathering,
                    f => return Err(bad(line, format!("frame {f:?} is not host_guest, participants, guest_place, inviter_invitee, speaker or gathering"))),
                };
                let aspect = match required(4)? {
                    "past" => Aspect::Past,
                    "present" => Aspect::Present,
                    "future" => Aspect::Future,
                    "noun" => Aspect::Noun,
                    "noun_pronoun" => Aspect::NounPronoun,
                    a => {
                        return Err(bad(
                            line,
                            format!(
                                "aspect {a:?} is not past, present, future, noun or noun_pronoun"
                            ),
                        ))
                    }
                };
                let event_type = required(1)?;
                if !["meet", "talks", "visit", "call", "invite", "statement"].contains(&event_type)
                {
                    return Err(bad(line, format!("event type {event_type:?} is not meet, talks, visit, call, invite or statement")));
                }
                self.triggers.push(Trigger {
                    form: required(0)?.to_string(),
                    event_type: event_type.to_string(),
                    code: cells[2].to_string(),
                    frame,
                    aspect,
                });
            } else if schema == CUE_HEADER {
                self.cues.push(Cue {
                    form: required(0)?.to_string(),
                    cue: required(1)?.to_string(),
                });
            } else if schema == GIVEN_NAME_HEADER {
                self.given_names.insert(normalize(required(0)?));
            } else if schema == CAPITAL_HEADER {
                self.capitals
                    .insert(required(0)?.to_string(), required(1)?.to_string());
            } else {
                self.stopwords.insert(normalize(required(0)?));
            }
        }
        Ok(())
    }

    /// Checks that every id a row refers to exists.
    pub fn check_references(&self) -> Result<()> {
        let missing = |what: &str, id: &str| Error::Dictionary {
            file: "dictionaries".into(),
            line: 0,
            reason: format!("{what} refers to the unknown entity id {id:?}"),
        };
        for e in &self.entities {
            if let Some(w) = &e.within {
                if !self.index.contains_key(w) {
                    return Err(Error::Dictionary {
                        file: e.origin.clone(),
                        line: 0,
                        reason: format!("'within' names the unknown id {w:?}"),
                    }
                    .with_origin());
                }
            }
        }
        for r in &self.roles {
            if !self.index.contains_key(&r.person) {
                return Err(missing(&format!("role {:?}", r.role), &r.person));
            }
            if !self.index.contains_key(&r.of) {
                return Err(missing(
                    &format!("role {:?} of {}", r.role, r.person),
                    &r.of,
                ));
            }
        }
        for t in &self.titles {
            if let Some(of) = &t.of {
                if !self.index.contains_key(of) {
                    return Err(missing(&format!("title {:?}", t.title), of));
                }
            }
        }
        for d in &self.demonyms {
            if !self.index.contains_key(&d.country) {
                return Err(missing(&format!("demonym {:?}", d.adjective), &d.country));
            }
        }
        // (sorted, so that the first bad row is always the one reported)
        let mut capitals: Vec<(&String, &String)> = self.capitals.iter().collect();
        capitals.sort();
        for (country, city) in capitals {
            for id in [country, city] {
                if !self.index.contains_key(id) {
                    return Err(missing(&format!("the capital of {country}"), id));
                }
            }
        }
        Ok(())
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&i| &self.entities[i])
    }

    /// The index of the entity with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The offices of a person.
    pub fn roles_of<'a>(&'a self, person: &'a str) -> impl Iterator<Item = &'a RoleRecord> + 'a {
        self.roles.iter().filter(move |r| r.person == person)
    }

    /// The persons who held `role` of `of` on `date`.
    pub fn holders(&self, role: &str, of: &str, date: &PartialDate) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .roles
            .iter()
            .filter(|r| r.role == role && r.of == of && r.held_on(date))
            .map(|r| r.person.as_str())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Error {
    fn with_origin(self) -> Self {
        // `file:line` origins of entities are already in `file`; split them for the message.
        match self {
            Error::Dictionary { file, reason, .. } => {
                let (f, l) = file.rsplit_once(':').unwrap_or((&file, "0"));
                Error::Dictionary {
                    file: f.to_string(),
                    line: l.parse().unwrap_or(0),
                    reason,
                }
            }
            e => e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_rows_with_file_and_line() {
        let mut d = Dictionary::default();
        let err = d
            .add_tsv(
                "x.tsv",
                "id\tkind\ten\tar\taliases\twithin\tcode\nperson:a\tperson\tA\n",
            )
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("x.tsv:2: expected 7 tab-separated columns"),
            "{err}"
        );
        let err = d
            .add_tsv(
                "y.tsv",
                "# c\nperson\trole\tof\tfrom\tto\np\tpresident\tc\t2020-13-01\t\n",
            )
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("y.tsv:3: column 'from'"), "{err}");
        let err = d.add_tsv("z.tsv", "a\tb\n").unwrap_err().to_string();
        assert!(err.starts_with("z.tsv:1: unknown header"), "{err}");
    }

    #[test]
    fn rejects_duplicate_ids_and_wrong_prefixes() {
        let mut d = Dictionary::default();
        let h = "id\tkind\ten\tar\taliases\twithin\tcode\n";
        let err = d
            .add_tsv("a.tsv", &format!("{h}place:x\tcountry\tX\t\t\t\t\n"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("must start with \"country:\""), "{err}");
        d.add_tsv("a.tsv", &format!("{h}place:x\tplace\tX\t\t\t\t\n"))
            .unwrap();
        let err = d
            .add_tsv("b.tsv", &format!("{h}place:x\tplace\tX\t\t\t\t\n"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("already defined at a.tsv:2"), "{err}");
    }

    #[test]
    fn roles_are_held_between_their_dates() {
        let r = RoleRecord {
            person: "p".into(),
            role: "foreign minister".into(),
            of: "c".into(),
            from: PartialDate::parse("2023-07-25"),
            to: None,
        };
        assert!(r.held_on(&PartialDate::parse("2023-09-20").unwrap()));
        assert!(r.held_on(&PartialDate::parse("2023-07").unwrap()));
        assert!(!r.held_on(&PartialDate::parse("2023-06-30").unwrap()));
        assert!(!r.held_on(&PartialDate::parse("--09-20").unwrap()));
    }
}
