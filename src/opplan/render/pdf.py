"""PDF through pandoc's typst writer and the typst compiler, in-process.

Fonts are typst's own, plus any in a `render/fonts/` template folder; system
fonts are ignored so that a document has the same pages on every machine. The
compiler's root holds copies of only the files the document may read
(`fileroot.py`), so neither the document nor a template reads anything else. Where the
marks landed (document start and end, appendix, press release) is read back
with a query and turned into exact page counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typst

from opplan import templating
from opplan.config.model import Config, Page
from opplan.pages import PAPER_INCHES, PageCount
from opplan.render import fileroot, pandoc
from opplan.render.errors import RenderError
from opplan.resources import templates_dir

PAPERS = {"letter": "us-letter", "a4": "a4"}


@dataclass(frozen=True)
class TypstDocument:
    """One document's part of a typst source: its index, running header, body and title."""

    index: int
    header: str  # plain text
    draft: bool
    body: str  # typst markup from pandoc
    title: str = ""  # plain text: the document's title, in a packet's footers and bookmarks

    def values(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "header": string(self.header),
            "draft": self.draft,
            "body": self.body,
            "title": string(self.title),
        }


def string(text: object) -> str:
    """A typst string literal holding `text`."""
    clean = "".join(ch for ch in str(text) if ch >= " " or ch in "\n\t")
    escaped = clean.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\t", "\\t") + '"'


def array(items: Sequence[str]) -> str:
    """A typst array literal of typst values (one item needs a trailing comma)."""
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def markup(tree: dict[str, Any], what: str) -> str:
    """The typst markup of a (sanitized, marked) pandoc AST."""
    # Citations are written as their text: typst's own would need a typst bibliography.
    return pandoc.write(tree, "typst-citations", what).decode("utf-8")


def source(
    config: Config,
    page: Page,
    documents: list[TypstDocument],
    template: str = "render/document.typ.j2",
    **values: Any,
) -> str:
    """The whole typst source: opplan's style, then each document."""
    return templating.render(
        config,
        template,
        page=page,
        paper=PAPERS[page.paper],
        documents=[document.values() for document in documents],
        **{"packet": False, "metadata": "", **values},
    )


def font_paths(config: Config) -> list[str]:
    """The font folders: the repository's own (every file in it inside the repository), then
    opplan's."""
    local = templating.local_dir(config) / "render" / "fonts"
    folders = [templates_dir() / "render" / "fonts"]
    if local.is_dir():
        for path in (local, *local.rglob("*")):
            templating.contained(path, config)
        folders.insert(0, local.resolve())
    return [str(folder) for folder in folders if folder.is_dir()]


def typeset(
    config: Config,
    text: str,
    root: Path,
    what: str,
    *,
    files: Iterable[Path] = (),
    export: bool = True,
) -> tuple[bytes | None, dict[str, Any]]:
    """The PDF (when `export`) and the mark positions of a typst source.

    typst reads only copies of `files` (inside `root`), at their paths from `root`.
    """
    data = text.encode("utf-8")
    try:
        with fileroot.staged(root, files) as staged:
            # The stub ties the input's type to the font paths' type; both are fine here.
            compiler = typst.Compiler(  # type: ignore[misc]
                data, root=str(staged), font_paths=font_paths(config), ignore_system_fonts=True
            )
            positions = json.loads(compiler.query("<opplan-pages>", field="value", one=True))
            pdf = compiler.compile(data, format="pdf") if export else None
    except typst.TypstError as err:
        raise _failed(what, err.message) from None
    except RuntimeError as err:
        raise _failed(what, str(err).splitlines()[0] if str(err) else "no message") from None
    return (pdf if isinstance(pdf, bytes) else None), positions


def _failed(what: str, message: str) -> RenderError:
    reason = message.removeprefix("failed to compile document: ")
    return RenderError(f"typst failed on {what}: {reason}", cause=f"typst: {reason}")


def page_count(positions: dict[str, Any], page: Page) -> PageCount:
    """Exact pages from the positions of one document's marks.

    The narrative runs to the appendix mark, or to the end; its last page counts by
    the share of the text height it fills (5.4 is five pages and 40% of a sixth).
    """
    height = PAPER_INCHES[page.paper][1] * 72
    top = page.margin * 72
    body = height - 2 * top
    start = positions.get("start")
    end = positions.get("end")
    if not start or not end:
        raise RenderError("the typst template lost opplan's start and end marks; restore them")

    def pages_to(at: dict[str, float]) -> float:
        fill = min(max((at["y"] - top) / body, 0.0), 1.0)
        return float(at["page"] - start["page"] + fill)

    narrative_end = positions.get("narrative-end") or end
    pr_start, pr_end = positions.get("pr-start"), positions.get("pr-end")
    press = None if not (pr_start and pr_end) else round(pages_to(pr_end) - pages_to(pr_start), 2)
    total = end["page"] - start["page"] + 1
    return PageCount(round(pages_to(narrative_end), 2), float(total), press, exact=True)
