"""What a lint rule module provides.

A rule is a module (see `opplan/lint/rules/`) with an `ID`, a default `LEVEL`,
the document `KINDS` it applies to (empty: all), its options' `DEFAULT` values,
and a docstring that is its documentation, with a passing and a failing example.
A document rule has a pure `check(doc, options)` that yields findings; a corpus
rule has `check_corpus(docs, options)` that looks across documents and yields
(document, finding) pairs about documents of its `KINDS`. It also gets the
documents of the kinds it `READS` (the plans a check-in reports on), whatever
level the rule has for them, since findings are never about those. It sees
each document's path, kind and frontmatter
(`meta`, `model`, positions), not its text or body, which the linter does not
keep for the whole run. Rules never decide levels or suppression: the
linter does.

A rule that declares `NEEDS_PAGES = True` finds the document's `PageCount` in
`options[PAGE_COUNT]`: the linter counts pages once per document, with the
estimate or with a typesetting counter passed to `lint(page_counter=...)`. A
corpus rule that needs a document outside the run (the OP1 an OP2 names) reads
it with `options[READ](path, near=doc_path)`, which returns the document (None
when there is no such file; an error for one outside the repository of `near`)
and lets the linter key its cached findings on that file too;
`options[LIST](folder)` gives the Markdown files of a folder (the check-ins
beside a check-in) and keys the findings on that listing. Corpus rules also
find the `[checkins]` settings (scores by confidence) in `options[CHECKINS]`. A
rule may define `validate(options) -> str | None` to reject option values that
have the right type but cannot work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from opplan.names import unknown_message

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.errors import DocumentError
    from opplan.problem import Finding, Level

Options = Mapping[str, Any]

PAGE_COUNT = "page_count"  # the options key under which page-counting rules get the count
READ = "read"  # the options key under which corpus rules get the reader of other documents
LIST = "list"  # the options key under which corpus rules get the lister of a folder's documents
CHECKINS = "checkins"  # the options key under which corpus rules get the [checkins] settings


class ReadDocument(Protocol):
    """Reads a document outside the run: None when there is no such file, else the
    document, or a DocumentError saying why it cannot be read. A document read because
    another one names it (`near`) is read only from inside that one's repository."""

    def __call__(self, path: Path, near: Path | None = None) -> Document | None: ...


# The Markdown files of a folder, sorted (none when there is no such folder).
ListFolder = Callable[[Path], list[Path]]


def unreadable(err: DocumentError) -> str:
    """Why a document READ raised on cannot be read, for a rule's message."""
    return err.message if err.fatal else f"line {err.line}: {err.message}"


class RuleInfo(Protocol):
    """What every rule module declares (read-only, so modules can declare narrower types)."""

    @property
    def ID(self) -> str: ...
    @property
    def LEVEL(self) -> Level: ...
    @property
    def KINDS(self) -> tuple[str, ...]: ...
    @property
    def DEFAULT(self) -> Mapping[str, Any]: ...
    @property
    def NEEDS_MODEL(self) -> bool:
        """Whether it only runs on documents whose frontmatter is valid."""
        ...


@runtime_checkable
class DocumentRule(RuleInfo, Protocol):
    """A rule that checks one document at a time."""

    def check(self, doc: Document, options: Options) -> Iterable[Finding]: ...


@runtime_checkable
class CorpusRule(RuleInfo, Protocol):
    """A rule that checks documents against each other (all documents of a lint run)."""

    @property
    def READS(self) -> tuple[str, ...]:
        """The other kinds whose documents of the run it reads."""
        ...

    def check_corpus(
        self, docs: Sequence[Document], options: Options
    ) -> Iterable[tuple[Document, Finding]]: ...


Rule = DocumentRule | CorpusRule


def summary(rule: RuleInfo) -> str:
    """The first line of a rule's documentation."""
    doc = getattr(rule, "__doc__", None) or ""
    return doc.strip().split("\n", 1)[0]


def unknown_rule(rule_id: str, known: Iterable[str]) -> str:
    """`unknown rule 'weasel-word'; did you mean 'weasel-words'?`"""
    return unknown_message("rule", rule_id, known, lister="opplan rules")


def documentation_url(rule_id: str) -> str | None:
    """Where a rule is documented: its row (anchor `rule-ID`) in the README's table of rules.

    The README is the documentation page the installed package names in its metadata
    (`Project-URL: Documentation`), else the README of the source checkout opplan
    runs from; None when neither is known, rather than a link to nowhere.
    """
    readme = _readme()
    return f"{readme}#rule-{rule_id}" if readme else None


@cache
def _readme() -> str | None:
    from importlib import metadata  # noqa: PLC0415 - only for links to the documentation

    try:
        urls: list[str] = metadata.metadata("opplan").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    checkout = Path(__file__).resolve().parents[3] / "README.md"
    try:
        is_ours = checkout.read_text(encoding="utf-8").startswith("# opplan\n")
    except OSError:
        return None
    return checkout.as_uri() if is_ours else None
