"""Load a file into a Document, or fail with a DocumentError at the line to fix."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import ReusedAnchorWarning

from opplan import schemas
from opplan.document import bounds, fastyaml, frontmatter
from opplan.document.body import APPENDIX_TITLES, MAX_BODY_LEVEL, Body, BodyTooDeep, parse_body
from opplan.document.outline import Outline, title_heading
from opplan.document.positions import place, position
from opplan.document.validation import validate
from opplan.errors import DocumentError
from opplan.fileio import MAX_FILE_SIZE, FileTooLarge, NotRegularFile, read_regular
from opplan.problem import Finding
from opplan.schemas import DocumentBase
from opplan.section_match import matcher


@dataclass(frozen=True)
class Document:
    """A plan document as read from its file.

    `model` is the validated frontmatter, or None when the frontmatter does not
    fit its kind's schema; `schema_findings` then says why, line by line.
    `unknown_keys` are the authors' own keys outside `extra:` (see `validation`):
    they are reported, but do not make the frontmatter invalid.
    `aliases` are the configured section aliases its `outline` reads headings with.
    """

    path: str
    text: str
    kind: str
    meta: CommentedMap
    model: DocumentBase | None
    schema_findings: tuple[Finding, ...]
    body: Body
    frontmatter_line: int
    unknown_keys: tuple[Finding, ...] = ()
    aliases: Mapping[str, Sequence[str]] = field(default_factory=dict, kw_only=True)

    @cached_property
    def outline(self) -> Outline:
        """The body's sections by meaning, the title heading set apart."""
        title = title_heading(self.body, self.meta.get("title"))
        by_position = self.meta.get("variant") != "faq-only"
        return Outline(self.body, matcher(self.aliases), title, by_position)

    def line_of(self, *loc: int | str) -> int:
        """The file line of a key or list item in the frontmatter, e.g. ("risks", 2)."""
        return position(self.meta, loc, self.frontmatter_line)[0]

    def position_of(self, *loc: int | str) -> tuple[int, int]:
        """The file (line, column) of a key or list item in the frontmatter."""
        return position(self.meta, loc, self.frontmatter_line)


def read_bytes(path: Path, limit: int = MAX_FILE_SIZE) -> bytes:
    """The file's bytes, or a fatal DocumentError saying why it cannot be read.

    Only regular files of at most `limit` bytes are read (see `fileio.read_regular`).
    """
    name = str(path)
    try:
        return read_regular(path, limit)
    except FileNotFoundError:
        message = "no such file; check the path"
    except NotRegularFile as err:
        message = f"this is {err.what}, not a file; pass only .md plan files"
        if err.what == "a folder":
            message = "this is a directory; pass it to a command that searches directories"
    except FileTooLarge as err:
        message = (
            f"the file is {err.size:,} bytes, over the limit of {err.limit:,}; "
            "split it, or raise max_file_size in the [lint] configuration"
        )
    except PermissionError:
        message = "permission denied; make the file readable"
    except OSError as err:
        message = f"cannot read the file ({err.strerror or err}); check the path"
    raise DocumentError(name, message, rule="input", fatal=True)


def load(
    path: Path,
    appendix_titles: Iterable[str] = APPENDIX_TITLES,
    *,
    fast: bool = False,
    limit: int = MAX_FILE_SIZE,
) -> Document:
    """Read and parse the document at `path` (`fast`: as in `load_text`; `limit`: bytes)."""
    text = frontmatter.decode(str(path), read_bytes(path, limit))
    return load_text(str(path), text, appendix_titles, fast=fast)


def load_text(
    path: str, text: str, appendix_titles: Iterable[str] = APPENDIX_TITLES, *, fast: bool = False
) -> Document:
    """Parse a document's text; `path` is only used in messages.

    With `fast`, plain frontmatter is read without its comments (see `fastyaml`):
    for checking documents, not for editing them.
    """
    text = frontmatter.normalize_newlines(text)
    parts = frontmatter.split(path, text)
    bounds.check_text(path, parts.frontmatter, parts.frontmatter_line)
    meta = fastyaml.load(parts.frontmatter) if fast else None
    if meta is None:
        with warnings.catch_warnings():
            # ruamel.yaml warns on stderr of an anchor defined twice, which YAML 1.2 allows
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            meta = frontmatter.parse(path, parts)
    bounds.check_tree(path, meta, parts.frontmatter_line)
    kind = meta.get("kind")
    if kind is None:
        raise DocumentError(
            path,
            f"the frontmatter has no 'kind' key; add one of: {', '.join(schemas.KINDS)}",
            rule="kind",
        )
    if not isinstance(kind, str) or kind not in schemas.KINDS:
        line, column = parts.frontmatter_line - 1, 0
        found = place(meta, "kind", value=True)
        if found is not None:
            line, column = parts.frontmatter_line + found[0], found[1]
        raise DocumentError(
            path, schemas.unknown_kind_message(kind), rule="kind", line=line, column=column + 1
        )
    model, findings, unknown = validate(schemas.KINDS[kind], meta, parts.frontmatter_line)
    try:
        body = parse_body(parts.body, parts.body_line, appendix_titles)
    except BodyTooDeep as err:
        raise DocumentError(
            path,
            f"lists and quotes are nested too deeply here (over {MAX_BODY_LEVEL} levels of "
            "lists, items and quotes); flatten them, or the text past this line goes unread",
            rule=bounds.RULE,
            line=err.line,
        ) from None
    return Document(path, text, kind, meta, model, findings, body, parts.frontmatter_line, unknown)
