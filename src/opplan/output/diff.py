"""Print a diff as text (the terminal), JSON (tools) or Markdown (a pull-request comment)."""

from __future__ import annotations

from collections.abc import Sequence

from opplan.collab.diff import DocumentDiff, Revisions
from opplan.collab.semantic import Change, Narrative
from opplan.output import dump_json


def text(revisions: Revisions, docs: Sequence[DocumentDiff]) -> str:
    lines = [f"plan changes: {revisions.label}"]
    for doc in docs:
        lines += ["", f"{doc.path}: {_state(doc)} ({doc.kind}: {doc.title or 'untitled'})"]
        lines += [f"  {_change(change)}" for change in doc.changes]
        if doc.narrative:
            lines += [f"  {line}" for line in _narrative(doc.narrative, arrow="->")]
        if doc.note:
            lines.append(f"  note: {doc.note}")
    lines += ["", summary(docs)]
    return "\n".join(lines) + "\n"


def markdown(revisions: Revisions, docs: Sequence[DocumentDiff]) -> str:
    label = revisions.label.replace(" -> ", " → ")
    lines = ["## Plan changes", "", f"{summary(docs)} ({label})."]
    for doc in docs:
        lines += ["", f"### `{doc.path}`", "", f"*{_state(doc)}* · {doc.kind} · {doc.title}", ""]
        lines += [f"- {_change(change, bold=True)}" for change in doc.changes]
        if doc.narrative:
            lines += [f"- {line}" for line in _narrative(doc.narrative, arrow="→", bold=True)]
        if doc.note:
            lines.append(f"- **note:** {doc.note}")
        if lines[-1] == "":
            lines.pop()
    return "\n".join(lines) + "\n"


def as_json(revisions: Revisions, docs: Sequence[DocumentDiff]) -> str:
    ends: dict[str, object] = {
        "from": {"revision": revisions.old, "commit": revisions.old_commit},
        "to": {"revision": revisions.new, "commit": revisions.new_commit},
    }
    if revisions.files:
        ends = {"from": {"path": revisions.old}, "to": {"path": revisions.new}}
    payload = {
        **ends,
        "documents": [
            {
                "path": doc.path,
                "state": doc.state,
                "old_path": doc.old_path,
                "kind": doc.kind,
                "title": doc.title,
                "changes": [_change_json(change) for change in doc.changes],
                "narrative": doc.narrative._asdict() if doc.narrative else None,
                "note": doc.note or None,
            }
            for doc in docs
        ],
    }
    return dump_json(payload, default=list)


def _change_json(change: Change) -> dict[str, object]:
    found: dict[str, object] = change._asdict()
    movement = change.movement
    if movement is None:
        del found["movement"]
        return found
    found["movement"] = {**movement._asdict(), "change": movement.change}
    return found


def summary(docs: Sequence[DocumentDiff]) -> str:
    if not docs:
        return "no plan documents changed"
    counts: dict[str, int] = {}
    for doc in docs:
        counts[doc.state] = counts.get(doc.state, 0) + 1
    states = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
    return f"{len(docs)} plan document{'s' if len(docs) != 1 else ''} changed: {states}"


def _state(doc: DocumentDiff) -> str:
    if doc.state == "compared":
        return f"compared with {doc.old_path}"
    return f"renamed from {doc.old_path}" if doc.state == "renamed" else doc.state


def _change(change: Change, *, bold: bool = False) -> str:
    head = f"{change.area} {change.action}:"
    head = f"**{head}**" if bold else head
    return f"{head} {change.subject}" + (f" ({change.detail})" if change.detail else "")


def _narrative(narrative: Narrative, *, arrow: str, bold: bool = False) -> list[str]:
    def head(word: str) -> str:
        return f"**{word}:**" if bold else f"{word}:"

    lines = [
        f"{head('narrative')} {narrative.words_before:,} {arrow} {narrative.words_after:,} words, "
        f"{narrative.pages_before:.1f} {arrow} {narrative.pages_after:.1f} pages"
    ]
    for state in ("changed", "added", "removed"):
        titles = [title for title, how in narrative.sections if how == state]
        if titles:
            lines.append(f"{head('sections ' + state)} {', '.join(titles)}")
    return lines
