"""Knowledge base: bundled lookups, government-body templates, user files and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.actors.kb import KBEntry, fold, is_acronym, load_kb
from newsgraph.errors import ConfigError


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def ids(entries: list[KBEntry]) -> list[str]:
    return [e.kb_id for e in entries]


def test_counts_and_no_people(kb):
    counts = kb.counts()
    assert counts["STATE"] >= 240 and counts["LOCATION"] >= 1500 and counts["ORG"] >= 200
    # people come only from the compiled Phoenix dictionaries, never hand-entered
    assert {e.source for e in kb if e.type == "PERSON"} == {"phoenix"} and counts["PERSON"] > 10_000
    assert sum(e.kind == "un_member" for e in kb.states()) == 193


def test_phoenix_people_have_dated_cameo_codes_and_no_first_name_or_surname_aliases(kb):
    from newsgraph.actors.facts import cameo_at, cameo_codes, code_at

    (putin,) = kb.lookup("Vladimir Putin")
    assert putin.type == "PERSON" and putin.kb_id.startswith("phx:")
    assert code_at(putin.kb_id, "2010-06-01") == "RUSGOV" and cameo_at(putin, "1985-01-01") == "RUSELI"
    # a role the dictionary left open (it was last dated in 2015) is not asserted years later
    assert code_at(putin.kb_id, "2016-06-01") == "RUSGOV" and code_at(putin.kb_id, "2020-06-01") == "RUSELI"
    assert {"code": "RUS", "start": None, "end": None} in cameo_codes("state:RUS")
    assert cameo_codes("org:un") == [{"code": "IGOUNO", "start": None, "end": None}]
    for e in kb:
        if e.source == "phoenix" and e.type == "PERSON":
            assert all(len(a.split()) >= 2 for a in e.aliases), e


def test_institutions_the_phoenix_dictionaries_file_among_people_are_organisations(kb):
    from newsgraph.actors.kb import _phoenix_type

    for name in ("Lok Sabha", "Scotland Yard", "Federal Reserve", "Freedom House"):
        assert [e.type for e in kb.lookup(name)] == ["ORG"], name
    # a person with undated roles keeps their type where the first word is a given name, or the
    # roles are a person's (a rebel leader), or any role is dated
    assert _phoenix_type("PERSON", "Louise Arbour", (("IGOUNOHRI", None, None),)) == "PERSON"
    assert _phoenix_type("PERSON", "Okot Ladu", (("UGAREB", None, None),)) == "PERSON"
    assert _phoenix_type("PERSON", "Okot Ladu", (("UGAGOVLEG", "2001-01-01", None),)) == "PERSON"
    assert _phoenix_type("PERSON", "Ladu Sabha", (("UGAGOVLEG", None, None),)) == "ORG"


def test_gazetteer_geo():
    from newsgraph.actors.facts import gazetteer_id, geo

    g = geo(gazetteer_id("Tomsk"))
    assert g is not None and g["country"] == "RU" and 56 < g["lat"] < 57
    assert geo("state:RUS") is None and gazetteer_id("Nowhereville Qq") is None


@pytest.mark.parametrize("surface,kb_id", [
    ("Russia", "state:RUS"), ("Russian Federation", "state:RUS"), ("Syria", "state:SYR"),
    ("Iran", "state:IRN"), ("South Korea", "state:KOR"), ("Republic of Korea", "state:KOR"),
    ("United States", "state:USA"), ("the United States", "state:USA"), ("US", "state:USA"),
    ("U.S.", "state:USA"), ("USA", "state:USA"), ("America", "state:USA"), ("UK", "state:GBR"),
    ("Britain", "state:GBR"), ("Great Britain", "state:GBR"), ("Palestine", "state:PSE"),
    ("State of Palestine", "state:PSE"), ("Taiwan", "state:TWN"), ("Kosovo", "state:XKX"),
    ("Western Sahara", "state:ESH"), ("Türkiye", "state:TUR"), ("Turkey", "state:TUR"),
    ("RUSSIA", "state:RUS"), ("Russia's", "state:RUS"), ("Côte d'Ivoire", "state:CIV"),
    ("Cote d’Ivoire", "state:CIV"), ("Burma", "state:MMR"), ("Soviet Union", "state:SUN"),
    ("USSR", "state:SUN"), ("Yugoslavia", "state:YUG"), ("Czechoslovakia", "state:CSK"),
    ("East Germany", "state:DDR"), ("West Germany", "state:DEU"), ("Zaire", "state:COD"),
])
def test_state_lookup(kb, surface, kb_id):
    assert ids(kb.lookup(surface))[0] == kb_id


def test_case_aware(kb):
    assert kb.lookup("us") == []  # the pronoun is not the United States
    assert kb.lookup("Us") == []
    assert kb.lookup("russia") == []  # no capital letter: not a name
    assert kb.lookup("un") == []
    assert is_acronym("U.S.") and is_acronym("PiS") and not is_acronym("Hamas")
    assert fold("The Élysée's") == "elysee"


@pytest.mark.parametrize("surface,kb_id", [
    ("UN", "org:un"), ("United Nations", "org:un"), ("Security Council", "org:unsc"),
    ("UN Security Council", "org:unsc"), ("UNRWA", "org:unrwa"), ("ICC", "org:icc"),
    ("EU", "org:eu"), ("NATO", "org:nato"), ("Arab League", "org:arab_league"), ("BRICS", "org:brics"),
    ("Hamas", "org:hamas"), ("Islamic Resistance Movement", "org:hamas"), ("Hezbollah", "org:hezbollah"),
    ("Ansar Allah", "org:houthis"), ("ISIS", "org:islamic_state"), ("PKK", "org:pkk"),
    ("the Kremlin", "org:kremlin"), ("White House", "org:white_house"), ("the Pentagon", "org:pentagon"),
    ("State Department", "org:state_department"), ("Downing Street", "org:downing_street"),
    ("Elysee", "org:elysee"), ("Russia Today", "org:rt"), ("RT", "org:rt"), ("TASS", "org:tass"),
    ("Al Jazeera", "org:al_jazeera"), ("Reuters", "org:reuters"),
])
def test_org_lookup(kb, surface, kb_id):
    assert ids(kb.lookup(surface))[0] == kb_id


def test_org_fields(kb):
    hamas = kb.get("org:hamas")
    assert hamas.type == "ORG" and hamas.kind == "movement" and hamas.affiliation == "state:PSE"
    assert all(e.wikidata is None for e in kb if e.source == "bundled")  # unverifiable ids removed
    assert kb.get("org:unsc").parent == "org:un"
    assert kb.get("org:kremlin").affiliation == "state:RUS"


@pytest.mark.parametrize("surface,kb_id", [
    ("Russian Foreign Ministry", "org:foreign_ministry:RUS"),
    ("the Russian foreign ministry", "org:foreign_ministry:RUS"),
    ("Russia's foreign ministry", "org:foreign_ministry:RUS"),
    ("Russia’s Foreign Ministry", "org:foreign_ministry:RUS"),
    ("Ministry of Foreign Affairs of Russia", "org:foreign_ministry:RUS"),
    ("Iranian Foreign Ministry", "org:foreign_ministry:IRN"),
    ("South Korean defence ministry", "org:defence_ministry:KOR"),
    ("Chinese government", "org:government:CHN"),
    ("US Army", "org:military:USA"),
    ("Israeli army", "org:idf"),  # a named body stands for its state's template
    ("Israel's military", "org:idf"),
])
def test_government_body_templates(kb, surface, kb_id):
    (entry,) = kb.lookup(surface)
    assert entry.kb_id == kb_id and entry.type == "ORG"
    assert entry.affiliation == ("state:ISR" if kb_id == "org:idf" else "state:" + kb_id.rsplit(":", 1)[1])


def test_template_entry_by_id(kb):
    e = kb.get("org:foreign_ministry:RUS")
    assert e is not None and e.name == "Russian Foreign Ministry" and e.affiliation == "state:RUS"
    assert kb.lookup("russian foreign ministry") == []  # no capital letter
    assert kb.lookup("Narnian Foreign Ministry") == []


@pytest.mark.parametrize("surface,kb_id", [
    ("Gaza", "place:gaza_strip"), ("Gaza Strip", "place:gaza_strip"), ("West Bank", "place:west_bank"),
    ("Golan Heights", "place:golan_heights"), ("Crimea", "place:crimea"), ("Donbass", "place:donbas"),
])
def test_regions(kb, surface, kb_id):
    assert ids(kb.lookup(surface))[0] == kb_id


@pytest.mark.parametrize("city,country", [("Ramallah", "state:PSE"), ("Aleppo", "state:SYR"),
                                          ("Kyiv", "state:UKR"), ("Kiev", "state:UKR"),
                                          ("Khan Younis", "state:PSE"), ("Mecca", "state:SAU")])
def test_places(kb, city, country):
    hits = kb.lookup(city)
    assert hits and hits[0].type == "LOCATION" and hits[0].affiliation == country


@pytest.mark.parametrize("word,kb_id", [
    ("Russian", "state:RUS"), ("Russians", "state:RUS"), ("Israeli", "state:ISR"), ("Israelis", "state:ISR"),
    ("American", "state:USA"), ("Americans", "state:USA"), ("Palestinian", "state:PSE"),
    ("Palestinians", "state:PSE"), ("South Korean", "state:KOR"), ("British", "state:GBR"),
    ("Dutch", "state:NLD"), ("Emirati", "state:ARE"), ("RUSSIAN", "state:RUS"), ("Soviet", "state:SUN"),
    ("Yugoslav", "state:YUG"), ("East German", "state:DDR"), ("Czechoslovak", "state:CSK"),
    ("American Samoans", "state:ASM"), ("Samoans", "state:WSM"),
])
def test_demonyms(kb, word, kb_id):
    assert kb.demonym(word).kb_id == kb_id


def test_demonym_misses(kb):
    assert kb.demonym("russian") is None and kb.demonym("Narnian") is None


@pytest.mark.parametrize("city,kb_id", [
    ("Moscow", "state:RUS"), ("Washington", "state:USA"), ("Tel Aviv", "state:ISR"),
    ("Jerusalem", "state:ISR"), ("Ramallah", "state:PSE"), ("The Hague", "state:NLD"),
    ("Beijing", "state:CHN"), ("Kiev", "state:UKR"), ("Damascus", "state:SYR"),
])
def test_capital_metonymy(kb, city, kb_id):
    assert kb.capital_of(city).kb_id == kb_id


def test_capital_of_non_capital(kb):
    assert kb.capital_of("Aleppo") is None and kb.capital_of("moscow") is None


def test_patterns(kb):
    pats = kb.patterns()
    by_text = {(p["pattern"], p["id"]): p["label"] for p in pats if isinstance(p["pattern"], str)}
    assert by_text[("Russia", "state:RUS")] == "GPE_STATE"
    assert by_text[("Hamas", "org:hamas")] == "ORG"
    assert by_text[("Ramallah", "place:282239")] == "LOC"
    assert not any(p["pattern"] == "us" for p in pats)
    assert any(p["id"] == "template:foreign_ministry" for p in pats)
    assert any(p["label"] == "NORP" and p["pattern"] == "Israeli" for p in kb.patterns(demonyms=True))


def test_patterns_work_in_spacy(kb):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(kb.patterns())
    doc = nlp("The Russian Foreign Ministry said US and UN envoys met Hamas in Ramallah; tell us.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Russian Foreign Ministry", "ORG"), ("US", "GPE_STATE"), ("UN", "ORG"), ("Hamas", "ORG"),
            ("Ramallah", "LOC")} <= ents
    assert kb.lookup("Russian Foreign Ministry")[0].affiliation == "state:RUS"


# ---- user files ---------------------------------------------------------------------------

def test_user_yaml(tmp_path: Path):
    f = tmp_path / "actors.yaml"
    f.write_text(
        "- name: Basem Naim\n  type: PERSON\n  aliases: [Bassem Naim]\n  affiliation: org:hamas\n"
        "- {name: Quds News Network, type: ORG, kb_id: Q123456, aliases: QNN|Quds News,\n"
        "   affiliation: Palestine}\n"
        "- {name: Hamas, type: ORG, kb_id: org:hamas, aliases: [Hamas movement in Gaza]}\n",
        encoding="utf-8")
    kb = load_kb([f])
    naim = kb.lookup("Bassem Naim")[0]
    assert naim.type == "PERSON" and naim.kb_id == "user:basem_naim" and naim.affiliation == "org:hamas"
    assert naim.source == str(f) and naim.label == "PERSON"
    qnn = kb.lookup("QNN")[0]
    assert qnn.wikidata == "Q123456" and qnn.affiliation == "state:PSE"  # a name resolves to a kb_id
    hamas = kb.get("org:hamas")
    assert "Hamas movement in Gaza" in hamas.aliases and "Islamic Resistance Movement" in hamas.aliases
    assert hamas.kind == "movement"


def test_user_yaml_actors_key_and_csv(tmp_path: Path):
    y = tmp_path / "a.yml"
    y.write_text("actors:\n  - name: Example Front\n    type: org\n", encoding="utf-8")
    c = tmp_path / "b.csv"
    c.write_text("name,type,aliases,affiliation\n# a comment row\n"
                 "North Wind Brigade,ORG,NWB|Northwind,state:SYR\n\nJohn Example,PERSON,,\n",
                 encoding="utf-8")
    kb = load_kb([y, c])
    assert kb.lookup("Example Front")[0].type == "ORG"
    nwb = kb.lookup("NWB")[0]
    assert nwb.name == "North Wind Brigade" and nwb.affiliation == "state:SYR"
    assert kb.lookup("John Example")[0].type == "PERSON"
    assert kb.lookup("Russia")[0].kb_id == "state:RUS"  # bundled data still there


def _error(tmp_path: Path, name: str, text: str) -> ConfigError:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_kb([f])
    e = exc.value
    assert e.code == "NG040" and str(f) in str(e)
    return e


@pytest.mark.parametrize("text,line,field", [
    ("- name: A\n  type: ORG\n- name: B\n  type: PLANET\n", 4, "type"),
    ("- name: A\n  type: ORG\n- type: ORG\n  aliases: [x]\n", 3, "name"),
    ("- name: A\n  type: ORG\n  colour: red\n", 3, "colour"),
    ("- name: A\n  type: ORG\n  aliases: {a: 1}\n", 3, "aliases"),
    ("- name: A\n  type: ORG\n  affiliation: Narnia\n", 3, "affiliation"),
    ("- name: A\n  type: ORG\n  wikidata: 123\n", 3, "wikidata"),
    ("- name: A\n  type: [ORG\n", 3, "(syntax)"),
    ("- name: A\n  type: ORG\n- just a string\n", 3, "(entry)"),
    ("name: A\ntype: ORG\n", 1, "(top level)"),
])
def test_malformed_yaml(tmp_path: Path, text: str, line: int, field: str):
    e = _error(tmp_path, "bad.yaml", text)
    assert (e.line, e.field) == (line, field)
    assert f"line {line}: {field}:" in str(e)


@pytest.mark.parametrize("text,line,field", [
    ("name,type\nA,ORG\nB,\n", 3, "type"),
    ("name,type\nA,ORG\n,ORG\n", 3, "name"),
    ("name,kind\nA,party\n", 1, "type"),
    ("name,type,colour\nA,ORG,red\n", 1, "colour"),
    ("name,type\nA,ORG\nB,ORG,extra\n", 3, "(row)"),
    ("name,type\nA,ORG\nB,SPACESHIP\n", 3, "type"),
])
def test_malformed_csv(tmp_path: Path, text: str, line: int, field: str):
    e = _error(tmp_path, "bad.csv", text)
    assert (e.line, e.field) == (line, field)


def test_unsupported_and_missing_files(tmp_path: Path):
    _error(tmp_path, "actors.txt", "name,type\n")
    with pytest.raises(ConfigError, match="NG040"):
        load_kb([tmp_path / "missing.yaml"])


def test_kb_names_keep_regnal_numbers_and_initials_in_capitals() -> None:
    """ "Elizabeth II", "U.S. Federal Reserve": not "Elizabeth Ii", "U.s. Federal Reserve"."""
    import re

    bad = re.compile(r"\b(?:Ii|Iii|Iv|Vi|Vii|Viii|Ix)\b|\b[A-Z]\.[a-z]\.")
    names = [f for e in load_kb() for f in [e.name, *e.forms]]
    assert len(names) > 10_000
    assert [n for n in names if bad.search(n)] == []


def test_wikinews_interview_tags_name_wikinews() -> None:
    from newsgraph.pipeline.registry import Resources

    kb = Resources().get("kb")
    assert [e.kb_id for e in kb.lookup("WN")][:1] == ["org:wikinews"]


def test_former_states_are_states_with_their_phoenix_codes_and_no_capital(kb):
    # archives of 1979-1991 name states that no longer exist; "Moscow" stays Russia's
    sun = kb.get("state:SUN")
    assert sun is not None and sun.type == "STATE" and sun.kind == "former" and sun.capital is None
    assert kb.capital_of("Moscow").kb_id == "state:RUS"
    from newsgraph.actors.facts import cameo_at

    assert cameo_at(sun, None) == "SUN" and cameo_at(kb.get("state:DDR"), "1985-01-01") == "DDR"
    states = ("East Germany", "Soviet Socialist Republics")
    assert not any(e.type == "PERSON" and e.name in states for e in kb)


def test_groups_the_phoenix_dictionaries_file_like_people_are_organisations_and_their_leaders_people(kb):
    # a group's record whose primary name ends in an organisation word or opens with a transliterated
    # one ("Jemaah", "Lashkar", "Harakat") is an organisation, its names no person's
    for name in ("Abu Sayyaf Group", "Jemaah Islamiyah", "Lashkar E Tayyiba", "Lord's Resistance Army"):
        assert [e.type for e in kb.lookup(name)] == ["ORG"], name
    assert not [e for e in kb.lookup("Harakat Hazm") if e.type == "PERSON"]
    # ... and the people TABARI files among the group's synonyms stay people
    assert [e.type for e in kb.lookup("Joseph Kony")] == ["PERSON"]
    assert [e.type for e in kb.lookup("Ayman al-Zawahiri")] == ["PERSON"]
