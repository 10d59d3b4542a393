"""`opplan lint --exact`: the page rules on the typeset document, as `opplan render` prints it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES
from opplan.render import tables
from render_helpers import pdf_pages

Cli = Callable[..., Result]
PAGE_RULES = ("page-budget", "reading-time")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems(result: Result) -> list[dict[str, object]]:
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["problems"]
    return found


def with_tables_in_narrative(folder: Path) -> Path:
    """The OP1 example with every frontmatter table placed in its narrative: the
    estimate, which reads only the body, cannot see them; typesetting does."""
    text = (EXAMPLES / "op1-payments-platform.md").read_text(encoding="utf-8")
    marks = "\n\n".join(f"<!-- opplan:table {name} -->" for name in tables.names("op1"))
    text = text.replace(
        "# Plan with the same resources", f"{marks}\n\n# Plan with the same resources"
    )
    path = folder / "op1.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_exact_and_estimate_can_fall_on_either_side_of_the_budget(repo: Path, cli: Cli) -> None:
    (repo / "opplan.toml").write_text("[lint.rules.reading-time]\nminutes = 18\n", encoding="utf-8")
    path = with_tables_in_narrative(repo)
    estimated = problems(cli("lint", "--format", "json", path))
    assert not [p for p in estimated if p["rule"] in PAGE_RULES]
    exact = problems(cli("lint", "--exact", "--format", "json", path))
    budget = next(p for p in exact if p["rule"] == "page-budget")
    assert re.fullmatch(r"narrative is 7 pages when typeset; budget is 6 \(.*\)", budget["message"])
    reading = next(p for p in exact if p["rule"] == "reading-time")
    assert re.match(
        r"narrative takes \d+ minutes to read \(6\.\d pages when typeset ", reading["message"]
    )


def test_messages_say_the_estimate_was_used(repo: Path, cli: Cli) -> None:
    (repo / "opplan.toml").write_text("[lint.rules.page-budget]\npages = 2\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "op1-payments-platform.md", repo / "op1.md")
    [found] = [
        p for p in problems(cli("lint", "--format", "json", "op1.md")) if p["rule"] == "page-budget"
    ]
    assert re.match(r"narrative is about \d\.\d pages \(estimate\); budget is 2 ", found["message"])


@pytest.mark.parametrize(
    "name",
    ["op1-payments-platform.md", "op2-payments-platform.md", "prfaq-instant-payouts.md", None],
)
def test_exact_count_is_the_rendered_pdfs(repo: Path, cli: Cli, name: str | None) -> None:
    """The narrative pages lint reports are the PDF's pages before the Appendix heading."""
    (repo / "opplan.toml").write_text("[lint.rules.page-budget]\npages = 1\n", encoding="utf-8")
    if name is None:
        path = with_tables_in_narrative(repo)
    else:
        path = repo / name
        shutil.copy(EXAMPLES / name, path)
    [found] = [
        p
        for p in problems(cli("lint", "--exact", "--format", "json", path))
        if p["rule"] == "page-budget"
    ]
    counted = re.match(r"narrative is (\d+) pages when typeset", str(found["message"]))
    assert counted, found["message"]
    assert cli("render", path, "--to", "pdf", "-o", "out").exit_code == 0
    text = pdf_pages((repo / "out" / path.with_suffix(".pdf").name).read_bytes())
    appendix = next(i for i, page in enumerate(text) if "Appendix" in page.splitlines())
    assert int(counted[1]) == appendix >= 2


def test_invalid_frontmatter_keeps_its_schema_errors_and_gets_no_page_rule(
    repo: Path, cli: Cli
) -> None:
    (repo / "opplan.toml").write_text("[lint.rules.page-budget]\npages = 1\n", encoding="utf-8")
    text = (EXAMPLES / "op1-payments-platform.md").read_text(encoding="utf-8")
    (repo / "bad.md").write_text(
        text.replace("status: approved", "status: bogus", 1), encoding="utf-8"
    )
    shutil.copy(EXAMPLES / "op2-payments-platform.md", repo / "good.md")
    found = problems(cli("lint", "--exact", "--format", "json", "."))
    rules = {(Path(str(p["path"])).name, p["rule"]) for p in found}
    assert ("bad.md", "schema") in rules
    assert not any(path == "bad.md" and rule in PAGE_RULES for path, rule in rules)
    assert ("good.md", "page-budget") in rules


def test_repeat_runs_come_from_the_caches_and_the_key_knows_exact(
    repo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "opplan.toml").write_text("[lint.rules.page-budget]\npages = 1\n", encoding="utf-8")
    monkeypatch.setenv("OPPLAN_CACHE_DIR", str(repo / "lint-cache"))
    shutil.copy(EXAMPLES / "prfaq-instant-payouts.md", repo / "prfaq.md")
    plain = problems(cli("lint", "--format", "json", "prfaq.md"))
    exact = problems(cli("lint", "--exact", "--format", "json", "prfaq.md"))
    assert plain != exact  # not served the estimate's results from the lint cache
    assert len(list((repo / ".opplan-cache" / "pages").glob("*.json"))) == 1
    # A repeat run typesets nothing: remove the typesetter's output and nothing changes.
    shutil.rmtree(repo / ".opplan-cache")
    assert problems(cli("lint", "--exact", "--format", "json", "prfaq.md")) == exact
    assert problems(cli("lint", "--format", "json", "prfaq.md")) == plain


def test_a_document_typst_cannot_set_is_a_render_problem(repo: Path, cli: Cli) -> None:
    local = repo / "templates" / "render"
    local.mkdir(parents=True)
    (local / "style.typ.j2").write_text("#let opplan-setup = (\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "prfaq-instant-payouts.md", repo / "prfaq.md")
    result = cli("lint", "--exact", "--format", "text", "prfaq.md")
    assert result.exit_code == 1
    assert re.search(
        r"prfaq\.md:1:1: error cannot typeset it to count pages \(--exact\): typst failed .*"
        r"\[render\]",
        result.stdout,
    )
    assert "page-budget" not in result.stdout and "Traceback" not in result.output
