"""Hostile and broken documents: each ends as a finding at its line or a one-line error."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import document, example
from opplan.document.bounds import check_tree
from opplan.errors import DocumentError
from opplan.fileio import write_atomic

Cli = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]


def _bomb(levels: int) -> str:
    lines = ["kind: op1", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    return document("\n".join(lines) + "\n", "")


def _alias_chain(length: int) -> str:
    lines = ["kind: op1", "a0: &a0 [1]"]
    lines += [f"a{n}: &a{n} [*a{n - 1}]" for n in range(1, length)]
    return document("\n".join(lines) + "\n", "")


def _deep_body(levels: int) -> str:
    text = example()
    start = text.index("\n# ", 4)
    nested = "".join("  " * level + "- item\n" for level in range(levels))
    return text[:start] + "\n\n" + nested + text[start:]


# (name, text, the rule and line of the first problem, or None: only "no crash")
CASES: list[tuple[str, str, tuple[str, int] | None]] = [
    ("tagged flow list", "---\nkind: op1\nx: !t [a]\n---\n", ("schema", 3)),
    ("python tag", "---\nkind: op1\nx: !!python/object/apply:os.system [a]\n---\n", None),
    ("omap", "---\nkind: op1\nx: !!omap [a: 1]\n---\n", ("schema", 3)),
    ("merge at top", "---\nkind: prfaq\nbase: &A {x: 1}\n<<: *A\n---\n", None),
    ("merge in item", "---\nkind: op1\npartners:\n  - <<: {team: 1}\n---\n", None),
    ("merge with bracket", "---\nkind: op1\nx: &m {a: '[b]'}\ny: [{<<: *m}]\n---\n", None),
    ("kind from merge", "---\n<<: {kind: nope}\n---\n", ("kind", 2)),
    ("flow nesting 600", "---\nkind: op1\nx: " + "[" * 600 + "]" * 600 + "\n---\n", ("limits", 3)),
    (
        "flow nesting 999",
        "---\nkind: op1\nx: " + "{a: " * 999 + "1" + "}" * 999 + "\n---\n",
        ("limits", 3),
    ),
    (
        "block nesting",
        "---\nkind: op1\nx:\n" + "".join(" " * n + "- \n" for n in range(1, 300)) + "---\n",
        ("limits", 103),
    ),
    ("alias bomb 7", _bomb(7), ("limits", 7)),
    ("alias bomb 9", _bomb(9), ("limits", 7)),
    ("alias chain deeper than the limit", _alias_chain(150), ("limits", 101)),
    ("reused anchor", "---\nkind: op1\na: &A 1\nb: &A 2\n---\n", None),
    ("body nested 10 deep", _deep_body(10), None),
    ("body nested 60 deep", _deep_body(60), ("limits", 283)),
    ("quotes 5000 deep", document(body="> " * 5000 + "hi\n"), ("limits", 14)),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_hostile_document_is_reported_not_crashed(
    cli: Cli, write: Write, name: str, text: str, expected: tuple[str, int] | None
) -> None:
    path = write("plan.md", text)
    result = cli("lint", "--no-cache", "--format", "json", path)
    assert "internal error" not in result.stderr, result.stderr
    assert result.stderr == "", result.stderr  # nothing printed raw (warnings, tracebacks)
    assert result.exit_code in (0, 1), result.stdout
    problems = json.loads(result.stdout)["problems"]
    if expected is not None:
        assert expected in [(problem["rule"], problem["line"]) for problem in problems], problems


def test_a_list_nested_ten_deep_hides_no_section(cli: Cli, write: Write) -> None:
    result = cli("lint", "--no-cache", "--format", "json", write("plan.md", _deep_body(10)))
    rules = {problem["rule"] for problem in json.loads(result.stdout)["problems"]}
    assert "required-sections" not in rules


@pytest.mark.parametrize(
    "content", ["[]", "null", "42", '{"x": [1]}', '{"x": ["d", true, [["a", 1]]]}']
)
def test_a_cache_file_of_the_wrong_shape_is_ignored(
    cli: Cli, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("OPPLAN_CACHE_DIR", str(cache))
    path = write("op1.md", example())
    assert cli("lint", "--format", "json", path).exit_code == 0
    [stored] = cache.glob("lint-*.json")
    entries = json.loads(stored.read_text())
    if content.startswith("{") and len(entries) == 1:
        entries = {key: json.loads(content)["x"] for key in entries}
        stored.write_text(json.dumps(entries))
    else:
        stored.write_text(content)
    result = cli("lint", "--format", "json", path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["problems"] == []


def test_a_cached_short_problem_row_is_a_miss(
    cli: Cli, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("OPPLAN_CACHE_DIR", str(cache))
    path = write("op1.md", example().replace("one headline", "one very clear headline"))
    first = cli("lint", "--format", "json", path)
    [stored] = cache.glob("lint-*.json")
    entries = json.loads(stored.read_text())
    for key, entry in entries.items():
        if key == "\0corpus":  # the cross-document problems, by the list of documents
            for listing in entry.values():
                listing[1] = [row[:3] for row in listing[1]]
        else:
            entry[2] = [row[:3] for row in entry[2]]
    stored.write_text(json.dumps(entries))
    second = cli("lint", "--format", "json", path)
    assert second.stdout == first.stdout
    assert json.loads(second.stdout)["problems"][0]["rule"] == "weasel-words"


def test_a_collection_that_holds_itself_is_refused() -> None:
    # ruamel.yaml resolves such an alias to null, but the check must not rely on that
    endless: list[object] = [1]
    endless.append(endless)
    with pytest.raises(DocumentError, match="never ends"):
        check_tree("plan.md", {"kind": "op1", "x": endless}, 2)


@pytest.mark.parametrize("where", ["named", "in a folder", "plans only"])
def test_a_fifo_named_like_a_plan_is_refused_without_opening_it(
    cli: Cli, tmp_path: Path, where: str
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "op1.md").write_text(example())
    fifo = folder / "x.md"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    args = {"named": [fifo], "in a folder": [folder], "plans only": ["--plans-only", fifo]}
    result = cli("lint", "--no-cache", "--format", "json", *args[where])
    problems = json.loads(result.stdout)["problems"]
    if where == "in a folder":
        assert result.exit_code == 0 and problems == []  # skipped: no document
    else:
        assert result.exit_code == 2
        assert [(p["rule"], p["message"]) for p in problems] == [
            ("input", "this is a named pipe (FIFO), not a file; pass only .md plan files")
        ]


def test_a_device_is_refused_by_its_type(cli: Cli) -> None:
    result = cli("lint", "--no-cache", "--format", "json", "/dev/zero")
    assert result.exit_code == 2
    assert "character device" in json.loads(result.stdout)["problems"][0]["message"]


def test_a_link_to_a_device_is_refused_too(cli: Cli, tmp_path: Path) -> None:
    link = tmp_path / "op1.md"
    link.symlink_to("/dev/zero")
    result = cli("render", link, "--to", "html")
    assert result.exit_code == 2
    assert "character device" in result.stderr and result.stderr.count("\n") == 1


def test_files_over_the_configured_size_are_refused(cli: Cli, write: Write) -> None:
    text = example() + "\nMore text.\n" * 50
    path = write("op1.md", text)
    size = len(text.encode())
    settings = write("opplan.toml", f"[lint]\nmax_file_size = {size - 1}\n")
    result = cli("lint", "--config", settings, "--no-cache", "--format", "json", path)
    assert result.exit_code == 2
    message = json.loads(result.stdout)["problems"][0]["message"]
    assert message.startswith(f"the file is {size:,} bytes, over the limit of {size - 1:,}; ")
    write("opplan.toml", f"[lint]\nmax_file_size = {size}\n")
    assert cli("lint", "--config", settings, "--no-cache", path).exit_code == 0


def test_the_default_size_cap_is_five_megabytes(cli: Cli, write: Write) -> None:
    path = write("op1.md", example() + "x" * 5_000_000)
    result = cli("lint", "--no-cache", "--format", "json", path)
    assert result.exit_code == 2
    assert "over the limit of 5,000,000" in json.loads(result.stdout)["problems"][0]["message"]


def test_a_configuration_file_that_is_a_fifo_is_an_error(cli: Cli, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "opplan.toml")
    result = cli("lint", "--config", tmp_path / "opplan.toml", tmp_path)
    assert result.exit_code == 2
    assert "named pipe" in result.stderr and result.stderr.count("\n") == 1


def test_the_temporary_file_of_a_killed_write_is_removed_by_the_next(tmp_path: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", ""])  # a process that has ended
    finished.wait()
    target = tmp_path / "packet.pdf"
    stale = tmp_path / f".packet.pdf.opplan-{finished.pid}-x1y2z3.tmp"
    stale.write_bytes(b"half a PDF")
    running = tmp_path / f".packet.pdf.opplan-{os.getppid()}-a1b2c3.tmp"  # a live writer
    running.write_bytes(b"being written")
    other = tmp_path / f".op1.pdf.opplan-{finished.pid}-q1w2e3.tmp"  # another file's
    other.write_bytes(b"x")
    write_atomic(target, b"%PDF whole")
    assert target.read_bytes() == b"%PDF whole"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [target.name, running.name, other.name]
    )


def test_a_write_killed_by_sigkill_is_cleaned_up_on_the_next_run(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "import opplan.fileio as f\n"
        "real = os.fsync\n"
        "def die(fd): os.kill(os.getpid(), signal.SIGKILL)\n"
        "os.fsync = die\n"
        f"f.write_atomic(Path({str(target)!r}), 'x' * 1000)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script], check=False)
    assert killed.returncode == -signal.SIGKILL
    [left] = list(tmp_path.iterdir())
    assert left.name.startswith(".out.json.opplan-") and left.name.endswith(".tmp")
    write_atomic(target, "{}")
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_a_limits_problem_is_described_in_sarif(cli: Cli, write: Write) -> None:
    path = write("plan.md", _bomb(7))
    result = cli("lint", "--no-cache", "--format", "sarif", path)
    run = json.loads(result.stdout)["runs"][0]
    [found] = run["results"]
    assert found["ruleId"] == "limits"
    rule = run["tool"]["driver"]["rules"][found["ruleIndex"]]
    assert rule["id"] == "limits" and "aliases" in json.dumps(rule)
