"""A check-in's tables: its goals scored against its plan, its initiatives, its decisions."""

from __future__ import annotations

from typing import Any

from opplan.render.context import Context
from opplan.render.table import Table, listed, text
from opplan.workspace.checkins import initiatives_by_id, scored

CONFIDENCE_MARK = "*"  # after a score its goal's numbers could not give


def goal_progress(doc: Any, context: Context) -> Table | None:
    """A check-in's goals: the plan's statement, baseline and target, the value and score."""
    found = scored(doc, context.plan, context.confidence_scores)
    rows = []
    by_confidence = []
    for item in found:
        progress, goal, score = item.progress, item.goal, item.score
        mark = ""
        if score.basis == "confidence":
            mark = CONFIDENCE_MARK
            by_confidence.append(
                progress.id if context.unread else f"{progress.id} ({score.reason})"
            )
        rows.append(
            (
                progress.id,
                goal.statement if goal else "",
                text(goal.baseline) if goal else "",
                text(goal.target) if goal else "",
                text(progress.value),
                f"{score}{mark}",
                progress.confidence,
                text(progress.note),
            )
        )
    note = ""
    if by_confidence:
        listed = (", " if context.unread else "; ").join(by_confidence)
        note = f"{CONFIDENCE_MARK} Scored by confidence alone: {listed}."
        if context.unread:
            note += f" The plan {doc.plan} {context.unread}."
    header = ("ID", "Goal", "Baseline", "Target", "Value", "Score", "Confidence", "Note")
    widths = (6, 24, 9, 9, 9, 7, 10, 26)
    return (
        Table("goal_progress", "Goal progress", header, tuple(rows), widths, note) if rows else None
    )


def initiative_progress(doc: Any, context: Context) -> Table | None:
    """A check-in's initiatives: the plan's name for each, its status and note."""
    named = initiatives_by_id(context.plan) if context.plan is not None else {}
    rows = tuple(
        (
            item.id,
            named[item.id].name if item.id in named else "",
            item.status,
            text(item.note),
        )
        for item in doc.initiatives
    )
    header = ("ID", "Initiative", "Status", "Note")
    return (
        Table("initiative_progress", "Initiative progress", header, rows, (7, 33, 11, 49))
        if rows
        else None
    )


def decisions(doc: Any) -> Table | None:
    rows = tuple((d.decision, d.what, d.why, listed(d.about)) for d in doc.decisions)
    header = ("Decision", "What", "Why", "About")
    return Table("decisions", "Decisions", header, rows, (10, 38, 38, 14)) if rows else None
