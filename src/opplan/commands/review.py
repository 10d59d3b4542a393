"""`opplan review import`: reviewers' comments from a docx or PDF, placed in the plan.

Prints `path:line: comment (author)` for each remark, then the ones it could
not place; with `--into OP2` adds each as an open `review_actions` entry of that
OP2, with `--actions` prints those entries as YAML instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from opplan import output
from opplan.document.frontmatter import decode
from opplan.document.loader import Document, load, load_text, read_bytes
from opplan.errors import ExitCode, UsageError
from opplan.render import fingerprint
from opplan.review import actions, docx_remarks, pdf_remarks
from opplan.review.place import place
from opplan.workspace import git


def run(
    reviewed: Path,
    *,
    plan: Path | None = None,
    into: Path | None = None,
    show_actions: bool = False,
    output_format: str = "text",
) -> ExitCode:
    formatter = output.formatter("review import", output_format)
    data = read_bytes(reviewed)
    if reviewed.suffix.lower() == ".pdf" or data.startswith(b"%PDF"):
        found = fingerprint.from_keywords(pdf_remarks.keywords(data, str(reviewed)))
        pages = None
        if len(found) > 1:  # a review packet: the plan's own pages
            props, pages = _in_packet(reviewed, data, found, plan)
        else:
            props = found[0] if found else {}
        if fingerprint.BLOB in props:
            rendered, current, source = _versions(reviewed, props, plan)
        elif plan is not None:
            rendered = current = load(plan)
            source = str(plan)
        else:
            raise UsageError(
                f"{reviewed} carries no opplan fingerprint (opplan did not render it, or a tool "
                "dropped its keywords); name the plan it was rendered from with --plan, "
                "e.g. --plan plans/op1.md"
            )
        placed = place(pdf_remarks.remarks(data, str(reviewed), pages), rendered, current)
        if pages is not None and (others := pdf_remarks.outside(data, pages)):
            sys.stderr.write(
                f"{reviewed}: {others} remark{'s' * (others != 1)} on the packet's other pages "
                "left out; import them with --plan for each of its plans\n"
            )
    else:
        zipped = docx_remarks.open_docx(data, str(reviewed))
        rendered, current, source = _versions(reviewed, docx_remarks.properties(zipped), plan)
        placed = place(docx_remarks.remarks(zipped, str(reviewed)), rendered, current)
    if not placed:
        sys.stderr.write(f"{reviewed}: no comments, notes or tracked changes by reviewers\n")
    entries = actions.entries(placed, source)
    if into is not None:
        op2 = load(into)
        _check_revises(op2, into, Path(source))
        text, added = actions.add(op2, entries)
        if added:
            actions.write(into, text)
        sys.stderr.write(
            f"{into}: {added} review action{'s' if added != 1 else ''} added"
            f"{f', {len(entries) - added} already there' if len(entries) > added else ''}\n"
        )
    if show_actions:
        sys.stdout.write(actions.as_yaml(entries, 0) if entries else "")
    else:
        sys.stdout.write(formatter(placed, source))
    return ExitCode.OK


def _in_packet(
    reviewed: Path, data: bytes, found: list[dict[str, str]], plan: Path | None
) -> tuple[dict[str, str], range]:
    """The fingerprint of the packet's document that is `plan`, and that document's pages."""
    sources = [props.get(fingerprint.SOURCE, "") for props in found]
    listed = ", ".join(sources)
    if plan is None:
        raise UsageError(
            f"{reviewed} is a review packet of {len(found)} plans; import each with --plan: "
            f"{listed}"
        )
    root = _repository()
    index = next(
        (i for i, source in enumerate(sources) if (root / source).resolve() == plan.resolve()),
        None,
    )
    if index is None:
        raise UsageError(f"{plan} is not in the review packet {reviewed}; it holds: {listed}")
    starts = pdf_remarks.starts(data, str(reviewed))
    if len(starts) != len(found):
        raise UsageError(
            f"{reviewed}: its bookmarks no longer mark where each of its {len(found)} plans "
            "starts, so no page can be told apart; import from each plan's own PDF"
        )
    end = starts[index + 1] if index + 1 < len(starts) else pdf_remarks.page_count(data)
    return found[index], range(starts[index], end)


def _check_revises(op2: Document, into: Path, plan: Path) -> None:
    """The OP2 must name the reviewed plan as its `op1`, if it names one."""
    linked = op2.meta.get("op1")
    if isinstance(linked, str) and (into.parent / linked).resolve() != plan.resolve():
        raise UsageError(
            f"{into} revises {linked}, not {plan}; name the OP2 whose 'op1' is the reviewed plan"
        )


def _versions(
    reviewed: Path, props: dict[str, str], plan: Path | None
) -> tuple[Document, Document, str]:
    """The plan as it was rendered, as it is now, and its path as the user sees it."""
    if fingerprint.BLOB not in props:
        raise UsageError(
            f"{reviewed} was not rendered by opplan (it has no opplan fingerprint); render the "
            "plan with 'opplan render PLAN --to docx' and have reviewers comment on that file"
        )
    path = plan or _located(props.get(fingerprint.SOURCE, ""))
    current = load(path)
    if fingerprint.blob_id(current.text.encode("utf-8")) == props[fingerprint.BLOB]:
        return current, current, str(path)
    commit = props.get(fingerprint.COMMIT, "")[:10] or "unknown"
    old = _blob(path, props[fingerprint.BLOB])
    if old is None:
        raise UsageError(
            f"{reviewed} was rendered from another revision of {path} (commit {commit}) that "
            "this repository does not have; fetch that commit, or import where it was rendered"
        )
    sys.stderr.write(
        f"{reviewed}: rendered from an earlier revision of {path} (commit {commit}); "
        "lines are those of the file as it is now\n"
    )
    return load_text(str(path), old), current, str(path)


def _repository() -> Path:
    """The repository of the current folder, where a fingerprint's paths start."""
    try:
        return git.toplevel(Path.cwd())
    except UsageError:
        return Path.cwd()


def _located(source: str) -> Path:
    """The plan named by the fingerprint, in the repository of the current folder."""
    if not source:
        raise UsageError("the fingerprint names no plan; name it with --plan")
    root = _repository()
    found = root / source
    if not found.resolve().is_relative_to(root.resolve()):
        raise UsageError(
            f"the reviewed file names {source!r} as its plan, which is outside {root}; "
            "name the plan with --plan"
        )
    if not found.is_file():
        raise UsageError(
            f"the reviewed file was rendered from {source}, which is not in {root}; "
            "run this in that repository or name the plan with --plan"
        )
    here = Path.cwd().resolve()
    return found.resolve().relative_to(here) if found.resolve().is_relative_to(here) else found


def _blob(path: Path, blob: str) -> str | None:
    """The text of a git blob of the plan's repository, if git has it."""
    try:
        root = git.toplevel(path.resolve().parent)
    except UsageError:
        return None
    done = git.blob(root, blob)
    return None if done is None else decode(str(path), done)
