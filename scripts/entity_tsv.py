"""What the generators of data/entities/*.tsv share: ids, the loader's letter
unification, and the file layout. Imported by gen_countries.py and gen_cities.py
(run from anywhere: Python puts a script's own folder on its path)."""

import re
import unicodedata

HEADER = "id\tkind\ten\tar\taliases\twithin\tcode\n"


def unify_letters(name):
    """Roughly the loader's matching of Arabic letters: no diacritics or tatweel,
    one alef, ى as ي, ة as ه; lower case."""
    s = re.sub(r"[\u064B-\u0652\u0670\u0640]", "", name)
    s = re.sub(r"[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return s.lower()


def slug(name):
    """The id part of an English name: ASCII letters and digits joined by '-'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "").replace("'", "").replace(".", "")
    return re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()


def write_entities(path, comment, rows):
    """Writes an entities file: the comment lines (each without its '# '), the
    header, then the rows (tuples of the header's seven columns)."""
    with open(path, "w", encoding="utf-8") as f:
        for line in comment:
            f.write(f"# {line}\n")
        f.write(HEADER)
        for r in rows:
            f.write("\t".join(r) + "\n")
