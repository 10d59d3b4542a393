"""A document cannot pull files from outside the repository into its outputs.

Each case is a body that tries to include /etc/passwd; every output must come out
without its content, and the run must say what was left out.
"""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import pypdf
import pytest

from conftest import OP1_FRONTMATTER, document
from opplan.render import pdf
from opplan.render.errors import RenderError
from render_helpers import pdf_pages, rendered, secret, settings

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
