from __future__ import annotations

from opplan.config.model import Page
from opplan.document import parse_body
from opplan.pages import Layout, estimate, reading_minutes

PARAGRAPH = " ".join(["Payments failed 1.2% of the time in 2026."] * 12)


def body(paragraphs: int, appendix: int = 0) -> str:
    text = "# Introduction\n\n" + f"{PARAGRAPH}\n\n" * paragraphs
    return text + "# Appendix\n\n" + f"{PARAGRAPH}\n\n" * appendix


def test_layout_follows_the_page_geometry() -> None:
    letter = Layout.of(Page())
    assert round(letter.chars_per_line) == 85  # 6.5 in of 11 pt text
    assert round(letter.lines_per_page) == 45
    smaller = Layout.of(Page(font_size=10, margin=0.75))
    assert smaller.chars_per_line > letter.chars_per_line
    assert smaller.lines_per_page > letter.lines_per_page


def test_estimate_grows_with_text_and_leaves_out_the_appendix() -> None:
    short = estimate(parse_body(body(5), 1), Page())
    long = estimate(parse_body(body(10, appendix=10), 1), Page())
    assert 0 < short.narrative < long.narrative
    assert long.narrative * 1.9 < long.total
    assert short.press_release is None and not short.exact


def test_estimate_counts_the_press_release_with_its_subsections() -> None:
    text = "# Press release\n\n## Headline\n\n" + f"{PARAGRAPH}\n\n" * 4 + "# External FAQ\n\n"
    text += f"{PARAGRAPH}\n\n" * 8
    count = estimate(parse_body(text, 1), Page())
    assert count.press_release is not None
    assert 0 < count.press_release < count.narrative / 2


def test_reading_minutes() -> None:
    assert reading_minutes(6) == 18
    assert reading_minutes(2, minutes_per_page=2.5) == 5
