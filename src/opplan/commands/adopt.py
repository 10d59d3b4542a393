"""`opplan adopt FILE --kind KIND`: put opplan frontmatter on an existing Markdown document."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import sys
from pathlib import Path

from opplan import config, kinds
from opplan.document import frontmatter
from opplan.document.loader import load_text, read_bytes
from opplan.errors import DocumentError, ExitCode, UsageError
from opplan.fileio import write_atomic
from opplan.names import choose
from opplan.output.lint.text import counts
from opplan.scaffold.adopt import Adoption, Given, adopt
from opplan.workspace.git import file_history

MARKDOWN = (".md", ".markdown")


def run(
    path: Path,
    given: Given,
    *,
    write: bool = False,
    config_file: Path | None = None,
    today: dt.date | None = None,
) -> ExitCode:
    kind = choose("kind to adopt as", given.kind, kinds.where(adoptable=True))
    if given.variant is not None:
        if not kind.variants:
            raise UsageError(f"--variant is for a prfaq, not an {kind.name}; leave it out")
        choose("variant", given.variant, kind.variants)
    settings = config.load(config_file)
    name = str(path)
    data = read_bytes(path)
    frontmatter.decode(name, data)  # refuses binary and non-UTF-8 files
    if path.suffix.lower() not in MARKDOWN:
        raise UsageError(
            f"{name} is not a Markdown file (.md); if it is Markdown, rename it to .md, "
            "else convert it first (e.g. pandoc FILE -t gfm -o FILE.md)"
        )
    raw = data.decode("utf-8")  # as it is: the body is kept byte for byte
    given = dataclasses.replace(
        given,
        default_cycle=settings.new.cycle,
        default_org=settings.new.org,
        history=file_history(path.resolve()),
    )
    adoption = adopt(name, raw, given, today or dt.date.today())
    out = sys.stdout
    out.write(_diff(name, raw, adoption.text))
    out.write(_keys(adoption))
    out.write(_lint(name, adoption.text, settings))
    if write:
        write_atomic(path, adoption.text.encode("utf-8"))
        out.write(f"wrote {name}; next: fill in what lint reports, then: opplan lint {name}\n")
    else:
        out.write("nothing written; run again with --write to adopt it\n")
    return ExitCode.OK


def _diff(name: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _keys(adoption: Adoption) -> str:
    said = ""
    if adoption.kept:
        said += f"kept as opplan keys: {', '.join(adoption.kept)}\n"
    if adoption.moved:
        said += f"moved under extra: {', '.join(adoption.moved)}\n"
    return said


def _lint(name: str, text: str, settings: config.Config) -> str:
    from opplan.lint import options  # noqa: PLC0415 - loads every rule and the schemas
    from opplan.lint.check import check_document  # noqa: PLC0415

    options.validate(settings)
    try:
        doc = load_text(name, text, settings.lint.appendix_titles)
    except DocumentError as err:  # the authors' frontmatter cannot make a valid one
        return f"once adopted, lint reports:\n{err}\n"
    problems = sorted(check_document(doc, settings.lint, page=settings.page))
    if not problems:
        return "once adopted, lint reports no problems\n"
    errors = sum(1 for problem in problems if problem.level == "error")
    lines = "".join(f"{problem}\n" for problem in problems)
    warnings = len(problems) - errors
    return f"once adopted, lint reports ({counts(errors, warnings)}):\n{lines}"
