"""The section matcher: which canonical sections a heading counts for, and the title heading."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from opplan.config.model import Lint, RuleConfig
from opplan.document import load_text
from opplan.lint.check import check_document
from opplan.section_match import matcher, normal, repeats_title
from render_helpers import pdf_pages, rendered, settings

Cli = Callable[..., Result]

MEANINGS = [  # heading, the canonical sections it counts for
    ("Introduction", {"Introduction"}),
    ("1. Introduction", {"Introduction"}),
    ("1.2 Key Assumptions", {"Key assumptions"}),
    ("IV. Risks & Mitigations", {"Risks"}),
    ("A. Tenets", {"Tenets"}),
    ("Part 1 — Press Release", {"Press release"}),
    ("Section 2: Goals", {"Goals"}),
    ("2027 Goals", {"Goals"}),
    ("State of the Business", {"Last year's results"}),
    ("LAST YEAR\u2019S RESULTS:", {"Last year's results"}),
    ("Strategic priorities", {"Plan with the same resources"}),
    ("Appendix B: Data", {"Appendix"}),
    ("Appendices", {"Appendix"}),
    ("FAQ", {"External FAQ"}),
    ("FAQs", {"External FAQ"}),
    ("Frequently Asked Questions", {"External FAQ"}),
    ("Customer FAQ", {"External FAQ"}),
    ("Technical FAQ", {"Internal FAQ"}),
    ("Engineering FAQ", {"Internal FAQ"}),
    ("Frequently Asked Questions (Internal)", {"Internal FAQ"}),
    ("FAQ / Internal FAQ", {"External FAQ", "Internal FAQ"}),
    ("Customer & Stakeholder FAQs", {"External FAQ", "Internal FAQ"}),
    ("Internal / Stakeholder FAQs", {"Internal FAQ"}),
    ("FAQ for customers", {"External FAQ"}),
    ("Internal team FAQs", {"Internal FAQ"}),
    ("Press Release / FAQ (PR/FAQ)", set()),
    ("How it works", set()),
    ("Open questions", set()),
]


@pytest.mark.parametrize(("heading", "meant"), MEANINGS)
def test_a_heading_counts_for_its_canonical_sections(heading: str, meant: set[str]) -> None:
    assert matcher().meanings(heading) == meant


def test_normal_forms_ignore_numbering_case_plurals_and_and() -> None:
    assert normal("3. Risks & Dependencies") == normal("risk and dependency")
    assert normal("The Press Release") == normal("Press release")


def test_configured_aliases_extend_the_built_in_table() -> None:
    extended = matcher({"Press release": ["Launch note"]})
    assert extended.means("Launch note", "Press release")
    assert extended.means("Announcement", "Press release")  # the built-in synonym stays
    assert not matcher().means("Launch note", "Press release")


@pytest.mark.parametrize(
    ("heading", "title", "repeats"),
    [
        ("Instant Payouts — PR/FAQ", "Instant Payouts PR/FAQ", True),
        ("Instant Payouts: PR/FAQ", "Instant Payouts", True),
        ("Payments Platform OP1 2027", "Payments Platform OP1 2027", True),
        ("Instant Payouts sends your balance in minutes", "Instant Payouts", False),
        ("Press release", "Instant Payouts PR/FAQ", False),
    ],
)
def test_a_title_heading_is_compared_loosely(heading: str, title: str, repeats: bool) -> None:
    assert repeats_title(heading, title) is repeats


PRFAQ = """\
---
kind: prfaq
title: Instant Payouts PR/FAQ
team: Payments Platform
cycle: 2027
status: draft
owners: [Tom Okafor]
---
# Instant Payouts — PR/FAQ

## Launch note

SEATTLE, September 14, 2027 — Larkspur today launched Instant Payouts.

# External FAQ

### How much does it cost?

The fee is 1.5% of each payout.
"""


def test_an_alias_reaches_every_rule_that_looks_for_the_section() -> None:
    doc = load_text("doc.md", PRFAQ)
    aliases = {"aliases": {"Press release": ["Launch note"]}}
    settings = Lint(rules={"required-sections": RuleConfig(**aliases)})
    found = {(p.rule, p.message.split(" (")[0]) for p in check_document(doc, settings)}
    # The press-release checks now judge the aliased section: no headline under it, no quote.
    assert ("prfaq-press-release", "the press release has no headline") in found
    assert ("prfaq-press-release", "the press release has no quote") in found
    assert not any("Press release" in message for _, message in found)


def test_an_appendix_alias_points_to_appendix_titles(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "opplan.toml").write_text(
        '[lint.rules.required-sections]\naliases = { Appendix = ["Annexes"] }\n', encoding="utf-8"
    )
    (tmp_path / "doc.md").write_text(PRFAQ, encoding="utf-8")
    result = cli("lint", tmp_path / "doc.md", "--config", tmp_path / "opplan.toml")
    assert result.exit_code == 2
    assert "appendix_titles" in result.stderr


def test_rules_prints_the_synonym_table(cli: Cli) -> None:
    out = cli("rules", "required-sections").stdout
    assert "Last year's results: Results, State of the business" in out
    assert "Internal FAQ: Stakeholder FAQ, Technical FAQ" in out
    assert "'Appendix B: Data'" in out


def test_the_title_heading_is_printed_once(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = tmp_path / "prfaq.md"
    path.write_text(PRFAQ.replace("## Launch note", "## Sellers get paid in minutes"), "utf-8")
    text = " ".join(pdf_pages(rendered(path, conf).outputs["pdf"]))
    assert text.count("Instant Payouts PR/FAQ") == 1, text  # the title block
    assert "Instant Payouts \u2014 PR/FAQ" not in text
    assert "Sellers get paid in minutes" in text


def test_the_render_finds_the_press_release_by_its_alias(tmp_path: Path) -> None:
    conf = settings(
        tmp_path,
        '[lint.rules.required-sections]\naliases = { "Press release" = ["Launch note"] }\n',
    )
    path = tmp_path / "prfaq.md"
    faq_first = PRFAQ.index("# External FAQ")
    head, release = PRFAQ[:faq_first].split("## Launch note")
    path.write_text(head + PRFAQ[faq_first:] + "\n## Launch note" + release, "utf-8")
    assert rendered(path, conf).pages.press_release is not None
    assert rendered(path, settings(tmp_path)).pages.press_release is None
