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

# Math in dollars is off: plans are full of amounts like "$4.3 million and $2".
# A YAML block in the body is off: only the frontmatter carries metadata.
READER = "markdown-tex_math_dollars-yaml_metadata_block"

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


def run(args: list[str], data: bytes, what: str) -> bytes:
    """pandoc's output for `data` on stdin; a RenderError naming `what` if it fails."""
    heap = ["+RTS", f"-M{MAX_HEAP_MB}m", "-RTS"]
    try:
        done = subprocess.run(
            [binary(), *heap, "--sandbox", *args], input=data, capture_output=True, check=False
        )
    except OSError as err:
        raise RenderError(f"cannot run pandoc ({err}); reinstall pypandoc-binary") from None
    if b"Heap exhausted" in done.stderr:
        raise RenderError(
            f"pandoc needed more than {MAX_HEAP_MB} MB for {what}; look for deeply nested "
            "brackets, spans or emphasis in it"
        )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"pandoc failed on {what}: {reason[-1] if reason else 'no message'}")
    return done.stdout


def parse(markdown: str, what: str) -> Ast:
    """The pandoc AST of Markdown text."""
    out = run(["-f", READER, "-t", "json"], markdown.encode("utf-8"), what)
    result: Ast = json.loads(out)
    return result


def write(ast: Ast, to: str, what: str, *options: str) -> bytes:
    """The AST written in pandoc format `to` (e.g. typst, docx, html5)."""
    return run(["-f", "json", "-t", to, *options, "-o", "-"], json.dumps(ast).encode(), what)
