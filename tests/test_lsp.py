"""`opplan lsp` end to end: the server runs as a subprocess and a test client talks to it."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from typer.testing import Result

from conftest import ROOT, example
from opplan.config.model import Page
from opplan.document import load_text
from opplan.lint.check import estimate_pages
from opplan.lint.rule import documentation_url, summary
from opplan.lint.rules import RULES
from opplan.lsp.plans import Repository, root_of
from opplan.schemas.op1 import Ask, Risk

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
OPPLAN = shutil.which("opplan", path=str(Path(sys.executable).parent)) or "opplan"
CROSS = ROOT / "tests" / "cross_cases"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[OPPLAN, "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=tmp_path.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="plans")],
        initialization_options={"debounce": 10},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def published(
    client: LanguageClient, uri: str, send: Callable[[], None]
) -> list[types.Diagnostic]:
    """Send a notification, then wait for the diagnostics of `uri` that follow it."""
    while True:
        waiting = client.protocol.wait_for_notification_async(PUBLISH)
        send()
        send = lambda: None  # noqa: E731 - once
        params: types.PublishDiagnosticsParams = await asyncio.wait_for(waiting, 60)
        if params.uri == uri:
            return list(params.diagnostics)


async def opened(
    client: LanguageClient, path: Path, text: str | None = None
) -> list[types.Diagnostic]:
    text = path.read_text(encoding="utf-8") if text is None else text
    item = types.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=1, text=text)
    return await published(
        client,
        path.as_uri(),
        lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item)),
    )


async def changed(
    client: LanguageClient, path: Path, text: str, version: int
) -> list[types.Diagnostic]:
    params = types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )
    return await published(client, path.as_uri(), lambda: client.text_document_did_change(params))


def lint_json(
    cli: Callable[..., Result], folder: Path, path: Path
) -> list[tuple[int, int, str, str, str]]:
    """`opplan lint --format json` over the folder: the problems of one file."""
    result = cli("lint", "--format", "json", "--no-cache", folder)
    problems = json.loads(result.stdout)["problems"]
    return sorted(
        (p["line"], p["column"], p["rule"], p["level"], p["message"])
        for p in problems
        if p["path"] == str(path)
    )


def as_problems(diagnostics: list[types.Diagnostic]) -> list[tuple[int, int, str, str, str]]:
    level = {types.DiagnosticSeverity.Error: "error", types.DiagnosticSeverity.Warning: "warning"}
    return sorted(
        (
            d.range.start.line + 1,
            d.range.start.character + 1,
            str(d.code),
            level[d.severity],
            d.message,
        )  # type: ignore[index]
        for d in diagnostics
    )


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """The text with the edits made (ASCII text: characters are UTF-16 units)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


async def fixes(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic]),
    )
    found = await client.text_document_code_action_async(params)
    return [action for action in found or [] if isinstance(action, types.CodeAction)]


def edits_of(action: types.CodeAction, path: Path) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[path.as_uri()])


# An OP1 with a misspelt key, a value that is not allowed, a misspelt ask kind, a
# missing section, a weasel word inside a paragraph and a link.
BROKEN = (
    example()
    .replace("status: approved", "status: aproved")
    .replace("\ncharter:", "\nchartr:")
    .replace("  - kind: headcount", "  - kind: hedcount")
    .replace("# Risks\n", "# Risk notes\n")
    .replace(
        "Eleven product teams call our APIs.",
        "Eleven product teams\ncall our APIs, which are very\nfast.",
    )
)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path.resolve()
    (folder / "opplan.toml").write_text("[lint]\n", encoding="utf-8")
    return folder


def partners(folder: Path) -> tuple[Path, Path]:
    """Payments' plan needs something from Checkout, whose plan does not mention it."""
    for source in (CROSS / "partner-surprise-not-mentioned").glob("*.md"):
        shutil.copy(source, folder / source.name)
    return folder / "op1-payments.md", folder / "op1-checkout.md"


def acknowledged(partner: Path) -> str:
    """Checkout's plan with the commitment to Payments added."""
    commitment = "commitments:\n  - team: Payments\n    what: Idempotency keys on every request\n"
    text = partner.read_text(encoding="utf-8")
    assert "commitments:" in text
    return text.replace("commitments:", commitment, 1)


async def opened_broken(client: LanguageClient, plans: Path) -> tuple[Path, list[types.Diagnostic]]:
    """The BROKEN document, written and opened, and its diagnostics."""
    path = plans / "op1.md"
    path.write_text(BROKEN, encoding="utf-8")
    return path, await opened(client, path)


@pytest.mark.asyncio
async def test_diagnostics_are_the_findings_of_opplan_lint(
    client: LanguageClient, plans: Path, cli: Callable[..., Result]
) -> None:
    path, diagnostics = await opened_broken(client, plans)
    expected = lint_json(cli, plans, path)
    assert as_problems(diagnostics) == expected
    codes = {str(d.code) for d in diagnostics}
    assert {"schema", "required-sections", "weasel-words"} <= codes
    schema = next(d for d in diagnostics if "aproved" in d.message)
    assert schema.code_description is not None
    assert schema.code_description.href == documentation_url("schema")
    assert schema.source == "opplan"
    # The range covers the value's key on its line.
    assert BROKEN.split("\n")[schema.range.start.line].startswith("status: aproved")


@pytest.mark.asyncio
async def test_a_change_is_checked_again(client: LanguageClient, plans: Path) -> None:
    path = plans / "op1.md"
    path.write_text(example(), encoding="utf-8")
    assert await opened(client, path) == []
    diagnostics = await changed(
        client, path, example().replace("status: approved", "status: done"), 2
    )
    row = example().split("\n").index("status: approved")
    assert [(d.code, d.range.start.line) for d in diagnostics] == [("schema", row)]
    assert (
        "'done' is not allowed; use one of draft, review, approved, superseded"
        in diagnostics[0].message
    )
    assert await changed(client, path, example(), 3) == []


@pytest.mark.asyncio
async def test_cross_document_findings_come_from_the_other_plans(
    client: LanguageClient, plans: Path, cli: Callable[..., Result]
) -> None:
    path, partner = partners(plans)
    diagnostics = await opened(client, path)
    assert as_problems(diagnostics) == lint_json(cli, plans, path)
    surprise = [d for d in diagnostics if d.code == "partner-surprise"]
    assert len(surprise) == 1
    assert "Checkout does not mention Payments in its plan" in surprise[0].message
    # The partner's plan, open with unsaved changes, counts as the editor has it.
    await opened(client, partner, acknowledged(partner))
    diagnostics = await changed(client, path, path.read_text(encoding="utf-8"), 2)
    assert diagnostics
    assert not [d for d in diagnostics if d.code == "partner-surprise"]


@pytest.mark.asyncio
async def test_a_plan_changed_on_disk_checks_the_open_documents_again(
    client: LanguageClient, plans: Path
) -> None:
    path, partner = partners(plans)
    assert [d for d in await opened(client, path) if d.code == "partner-surprise"]
    # Changed by another program: git pull, another editor.
    partner.write_text(acknowledged(partner), encoding="utf-8")
    params = types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=partner.as_uri(), type=types.FileChangeType.Changed)]
    )
    diagnostics = await published(
        client, path.as_uri(), lambda: client.workspace_did_change_watched_files(params)
    )
    assert diagnostics
    assert not [d for d in diagnostics if d.code == "partner-surprise"]


@pytest.mark.asyncio
async def test_a_file_that_is_not_a_plan_gets_no_diagnostics(
    client: LanguageClient, plans: Path
) -> None:
    path = plans / "README.md"
    path.write_text("# Notes\n\nVery TBD.\n", encoding="utf-8")
    assert await opened(client, path) == []


@pytest.mark.asyncio
async def test_a_plan_the_configuration_excludes_gets_no_diagnostics(
    client: LanguageClient, plans: Path
) -> None:
    (plans / "opplan.toml").write_text('[lint]\nexclude = ["drafts/**"]\n', encoding="utf-8")
    (plans / "drafts").mkdir()
    path = plans / "drafts" / "op1.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert await opened(client, path) == []
    other = plans / "op1.md"
    other.write_text(BROKEN, encoding="utf-8")
    assert await opened(client, other) != []


@pytest.mark.asyncio
async def test_a_bad_configuration_is_reported_and_the_defaults_used(
    client: LanguageClient, plans: Path
) -> None:
    (plans / "opplan.toml").write_text("[lint]\nstrictt = true\n", encoding="utf-8")
    path = plans / "op1.md"
    path.write_text(example(), encoding="utf-8")
    diagnostics = await opened(client, path)
    assert [str(d.code) for d in diagnostics] == ["config"]
    assert "strictt" in diagnostics[0].message
    assert "checking with the default configuration" in diagnostics[0].message


@pytest.mark.asyncio
async def test_quick_fixes_replace_a_key_and_a_value_by_the_nearest_valid_one(
    client: LanguageClient, plans: Path
) -> None:
    path, diagnostics = await opened_broken(client, plans)
    text = BROKEN
    for wrong, right in (("chartr", "charter"), ("aproved", "approved"), ("hedcount", "headcount")):
        diagnostic = next(d for d in diagnostics if f"'{wrong}'" in d.message)
        actions = await fixes(client, path, diagnostic)
        assert actions[0].title == f"Change '{wrong}' to '{right}'"
        assert actions[0].is_preferred
        text = apply(text, edits_of(actions[0], path))
    assert "\ncharter:" in text and "status: approved" in text and "- kind: headcount" in text
    diagnostics = await changed(client, path, text, 2)
    assert not [d for d in diagnostics if d.code == "schema"]


@pytest.mark.asyncio
async def test_quick_fixes_add_the_missing_section(client: LanguageClient, plans: Path) -> None:
    path, diagnostics = await opened_broken(client, plans)
    missing = next(d for d in diagnostics if d.code == "required-sections")
    assert missing.message.startswith("missing section 'Risks'")
    # Reported at the first heading, which the range covers.
    assert (missing.range.start.line, missing.range.end.character) == (
        BROKEN.split("\n").index("# Introduction"),
        len("# Introduction"),
    )
    actions = await fixes(client, path, missing)
    assert [a.title for a in actions][:1] == ["Add the 'Risks' section"]
    text = apply(BROKEN, edits_of(actions[0], path))
    # Placed before the next required section, the Appendix.
    assert "# Risks\n\n# Dependencies" not in text
    assert "\n# Risks\n\n# Appendix\n" in text
    assert not [d for d in await changed(client, path, text, 2) if d.code == "required-sections"]


@pytest.mark.asyncio
async def test_quick_fixes_suppress_a_finding_in_the_body_and_the_frontmatter(
    client: LanguageClient, plans: Path
) -> None:
    path, diagnostics = await opened_broken(client, plans)
    text = BROKEN
    weasel = next(d for d in diagnostics if d.code == "weasel-words")
    actions = await fixes(client, path, weasel)
    assert [a.title for a in actions] == ["Disable 'weasel-words' for this line"]
    text = apply(text, edits_of(actions[0], path))
    # Inside a paragraph, the comment ends the line before, so the paragraph stays whole.
    assert "Eleven product teams <!-- opplan: disable-next-line=weasel-words -->\n" in text
    diagnostics = await changed(client, path, text, 2)
    assert not [d for d in diagnostics if d.code == "weasel-words"]
    value = next(d for d in diagnostics if "'aproved'" in d.message)
    suppress = [a for a in await fixes(client, path, value) if a.title.startswith("Disable")]
    text = apply(text, edits_of(suppress[0], path))
    assert "status: aproved  # opplan: disable=schema\n" in text
    diagnostics = await changed(client, path, text, 3)
    assert not [d for d in diagnostics if "'aproved'" in d.message]
    assert not [d for d in diagnostics if d.code == "unused-suppression"]


@pytest.mark.asyncio
async def test_hover_shows_a_keys_description_and_a_rules_documentation(
    client: LanguageClient, plans: Path
) -> None:
    text = example().replace(
        "# Introduction\n", "# Introduction\n\n<!-- opplan: disable-next-line=body-links -->\n", 1
    )
    path = plans / "op1.md"
    path.write_text(text, encoding="utf-8")
    await opened(client, path)
    lines = text.split("\n")

    async def hover(row: int, column: int) -> str | None:
        params = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(row, column),
        )
        found = await client.text_document_hover_async(params)
        if found is None:
            return None
        assert isinstance(found.contents, types.MarkupContent)
        return found.contents.value

    status = await hover(lines.index("status: approved"), 2)
    assert status is not None
    assert status.startswith("**status**: Where the document stands")
    assert "`superseded`" in status
    ask = next(i for i, line in enumerate(lines) if line == "  - kind: budget")
    assert await hover(ask, 5) == (
        f"**kind**: {Ask.model_fields['kind'].description}\n\nRequired.\n\n"
        "Allowed values: `headcount`, `budget`, `decision`."
    )
    likelihood = next(i for i, line in enumerate(lines) if line.startswith("    likelihood:"))
    assert (await hover(likelihood, 6) or "").startswith(
        f"**likelihood**: {Risk.model_fields['likelihood'].description}"
    )
    comment = lines.index("<!-- opplan: disable-next-line=body-links -->")
    rule = await hover(comment, lines[comment].index("body-links") + 3)
    assert rule is not None
    assert rule.startswith(f"**body-links** (warning): {summary(RULES['body-links'])}\n\n")
    assert "Failing" in rule
    assert rule.endswith(f"\n\n[Documentation]({documentation_url('body-links')})")
    assert await hover(lines.index("# Introduction"), 3) is None


@pytest.mark.asyncio
async def test_completion_offers_keys_and_allowed_values(
    client: LanguageClient, plans: Path
) -> None:
    frontmatter = (
        "---\nkind: op1\ntitle: T\nstatus: \nasks:\n  - kind: \n    wh\nrisks:\n  - likelihood: \n"
        "\n---\n# Introduction\n<!-- opplan: disable= -->\n"
    )
    path = plans / "op1.md"
    path.write_text(frontmatter, encoding="utf-8")
    await opened(client, path)
    lines = frontmatter.split("\n")

    async def labels(row: int, column: int | None = None) -> list[str]:
        params = types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(row, len(lines[row]) if column is None else column),
        )
        found = await client.text_document_completion_async(params)
        assert isinstance(found, types.CompletionList)
        return [item.label for item in found.items]

    assert await labels(3) == ["draft", "review", "approved", "superseded"]
    assert await labels(5) == ["headcount", "budget", "decision"]
    assert await labels(8) == ["low", "medium", "high"]
    assert await labels(1) == ["op1", "op2", "prfaq", "checkin", "rollup"]
    ask_keys = await labels(6)
    assert set(ask_keys) == set(Ask.model_fields) - {"kind"}
    params = types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(6, 6)
    )
    found = await client.text_document_completion_async(params)
    assert isinstance(found, types.CompletionList)
    what = next(item for item in found.items if item.label == "what")
    # The item replaces what was typed of the key, and goes on to its value.
    assert what.text_edit == types.TextEdit(
        range=types.Range(types.Position(6, 4), types.Position(6, 6)), new_text="what: "
    )
    assert what.documentation == types.MarkupContent(
        kind=types.MarkupKind.Markdown,
        value=f"**what**: {Ask.model_fields['what'].description}\n\nRequired.",
    )
    top = await labels(9)
    assert "charter" in top and "tracks" in top and "goals" in top
    assert not {"kind", "title", "status", "asks", "risks"} & set(top)
    assert await labels(12, lines[12].index("=") + 1) == list(RULES)


@pytest.mark.asyncio
async def test_completion_knows_a_prfaqs_variants(client: LanguageClient, plans: Path) -> None:
    text = "---\nkind: prfaq\nvariant: "  # the frontmatter is still being typed
    path = plans / "prfaq.md"
    path.write_text(text, encoding="utf-8")
    await opened(client, path)
    params = types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(2, 9)
    )
    found = await client.text_document_completion_async(params)
    assert isinstance(found, types.CompletionList)
    assert [item.label for item in found.items] == ["full", "pr-only", "faq-only"]


@pytest.mark.asyncio
async def test_quick_fixes_add_a_missing_key(client: LanguageClient, plans: Path) -> None:
    text = example().replace("status: approved\n", "")
    path = plans / "op1.md"
    path.write_text(text, encoding="utf-8")
    diagnostics = await opened(client, path)
    missing = next(d for d in diagnostics if d.message == "missing required key 'status'")
    assert missing.range.start.line == 0
    actions = await fixes(client, path, missing)
    # The opening '---' cannot take a suppression comment.
    assert [a.title for a in actions] == ["Add the 'status' key"]
    text = apply(text, edits_of(actions[0], path))
    assert "\nstatus: \n---\n" in text
    diagnostics = await changed(client, path, text.replace("status: \n", "status: draft\n"), 2)
    assert diagnostics == []


@pytest.mark.asyncio
async def test_the_outline_lists_sections_with_the_narratives_pages(
    client: LanguageClient, plans: Path
) -> None:
    text = example()
    path = plans / "op1.md"
    path.write_text(text, encoding="utf-8")
    await opened(client, path)
    params = types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri())
    )
    found = await client.text_document_document_symbol_async(params)
    assert found is not None
    symbols = [s for s in found if isinstance(s, types.DocumentSymbol)]
    assert [s.name for s in symbols] == ["Frontmatter", "Narrative", "Appendix"]
    front, narrative, appendix = symbols
    assert front.children is not None and [c.name for c in front.children][:3] == [
        "kind",
        "title",
        "team",
    ]
    count = estimate_pages(load_text(str(path), text), Page()).narrative
    assert (
        narrative.detail == f"about {count:.1f} pages (estimate), {count * 3:.0f} minutes to read"
    )
    assert narrative.children is not None
    assert [c.name for c in narrative.children] == [
        "Introduction", "Tenets", "Last year's results", "Lessons learned", "Goals",
        "Plan with the same resources", "Plan with more investment", "Key assumptions",
        "Resource asks", "Risks", "Dependencies",
    ]  # fmt: skip
    assert all(re.fullmatch(r"\d+\.\d pages", c.detail or "") for c in narrative.children)
    assert appendix.children is not None
    faq = appendix.children[-1]
    assert faq.name == "FAQ" and faq.children is not None and len(faq.children) == 5
    assert appendix.range.start.line == text.split("\n").index("# Appendix")


def test_every_rule_has_its_anchor_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule_id in RULES:
        assert f'<a id="rule-{rule_id}"></a>' in readme, rule_id
        # Run from this checkout (the package names no documentation page): its README.
        assert documentation_url(rule_id) == f"{(ROOT / 'README.md').as_uri()}#rule-{rule_id}"


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_lint_does_not_load_the_language_server() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from opplan.cli import app\n"
        "result = CliRunner().invoke(app, ['lint', '--no-cache', 'examples'])\n"
        "print(result.exit_code, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pygls', 'lsprotocol', 'cattrs') or m.startswith('opplan.lsp')))\n"
    )
    assert run_python(code).stdout.strip() == "0 []"


def test_without_pygls_the_command_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['pygls'] = None\n"
        "sys.argv = ['opplan', 'lsp']\n"
        "from opplan.cli import main\n"
        "main()\n"
    )
    result = run_python(code)
    assert result.returncode == 2
    assert result.stderr == (
        "opplan: error: the language server needs pygls; "
        "install it with: pip install 'opplan[lsp]'\n"
    )


def test_kept_cross_document_findings_equal_fresh_ones(tmp_path: Path) -> None:
    """The server keeps the other plans and the last cross-document answer: a check
    through them gives what a server that starts afresh gives, edit after edit."""
    path, partner = partners(tmp_path.resolve())
    original = path.read_text(encoding="utf-8")
    edits = [
        original,
        original + "\nMore text in the body.\n",
        original.replace("---\n", "---\n# a comment moves every line down\n", 1),
        original,
    ]
    kept = Repository.open(*root_of(path))
    for step, text in enumerate(edits * 2):
        if step == len(edits):  # the partner's plan changes on disk
            partner.write_text(acknowledged(partner), encoding="utf-8")
        fresh = Repository.open(*root_of(path))
        assert kept.check(path, text, {}) == fresh.check(path, text, {}), step
    assert not [p for p in kept.check(path, original, {}) if p.rule == "partner-surprise"]


@pytest.mark.asyncio
async def test_columns_are_in_utf16_units_and_crlf_files_work(
    client: LanguageClient, plans: Path, cli: Callable[..., Result]
) -> None:
    line = "Launch in Zürich 😀 went very well."
    text = example().replace(
        "This plan has one headline.", f"{line}\n\nThis plan has one headline.", 1
    )
    path = plans / "op1.md"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    diagnostics = await opened(client, path, text.replace("\n", "\r\n"))
    expected = lint_json(cli, plans, path)
    assert [(p[0], p[2]) for p in expected] == [
        (d.range.start.line + 1, str(d.code)) for d in diagnostics
    ]
    weasel = next(d for d in diagnostics if d.code == "weasel-words")
    assert weasel.range.start.line == text.split("\n").index(line)
    # The emoji is two UTF-16 units: the column is one more than in characters.
    assert weasel.range.start.character == line.index("very") + 1
    # opplan lint counts 1-based characters.
    assert next(p[1] for p in expected if p[2] == "weasel-words") == line.index("very") + 1


def test_the_server_accepts_stdio_and_ends_with_its_input() -> None:
    # Some clients add --stdio; the server stops when the editor closes its input.
    done = subprocess.run(
        [OPPLAN, "lsp", "--stdio"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
