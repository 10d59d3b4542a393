from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from pydantic import BaseModel
from typer.testing import Result

from opplan import document, schemas, sections

Cli = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]

# What a person must replace: TBD, TODO, ???, or [a bracketed note] that is not a link.
PLACEHOLDER = re.compile(r"\bTBD\b|\bTODO\b|\?\?\?|\[[^\]\n]+\](?!\()")

PLAN = [*sections.PLAN, sections.APPENDIX]
REVIEW = list(sections.OP2_REVIEW)
PRESS = [sections.PRESS_RELEASE]
FAQ = list(sections.FAQS)


class Case(NamedTuple):
    kind: str
    extra: list[str]
    name: str
    headings: list[str]


CASES = [
    Case("op1", [], "op1.md", PLAN),
    Case("op2", [], "op2.md", [PLAN[0], *REVIEW, *PLAN[1:]]),
    Case("prfaq", ["--variant", "full"], "prfaq-instant-payouts.md", [*PRESS, *FAQ, "Appendix"]),
    Case("prfaq", ["--variant", "pr-only"], "prfaq-instant-payouts.md", PRESS),
    Case("prfaq", ["--variant", "faq-only"], "prfaq-instant-payouts.md", FAQ),
]
IDS = ["op1", "op2", "prfaq-full", "prfaq-pr-only", "prfaq-faq-only"]

NEXT_YEAR = dt.date.today().year + 1


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _new(cli: Cli, *args: str | Path) -> Result:
    return cli("new", *args)


def _base(kind: str) -> list[str]:
    title = ["--title", "Instant Payouts"] if kind == "prfaq" else []
    return [kind, "--team", "Payments Platform", "--owner", "Dana Reyes", *title]


def _missing_fields(model: type[BaseModel], data: Any, where: str = "") -> list[str]:
    """Every field of `model` (and of the models nested in it) that `data` lacks."""
    missing = []
    for name, field in model.model_fields.items():
        if name not in data:
            missing.append(f"{where}{name}")
            continue
        nested = _model_of(field.annotation)
        value = data[name]
        if nested and isinstance(value, list):
            missing += [
                m
                for i, item in enumerate(value)
                for m in _missing_fields(nested, item, f"{where}{name}[{i}].")
            ]
        elif nested and isinstance(value, dict):
            missing += _missing_fields(nested, value, f"{where}{name}.")
    return missing


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (
        list,
        typing.Union,
    ):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found:
                return found
    return None


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_new_documents_pass_the_schema_and_have_every_field_and_section(
    cli: Cli, tmp_path: Path, case: Case
) -> None:
    kind, extra, name, headings = case
    result = _new(cli, *_base(kind), *extra)
    assert result.exit_code == 0, result.output
    path = tmp_path / "plans" / str(NEXT_YEAR) / "payments-platform" / name
    assert f"created {path.relative_to(tmp_path)}" in result.stdout

    lint = cli("lint", path, "--format", "json")
    problems = json.loads(lint.stdout)["problems"]
    assert [p for p in problems if p["rule"] in ("schema", "yaml", "frontmatter", "kind")] == []

    doc = document.load(path)
    assert doc.model is not None and doc.kind == kind
    assert _missing_fields(schemas.get(kind), doc.meta) == []
    assert [s.title for s in doc.body.sections if s.level == 1] == headings
    assert doc.meta["team"] == "Payments Platform" and list(doc.meta["owners"]) == ["Dana Reyes"]
    assert doc.meta["cycle"] == NEXT_YEAR and doc.meta["status"] == "draft"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_section_carries_placeholder_guidance(cli: Cli, tmp_path: Path, case: Case) -> None:
    kind, extra, name, _ = case
    assert _new(cli, *_base(kind), *extra).exit_code == 0
    doc = document.load(next(tmp_path.glob(f"plans/*/*/{name}")))
    for section in doc.body.sections:
        if section.level == 1:
            text = "\n".join(
                doc.body.line_text(n) for n in range(section.line, section.end_line + 1)
            )
            assert PLACEHOLDER.search(text.split("\n", 1)[1]), section.title
    meta = doc.meta
    texts = [meta["reviewers"][0], meta["org"]]
    if kind == "prfaq":
        texts += [meta["product"], *meta["customer"].values()]
    else:
        texts += [meta["charter"], *meta["assumptions"], meta["risks"][0]["mitigation"]]
    assert all(PLACEHOLDER.fullmatch(text) for text in texts), texts


def test_guidance_names_the_planning_tracks_the_10x_question_and_the_customer_questions(
    cli: Cli, tmp_path: Path
) -> None:
    assert _new(cli, *_base("op1")).exit_code == 0
    assert _new(cli, *_base("prfaq")).exit_code == 0
    op1 = next(tmp_path.glob("plans/*/*/op1.md")).read_text()
    prfaq = next(tmp_path.glob("plans/*/*/prfaq-*.md")).read_text()
    assert "first planning track" in op1 and "third planning track, the 10x question" in op1
    assert "five customer questions" in prfaq
    assert re.search(r"^[A-Z]+, [A-Z][a-z]+ \d{1,2}, \d{4} — ", prfaq, re.M)
    assert re.search(r'^"[^"]+," said ', prfaq, re.M) and "\nTo get started, " in prfaq
    questions = re.findall(r"^### (.+)$", prfaq.split("# External FAQ")[1], re.M)
    assert len(questions) >= 6 and all(q.endswith("?") for q in questions)


def test_an_existing_file_is_never_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("my work\n")
    result = _new(cli, *_base("op1"), "-o", path)
    assert result.exit_code == 1
    assert "plan.md already exists" in result.stderr and "--force" in result.stderr
    assert path.read_text() == "my work\n"
    assert _new(cli, *_base("op1"), "-o", path, "--force").exit_code == 0
    assert path.read_text().startswith("---\nkind: op1\n")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]  # no temporary left


def test_a_dangling_link_counts_as_an_existing_file(cli: Cli, tmp_path: Path) -> None:
    link = tmp_path / "plan.md"
    link.symlink_to(tmp_path / "missing" / "target.md")
    result = _new(cli, *_base("op1"), "-o", link)
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert link.is_symlink() and not (tmp_path / "missing").exists()


def test_a_team_name_too_long_for_a_file_name_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = _new(cli, "op1", "--team", "a" * 256, "--owner", "Dana Reyes")
    assert result.exit_code == 2
    assert result.stderr.startswith("opplan: error: aaaa") and "255 bytes" in result.stderr
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.rglob("*")) == []


@pytest.mark.parametrize(
    "team", ["../x", "../../etc", "/etc", "a/b", "a\\b", "..", "~root", "C:\\plans", "///"]
)
def test_team_names_that_would_escape_are_refused(cli: Cli, tmp_path: Path, team: str) -> None:
    result = _new(cli, "op1", "--team", team)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"opplan: error: --team {team!r}: ")
    assert list(tmp_path.rglob("*")) == []


def test_team_is_slugified_for_the_path(cli: Cli, tmp_path: Path) -> None:
    assert _new(cli, "op1", "--team", "Risk & Compliance", "--cycle", "2031").exit_code == 0
    path = tmp_path / "plans/2031/risk-compliance/op1.md"
    assert document.load(path).meta["team"] == "Risk & Compliance"
    assert document.load(path).meta["title"] == "Risk & Compliance OP1 2031"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["op3", "--team", "x"],
            "unknown document kind 'op3'; use one of op1, op2, prfaq, checkin; did you mean 'op1'?",
        ),
        (["op1", "--team", "x", "--variant", "full"], "--variant is for prfaq only"),
        (["op1", "--team", "x", "--from", "op1.md"], "--from is for op2 and checkin only"),
        (
            ["prfaq", "--team", "x", "--title", "y", "--variant", "short"],
            "unknown variant 'short'; use one of full, pr-only, faq-only",
        ),
        (["op1", "--team", "x", "--cycle", "1999"], "--cycle 1999: give a year from 2000 to 2200"),
        (["prfaq", "--team", "x"], "missing --title TEXT"),
    ],
)
def test_usage_errors_are_one_line(cli: Cli, tmp_path: Path, args: list[str], message: str) -> None:
    result = _new(cli, *args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert list(tmp_path.rglob("*.md")) == []


def test_output_dash_prints_the_document(cli: Cli, tmp_path: Path) -> None:
    result = _new(cli, *_base("op1"), "-o", "-")
    assert result.exit_code == 0
    assert (
        result.stdout.startswith("---\nkind: op1\n")
        and "# Plan with more investment" in result.stdout
    )
    assert list(tmp_path.rglob("*")) == []


def test_names_with_yaml_syntax_stay_text(cli: Cli, tmp_path: Path) -> None:
    args = [
        "op1",
        "--team",
        "Ops: #1 & more",
        "--owner",
        "[Lead]",
        "--owner",
        "yes",
        "--org",
        "- org",
    ]
    assert _new(cli, *args, "-o", "p.md").exit_code == 0
    meta = document.load(tmp_path / "p.md").meta
    assert (meta["team"], list(meta["owners"]), meta["org"]) == (
        "Ops: #1 & more",
        ["[Lead]", "yes"],
        "- org",
    )


def test_an_op2_next_to_its_op1_suggests_from(cli: Cli) -> None:
    assert _new(cli, "op1", "--team", "Ops", "--cycle", "2027").exit_code == 0
    result = _new(cli, "op2", "--team", "Ops", "--cycle", "2027")
    assert result.stdout.endswith(
        "tip: opplan new op2 --from plans/2027/ops/op1.md --force pre-fills it from the OP1\n"
    )


def test_help_lists_the_new_commands(cli: Cli) -> None:
    result = cli("--help")
    for command in ("new", "init", "templates"):
        assert re.search(rf"^\s+{command}\s+\S", result.stdout, re.M), command


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_placeholders_are_flagged_as_warnings_while_a_draft(
    cli: Cli, tmp_path: Path, case: Case
) -> None:
    kind, extra, name, _ = case
    assert _new(cli, *_base(kind), *extra).exit_code == 0
    path = next(tmp_path.glob(f"plans/*/*/{name}"))
    problems = json.loads(cli("lint", path, "--format", "json").stdout)["problems"]
    assert [p for p in problems if p["level"] == "error"] == []
    flagged = {p["line"] for p in problems if p["rule"] == "unresolved-marker"}
    text = path.read_text(encoding="utf-8").split("\n")
    marked = {n for n, line in enumerate(text, start=1) if PLACEHOLDER.search(line)}
    assert marked and marked == flagged
