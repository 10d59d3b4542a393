"""A check-in rendered: its goals scored against the plan it reports on, in PDF and docx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from checkin_data import copy, text
from opplan import document
from opplan.render import exact
from opplan.render.document import Rendered
from render_helpers import pdf_pages, rendered, settings, word

GOAL_HEADER = ["ID", "Goal", "Baseline", "Target", "Value", "Score", "Confidence", "Note"]
# (97.6 - 96.2) / (98.5 - 96.2) and (30 - 48) / (4 - 48): ID-2 goes down, in hours.
SCORES = {"ID-1": "0.61", "ID-2": "0.41", "ID-3": "0.40*"}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    root = tmp_path_factory.mktemp("repo")
    folder = copy(root / "plans" / "2027" / "identity")
    return rendered(folder / "checkin-q2.md", settings(root), ("pdf", "docx"))


def _goal_rows(result: Rendered) -> dict[str, list[str]]:
    doc = word(result.outputs["docx"])
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == GOAL_HEADER)
    return {row.cells[0].text: [cell.text for cell in row.cells] for row in table.rows[1:]}


def test_docx_scores_each_goal_against_the_plan(made: Rendered) -> None:
    rows = _goal_rows(made)
    assert {goal: row[5] for goal, row in rows.items()} == SCORES
    assert rows["ID-1"][:7] == [
        "ID-1",
        "Raise the sign-in success rate from 96.2% to 98.5%.",
        "96.2%",
        "98.5%",
        "97.6%",
        "0.61",
        "on-track",
    ]
    assert rows["ID-2"][2:5] == ["48", "4 h", "30 h"]
    paragraphs = [p.text for p in word(made.outputs["docx"]).paragraphs]
    footnote = next(p for p in paragraphs if p.startswith("* Scored by confidence alone"))
    assert "ID-3 (baseline 'nowhere'" in footnote and "ID-1" not in footnote
    assert not made.warnings


def test_docx_has_the_initiatives_with_the_plans_names_and_the_decisions(made: Rendered) -> None:
    doc = word(made.outputs["docx"])
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in doc.tables}
    initiatives = tables["ID", "Initiative", "Status", "Note"]
    assert [c.text for c in initiatives.rows[1].cells][:3] == [
        "IP-1",
        "Passkey registration and sign-in",
        "delivered",
    ]
    decided = tables["Decision", "What", "Why", "About"]
    assert [c.text for c in decided.rows[1].cells] == [
        "stop",
        "Risk-based step-up checks this year",
        "The two engineers move to self-serve recovery",
        "IP-3, IP-2",
    ]


def test_pdf_has_the_byline_and_the_three_tables(made: Rendered) -> None:
    pages = pdf_pages(made.outputs["pdf"])
    assert "Quarter: Q2 · Plan: op2.md · Overcommitted" in pages[0]
    everything = "\n".join(pages)
    for title in ("Goal progress", "Initiative progress", "Decisions"):
        assert title in everything
    assert "Cut the median" in everything and "0.41" in everything
    assert made.pages.exact and made.pages.total == len(pages)


def test_a_plan_that_cannot_be_read_leaves_the_checkins_own_values(tmp_path: Path) -> None:
    folder = copy(tmp_path / "plans", "checkin-q2.md")  # no op2.md beside it
    result = rendered(folder / "checkin-q2.md", settings(tmp_path), ("docx",))
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("the plan op2.md cannot be read (no such file")
    rows = _goal_rows(result)
    assert rows["ID-1"] == [
        "ID-1",
        "",
        "",
        "",
        "97.6%",
        "0.70*",  # on-track, by confidence
        "on-track",
        "Passkey sign-ins fail four times less often than passwords.",
    ]
    assert rows["ID-2"][5] == "0.10*"  # off-track
    paragraphs = [p.text for p in word(result.outputs["docx"]).paragraphs]
    assert "* Scored by confidence alone: ID-1, ID-2, ID-3. The plan op2.md cannot be read" in (
        "\n".join(paragraphs)
    )


def test_configured_confidence_scores_score_without_the_plan(tmp_path: Path) -> None:
    folder = copy(tmp_path / "plans", "checkin-q2.md")
    conf = settings(tmp_path, '[checkins.confidence_scores]\n"on-track" = 0.8\n')
    rows = _goal_rows(rendered(folder / "checkin-q2.md", conf, ("docx",)))
    assert rows["ID-1"][5] == "0.80*"


def test_a_plan_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    copy(tmp_path, "op2.md")
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    checkin = text("checkin-q2.md").replace("plan: op2.md", "plan: ../../op2.md")
    (root / "plans" / "checkin-q2.md").write_text(checkin, encoding="utf-8")
    result = rendered(root / "plans" / "checkin-q2.md", settings(root), ("docx",))
    assert len(result.warnings) == 1 and "is outside" in result.warnings[0]
    assert _goal_rows(result)["ID-1"][1] == ""


def test_a_plan_that_is_not_a_plan_is_named(tmp_path: Path) -> None:
    folder = copy(tmp_path / "plans", "checkin-q1.md", "checkin-q2.md")
    checkin = text("checkin-q2.md").replace("plan: op2.md", "plan: checkin-q1.md")
    (folder / "checkin-q2.md").write_text(checkin, encoding="utf-8")
    result = rendered(folder / "checkin-q2.md", settings(tmp_path), ("docx",))
    assert result.warnings == (
        "the plan checkin-q1.md is a checkin, not an OP1 or OP2; "
        "its goals are shown and scored without it",
    )


def test_exact_pages_read_the_plan(tmp_path: Path) -> None:
    """A changed plan changes the page count's cache key (the goal table shows it)."""
    folder = copy(tmp_path / "plans")
    conf = settings(tmp_path)
    doc = document.load(folder / "checkin-q2.md")
    before = exact.cache_key(doc, conf.page, conf)
    plan = folder / "op2.md"
    plan.write_text(plan.read_text().replace('target: "98.5%"', 'target: "99.0%"'))
    assert exact.cache_key(doc, conf.page, conf) != before
    counted = exact.exact_pages(doc, conf.page, conf)
    assert str(plan.resolve()) in counted.files


def test_a_render_stores_its_page_count_with_the_plan_it_read(tmp_path: Path) -> None:
    """`opplan lint --exact` may use the count a render stored: it names the plan, so
    that a lint result cached on it is found stale when the plan changes."""
    folder = copy(tmp_path / "plans")
    conf = settings(tmp_path)
    doc = document.load(folder / "checkin-q2.md")
    rendered(folder / "checkin-q2.md", conf, ("pdf",))
    stored = exact.load_cached(conf, exact.cache_key(doc, conf.page, conf))
    assert stored is not None and str((folder / "op2.md").resolve()) in stored.files


def test_opplan_render_warns_once_and_writes(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy(tmp_path / "plans", "checkin-q1.md")
    settings(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli("render", folder / "checkin-q1.md", "--to", "pdf", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "the plan op2.md cannot be read" in warnings[0]
    assert "Traceback" not in result.output
    pages = pdf_pages((tmp_path / "out" / "checkin-q1.pdf").read_bytes())
    assert "Goal progress" in "\n".join(pages)
