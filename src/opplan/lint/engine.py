"""The linter: find documents, run the rules, stamp levels, collect problems."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from opplan.config.model import Lint
from opplan.document import Document, load_text
from opplan.document.frontmatter import decode
from opplan.document.loader import read_bytes
from opplan.errors import DocumentError, ExitCode
from opplan.lint import discovery
from opplan.lint.rule import CorpusRule, DocumentRule
from opplan.lint.rules import RULES
from opplan.problem import Problem


@dataclass
class Report:
    """The outcome of a lint run."""

    problems: list[Problem] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    failed: bool = False  # some input could not be read at all

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for problem in self.problems if problem.level == "warning")

    @property
    def files(self) -> int:
        """How many files were checked (documents and files that failed to load)."""
        return len({doc.path for doc in self.documents} | {p.path for p in self.problems})

    def exit_code(self, *, strict: bool = False) -> ExitCode:
        if self.failed:
            return ExitCode.USAGE
        if self.errors or (strict and self.warnings):
            return ExitCode.PROBLEMS
        return ExitCode.OK


def lint(paths: Sequence[Path], settings: Lint) -> Report:
    """Lint the documents at the given files and under the given folders."""
    report = Report()
    for path in paths:
        if path.is_dir():
            found = [
                _read(file, settings, report, explicit=False)
                for file in discovery.markdown_files(path)
            ]
            if not any(found):
                report.failed = True
                report.problems.append(
                    Problem(
                        str(path),
                        1,
                        1,
                        "error",
                        "input",
                        "no plan documents here (Markdown files whose frontmatter has a 'kind'); "
                        "check the path or run 'opplan new'",
                    )
                )
        else:
            _read(path, settings, report, explicit=True)
    for doc in report.documents:
        report.problems.extend(check_document(doc, settings))
    report.problems.extend(check_corpus(report.documents, settings))
    report.problems.sort(key=lambda p: (p.path, p.line, p.column, p.rule, p.message))
    return report


def _read(path: Path, settings: Lint, report: Report, *, explicit: bool) -> bool:
    """Load one file into the report; False when a file found in a folder is not a plan."""
    try:
        data = read_bytes(path)
        try:
            text = decode(str(path), data)
        except DocumentError:
            # A found file that is not text only matters if it was meant as a plan.
            if not explicit and not discovery.looks_like_plan(data.decode("latin-1")):
                return False
            raise
        if not explicit and not discovery.looks_like_plan(text):
            return False
        report.documents.append(load_text(str(path), text, settings.appendix_titles))
    except DocumentError as err:
        report.failed = report.failed or err.fatal
        report.problems.append(
            Problem(err.path, err.line, err.column, "error", err.rule, err.message)
        )
    return True


def check_document(doc: Document, settings: Lint) -> Iterator[Problem]:
    """Run every enabled document rule on one document."""
    for rule in RULES.values():
        if not isinstance(rule, DocumentRule) or (rule.KINDS and doc.kind not in rule.KINDS):
            continue
        level = settings.level(rule.ID, doc.kind, rule.LEVEL)
        if level == "off" or (rule.NEEDS_MODEL and doc.model is None):
            continue
        options = settings.options(rule.ID, doc.kind, rule.DEFAULT)
        for finding in rule.check(doc, options):
            yield Problem(doc.path, finding.line, finding.column, level, rule.ID, finding.message)


def check_corpus(docs: Sequence[Document], settings: Lint) -> Iterator[Problem]:
    """Run every enabled cross-document rule over all the documents of the run."""
    for rule in RULES.values():
        if not isinstance(rule, CorpusRule):
            continue
        options = settings.options(rule.ID, "", rule.DEFAULT)
        eligible = [
            doc
            for doc in docs
            if (not rule.KINDS or doc.kind in rule.KINDS)
            and not (rule.NEEDS_MODEL and doc.model is None)
            and settings.level(rule.ID, doc.kind, rule.LEVEL) != "off"
        ]
        for doc, finding in rule.check_corpus(eligible, options):
            level = settings.level(rule.ID, doc.kind, rule.LEVEL)
            if level == "off":
                continue
            if finding.level == "warning":
                level = "warning"
            yield Problem(doc.path, finding.line, finding.column, level, rule.ID, finding.message)
