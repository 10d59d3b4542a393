"""Pre-fill an OP2 from the OP1 it revises.

The OP1's frontmatter is copied with ruamel's round-trip mode, so its key order,
comments and block scalars survive; the body's sections are carried over with the
two OP2 sections placed after the introduction.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from opplan import document
from opplan.document import frontmatter
from opplan.document.outline import title_heading
from opplan.errors import UsageError
from opplan.scaffold.skeleton import NEW_VERSION, yaml_scalar
from opplan.scaffold.values import Request, Values, with_defaults
from opplan.section_match import matcher

# The keys that head a document, in order; keys added to the copy go after them.
_HEAD = ("kind", "title", "team", "org", "cycle", "status", "owners", "reviewers", "version")
_TRACKS = ("same_resources", "more_investment")


@dataclass(frozen=True)
class Op1Source:
    """An OP1 read for `opplan new op2 --from`."""

    path: Path
    meta: CommentedMap  # with quotes preserved, for the copy
    body: document.Body


def read(path: Path) -> Op1Source:
    """The OP1 at `path`, refused unless it is an OP1 that passes the schema."""
    doc = document.load(path)
    if doc.kind != "op1":
        raise UsageError(f"{path}: --from needs an OP1, and this is kind {doc.kind}")
    if doc.model is None:
        first = doc.schema_findings[0]
        raise UsageError(
            f"{path}:{first.line}:{first.column}: the OP1 fails the schema ({first.message}); "
            f"run 'opplan lint {path}' and fix it first"
        )
    parts = frontmatter.split(str(path), doc.text)
    meta = _yaml().load(parts.frontmatter)
    return Op1Source(path, meta, doc.body)


def defaults(source: Op1Source, request: Request) -> Request:
    """The request, with what it lacks taken from the OP1 (the title with OP1 made OP2)."""
    meta = source.meta
    title = str(meta["title"])
    return with_defaults(
        request,
        team=meta.get("team"),
        cycle=meta.get("cycle"),
        org=meta.get("org"),
        owners=tuple(meta.get("owners") or ()),
        title=re.sub(r"\bOP1\b", "OP2", title) if re.search(r"\bOP1\b", title) else None,
    )


def frontmatter_text(source: Op1Source, values: Values, output: Path, today: dt.date) -> str:
    """The OP2's frontmatter: the OP1's, revised."""
    meta = copy.deepcopy(source.meta)
    meta["kind"] = "op2"
    for key, value in (
        ("title", values.title),
        ("team", values.team),
        ("org", values.org),
        ("cycle", values.cycle),
        ("status", "draft"),
        ("owners", CommentedSeq(values.owners)),
        ("date", today),
        ("op1", _relative(source.path, output)),
    ):
        _put(meta, key, value)
    if "version" in meta:  # a new document: the OP1's version label does not carry over
        meta["version"] = DoubleQuotedScalarString(NEW_VERSION)
    for track in _TRACKS:
        for initiative in meta["tracks"][track].get("initiatives") or ():
            initiative["status"] = "planned"
    meta["review_actions"] = CommentedSeq()
    meta["allocated"] = _baseline(meta.get("asks") or ())
    meta["top_down"] = CommentedSeq()
    stream = io.StringIO()
    _yaml().dump(meta, stream)
    return stream.getvalue()


def body_parts(source: Op1Source) -> tuple[str, str]:
    """The OP1's body cut where the OP2's review sections go: after the introduction.

    The introduction is found as lint finds it ("1. Overview", "Executive summary"),
    among the top-level headings under a title heading.
    """
    body = source.body
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


def _put(meta: CommentedMap, key: str, value: object) -> None:
    if isinstance(value, str) and yaml_scalar(value).startswith('"'):
        value = DoubleQuotedScalarString(value)  # quoted like the rest of opplan's output
    if key in meta:
        meta[key] = value
        return
    keys = list(meta)
    position = max((keys.index(k) + 1 for k in (*_HEAD, "date") if k in meta), default=0)
    meta.insert(position, key, value)


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
                f"# TODO: the {key} granted (this is what the OP1 asked for)", key, column
            )
    return allocated


def _relative(source: Path, output: Path) -> str:
    """The OP1's path relative to the OP2's folder, with forward slashes."""
    relative = os.path.relpath(source.resolve(), output.resolve().parent)
    return Path(relative).as_posix()


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
