"""Table column widths from content, and rows too tall for a page allowed to break."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from conftest import EXAMPLES
from opplan.config.model import Page
from opplan.pages import PAPER_INCHES
from opplan.render import ast, layout, pandoc
from render_helpers import rendered, settings, word

PAGE = Page()


def table(markdown: str) -> dict[str, Any]:
    return pandoc.parse(markdown, "test")


def shares(tree: dict[str, Any]) -> list[float]:
    found: list[float] = []

    def visit(node: ast.Node) -> ast.Node:
        if node["t"] == "Table":
            found.extend(spec[1]["c"] for spec in node["c"][2])
        return node

    ast.walk(tree["blocks"], visit)
    return found


@pytest.mark.parametrize("metrics", [layout.TYPST, layout.DOCX])
def test_a_long_text_column_gets_the_room_and_short_columns_stay_whole(
    metrics: layout.Metrics,
) -> None:
    text = " ".join(["Ramp by card range at 5%, 25% and 100%, with a holdout."] * 4)
    markdown = (
        "| Owner | Likelihood | Mitigation |\n|---|---|---|\n"
        f"| Dana Whitfield | medium | {text} |\n"
    )
    owner, likelihood, mitigation = shares(layout.fitted(table(markdown), PAGE, metrics))
    assert mitigation > owner > likelihood
    assert abs(owner + likelihood + mitigation - 1) < 0.01
    inches = PAPER_INCHES[PAGE.paper][0] - 2 * PAGE.margin
    width = inches * 72 / (PAGE.font_size * metrics.size)  # in ems of table text
    name = len("Dana Whitfield") * metrics.char + metrics.padding
    assert owner * width >= name - 0.01  # the name fits on one line (shares are rounded)


def test_widths_share_the_room_by_content_when_everything_fits() -> None:
    assert layout.widths([(2.0, 4.0), (2.0, 12.0)], 100) == [0.25, 0.75]
    # Too little room for every word: the longest words keep their proportions.
    assert layout.widths([(30.0, 40.0), (90.0, 100.0)], 60) == [0.25, 0.75]


def test_a_row_taller_than_a_page_may_break_and_others_stay_whole() -> None:
    tall = " ".join(["This mitigation keeps going for a while."] * 300)
    markdown = f"| Risk | Mitigation |\n|---|---|\n| short | fine |\n| long | {tall} |\n"
    fitted = layout.fitted(table(markdown), PAGE)
    typst = pandoc.write(layout.tall_rows_breakable(fitted, PAGE), "typst", "test").decode()
    assert typst.count("table.cell(breakable: true)") == 2  # both cells of the tall row
    assert "table.cell(breakable: true)[short]" not in typst


def test_a_docx_row_taller_than_a_page_may_split_and_others_may_not(tmp_path: Path) -> None:
    tall = " ".join(["This mitigation keeps going for a while."] * 300)
    text = (EXAMPLES / "op1-payments-platform.md").read_text(encoding="utf-8")
    path = tmp_path / "tall.md"
    path.write_text(text.replace("mitigation: ", f"mitigation: {tall} ", 1), encoding="utf-8")
    doc = word(rendered(path, settings(tmp_path), ("docx",)).outputs["docx"])
    rows = [row for table in doc.tables for row in table.rows]
    split = [row for row in rows if row._tr.trPr.find(qn("w:cantSplit")) is None]
    assert len(split) == 1 and any("keeps going" in cell.text for cell in split[0].cells)
    assert len(rows) > 20
