"""`opplan review import`: comments written into a rendered docx (as Word stores them) and
notes added to a rendered PDF come back at the plan's exact lines."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pypandoc
import pypdf
import pytest
from pypdf.annotations import Highlight, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject
from typer.testing import Result

from conftest import example
from git_helpers import Repo
from opplan.document import load_text
from opplan.render import fingerprint
from review_helpers import Comment, libreoffice_convert, with_comments

Cli = Callable[..., Result]

COMMENTS = [
    Comment(
        "Payments Platform is 40 people",
        "40",
        "Is this before or after the reorg?",
        "Dana Whitfield",
    ),
    Comment(
        "G-4 (team): cut the time", "38 hours", "Say where 38 hours is measured.", "Marcus Lee"
    ),
    Comment("Lessons learned", "Lessons learned", "Lead with the biggest lesson.", "Elena Sousa"),
    Comment(
        "Payments Platform OP1 2027", "Payments Platform OP1 2027", "Shorter title?", "Marcus Lee"
    ),
    Comment("$1,200,000", "$1,200,000", "Split by product.", "Dana Whitfield"),
]
# One insertion that Word stored as two changes (added in reverse: each goes right after
# the anchor), to be read back as one.
CHANGES = [
    Comment("SR-3 finishes the refund migration.", "migration.", " is in June.", "Elena Sousa"),
    Comment("SR-3 finishes the refund migration.", "migration.", " Cutover", "Elena Sousa"),
]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo = Repo(tmp_path / "plans", monkeypatch)
    repo.write("op1.md", example())
    repo.write(
        "op2.md",
        example("op2-payments-platform.md").replace("op1: op1-payments-platform.md", "op1: op1.md"),
    )
    repo.commit("plans", "2026-09-01")
    monkeypatch.chdir(repo.root)
    return repo


@pytest.fixture
def reviewed(repo: Repo, cli: Cli) -> Path:
    """The OP1 rendered to docx, then commented on and edited by reviewers."""
    result = cli("render", "op1.md", "--to", "docx", "-o", "out")
    assert result.exit_code == 0, result.stderr
    rendered = repo.root / "out" / "op1.docx"
    target = repo.root / "reviewed.docx"
    target.write_bytes(with_comments(rendered.read_bytes(), COMMENTS, CHANGES))
    return target


def test_comments_come_back_at_their_lines(repo: Repo, reviewed: Path, cli: Cli) -> None:
    result = cli("review", "import", reviewed)
    assert result.exit_code == 0, result.stderr
    text = (repo.root / "op1.md").read_text()
    intro = line_of(text, "Payments Platform is 40 people")
    g4 = line_of(text, "- G-4 (team)")
    lessons = line_of(text, "# Lessons learned")
    title = line_of(text, "title: Payments Platform OP1 2027")
    amount = line_of(text, "amount: 1200000")
    sr3 = line_of(text, "SR-3 finishes the refund migration.")
    assert result.stdout.splitlines() == [
        f"op1.md:{title}: title: Shorter title? (Marcus Lee)",
        f"op1.md:{intro}: Is this before or after the reorg? (Dana Whitfield)",
        f"op1.md:{lessons}: Lead with the biggest lesson. (Elena Sousa)",
        f"op1.md:{g4}: Say where 38 hours is measured. (Marcus Lee)",
        f"op1.md:{sr3}: insert “Cutover is in June.” (Elena Sousa)",
        f"op1.md:{amount}: asks[1].amount: Split by product. (Dana Whitfield)",
    ]


def test_json_gives_sections_and_fields(reviewed: Path, cli: Cli) -> None:
    result = cli("review", "import", reviewed, "--format", "json")
    records = {r["text"]: r for r in json.loads(result.stdout)}
    assert records["Say where 38 hours is measured."]["section"] == "Goals"
    assert records["Split by product."]["section"] == "frontmatter"
    assert records["Split by product."]["field"] == "asks[1].amount"
    assert records["Split by product."]["anchor"] == "$1,200,000"


def test_into_op2_adds_open_actions_and_nothing_else(repo: Repo, reviewed: Path, cli: Cli) -> None:
    op2 = repo.root / "op2.md"
    before = op2.read_text()
    result = cli("review", "import", reviewed, "--into", op2)
    assert result.exit_code == 0, result.stderr
    after = op2.read_text()
    changed = [
        line for line in difflib.ndiff(before.split("\n"), after.split("\n")) if line[:1] in "+-"
    ]
    assert all(line.startswith("+ ") for line in changed), changed
    model = load_text("op2.md", after).model
    assert model is not None
    new = model.review_actions[-6:]  # type: ignore[attr-defined]
    assert [a.owner for a in new] == [
        c.author
        for c in (COMMENTS[3], COMMENTS[0], COMMENTS[2], COMMENTS[1], CHANGES[1], COMMENTS[4])
    ]
    assert {a.status for a in new} == {"open"}
    assert new[0].action.startswith("Shorter title? (op1.md:")
    again = cli("review", "import", reviewed, "--into", op2)
    assert again.exit_code == 0 and op2.read_text() == after
    assert "0 review actions added, 6 already there" in again.stderr


def test_into_an_op2_of_another_plan_is_refused(repo: Repo, reviewed: Path, cli: Cli) -> None:
    op2 = repo.root / "op2.md"
    op2.write_text(op2.read_text().replace("op1: op1.md", "op1: other.md"))
    before = op2.read_text()
    result = cli("review", "import", reviewed, "--into", op2)
    assert result.exit_code == 2
    assert "revises other.md, not op1.md" in result.stderr
    assert op2.read_text() == before


def test_a_comment_it_cannot_place_is_listed(repo: Repo, cli: Cli) -> None:
    assert cli("render", "op1.md", "--to", "docx", "-o", "out").exit_code == 0
    data = (repo.root / "out" / "op1.docx").read_bytes()
    heading = Comment("Likelihood", "Likelihood", "Who rates these?", "Dana Whitfield")
    (repo.root / "r.docx").write_bytes(with_comments(data, [heading]))
    result = cli("review", "import", "r.docx")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "op1.md: 1 not placed:",
        "  Who rates these? (Dana Whitfield) on “Likelihood”: no line of the plan holds its text",
    ]


def test_a_comment_starting_between_paragraphs(repo: Repo, cli: Cli) -> None:
    assert cli("render", "op1.md", "--to", "docx", "-o", "out").exit_code == 0
    data = (repo.root / "out" / "op1.docx").read_bytes()
    whole = Comment(
        "Three lessons", "Three lessons shape this plan.", "Only three?", "Elena Sousa", True
    )
    (repo.root / "r.docx").write_bytes(with_comments(data, [whole]))
    result = cli("review", "import", "r.docx")
    line = line_of((repo.root / "op1.md").read_text(), "Three lessons shape this plan.")
    assert result.stdout.splitlines() == [f"op1.md:{line}: Only three? (Elena Sousa)"]


def test_a_later_revision_moves_the_lines(repo: Repo, reviewed: Path, cli: Cli) -> None:
    text = (repo.root / "op1.md").read_text()
    text = text.replace("# Introduction\n", "# Introduction\n\nA new first paragraph.\n")
    repo.write("op1.md", text)
    repo.commit("a new paragraph", "2026-09-21")
    result = cli("review", "import", reviewed)
    assert result.exit_code == 0
    assert "rendered from an earlier revision of op1.md" in result.stderr
    intro = line_of(text, "Payments Platform is 40 people")
    assert f"op1.md:{intro}: Is this before or after the reorg? (Dana Whitfield)" in result.stdout


def test_a_revision_git_does_not_have_is_one_line(repo: Repo, cli: Cli) -> None:
    repo.write("op1.md", example().replace("40 people", "41 people"))  # never committed
    assert cli("render", "op1.md", "--to", "docx", "-o", "out").exit_code == 0
    repo.write("op1.md", example())
    result = cli("review", "import", "out/op1.docx")
    assert result.exit_code == 2
    assert "was rendered from another revision of op1.md" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_docx_opplan_did_not_render(repo: Repo, cli: Cli) -> None:
    pypandoc.convert_text(
        "Some notes.", "docx", format="md", outputfile=str(repo.root / "notes.docx")
    )
    result = cli("review", "import", "notes.docx")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "opplan: error: notes.docx was not rendered by opplan (it has no opplan fingerprint); "
        "render the plan with 'opplan render PLAN --to docx' and have reviewers comment on "
        "that file"
    )


def test_not_a_docx(repo: Repo, cli: Cli) -> None:
    (repo.root / "x.docx").write_text("plain text")
    result = cli("review", "import", "x.docx")
    assert result.exit_code == 2
    assert "x.docx is not a Word document (docx)" in result.stderr


def _words_box(page: pypdf.PageObject, wanted: str) -> tuple[float, float, float, float]:
    """The box around the text fragment that starts with `wanted`."""
    found: list[tuple[float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip().startswith(wanted) and not found:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, size * tm[3] * cm[3] if tm[3] and cm[3] else size))

    page.extract_text(visitor_text=visit)
    assert found, f"{wanted!r} is not on the page"
    x, y, size = found[0]
    return x, y - 0.2 * size, x + 60, y + 0.8 * size


def _annotated_pdf(repo: Repo, cli: Cli) -> Path:
    """The OP1 rendered to PDF, with a highlight and a note as a PDF reader adds them."""
    assert cli("render", "op1.md", "--to", "pdf", "-o", "out").exit_code == 0
    reader = pypdf.PdfReader(repo.root / "out" / "op1.pdf")
    writer = pypdf.PdfWriter(clone_from=reader)
    x0, y0, x1, y1 = _words_box(reader.pages[0], "Payments Platform is 40")
    highlight = Highlight(
        rect=(x0, y0, x1, y1),
        quad_points=ArrayObject([FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0)]),
    )
    highlight[NameObject("/T")] = TextStringObject("Dana Whitfield")
    highlight[NameObject("/Contents")] = TextStringObject("Which 40?")
    writer.add_annotation(page_number=0, annotation=highlight)
    nx0, ny0, _, ny1 = _words_box(reader.pages[0], "With the same 40 people")
    note = Text(rect=(nx0 - 30, ny0, nx0 - 10, ny1), text="Name the partner.", open=False)
    note[NameObject("/T")] = TextStringObject("Marcus Lee")
    writer.add_annotation(page_number=0, annotation=note)
    with (repo.root / "annotated.pdf").open("wb") as stream:
        writer.write(stream)
    return repo.root / "annotated.pdf"


def _pdf_remarks_at(text: str) -> list[str]:
    return [
        f"op1.md:{line_of(text, 'Payments Platform is 40 people')}: Which 40? (Dana Whitfield)",
        f"op1.md:{line_of(text, 'With the same 40 people')}: Name the partner. (Marcus Lee)",
    ]


@pytest.mark.parametrize("named", [[], ["--plan", "op1.md"]], ids=["fingerprint", "--plan"])
def test_pdf_highlight_and_note_come_back(repo: Repo, cli: Cli, named: list[str]) -> None:
    annotated = _annotated_pdf(repo, cli)
    result = cli("review", "import", annotated.name, *named)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == _pdf_remarks_at((repo.root / "op1.md").read_text())


def test_the_pdf_names_its_plan_and_revision(repo: Repo, cli: Cli) -> None:
    assert cli("render", "op1.md", "--to", "pdf", "-o", "out").exit_code == 0
    keywords = str(pypdf.PdfReader(repo.root / "out" / "op1.pdf").metadata["/Keywords"])
    blob = fingerprint.blob_id((repo.root / "op1.md").read_bytes())
    assert keywords.endswith(
        f", opplan-source=op1.md, opplan-blob={blob}, opplan-commit={repo.git('rev-parse', 'HEAD')}"
    )
    assert keywords.startswith("OP1, 2027, Payments Platform")  # the document's own keywords


def test_pdf_remarks_move_with_the_plan_edited_since(repo: Repo, cli: Cli) -> None:
    annotated = _annotated_pdf(repo, cli)
    plan = repo.root / "op1.md"
    edited = plan.read_text().replace(
        "\n# ", "\nA new opening paragraph.\n\nAnd one more.\n\n# ", 1
    )
    plan.write_text(edited)
    result = cli("review", "import", annotated.name)
    assert result.exit_code == 0, result.stderr
    assert "rendered from an earlier revision of op1.md" in result.stderr
    assert result.stdout.splitlines() == _pdf_remarks_at(edited)


@pytest.mark.external
def test_a_pdf_annotated_and_saved_by_mupdf_comes_back(repo: Repo, cli: Cli) -> None:
    # MuPDF (mutool, the engine of several PDF readers) rewrites the whole file, and
    # draws a note's icon at its own size from the point clicked.
    mutool = shutil.which("mutool")
    assert mutool, "needs mutool: apt-get install mupdf-tools"
    assert cli("render", "op1.md", "--to", "pdf", "-o", "out").exit_code == 0
    script = Path(__file__).parent / "external" / "annotate_pdf.js"
    rendered, annotated = repo.root / "out" / "op1.pdf", repo.root / "annotated.pdf"
    words, beside = "Payments Platform is 40", "With the same 40 people"
    done = subprocess.run(
        [mutool, "run", str(script), str(rendered), str(annotated), words, beside],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert annotated.read_bytes() != rendered.read_bytes()
    result = cli("review", "import", annotated.name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == _pdf_remarks_at((repo.root / "op1.md").read_text())


def test_a_fingerprint_naming_a_file_outside_the_repository_is_refused(
    repo: Repo, cli: Cli
) -> None:
    annotated = _annotated_pdf(repo, cli)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(annotated))
    outside = "../../../../../../../../etc/hostname"
    writer.add_metadata({"/Keywords": f"opplan-source={outside}, opplan-blob=0123"})
    with (repo.root / "crafted.pdf").open("wb") as stream:
        writer.write(stream)
    result = cli("review", "import", "crafted.pdf")
    assert result.exit_code == 2
    assert result.stderr == (
        f"opplan: error: the reviewed file names '{outside}' as its plan, which is outside "
        f"{repo.root}; name the plan with --plan\n"
    )


def _noted(writer: pypdf.PdfWriter, page: int, words: str, text: str, author: str) -> None:
    """A sticky note left of the line that starts with `words`, on a page of the PDF."""
    x0, y0, _, y1 = _words_box(writer.pages[page], words)
    note = Text(rect=(x0 - 30, y0, x0 - 10, y1), text=text, open=False)
    note[NameObject("/T")] = TextStringObject(author)
    writer.add_annotation(page_number=page, annotation=note)


def test_a_review_packet_gives_each_plan_its_own_remarks(repo: Repo, cli: Cli) -> None:
    result = cli("render", "op1.md", "op2.md", "--packet", "out/packet.pdf")
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(repo.root / "out" / "packet.pdf")
    starts = [
        reader.get_destination_page_number(e) for e in reader.outline if not isinstance(e, list)
    ]
    writer = pypdf.PdfWriter(clone_from=reader)
    _noted(writer, starts[0], "Payments Platform is 40", "Which 40?", "Dana Whitfield")
    _noted(writer, starts[1], "We are 44 people", "And after the hires?", "Marcus Lee")
    _noted(writer, 0, "Review packet", "Thanks.", "Elena Sousa")  # on the cover: no plan's
    with (repo.root / "packet-reviewed.pdf").open("wb") as stream:
        writer.write(stream)

    op1 = cli("review", "import", "packet-reviewed.pdf", "--plan", "op1.md")
    assert op1.exit_code == 0, op1.stderr
    text = (repo.root / "op1.md").read_text()
    assert op1.stdout.splitlines() == [
        f"op1.md:{line_of(text, 'Payments Platform is 40 people')}: Which 40? (Dana Whitfield)"
    ]
    assert "2 remarks on the packet's other pages left out" in op1.stderr

    op2 = cli("review", "import", "packet-reviewed.pdf", "--plan", "op2.md")
    revised = (repo.root / "op2.md").read_text()
    assert op2.stdout.splitlines() == [
        f"op2.md:{line_of(revised, 'We are 44 people')}: And after the hires? (Marcus Lee)"
    ]

    unnamed = cli("review", "import", "packet-reviewed.pdf")
    assert unnamed.exit_code == 2
    assert unnamed.stderr == (
        "opplan: error: packet-reviewed.pdf is a review packet of 2 plans; import each with "
        "--plan: op1.md, op2.md\n"
    )
    elsewhere = cli("review", "import", "packet-reviewed.pdf", "--plan", "op3.md")
    assert elsewhere.stderr == (
        "opplan: error: op3.md is not in the review packet packet-reviewed.pdf; it holds: "
        "op1.md, op2.md\n"
    )


def test_a_damaged_pdf_is_one_line(repo: Repo, cli: Cli) -> None:
    assert cli("render", "op1.md", "--to", "pdf", "-o", "out").exit_code == 0
    whole = (repo.root / "out" / "op1.pdf").read_bytes()
    (repo.root / "cut.pdf").write_bytes(whole[: len(whole) // 3])  # a download cut short
    result = subprocess.run(
        [sys.executable, "-m", "opplan", "review", "import", "cut.pdf"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("opplan: error: cut.pdf cannot be read as a PDF (")
    assert result.stderr.endswith("); save it again\n")
    assert result.stderr.count("\n") == 1  # nothing pypdf logged on the way


def test_a_pdf_without_the_fingerprint_needs_the_plan(repo: Repo, cli: Cli) -> None:
    annotated = _annotated_pdf(repo, cli)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(annotated))
    writer.add_metadata({"/Keywords": "OP1, 2027"})  # as a tool that rewrites them leaves it
    with (repo.root / "plain.pdf").open("wb") as stream:
        writer.write(stream)
    result = cli("review", "import", "plain.pdf")
    assert result.exit_code == 2
    assert result.stderr == (
        "opplan: error: plain.pdf carries no opplan fingerprint (opplan did not render it, or a "
        "tool dropped its keywords); name the plan it was rendered from with --plan, e.g. "
        "--plan plans/op1.md\n"
    )
    named = cli("review", "import", "plain.pdf", "--plan", "op1.md")
    assert named.stdout.splitlines() == _pdf_remarks_at((repo.root / "op1.md").read_text())


@pytest.mark.external
def test_comments_survive_a_libreoffice_round_trip(
    repo: Repo, reviewed: Path, cli: Cli, tmp_path: Path
) -> None:
    """Bookmarks and the fingerprint stay when a word processor saves the file again."""
    saved_file = libreoffice_convert(reviewed, "docx:MS Word 2007 XML", tmp_path / "saved")
    direct = cli("review", "import", reviewed)
    saved = cli("review", "import", saved_file)
    assert saved.exit_code == 0, saved.stderr
    assert saved.stdout == direct.stdout
    assert len(saved.stdout.splitlines()) == len(COMMENTS) + 1
