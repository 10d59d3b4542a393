"""Markdown that GitHub renders renders, and its text comes out as written.

Each case is a snippet of ordinary GitHub-flavoured text that one of pandoc's own
Markdown extensions, or typst's markup, would read as something else (a citation,
math, a list, a heading, code); it is rendered to PDF, docx and HTML with the real
pandoc and typst, and every expected piece of text must be in every output.
"""

from __future__ import annotations

import base64
import io
import os
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import OP1_FRONTMATTER, document
from opplan.cli import app
from render_helpers import pdf_pages, rendered, word
from render_helpers import settings as repo_settings

# name: (the Markdown, texts that must be in every output, texts in none of them)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "mentions": ("Thanks @dana-reyes and @ops-team.", ("@dana-reyes", "@ops-team"), ()),
    "bracketed citation": (
        "See [@smith2020, p. 3] and [-@doe99].",
        ("[@smith2020, p. 3]", "[-@doe99]"),
        (),
    ),
    "mention after text": ("Ask @doe99 [p. 3] first.", ("@doe99 [p. 3]",), ()),
    "email": ("Write to dana@example.com today.", ("dana@example.com",), ()),
    "example list": ("(@) first\n(@good) second", ("(@) first", "(@good) second"), ()),
    "issue references": ("We fixed #314 and #12.", ("#314", "#12"), ()),
    "hash at line start": (
        "#314 was the bug.\n#hashtag too",
        ("#314 was the bug.", "#hashtag"),
        (),
    ),
    "typst code": (
        'Run #let x = 1 and #set page(width: 1cm) and #import "x.typ".',
        ("#let x = 1", "#set page(width: 1cm)", '#import "x.typ"'),
        (),
    ),
    "typst markup at line start": (
        "= not a heading\n\n/ term: not a term\n\nlabel <intro> and ref @intro",
        ("= not a heading", "/ term: not a term", "<intro>", "@intro"),
        (),
    ),
    "money": (
        "It costs $1,200 and $5 and $10, from $2 to $3.5 million.",
        ("$1,200 and $5 and $10", "from $2 to $3.5 million"),
        (),
    ),
    "dollar pairs": ("Both $x$ and $$y$$ stay.", ("$x$", "$$y$$"), ()),
    "tildes and carets": ("H~2~O, 2^10^ and ~5 days", ("H~2~O", "2^10^", "~5 days"), ()),
    "angle brackets": ("If a < b > c and x<y then", ("a < b > c", "x<y"), ()),
    "inline html": ("Press <kbd>Ctrl</kbd> now.", ("Ctrl",), ()),
    "braces": ("# Goals {#custom-id}\n\nText {.class} here.", ("{#custom-id}", "{.class}"), ()),
    "fenced div": ("::: warning\nInside the div.\n:::", ("Inside the div.",), ()),
    "line block": ("| first line\n| second line", ("| first line", "| second line"), ()),
    "definition list": ("Term\n: not a definition", (": not a definition",), ()),
    "backslash at line end": ("first line\\\nsecond line", ("first line", "second line"), ()),
    "backslash at a paragraph's end": (
        "Ends with a\\\n\nA note[^n].\n\n[^n]: Also ends with b\\",
        ("Ends with a\\", "Also ends with b\\"),
        (),
    ),
    "backslashes": (
        "Paths C:\\Users\\dana and \\alpha and \\input{x}",
        ("C:\\Users\\dana", "\\alpha", "\\input{x}"),
        (),
    ),
    "quotes and dashes": (  # typst sets "..." as an ellipsis, the one change
        "\"Quoted\" and 'single' -- then --- and ...",
        ("\"Quoted\" and 'single' -- then --- and",),
        (),
    ),
    "emoji shortcode": ("Ship it :rocket: :+1:", (":rocket: :+1:",), ()),
    "html comment": ("before <!-- hidden note --> after", ("before", "after"), ("hidden note",)),
    "footnote": (
        "A claim.[^1]\n\n[^1]: The source of the claim.",
        ("The source of the claim.",),
        (),
    ),
    "reference links": (
        "Read [the docs][docs] and [shortcut].\n\n[docs]: https://example.com/docs\n"
        "[shortcut]: https://example.org",
        ("the docs", "shortcut"),
        ("[docs]:",),
    ),
    "task list": ("- [ ] open task\n- [x] done task", ("open task", "done task"), ()),
    "missing image": ("![the missing chart](missing.png)", ("the missing chart",), ("Figure",)),
    "remote image": (
        "![remote logo](https://example.com/logo.png)",
        ("[image left out: remote logo]",),
        ("Figure",),
    ),
    "long word in a table": (
        "| Key | Value |\n|---|---|\n| " + "x" * 70 + " | https://example.com/" + "a/" * 30 + " |",
        ("x" * 70, "https://example.com/" + "a/" * 30),
        (),
    ),
    "pipe in code in a table": ("| Code | Note |\n|---|---|\n| `x \\| y` | z |", ("x | y",), ()),
    "right to left": ("Hebrew עברית and Arabic العربية.", ("עברית", "العربية"), ()),
    "json in a list": (
        '1. The payload:\n\n   ```json\n   {"id": "#314", "cost": "$5", "to": "@ops"}\n   ```\n',
        ('{"id": "#314", "cost": "$5", "to": "@ops"}',),
        (),
    ),
    "diagram in a list": (
        "- The flow:\n\n  ```\n  +-----+    +-----+\n  | A   |--->| B   |\n"
        "  +-----+    +-----+\n  ```\n",
        ("+-----+", "| A |--->| B |"),
        (),
    ),
    "diagram outside code": ("+---+---+\n| a | b |\n+---+---+", ("+---+---+",), ()),
    "closing hashes": ("## Risks ##\n\nText.", ("Risks",), ("Risks ##",)),
    "setext headings": ("Overview\n========\n\nScope\n-----\n\nText.", ("Overview", "Scope"), ()),
    "list under a paragraph": (
        "Steps:\n- first step\n- second step",
        ("first step",),
        ("- first",),
    ),
    "lettered lines": ("A. Introduction\nB. Scope", ("A. Introduction", "B. Scope"), ()),
    "dashes under words": ("Name    Value\n-----   -----\nalpha   1", ("Name", "alpha"), ()),
    "table caption": ("| a |\n|---|\n| 1 |\n\n: not a caption", (": not a caption",), ()),
    "percent line": ("% not a title\n% nor an author", ("% not a title",), ()),
    "inline note": ("Text ^[not a note] here.", ("^[not a note]",), ()),
    "stars and underscores": (
        "5 * 3 * 2 and snake_case_name",
        ("5 * 3 * 2", "snake_case_name"),
        (),
    ),
    "links to anchors": (
        "See [the intro](#intro), [the risks](#risks-and-costs) and [gone](#nowhere).\n\n"
        "## Risks and costs\n\nText.",
        ("See the intro, the risks and gone.",),
        (),
    ),
    "ids given twice": (
        "[first]{#x} and [second]{#x}, see [there](#x).\n\n::: {#x}\nThird.\n:::",
        ("first and second, see there.", "Third."),
        (),
    ),
    "empty link": ("Links [to nothing]() and []().", ("Links to nothing and .",), ()),
    "line breaks in a table": (
        "| Step | Notes |\n|---|---|\n| one<br>two | three<br/>four |",
        ("one", "two", "three", "four"),
        ("<br",),
    ),
    "fenced div left open": ("::: {#q}\nNever closed.", ("Never closed.",), ()),
    "markup at the start of items": (
        "- / slash item\n- = equals item\n\n1. / x: y\n\n"
        "A note[^n] and [/ link](https://example.com).\n\n[^n]: / slash note",
        ("/ slash item", "= equals item", "/ x: y", "/ link", "/ slash note"),
        (),
    ),
    "alert": ("> [!NOTE]\n> Read this first.", ("Read this first.",), ()),
}

CJK = "日本語の計画と한국어"


def flat(text: str) -> str:
    """Text with every run of whitespace one space, as a line break reads."""
    return " ".join(text.split())


def found(expected: str, text: str) -> bool:
    """`expected` in `text`; a very long word may be wrapped across lines (in a PDF)."""
    if flat(expected) in text:
        return True
    long_word = any(len(word) > 30 for word in expected.split())
    return long_word and "".join(expected.split()) in "".join(text.split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return "".join(parser.parts)


def docx_text(data: bytes) -> str:
    """The text of the body, its tables and its footnotes."""
    doc = word(data)
    parts = [paragraph.text for paragraph in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/footnotes.xml" in package.namelist():
            notes = package.read("word/footnotes.xml").decode("utf-8")
            parts.extend(_xml_texts(notes))
    return "\n".join(parts)


def _xml_texts(xml: str) -> list[str]:
    """The text of each paragraph of a WordprocessingML part."""
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = ElementTree.fromstring(xml)
    return [
        "".join(t.text or "" for t in p.iter(f"{namespace}t")) for p in root.iter(f"{namespace}p")
    ]


def texts(outputs: dict[str, bytes]) -> dict[str, str]:
    return {
        "pdf": flat(" ".join(pdf_pages(outputs["pdf"]))),
        "docx": flat(docx_text(outputs["docx"])),
        "html": flat(html_text(outputs["html"])),
    }


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("repo")


def render_body(repo: Path, name: str, body: str) -> dict[str, str]:
    conf = repo_settings(repo)
    path = repo / f"{name}.md"
    path.write_text(document(OP1_FRONTMATTER, f"# Intro\n\nBefore.\n\n{body}\n\nAfter.\n"))
    return texts(rendered(path, conf, ("pdf", "docx", "html")).outputs)


@pytest.mark.parametrize(("body", "present", "absent"), list(CASES.values()), ids=list(CASES))
def test_github_text_survives_in_every_format(
    repo: Path, body: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    outputs = render_body(repo, "case", body)
    for fmt, text in outputs.items():
        assert "Before." in text and "After." in text, fmt
        for expected in present:
            assert found(expected, text), f"{fmt} lost {expected!r}: {text}"
        for unexpected in absent:
            assert unexpected not in text, f"{fmt} shows {unexpected!r}"


def test_cjk_survives_in_docx_and_html_and_the_pdf_warns(repo: Path) -> None:
    """typst's own fonts have no CJK glyphs (a font in render/fonts/ adds them)."""
    conf = repo_settings(repo)
    path = repo / "cjk.md"
    path.write_text(document(OP1_FRONTMATTER, f"# Intro\n\nText in {CJK} 🎉 and עברית.\n"))
    result = rendered(path, conf, ("pdf", "docx", "html"))
    outputs = texts(result.outputs)
    assert CJK in outputs["docx"] and CJK in outputs["html"]
    assert "עברית" in outputs["pdf"]
    assert result.warnings == (
        "the PDF's fonts have no glyphs for '日本語の計画と한…', which are left blank there; "
        "put a font that has them in the render/fonts/ template folder",
    )
    assert not rendered(path, conf, ("docx",)).warnings


def test_citations_are_text_without_a_bibliography(repo: Path) -> None:
    outputs = render_body(repo, "cite", "As [@smith2020] found, @doe99 agrees.")
    assert "As [@smith2020] found, @doe99 agrees." in outputs["pdf"]


BIBLIOGRAPHY = """\
@book{smith2020, author = {Smith, Jane}, title = {Planning in Writing},
  year = {2020}, publisher = {Example Press}}
"""


def test_a_configured_bibliography_turns_its_keys_into_citations(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIBLIOGRAPHY)
    conf = repo_settings(tmp_path, '[render]\nbibliography = "refs.bib"\n')
    path = tmp_path / "plan.md"
    body = "# Intro\n\nAs [@smith2020, p. 3] found, @dana-reyes agrees; not [@nobody].\n"
    path.write_text(document(OP1_FRONTMATTER, body))
    outputs = texts(rendered(path, conf, ("pdf", "docx", "html")).outputs)
    for fmt, text in outputs.items():
        assert "As (Smith 2020, 3) found, @dana-reyes agrees; not [@nobody]." in text, fmt
        assert "References Smith, Jane. 2020. Planning in Writing. Example Press." in text, fmt


def test_a_missing_bibliography_is_one_usage_error(batch: Path) -> None:
    (batch / "opplan.toml").write_text('[render]\nbibliography = "refs.bib"\n')
    result = CliRunner().invoke(app, ["render", "plans", "--to", "html", "-o", "out"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no bibliography" in result.stderr
    assert "[render] bibliography" in result.stderr and not (batch / "out").exists()


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
BROKEN_BODY = "# Intro\n\nSome text.\n\n![A chart](broken.png)\n\nMore text.\n"
BROKEN_LINE = OP1_FRONTMATTER.count("\n") + 2 + 5  # two --- lines, the image on body line 5


@pytest.fixture
def batch(tmp_path: Path) -> Iterator[Path]:
    """A repository with two good plans and one whose image typst cannot decode."""
    (tmp_path / ".git").mkdir()
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "broken.png").write_bytes(PNG[:40])  # a PNG signature, then cut off
    (plans / "a-good.md").write_text(document(OP1_FRONTMATTER, "# Intro\n\nFirst plan.\n"))
    (plans / "broken.md").write_text(document(OP1_FRONTMATTER, BROKEN_BODY))
    (plans / "z-good.md").write_text(document(OP1_FRONTMATTER, "# Intro\n\nLast plan.\n"))
    old = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)


def test_a_broken_document_does_not_stop_the_batch(batch: Path) -> None:
    result = CliRunner().invoke(app, ["render", "plans", "--to", "pdf,docx", "-o", "out"])
    assert result.exit_code == 1
    assert sorted(path.name for path in (batch / "out").iterdir()) == [
        "a-good.docx",
        "a-good.pdf",
        "z-good.docx",
        "z-good.pdf",
    ]
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [
        f"opplan: error: plans/broken.md:{BROKEN_LINE}:1: typst: failed to decode image "
        + errors[0].split("failed to decode image ", 1)[1]
    ]
    assert "at '![A chart](broken.png)'; change or remove it [render]" in errors[0]
    assert "1 of 3 documents not rendered" in result.stderr
    assert "Traceback" not in result.stderr
    assert "a-good.md" in result.stdout and "z-good.md" in result.stdout


def test_a_failure_inside_a_list_is_named_at_its_item(batch: Path) -> None:
    (batch / "plans" / "good.png").write_bytes(PNG)
    body = (
        "# Intro\n\n- First item.\n- Second, with ![a dot](good.png).\n"
        "- Third:\n\n  > Quoted, then ![a chart](broken.png)\n\n- Fourth.\n"
    )
    (batch / "plans" / "listed.md").write_text(document(OP1_FRONTMATTER, body))
    result = CliRunner().invoke(app, ["render", "plans/listed.md", "--to", "pdf", "-o", "out"])
    assert result.exit_code == 1
    line = OP1_FRONTMATTER.count("\n") + 2 + 7  # two --- lines, then the quote's line
    assert f"plans/listed.md:{line}:1: typst: failed to decode image" in result.stderr
    assert "at '> Quoted, then ![a chart](broken.png)'" in result.stderr


def test_a_failure_leaves_an_earlier_output_untouched(batch: Path) -> None:
    (batch / "out").mkdir()
    (batch / "out" / "broken.pdf").write_bytes(b"the last good render")
    result = CliRunner().invoke(app, ["render", "plans/broken.md", "--to", "pdf", "-o", "out"])
    assert result.exit_code == 1
    assert (batch / "out" / "broken.pdf").read_bytes() == b"the last good render"


def test_a_template_error_is_a_usage_error(batch: Path) -> None:
    local = batch / "templates" / "render"
    local.mkdir(parents=True)
    (local / "op1.md.j2").write_text("{{ doc.title }\n")
    (batch / "opplan.toml").write_text('[templates]\nfolder = "templates"\n')
    result = CliRunner().invoke(app, ["render", "plans/a-good.md", "--to", "pdf", "-o", "out"])
    assert result.exit_code == 2
    assert "op1.md.j2:1: template syntax error" in result.stderr


TOKENS = (
    *("plan", "team", "2027", " ", " ", "\n", "\n\n", "\n- ", "\n1. ", "\n> ", "\n# "),
    *("@", "@dana", "[@x]", "(@)", "#", "#314", "$", "$5", "$1,200", "~", "^", "<", ">"),
    *("<b>", "</b>", "{#id}", "{.c}", ":::", "|", "\\", '"', "'", "--", "*", "_", "`"),
    *("```", "[", "]", "(", ")", "!", "[^1]", "[^1]: note", ":smile:", "<!--", "-->"),
    *("=", "+", "/", "%", "&", "日本", "עברית", "🎉", "\t", "    "),
    *("[x](#nowhere)", "[a]{#q}", "\n::: {#q}\n", "<br>", "[]()", "\n- / ", "| a |\n|---|\n| "),
)


@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_any_github_text_renders_to_pdf(repo: Path, body: str) -> None:
    conf = repo_settings(repo)
    path = repo / "random.md"
    path.write_text(document(OP1_FRONTMATTER, f"# Intro\n\n{body}\n"))
    result = rendered(path, conf, ("pdf",))
    assert pdf_pages(result.outputs["pdf"])


def test_headings_have_githubs_ids(tmp_path: Path) -> None:
    conf = repo_settings(tmp_path)
    path = tmp_path / "plan.md"
    body = "# Intro\n\nSee [costs](#risks--costs-2027).\n\n## Risks & Costs (2027)\n\nText.\n"
    path.write_text(document(OP1_FRONTMATTER, body))
    page = rendered(path, conf, ("html",)).outputs["html"].decode()
    assert 'id="risks--costs-2027"' in page and 'href="#risks--costs-2027"' in page
