"""Exact page counts: the same as the rendered PDF, and cached by content."""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from pathlib import Path

from conftest import EXAMPLES
from opplan import document
from opplan.config.model import Page
from opplan.render.exact import cache_dir, exact_pages
from render_helpers import pdf_pages, rendered, settings


def copy_example(root: Path, name: str = "prfaq-instant-payouts.md") -> Path:
    shutil.copy(EXAMPLES / name, root / name)
    return root / name


def test_exact_pages_match_the_rendered_pdf(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = copy_example(tmp_path)
    counted = exact_pages(document.load(path), conf.page, conf)
    result = rendered(path, conf)
    assert counted == result.pages
    assert counted.exact and counted.total == len(pdf_pages(result.outputs["pdf"]))


def test_repeat_runs_read_the_cache(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    doc = document.load(copy_example(tmp_path))
    first = exact_pages(doc, conf.page, conf)
    [cached] = cache_dir(conf).glob("*.json")
    cached.write_text(json.dumps({**json.loads(cached.read_text()), "narrative": 42.0}))
    assert first.narrative != 42.0
    assert exact_pages(doc, conf.page, conf).narrative == 42.0  # read, not typeset again


def png(width: int, height: int) -> bytes:
    """A grey PNG image of this size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_a_changed_image_is_typeset_again(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = copy_example(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n## ", "\n![A chart](chart.png)\n\n## ", 1))
    image = tmp_path / "chart.png"
    image.write_bytes(png(40, 10))
    wide = exact_pages(document.load(path), conf.page, conf)
    assert wide.files == (str(image),)
    image.write_bytes(png(10, 400))  # a tall image takes most of a page
    tall = exact_pages(document.load(path), conf.page, conf)
    assert tall.narrative > wide.narrative + 0.3
    image.unlink()  # an image that is gone is left out, and counted so
    assert exact_pages(document.load(path), conf.page, conf).narrative < tall.narrative


def test_the_cache_key_follows_content_geometry_and_templates(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = copy_example(tmp_path)
    base = exact_pages(document.load(path), conf.page, conf)
    path.write_text(
        path.read_text().replace("# External FAQ", "# External FAQ\n\n" + "Filler. " * 900)
    )
    longer = exact_pages(document.load(path), conf.page, conf)
    assert longer.narrative > base.narrative + 1
    bigger = exact_pages(document.load(path), Page(font_size=13), conf)
    assert bigger.narrative > longer.narrative
    assert len(list(cache_dir(conf).glob("*.json"))) == 3


def test_a_local_typst_style_changes_the_count(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = copy_example(tmp_path)
    base = exact_pages(document.load(path), conf.page, conf)
    style = (Path(__file__).parents[1] / "templates" / "render" / "style.typ.j2").read_text()
    local = tmp_path / "templates" / "render"
    local.mkdir(parents=True)
    (local / "style.typ.j2").write_text(style.replace("leading: 0.6em", "leading: 1.6em"))
    assert exact_pages(document.load(path), conf.page, conf).narrative > base.narrative + 1


def test_settings_default_to_the_documents_configuration(tmp_path: Path) -> None:
    conf = settings(tmp_path, '[render]\ncache_dir = "cache"\n')
    exact_pages(document.load(copy_example(tmp_path)), conf.page)
    assert list((tmp_path / "cache" / "pages").glob("*.json"))
