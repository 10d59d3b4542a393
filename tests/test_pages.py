from __future__ import annotations

import pytest

from opplan.config.model import Page
from opplan.document import parse_body
from opplan.document.outline import Outline
from opplan.pages import Layout, estimate, reading_minutes, text_width
from opplan.section_match import matcher

PARAGRAPH = " ".join(["Payments failed 1.2% of the time in 2026."] * 12)


def body(paragraphs: int, appendix: int = 0) -> str:
    text = "# Introduction\n\n" + f"{PARAGRAPH}\n\n" * paragraphs
    return text + "# Appendix\n\n" + f"{PARAGRAPH}\n\n" * appendix


def test_layout_follows_the_page_geometry() -> None:
    letter = Layout.of(Page())
    assert 42 < letter.line_width < 44  # 6.5 in of 11 pt text, in ems
    assert 58 < letter.page_height < 59  # 9 in
    smaller = Layout.of(Page(paper="a4", font_size=10, margin=0.75))
    assert smaller.line_width > letter.line_width
    assert smaller.page_height > letter.page_height


def test_text_width_uses_the_fonts_advance_widths() -> None:
    assert text_width("mmmm") > 2 * text_width("iiii")
    assert text_width("WORD") > text_width("word")
    assert round(text_width("0123456789"), 2) == 4.64  # Libertinus figures are 0.465 em
    assert text_width("café") == text_width("cafn")  # other letters count like "n"


def with_block(block: str) -> float:
    text = f"# Introduction\n\n{PARAGRAPH}\n\n{block}\n\n{PARAGRAPH}\n"
    return estimate(parse_body(text, 1), Page()).narrative


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("A short line.", "# A heading\n\nA short line."),
        ("## A heading", "# A heading"),
        ("- one\n- two", "- one\n- two\n- three\n- four"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |"),
        ("A short line.", "> A short line."),
        (" ".join(["word"] * 30), " ".join(["word"] * 60)),
    ],
)
def test_each_kind_of_block_takes_room(smaller: str, larger: str) -> None:
    assert with_block(smaller) < with_block(larger)


def test_estimate_grows_with_text_and_leaves_out_the_appendix() -> None:
    short = estimate(parse_body(body(5), 1), Page())
    long = estimate(parse_body(body(10, appendix=10), 1), Page())
    assert 0 < short.narrative < long.narrative
    assert long.narrative * 1.9 < long.total
    assert short.press_release is None and not short.exact


def test_estimate_counts_the_press_release_with_its_subsections() -> None:
    text = "# Press release\n\n## Headline\n\n" + f"{PARAGRAPH}\n\n" * 4 + "# External FAQ\n\n"
    text += f"{PARAGRAPH}\n\n" * 8
    body = parse_body(text, 1)
    count = estimate(body, Page(), Outline(body, matcher(), None).press_release())
    assert count.press_release is not None
    assert 0 < count.press_release < count.narrative / 2


def test_reading_minutes() -> None:
    assert reading_minutes(6) == 18
    assert reading_minutes(2, minutes_per_page=2.5) == 5
