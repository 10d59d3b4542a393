"""A roll-up of the examples and generated plans, rendered to PDF, docx and HTML."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from opplan import document
from opplan.render import exact
from opplan.render.document import Rendered
from opplan.schemas import Rollup
from plan_factory import headcount, team
from render_helpers import (
    ROLLUP_ORG,
    ROLLUP_TEAMS,
    make_rollup,
    pdf_pages,
    rendered,
    settings,
    word,
)

TEAMS = ROLLUP_TEAMS
ORG = ROLLUP_ORG
# The OP2 example asks for 12 people; generated team i for headcount(i)[2].
ASKED = {"Payments Platform": 12} | {team(i): headcount(i)[2] for i in range(TEAMS)}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Rendered]:
    path = make_rollup(tmp_path_factory.mktemp("repo"))
    return path, rendered(path, settings(path.parent), ("pdf", "docx", "html"))


def test_the_rollup_carries_each_plans_headcount_asked(made: tuple[Path, Rendered]) -> None:
    model = document.load(made[0]).model
    assert isinstance(model, Rollup)
    assert {plan.team: plan.headcount_asked for plan in model.plans} == ASKED


def test_pdf_has_the_title_block_the_tables_and_the_chart(made: tuple[Path, Rendered]) -> None:
    result = made[1]
    texts = pdf_pages(result.outputs["pdf"])
    assert f"{ORG} plans 2027: roll-up" in texts[0]
    assert f"{ORG} · Roll-up 2027 · Draft" in texts[0]
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text
    everything = "\n".join(texts)
    assert all(name in everything for name in ASKED)
    assert "Budget" in everything and "Mitigation" in everything  # the body's tables
    chart = next(text for text in texts if "Headcount asked by team" in text)
    assert "People asked for" in chart
    assert f"{sum(ASKED.values())} people asked for in all, by {len(ASKED)} teams." in chart
    # Bars longest first: the labels in the chart's text run in that order.
    ranked = sorted(ASKED, key=lambda name: -ASKED[name])
    start = chart.index("Headcount asked by team")
    positions = [chart.index(name, start) for name in ranked]
    assert positions == sorted(positions)
    assert result.pages.exact and result.pages.total == len(texts)


def test_docx_has_the_tables_and_the_chart_as_an_image(made: tuple[Path, Rendered]) -> None:
    doc = word(made[1].outputs["docx"])
    headers = [[cell.text for cell in table.rows[0].cells] for table in doc.tables]
    # The teams' table is two: who and which plan, then the headcount and the asks.
    assert headers[0][:2] == ["Team", "Plan"] and "Headcount asked" in headers[1]
    assert ["Team", "Kind", "Amount", "What", "By"] in headers
    names = {row.cells[0].text for row in doc.tables[0].rows[1:]}
    assert set(ASKED) <= names
    assert len(doc.inline_shapes) == 1
    blip = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    image = doc.part.related_parts[blip.embed]
    assert image.content_type == "image/png" and image.blob.startswith(b"\x89PNG")
    described = doc.inline_shapes[0]._inline.docPr.get("descr")
    assert described.startswith("Headcount asked by team.")
    assert doc.sections[0].header.paragraphs[0].text.startswith(f"{ORG} · Roll-up 2027 · Draft")


def test_html_has_the_chart_as_svg(made: tuple[Path, Rendered]) -> None:
    html = made[1].outputs["html"].decode("utf-8")
    found = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert found is not None
    assert base64.b64decode(found.group(1)).lstrip().startswith(b"<svg")
    assert "opplan-chart" not in html.replace('class="opplan-chart"', "")


def test_exact_pages_of_a_rollup_match_the_pdf(made: tuple[Path, Rendered]) -> None:
    path, result = made
    conf = settings(path.parent, '[render]\ncache_dir = ".cache-exact"\n')
    counted = exact.exact_pages(document.load(path), conf.page, conf)
    assert counted.exact
    assert counted.total == len(pdf_pages(result.outputs["pdf"]))
    assert counted.narrative == pytest.approx(result.pages.narrative)


def test_opplan_render_writes_every_format_of_a_rollup(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = make_rollup(tmp_path)
    out = tmp_path / "out"
    result = cli("render", path, "--to", "pdf,docx,html", "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["rollup.docx", "rollup.html", "rollup.pdf"]
