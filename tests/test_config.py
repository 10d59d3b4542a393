from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from opplan import config
from opplan.errors import UsageError

Write = Callable[[str, str | bytes], Path]


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = config.load(start=tmp_path)
    assert settings.source is None
    assert (settings.page.paper, settings.page.margin, settings.page.font_size) == ("letter", 1, 11)
    assert settings.lint.level("schema", "op1", "error") == "error"


def test_nearest_opplan_toml_above_the_start_folder(write: Write) -> None:
    found = write("repo/opplan.toml", '[page]\npaper = "a4"\n')
    deep = write("repo/plans/2027/x.md", "").parent
    settings = config.load(start=deep)
    assert settings.source == found
    assert settings.root == found.parent.resolve()
    assert settings.page.paper == "a4"


def test_pyproject_counts_only_with_a_tool_opplan_table(write: Write) -> None:
    outer = write("a/pyproject.toml", "[tool.opplan.page]\nmargin = 0.75\n")
    write("a/b/pyproject.toml", "[tool.black]\nline-length = 90\n")
    assert config.find(outer.parent / "b") == outer
    assert config.load(start=outer.parent / "b").page.margin == 0.75


def test_rule_levels_and_options_per_kind(write: Write) -> None:
    path = write(
        "opplan.toml",
        '[lint.rules.schema]\nlevel = "warning"\nlimit = 3\n\n'
        '[lint.kinds.prfaq.rules.schema]\nlevel = "off"\nlimit = 4\n',
    )
    lint = config.load(path).lint
    assert lint.level("schema", "op1", "error") == "warning"
    assert lint.level("schema", "prfaq", "error") == "off"
    assert lint.options("schema", "op1", {"limit": 1, "other": 2}) == {"limit": 3, "other": 2}
    assert lint.options("schema", "prfaq", {"limit": 1}) == {"limit": 4}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "opplan.toml",
            '[page]\npaper = "a4"\nmargins = 1\n',
            "opplan.toml:3: unknown key 'margins' in page; did you mean 'margin'?",
        ),
        ("opplan.toml", "[pages]\n", "opplan.toml:1: unknown key 'pages'; did you mean 'page'?"),
        (
            "opplan.toml",
            '[page]\npaper = "a5"\n',
            "opplan.toml:2: page > paper: 'a5' is not allowed; use one of letter, a4",
        ),
        (
            "opplan.toml",
            "[lint.rules.schema]\nlevel = 'loud'\n",
            "opplan.toml:2: lint > rules > schema > level: 'loud' is not allowed; "
            "use one of error, warning, off",
        ),
        ("opplan.toml", "[page\n", "opplan.toml:1: invalid TOML: "),
        (
            "pyproject.toml",
            "[tool.opplan]\npage.font_size = 40\n",
            "pyproject.toml:2: page > font_size: must be at most 16, got 40",
        ),
    ],
)
def test_bad_configuration_names_file_line_and_fix(
    write: Write, name: str, text: str, message: str
) -> None:
    path = write(name, text)
    with pytest.raises(UsageError) as caught:
        config.load(path)
    assert str(caught.value).startswith(f"{path.parent}/{message}")
    assert "\n" not in str(caught.value)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such configuration file"):
        config.load(tmp_path / "nope.toml")


def test_lint_cli_reports_configuration_errors_with_exit_2(
    cli: Callable[..., object], write: Write
) -> None:
    path = write("opplan.toml", "[lint]\nrulez = {}\n")
    result = cli("lint", "--config", path, path.parent)
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert result.stderr == (  # type: ignore[attr-defined]
        f"opplan: error: {path}:2: unknown key 'rulez' in lint; did you mean 'rules'?\n"
    )
