"""The check-in roll-up of tests/data/checkins/ rendered to PDF, docx and HTML: its
table of goals by quarter and its heat map."""

from __future__ import annotations

import base64
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from opplan import document
from opplan.commands import rollup
from opplan.render import chart_image, charts
from opplan.render.document import Rendered
from opplan.render.heat_map import HeatCell, HeatMap, shorten
from opplan.schemas import Rollup
from render_helpers import pdf_pages, rendered, settings, word

ORG = "Grocery Fulfilment"
TITLE = "Goal scores by quarter"
NOTE = "7 goals of 3 teams: 3 off track and 1 at risk at their latest check-in."
DASH = "\N{EN DASH}"  # an empty cell
CELL = re.compile(r"\d\.\d\d\*?|on track|at risk|off track|done|dropped|\N{EN DASH}")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Rollup, Rendered]:
    root = tmp_path_factory.mktemp("repo")
    settings(root)
    shutil.copytree(ROOT / "tests" / "data" / "checkins", root / "plans")
    output = root / "rollup.md"
    rollup.run(
        [root / "plans"],
        org=ORG,
        output=output,
        checkins=True,
        today=dt.date(2027, 10, 20),
        config_file=root / "opplan.toml",
    )
    model = document.load(output).model
    assert isinstance(model, Rollup)
    return model, rendered(output, settings(root), ("pdf", "docx", "html"))


def expected_cells(model: Rollup) -> list[str]:
    """Each cell of the heat map as printed, row by row: score and confidence, or a dash."""
    chart = charts.build(model, "goal_scores")
    assert isinstance(chart, HeatMap)
    words = {"on-track": "on track", "at-risk": "at risk", "off-track": "off track"}
    printed: list[str] = []
    for row in chart.cells:
        for cell in row:
            printed += [cell.shown, words.get(cell.confidence, cell.confidence)] if cell else [DASH]
    return printed


def test_the_pdf_draws_the_heat_map_cell_by_cell(made: tuple[Rollup, Rendered]) -> None:
    model, result = made
    texts = pdf_pages(result.outputs["pdf"])
    assert f"{ORG} check-ins 2027: roll-up" in texts[0]
    everything = "\n".join(texts)
    start = everything.index(TITLE)
    end = everything.index("0.0 1.0 score", start)
    chart = everything[start:end]
    assert chart.split("\n", 2)[1] == "Q1 Q2 Q3"
    # The rows in the roll-up's order, at-risk and off-track goals first.
    labels = ["DR-1", "SI-2", "PK-3", "DR-3 / PK-1", "DR-2", "PK-2", "SI-1"]
    positions = [chart.index(f"\n{label} ") for label in labels]
    assert positions == sorted(positions)
    assert "DR-3 / PK-1 Delivery Routing, Picking" in chart
    cells = CELL.findall(chart)  # the goals' statements hold no score or confidence
    assert cells == expected_cells(model)
    assert cells[:5] == ["0.11", "on track", "0.17", "off track", DASH]
    assert NOTE in everything[end:]
    assert result.pages.exact and result.pages.total == len(texts)


def test_the_pdf_has_the_table_of_goals_and_the_decisions(made: tuple[Rollup, Rendered]) -> None:
    everything = "\n".join(pdf_pages(made[1].outputs["pdf"]))
    table = everything[everything.index("Goal Teams Q1 Q2 Q3") : everything.index(TITLE)]
    assert table.index("DR-1: Cut deliveries") < table.index("SI-1: Raise the share")
    assert "0.70* on-track" in table and "1.00* done" in table
    words = " ".join(everything.split())
    assert "Stop the voice-picking pilot in the Riverside store." in words
    assert "Delivery Routing has no check-in for Q3." in words


def test_the_docx_has_the_table_and_the_heat_map_as_an_image(
    made: tuple[Rollup, Rendered],
) -> None:
    doc = word(made[1].outputs["docx"])
    goals = next(t for t in doc.tables if t.rows[0].cells[0].text == "Goal")
    assert [cell.text for cell in goals.rows[0].cells] == ["Goal", "Teams", "Q1", "Q2", "Q3"]
    rows = [[cell.text for cell in row.cells] for row in goals.rows[1:]]
    assert [row[0].split(":")[0] for row in rows] == [
        "DR-1",
        "SI-2",
        "PK-3",
        "DR-3 / PK-1",
        "DR-2",
        "PK-2",
        "SI-1",
    ]
    assert rows[3][1:] == [
        "Delivery Routing, Picking",
        "Delivery Routing: 0.16 on-track; Picking: 0.20 on-track",
        "0.30 at-risk",
        "0.42 at-risk",
    ]
    decisions = next(t for t in doc.tables if t.rows[0].cells[2].text == "Decision")
    assert len(decisions.rows) == 1 + 6
    assert len(doc.inline_shapes) == 1
    shape = doc.inline_shapes[0]
    assert shape._inline.docPr.get("descr") == f"{TITLE}. {NOTE}"
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    assert doc.part.related_parts[blip.embed].blob.startswith(b"\x89PNG")


def test_the_html_has_the_heat_map_as_svg(made: tuple[Rollup, Rendered]) -> None:
    html = made[1].outputs["html"].decode("utf-8")
    found = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert found is not None
    svg = base64.b64decode(found.group(1))
    assert svg.lstrip().startswith(b"<svg")
    assert f'alt="{TITLE}. {NOTE}"' in html


def test_one_goal_in_one_quarter_compiles(tmp_path: Path) -> None:
    chart = HeatMap(
        "goal_scores",
        TITLE,
        ("Q1",),
        ('G-"1"',),
        ("Ledger \\ ops",),
        ("x " * 60,),
        ((HeatCell(1.2, "dropped", True),),),
        "",
    )
    assert 'columns: ("Q1",)' in chart.typst and "cells: (((score: 1.0," in chart.typst
    assert 'labels: ("G-\\"1\\"",)' in chart.typst
    svg = chart_image.image(chart, settings(tmp_path), tmp_path, "svg")
    assert svg.lstrip().startswith(b"<svg")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cut pick time.", "Cut pick time."),
        ("a" * 64, "a" * 64),
        (
            "Raise the share of items whose system count matches the shelf from 88% to 95%.",
            "Raise the share of items whose system count matches the shelf…",
        ),
    ],
)
def test_row_texts_are_cut_at_a_word(text: str, expected: str) -> None:
    assert shorten(text) == expected
