"""Exact page counts for `opplan lint --exact`: the page rules on the typeset document.

`counter(settings)` is the engine's page counter under `--exact`: it typesets a
document the way `opplan render` does (`opplan.render.exact`, cached by
content) instead of estimating its pages. A document whose frontmatter fails
its schema cannot be composed, so it gets no page rule (its schema errors say
what to fix); a document typst cannot set is reported as a `render` problem.
`fingerprint(settings)` is what the lint result cache must also key on: the
templates and versions the exact counts depend on beyond the file's bytes.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from typing import TYPE_CHECKING

from opplan.errors import DocumentError
from opplan.fileio import read_regular
from opplan.resources import templates_dir

if TYPE_CHECKING:
    from opplan.config.model import Config, Page
    from opplan.document import Document
    from opplan.lint.check import PageCounter
    from opplan.pages import PageCount


def counter(settings: Config) -> PageCounter:
    """A page counter that typesets each document with valid frontmatter."""

    def count(doc: Document, page: Page) -> PageCount | None:
        if doc.model is None:
            return None
        from opplan.render.errors import RenderError  # noqa: PLC0415 - typst, pandoc
        from opplan.render.exact import exact_pages  # noqa: PLC0415

        try:
            return exact_pages(doc, page, settings)
        except RenderError as err:
            raise DocumentError(
                doc.path, f"cannot typeset it to count pages (--exact): {err}", rule="render"
            ) from None

    return count


def fingerprint(settings: Config) -> str:
    """A hash of the typst templates and fonts in force and the typesetting versions.

    It reads the files rather than asking the template engine: a fully cached run
    should not import it.
    """
    digest = hashlib.sha256(f"{version('typst')} {version('pypandoc-binary')}".encode())
    for folder in (settings.root / settings.templates.folder, templates_dir()):
        render = folder / "render"
        for path in sorted(render.glob("*.typ.j2")):
            digest.update(f"{path.name}\0".encode() + read_regular(path))
        for path in sorted(render.glob("fonts/*")):
            digest.update(f"{path.name}\0{path.stat().st_size}".encode())
    return digest.hexdigest()
