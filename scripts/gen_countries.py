#!/usr/bin/env python3
"""Generate data/entities/countries.tsv.

Names come from the Unicode CLDR through the PyPI package `babel`
(`pip install babel`): `Locale('en').territories` and `Locale('ar').territories`,
keyed by ISO 3166-1 alpha-2. The tables below fix the set of countries, the
ids other dictionaries rely on, the common short English names, and the usual
press variants (aliases). Edit the tables here, then run:

    python3 scripts/gen_countries.py

The loader normalises alef/hamza forms, ى/ي, ة/ه and diacritics, so aliases
that differ only in those are not listed twice. A bare name that could mean two
countries (الكونغو, Congo, مقدونيا …) is given to none.
"""

import os
import re
import sys

from babel import Locale

from entity_tsv import slug, unify_letters, write_entities

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "entities", "countries.tsv")

# The 193 member states of the United Nations (ISO 3166-1 alpha-2).
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG
BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ DM DO EC
EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN
ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY
MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM
PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG
SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA
AE GB US UY UZ VU VE VN YE ZM ZW
""".split()

# The two permanent observer states of the UN General Assembly.
OBSERVERS = ["PS", "VA"]

# Territories that the news treats as countries. (XK is the code in common use
# for Kosovo, also by CLDR; it is not an official ISO 3166-1 assignment.)
# Other territories (Hong Kong, Macau, Greenland, Puerto Rico, Western Sahara …)
# are places: see data/entities/places.tsv.
TERRITORIES_AS_COUNTRIES = ["TW", "XK"]

# Common short English names where CLDR's differs (and to fix the ids).
EN = {
    "AG": "Antigua and Barbuda",
    "BA": "Bosnia and Herzegovina",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "KN": "Saint Kitts and Nevis",
    "LC": "Saint Lucia",
    "MM": "Myanmar",
    "PS": "Palestine",
    "ST": "São Tomé and Príncipe",
    "TR": "Turkey",
    "TT": "Trinidad and Tobago",
    "VC": "Saint Vincent and the Grenadines",
}

# Canonical Arabic names where CLDR's is not the usual press form.
AR = {
    "CD": "جمهورية الكونغو الديمقراطية",
    "CG": "جمهورية الكونغو",
    "DK": "الدنمارك",
    "MM": "ميانمار",
    "OM": "عمان",
    "PS": "فلسطين",
    "TL": "تيمور الشرقية",
}

# Aliases: Arabic press variants, English short forms and acronyms.
ALIASES = {
    "AE": ["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة", "UAE", "U.A.E."],
    "AF": ["إمارة أفغانستان الإسلامية"],
    "AZ": ["جمهورية أذربيجان"],
    "BA": ["البوسنة", "Bosnia"],
    "BD": ["بنغلادش"],
    "BH": ["مملكة البحرين"],
    "BN": ["Brunei Darussalam"],
    "BS": ["البهاما", "The Bahamas"],
    "BY": ["روسيا البيضاء", "بيلاروسيا"],
    "CD": ["الكونغو الديمقراطية", "الكونغو كينشاسا", "DR Congo", "DRC",
           "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CF": ["أفريقيا الوسطى", "CAR"],
    "CG": ["الكونغو برازافيل", "Congo-Brazzaville", "Republic of Congo"],
    "CI": ["كوت ديفوار", "Côte d'Ivoire", "Côte d’Ivoire", "Cote d'Ivoire"],
    "CL": ["شيلي"],
    "CN": ["جمهورية الصين الشعبية", "الصين الشعبية", "People's Republic of China", "PRC"],
    "CV": ["كابو فيردي", "Cabo Verde"],
    "CZ": ["جمهورية التشيك", "Czechia"],
    "DE": ["جمهورية ألمانيا الاتحادية"],
    "DK": ["الدانمرك", "الدانمارك"],
    "DO": ["الدومينيكان"],
    "DZ": ["الجمهورية الجزائرية", "الجمهورية الجزائرية الديمقراطية الشعبية"],
    "EG": ["جمهورية مصر العربية"],
    "FM": ["ولايات ميكرونيزيا المتحدة", "Federated States of Micronesia"],
    "GB": ["بريطانيا", "بريطانيا العظمى",
           "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
           "UK", "U.K.", "Britain", "Great Britain"],
    "GM": ["The Gambia"],
    "HU": ["المجر"],
    "IE": ["جمهورية أيرلندا", "Republic of Ireland"],
    "IL": ["دولة إسرائيل", "State of Israel"],
    "IN": ["جمهورية الهند"],
    "IQ": ["جمهورية العراق"],
    "IR": ["الجمهورية الإسلامية الإيرانية", "جمهورية إيران الإسلامية",
           "Islamic Republic of Iran"],
    "JO": ["المملكة الأردنية الهاشمية", "Hashemite Kingdom of Jordan"],
    "KG": ["قرغيزستان"],
    "KM": ["اتحاد جزر القمر"],
    "KP": ["جمهورية كوريا الديمقراطية الشعبية", "DPRK"],
    "KR": ["جمهورية كوريا", "Republic of Korea", "ROK"],
    "KW": ["دولة الكويت"],
    "LB": ["الجمهورية اللبنانية"],
    "LK": ["سري لانكا"],
    "LY": ["دولة ليبيا"],
    "MA": ["المملكة المغربية"],
    "MD": ["مولدافيا"],
    "MK": ["جمهورية مقدونيا الشمالية"],
    "MM": ["بورما", "Burma"],
    "MR": ["الجمهورية الإسلامية الموريتانية"],
    "MV": ["المالديف"],
    "NL": ["Holland"],
    "NZ": ["نيوزيلاندا"],
    "OM": ["سلطنة عمان"],
    "PS": ["دولة فلسطين", "الأراضي الفلسطينية", "الأراضي الفلسطينية المحتلة",
           "State of Palestine", "Palestinian territories"],
    "QA": ["دولة قطر"],
    "RU": ["روسيا الاتحادية", "الاتحاد الروسي", "Russian Federation"],
    "SA": ["السعودية", "KSA"],
    "SD": ["جمهورية السودان"],
    "SO": ["جمهورية الصومال الفيدرالية"],
    "SS": ["دولة جنوب السودان"],
    "ST": ["Sao Tome and Principe"],
    "SY": ["سورية", "الجمهورية العربية السورية", "Syrian Arab Republic"],
    "SZ": ["سوازيلاند", "Swaziland"],
    "TH": ["تايلند"],
    "TL": ["تيمور ليشتي", "East Timor"],
    "TN": ["الجمهورية التونسية"],
    "TR": ["Türkiye", "Turkiye", "الجمهورية التركية"],
    "US": ["الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا",
           "USA", "U.S.", "U.S.A.", "United States of America", "America"],
    "UY": ["أوروغواي"],
    "VA": ["الكرسي الرسولي", "دولة الفاتيكان", "دولة مدينة الفاتيكان", "Holy See", "Vatican"],
    "VN": ["Viet Nam"],
    "YE": ["الجمهورية اليمنية"],
}

# CLDR puts explanations in parentheses ("ميانمار (بورما)"); such names are
# overridden above. This guards against new ones slipping through.
PAREN = re.compile(r"[()]")


def norm(name):
    """Roughly the loader's matching key, to skip CLDR names already listed."""
    return unify_letters(name)


def main():
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193, len(UN_MEMBERS)
    en_t = Locale("en").territories
    ar_t = Locale("ar").territories
    codes = UN_MEMBERS + OBSERVERS + TERRITORIES_AS_COUNTRIES
    rows = []
    for code in codes:
        en = EN.get(code, en_t[code])
        ar = AR.get(code, ar_t[code])
        en = en.replace(" & ", " and ")
        assert not PAREN.search(en) and not PAREN.search(ar), (code, en, ar)
        aliases = list(ALIASES.get(code, []))
        cldr_en = en_t[code]
        if cldr_en != en and not PAREN.search(cldr_en) and "&" not in cldr_en \
                and " - " not in cldr_en \
                and cldr_en.lower() not in [a.lower() for a in aliases]:
            aliases.append(cldr_en)
        cldr_ar = ar_t[code]
        if norm(cldr_ar) != norm(ar) and not PAREN.search(cldr_ar) \
                and " - " not in cldr_ar \
                and norm(cldr_ar) not in [norm(a) for a in aliases]:
            aliases.append(cldr_ar)
        rows.append(("country:" + slug(en), "country", en, ar, "|".join(aliases), "", code))
    rows.sort(key=lambda r: r[0])
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate id"
    write_entities(
        OUT, ["generated by scripts/gen_countries.py; edit the script's tables, not this file"], rows
    )
    print(f"wrote {len(rows)} countries to {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
