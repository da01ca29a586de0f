//! The event extractor: meetings, receptions, talks, visits, calls, invitations and statements.
//!
//! For each trigger (see `data/triggers.tsv`) it finds, inside the sentence:
//! - the subject: before a verb when an actor stands right before it (`بوتين قد يستقبل`), else
//!   right after it (verb-first order, `استقبل الملك ...`), else the nearest actor before; for a
//!   verbal noun the actor right after it (`زيارة الرئيس الصيني`), and for a noun with a
//!   possessive pronoun (`لقائه`) the actor it refers back to;
//! - the objects: the actors after the trigger up to the clause's end (the next trigger, a colon,
//!   a quote, a subordinate clause);
//! - the place (`في موسكو`, `إلى موسكو`, `لموسكو`), the date, and the modality from cue words
//!   (`قد يستقبل` possible, `لم يلتق` negated, `من المقرر` planned, an invitation `لزيارة` planned).
//!
//! Actors are persons (dictionary or found by titles), role-only references (`الرئيس الصيني`),
//! and anaphors (`الأخير`, `الزعيمان`); the resolver turns them into entities.

use super::{Analysis, EventMention, Extractor, Mention, MentionKind, Modality, Relation};
use crate::dictionary::{Aspect, Frame, Kind, TitleKind};
use crate::segment::TokenKind;

/// Occasions an invitation invites to, as token keys (normalised, without clitics or article):
/// attending, taking part, a banquet, a ceremony, a conference, a summit, a visit…
const INVITED_TO: &[&str] = &[
    "حضور",
    "مشاركه",
    "المشاركه",
    "مادبه",
    "حفل",
    "احتفال",
    "مراسم",
    "مؤتمر",
    "موتمر",
    "قمه",
    "منتدي",
    "ملتقي",
    "افتتاح",
    "عشاء",
    "غداء",
    "اجتماع",
    "زياره",
    "زيارتهم",
    "زيارتها",
    "زيارته",
    "لقاء",
    "attend",
    "visit",
    "join",
    "summit",
    "talks",
    "meeting",
    "dinner",
    "conference",
    "ceremony",
];

/// Nouns of places named after a person (lexicon keys): the person named right after one, or
/// after one and a title (شارع الملك عبدالله), is the place's namesake, not someone who acts.
/// (Not طريق: عن طريق is "by way of"; not قصر: قصر الرئيس is where the president receives.)
const FACILITY_HEADS: &[&str] = &[
    "قاعه",
    "شارع",
    "ميدان",
    "ساحه",
    "جسر",
    "ملعب",
    "استاد",
    "مسجد",
];

/// Finds events.
pub struct EventExtractor;

#[derive(Debug, Clone, Copy)]
struct Actor {
    mention: usize,
    first: usize,
    last: usize,
}

/// The invitation last told in a sentence, for the visit it invites to.
#[derive(Clone, Copy)]
struct InviteContext {
    /// The token after the invitation and its first argument.
    end: usize,
    inviter: Option<usize>,
    invitee: Option<usize>,
    /// The first token of the word that answers it (تلبية، استجابة), when one does.
    answered: Option<usize>,
}

struct Sentence<'m> {
    actors: Vec<Actor>,
    places: Vec<(usize, &'m Mention)>,
    dates: Vec<(usize, &'m Mention)>,
    cues: Vec<(&'m str, &'m Mention)>,
    triggers: Vec<(usize, &'m Mention)>,
    /// Where a clause may end, sorted (see [`EventExtractor::clause_end_with`]): with
    /// relative clauses, then without.
    stops: [Vec<usize>; 2],
}

impl Sentence<'_> {
    /// True when a cue of this name starts at the token (دعوة من: `from` right after it).
    fn cue_starts_at(&self, name: &str, tok: usize) -> bool {
        self.cues.iter().any(|(c, m)| *c == name && m.first == tok)
    }

    /// True when a cue of this name ends right before the token (إلى جيرو: `to` before it).
    fn cue_ends_at(&self, name: &str, tok: usize) -> bool {
        self.cues.iter().any(|(c, m)| *c == name && m.last == tok)
    }
}

fn cue_name<'d>(a: &'d Analysis<'_>, m: &Mention) -> Option<&'d str> {
    match m.kind {
        MentionKind::Cue(c) => Some(a.dict.cues[c as usize].cue.as_str()),
        _ => None,
    }
}

impl EventExtractor {
    /// A clause boundary: a colon, quote, bracket or semicolon, or a comma before a word with
    /// the conjunction و (`، وأكد`), which starts a coordinate clause.
    fn is_boundary_punct(a: &Analysis<'_>, tok: usize) -> bool {
        if a.seg.tokens[tok].kind != TokenKind::Punct {
            return false;
        }
        match a.word(tok) {
            "(" => !Self::short_brackets(a, tok, tok + 1..(tok + 5).min(a.seg.tokens.len()), ")"),
            ")" => !Self::short_brackets(a, tok, tok.saturating_sub(4)..tok, "("),
            ":" | "\"" | "؛" | ";" => true,
            // … from King Hamad, and King Abdullah: a list goes on when و joins a name or a
            // title; an unknown word or a verb after it starts a new clause
            "،" | "," => a.seg.tokens.get(tok + 1).is_some_and(|t| {
                t.kind == TokenKind::Word && t.sentence == a.seg.tokens[tok].sentence && {
                    let w = a.word(tok + 1);
                    let key = a.key(tok + 1);
                    let known = a.lexicon.knows(key) && !a.lexicon.is_trigger_key(key);
                    let joins_a_name = a.keys[tok + 1].prefix_len > 0 && known;
                    // وزير، وفد، وكالة: a known word whose و is its own first letter, no
                    // conjunction (استقبل الملك …، وزير الدفاع …: the object after the subject)
                    let own_waw = a.keys[tok + 1].prefix_len == 0 && known;
                    // …، بل وصل الأمر: a conjunction of contrast starts another clause
                    // (لكنه، لكنها go on with the same subject)
                    let contrast = matches!(w, "بل" | "لكن");
                    // …، وبينهم الرئيس فلان: a list of those met goes on
                    let among = matches!(w, "وبينهم" | "ومنهم" | "وبينهما" | "ومنهما");
                    contrast
                        || (w.starts_with('و')
                            && w.chars().count() > 3
                            && !joins_a_name
                            && !own_waw
                            && !among)
                }
            }),
            _ => false,
        }
    }

    /// True when the bracket at `tok` and its partner `other`, searched in `range` (the four
    /// tokens on that side), close a date's gloss in the same sentence: a weekday (اليوم
    /// (الأربعاء))، a month's other name (أغسطس (آب)، كانون الثاني), or numbers. Such a gloss
    /// holds no clause, so it does not part a verb from its object; other brackets do.
    fn short_brackets(
        a: &Analysis<'_>,
        tok: usize,
        range: std::ops::Range<usize>,
        other: &str,
    ) -> bool {
        let sentence = a.seg.tokens[tok].sentence;
        let Some(partner) = range.clone().find(|&t| a.word(t) == other) else {
            return false;
        };
        let inside = if partner > tok {
            tok + 1..partner
        } else {
            partner + 1..tok
        };
        let words: Vec<&str> = inside.clone().map(|t| a.word(t)).collect();
        !inside.is_empty()
            && inside.clone().all(|t| {
                let t = &a.seg.tokens[t];
                t.kind != TokenKind::Punct && t.sentence == sentence
            })
            && a.seg.tokens[partner].sentence == sentence
            && (inside
                .clone()
                .all(|t| a.seg.tokens[t].kind == TokenKind::Number)
                || crate::extract::dates::is_calendar_name(&words.join(" ")))
    }

    /// The sentence's actors, places, dates, cues and triggers. `in_order` holds the indices of
    /// the mentions of the sentence, in order (so that a long document is not scanned whole for
    /// each of its sentences).
    fn collect<'m>(
        a: &'m Analysis<'_>,
        mentions: &'m [Mention],
        in_order: &[usize],
        sentence: usize,
        first: usize,
        last: usize,
    ) -> Sentence<'m> {
        let mut s = Sentence {
            actors: vec![],
            places: vec![],
            dates: vec![],
            cues: vec![],
            triggers: vec![],
            stops: [vec![], vec![]],
        };
        let in_sentence =
            |m: &Mention| m.sentence == sentence && m.first >= first && m.last <= last;
        // titles that name a holder extend the holder's actor span backwards
        let mut title_start: std::collections::HashMap<usize, usize> =
            std::collections::HashMap::new();
        let here = || {
            in_order
                .iter()
                .map(|&i| (i, &mentions[i]))
                .filter(|(_, m)| in_sentence(m))
        };
        // a delegation's word stands before the organization it speaks for
        let mut delegations: Vec<usize> = Vec::new();
        for (_, m) in here() {
            if let MentionKind::Title {
                holder: Some(h), ..
            } = m.kind
            {
                let e = title_start.entry(h).or_insert(m.first);
                *e = (*e).min(m.first);
            }
            if cue_name(a, m) == Some("delegation") {
                delegations.push(m.first);
            }
        }
        for (i, m) in here() {
            let person = match m.kind {
                MentionKind::Entity(e) => a.dict.entities[e as usize].kind == Kind::Person,
                MentionKind::NewPerson { .. } => true,
                _ => false,
            };
            if person {
                // the actor's span starts at the title that names them
                let first = title_start.get(&i).map_or(m.first, |&t| t.min(m.first));
                // (a person a street or a hall is named after is no actor: قاعة روزفلت)
                let namesake = first > 0 && FACILITY_HEADS.contains(&a.key(first - 1));
                if !namesake {
                    s.actors.push(Actor {
                        mention: i,
                        first,
                        last: m.last,
                    });
                }
                continue;
            }
            if organization_mention(a, m) {
                // وفد من حركة حماس، قيادة «حماس»: the organization is a party, through the
                // group that stands for it (and the span starts at the group's word)
                if let Some(&head) = delegations
                    .iter()
                    .rev()
                    .find(|&&d| d < m.first && delegation_of(a, d, m.first))
                {
                    s.actors.push(Actor {
                        mention: i,
                        first: head,
                        last: m.last,
                    });
                }
                continue;
            }
            match &m.kind {
                MentionKind::Entity(e) => match a.dict.entities[*e as usize].kind {
                    Kind::Place | Kind::Country => s.places.push((i, m)),
                    _ => {}
                },
                MentionKind::Title {
                    title,
                    holder: None,
                    ..
                } => {
                    let t = &a.dict.titles[*title as usize];
                    if t.kind != TitleKind::Honorific {
                        // a title chained to a following one that names the person is not an actor
                        s.actors.push(Actor {
                            mention: i,
                            first: m.first,
                            last: m.last,
                        });
                    }
                }
                MentionKind::Cue(c) => {
                    let cue = a.dict.cues[*c as usize].cue.as_str();
                    s.cues.push((cue, m));
                    if matches!(
                        cue,
                        "dual"
                            | "dual_ministers"
                            | "pronoun"
                            | "leaders3"
                            | "leaders4"
                            | "honorific_pronoun"
                    ) {
                        s.actors.push(Actor {
                            mention: i,
                            first: m.first,
                            last: m.last,
                        });
                    }
                    if cue == "latter" && m.first > 0 {
                        // the latter is an argument only right after a trigger or a preposition
                        let prev = m.first - 1;
                        let after_trigger = mentions.iter().any(|o| {
                            o.last == m.first && matches!(o.kind, MentionKind::Trigger(_))
                        });
                        let after_prep = mentions.iter().any(|o| {
                            o.last == prev + 1
                                && matches!(cue_name(a, o), Some("with" | "from" | "to"))
                        });
                        if after_trigger || after_prep || a.keys[m.first].prefix_len > 0 {
                            s.actors.push(Actor {
                                mention: i,
                                first: m.first,
                                last: m.last,
                            });
                        }
                    }
                }
                MentionKind::Nationality(_) if m.first > 0 && a.key(m.first - 1) == "عاصمه" => {
                    // العاصمة الأردنية: the capital of that country
                    s.places.push((i, m))
                }
                MentionKind::Date { .. } => s.dates.push((i, m)),
                MentionKind::Trigger(_) => s.triggers.push((i, m)),
                _ => {}
            }
        }
        s.actors.sort_by_key(|x| (x.first, x.last));
        s.dates.sort_by_key(|(_, m)| (m.first, m.last));
        s.places.sort_by_key(|(_, m)| (m.first, m.last));
        // العاصمة اليمنية صنعاء: the city named after the adjective is the place
        let starts: Vec<usize> = s.places.iter().map(|(_, m)| m.first).collect();
        s.places.retain(|(_, m)| {
            !matches!(m.kind, MentionKind::Nationality(_)) || !starts.contains(&m.last)
        });
        s.stops = [true, false].map(|relative| Self::clause_stops(a, &s, relative));
        // an actor inside another actor's span (a title's holder already counted) is dropped
        let keep = not_inside_another(&s.actors);
        let mut k = keep.iter();
        s.actors.retain(|_| k.next().copied().unwrap_or(true));
        s
    }

    /// The end of the clause that starts after `from`: the next trigger, a colon or quote, a
    /// subordinate clause, or the sentence's end.
    fn clause_end(a: &Analysis<'_>, s: &Sentence<'_>, from: usize, sentence_end: usize) -> usize {
        Self::clause_end_with(a, s, from, sentence_end, true)
    }

    /// The tokens where a clause of the sentence ends (before the boundary punctuation): its
    /// triggers and its subordinating cues, sorted; with `relative` false, a relative clause
    /// (الذي، التي) does not end it, and for a date a verbal noun (القمة، الزيارة) does not.
    fn clause_stops(a: &Analysis<'_>, s: &Sentence<'_>, relative: bool) -> Vec<usize> {
        // the tokens right after a cue of this name
        let after_cue = |name: &str| -> std::collections::HashSet<usize> {
            s.cues
                .iter()
                .filter(|(c, _)| *c == name)
                .map(|(_, m)| m.last)
                .collect()
        };
        // nor does a verbal noun after خلال: سيلتقي خلال الزيارة الملك عبد الله الثاني
        let during = after_cue("during");
        // nor a verbal noun after لدى, which tells when (كان في استقباله لدى وصوله …)
        let upon = after_cue("at");
        let mut stops: Vec<usize> = s
            .triggers
            .iter()
            .filter(|(_, t)| {
                let aspect = match t.kind {
                    MentionKind::Trigger(ti) => Some(a.dict.triggers[ti as usize].aspect),
                    _ => None,
                };
                let noun = aspect == Some(Aspect::Noun);
                let verbal_noun = noun || aspect == Some(Aspect::NounPronoun);
                !(verbal_noun && upon.contains(&t.first))
                    && (!noun || (relative && !during.contains(&t.first)))
            })
            .map(|(_, t)| t.first)
            .chain(
                s.cues
                    .iter()
                    .filter(|(cue, _)| *cue == "clause" || (relative && *cue == "relative"))
                    .map(|(_, m)| m.first),
            )
            .collect();
        stops.sort_unstable();
        stops
    }

    /// The clause's end; with `relative` false, a relative clause (الذي، التي) does not end it.
    fn clause_end_with(
        a: &Analysis<'_>,
        s: &Sentence<'_>,
        from: usize,
        sentence_end: usize,
        relative: bool,
    ) -> usize {
        // the first stop at or after `from`
        let stops = &s.stops[usize::from(!relative)];
        let end = stops
            .get(stops.partition_point(|&t| t < from))
            .map_or(sentence_end, |&t| t.min(sentence_end));
        for tok in from..end {
            if Self::is_boundary_punct(a, tok) {
                return tok;
            }
        }
        end
    }

    /// True when an invitation trigger invites to something: a visit, a meeting, talks or a
    /// gathering told right after it (دعاه لزيارة موسكو، دعوة للمشاركة في القمة), or, for an
    /// invitation answered (تلبية لدعوة، استجابة لدعوة، بدعوة من), the visit or meeting it
    /// answers told before it in the sentence (وصل إلى الرياض في زيارة تلبية لدعوة من …).
    /// دعا and دعوة alone are as often a call for something (دعا إلى وقف إطلاق النار).
    fn invites_to_something(
        a: &Analysis<'_>,
        s: &Sentence<'_>,
        tm: &Mention,
        sentence_end: usize,
    ) -> bool {
        // (the words of the persons invited, with their titles, do not count)
        const REACH: usize = 8;
        let occasion = |m: &Mention| {
            matches!(m.kind, MentionKind::Trigger(t)
                if !matches!(a.dict.triggers[t as usize].frame, Frame::Speaker | Frame::InviterInvitee))
        };
        let mut reach_end = tm.last;
        let mut counted = 0;
        while reach_end < sentence_end && counted < REACH {
            if !s
                .actors
                .iter()
                .any(|x| x.first <= reach_end && reach_end < x.last)
            {
                counted += 1;
            }
            reach_end += 1;
        }
        let window = tm.last..reach_end;
        let event_after = s
            .triggers
            .iter()
            .any(|(_, m)| window.contains(&m.first) && occasion(m));
        let occasion_after = window.clone().any(|t| {
            let key = a.key(t);
            INVITED_TO.contains(&key) || INVITED_TO.contains(&key.to_lowercase().as_str())
        });
        let first = tm.first;
        let from_after = s.cue_starts_at("from", tm.last);
        let answered = (first.saturating_sub(2)..first)
            .any(|t| matches!(a.key(t), "تلبيه" | "استجابه" | "بناء"))
            || (a.word(first).starts_with('ب') && from_after);
        let answers_an_event = answered
            && s.triggers
                .iter()
                .any(|(_, m)| m.last <= first && occasion(m));
        event_after || occasion_after || answers_an_event
    }

    fn crosses_boundary(a: &Analysis<'_>, from: usize, to: usize) -> bool {
        (from..to).any(|t| Self::is_boundary_punct(a, t))
    }
}

impl Extractor for EventExtractor {
    fn name(&self) -> &'static str {
        "events"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        let mut events: Vec<Mention> = Vec::new();
        let mut last_subject: Option<usize> = None;
        // the gender of the verb of saying that named `last_subject` (true: feminine), when
        // one did: a verb of the other gender with its subject dropped is someone else's
        let mut last_subject_feminine: Option<bool> = None;
        let dateline_place = a
            .doc
            .dateline
            .as_ref()
            .and_then(|d| d.place.as_deref())
            .map(crate::normalize::normalize);
        let dateline_mention = dateline_place.as_ref().and_then(|p| {
            out.iter().position(|m| {
                matches!(m.kind, MentionKind::Entity(e) if matches!(a.dict.entities[e as usize].kind, Kind::Place | Kind::Country))
                    && crate::normalize::normalize(a.original(m.start, m.end)) == *p
            })
        });
        let mut by_sentence = vec![Vec::new(); a.seg.sentences.len()];
        for (i, m) in out.iter().enumerate() {
            if let Some(v) = by_sentence.get_mut(m.sentence) {
                v.push(i);
            }
        }
        for (si, sent) in a.seg.sentences.iter().enumerate() {
            let s = Self::collect(a, out, &by_sentence[si], si, sent.first, sent.last);
            if s.triggers.is_empty() {
                // (an organization named in passing is no one's subject later: قادة الحوثيين)
                if let Some(x) = s.actors.iter().find(|x| !organization_actor(a, out, x)) {
                    last_subject = Some(x.mention);
                    last_subject_feminine = None;
                }
                continue;
            }
            let mut sentence_events: Vec<(usize, Mention)> = Vec::new();
            let mut invite_context: Option<InviteContext> = None;
            for &(_, tm) in &s.triggers {
                let MentionKind::Trigger(ti) = tm.kind else {
                    continue;
                };
                let trig = &a.dict.triggers[ti as usize];
                let end = Self::clause_end(a, &s, tm.last, sent.last);
                let before: Vec<&Actor> = s.actors.iter().filter(|x| x.last <= tm.first).collect();
                // بمناسبة …، بالتزامن مع وجود فلان: what follows tells the occasion, and those
                // named in it take no part
                let occasion = (tm.last..end).find(|&t| occasion_word(a.word(t)));
                let after: Vec<&Actor> = s
                    .actors
                    .iter()
                    .filter(|x| x.first >= tm.last && x.first < occasion.unwrap_or(end))
                    .collect();
                // جلالته، سموه: the honorific pronoun stands for the subject told of before
                let honorific = |m: usize| matches!(out[m].kind, MentionKind::Cue(c) if a.dict.cues[c as usize].cue == "honorific_pronoun");
                let standing = |x: &Actor| -> Actor {
                    if honorific(x.mention) {
                        Actor {
                            mention: last_subject.unwrap_or(x.mention),
                            ..*x
                        }
                    } else {
                        *x
                    }
                };
                let before: Vec<Actor> = before.iter().map(|x| standing(x)).collect();
                let after: Vec<Actor> = after.iter().map(|x| standing(x)).collect();
                let before: Vec<&Actor> = before.iter().collect();
                let after: Vec<&Actor> = after.iter().collect();
                let nearest_before = before
                    .iter()
                    .rev()
                    .find(|x| !Self::crosses_boundary(a, x.last, tm.first))
                    .copied();
                // an organization is the subject only when its delegation's word follows the
                // verb at once (وقال وفد الحركة, not وقال عضو وفد الحركة، فلان, nor وقال أمام
                // ممثلي الاتحاد), and a person named right after the verb comes first
                // (وفي تصريح لقيادات طالبان، قال الملا …)
                // (a person with ل or ب glued on is spoken to or of, no subject: وأشار
                // مساعدون لبايدن، اجتمع خلالها بالرئيس …)
                let right_after = after.first().copied().filter(|x| {
                    x.first - tm.last <= 2
                        && !counterpart_at(a, out, x.first)
                        && (!organization_actor(a, out, x) || x.first == tm.last)
                        && !(x.first > tm.last && {
                            // (the letter is the clitic when the name's mention leaves it out,
                            // لبايدن but not لبنى, or when the article follows it: بالرئيس)
                            let w = a.original_word(x.first);
                            let m = &out[x.mention];
                            let name = a.original(m.start, m.end);
                            let first = name.split_whitespace().next().unwrap_or(name);
                            (w.starts_with('ل') || w.starts_with('ب'))
                                && ((w != first && w.ends_with(first))
                                    || (a.keys[x.first].prefix_len > 0
                                        && a.keys[x.first].had_article))
                        })
                });
                // (nor one of a fronted phrase of time, set off by a comma, when a subject
                // follows the verb: قبل زيارة فابيوس، اتصل هولاند بروحاني)
                let comma_between = |x: &Actor| {
                    (x.last..tm.first).any(|t| matches!(a.word(t), "،" | ","))
                        && (x.first.saturating_sub(3).max(sent.first)..x.first).any(|t| {
                            let w = a.word(t);
                            TIME_LEADS.contains(&w.strip_prefix('و').unwrap_or(w))
                        })
                };
                let right_before = nearest_before.filter(|x| {
                    tm.first - x.last <= 2
                        && !((organization_actor(a, out, x) || comma_between(x))
                            && right_after.is_some())
                });
                // التقى نظيره …: a counterpart right after the verb is its object, and the
                // subject is the one told of before
                // the noun's possessor: right after it, or after an adjective or two with no
                // boundary between (الزيارة المرتقبة لخادم الحرمين)
                // (a ب-phrase is the noun's object, with whom: اتصال هاتفي برئيس الوزراء; so is
                // whoever follows a trigger that ends in من: تلقى اتصالا من …)
                let ends_with_from = trig.form.ends_with(" من");
                let directly_after = after
                    .first()
                    .copied()
                    .filter(|x| {
                        !ends_with_from
                            && (!a.original_word(x.first).starts_with('ب')
                                || a.keys[x.first].prefix_len == 0)
                    })
                    .filter(|x| {
                        x.first == tm.last
                            || (x.first - tm.last <= 2
                                && !Self::crosses_boundary(a, tm.last, x.first)
                                && (tm.last..x.first)
                                    .all(|t| a.keys[t].had_article && a.keys[t].prefix_len == 0))
                    });
                let verb = trig.aspect.is_verb();
                // a light verb before a verbal noun (أجرى X … اتصالاً، عقد X اجتماعاً) gives the noun
                // its subject: the actor right after the light verb, else the one before it
                // (searched back to the previous trigger, past the light verb's own subject and
                // its titles; its tense, below, counts only when it stands within 8 words)
                let light_verb: Option<(usize, Aspect)> = if verb {
                    None
                } else {
                    let prev = s
                        .triggers
                        .iter()
                        .filter(|(_, t)| t.last <= tm.first)
                        .map(|(_, t)| t.last)
                        .max()
                        .unwrap_or(sent.first);
                    let lo = tm.first.saturating_sub(24).max(sent.first).max(prev);
                    (lo..tm.first)
                        .rev()
                        .find_map(|t| light_verb_tense(a.word(t)).map(|asp| (t, asp)))
                };
                // اجتماعه مع الكتل السياسية بإقالة الوزير فلان، المفاوضات مع إيران منذ عهد فلان:
                // a meeting noun whose مع names a land, or a group before a word with ب or ل
                // (another complement), met no one named after it
                let with_unnamed = !verb
                    && s.cues.iter().any(|(c, m)| {
                        let w = m.last;
                        let next_actor = s
                            .actors
                            .iter()
                            .map(|x| x.first)
                            .filter(|&f| f >= w)
                            .min()
                            .unwrap_or(end);
                        *c == "with"
                            && (m.first == tm.last || m.first == tm.last + 1)
                            && w < end
                            && next_actor > w
                            && (s.places.iter().any(|(_, p)| p.first == w)
                                || (w + 1..next_actor.min(end)).any(|t| {
                                    // (بإقالة، لمناقشة، بتعيين: ب or ل before a verbal noun)
                                    let mut cs = a.original_word(t).chars();
                                    matches!(cs.next(), Some('ب' | 'ل'))
                                        && (a.keys[t].prefix_len > 0
                                            || matches!(
                                                cs.next(),
                                                Some('إ' | 'أ' | 'ا' | 'آ' | 'ت' | 'م')
                                            ))
                                }))
                    });
                let objects_after = if with_unnamed {
                    Vec::new()
                } else {
                    after.clone()
                };
                // a pro-dropped subject: the one of the clause or sentence before (وأكد خلال …)
                let dropped = Actor {
                    mention: last_subject.unwrap_or(usize::MAX),
                    first: 0,
                    last: 0,
                };
                // وتلقى الاتصالات من …: a verb of receiving with و and no subject of its own
                // continues the subject before (not وعقد، وبدأ, which as often have a thing
                // for subject: وبدأ الاجتماع)
                let light_dropped = light_verb.is_some_and(|(lv, _)| {
                    matches!(
                        a.word(lv),
                        "وتلقي" | "فتلقي" | "وتلقت" | "فتلقت" | "ويتلقي" | "وتتلقي"
                    ) && last_subject.is_some()
                        && !before.iter().any(|x| x.last > lv)
                });
                let light_subject: Option<&Actor> = light_verb.and_then(|(lv, _)| {
                    before
                        .iter()
                        .find(|x| x.first > lv && x.first <= lv + 3)
                        .or_else(|| {
                            // (not one a preposition leads: رسالة من الرئيس فلان وعقد لقاء …
                            // has the messenger hold the meeting)
                            before
                                .iter()
                                .rev()
                                .find(|x| x.last <= lv && lv - x.last <= 2)
                                .filter(|x| {
                                    !oblique(a, out, x.first)
                                        || s.cues.iter().any(|(c, m)| {
                                            *c == "relative" && m.first >= x.last && m.last <= lv
                                        })
                                })
                        })
                        .copied()
                        .or(light_dropped.then_some(&dropped))
                });
                // وأجرى بايدن وشي محادثات: the light verb's subjects joined by و all take part
                let light_cosubjects: Vec<&Actor> = match light_verb {
                    Some((lv, _)) => {
                        let mut joined: Vec<&Actor> = Vec::new();
                        for x in before.iter().filter(|x| x.first > lv) {
                            let follows = match joined.last() {
                                None => x.first <= lv + 3,
                                Some(prev) => {
                                    x.first == prev.last && a.word(x.first).starts_with('و')
                                }
                            };
                            if !follows {
                                break;
                            }
                            joined.push(x);
                        }
                        if joined.last().is_some_and(|x| x.last == tm.first) {
                            joined
                        } else {
                            Vec::new()
                        }
                    }
                    None => Vec::new(),
                };
                // English puts the subject before the verb: an actor after it is its object
                // (… will travel to Washington to meet President Biden), a word right before a
                // verb of saying is its subject (the State Department said), and he / she is
                // the person told of before
                let english = a.word(tm.first).is_ascii();
                // someone unnamed (or an institution) speaks: a verb of saying after it with no
                // subject of its own continues them, not the person named before
                let mut unnamed_speaker = false;
                let (subject, objects): (Option<&Actor>, Vec<&Actor>) = if verb && english {
                    let word_before = (tm.first > sent.first)
                        .then(|| tm.first - 1)
                        .filter(|&t| a.seg.tokens[t].kind == TokenKind::Word)
                        .map(|t| a.word(t));
                    let pronoun = word_before.is_some_and(|w| {
                        w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")
                    });
                    if let Some(x) = right_before {
                        (Some(x), after.clone())
                    } else if trig.frame == Frame::Speaker {
                        match word_before {
                            Some(_) if pronoun && last_subject.is_some() => {
                                (Some(&dropped), after.clone())
                            }
                            // said Blinken, "…," said the minister
                            None => (right_after, after.iter().skip(1).copied().collect()),
                            Some(_) => (None, Vec::new()),
                        }
                    } else {
                        (nearest_before, after.clone())
                    }
                } else if verb {
                    // الأدوية التي وصلت، فلان، الذي زار: right after a relative pronoun the verb's
                    // subject is what the pronoun stands for, and no one if that is no person
                    let relative = s
                        .cues
                        .iter()
                        .find(|(c, m)| *c == "relative" && m.last == tm.first)
                        .map(|(_, m)| m.first);
                    let antecedent = relative.and_then(|rel| {
                        before
                            .iter()
                            .rev()
                            .find(|x| {
                                x.last == rel
                                    || (x.last + 1 == rel && matches!(a.word(x.last), "،" | ","))
                            })
                            .copied()
                    });
                    // (things do not speak: الدول التي قال إنها … has the speaker told before)
                    let relative =
                        relative.filter(|_| antecedent.is_some() || trig.frame != Frame::Speaker);
                    if relative.is_some() {
                        (antecedent, after.clone())
                    } else if let Some(x) = right_before {
                        (Some(x), after.clone())
                    } else if right_after.is_some()
                        && after.len() == 1
                        && nearest_before.is_none()
                        && continues_clause(a, out, tm.first, si, last_subject)
                        && matches!(trig.frame, Frame::HostGuest | Frame::Participants)
                    {
                        // أعلن الملك …، واستقبل الرئيس الأسبق فلان: a verb joined by و to a clause
                        // of this sentence, with one person after it, has that clause's subject
                        // and the person for its object (a verb that needs one)
                        (Some(&dropped), after.clone())
                    } else if let Some(x) = right_after {
                        (Some(x), after[1..].to_vec())
                    } else if tm.last < sent.last
                        && ((a.keys[tm.last].had_article && !covered_by_mention(out, tm.last))
                            || (trig.frame == Frame::Speaker && institution_at(a, out, tm.last)))
                    {
                        // وتلتقي المساعي الروسية …: the subject is a thing, not a person; وقال
                        // البنتاغون، وأعلنت الخارجية الأميركية: an institution speaks, not the
                        // person of the sentence before (after يزور, a country is the place)
                        unnamed_speaker =
                            trig.frame == Frame::Speaker && institution_at(a, out, tm.last);
                        (None, Vec::new())
                    } else if trig.frame == Frame::Speaker
                        && (common_noun_subject(a, out, tm.last)
                            || unknown_name_subject(a, out, tm.last))
                    {
                        // وقال أحد العاملين، وقالت مصادر: someone unnamed speaks
                        unnamed_speaker = true;
                        (None, Vec::new())
                    } else if nearest_before.is_some() {
                        (nearest_before, after.clone())
                    } else if last_subject.is_some()
                        && a.keys[tm.first].prefix_len > 0
                        && !matches!(
                            (a.lexicon.speech_verb_feminine(ti), last_subject_feminine),
                            (Some(a), Some(b)) if a != b
                        )
                    {
                        // وأكد … with no subject of its own continues the previous one (not
                        // after a verb of the other gender: قال فلان … وأضافت is someone else)
                        (Some(&dropped), after.clone())
                    } else {
                        (None, after.clone())
                    }
                } else if trig.aspect == Aspect::NounPronoun || s.cue_ends_at("intent", tm.first) {
                    // زيارته، and أعلن عزمه التوجه إلى …: the pronoun stands for the subject
                    (nearest_before, objects_after)
                } else if let Some(x) = directly_after {
                    (Some(x), after[1..].to_vec())
                } else {
                    // a bare noun takes a subject only from close by (لافروف في لقاء مع …) or
                    // when "with" follows it
                    let with_follows = s
                        .cues
                        .iter()
                        .any(|(c, m)| *c == "with" && m.first >= tm.last && m.first <= tm.last + 1);
                    let during = s.cue_ends_at("during", tm.first);
                    // الاجتماعات بين كيري وظريف: whoever met is named after بين, and the one
                    // before the noun only speaks of it (ويهاجم فلان … الاجتماعات بين …)
                    let between_follows = s.cues.iter().any(|(c, m)| {
                        *c == "between" && m.first >= tm.last && m.first <= tm.last + 2
                    });
                    let close = nearest_before
                        .filter(|x| {
                            // (led by a preposition, it is another verb's object: رسالة من
                            // فلان وعقد لقاء، الإفراج عن فلان خلال اجتماع مع …)
                            let led = || oblique(a, out, x.first);
                            let verb_between = light_verb.is_some_and(|(lv, _)| lv >= x.last);
                            // (nor one before a clause of its own: قالت فلانة إن حزران التقى …
                            // خلال زيارات له)
                            let that_clause = || {
                                (x.last..tm.first).any(|t| {
                                    a.word(t) == "ان" && !s.actors.iter().any(|y| y.first == t + 1)
                                })
                            };
                            (tm.first - x.last <= 3 && !(verb_between && led()))
                                || ((with_follows || during) && !led() && !that_clause())
                        })
                        .filter(|_| !between_follows);
                    // بعد زيارة … إلى واشنطن، يصل الرئيس …: a fronted phrase's subject follows it
                    let fronted = close.is_none()
                        && (sent.first..tm.first).all(|t| {
                            a.seg.tokens[t].kind != TokenKind::Word
                                || TIME_LEADS.contains(&a.key(t))
                        });
                    let later = if fronted {
                        s.actors.iter().find(|x| x.first >= end)
                    } else {
                        None
                    };
                    (close.or(later), objects_after)
                };
                if unnamed_speaker {
                    last_subject = None;
                    last_subject_feminine = None;
                }
                // حضر اللقاء X وY: those who attended, not a meeting of its own
                let attended = !verb && tm.first > sent.first && {
                    let w = a.word(tm.first - 1);
                    let w = w.strip_prefix('و').unwrap_or(w);
                    w.starts_with("حضر") || w.starts_with("يحضر")
                };
                // في اتصال هاتفي أجرته معه «الشرق الأوسط»: an interview the newspaper made,
                // no call between persons
                let interview = !verb
                    && (tm.last..(tm.last + 3).min(sent.last)).any(|t| {
                        matches!(
                            a.word(t),
                            "اجرته" | "اجراه" | "اجرتها" | "اجراها" | "اجرتهم" | "اجراهم"
                        ) && t + 1 < sent.last
                            && matches!(a.word(t + 1), "معه" | "معها" | "معهم")
                    });
                // بحث عن رحلات: searched for something, no talks (with مع, بحث عن حلول مع
                // نظيره, it reads as talks)
                let searched = trig.form.starts_with("بحث")
                    && tm.last < sent.last
                    && a.word(tm.last) == "عن"
                    && !s
                        .cues
                        .iter()
                        .any(|(c, m)| *c == "with" && m.first > tm.last && m.last <= end);
                // قبل اللقاء مباشرة، بعد الاجتماع: a meeting told of before (on sports pages,
                // the match), whose parties are not named here unless مع or بين follows
                let referred_back = trig.aspect == Aspect::Noun
                    && a.keys[tm.first].had_article
                    && a.keys[tm.first].prefix_len == 0
                    && tm.first > sent.first
                    && {
                        let w = a.word(tm.first - 1);
                        let w = w.strip_prefix('و').unwrap_or(w);
                        TIME_LEADS.contains(&w) && !matches!(w, "خلال" | "اثناء")
                    }
                    && !(tm.last..(tm.last + 3).min(sent.last)).any(|t| {
                        s.cue_starts_at("with", t)
                            || s.cue_starts_at("between", t)
                            || s.cue_starts_at("relative", t)
                    });
                if attended || interview || searched || referred_back {
                    continue;
                }
                // لقاء ثلاثي يضم X وY: the meeting lists who took part
                let gathering_noun = !verb
                    && trig.frame == Frame::Participants
                    && (tm.last..(tm.last + 3).min(sent.last)).any(|t| {
                        matches!(
                            a.word(t),
                            "يضم" | "تضم" | "ضم" | "ضمت" | "جمع" | "جمعت" | "يجمع" | "تجمع"
                        )
                    });
                let (subject, objects) = if gathering_noun {
                    (light_subject, after.clone())
                } else {
                    (subject, objects)
                };
                let subject = subject.or(light_subject);
                // بعد مرور ساعة على بداية اللقاء، طالب …: a noun with no subject, set off by a
                // comma (after an adjective or two), names no one after it
                let objects = if !verb && subject.is_none() && comma_closes_noun(a, tm.last, end) {
                    Vec::new()
                } else {
                    objects
                };
                // التقى في القاعدة عددا من الوزراء، للقاء أي من القيادات: an unnamed group
                // after the trigger (or its subject), before anyone named, is whom it met, not
                // persons named further on (unless they are its members: عدد من المسؤولين،
                // ومن بينهم فلان)
                let group_from = subject
                    .filter(|x| x.first >= tm.last && x.first < end)
                    .map_or(tm.last, |x| x.last);
                let group_to = objects.first().map_or(end, |x| x.first);
                // (ضمن مجموعة الدول الست: within a group, not the one met)
                let objects = if (group_from..group_to)
                    .any(|t| quantity_word(a.word(t)) && (t == 0 || a.word(t - 1) != "ضمن"))
                    && !(group_from..group_to).any(|t| {
                        matches!(
                            a.word(t),
                            "بينهم" | "وبينهم" | "منهم" | "ومنهم" | "وهم" | "ابرزهم"
                        )
                    }) {
                    Vec::new()
                } else {
                    objects
                };
                let cues_near = |lo: usize, hi: usize| -> Vec<&str> {
                    s.cues
                        .iter()
                        .filter(|(_, m)| m.first >= lo && m.last <= hi)
                        .map(|(c, _)| *c)
                        .collect()
                };
                // modality
                let pre = cues_near(tm.first.saturating_sub(6).max(sent.first), tm.first);
                // a cancellation reaches further back: ألغى القمة التي كان من المقرر أن تجمع …
                let lookback = tm.first.saturating_sub(10).max(sent.first);
                let far_start = (lookback..tm.first)
                    .rev()
                    .find(|&tok| matches!(a.word(tok), "،" | "," | ";" | "؛"))
                    .map_or(lookback, |tok| tok + 1);
                let pre_far = cues_near(far_start, tm.first);
                let pre2 = cues_near(tm.first.saturating_sub(2).max(sent.first), tm.first);
                let post = cues_near(tm.last, end);
                // an announcing adjective right after the noun (الزيارة المرتقبة، القمة المقبلة)
                let mut post_near = cues_near(tm.last, (tm.last + 2).min(end));
                // … or after the noun's possessor and its titles: زيارة عادل الجبير وزير الخارجية
                // السعودي المرتقبة (an adjective with the article, not a verb further on)
                if !verb {
                    post_near.extend(
                        s.cues
                            .iter()
                            .filter(|(c, m)| {
                                *c == "planned"
                                    && m.first >= tm.last
                                    && m.last <= end
                                    && a.keys[m.first].had_article
                            })
                            .map(|(c, _)| *c),
                    );
                }
                // the tense that tells when: the trigger's own, or a light verb's before a verbal
                // noun (يعقد … مباحثات، أجرى اتصالا، يقوم بزيارة)
                // (or further, when its subjects reach the noun: وسيجري الوزير … ونظيره … محادثات)
                let tense = match light_verb {
                    Some((lv, aspect)) if tm.first - lv <= 8 || !light_cosubjects.is_empty() => {
                        aspect
                    }
                    _ => trig.aspect,
                };
                // a headline tells of the past in the present tense (… يستقبل …), and so does
                // an entry of a chronology that opens with its day (- 1 مارس: الرئيس يزور …)
                let chronicle = s
                    .dates
                    .first()
                    .is_some_and(|(_, d)| d.first <= sent.first + 2)
                    && (sent.first..(sent.first + 8).min(tm.first))
                        .any(|t| matches!(a.word(t), ":"));
                let headline = si == 0 || chronicle;
                let mut modality = Modality::Asserted;
                if pre2.contains(&"negated") || pre_far.contains(&"negator") {
                    modality = Modality::Negated;
                } else if pre2.contains(&"qad")
                    && matches!(trig.aspect, Aspect::Present | Aspect::Future)
                    || pre.contains(&"possible")
                {
                    modality = Modality::Possible;
                } else if tense == Aspect::Future
                    || (tense == Aspect::Present
                        && !headline
                        && trig.frame != Frame::Speaker
                        && !pre.contains(&"ongoing")
                        && !post.contains(&"ongoing"))
                    || pre.contains(&"planned")
                    || post_near.contains(&"planned")
                    || post_near.contains(&"next")
                {
                    modality = Modality::Planned;
                }
                // the invitation's visit is planned; its guest is the invitee
                let mut args: Vec<(Relation, usize)> = Vec::new();
                // where a relative date right before the event is looked for
                let mut date_anchor = tm.first;
                let mut place = None;
                match trig.frame {
                    Frame::Speaker => {
                        if let Some(x) = subject {
                            args.push((Relation::Speaker, x.mention));
                        }
                    }
                    Frame::Gathering => {
                        // لجمع الأموال … مع فلان: a word right after it that names nothing the
                        // extractors know (no one, no place, no time) is the thing gathered; the
                        // persons further on were not brought together (unless they follow it at
                        // once: جمعت النجمين فلان وفلان)
                        let gathers_thing = tm.last < end
                            && a.seg.tokens[tm.last].kind == TokenKind::Word
                            && !a.word(tm.last).starts_with("بين")
                            && !out.iter().any(|m| m.first <= tm.last && tm.last < m.last)
                            && after.first().is_none_or(|x| x.first != tm.last + 1);
                        if !gathers_thing {
                            for o in &after {
                                args.push((Relation::Participant, o.mention));
                            }
                        }
                    }
                    Frame::HostGuest
                        if trig.aspect == Aspect::NounPronoun
                            && tm.first > 0
                            && a.word(tm.first - 1) == "في" =>
                    {
                        // وكان في استقباله …: those named after it received him, and he (told of
                        // before, in this sentence or the last) is the guest
                        let guest = subject.map(|x| x.mention).or(last_subject);
                        if let Some(g) = guest {
                            args.push((Relation::Guest, g));
                        }
                        for o in objects.iter().filter(|o| Some(o.mention) != guest) {
                            args.push((Relation::Host, o.mention));
                        }
                    }
                    Frame::HostGuest
                        if trig.aspect == Aspect::Noun
                            && tm.first > 0
                            && a.word(tm.first - 1) == "في" =>
                    {
                        // وكان في استقبال الرئيس لدى وصوله، الأمير …: the noun's complement is
                        // the one received, and those named after it received him
                        if let Some(g) = subject.filter(|x| x.first == tm.last) {
                            args.push((Relation::Guest, g.mention));
                            for o in objects.iter().filter(|o| o.mention != g.mention) {
                                args.push((Relation::Host, o.mention));
                            }
                        } else if let Some(h) = nearest_before {
                            // كان فلان في استقبال البعثة: he received no one named
                            args.push((Relation::Host, h.mention));
                        }
                    }
                    Frame::HostGuest => {
                        if let Some(x) = subject {
                            args.push((Relation::Host, x.mention));
                        }
                        for o in objects
                            .iter()
                            .filter(|o| Some(o.mention) != subject.map(|x| x.mention))
                        {
                            args.push((Relation::Guest, o.mention));
                        }
                    }
                    Frame::Participants => {
                        if let Some(x) = subject {
                            args.push((Relation::Participant, x.mention));
                        }
                        for o in &objects {
                            args.push((Relation::Participant, o.mention));
                        }
                        if light_cosubjects.len() > 1 {
                            for x in &light_cosubjects {
                                if !args.iter().any(|(_, m)| *m == x.mention) {
                                    args.push((Relation::Participant, x.mention));
                                }
                            }
                        }
                        if args.is_empty() || (args.len() == 1 && !is_dual(a, out, args[0].1)) {
                            // "خلال محادثة ...، أكد الزعيمان": the main clause's actors took part
                            let during = s.cues.iter().any(|(c, m)| {
                                *c == "during" && m.last <= tm.first && tm.first - m.last <= 6
                            });
                            if during && !with_unnamed {
                                if let Some(x) = s.actors.iter().find(|x| {
                                    x.first >= tm.last
                                        && !Self::crosses_boundary(a, tm.last, x.first)
                                }) {
                                    if !args.iter().any(|(_, m)| *m == x.mention) {
                                        args.push((Relation::Participant, x.mention));
                                    }
                                }
                            }
                        }
                    }
                    Frame::GuestPlace => {
                        // يصل إلى موسكو وفد …: the destination told before the verb's subject
                        let covers = |m: &Mention, t: usize| m.first <= t && t < m.last;
                        let subject = subject.or_else(|| {
                            let x = objects.first().copied().filter(|_| verb)?;
                            let destination_first = (tm.last..x.first).all(|t| {
                                s.places.iter().any(|(_, m)| covers(m, t))
                                    || s.dates.iter().any(|(_, m)| covers(m, t))
                                    || s.cues
                                        .iter()
                                        .any(|(c, m)| matches!(*c, "to" | "in") && covers(m, t))
                            });
                            let named_place = s
                                .places
                                .iter()
                                .any(|(_, m)| m.first >= tm.last && m.last <= x.first);
                            (destination_first && named_place).then_some(x)
                        });
                        let invited = invite_context
                            .filter(|c| tm.first >= c.end && tm.first - c.end <= 6)
                            .and_then(|c| c.invitee.map(|invitee| (c, invitee)));
                        let guest = if let Some((c, invitee)) = invited {
                            // an invitation answered (تشرفت اليوم بتلبية دعوة فلان لزيارة المركز)
                            // was a visit made, on the day told before the invitation; one only
                            // made is a visit planned
                            match c.answered {
                                Some(at) => date_anchor = at,
                                None if modality == Modality::Asserted => {
                                    modality = Modality::Planned
                                }
                                None => {}
                            }
                            if let Some(inviter) = c.inviter {
                                args.push((Relation::Host, inviter));
                            }
                            Some(invitee)
                        } else {
                            subject.map(|x| x.mention)
                        };
                        if let Some(g) = guest {
                            args.push((Relation::Guest, g));
                        }
                        // a person after إلى is where something got to (لتصل الكرة إلى جيرو), not
                        // a host: a visited host is the verb's object (زار نظيره). In a phrase of
                        // time (سيلتقي خلال زيارته للدوحة نظيريه …) those named after the visit
                        // are the main verb's objects
                        let in_time_phrase =
                            !trig.aspect.is_verb() && s.cue_ends_at("during", tm.first);
                        // the one visited is the verb's object, right after it or its subject (زار
                        // فلان السجين في سجنه); anyone further on (بعد نظيره فلان، نائب المستشارة
                        // فلانة) is no host
                        let guest_end = subject
                            .filter(|x| x.first >= tm.last)
                            .map(|x| x.last)
                            .unwrap_or(tm.last);
                        for o in objects.iter().filter(|o| {
                            !in_time_phrase
                                && Some(o.mention) != guest
                                && subject.is_none_or(|x| x.mention != o.mention)
                                && !s.cue_ends_at("to", o.first)
                        }) {
                            // وفد الائتلاف برئاسة فلان: who heads the guests is a guest
                            let heads_guest = subject.is_some_and(|g| {
                                Some(g.mention) == guest && headed_by(a, g.last, o.first)
                            });
                            // ووصل بمعية فلان، يرافقه وزير …: who comes along is a guest too
                            let companion = (tm.last..o.first).any(|t| companion_word(a.word(t)));
                            let rel = if heads_guest || companion {
                                Relation::Guest
                            } else if verb && (o.first == tm.last || o.first == guest_end) {
                                Relation::Host
                            } else {
                                continue;
                            };
                            args.push((rel, o.mention));
                        }
                        // the destination: right after the trigger or its guest, or after إلى / لـ / في
                        place = s
                            .places
                            .iter()
                            .find(|(_, m)| {
                                m.first >= tm.last
                                    && m.first < end
                                    && (m.first == tm.last
                                        || m.first == guest_end
                                        || a.keys[m.first].prefix_len > 0
                                        || s.cues.iter().any(|(c, cm)| {
                                            matches!(*c, "to" | "in")
                                                && cm.last == place_lead(a, m.first)
                                        }))
                            })
                            .map(|(i, _)| *i);
                        // وصل إلى مرحلة متقدمة، توجه إلى الله: a verb whose إلى names no place,
                        // no one and no land within three words goes somewhere else than on a
                        // visit
                        // the word right after the verb, in its clause
                        let next = (verb && tm.last < end).then(|| a.word(tm.last));
                        // (nor does one that reaches someone: لم تصل إليه أي عروض)
                        let to_someone = next.is_some_and(|w| {
                            matches!(w, "اليه" | "اليها" | "اليهم" | "اليهما" | "الينا" | "اليك")
                        });
                        // حتى وصل ليصبح رئيسا: got to be something
                        let to_become = next.is_some_and(|w| {
                            matches!(w, "ليصبح" | "لتصبح" | "ليكون" | "لتكون" | "ليصير" | "لتصير")
                        });
                        let reach = trig.form.contains("صل");
                        // ليصل مداها إلى …: a noun with a pronoun right after وصل is its subject, a
                        // thing that reaches somewhere
                        let thing_arrives = reach
                            && !to_someone
                            && next.is_some_and(|w| {
                                w.chars().count() >= 4
                                    && ["ها", "هم", "هما"].iter().any(|p| w.ends_with(p))
                            })
                            && !covered_by_mention(out, tm.last);
                        // أن يصل معه لحلول وسط: reach an agreement with someone
                        let reach_with = reach
                            && next.is_some_and(|w| matches!(w, "مع" | "معه" | "معها" | "معهم"));
                        let to_thing = to_someone
                            || to_become
                            || reach_with
                            || thing_arrives
                            || verb
                                && s.cues.iter().any(|(c, cm)| {
                                    *c == "to"
                                        && (cm.first == tm.last || cm.first == guest_end)
                                        && cm.last < end
                                        && !a.word(cm.first).is_ascii()
                                        && !destination_named(a, &s, cm.last)
                                });
                        if to_thing {
                            args.clear();
                            place = None;
                        }
                    }
                    Frame::InviterInvitee if !Self::invites_to_something(a, &s, tm, sent.last) => {
                        // دعا إلى الحوار، دعوات للاستقالة: a call for something, no invitation
                    }
                    Frame::InviterInvitee => {
                        let from_after = s.cue_starts_at("from", tm.last);
                        // الدعوة لقيادة الحركة: an invitation to someone, not someone's
                        let to_after = directly_after.is_some_and(|x| {
                            a.keys[x.first].prefix_len > 0
                                && a.original_word(x.first).starts_with('ل')
                        });
                        let (inviter, invitee) = if verb {
                            (
                                subject.map(|x| x.mention),
                                objects.first().map(|x| x.mention),
                            )
                        } else if from_after || (directly_after.is_some() && !to_after) {
                            // تلبية دعوة X: the one who answers it is the subject told of before
                            // when none stands before it in this clause
                            (
                                after.first().map(|x| x.mention),
                                nearest_before.map(|x| x.mention).or(last_subject),
                            )
                        } else {
                            (
                                nearest_before.map(|x| x.mention),
                                after.first().map(|x| x.mention),
                            )
                        };
                        if let Some(x) = inviter {
                            args.push((Relation::Inviter, x));
                        }
                        if let Some(x) = invitee.filter(|&x| Some(x) != inviter) {
                            args.push((Relation::Invitee, x));
                        }
                        let after_end = after.first().map(|x| x.last).unwrap_or(tm.last);
                        let answered = (tm.first.saturating_sub(2)..tm.first).find(|&t| {
                            a.seg.tokens[t].sentence == tm.sentence && {
                                let w = a.word(t);
                                w.ends_with("تلبيه") || w.ends_with("استجابه")
                            }
                        });
                        invite_context = Some(InviteContext {
                            end: after_end.max(tm.last),
                            inviter,
                            invitee,
                            answered,
                        });
                    }
                }
                if trig.frame != Frame::GuestPlace {
                    // (not a place that tells what was discussed: بحث معه الأوضاع في لبنان, where
                    // في follows a common noun no extractor took, outside a phrase of place: في
                    // مكتبه بمقر الأمانة في الرياض is where they met)
                    // (an adjective of the trigger's own noun is no topic: اللقاء الثلاثي في قطر)
                    let topic = |in_at: usize| {
                        in_at > tm.last && {
                            let t = in_at - 1;
                            (tm.last..t).any(|u| !a.keys[u].had_article)
                                && a.seg.tokens[t].kind == TokenKind::Word
                                && a.keys[t].had_article
                                && !covered_by_mention(out, t)
                                && !s.cues.iter().any(|(c, cm)| {
                                    (cm.first <= t && t < cm.last)
                                        || (matches!(*c, "in" | "at")
                                            && cm.first >= tm.last
                                            && cm.first < t)
                                })
                        }
                    };
                    place = s
                        .places
                        .iter()
                        .find(|(_, m)| {
                            let lead = place_lead(a, m.first);
                            m.first > tm.last
                                && m.first < end
                                && s.cues.iter().any(|(c, cm)| {
                                    matches!(*c, "in" | "at") && cm.last == lead && !topic(cm.first)
                                })
                                || (m.first >= tm.last
                                    && m.first < end
                                    && a.keys[m.first].prefix_len > 0
                                    // بجدة: the preposition ب (in) glued to the place
                                    && a.word(m.first).starts_with('ب'))
                        })
                        .map(|(i, _)| *i);
                }
                // date: in the clause, else a relative date right before the trigger
                // an invitation's date is not the date of the visit it invites to
                let date_end = if trig.frame == Frame::InviterInvitee {
                    end
                } else {
                    Self::clause_end_with(a, &s, tm.last, sent.last, false)
                };
                let mut date = s
                    .dates
                    .iter()
                    .find(|(_, m)| m.first >= tm.last && m.first < date_end)
                    .map(|(i, _)| *i);
                if date.is_none() {
                    // a relative date just before the trigger (اليوم التقى)
                    date = s
                        .dates
                        .iter()
                        .rev()
                        .find(|(_, m)| {
                            m.last <= date_anchor
                                && date_anchor - m.last <= 3
                                && m.why.starts_with("relative")
                        })
                        .map(|(i, _)| *i);
                }
                let mut date_from_publication = false;
                // an agency report tells of its day: a past-tense verb with no date of its own
                // happened on the dateline's (or the publication's) day
                if date.is_none()
                    && modality == Modality::Asserted
                    && trig.aspect == Aspect::Past
                    && a.doc.dateline.as_ref().is_some_and(|d| {
                        d.date.is_some() || (d.agency.is_some() && a.doc.published.is_some())
                    })
                {
                    date_from_publication = true;
                }
                // the subject named here and the gender of its verb (a dropped subject keeps
                // the gender it had)
                // (another trigger of the same person, a noun, leaves the gender as it was)
                let mut note_subject = |x: &Actor| {
                    let same = Some(x.mention) == last_subject;
                    let was_dropped = x.first == 0 && x.last == 0 && same;
                    match a.lexicon.speech_verb_feminine(ti) {
                        Some(feminine) if !was_dropped => last_subject_feminine = Some(feminine),
                        None if !same => last_subject_feminine = None,
                        _ => {}
                    }
                    last_subject = Some(x.mention);
                };
                if !valid(a, out, trig.frame, &args, place) {
                    if let Some(x) = subject {
                        note_subject(x);
                    }
                    continue;
                }
                if let Some(x) = subject {
                    note_subject(x);
                }
                // a statement that was made is asserted, whatever it says of the future
                if trig.frame == Frame::Speaker
                    && modality == Modality::Planned
                    && trig.aspect != Aspect::Future
                {
                    modality = Modality::Asserted;
                }
                let ev = EventMention {
                    trigger: ti,
                    event_type: trig.event_type.clone(),
                    code: trig.code.clone(),
                    args,
                    place,
                    date,
                    date_from_publication,
                    place_from_dateline: false,
                    modality,
                };
                let mut m = Mention::over(
                    a,
                    tm.first,
                    tm.last,
                    MentionKind::Event(ev),
                    self.name(),
                    format!("trigger {:?} ({:?} frame)", trig.form, trig.frame),
                );
                m.sentence = si;
                sentence_events.push((tm.first, m));
            }
            // a meeting during a visit took place where the visit went; else at the dateline
            let visit_place = sentence_events.iter().find_map(|(_, m)| match &m.kind {
                MentionKind::Event(e) if e.event_type == "visit" => e.place,
                _ => None,
            });
            for (_, m) in sentence_events.iter_mut() {
                if let MentionKind::Event(e) = &mut m.kind {
                    if e.place.is_none() && matches!(e.event_type.as_str(), "meet" | "talks") {
                        e.place = visit_place;
                        if e.place.is_none() && e.modality == Modality::Asserted {
                            e.place = dateline_mention;
                            e.place_from_dateline = e.place.is_some();
                        }
                    }
                }
            }
            events.extend(sentence_events.into_iter().map(|(_, m)| m));
        }
        let _ = last_subject;
        out.extend(events);
    }
}

/// True when a comma follows the verbal noun ending before `noun_end` at once or after one or
/// two adjectives (words with the article), before `end`: the noun stands alone (بداية
/// اللقاء، …), its complements, if any, told before it.
fn comma_closes_noun(a: &Analysis<'_>, noun_end: usize, end: usize) -> bool {
    (noun_end..(noun_end + 3).min(end))
        .find(|&t| a.seg.tokens[t].kind != TokenKind::Word || !a.keys[t].had_article)
        .is_some_and(|t| matches!(a.word(t), "،" | ","))
}

/// Words (normalised) that open the occasion of an event (بمناسبة، بالتزامن مع): persons
/// named after them are no parties to it.
fn occasion_word(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    matches!(w, "بمناسبه" | "لمناسبه" | "بالتزامن" | "تزامنا" | "تزامن")
}

/// Words (normalised) that count or quantify an unnamed group: عدد من، أي من، بعض، جميع.
fn quantity_word(w: &str) -> bool {
    matches!(
        w,
        "اي" | "عدد"
            | "عددا"
            | "بعدد"
            | "بعض"
            | "ببعض"
            | "مجموعه"
            | "بمجموعه"
            | "جميع"
            | "بجميع"
            | "كافه"
            | "بكافه"
            | "العديد"
            | "بالعديد"
            | "عشرات"
            | "بعشرات"
            | "مئات"
            | "عده"
            | "ثله"
            | "نخبه"
            | "لفيف"
    )
}

/// Words (normalised) that bring in those who come along with someone: برفقة، بمعية، يرافقه.
fn companion_word(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    matches!(
        w,
        "برفقه"
            | "برفقته"
            | "برفقتها"
            | "بمعيه"
            | "بمعيته"
            | "بصحبه"
            | "بصحبته"
            | "بصحبتها"
            | "يرافقه"
            | "يرافقها"
            | "ترافقه"
            | "ترافقها"
            | "يرافقهم"
            | "يرافقهما"
    )
}

/// The words that open a phrase of time (normalised): بعد زيارة …، قبل لقائه …
const TIME_LEADS: &[&str] = &["بعد", "قبل", "عقب", "اثر", "خلال", "اثناء", "منذ"];

/// True when a place, a person or an organization is named within three words of `tok` (the
/// word after إلى: موسكو، العاصمة الروسية موسكو، مطار القاهرة، نظيره), or `tok` is a word that
/// stands for a land (البلاد، هناك).
fn destination_named(a: &Analysis<'_>, s: &Sentence<'_>, tok: usize) -> bool {
    let near = |first: usize| first >= tok && first < tok + 3;
    s.places.iter().any(|(_, m)| near(m.first))
        || s.actors.iter().any(|x| near(x.first))
        || (tok < a.seg.tokens.len()
            && matches!(
                a.key(tok),
                "بلاد"
                    | "هناك"
                    | "عاصمه"
                    | "مدينه"
                    | "منطقه"
                    | "مقر"
                    | "مطار"
                    | "قصر"
                    | "ارض"
            ))
}

/// True when the actor starting at `tok` is led by a preposition (من الرئيس، إلى الوزير،
/// لرئيس، بالملك): an object of something, not the subject of what follows.
fn oblique(a: &Analysis<'_>, mentions: &[Mention], tok: usize) -> bool {
    // the titles before the name belong to it (من الرئيس الباجي قائد السبسي)
    let mut tok = tok;
    while let Some(m) = (tok > 0)
        .then(|| {
            mentions
                .iter()
                .find(|m| matches!(m.kind, MentionKind::Title { .. }) && m.last == tok)
        })
        .flatten()
    {
        tok = m.first;
    }
    let word = a.original_word(tok);
    let prefix = &word[..a.keys[tok].prefix_len.min(word.len())];
    prefix.contains(['ل', 'ب'])
        || (tok > 0
            && matches!(
                a.word(tok - 1),
                "من" | "عن" | "الي" | "علي" | "لدي" | "مع" | "بين" | "from" | "to" | "with"
            ))
}

/// True when the verb at `tok` is joined by و or ف to an earlier clause of sentence `si` whose
/// subject was `last_subject` (أعلن الملك …، وتلقى …، واستقبل …): that subject goes on.
fn continues_clause(
    a: &Analysis<'_>,
    mentions: &[Mention],
    tok: usize,
    si: usize,
    last_subject: Option<usize>,
) -> bool {
    a.keys[tok].prefix_len > 0
        && matches!(a.original_word(tok).chars().next(), Some('و' | 'ف'))
        && last_subject
            .and_then(|m| mentions.get(m))
            .is_some_and(|m| m.sentence == si && m.last <= tok)
}

/// True when the word at `tok`, right after a verb of saying, is an unnamed source as its
/// subject (وقال أحد العاملين، وقالت مصادر، وذكر تقرير، وأكد عضو في المجلس، وأكدت تلك الدول):
/// someone speaks who is not the person of the sentence before. Other words after the verb are
/// mostly its object (وأكد ضرورة …, the subject dropped) and leave the subject to the rules
/// before.
fn common_noun_subject(a: &Analysis<'_>, mentions: &[Mention], tok: usize) -> bool {
    /// Unnamed sources, as token keys (normalised, without the article).
    const SOURCES: &[&str] = &[
        "مصدر",
        "مصادر",
        "مسؤول",
        "مسوول",
        "مسؤولون",
        "مسوولون",
        "مسؤولين",
        "مسوولين",
        "احد",
        "احدي",
        "عضو",
        "اعضاء",
        "شهود",
        "شاهد",
        "خبير",
        "خبراء",
        "دبلوماسي",
        "دبلوماسيون",
        "دبلوماسيين",
        "ممثل",
        "ممثلي",
        "ممثلون",
        "ممثلو",
        "ممثلين",
        "تقرير",
        "تقارير",
        "اخبار",
        "انباء",
        "صحيفه",
        "صحف",
        "وسائل",
        "مكتب",
        "محلل",
        "محللون",
        "مراقبون",
        "ناشطون",
        "ناشطين",
        "ناشط",
        "سكان",
        "مواطنون",
        "مسعفون",
        "اطباء",
        "مساعدون",
        "مساعدين",
        "مستشارون",
        "باحث",
        "باحثون",
        "علماء",
        "محققون",
        "متحدث",
        "متحدثه",
        "مراكز",
        "دراسه",
        "دراسات",
        "منظمات",
        "جماعات",
        "بيان",
        "مقربون",
        "اوساط",
        "جهات",
        "عدد",
        "بعض",
        "مراسل",
        "موقع",
        "قناه",
        "شبكه",
        "حاكم",
        "قائد",
        "ضابط",
        "متظاهرون",
        "معارضون",
        "نواب",
        "نائب",
        // a delegation or leadership that names no organization right after (قالت قيادات
        // في المقاومة)
        "وفد",
        "وفود",
        "قياده",
        "قيادات",
        "قاده",
    ];
    let Some(t) = a.seg.tokens.get(tok) else {
        return false;
    };
    // وأكدت تلك الدول، وقالت هذه المصادر: a demonstrative and a noun with the article (ذلك
    // alone is the verb's object: وأكد ذلك)
    let demonstrative = matches!(a.key(tok), "تلك" | "هذه" | "هذا" | "ذلك" | "هولاء" | "اولئك")
        && a.keys[tok].prefix_len == 0
        && a.seg.tokens.get(tok + 1).is_some_and(|n| {
            n.kind == TokenKind::Word && n.sentence == t.sentence && a.keys[tok + 1].had_article
        })
        // (وصرح ذلك اليوم، وقال هذا الأسبوع: when, not who)
        && !matches!(
            a.key(tok + 1),
            "يوم" | "اسبوع" | "شهر" | "عام" | "سنه" | "وقت" | "مساء" | "صباح" | "ليله" | "حين"
                | "اثناء" | "صدد" | "خصوص" | "اطار"
        );
    // (a preposition makes it the one spoken to: وقالت لصحيفة «غارديان»)
    t.kind == TokenKind::Word
        && (SOURCES.contains(&a.key(tok)) && a.keys[tok].prefix_len == 0 || demonstrative)
        && !mentions.iter().any(|m| {
            m.first <= tok
                && tok < m.last
                && matches!(
                    m.kind,
                    MentionKind::Entity(_)
                        | MentionKind::NewPerson { .. }
                        | MentionKind::Title { .. }
                )
        })
}

/// True when the two words at `tok`, right after a verb of saying, look like the name of a
/// person no list knows, set off by a comma or followed by an office (وقال كريس ويليامسون،
/// كبير المحللين): words that no list of the dictionary holds, with no clitic and no article,
/// and that no extractor took. Someone speaks who is not the person of the sentence before.
fn unknown_name_subject(a: &Analysis<'_>, mentions: &[Mention], tok: usize) -> bool {
    let n = a.seg.tokens.len();
    if tok + 2 >= n {
        return false;
    }
    let sentence = a.seg.tokens[tok].sentence;
    let unknown = |t: usize| {
        let token = &a.seg.tokens[t];
        let w = a.word(t);
        token.kind == TokenKind::Word
            && token.sentence == sentence
            && a.keys[t].prefix_len == 0
            && !a.keys[t].had_article
            && w.chars().all(crate::normalize::is_arabic_letter)
            && !a.lexicon.knows(a.key(t))
            && !a.dict.stopwords.contains(w)
            && !a.dict.stopwords.contains(a.key(t))
            && !mentions.iter().any(|m| m.first <= t && t < m.last)
    };
    let then_office = matches!(a.word(tok + 2), "،" | ",")
        || mentions.iter().any(|m| {
            m.first == tok + 2
                && matches!(
                    m.kind,
                    MentionKind::Title { .. } | MentionKind::Nationality(_)
                )
        });
    unknown(tok) && unknown(tok + 1) && then_office
}

/// True when the words before `tok` say that what follows heads the group that ends at
/// `group_end` (وفد الائتلاف المعارض برئاسة فلان، a delegation led by …): the group, at most
/// two adjectives or punctuation marks, the word that says so, and the head.
fn headed_by(a: &Analysis<'_>, group_end: usize, tok: usize) -> bool {
    tok > group_end
        && tok - group_end <= 3
        && (group_end..tok - 1).all(|t| {
            a.seg.tokens[t].kind == TokenKind::Punct
                || (a.keys[t].had_article && a.keys[t].prefix_len == 0)
        })
        && match a.word(tok - 1) {
            "برئاسه" | "بقياده" | "يراسه" | "يتراسه" | "ويراسه" => {
                true
            }
            "by" => tok > 1 && matches!(a.word(tok - 2), "led" | "headed"),
            _ => false,
        }
}

/// True when the mention names an organization (by the dictionary or by the shape of its name).
fn organization_mention(a: &Analysis<'_>, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Entity(e) => a.dict.entities[e as usize].kind == Kind::Organization,
        MentionKind::NewOrganization { .. } => true,
        _ => false,
    }
}

/// True when the actor is an organization (a party through its delegation).
fn organization_actor(a: &Analysis<'_>, mentions: &[Mention], x: &Actor) -> bool {
    mentions
        .get(x.mention)
        .is_some_and(|m| organization_mention(a, m))
}

/// True when the delegation word at `head` stands for the organization named at `org`: right
/// before it (وفد حماس، قيادة «حماس»), or with من / عن between, and at most the words of its
/// rank (وفد رفيع المستوى من الحركة، ممثلين عن الائتلاف, a delegation from Hamas).
fn delegation_of(a: &Analysis<'_>, head: usize, org: usize) -> bool {
    const BETWEEN: &[&str] = &[
        "من",
        "عن",
        "رفيع",
        "مستوي",
        "of",
        "from",
        "the",
        "high-level",
    ];
    // (the bound first: the rest looks at every token between the two)
    org - head <= 5
        && (head + 1..org).all(|t| match a.seg.tokens[t].kind {
            TokenKind::Word => BETWEEN.contains(&a.key(t)),
            _ => a.word(t) == "\"",
        })
}

/// True when an organization or a country (named by the dictionary or by the shape of its
/// name) starts at the token.
fn institution_at(a: &Analysis<'_>, mentions: &[Mention], tok: usize) -> bool {
    mentions.iter().any(|m| {
        m.first == tok
            && match m.kind {
                MentionKind::Entity(e) => matches!(
                    a.dict.entities[e as usize].kind,
                    Kind::Organization | Kind::Country
                ),
                MentionKind::NewOrganization { .. } => true,
                _ => false,
            }
    })
}

/// Where the phrase of a place starting at `first` starts: at العاصمة or مدينة before it (في
/// العاصمة أبوظبي، في مدينة جدة، إلى العاصمة الروسية، إلى العاصمة اليمنية صنعاء), else at the
/// place itself.
fn place_lead(a: &Analysis<'_>, first: usize) -> usize {
    if first > 0 && matches!(a.key(first - 1), "عاصمه" | "مدينه") {
        first - 1
    } else if first > 1
        && a.key(first - 2) == "عاصمه"
        && a.keys[first - 1].had_article
        && a.keys[first - 1].prefix_len == 0
    {
        // العاصمة اليمنية صنعاء
        first - 2
    } else {
        first
    }
}

/// True when a counterpart title (نظيره، نظيرته، نظيريه) starts at the token.
fn counterpart_at(a: &Analysis<'_>, mentions: &[Mention], tok: usize) -> bool {
    mentions.iter().any(|m| {
        m.first == tok
            && matches!(m.kind, MentionKind::Title { title, .. }
                if a.dict.titles[title as usize].kind == TitleKind::Counterpart)
    })
}

/// True when some mention other than a cue word covers the token.
fn covered_by_mention(mentions: &[Mention], tok: usize) -> bool {
    mentions
        .iter()
        .any(|m| m.first <= tok && tok < m.last && !matches!(m.kind, MentionKind::Cue(_)))
}

/// The tense of a light verb that carries a verbal noun: يعقد/سيعقد/عقد، يجري/أجرى، يقوم/قام.
fn light_verb_tense(word: &str) -> Option<Aspect> {
    let w = word
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(word);
    Some(match w {
        "عقد" | "عقدت" | "عقدا" | "اجري" | "اجرت" | "اجريا" | "قام" | "قامت" | "بدا" | "بدات"
        | "اختتم" | "اختتمت" | "تلقي" | "تلقت" => Aspect::Past,
        // يقوم بزيارة is progressive (is paying a visit): it does not announce
        "يعقد" | "تعقد" | "يعقدان" | "يجري" | "تجري" | "يجريان" | "يبدا" | "تبدا" | "يتلقي"
        | "تتلقي" => Aspect::Present,
        "سيعقد" | "ستعقد" | "سيجري" | "ستجري" | "سيقوم" | "ستقوم" | "سيبدا" | "ستبدا" => {
            Aspect::Future
        }
        // for a purpose: لإجراء محادثات، لعقد لقاء
        "لاجراء" | "لعقد" | "لبحث" => Aspect::Future,
        _ => return None,
    })
}

fn is_dual(a: &Analysis<'_>, mentions: &[Mention], i: usize) -> bool {
    matches!(mentions[i].kind, MentionKind::Cue(c) if a.dict.cues[c as usize].cue.starts_with("dual"))
}

/// No event without someone on each side.
fn valid(
    a: &Analysis<'_>,
    mentions: &[Mention],
    frame: Frame,
    args: &[(Relation, usize)],
    place: Option<usize>,
) -> bool {
    let duals = args
        .iter()
        .filter(|(_, m)| is_dual(a, mentions, *m))
        .count();
    match frame {
        Frame::Speaker => !args.is_empty(),
        Frame::HostGuest | Frame::Participants | Frame::Gathering => args.len() >= 2 || duals >= 1,
        Frame::GuestPlace => {
            args.iter().any(|(r, _)| *r == Relation::Guest) && (place.is_some() || args.len() >= 2)
        }
        Frame::InviterInvitee => args.len() >= 2,
    }
}

/// For actors sorted by span, whether each is inside no other actor's span (a span that holds
/// it and is not the same): in one pass, by the furthest end of the spans that start before it
/// and of those that start with it.
fn not_inside_another(actors: &[Actor]) -> Vec<bool> {
    let mut keep = vec![true; actors.len()];
    let mut furthest_before: Option<usize> = None;
    let mut group = 0;
    while group < actors.len() {
        let first = actors[group].first;
        let end = actors[group..]
            .iter()
            .position(|x| x.first != first)
            .map_or(actors.len(), |p| group + p);
        // sorted by (first, last): the group's last actor ends furthest
        let furthest_here = actors[end - 1].last;
        for (x, k) in actors[group..end].iter().zip(&mut keep[group..end]) {
            *k = !(furthest_before.is_some_and(|f| f >= x.last) || furthest_here > x.last);
        }
        furthest_before = Some(furthest_before.map_or(furthest_here, |f| f.max(furthest_here)));
        group = end;
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_is_dropped_exactly_when_another_span_holds_it() {
        // the definition, pair by pair
        let reference = |actors: &[Actor]| -> Vec<bool> {
            actors
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    !actors.iter().enumerate().any(|(j, y)| {
                        i != j
                            && y.first <= x.first
                            && x.last <= y.last
                            && (y.first, y.last) != (x.first, x.last)
                    })
                })
                .collect()
        };
        let mut seed = 11usize;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for len in 0..40 {
            for _ in 0..50 {
                let mut actors: Vec<Actor> = (0..len)
                    .map(|i| {
                        let first = next(12);
                        Actor {
                            mention: i,
                            first,
                            last: first + 1 + next(4),
                        }
                    })
                    .collect();
                actors.sort_by_key(|x| (x.first, x.last));
                assert_eq!(
                    not_inside_another(&actors),
                    reference(&actors),
                    "{actors:?}"
                );
            }
        }
    }
}
