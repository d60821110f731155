"""Word lists of the light sentence reader (:mod:`.syntax`)."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[’']s\b|\w+(?:[-.]\w+|[’'](?!s\b)\w+)*|[^\w\s]")

AUX = frozenset(
    "is are was were be been being has have had will would can could may might shall should must "
    "do does did 's ’s 'll ’ll".split()
)
BE = frozenset("is are was were be been being".split())
NEG = frozenset("not n't n’t never no".split())
MODALS = frozenset("will would can could may might shall should 'll ’ll".split())
DET = frozenset(
    "the a an its his her their our my your both all two three four several various some other many "
    "this these those each every any no".split()
)
REL = frozenset("which who whom whose".split())
POSS_PRON = frozenset("his her its their our my".split())
PERS_PRON = frozenset("he she they we i it".split())
ROLE = frozenset(
    """
delegation delegations delegates delegate members member officials official leader leaders
leadership head heads chief chiefs deputy deputies minister ministers envoy envoys ambassador
ambassadors spokesman spokeswoman spokesperson president presidents chairman chairwoman chair
representative representatives adviser advisers advisor advisors group groups movement side
government ministry counterpart colleague colleagues team senior high-ranking top political bureau
foreign special former acting secretary general secretary-general media prime vice commander
commanders forces army militants fighters authorities diplomats diplomat lawmakers parliamentarians
negotiators activists director counterparts office council committee party faction factions allies
partners state states country countries administration military troops navy visiting official's high
ranking ranking interior defence defense affairs international relations armed wing wings parliament
mission missions sources source spokesmen officers officer staff cabinet regime junta rebels
insurgents guests hosts visitors readout statement sides parties
""".split()
)
ADJUNCT_OPENERS = frozenset(
    """
in on at after before during following according since despite amid regarding asked with for as upon
unlike like under over through throughout meanwhile however earlier later separately also addressing
speaking when while although though if once last this next yesterday today prior ahead
""".split()
)
OBJ_STOP = frozenset(
    """
that which who whom whose where when while because since after before during in at on for over about
from into amid despite following under within until if unless as but than said says saying told
tells according via through against towards toward upon without across behind near outside inside to
by with between
""".split()
)
SPEECH = frozenset(
    """
said says saying told tells telling added adds stressed stresses emphasized emphasised stated states
noted notes explained explains asserted asserts argued argues insisted insists believed believes
considered considers pointed revealed reveals announced announces confirmed confirms claimed claims
reported reports thought affirmed reaffirmed highlighted underlined underscored reiterated indicated
indicates
""".split()
)
GROUP_PAIR = re.compile(
    r"\b(?:the\s+two\s+(?:sides|ministers|leaders|delegations|parties|factions|men|"
    r"governments|countries|movements|groups|officials|presidents)|both\s+(?:sides|"
    r"delegations|parties|factions|ministers|leaders|governments|countries)|the\s+sides|"
    r"the\s+ministers|the\s+parties|the\s+two)\b",
    re.IGNORECASE,
)
DELEGATION = re.compile(r"\b(?:delegation|delegations|delegates|visitors|guests)\b", re.IGNORECASE)
SUBORD = frozenset("while because although though whereas where unless if when once".split())
OPEN_QUOTES = frozenset("“‘\"'")
#: prepositions after which an ambiguous form ("visit", "support") is a noun
PREP_ADJ = frozenset(
    "of after before during at for on in from with between about upon following since against "
    "amid despite over".split()
)
