"""`opplan lint` end to end: formats, exit codes, configuration, discovery, cache, rules."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES, example
from opplan.config.model import Lint, Page
from opplan.lint.cache import ResultCache
from opplan.lint.engine import Report, lint
from opplan.lint.rules import RULES
from opplan.output.lint import json as json_format
from opplan.pages import PageCount
from opplan.problem import Problem

Cli = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]

# An example with one error (a late ask) and one warning (a weasel word).
FLAWED = (
    example()
    .replace("by: 2027-01-31\n    if_late", "by: 2027-06-30\n    if_late")
    .replace("This plan has one headline.", "This plan has one very clear headline.")
)


def test_every_example_is_clean_under_every_rule(cli: Cli) -> None:
    result = cli("lint", "--format", "json", EXAMPLES)
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["problems"] == []


def test_warnings_pass_unless_strict(cli: Cli, write: Write) -> None:
    path = write("op1.md", example().replace("one headline", "one very clear headline"))
    assert cli("lint", "--format", "text", path).exit_code == 0
    assert cli("lint", "--format", "text", "--strict", path).exit_code == 1


def test_text_format_groups_by_file(cli: Cli, write: Write) -> None:
    path = write("op1.md", FLAWED)
    lines = cli("lint", "--format", "text", path).stdout.splitlines()
    assert lines[0].startswith(f"{path}:170:5: error ask 1 is needed by 2027-06-30")
    assert lines[0].endswith("[ask-dates]")
    assert lines[1].startswith(f"{path}:237:") and lines[1].endswith("[weasel-words]")
    assert lines[-1] == "1 error, 1 warning in 1 of 1 file"


def test_json_format_parses_back(cli: Cli, write: Write) -> None:
    path = write("op1.md", FLAWED)
    result = cli("lint", "--format", "json", path)
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert [(p["rule"], p["level"], p["line"]) for p in payload["problems"]] == [
        ("ask-dates", "error", 170),
        ("weasel-words", "warning", 237),
    ]
    assert payload["summary"] == {"files": 1, "errors": 1, "warnings": 1}


def test_sarif_format_is_sarif_2_1_0(cli: Cli, write: Write) -> None:
    path = write("op1.md", FLAWED)
    log = json.loads(cli("lint", "--format", "sarif", path).stdout)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= set(RULES)
    assert all(rule["shortDescription"]["text"] for rule in rules)
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["ask-dates", "weasel-words"]
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == "ask-dates"
    assert first["level"] == "error" and "2027-06-30" in first["message"]["text"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == path.as_uri()
    assert location["region"] == {"startLine": 170, "startColumn": 5}


def test_github_format_annotates_lines(cli: Cli, write: Write) -> None:
    path = write("op1.md", FLAWED)
    lines = cli("lint", "--format", "github", path).stdout.splitlines()
    assert lines[0].startswith(f"::error file={path},line=170,col=5,title=ask-dates::ask 1 is")
    assert lines[1].startswith(f"::warning file={path},line=237,")
    assert lines[2] == "1 error, 1 warning in 1 of 1 file"


def test_auto_format_is_github_under_github_actions(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("op1.md", FLAWED)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli("lint", path).stdout.startswith("::error file=")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert cli("lint", path).stdout.startswith(f"{path}:170:5: error")


def test_suppression_comment_silences_a_problem(cli: Cli, write: Write) -> None:
    text = FLAWED.replace(
        "This plan has one very",
        "<!-- opplan: disable-next-line=weasel-words -->\nThis plan has one very",
    )
    result = cli("lint", "--format", "json", write("op1.md", text))
    assert [p["rule"] for p in json.loads(result.stdout)["problems"]] == ["ask-dates"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[lint.rules.weasel-word]\nlevel = 'off'\n",
            "opplan.toml:1: unknown rule 'weasel-word'; did you mean 'weasel-words'?",
        ),
        (
            "[lint.rules.asks-count]\nlevel = 'error'\nmaxx = 3\n",
            "opplan.toml:3: unknown option 'maxx' for rule 'asks-count'; did you mean 'max'?",
        ),
        (
            "[lint.kinds.op1.rules.asks-count]\nmax = 'two'\n",
            "opplan.toml:2: asks-count.max: expected a number (0 or more), got 'two'",
        ),
        (
            "[lint.rules.ask-dates]\ndeadline = 'April'\n",
            "opplan.toml:1: ask-dates: deadline 'April' is not a month and day",
        ),
        (
            "[lint.rules.schema]\nunknown_keys = 'warn'\n",
            "opplan.toml:1: schema: unknown_keys 'warn' is not a level; use error, warning or off;"
            " did you mean 'warning'?",
        ),
        (
            "[lint]\nexclud = ['drafts/**']\n",
            "opplan.toml:2: unknown key 'exclud' in lint; did you mean 'exclude'?",
        ),
        (
            "[lint.rules.asks-count]\nmax = 3\n\n[lint.kinds.prfaq.rules.asks-count]\nmax = 4\n",
            "opplan.toml:4: rule 'asks-count' checks op1 and op2 documents only, so this table "
            "for prfaq has no effect; set it under [lint.rules.asks-count] or "
            "[lint.kinds.op1.rules.asks-count]",
        ),
        (
            "[lint.kinds.op2.rules.checkin-plan]\nlevel = 'off'\n",
            "opplan.toml:1: rule 'checkin-plan' checks checkin documents only, so this table for "
            "op2 has no effect; set it under [lint.rules.checkin-plan] or "
            "[lint.kinds.checkin.rules.checkin-plan]",
        ),
    ],
)
def test_configuration_mistakes_are_usage_errors(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch, toml: str, message: str
) -> None:
    config = write("opplan.toml", toml)
    write("op1.md", example())
    monkeypatch.chdir(config.parent)
    result = cli("lint")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"opplan: error: {config.parent / message}")


def test_levels_and_options_per_kind(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        "opplan.toml",
        "[lint.rules.ask-dates]\nlevel = 'warning'\n"
        "[lint.kinds.op1.rules.weasel-words]\nwords = ['headline']\n",
    )
    plan = write("op1.md", FLAWED)
    monkeypatch.chdir(plan.parent)
    result = cli("lint", "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert result.exit_code == 0
    assert [(p["rule"], p["level"]) for p in problems] == [
        ("ask-dates", "warning"),
        ("weasel-words", "warning"),
    ]
    assert "'headline'" in problems[1]["message"]


def test_discovery_skips_gitignored_and_excluded_files(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(".git/HEAD", "ref: refs/heads/main\n")
    write(".gitignore", "generated/\n*.draft.md\n")
    write("opplan.toml", "[lint]\nexclude = ['archive/**']\n")
    kept = write("plans/op1.md", example())
    for skipped in ("generated/op1.md", "plans/op1.draft.md", "archive/2025/op1.md"):
        write(skipped, "---\nkind: op1\n---\nbroken\n")
    monkeypatch.chdir(kept.parents[1])
    result = cli("lint", "--format", "text")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "1 file checked: no problems\n"


def test_plans_only_skips_other_markdown(cli: Cli, write: Write) -> None:
    readme = write("README.md", "# Read me\n")
    plan = write("op1.md", example())
    assert cli("lint", "--format", "text", readme, plan).exit_code == 1
    assert cli("lint", "--format", "text", "--plans-only", readme, plan).exit_code == 0


def test_cache_serves_unchanged_files_and_rechecks_changed_ones(
    write: Write, tmp_path: Path
) -> None:
    plan = write("plans/op1.md", FLAWED)
    folder = tmp_path / "cache"
    first = lint([plan.parent], Lint(), cache=ResultCache(folder, "setup"))
    assert (folder / ".gitignore").read_text().endswith("*\n")
    again = lint([plan.parent], Lint(), cache=ResultCache(folder, "setup"))
    assert again.problems == first.problems and again.checked == first.checked
    plan.write_text(example())
    changed = lint([plan.parent], Lint(), cache=ResultCache(folder, "setup"))
    assert changed.problems == []
    other = ResultCache(folder, "another setup")
    assert not other.known


def test_page_counter_hook_replaces_the_estimate(write: Write) -> None:
    plan = write("op1.md", example())
    calls: list[Page] = []

    def typeset(doc: object, page: Page) -> PageCount:
        calls.append(page)
        return PageCount(narrative=7.0, total=9.0, exact=True)

    report = lint([plan], Lint(), page=Page(paper="a4"), page_counter=typeset)
    assert calls == [Page(paper="a4")]  # counted once, for both page rules
    messages = {p.rule: p.message for p in report.problems}
    assert messages["page-budget"].startswith("narrative is 7 pages when typeset; budget is 6")
    assert messages["reading-time"].startswith("narrative takes 21 minutes to read")


def test_many_files_are_checked_in_workers_with_the_same_result(write: Write) -> None:
    for index in range(45):
        write(f"team-{index}/op1.md", FLAWED if index % 3 else example())
    folder = write("x", "").parent
    one = lint([folder], Lint(), jobs=1)
    many = lint([folder], Lint(), jobs=2)
    assert many.problems == one.problems
    counts = {
        rule: sum(p.rule == rule for p in one.problems) for rule in ("ask-dates", "duplicate-ids")
    }
    assert counts["ask-dates"] == 30 and counts["duplicate-ids"] > 0  # cross-document rules too


def test_rules_lists_every_rule(cli: Cli) -> None:
    result = cli("rules")
    assert result.exit_code == 0
    rows = result.stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == list(RULES)
    assert any(row.split()[1] == "warning" for row in rows)


def test_rules_id_prints_the_documentation(cli: Cli) -> None:
    result = cli("rules", "asks-count")
    assert result.exit_code == 0
    assert "Passing:" in result.stdout and "Failing" in result.stdout
    assert "option max = 2" in result.stdout


def test_rules_show_the_kinds_a_rule_checks_and_those_it_only_reads(cli: Cli) -> None:
    kinds = {row.split()[0]: row.split()[2] for row in cli("rules").stdout.splitlines()[1:]}
    assert kinds["checkin-plan"] == kinds["checkin-at-risk"] == "checkin"
    assert kinds["op2-follows-op1"] == "op2"
    assert kinds["duplicate-ids"] == "op1,op2" and kinds["schema"] == "all"
    shown = cli("rules", "checkin-coverage").stdout
    assert "applies to: checkin\nreads: op1,op2 (linted with them)\n" in shown
    assert "reads:" not in cli("rules", "duplicate-ids").stdout


def test_rules_unknown_id(cli: Cli) -> None:
    result = cli("rules", "ask-count")
    assert result.exit_code == 2
    assert "did you mean 'asks-count'?" in result.stderr


def test_json_format_is_what_json_dumps_writes() -> None:
    report = Report()
    report.problems = [
        Problem("plans/é.md", 3, 1, "error", "schema", 'a "quote", a \\ and \u2028'),
        Problem("b.md", 9, 4, "warning", "weasel-words", "text"),
    ]
    for problems in (report.problems, []):
        report.problems = problems
        payload = {
            "problems": [problem._asdict() for problem in problems],
            "summary": {
                "files": report.files,
                "errors": report.errors,
                "warnings": report.warnings,
            },
        }
        assert json_format.render(report) == json.dumps(payload, indent=2) + "\n"
