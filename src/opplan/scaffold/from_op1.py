"""Pre-fill an OP2 from the OP1 it revises.

The OP1's frontmatter is copied with ruamel's round-trip mode, so its key order,
comments and block scalars survive; the body's sections are carried over with the
two OP2 sections placed after the introduction.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from opplan.document.outline import title_heading
from opplan.scaffold import roundtrip, sources
from opplan.scaffold.skeleton import NEW_VERSION
from opplan.scaffold.sources import Source
from opplan.scaffold.values import Request, Values, to_fill
from opplan.section_match import matcher

_TRACKS = ("same_resources", "more_investment")


def read(path: Path) -> Source:
    """The OP1 at `path`, refused unless it is an OP1 that passes the schema."""
    return sources.read(path, "--from", "an OP1", ("op1",))


def defaults(source: Source, request: Request) -> Request:
    """The request, with what it lacks taken from the OP1 (the title with OP1 made OP2)."""
    title = str(source.meta["title"])
    op2 = re.sub(r"\bOP1\b", "OP2", title) if re.search(r"\bOP1\b", title) else None
    return sources.request_from(source, request, title=op2)


def frontmatter_text(source: Source, values: Values, output: Path, today: dt.date) -> str:
    """The OP2's frontmatter: the OP1's, revised."""
    meta = copy.deepcopy(source.meta)
    meta["kind"] = "op2"
    for key, value in (
        *roundtrip.opening(values),
        ("date", today),
        ("op1", roundtrip.relative(source.path, output)),
    ):
        roundtrip.put(meta, key, value)
    if "version" in meta:  # a new document: the OP1's version label does not carry over
        meta["version"] = DoubleQuotedScalarString(NEW_VERSION)
    for track in _TRACKS:
        for initiative in meta["tracks"][track].get("initiatives") or ():
            initiative["status"] = "planned"
    meta["review_actions"] = CommentedSeq()
    meta["allocated"] = _baseline(meta.get("asks") or ())
    meta["top_down"] = CommentedSeq()
    return roundtrip.dump(meta)


def body_parts(source: Source) -> tuple[str, str]:
    """The OP1's body cut where the OP2's review sections go: after the introduction.

    The introduction is found as lint finds it ("1. Overview", "Executive summary"),
    among the top-level headings under a title heading.
    """
    body = source.doc.body
    title = title_heading(body, source.meta.get("title"))
    sections = [section for section in body.sections if section.level and section is not title]
    top = min((section.level for section in sections), default=1)
    headings = [section for section in sections if section.level == top]
    means = matcher().means
    intro = next((i for i, s in enumerate(headings) if means(s.title, "Introduction")), None)
    if intro is not None:
        cut = headings[intro + 1].line if intro + 1 < len(headings) else None
    else:
        cut = headings[0].line if headings else None
    lines = list(body.lines)
    index = len(lines) if cut is None else cut - body.first_line
    return "\n".join(lines[:index]).rstrip(), "\n".join(lines[index:]).strip("\n")


def _baseline(asks: object) -> CommentedMap:
    """What the OP1 asked for, as the starting point for what was allocated."""
    totals = {"headcount": 0, "budget": 0}
    for ask in asks if isinstance(asks, list) else ():
        if ask.get("kind") in totals and ask.get("amount") is not None:
            totals[ask["kind"]] += ask["amount"]
    allocated = CommentedMap()
    for key, total in totals.items():
        if key == "headcount" or total:
            allocated[key] = total
            # ruamel counts the column from the mapping's indentation: two spaces after the value.
            column = len(f"{key}: {total}") + 4
            allocated.yaml_add_eol_comment(
                "# " + to_fill(f"the {key} granted (this is what the OP1 asked for)"), key, column
            )
    return allocated
