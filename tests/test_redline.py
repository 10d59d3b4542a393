"""`opplan render --redline`: the example OP1 at two commits, every output read back."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
import typst
from lxml import etree
from typer.testing import Result

from conftest import example
from git_helpers import Repo
from opplan.render import ast, pandoc, pdf, redline_diff, redline_marks
from review_helpers import libreoffice_convert

Cli = Callable[..., Result]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MOVED = (
    "Small reliability fixes paid more than features. Two changes that took 3 engineers "
    "6 weeks cut failures by 0.5 points of attempts."
)
DROPPED = "Four tenets settle our trade-offs. We ask partner teams to hold us to them."
ADDED = "A new paragraph says why the order of the work matters this year."


def revised(text: str) -> str:
    """The example OP1 with a word changed, an ask amount raised, a paragraph deleted,
    one inserted and one moved to another section."""
    moved = next(p for p in text.split("\n\n") if p.startswith(MOVED[:40]))
    text = text.replace(moved + "\n\n", "")
    text = text.replace("# Goals\n\n", f"# Goals\n\n{moved}\n\n")
    text = text.replace("is 40 people in Commerce", "is 42 people in Commerce")
    text = text.replace("- G-6 (business", "- G-7 (business")  # a change right before "("
    text = text.replace("    amount: 1200000", "    amount: 1500000")
    text = text.replace(DROPPED + "\n\n", "")
    return text.replace("The order matters.", f"{ADDED}\n\nThe order matters.")


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository with two commits of the example OP1, as the current folder."""
    repo = Repo(tmp_path / "plans", monkeypatch)
    repo.write("op1.md", example())
    repo.commit("first draft", "2026-09-01")
    repo.write("op1.md", revised(example()))
    repo.commit("after the partner reviews", "2026-09-15")
    monkeypatch.chdir(repo.root)
    return repo


@pytest.fixture
def rendered(plans: Repo, cli: Cli) -> Path:
    result = cli("render", "op1.md", "--redline", "HEAD~1", "--to", "docx,html,pdf", "-o", "out")
    assert result.exit_code == 0, result.stderr
    return plans.root / "out"


def changes(docx: bytes) -> dict[str, list[str]]:
    """The text of each tracked insertion and deletion in a docx, in document order."""
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return {
        "ins": ["".join(e.itertext()) for e in xml.iter(f"{W}ins")],
        "del": ["".join(e.itertext()) for e in xml.iter(f"{W}del")],
    }


def test_docx_has_tracked_changes_with_author_and_date(rendered: Path) -> None:
    data = (rendered / "op1-redline.docx").read_bytes()
    found = changes(data)
    assert "42 " in found["ins"] and "40 " in found["del"]
    assert "$1,500,000" in found["ins"] and "$1,200,000" in found["del"]
    assert DROPPED in "".join(found["del"])
    assert ADDED in "".join(found["ins"])
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    marks = [*xml.iter(f"{W}ins"), *xml.iter(f"{W}del")]
    assert all(m.get(f"{W}author") == "opplan (since HEAD~1)" for m in marks)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", m.get(f"{W}date")) for m in marks)
    moves = {
        side: [
            (e.get(f"{W}name"), "".join(e.getparent().itertext()))
            for e in xml.iter(f"{W}move{side}RangeStart")
        ]
        for side in ("From", "To")
    }
    assert len(moves["From"]) == len(moves["To"]) == 1, "the moved paragraph is one tracked move"
    assert moves["From"][0][0] == moves["To"][0][0]
    assert all(text.startswith(MOVED) for _, text in moves["From"] + moves["To"])
    dropped = next(p for p in xml.iter(f"{W}p") if "".join(p.itertext()).startswith(DROPPED[:30]))
    assert dropped.find(f"{W}pPr/{W}rPr/{W}del") is not None, "its paragraph mark goes too"
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids)), "every tracked change needs its own id"


def test_html_marks_words_and_shows_a_move_once(rendered: Path) -> None:
    html = " ".join((rendered / "op1-redline.html").read_text(encoding="utf-8").split())
    assert "<del>40 </del><ins>42 </ins>people" in html
    assert "<del>$1,200,000</del><ins>$1,500,000</ins>" in html
    assert html.count(MOVED[:60]) == 1
    assert '<ins class="moved">' + MOVED[:40] in html
    assert 'class="opplan-bar"' in html


def test_pdf_shows_old_and_new_text_and_the_summary(rendered: Path) -> None:
    reader = pypdf.PdfReader(rendered / "op1-redline.pdf")
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Changes since HEAD~1:" in text
    assert "40 42 people" in text
    assert "$1,200,000$1,500,000" in text  # one table cell
    assert text.count("Small reliability fixes paid more") == 1


def test_summary_counts_changes_per_section(rendered: Path) -> None:
    html = (rendered / "op1-redline.html").read_text(encoding="utf-8")
    summary = html[html.index('id="opplan-redline-summary"') :]
    summary = summary[: summary.index("</table>")]
    rows = {
        cells[0]: cells[1:]
        for cells in (
            re.findall(r"<td[^>]*>(.*?)</td>", row)
            for row in re.findall(r"<tr.*?</tr>", summary, re.S)
        )
        if cells
    }
    assert rows["Introduction"] == ["1", "1", "0"]
    assert rows["Tenets"] == ["0", "1", "0"]
    assert rows["Goals"] == ["1", "1", "1"]
    assert rows["Resource asks"] == ["1", "1", "0"]


def test_redline_against_another_file(plans: Repo, cli: Cli) -> None:
    plans.write("old.md", example())
    result = cli("render", "op1.md", "--redline", "old.md", "--to", "docx", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert "42 " in changes((plans.root / "out" / "op1-redline.docx").read_bytes())["ins"]


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        ("no-such-rev", "unknown revision or path 'no-such-rev'"),
        ("HEAD~5", "unknown revision or path 'HEAD~5'"),
    ],
)
def test_unknown_revision_is_one_line(plans: Repo, cli: Cli, revision: str, message: str) -> None:
    result = cli("render", "op1.md", "--redline", revision, "--to", "docx", "-o", "out")
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (plans.root / "out").exists()


def test_a_revision_with_invalid_frontmatter(plans: Repo, cli: Cli) -> None:
    plans.write("op1.md", example().replace("status: approved", "status: bogus"))
    plans.commit("a broken status", "2026-09-16")
    plans.write("op1.md", example())
    result = cli("render", "op1.md", "--redline", "HEAD", "--to", "html", "-o", "out")
    assert result.exit_code == 2
    assert result.stderr.startswith("opplan: error: op1.md: cannot compare with HEAD: line 7 ")
    assert "'bogus' is not allowed" in result.stderr and "opplan lint" not in result.stderr


def test_file_not_in_revision(plans: Repo, cli: Cli) -> None:
    plans.write("new.md", example())
    plans.commit("a new plan", "2026-09-20")
    result = cli("render", "new.md", "--redline", "HEAD~1", "--to", "docx", "-o", "out")
    assert result.exit_code == 2
    assert "new.md is not in revision 'HEAD~1'" in result.stderr


def test_packet_takes_a_redline(plans: Repo, cli: Cli) -> None:
    result = cli("render", "op1.md", "--packet", "packet.pdf", "--redline", "HEAD~1")
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(plans.root / "packet.pdf")
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Changes since HEAD~1:" in text and "40 42 people" in text


def shown(old: str, new: str) -> str:
    """The redline of two Markdown snippets as text: [-deleted-] and {+inserted+}."""
    blocks = redline_diff.marked(
        pandoc.parse(old, "old")["blocks"], pandoc.parse(new, "new")["blocks"]
    )

    def visit(node: ast.Node) -> ast.Node | list[ast.Node]:
        classes = redline_diff.classes_of(node) if node["t"] in ("Span", "Div") else []
        ends = {"del": ("[-", "-]"), "ins": ("{+", "+}"), "opplan-del": ("[-", "-]")}
        ends |= {"opplan-ins": ("{+", "+}")}
        if redline_diff.MOVED in classes:
            ends["opplan-ins"] = ("{>", "<}")
        if redline_diff.MOVED_AWAY in classes:
            return []
        for name, (start, end) in ends.items():
            if name in classes:
                inner = node["c"][1]
                if node["t"] == "Div":
                    return [{"t": "Plain", "c": [{"t": "Str", "c": start + ast.text(inner) + end}]}]
                return [{"t": "Str", "c": start}, *inner, {"t": "Str", "c": end}]
        return node

    lines: list[str] = []

    def leaves(value: object) -> None:
        if isinstance(value, dict) and value.get("t") in ("Para", "Plain", "Header"):
            lines.append(ast.text([value]).strip())
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                leaves(item)

    leaves(ast.walk(blocks, visit))
    return " | ".join(lines)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("We ship in May.", "We ship in June.", "We ship in [-May.-]{+June.+}"),
        ("One two three.", "One two three four.", "One two [-three.-]{+three four.+}"),
        ("Keep *this part* here.", "Keep *this bit* here.", "Keep this [-part -]{+bit +}here."),
        ("Alpha.\n\nBeta.", "Alpha.", "Alpha. | [-Beta.-]"),
        ("Alpha.", "Alpha.\n\nBeta.", "Alpha. | {+Beta.+}"),
        ("- one\n- two", "- one\n- two\n- three", "one | two | {+three+}"),
        (
            "# S1\n\nfive words moved along here.\n\n# S2\n\nStay.",
            "# S1\n\n# S2\n\nStay.\n\nfive words moved along here.",
            "S1 | S2 | Stay. | {>five words moved along here.<}",
        ),
        (
            "| a | b |\n|---|---|\n| x | 1 |\n",
            "| a | b |\n|---|---|\n| x | 2 |\n",
            "[-1-]{+2+}",
        ),
    ],
)
def test_diff_cases(old: str, new: str, expected: str) -> None:
    assert expected in shown(old, new)


@pytest.mark.external
def test_libreoffice_keeps_the_tracked_changes(rendered: Path, tmp_path: Path) -> None:
    content = (
        zipfile.ZipFile(libreoffice_convert(rendered / "op1-redline.docx", "odt", tmp_path / "lo"))
        .read("content.xml")
        .decode("utf-8")
    )
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", content, re.S)
    deletions = [r for r in regions if "<text:deletion>" in r]
    insertions = [r for r in regions if "<text:insertion>" in r]
    assert any("$1,200,000" in r for r in deletions)
    assert any("40 " in r for r in deletions)
    assert insertions and all("opplan (since HEAD~1)" in r for r in regions)


def test_typst_marks_leave_the_text_after_them_alone() -> None:
    """Text right after a marked word (".d", "(x)") is text, not part of the typst call."""
    marked = [
        {
            "t": "Para",
            "c": [
                {"t": "Span", "c": [["", ["ins"], []], [{"t": "Str", "c": "B"}]]},
                {"t": "Str", "c": ".d(x)"},
            ],
        }
    ]
    tree = {**pandoc.parse("x", "x"), "blocks": redline_marks.for_typst(marked)}
    data = typst.compile(pdf.markup(tree, "x").encode("utf-8"))
    assert isinstance(data, bytes)
    assert pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().strip() == "B.d(x)"
