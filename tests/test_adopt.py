"""`opplan adopt`: documents other teams wrote, in real git repositories, get opplan frontmatter."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from git_helpers import Repo
from opplan.document import load

Cli = Callable[..., Result]

PRFAQ_BODY = """\
# Shared Carts PR/FAQ

## Shop together, pay once

### Friends and families build one cart and split the bill at checkout

**PORTLAND, OR — May 4, 2027** — Today we launch Shared Carts. Anyone with a
link can add to a cart; at checkout each person pays their part.

> "Group orders were a spreadsheet and three payment apps," said a beta tester.

To get started, open any cart and choose *Share*. See [the design doc][design].

## Frequently Asked Questions

### Who pays the delivery fee?

The person who opens the cart, unless the group splits it (see #314, @mika).

[design]: https://wiki.example.com/shared-carts
"""

PRFAQ = (
    "---\n"
    "author: Mika Tanaka and Jo Park\n"
    "date: 2027-02-10\n"
    "tags: [checkout, social]\n"
    "reviewers: Priya Raman\n"
    "status: Ready for review\n"
    "jira: CART-88  # the epic\n"
    "---\n" + PRFAQ_BODY
)

NARRATIVE = """\
Checkout 2027 narrative
=======================

Checkout converts 71.2% of carts today. This plan raises it to 74% by removing
the second address form and by remembering cards across devices.

## What we learned

Guest checkout grew 9% and card-on-file grew 3%.
"""


def _body_after_frontmatter(data: bytes) -> bytes:
    end = data.index(b"\n---", 3)
    return data[data.index(b"\n", end + 1) + 1 :]


def _committed_prfaq(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> Path:
    """The PR/FAQ committed in a new repository, whose folder is the current one."""
    repo = Repo(tmp_path / "repo", monkeypatch)
    path = repo.write(name, PRFAQ)
    repo.commit("Shared carts PR/FAQ", "2027-02-10")
    monkeypatch.chdir(repo.root)
    return path


def test_a_prfaq_with_its_authors_frontmatter_is_previewed_and_nothing_written(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _committed_prfaq(tmp_path, monkeypatch, "docs/shared-carts.md")
    result = cli("adopt", "docs/shared-carts.md", "--kind", "prfaq", "--team", "Checkout")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "--- a/docs/shared-carts.md\n+++ b/docs/shared-carts.md\n" in out
    for line in [
        "+kind: prfaq",
        "+title: Shared Carts PR/FAQ",
        "+team: Checkout",
        "+status: draft",
        "+  - Mika Tanaka",
        "+  - Jo Park",
        "+  - Priya Raman",
        "+extra:",
        "+  tags: [checkout, social]",
        "+  status: Ready for review",
        "+  jira: CART-88  # the epic",
        "-author: Mika Tanaka and Jo Park",
    ]:
        assert line + "\n" in out, line
    assert " date: 2027-02-10\n" in out  # the authors' own date, unchanged
    assert "kept as opplan keys: author, date, reviewers\n" in out
    assert "moved under extra: tags, status, jira\n" in out
    assert "once adopted, lint reports" in out
    assert "[schema]" not in out and "[yaml]" not in out
    assert "nothing written; run again with --write" in out
    assert path.read_text(encoding="utf-8") == PRFAQ


def test_write_keeps_the_body_byte_for_byte_and_the_result_lints_without_schema_problems(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _committed_prfaq(tmp_path, monkeypatch, "shared-carts.md")
    args = ("--team", "Checkout", "--cycle", "2027", "--write")
    result = cli("adopt", "shared-carts.md", "--kind", "prfaq", *args)
    assert result.exit_code == 0, result.output
    assert "wrote shared-carts.md" in result.stdout
    assert _body_after_frontmatter(path.read_bytes()) == PRFAQ_BODY.encode()
    doc = load(path)
    assert doc.model is not None and doc.schema_findings == () and doc.unknown_keys == ()
    assert doc.model.owners == ["Mika Tanaka", "Jo Park"]
    assert doc.model.date == dt.date(2027, 2, 10)
    assert doc.model.extra == {
        "tags": ["checkout", "social"],
        "status": "Ready for review",
        "jira": "CART-88",
    }
    again = cli("adopt", "shared-carts.md", "--kind", "prfaq", "--team", "Checkout")
    assert again.exit_code == 2
    assert "already has opplan frontmatter (kind: prfaq)" in again.stderr
    assert not list(path.parent.glob(".shared-carts.md.*"))  # no temporary file left behind


def test_owners_and_date_come_from_git_history_most_commits_first(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "repo", monkeypatch)
    path = repo.write("checkout/narrative.md", NARRATIVE)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Bo Chen")
    repo.commit("first draft", "2026-06-03")
    for day, author in [(10, "Ana Silva"), (11, "Ana Silva"), (12, "Bo Chen"), (13, "Ana Silva")]:
        repo.write("checkout/narrative.md", NARRATIVE + f"\nRevised {day}.\n")
        monkeypatch.setenv("GIT_AUTHOR_NAME", author)
        repo.commit("revise", f"2026-06-{day}")
    monkeypatch.chdir(repo.root / "checkout")
    result = cli("adopt", "narrative.md", "--kind", "op1", "--team", "Checkout", "--write")
    assert result.exit_code == 0, result.output
    doc = load(path)
    assert doc.meta["owners"] == ["Ana Silva", "Bo Chen"]  # 3 commits, then 2
    assert doc.meta["date"] == dt.date(2026, 6, 3)  # the first commit
    assert doc.meta["title"] == "Checkout 2027 narrative"  # the setext heading
    assert doc.model is not None  # an OP1's tracks are there to fill in
    assert "# TODO: the headcount of each planning track" in doc.text
    assert doc.text.endswith(NARRATIVE + "\nRevised 13.\n")


def test_an_untracked_file_takes_configuration_defaults_and_keeps_bom_and_crlf(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "opplan.toml").write_text('[new]\ncycle = 2031\norg = "Commerce"\n')
    body = "Intro without a heading.\r\n\r\n- a list item\r\n"
    path = tmp_path / "payments_q3-review.md"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode())
    monkeypatch.chdir(tmp_path)
    result = cli("adopt", path.name, "--kind", "prfaq", "--team", "Payments", "--write")
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\r\nkind: prfaq\r\n")
    assert data.endswith(b"---\r\n" + body.encode())
    assert b"\n" not in data.replace(b"\r\n", b"")
    doc = load(path)
    assert (doc.meta["cycle"], doc.meta["org"]) == (2031, "Commerce")
    assert doc.meta["title"] == "Payments q3 review"  # no heading: the file name
    assert doc.meta["owners"] == ["[Owner name]"]
    assert "date" not in doc.meta


def test_options_win_over_the_documents_own_values(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("---\ntitle: Old\nteam: Old team\ncycle: 2026\nowner: Kim\n---\n# H\n")
    args = ("--title", "New", "--team", "New team", "--cycle", "2028", "--owner", "Lee")
    result = cli("adopt", path, "--kind", "prfaq", *args, "--write")
    assert result.exit_code == 0, result.output
    meta = load(path).meta
    assert (meta["title"], meta["team"], meta["cycle"]) == ("New", "New team", 2028)
    assert meta["owners"] == ["Lee"]


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")


@pytest.mark.parametrize(
    ("name", "make", "answer"),
    [
        ("missing.md", None, (2, "missing.md:1:1: no such file; check the path [input]")),
        ("spec.docx", _docx, (2, "this is a ZIP archive (such as a Word .docx)")),
        ("logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (2, "this is a binary file")),
        ("latin.md", "# Caf\xe9\n".encode("latin-1"), (2, "the file is not UTF-8 (byte 0xe9)")),
        (
            "notes.txt",
            b"# Notes\n",
            (2, "notes.txt is not a Markdown file (.md); if it is Markdown"),
        ),
        (
            "plan.md",
            b"---\nkind: op1\n---\n# Plan\n",
            (2, "already has opplan frontmatter (kind: op1)"),
        ),
        ("broken.md", b"---\nlink: [doc](x)\n---\n", (1, "broken.md:2:7: invalid YAML: a value")),
        ("team.md", b"# No team\n", (2, "missing --team NAME")),
    ],
)
def test_documents_that_cannot_be_adopted_get_one_line(
    cli: Cli, tmp_path: Path, name: str, make: object, answer: tuple[int, str]
) -> None:
    code, message = answer
    path = tmp_path / name
    if callable(make):
        make(path)
    elif isinstance(make, bytes):
        path.write_bytes(make)
    before = path.read_bytes() if path.exists() else None
    team = () if name == "team.md" else ("--team", "Payments")
    result = cli("adopt", path, "--kind", "prfaq", *team, "--write")
    assert result.exit_code == code
    assert result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert (path.read_bytes() if path.exists() else None) == before


def test_an_unknown_kind_names_the_nearest(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# Plan\n")
    result = cli("adopt", path, "--kind", "prfq", "--team", "Payments")
    assert result.exit_code == 2
    assert "did you mean 'prfaq'?" in result.stderr


PR_ONLY = """\
# Trail Alerts

**Trail Alerts tell hikers when a trail closes**

BOULDER, Colo., May 4, 2027 — Burrow today launched Trail Alerts for its 2.3 million hikers.

"We closed 140 trails last spring and hikers found out at the trailhead," said Kerri Dunn.

Trail Alerts are available today: open a saved trip and tap Alert me to get started.
"""


def test_a_press_release_only_revision_is_adopted_as_pr_only(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "trail-alerts.md"
    path.write_text(PR_ONLY)
    args = ("--kind", "prfaq", "--team", "Trails", "--owner", "Kerri Dunn", "--write")
    as_full = cli("adopt", path, *args[:-1])
    assert "missing section 'External FAQ'" in as_full.stdout
    result = cli("adopt", path, *args, "--variant", "pr-only")
    assert result.exit_code == 0, result.stderr
    assert "[required-sections]" not in result.stdout  # a pr-only revision has no FAQs
    assert "\nvariant: pr-only\n" in path.read_text()
    assert path.read_text().endswith(PR_ONLY)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kind", "prfaq", "--variant", "pr-onyl"), "did you mean 'pr-only'?"),
        (("--kind", "op1", "--variant", "pr-only"), "--variant is for a prfaq, not an op1"),
    ],
)
def test_a_wrong_variant_is_one_line(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "trail-alerts.md"
    path.write_text(PR_ONLY)
    result = cli("adopt", path, *args, "--team", "Trails")
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert path.read_text() == PR_ONLY


def _adopted(cli: Cli, path: Path, text: str, kind: str, keys: tuple[str, str]) -> None:
    """Adopt `text` written at `path`, and check which of its keys were kept and moved."""
    path.write_text(text)
    result = cli("adopt", path, "--kind", kind, "--team", "Platform", "--write")
    assert result.exit_code == 0, result.output
    assert f"kept as opplan keys: {keys[0]}\nmoved under extra: {keys[1]}\n" in result.stdout


def test_keys_and_statuses_in_other_cases_are_opplans(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "launch.md"
    text = (
        "---\nTitle: Launch plan\nStatus: Approved\nAuthors: ['@mika', '@jo']\n"
        "draft: true\nlastmod: 2027-03-01T09:30:00Z\n---\n# Launch\n"
    )
    _adopted(cli, path, text, "prfaq", ("Title, Status, Authors", "draft, lastmod"))
    meta = load(path).meta
    assert (meta["title"], meta["status"], meta["owners"]) == (
        "Launch plan",
        "approved",
        ["@mika", "@jo"],
    )
    assert meta["extra"]["draft"] is True


def test_another_tools_kind_and_metadata_move_under_extra(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "rbac.md"
    text = (
        "---\n"
        'title: "Role-based access"\n'
        'kind: "guide"        # one of: guide, reference, api\n'
        "Owner: Platform Security\n"
        "Last Updated: 2026-10-03\n"
        "date: YYYY-MM-DD\n"
        "version: 0.1.0a1\n"
        "---\n\n# Role-based access\n"
    )
    _adopted(cli, path, text, "op1", ("title, Owner, version", "kind, Last Updated, date"))
    doc = load(path)
    assert doc.model is not None and doc.unknown_keys == ()
    assert doc.meta["kind"] == "op1" and doc.meta["owners"] == ["Platform Security"]
    assert dict(doc.meta["extra"]) == {
        "kind": "guide",
        "Last Updated": dt.date(2026, 10, 3),
        "date": "YYYY-MM-DD",
    }
    assert "kind: guide  # one of: guide, reference, api" in doc.text
