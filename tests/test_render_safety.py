"""A document cannot pull files from outside the repository into its outputs.

Each case is a body that tries to include /etc/passwd; every output must come out
without its content, and the run must say what was left out.
"""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from typer.testing import Result

from conftest import OP1_FRONTMATTER, document
from opplan.errors import UsageError
from opplan.render import pandoc, pdf
from opplan.render.errors import RenderError
from opplan.resources import templates_dir
from render_helpers import pdf_pages, rendered, secret, settings

Cli = Callable[..., Result]

CASES = {
    "image by absolute path": ("![passwd](/etc/passwd)", "image '/etc/passwd' is left out"),
    "image by relative path": (
        "![passwd](../../../../../../../../etc/passwd)",
        "is outside the repository",
    ),
    "image through a symlink": ("![passwd](link.png)", "is outside the repository"),
    "remote image": ("![logo](https://example.com/logo.png)", "nothing is fetched"),
    "raw typst read": ('```{=typst}\n#read("/etc/passwd")\n```', "raw typst"),
    "raw typst include": ('`#include "/etc/passwd"`{=typst}', "raw typst"),
    "raw typst image": ('```{=typst}\n#image("/etc/passwd")\n```', "raw typst"),
    "latex input is text": ("\\input{/etc/passwd}", None),
    "raw html": ('<iframe src="file:///etc/passwd"></iframe>', "raw html"),
    "typst attribute": (
        '[x]{typst:text:fill="read(\\"/etc/passwd\\")"}',
        "attribute typst:text:fill",
    ),
}


def outputs_text(outputs: dict[str, bytes]) -> str:
    docx = zipfile.ZipFile(io.BytesIO(outputs["docx"]))
    return "\n".join(
        [
            *pdf_pages(outputs["pdf"]),
            *(docx.read(name).decode("utf-8", "replace") for name in docx.namelist()),
            outputs["html"].decode(),
        ]
    )


@pytest.mark.parametrize(("body", "warning"), list(CASES.values()), ids=list(CASES))
def test_passwd_stays_out(tmp_path: Path, body: str, warning: str | None) -> None:
    repo = tmp_path / "a" / "b" / "repo"
    repo.mkdir(parents=True)
    (repo / "link.png").symlink_to("/etc/passwd")
    conf = settings(repo)
    path = repo / "plan.md"
    path.write_text(document(OP1_FRONTMATTER, f"# Intro\n\nBefore.\n\n{body}\n\nAfter.\n"))
    result = rendered(path, conf, ("pdf", "docx", "html"))
    text = outputs_text(result.outputs)
    assert secret() not in text
    assert "root:x:0" not in text
    assert "Before." in text and "After." in text
    if warning is None:  # plain text, as GitHub shows it
        assert body in text and not result.warnings
    else:
        assert any(warning in message for message in result.warnings), result.warnings


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def test_an_image_in_the_repository_is_used(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "dot.png").write_bytes(PNG)
    path = tmp_path / "plans" / "plan.md"
    path.parent.mkdir()
    path.write_text(document(OP1_FRONTMATTER, "# Intro\n\n![A dot](../charts/dot.png)\n"))
    result = rendered(path, conf, ("pdf", "docx", "html"))
    assert result.warnings == ()
    media = [
        n
        for n in zipfile.ZipFile(io.BytesIO(result.outputs["docx"])).namelist()
        if n.startswith("word/media/")
    ]
    assert len(media) == 1
    assert len(pypdf.PdfReader(io.BytesIO(result.outputs["pdf"])).pages[0].images) == 1
    assert "data:image/png;base64," in result.outputs["html"].decode()


def test_typst_itself_reads_nothing_outside_its_root(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    source = '#read("/etc/passwd")\n#metadata((:)) <opplan-pages>'
    with pytest.raises(RenderError, match="typst failed"):
        pdf.typeset(conf, source, tmp_path, "test")


def _svg(inner: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="40" height="20" viewBox="0 0 40 20">{inner}</svg>'
    )


SVG_CASES = {
    "image through a link out": (
        '<image href="l.png" width="10" height="10"/>',
        "'l.png', outside the repository",
    ),
    "xlink into a linked folder": (
        '<image xlink:href="linked/dot.png" width="10" height="10"/>',
        "outside the repository",
    ),
    "absolute path": ('<image href="/etc/passwd" width="9" height="9"/>', "outside the repository"),
    "file address": ('<image href="file:///etc/passwd"/>', "nothing is fetched"),
    "remote address": ('<image href="https://example.com/a.png"/>', "nothing is fetched"),
    "css url": ('<rect style="fill: url(../../outside.png)"/>', "outside the repository"),
    "css import": ("<style>@import 'https://example.com/a.css';</style>", "@import"),
    "external entity": ('<image href="&e;"/>', "external entity"),
    "internal entity to outside": ('<image href="&e;"/>', "outside the repository"),
    "nested svg": ('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', "nests another SVG"),
    "no such image": ('<image href="missing.png"/>', "no image file here"),
}


@pytest.mark.parametrize(("inner", "warning"), list(SVG_CASES.values()), ids=list(SVG_CASES))
def test_an_svg_reads_nothing_from_outside(tmp_path: Path, inner: str, warning: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "dot.png").write_bytes(PNG)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "l.png").symlink_to(outside / "dot.png")
    (repo / "linked").symlink_to(outside)
    text = _svg(inner)
    if "entity" in warning:
        text = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e SYSTEM "/etc/passwd">]>' + text
    elif "&e;" in inner:
        text = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e "l.png">]>' + text
    (repo / "drawing.svg").write_text(text)
    conf = settings(repo)
    path = repo / "plan.md"
    path.write_text(document(OP1_FRONTMATTER, "# Intro\n\nBefore.\n\n![A drawing](drawing.svg)\n"))
    result = rendered(path, conf, ("pdf", "html"))
    assert any(warning in message for message in result.warnings), result.warnings
    assert "[image left out: A drawing]" in pdf_pages(result.outputs["pdf"])[0]
    assert len(pypdf.PdfReader(io.BytesIO(result.outputs["pdf"])).pages[0].images) == 0
    assert "image/svg" not in result.outputs["html"].decode()


def test_an_svg_may_use_an_image_beside_it(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    (tmp_path / "dot.png").write_bytes(PNG)
    inner = (
        '<a href="https://example.com/more"><image href="&img;" width="10" height="10"/></a>'
        '<rect fill="url(#g)" width="5"/>'
    )
    # a drawing program's internal entities are fine; what they expand to is checked
    entities = '<!DOCTYPE svg [<!ENTITY ns "http://ns.example/"><!ENTITY img "dot.png">]>'
    (tmp_path / "drawing.svg").write_text(entities + _svg(inner))
    path = tmp_path / "plan.md"
    path.write_text(document(OP1_FRONTMATTER, "# Intro\n\n![A drawing](drawing.svg)\n"))
    result = rendered(path, conf, ("pdf",))
    assert result.warnings == ()
    assert "image left out" not in pdf_pages(result.outputs["pdf"])[0]
    assert len(pypdf.PdfReader(io.BytesIO(result.outputs["pdf"])).pages[0].images) == 1


def test_typst_reads_only_the_documents_images(tmp_path: Path) -> None:
    # A repository file that is no image of the document: the typst root lacks it.
    (tmp_path / "notes.txt").write_text("private notes\n")
    (tmp_path / "dot.png").write_bytes(PNG)
    conf = settings(tmp_path)
    source = '#read("/notes.txt")\n#metadata((:)) <opplan-pages>'
    with pytest.raises(RenderError, match="typst failed"):
        pdf.typeset(conf, source, tmp_path, "test", files=[tmp_path / "dot.png"])
    source = '#image("/dot.png")\n#metadata((start: none)) <opplan-pages>'
    data, _ = pdf.typeset(conf, source, tmp_path, "test", files=[tmp_path / "dot.png"])
    assert data is not None and data.startswith(b"%PDF")


def _local_template(repo: Path, name: str) -> Path:
    target = repo / "templates" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def test_a_local_typst_template_cannot_read_repository_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("private notes\n")
    conf = settings(tmp_path)
    builtin = (templates_dir() / "render" / "document.typ.j2").read_text()
    template = _local_template(tmp_path, "render/document.typ.j2")
    template.write_text('#read("/notes.txt")\n' + builtin)
    path = tmp_path / "plan.md"
    path.write_text(document(OP1_FRONTMATTER, "# Intro\n\nText.\n"))
    with pytest.raises(RenderError, match="typst failed"):
        rendered(path, conf, ("pdf",))


def test_a_template_linked_from_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.typ.j2"
    outside.write_text((templates_dir() / "render" / "document.typ.j2").read_text())
    repo = tmp_path / "repo"
    repo.mkdir()
    conf = settings(repo)
    _local_template(repo, "render/document.typ.j2").symlink_to(outside)
    path = repo / "plan.md"
    path.write_text(document(OP1_FRONTMATTER, "# Intro\n\nText.\n"))
    with pytest.raises(UsageError, match="the template file is outside the repository"):
        rendered(path, conf, ("pdf",))


def test_a_reference_docx_linked_from_outside_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    conf = settings(repo)
    outside = tmp_path / "reference.docx"
    outside.write_bytes((templates_dir() / "render" / "reference.docx").read_bytes())
    _local_template(repo, "render/reference.docx").symlink_to(outside)
    (tmp_path / "fonts").mkdir()
    path = repo / "plan.md"
    path.write_text(document(OP1_FRONTMATTER, "# Intro\n\nText.\n"))
    with pytest.raises(UsageError, match="outside the repository"):
        rendered(path, conf, ("docx",))
    _local_template(repo, "render/reference.docx").unlink()
    _local_template(repo, "render/fonts").symlink_to(tmp_path / "fonts")
    with pytest.raises(UsageError, match="outside the repository"):
        rendered(path, conf, ("pdf",))


def test_templates_run_sandboxed(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "opplan.toml").write_text("")
    witness = tmp_path / "ran"
    template = _local_template(tmp_path, "new/op1.md.j2")
    template.write_text(
        "{{ cycler.__init__.__globals__.os.popen('touch " + str(witness) + "').read() }}\n"
    )
    result = cli("new", "op1", "--team", "Payments", "--owner", "Dana Reyes")
    assert result.exit_code == 2
    assert "template error" in result.stderr and "unsafe" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not witness.exists()


def test_pandoc_cannot_take_all_the_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nested bracketed spans make pandoc's parser grow without bound (with GitHub's
    # reading, about 100 MB at 80 levels and more with each); its heap is capped, here
    # lower than usual to fail fast.
    monkeypatch.setattr(pandoc, "MAX_HEAP_MB", 64)
    conf = settings(tmp_path)
    path = tmp_path / "plan.md"
    spans = "[" * 100 + "x" + "]{.a}" * 100
    path.write_text(document(OP1_FRONTMATTER, f"# Intro\n\n{spans}\n"))
    with pytest.raises(RenderError, match="pandoc needed more than 64 MB"):
        rendered(path, conf, ("html",))


def test_pandoc_is_stopped_past_its_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No real plan takes pandoc long: with a limit far below any run, every run is stopped.
    monkeypatch.setattr(pandoc, "MAX_SECONDS", 0.001)
    conf = settings(tmp_path)
    path = tmp_path / "plan.md"
    path.write_text(document(OP1_FRONTMATTER, "# Intro\n\nText.\n"))
    with pytest.raises(RenderError, match=r"pandoc took longer than 0\.001 s on .*plan\.md"):
        rendered(path, conf, ("html",))
    assert not list(conf.root.glob("**/*.html"))


def test_inline_nesting_past_the_limit_is_an_error(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = tmp_path / "plan.md"
    emphasis = "*a _b " * 80 + "c_ d*" * 80
    path.write_text(document(OP1_FRONTMATTER, f"# Intro\n\n{emphasis}\n"))
    with pytest.raises(RenderError, match="more than 100 deep"):
        rendered(path, conf, ("html",))
