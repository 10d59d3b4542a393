"""Exact page counts: the document typeset as it prints, cached by content.

`exact_pages(doc, page)` is what `opplan lint --exact` calls. The narrative is
counted up to the appendix mark, with the share of its last page it fills; the
press release of a PR/FAQ likewise. The result is cached under `[render]
cache_dir` by a hash of everything that changes the layout: the composed
Markdown, the typst templates, the page geometry, the images and the versions of
opplan, pandoc and typst. A repeat run with nothing changed typesets nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from opplan import __version__, config, templating
from opplan.config.model import Config, Page
from opplan.document import Document
from opplan.fileio import read_regular, write_atomic
from opplan.pages import PageCount
from opplan.render import charts, citations, pandoc
from opplan.render.compose import compose
from opplan.render.prepare import prepare
from opplan.render.typeset import typeset

TYPST_TEMPLATES = (
    "render/style.typ.j2",
    "render/chart.typ.j2",
    "render/chart-heat-map.typ.j2",
    "render/document.typ.j2",
    "render/_documents.typ.j2",
)


def exact_pages(doc: Document, page: Page, settings: Config | None = None) -> PageCount:
    """The document's pages as typeset on `page` (narrative, total, press release).

    `settings` gives the templates, the `[render]` options and the cache folder;
    by default the configuration found from the document's folder.
    """
    settings = settings or config.load(start=Path(doc.path).resolve().parent)
    key = cache_key(doc, page, settings)
    cached = load_cached(settings, key)
    if cached is not None:
        return cached
    prepared = prepare(doc, settings)
    _, pages = typeset(prepared, settings, page, export=False)
    pages = pages._replace(files=tuple(str(path) for path in prepared.consulted))
    store(settings, key, pages)
    return pages


def cache_key(doc: Document, page: Page, settings: Config) -> str:
    """A hash of everything the page count depends on."""
    composed = compose(doc, settings)
    env = templating.environment(settings)
    sources = []
    for name in TYPST_TEMPLATES:
        if env.loader is not None:
            sources.append(env.loader.get_source(env, name)[0])
    parts = [
        __version__,
        pandoc.version(),
        version("typst"),
        page.model_dump_json(),
        settings.render.appendix_new_page,
        composed.markdown,
        charts.sources(composed.model),
        sources,
        pandoc.reader(),
        _file_hash(bib) if (bib := citations.bibliography(settings)) else None,
    ]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(read_regular(path, 100_000_000)).hexdigest()
    except OSError:
        return f"missing:{path}"


def cache_dir(settings: Config) -> Path:
    return settings.root / settings.render.cache_dir / "pages"


def load_cached(settings: Config, key: str) -> PageCount | None:
    """The stored counts, if every image they read is unchanged."""
    try:
        data = json.loads(read_regular(cache_dir(settings) / f"{key}.json"))
        images: dict[str, str] = data["images"]
        if any(_file_hash(Path(path)) != digest for path, digest in images.items()):
            return None
        return PageCount(
            data["narrative"], data["total"], data["press_release"], True, tuple(images)
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(settings: Config, key: str, pages: PageCount) -> None:
    """Remember the counts; a cache that cannot be written is only slower."""
    entry = {
        "narrative": pages.narrative,
        "total": pages.total,
        "press_release": pages.press_release,
        "images": {path: _file_hash(Path(path)) for path in pages.files},
    }
    with contextlib.suppress(OSError):
        write_atomic(cache_dir(settings) / f"{key}.json", json.dumps(entry))
