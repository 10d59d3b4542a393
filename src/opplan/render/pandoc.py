"""Run the pandoc binary that ships with pypandoc-binary, always sandboxed.

`--sandbox` stops pandoc's readers and writers from reading any file that is
not named on the command line and from fetching anything over the network, so
a document cannot pull `/etc/passwd` or a URL into its output through pandoc.
"""

from __future__ import annotations

import json
import subprocess
from functools import cache
from typing import Any

import pypandoc

from opplan.render.errors import RenderError

# Markdown as GitHub shows it: pandoc's own syntax that would turn ordinary text into
# something else is off, GitHub's additions are on. Each extension is pandoc's, named
# as in its manual; what is kept (pipe tables with column widths, fenced divs with
# attributes, raw blocks, link attributes, footnotes) is what opplan's templates and
# the sanitizer rely on. Raw HTML and `{=typst}` blocks are still read, to be shown as text.
GITHUB_OFF = (
    "citations",  # @name and [@name] are mentions, not citations (see CITATIONS)
    "example_lists",  # (@) is text
    "tex_math_dollars",  # "$4.3 million and $2" is money, not math
    "subscript",  # H~2~O, ~approx
    "superscript",  # 2^10^
    "yaml_metadata_block",  # only the frontmatter carries metadata
    "pandoc_title_block",  # a first line starting with %
    "line_blocks",  # | at a line's start
    "definition_lists",  # a line starting with ": "
    "inline_notes",  # ^[...]
    "raw_tex",  # \input{...}, \alpha are text
    "latex_macros",  # \newcommand is text
    "fancy_lists",  # "A. Introduction", "i. first", "#." are text, as on GitHub
    "header_attributes",  # "# Heading {#id}" keeps its braces
    "inline_code_attributes",  # `code`{.x}
    "simple_tables",  # lines of dashes under words are not tables
    "multiline_tables",
    "grid_tables",  # +----+ diagrams outside code are text
    "table_captions",  # ": caption" and "Table: ..." under a table
    "implicit_header_references",  # [Heading name] is text, not a link
    "blank_before_header",  # a heading right under a paragraph, as on GitHub
    "blank_before_blockquote",
    "smart",  # "quotes", -- and --- stay as written
    "emoji",  # :smile: stays as written: the PDF's fonts have no emoji
)
GITHUB_ON = (
    "gfm_auto_identifiers",  # headings' ids as GitHub makes them: [x](#a-heading) works
    "lists_without_preceding_blankline",  # a list right under a paragraph
    "autolink_bare_uris",  # https://... is a link
    "alerts",  # > [!NOTE]
)
CITATIONS = "citations"  # on only when a bibliography is configured


def reader(citations: bool = False) -> str:
    """pandoc's input format: its Markdown with GitHub's meaning."""
    off = [name for name in GITHUB_OFF if not (citations and name == CITATIONS)]
    return "markdown" + "".join(f"-{name}" for name in off) + "".join(f"+{n}" for n in GITHUB_ON)


Ast = dict[str, Any]


@cache
def binary() -> str:
    return str(pypandoc.get_pandoc_path())


@cache
def version() -> str:
    return str(pypandoc.get_pandoc_version())


# pandoc's heap, in MB: some inputs (a few dozen nested `[...]{.x}` spans) make its
# parser take all the machine's memory, and a document comes from any pull request.
MAX_HEAP_MB = 1000
# Seconds one pandoc run may take: a plan takes well under one, and a render in CI
# must end with an error rather than hang on input that makes the parser crawl.
MAX_SECONDS = 120.0


def run(args: list[str], data: bytes, what: str) -> bytes:
    """pandoc's output for `data` on stdin; a RenderError naming `what` if it fails."""
    heap = ["+RTS", f"-M{MAX_HEAP_MB}m", "-RTS"]
    try:
        done = subprocess.run(
            [binary(), *heap, "--sandbox", *args],
            input=data,
            capture_output=True,
            check=False,
            timeout=MAX_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"pandoc took longer than {MAX_SECONDS:g} s on {what} and was stopped; look for "
            "very long lines or deeply nested lists, quotes, brackets or emphasis in it"
        ) from None
    except OSError as err:
        raise RenderError(f"cannot run pandoc ({err}); reinstall pypandoc-binary") from None
    if b"Heap exhausted" in done.stderr:
        raise RenderError(
            f"pandoc needed more than {MAX_HEAP_MB} MB for {what}; look for deeply nested "
            "brackets, spans or emphasis in it"
        )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = reason[-1] if reason else "no message"
        raise RenderError(f"pandoc failed on {what}: {last}", cause=f"pandoc: {last}")
    return done.stdout


def parse(markdown: str, what: str, *, citations: bool = False) -> Ast:
    """The pandoc AST of Markdown text; with `citations`, `@key` makes a Cite."""
    out = run(["-f", reader(citations), "-t", "json"], markdown.encode("utf-8"), what)
    result: Ast = json.loads(out)
    return result


def write(ast: Ast, to: str, what: str, *options: str) -> bytes:
    """The AST written in pandoc format `to` (e.g. typst, docx, html5)."""
    return run(["-f", "json", "-t", to, *options, "-o", "-"], json.dumps(ast).encode(), what)
