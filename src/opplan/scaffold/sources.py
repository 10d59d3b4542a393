"""The document `opplan new` starts from (`--from`, `--from-previous`), refused unless it
is of a kind the option takes and passes the schema."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from opplan import document, kinds
from opplan.document import Document, frontmatter
from opplan.errors import UsageError
from opplan.scaffold import roundtrip
from opplan.scaffold.values import Request, with_defaults


@dataclass(frozen=True)
class Source:
    """A document read to start another from: as checked, and as round-trip YAML to copy."""

    path: Path
    doc: Document
    meta: CommentedMap  # with quotes and comments preserved, for the copy


def read(path: Path, option: str, needs: str, allowed: Iterable[str]) -> Source:
    """The document at `path`, if its kind is one of `allowed` and it passes the schema.

    `needs` says what the option takes, for the message: "an OP1".
    """
    doc = document.load(path)
    if doc.kind not in allowed:
        raise UsageError(f"{path}: {option} needs {needs}, and this is kind {doc.kind}")
    if doc.model is None:
        first = doc.schema_findings[0]
        raise UsageError(
            f"{path}:{first.line}:{first.column}: the {named(doc.kind)} fails the schema "
            f"({first.message}); run 'opplan lint {path}' and fix it first"
        )
    return Source(path, doc, meta_of(doc))


def meta_of(doc: Document) -> CommentedMap:
    """A document's frontmatter as round-trip YAML."""
    return roundtrip.load(frontmatter.split(doc.path, doc.text).frontmatter)


def named(kind: str) -> str:
    """How a sentence names a kind: "OP1", "check-in"."""
    label = kinds.get(kind).label
    return label if label.isupper() else label.lower()


def request_from(source: Source, request: Request, **more: object) -> Request:
    """The request, with the team, cycle, organisation and owners it lacks from `source`'s
    frontmatter (`more` sets other values, or replaces these)."""
    meta = source.meta
    taken: dict[str, object] = {
        "team": meta.get("team"),
        "cycle": meta.get("cycle"),
        "org": meta.get("org"),
        "owners": tuple(meta.get("owners") or ()),
    }
    return with_defaults(request, **(taken | more))
