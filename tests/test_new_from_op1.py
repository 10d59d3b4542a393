from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES, OP1_FRONTMATTER
from conftest import document as document_text
from opplan import document

Cli = Callable[..., Result]

# What an OP2 changes on the way from its OP1; every other key is carried over as it is.
CHANGED = {"kind", "title", "status", "date", "version", "tracks"}
ADDED = {"op1", "review_actions", "allocated", "top_down"}


@pytest.fixture
def op1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example OP1 in a repository of its own, with a comment in its frontmatter."""
    monkeypatch.chdir(tmp_path)
    text = (EXAMPLES / "op1-payments-platform.md").read_text()
    text = text.replace("currency: USD\n", "currency: USD  # all amounts in US dollars\n")
    path = tmp_path / "drafts" / "op1.md"
    path.parent.mkdir()
    path.write_text(text)
    return path


def _op2(cli: Cli, op1: Path, *args: str) -> tuple[Result, Path]:
    result = cli("new", "op2", "--from", op1, *args)
    return result, Path("plans/2027/payments-platform/op2.md")


def test_from_op1_carries_every_field_and_points_back(cli: Cli, op1: Path) -> None:
    result, path = _op2(cli, op1)
    assert result.exit_code == 0, result.output
    source, made = document.load(op1), document.load(path)
    assert made.model is not None
    for key in source.meta:
        if key not in CHANGED:
            assert made.meta[key] == source.meta[key], key
    assert set(made.meta) == set(source.meta) | ADDED
    assert (made.meta["kind"], made.meta["status"]) == ("op2", "draft")
    assert made.meta["title"] == "Payments Platform OP2 2027"
    assert made.meta["version"] == "0.1" and made.meta["date"] == dt.date.today()
    assert (path.parent / made.meta["op1"]).resolve() == op1.resolve()
    assert made.meta["review_actions"] == [] and made.meta["top_down"] == []


def test_initiatives_start_planned_and_asks_are_the_allocation_baseline(
    cli: Cli, op1: Path
) -> None:
    _, path = _op2(cli, op1)
    source, made = document.load(op1).meta, document.load(path).meta
    for track in ("same_resources", "more_investment"):
        before, after = source["tracks"][track], made["tracks"][track]
        assert after["headcount"] == before["headcount"]
        assert [{**i, "status": "planned"} for i in before["initiatives"]] == after["initiatives"]
    asked = {
        kind: sum(a["amount"] for a in source["asks"] if a["kind"] == kind)
        for kind in ("headcount", "budget")
    }
    assert dict(made["allocated"]) == asked


def test_yaml_comments_order_and_block_scalars_survive(cli: Cli, op1: Path) -> None:
    _, path = _op2(cli, op1)
    text = path.read_text()
    assert "currency: USD  # all amounts in US dollars\n" in text
    assert "charter: >-\n  Payments Platform owns the services" in text
    keys = list(document.load(path).meta)
    assert keys[: keys.index("op1") + 2] == [
        "kind",
        "title",
        "team",
        "org",
        "cycle",
        "status",
        "owners",
        "reviewers",
        "version",
        "date",
        "op1",
        "charter",
    ]


def test_body_sections_carry_over_with_the_review_sections_after_the_introduction(
    cli: Cli, op1: Path
) -> None:
    _, path = _op2(cli, op1)
    source, made = document.load(op1).body, document.load(path).body
    titles = [(s.level, s.title) for s in source.sections]
    made_titles = [(s.level, s.title) for s in made.sections]
    review = [(1, "Changes since the OP1 review"), (1, "Review actions")]
    assert made_titles == [titles[0], *review, *titles[1:]]
    for before, after in zip(source.sections, [made.sections[0], *made.sections[3:]], strict=True):
        assert [b.text for b in before.blocks] == [b.text for b in after.blocks]
    changes = made.sections[1].blocks[0].text
    assert changes.startswith("[What changed since the OP1 review")


def test_options_override_what_the_op1_says(cli: Cli, op1: Path) -> None:
    result = cli(
        "new",
        "op2",
        "--from",
        op1,
        "--owner",
        "Sam Patel",
        "--title",
        "Payments 2027, revised",
        "-o",
        "out/op2.md",
    )
    assert result.exit_code == 0, result.output
    made = document.load(Path("out/op2.md")).meta
    assert list(made["owners"]) == ["Sam Patel"] and made["title"] == "Payments 2027, revised"
    assert made["op1"] == "../drafts/op1.md"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (EXAMPLES / "prfaq-instant-payouts.md", "--from needs an OP1, and this is kind prfaq"),
        (Path("missing.md"), "missing.md:1:1: no such file; check the path [input]"),
    ],
)
def test_from_refuses_what_is_not_an_op1(cli: Cli, op1: Path, source: Path, message: str) -> None:
    result = cli("new", "op2", "--from", source)
    assert result.exit_code == 2 and message in result.stderr
    assert not Path("plans").exists()


def test_from_refuses_an_op1_that_fails_the_schema(cli: Cli, op1: Path) -> None:
    op1.write_text(op1.read_text().replace("cycle: 2027", "cycle: soon"))
    result = cli("new", "op2", "--from", op1)
    assert result.exit_code == 2
    assert f"{op1}:6:1: the OP1 fails the schema (cycle: expected a whole number" in result.stderr
    assert f"run 'opplan lint {op1}'" in result.stderr


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        (
            "# Introduction\n\nWe.\n",
            ["Introduction", "Changes since the OP1 review", "Review actions"],
        ),
        (
            "# Goals\n\nG.\n\n# Appendix\n\nA.\n",
            ["Changes since the OP1 review", "Review actions", "Goals", "Appendix"],
        ),
        ("Just text.\n", ["", "Changes since the OP1 review", "Review actions"]),
        (
            "# introduction\n\nWe.\n\n## Detail\n\nD.\n\n# Goals\n",
            ["introduction", "Detail", "Changes since the OP1 review", "Review actions", "Goals"],
        ),
        (  # under a title heading, numbered and by a synonym
            "# Payments Platform OP1 2027\n\n## 1. Overview\n\nWe.\n\n## 2. Goals\n",
            [
                "Payments Platform OP1 2027",
                "1. Overview",
                "Changes since the OP1 review",
                "Review actions",
                "2. Goals",
            ],
        ),
    ],
)
def test_review_sections_go_after_the_introduction_or_first(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, titles: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("op1.md").write_text(document_text(OP1_FRONTMATTER, body))
    result = cli("new", "op2", "--from", "op1.md", "-o", "op2.md")
    assert result.exit_code == 0, result.output
    made = document.load(Path("op2.md")).body
    assert [s.title for s in made.sections] == titles
    assert "Changes since the OP1 review" in Path("op2.md").read_text()


def test_empty_owner_values_are_ignored(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("new", "op1", "--team", "Ops", "--owner", " ", "-o", "op1.md")
    assert result.exit_code == 0, result.output
    assert list(document.load(Path("op1.md")).meta["owners"]) == ["[Owner name]"]
