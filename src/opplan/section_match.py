"""Which canonical section a heading means, however the author wrote it.

Every rule that looks for a section asks this module, so that they agree.
A heading counts for a canonical section when its normal form (see `normal`)
is the canonical title's or one of its synonyms': the built-in table
`SYNONYMS`, extended by the configured aliases. Normal forms ignore the
heading's level, leading numbering (`1.`, `1.2`, `A.`, `IV.`, `Part 1 —`,
`Section 2:`), case, punctuation, apostrophes, a leading "the" or "our", years
(`2027 Goals`), plurals, and `&` against "and"; "Frequently asked questions",
"Q&A" and "Questions and answers" all read as "FAQ".

A heading that joins titles with `/`, `&`, `+` or "and" counts for each part
(`FAQ / Internal FAQ`, `Customer & Stakeholder FAQs`: a part without the last
part's noun borrows it), except that "Press release / FAQ" (or "PR/FAQ")
names the whole document and counts for neither. A heading that starts with
"Appendix" (`Appendix B: Data`) starts the appendix.

A bare "FAQ" counts as the external (customer) FAQ, the one nearly every
PR/FAQ has; under it, a heading naming only an audience ("Internal",
"Stakeholders", "Customers") counts for that audience's FAQ. Any other FAQ
heading that names an audience ("FAQ for customers", "Internal team FAQs")
counts for that audience's FAQ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from opplan import kinds, sections

_NUMBERING = re.compile(
    r"^\s*(?:(?:part|section|chapter|step)\s+(?:\d+|[ivxlc]+|[a-z])\b"
    r"|\d+(?:\.\d+)*\.?(?=[\s:.)\-\u2013\u2014])|[ivxlc]+\.|[a-z][.)])"
    r"\s*[:.)\-\u2013\u2014]*\s*",
    re.IGNORECASE,
)
_APOSTROPHES = re.compile("['`\u2018\u2019]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_FAQ_FORMS = (
    (re.compile(r"\bfrequently asked questions?\b"), "faq"),
    (re.compile(r"\bquestions? and answers?\b"), "faq"),
    (re.compile(r"\bq and a\b|\bqna\b"), "faq"),
)
_YEAR = re.compile(r"^(?:19|20)\d\d$|^fy\d{2,4}$")
_LEADING = ("the", "our", "a")
_DANGLING = ("for", "in", "of", "to")
_JOINS = re.compile(r"\s*/\s*|\s+&\s+|\s*\+\s*|\s+and\s+", re.IGNORECASE)

INTERNAL_AUDIENCES = (
    "internal",
    "stakeholder",
    "technical",
    "engineering",
    "business",
    "team",
    "leadership",
    "operational",
)
EXTERNAL_AUDIENCES = ("external", "customer", "user", "public", "client", "partner")

SYNONYMS: dict[str, tuple[str, ...]] = {
    "Introduction": (
        "Intro",
        "Overview",
        "Purpose",
        "Summary",
        "Executive summary",
        "Background",
        "Context",
        "Charter",
        "Mission",
        "Team charter",
        "About the team",
        "Who we are",
    ),
    "Tenets": ("Principles", "Guiding principles", "Team tenets"),
    "Last year's results": (
        "Results",
        "State of the business",
        "Year in review",
        "Review of last year",
        "Last year",
        "Last year's performance",
        "Prior year results",
        "Performance",
        "Results against goals",
        "Business review",
        "Accomplishments",
        "Look back",
        "Looking back",
        "Retrospective",
    ),
    "Lessons learned": ("Lessons", "Learnings", "Key learnings", "What we learned"),
    "Goals": ("Objectives", "Goals and objectives", "OKRs", "Targets", "Next year's goals"),
    "Plan with the same resources": (
        "Same resources",
        "Plan with flat resources",
        "Flat plan",
        "Baseline plan",
        "Strategic priorities",
        "Priorities",
        "Plan",
        "Roadmap",
        "Initiatives",
        "Key initiatives",
        "Flat headcount plan",
    ),
    "Plan with more investment": (
        "More investment",
        "Plan with significant investment",
        "Plan with incremental investment",
        "Incremental investment",
        "Investment plan",
        "Investment options",
        "Stretch plan",
        "Growth plan",
        "10x plan",
        "What more investment buys",
    ),
    "Key assumptions": ("Assumptions", "Planning assumptions"),
    "Resource asks": (
        "Asks",
        "Resource requests",
        "Resourcing",
        "Headcount",
        "Headcount asks",
        "Headcount requests",
        "Investment asks",
        "Budget requests",
        "Budget asks",
        "Requests",
    ),
    "Risks": ("Known risks", "Key risks", "Risks and mitigations", "Risk register"),
    "Dependencies": ("Cross-team dependencies", "External dependencies"),
    "Changes since the OP1 review": (
        "Changes since OP1",
        "What changed since OP1",
        "What changed",
        "Changes",
    ),
    "Review actions": ("Action items", "OP1 review actions", "Actions from the review"),
    "Press release": (
        "PR",
        "Draft press release",
        "Press announcement",
        "News release",
        "Announcement",
        "Launch announcement",
    ),
    "External FAQ": (
        "FAQ",
        "Frequently asked questions",
        *(f"{audience.capitalize()} FAQ" for audience in EXTERNAL_AUDIENCES[1:]),
        *(f"FAQ ({audience})" for audience in EXTERNAL_AUDIENCES),
        "Customer questions",
    ),
    "Internal FAQ": (
        *(f"{audience.capitalize()} FAQ" for audience in INTERNAL_AUDIENCES[1:]),
        *(f"FAQ ({audience})" for audience in INTERNAL_AUDIENCES),
        "Internal questions",
        "Stakeholder questions",
    ),
    "What was delivered": (
        "Delivered",
        "What we delivered",
        "What shipped",
        "Highlights",
        "Wins",
        "Accomplishments",
        "Achievements",
        "Progress",
        "What went well",
    ),
    "What is not working": (
        "What isn't working",
        "What did not go well",
        "What didn't go well",
        "Lowlights",
        "Challenges",
        "Issues",
        "Blockers",
        "Problems",
        "Concerns",
        "Risks and issues",
    ),
    "Stop, start or adjust": (
        "Stop, start, adjust",
        "Stop, start, continue",
        "Start, stop, continue",
        "Decisions",
        "Decisions taken",
        "Adjustments",
        "Course corrections",
        "Changes to the plan",
    ),
    "Where we are overcommitted": (
        "Overcommitted",
        "Overcommitment",
        "Capacity",
        "Staffing",
        "Bandwidth",
    ),
    "Appendix": (
        "Appendices",
        "Annex",
        "Supporting data",
        "Supplementary material",
    ),
}
APPENDIX = sections.APPENDIX


def unnumbered(title: str) -> str:
    """A heading without its leading numbering ("2.1 ", "Part 1 — ", "IV. ")."""
    return _NUMBERING.sub("", title, count=1)


@cache
def normal(title: str) -> str:
    """A heading reduced to what matters for matching: lower-case singular words."""
    text = unnumbered(title)
    text = _APOSTROPHES.sub("", text).lower().replace("&", " and ")
    text = " ".join(_PUNCTUATION.sub(" ", text).split())
    for pattern, replacement in _FAQ_FORMS:
        text = pattern.sub(replacement, text)
    words = [_singular(word) for word in text.split() if not _YEAR.match(word)]
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    while len(words) > 1 and words[-1] in _DANGLING:
        words.pop()
    return " ".join(words)


def _singular(word: str) -> str:
    if word.endswith("ices") and len(word) > 5:
        return word[:-4] + "ix"  # appendices
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class Matcher:
    """The built-in synonyms, extended by configured aliases (title = [other titles])."""

    def __init__(self, aliases: Mapping[str, Sequence[str]]) -> None:
        table: dict[str, list[str]] = {title: list(found) for title, found in SYNONYMS.items()}
        for title, extra in aliases.items():
            canonical = next((known for known in table if normal(known) == normal(title)), title)
            table.setdefault(canonical, []).extend(extra)
        self.table = {title: tuple(found) for title, found in table.items()}
        self._meanings: dict[str, frozenset[str]] = {}
        self._index: dict[str, set[str]] = {}
        for title, found in self.table.items():
            for name in (title, *found):
                self._index.setdefault(normal(name), set()).add(title)

    def meanings(self, heading: str) -> frozenset[str]:
        """The canonical sections a heading counts for (none for most headings)."""
        known = self._meanings.get(heading)
        if known is None:
            known = self._meanings[heading] = self._read(heading)
        return known

    def _read(self, heading: str) -> frozenset[str]:
        found = set(self._lookup(normal(heading)))
        parts = [part for part in _JOINS.split(heading) if part.strip()]
        if len(parts) > 1:
            noun = normal(parts[-1]).split()[-1:] if normal(parts[-1]) else []
            for part in parts:
                meant = self._lookup(normal(part))
                if not meant and noun:
                    meant = self._lookup(normal(f"{part} {noun[0]}"))
                found.update(meant)
        words = normal(heading).split()
        if not found and "faq" in words:  # "FAQ for customers", "Internal team FAQs"
            if any(word in INTERNAL_AUDIENCES for word in words):
                found.add("Internal FAQ")
            elif any(word in EXTERNAL_AUDIENCES for word in words):
                found.add("External FAQ")
        if "Press release" in found and found & {"External FAQ", "Internal FAQ"}:
            return frozenset()  # "Press release / FAQ" names the whole document, not a part
        return frozenset(found)

    def means(self, heading: str, canonical: str) -> bool:
        """Whether a heading counts for `canonical` (a title outside the table: by its words)."""
        return canonical in self.meanings(heading) or normal(heading) == normal(canonical)

    def _lookup(self, name: str) -> set[str]:
        found = set(self._index.get(name, ()))
        if name.startswith("appendix ") and APPENDIX in self.table:
            found.add(APPENDIX)
        return found

    def audience(self, heading: str) -> str | None:
        """The FAQ a heading under a bare FAQ names by its audience alone ("Internal")."""
        words = normal(heading).split()
        if len(words) != 1 and not (len(words) == 2 and words[1] in ("question", "faq")):
            return None
        if words[0] in INTERNAL_AUDIENCES:
            return "Internal FAQ"
        if words[0] in EXTERNAL_AUDIENCES:
            return "External FAQ"
        return None


@cache
def _matcher(key: tuple[tuple[str, tuple[str, ...]], ...]) -> Matcher:
    return Matcher(dict(key))


def matcher(aliases: Mapping[str, Sequence[str]] | None = None) -> Matcher:
    """The matcher for these configured aliases (built once per distinct table)."""
    key = tuple(sorted((title, tuple(found)) for title, found in (aliases or {}).items()))
    return _matcher(key)


def is_appendix(heading: str, titles: Iterable[str] = ()) -> bool:
    """Whether a heading starts the appendix: built-in forms or configured `titles`."""
    name = normal(heading)
    if matcher().means(heading, APPENDIX):
        return True
    return any(name == normal(title) or name.startswith(normal(title) + " ") for title in titles)


_TITLE_WORDS = sorted((w for kind in kinds.KINDS.values() for w in kind.title_words), key=len)
_KIND_WORDS = re.compile(rf"\b({'|'.join(map(re.escape, reversed(_TITLE_WORDS)))})\b")


def _loose(title: str) -> str:
    text = " ".join(_PUNCTUATION.sub(" ", _APOSTROPHES.sub("", title).lower()).split())
    text = _KIND_WORDS.sub(" ", text)
    return " ".join(word for word in text.split() if not _YEAR.match(word))


def repeats_title(heading: str, title: str) -> bool:
    """Whether a heading repeats the document's title, compared loosely.

    Case, punctuation and dashes aside, and with the kind's name and years left
    out: "Instant Payouts — PR/FAQ" repeats "Instant Payouts PR/FAQ".
    """
    if not title.strip():
        return False
    mine, theirs = _loose(heading), _loose(title)
    if not mine or not theirs:
        return " ".join(normal(heading).split()) == " ".join(normal(title).split())
    return mine == theirs


def describe(table: Mapping[str, Sequence[str]]) -> list[str]:
    """The table as lines: each canonical title and the headings that count for it."""
    lines = [
        f"{title}: {', '.join(found) or '(its own title only)'}" for title, found in table.items()
    ]
    lines.append(f"{APPENDIX}: also any heading that starts with 'Appendix' ('Appendix B: Data')")
    lines.append(
        "A heading joining titles with '/', '&' or 'and' counts for each; an FAQ heading "
        "naming an audience ('FAQ for customers') counts for its FAQ, and so does, under a "
        "bare FAQ, a heading naming only an audience ('Internal', 'Customers')."
    )
    return lines
