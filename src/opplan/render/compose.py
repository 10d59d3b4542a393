"""A document as the final Markdown pandoc reads: title block, narrative, appendix, tables.

The body is cut at the appendix (as `opplan lint` cuts it); a `<!-- opplan:table
NAME -->` line in the narrative is replaced by that table, and the tables not
placed that way go to the appendix (unless `[render] appendix_tables` is off).
Charts (`<!-- opplan:chart NAME -->`, see `render/charts.py`) work the same way;
each becomes a mark that the writers replace by the chart.
The kind's template `render/<kind>.md.j2` puts the parts together. Marks (empty
divs of class `opplan-mark`) tell the typesetter where the appendix and the
press release start and end, for exact page counts.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import jinja2

from opplan import kinds, templating
from opplan.config.model import Config
from opplan.document import Document
from opplan.errors import DocumentError
from opplan.names import unknown_message
from opplan.render import charts, tables
from opplan.render.context import Context, context_of
from opplan.render.table import Table, escape
from opplan.schemas import DocumentBase

MARKER = re.compile(r"\s*<!--\s*opplan:(table|chart)\s+([\w-]*)\s*-->\s*")
MARK_CLASS = "opplan-mark"
DEFAULT_TEMPLATE = "render/default.md.j2"


def kind_label(kind: str) -> str:
    """How a kind is named on the page: OP1, PR/FAQ, Roll-up."""
    return kinds.KINDS[kind].label if kind in kinds.KINDS else kind.upper()


def mark(name: str) -> str:
    """An empty div the writers turn into a page-position mark."""
    return f"\n::: {{#opplan-{name} .{MARK_CLASS}}}\n:::\n"


@dataclass(frozen=True)
class Composed:
    """The final Markdown of a document, and what was placed where."""

    markdown: str
    model: DocumentBase
    placed: tuple[str, ...]  # tables and charts placed in the narrative by a marker
    context: Context  # what the tables read besides the document


def model_of(doc: Document) -> DocumentBase:
    """The validated frontmatter, or the first schema problem as a DocumentError."""
    if doc.model is None:
        finding = doc.schema_findings[0] if doc.schema_findings else None
        line, column = (finding.line, finding.column) if finding else (1, 1)
        reason = finding.message if finding else "the frontmatter does not fit its schema"
        raise DocumentError(
            doc.path,
            f"{reason}; run 'opplan lint' and fix it",
            rule="schema",
            line=line,
            column=column,
        )
    return doc.model


def compose(doc: Document, config: Config) -> Composed:
    """The document's final Markdown, from its kind's template."""
    model = model_of(doc)
    context = context_of(doc, model, config)
    aliases = config.lint.section_aliases(doc.kind)
    if aliases and not doc.aliases:
        doc = dataclasses.replace(doc, aliases=aliases)  # find sections as lint does
    lines = [_defuse(line) for line in doc.body.lines]
    first = doc.body.first_line
    edits: dict[int, list[str]] = {}  # body line index -> lines that replace it
    placed = _place_tables(doc, model, context, edits)
    appendix_index = next((s.line - first for s in doc.body.sections if s.appendix), None)
    _drop_title(doc, edits)
    _mark_press_release(doc, lines, edits)
    for index in sorted(edits, reverse=True):
        lines[index : index + 1] = edits[index]
    if appendix_index is not None:
        shift = sum(len(new) - 1 for index, new in edits.items() if index <= appendix_index)
        appendix_index += shift
    cut = len(lines) if appendix_index is None else appendix_index
    narrative = "\n".join(lines[:cut])
    appendix = "\n".join(lines[cut:])
    remaining = [
        table
        for name in tables.names(model.kind)
        if name not in placed
        and config.render.appendix_tables
        and (table := tables.build(model, name, context)) is not None
    ]
    charts_left = [
        mark(f"chart-{name}")
        for name in charts.names(model.kind)
        if name not in placed and charts.build(model, name) is not None
    ]
    if not appendix.strip() and (remaining or charts_left):
        appendix = "# Appendix\n"
    if appendix.strip():
        appendix = mark("appendix") + "\n" + appendix
    markdown = templating.render(
        config,
        _template(config, model.kind),
        doc=model,
        kind_label=kind_label(model.kind),
        narrative=narrative.strip("\n"),
        appendix=appendix.strip("\n"),
        tables=remaining,
        charts=charts_left,
        md=_md,
    )
    return Composed(markdown, model, tuple(placed), context)


def _template(config: Config, kind: str) -> str:
    """The kind's own template, else the one every kind can use."""
    name = kinds.KINDS[kind].render_template if kind in kinds.KINDS else None
    if name is None:
        return DEFAULT_TEMPLATE
    try:
        templating.environment(config).get_template(name)
    except jinja2.TemplateNotFound:
        return DEFAULT_TEMPLATE
    except jinja2.TemplateSyntaxError:
        pass  # rendering it reports the error at its line
    return name


def _place_tables(
    doc: Document, model: DocumentBase, context: Context, edits: dict[int, list[str]]
) -> list[str]:
    """Tables and charts in place of their markers; their names."""
    known = {"table": tables.names(model.kind), "chart": charts.names(model.kind)}
    placed: list[str] = []
    for section in doc.body.sections:
        for block in section.blocks:
            if block.kind != "html":
                continue
            source = "\n".join(
                doc.body.lines[
                    block.line - doc.body.first_line : block.end_line - doc.body.first_line + 1
                ]
            )
            found = MARKER.fullmatch(source)
            if found is None:
                continue
            what, name = found.groups()
            if name not in known[what]:
                raise DocumentError(
                    doc.path, _unknown(what, name, known[what]), rule="render", line=block.line
                )
            if section.appendix and what == "table":
                continue  # the appendix lists every table anyway
            if what == "chart":
                shown = mark(f"chart-{name}") if charts.build(model, name) else ""
            else:
                table = tables.build(model, name, context)
                shown = table.markdown if table else ""
            index = block.line - doc.body.first_line
            edits[index] = ["", shown, ""]
            for extra in range(index + 1, block.end_line - doc.body.first_line + 1):
                edits[extra] = []
            placed.append(name)
    return placed


def _unknown(what: str, name: str, known: tuple[str, ...]) -> str:
    if not known:
        return f"unknown {what} {name!r} in the marker; this kind has no {what}s"
    return unknown_message(what, name, known, where=" in the marker")


def _drop_title(doc: Document, edits: dict[int, list[str]]) -> None:
    """The heading that repeats the title: the title block already prints it."""
    title = doc.outline.title
    if title is None:
        return
    start = title.line - doc.body.first_line
    edits[start] = []
    underline = start + 1  # a setext heading's === line
    if underline < len(doc.body.lines) and set(doc.body.lines[underline].strip()) == {"="}:
        edits[underline] = []


def _mark_press_release(doc: Document, lines: list[str], edits: dict[int, list[str]]) -> None:
    """Marks around the press release (under its heading, or before the first FAQ)."""
    if doc.kind != "prfaq":
        return
    release = doc.outline.press_release()
    if not release:
        return
    first = doc.body.first_line
    start = release[0].line - first
    if release[0].level == 0 and release[0].blocks:
        start = release[0].blocks[0].line - first  # found by position: its first text
    edits[start] = [mark("pr-start"), *edits.get(start, [lines[start]])]
    end = release[-1].end_line - first + 1
    if end >= len(lines):
        edits[len(lines)] = [mark("pr-end")]
        lines.append("")
    else:
        edits[end] = [mark("pr-end"), *edits.get(end, [lines[end]])]


def _md(value: object) -> str | list[str]:
    """Plain text (or each item of a list) escaped for Markdown; for templates."""
    if isinstance(value, list | tuple):
        return [escape(item) for item in value]
    return escape(value)


def _defuse(text: str) -> str:
    """The author's text, unable to forge opplan's own marks."""
    return text.replace(MARK_CLASS, "opplan-text")


__all__ = ["Composed", "Table", "compose", "mark", "model_of"]
