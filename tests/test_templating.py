from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from opplan import config, templating
from opplan.errors import UsageError
from opplan.fileio import write_atomic

Write = Callable[[str, str | bytes], Path]


def _config(write: Write, templates: dict[str, str]) -> config.Config:
    root = write("opplan.toml", '[templates]\nfolder = "my-templates"\n').parent
    for name, text in templates.items():
        write(f"my-templates/{name}", text)
    return config.load(start=root)


def test_local_templates_render_with_values(write: Write) -> None:
    settings = _config(write, {"new/hello.md.j2": "Hello {{ team }}!\n"})
    assert templating.render(settings, "new/hello.md.j2", team="Payments") == "Hello Payments!\n"
    (info,) = [t for t in templating.templates(settings) if t.name == "new/hello.md.j2"]
    assert info.origin == "local"
    assert info.path == settings.root / "my-templates/new/hello.md.j2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("line one\n{{ team }\n", ":2: template syntax error: "),
        ("line one\nline two\n{{ teem }}\n", ":3: template error: 'teem' is undefined"),
    ],
)
def test_template_errors_name_file_and_line(write: Write, text: str, message: str) -> None:
    settings = _config(write, {"new/bad.md.j2": text})
    with pytest.raises(UsageError) as caught:
        templating.render(settings, "new/bad.md.j2", team="x")
    assert str(caught.value).startswith(f"{settings.root / 'my-templates/new/bad.md.j2'}{message}")


def test_missing_template(write: Write) -> None:
    settings = _config(write, {})
    with pytest.raises(UsageError, match=r"no template 'new/none\.md\.j2'"):
        templating.render(settings, "new/none.md.j2")


def test_write_atomic_replaces_whole_files_and_leaves_no_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "plan.md"
    write_atomic(target, "first")
    write_atomic(target, b"second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["plan.md"]
