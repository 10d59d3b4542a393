"""Charts from the frontmatter's figures, chart markers, and kinds without tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest

from conftest import OP1_FRONTMATTER, document
from opplan import document as documents
from opplan import schemas
from opplan.errors import DocumentError
from opplan.render import chart_image, charts, tables
from opplan.render.compose import compose
from opplan.schemas import DocumentBase, Rollup
from render_helpers import pdf_pages, rendered, settings, word

ROLLUP = """\
kind: rollup
title: Commerce plans 2027
team: Commerce
cycle: 2027
status: review
owners: [Dana Reyes]
plans:
"""


def plan(team: str, asked: float | None) -> str:
    line = f"  - team: {team}\n    path: {team.lower()}.md\n    kind: op1\n    status: draft\n"
    return line + ("" if asked is None else f"    headcount_asked: {asked}\n")


def rollup_model(*rows: tuple[str, float | None]) -> Rollup:
    return Rollup.model_validate(
        {
            "kind": "rollup",
            "title": "Roll-up",
            "team": "Org",
            "cycle": 2027,
            "status": "draft",
            "owners": ["Dana"],
            "plans": [
                {"team": t, "path": "p.md", "kind": "op1", "status": "draft", "headcount_asked": a}
                for t, a in rows
            ],
        }
    )


def argument(source: str, name: str) -> str:
    found = re.search(rf"\b{name}: (\([^)]*\))", source)
    assert found is not None, source
    return found.group(1)


def test_the_chart_draws_the_rolled_up_figures_largest_first() -> None:
    model = rollup_model(("Ledger", 3), ("Payouts", 7), ("Risk", 0.5), ("Unknown", None))
    chart = charts.build(model, "headcount_asked")
    assert chart is not None
    source = chart.typst
    assert argument(source, "labels") == '("Payouts", "Ledger", "Risk")'
    assert argument(source, "values") == "(7, 3, 0.5)"
    assert argument(source, "shown") == '("7", "3", "0.5")'
    assert argument(source, "ticks") == "(0, 2, 4, 6, 8)"
    assert 'note: "10.5 people asked for in all, by 3 teams."' in source


def test_one_team_is_a_typst_array_and_its_chart_compiles(tmp_path: Path) -> None:
    chart = charts.build(rollup_model(('Team "Q" \\ ops', 1200)), "headcount_asked")
    assert chart is not None
    assert argument(chart.typst, "values") == "(1200,)"
    assert 'shown: ("1,200",)' in chart.typst
    svg = chart_image.image(chart, settings(tmp_path), tmp_path, "svg")
    assert svg.lstrip().startswith(b"<svg")


@pytest.mark.parametrize(
    ("top", "whole", "expected"),
    [
        (12, True, (0, 5, 10, 15)),
        (3, True, (0, 1, 2, 3)),
        (1, True, (0, 1)),
        (1, False, (0, 0.2, 0.4, 0.6, 0.8, 1)),
        (100, True, (0, 20, 40, 60, 80, 100)),
        (1000.5, True, (0, 500, 1000, 1500)),
        (0, True, (0, 1)),
    ],
)
def test_ticks_are_round_and_reach_the_largest_value(
    top: float, whole: bool, expected: tuple[float, ...]
) -> None:
    assert charts.ticks(top, whole) == expected


def test_a_rollup_without_headcount_asked_still_renders_without_a_chart(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    body = "# Teams\n\nTwo teams.\n\n<!-- opplan:chart headcount_asked -->\n"
    path = tmp_path / "rollup.md"
    path.write_text(document(ROLLUP + plan("Ledger", None) + plan("Payouts", None), body))
    result = rendered(path, conf, ("pdf", "docx"))
    text = "".join(pdf_pages(result.outputs["pdf"]))
    assert "Two teams." in text and "Headcount asked by team" not in text
    assert len(word(result.outputs["docx"]).inline_shapes) == 0


def test_a_chart_without_a_marker_goes_to_the_appendix(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = tmp_path / "rollup.md"
    path.write_text(document(ROLLUP + plan("Ledger", 2), "# Teams\n\nOne team.\n"))
    markdown = compose(documents.load(path), conf).markdown
    assert markdown.index("One team.") < markdown.index("# Appendix")
    assert markdown.index("# Appendix") < markdown.index("opplan-chart-headcount_asked")


@pytest.mark.parametrize(
    ("frontmatter", "marker", "message"),
    [
        (
            ROLLUP + plan("Ledger", 2),
            "headcount",
            "unknown chart 'headcount' in the marker; use one of headcount_asked",
        ),
        (OP1_FRONTMATTER, "headcount_asked", "this kind has no charts"),
    ],
)
def test_an_unknown_chart_is_an_error_at_its_line(
    tmp_path: Path, frontmatter: str, marker: str, message: str
) -> None:
    conf = settings(tmp_path)
    path = tmp_path / "doc.md"
    path.write_text(document(frontmatter, f"# Intro\n\n<!-- opplan:chart {marker} -->\n"))
    with pytest.raises(DocumentError) as caught:
        compose(documents.load(path), conf)
    line = frontmatter.count("\n") + 2 + 3
    assert f"doc.md:{line}:1:" in str(caught.value) and message in str(caught.value)


@pytest.mark.parametrize("kind", [*schemas.KINDS, "no-such-kind"])
def test_every_kind_has_tables_and_charts_even_if_none(kind: str) -> None:
    assert isinstance(tables.names(kind), tuple) and isinstance(charts.names(kind), tuple)


class Memo(DocumentBase):
    """A kind with no render tables, charts or template of its own."""

    kind: Literal["memo"]


def test_a_kind_without_tables_or_template_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(schemas.KINDS, "memo", Memo)
    conf = settings(tmp_path)
    path = tmp_path / "memo.md"
    frontmatter = "kind: memo\ntitle: A memo\nteam: Ledger\ncycle: 2027\nstatus: draft\n"
    path.write_text(document(frontmatter + "owners: [Dana]\n", "# Why\n\nBecause.\n"))
    result = rendered(path, conf, ("pdf", "docx", "html"))
    texts = pdf_pages(result.outputs["pdf"])
    assert "A memo" in texts[0] and "Ledger · MEMO 2027 · Draft" in texts[0]
    assert "Because." in word(result.outputs["docx"]).paragraphs[-1].text
