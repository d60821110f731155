"""Word lists for the actor rules: titles, organisation heads, venue and metonymy contexts.

All lists are general English news vocabulary (no names of particular people or articles).
Lookups are on lowercased words unless said otherwise.
"""

from __future__ import annotations

import re

#: words that head a person's title ("Deputy Foreign *Minister*", "Hamas *official*")
TITLE_HEADS = frozenset(
    """
president vice-president minister ministers premier chancellor secretary secretary-general undersecretary
under-secretary spokesman spokeswoman spokesperson ambassador envoy representative official leader head chief
chairman chairwoman chair director commander member senator lawmaker mp mayor governor king queen prince
princess emir sheikh shaikh sultan ayatollah imam cleric general gen gen. colonel col col. lieutenant major
brigadier admiral marshal dr dr. mr mr. mrs mrs. ms ms. prof prof. professor sir lord adviser advisor analyst
researcher expert journalist correspondent editor reporter activist negotiator diplomat judge speaker
counsellor counselor attorney-general prosecutor commissioner coordinator delegate consul consul-general
founder co-founder politician fm pm deputy sayyed sayyid haj hajj mullah rabbi pope patriarch bishop
archbishop cardinal mufti monarch rapporteur ceo chairperson executive strategist scholar
""".split()
)

#: modifiers that may precede a title head ("*Deputy Foreign* Minister", "*senior* official")
TITLE_MODIFIERS = frozenset(
    """
deputy vice acting former ex- ex late then incoming outgoing first second senior top chief prime foreign
defence defense interior finance economy economic trade justice health education energy culture
information media press political politburo military security national international foreign-affairs
special presidential state general permanent assistant executive supreme grand regional local high
parliamentary opposition veteran leading prominent exiled former-deputy interim caretaker crown
""".split()
)

#: honorifics written directly before a name (the name may then be a single token)
HONORIFICS = frozenset(
    """
mr mr. mrs mrs. ms ms. dr dr. prof prof. sheikh shaikh sheik sayyed sayyid haj hajj sir dame lord lady
imam mullah ayatollah emir king queen prince princess president premier chancellor minister senator
general gen gen. colonel col. fm pm
""".split()
)

#: words that end an organisation's name ("Sabil *Movement*", "Wadi *Post*")
ORG_HEADS = frozenset(
    """
movement party front council committee assembly ministry organisation organization union brigades brigade
forces army authority institute office bureau agency commission league alliance coalition association
foundation court parliament government room group network bank fund mission service services corps guard
guards jihad resistance federation congress senate cabinet directorate secretariat centre center university
company corporation navy police command tribunal duma academy society
""".split()
)

#: outlet words ("Wadi *Post*", "KTV *One*") that make an ORG a media organisation
MEDIA_HEADS = frozenset(
    """
post times news tv radio gazette agency tribune herald journal channel net today press observer monitor
chronicle daily review wire network one 24 telegraph guardian express mail sun star standard
""".split()
)

#: words that never start or end a name on their own
FUNCTION_WORDS = frozenset(
    """
the a an of for in on at to and or but by with from as into than that this these those its his her their
our your my we they he she it i you who whom which what when where while if after before since until
""".split()
)

#: capitalised words that are not names at the start of a sentence or heading
SENTENCE_WORDS = frozenset(
    """
the a an this that these those it its he she his her they their we our in on at to for with by from as
after before when while if but and or so yet also however meanwhile according asked speaking earlier later
last next some many most all both each every no not one two three several other another such there here
what who which how why where read comments comment photo source update breaking exclusive watch video
""".split()
)

#: prepositions and verbs after which a city is a place, not a government ("arrived *in* Moscow")
VENUE_BEFORE = frozenset(
    """
in at to from into near outside inside via toward towards around visit visited visiting
visits arrived arrive arriving left leaving leave reached reach flew fly returned return headed travelled
traveled trip journey based back
""".split()
)

#: verbs (and auxiliaries) after which a capital is the government acting ("Moscow *responded*")
METONYM_VERBS = frozenset(
    """
has have had is was will would could can may might must should does did said says say responded responds
warned warns accused accuses rejected rejects denied denies insisted insists wants wanted hopes hoped sees
believes considers considered demanded demands called calls urged urges condemned condemns welcomed welcomes
announced announces declared declares stated states signaled signalled signals refused refuses agreed agrees
approved approves sent sends imposed imposes threatened threatens supports supported backs backed opposes
opposed seeks sought views viewed regards regarded claimed claims blamed blames summoned summons expelled
expels recognized recognised recognizes recognises continues continued remains remained reacted reacts
criticized criticised criticizes criticises told tells added adds noted notes stressed stresses
emphasized emphasised promised promises pledged pledges offered offers asked asks invited invites hosted
hosts received receives maintains maintained plays played provided provides helped helps tried tries
needs needed knows knew decided decides launched launches ordered orders dismissed dismisses
""".split()
)

#: adverbs that may stand between a subject and its verb ("Moscow *also* said")
ADVERBS = frozenset(
    "also now then already reportedly officially still later too quickly always long "
    "repeatedly swiftly again never not only".split()
)

#: nouns after "X's" that make X a place ("Moscow's *streets*") rather than a government
PLACE_POSSESSED = frozenset(
    """
streets street capital mayor residents airport airports suburbs suburb centre center city outskirts
districts district neighbourhoods neighborhoods squares square metro population people hospitals hospital
port harbour harbor skyline old university stadium museum citizens inhabitants downtown
""".split()
)

#: nouns before "with X"/"between X and" that make X a government ("*talks* with Moscow")
RELATION_NOUNS = frozenset(
    """
talks relations ties consultation consultations contacts dialogue negotiations cooperation agreement deal
tensions tension rift dispute row channels channel coordination alignment partnership alliance
""".split()
)

#: nouns after a city that make it a modifier, not an actor ("the *Oslo* agreement")
MODIFIED_NOUNS = frozenset(
    """
agreement agreements accord accords process talks summit conference format declaration protocol
treaty plan communique memorandum meeting meetings negotiations group pier port
""".split()
)

#: nouns after a demonym that make the phrase a mention of the state ("the Russian *side*")
STATE_NOUNS = frozenset("side people occupation leadership regime nation state enemy".split())

#: nouns after a demonym or organisation that describe a person ("the Hamas *official*")
PERSON_NOUNS = frozenset(
    """
official leader diplomat minister spokesman spokeswoman spokesperson envoy chief ambassador politician
commander negotiator representative delegate lawmaker senator president head chairman officer adviser
advisor
""".split()
)

#: descriptions of organisations ("the *movement*") and the name heads they can refer to
ORG_DESCRIPTIONS: dict[str, frozenset[str]] = {
    "movement": frozenset({"movement", "jihad", "resistance", "front", "brigades"}),
    "group": frozenset({"movement", "group", "front", "brigades", "jihad", "resistance", "party"}),
    "organisation": frozenset({"organisation", "organization", "movement", "group", "front", "union"}),
    "organization": frozenset({"organisation", "organization", "movement", "group", "front", "union"}),
    "ministry": frozenset({"ministry", "office"}),
    "council": frozenset({"council"}),
    "party": frozenset({"party"}),
    "committee": frozenset({"committee"}),
    "agency": frozenset({"agency"}),
    "army": frozenset({"army", "forces", "military"}),
    "assembly": frozenset({"assembly"}),
    "alliance": frozenset({"alliance"}),
}

#: religions, peoples and faith adjectives: not actors in themselves
NON_ACTORS = frozenset(
    """
Islam Christianity Judaism Islamic Muslim Muslims Christian Christians Jewish Jew Jews Arab Arabs Sunni Sunnis
Shia Shiite Shiites Druze Kurdish Catholic Orthodox Hindu Buddhist Zionist Zionists God Allah Quran Koran
""".split()
)

PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

#: particles inside personal names (lowercase or capitalised)
NAME_PARTICLES = frozenset(
    "abu abou bin ibn bint umm um abd abdel abdul al el ad ash as at az ar an ud "
    "de van von der da di du la le del della dos das ben".split()
)

#: collective political actors named by a common word ("the West")
COLLECTIVES: dict[str, str] = {"West": "STATE"}

_CAP = re.compile(r"^[A-Z\u00C0-\u00DE]")


def is_cap(word: str) -> bool:
    """Starts with a capital letter (Latin, incl. accented)."""
    return bool(_CAP.match(word))


def is_title_word(word: str) -> bool:
    w = word.lower()
    return w in TITLE_HEADS or w in TITLE_MODIFIERS
