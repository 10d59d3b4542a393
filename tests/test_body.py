from __future__ import annotations

from opplan.document import parse_body

BODY = """\
Preamble line.

# Introduction

We process 4.1 million payments a day.

## Last year's results

- Cut failures from 1.2% to 0.8%.
- Shipped the ledger.

| Goal | Target |
|------|--------|
| A    | 1      |
| B    | 2      |

```
code here
```

# Appendix: data

Raw numbers.

## FAQ

More.
"""


def test_sections_have_titles_levels_and_file_lines() -> None:
    body = parse_body(BODY, first_line=10)
    assert [(s.level, s.title, s.line, s.end_line) for s in body.sections] == [
        (0, "", 10, 11),
        (1, "Introduction", 12, 15),
        (2, "Last year's results", 16, 29),
        (1, "Appendix: data", 30, 33),
        (2, "FAQ", 34, 37),
    ]


def test_blocks_inside_a_section() -> None:
    results = parse_body(BODY, first_line=1).sections[2]
    assert [(b.kind, b.line, b.end_line, b.items) for b in results.blocks] == [
        ("bullet_list", 9, 10, 2),
        ("table", 12, 15, 3),
        ("code", 17, 19, 0),
    ]
    assert results.blocks[0].text == "Cut failures from 1.2% to 0.8%. Shipped the ledger."
    assert results.blocks[1].words == 6


def test_appendix_and_everything_after_it_is_outside_the_narrative() -> None:
    body = parse_body(BODY, first_line=1)
    assert [s.title for s in body.narrative] == ["", "Introduction", "Last year's results"]
    assert [s.title for s in body.appendix] == ["Appendix: data", "FAQ"]
    assert body.narrative_words == 2 + 7 + 3 + 10 + 6 + 2


def test_appendix_aliases_are_configurable() -> None:
    body = parse_body("# Intro\n\nText.\n\n# Annex\n\nData.\n", 1, appendix_titles=["annex"])
    assert [s.appendix for s in body.sections] == [False, True]
    body = parse_body("# Intro\n\n# Appendixes are fun\n", 1)
    assert not any(s.appendix for s in body.sections)


def test_line_text_maps_file_lines_back_to_the_body() -> None:
    body = parse_body(BODY, first_line=10)
    assert body.line_text(14) == "We process 4.1 million payments a day."
