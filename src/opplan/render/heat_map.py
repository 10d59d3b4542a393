"""A heat map: rows by columns of cells coloured by a score from 0.0 to 1.0.

The check-in roll-up draws its goals by quarter with it (`charts.goal_scores`).
Like the bar chart, it is drawn by typst (`opplan-heat-map` in
`templates/render/chart-heat-map.typ.j2`) from the call `HeatMap.typst`: in
place in the PDF, as an image in docx and HTML. Each cell prints its score and
its confidence in words, so the map reads the same printed in black and white.
"""

from __future__ import annotations

from typing import NamedTuple

from opplan.render.pdf import array, string

# How a confidence is printed, and how loudly its cell is marked (2: a solid border).
WORDS = {
    "on-track": "on track",
    "at-risk": "at risk",
    "off-track": "off track",
    "done": "done",
    "dropped": "dropped",
}
WORRY = {"off-track": 2, "at-risk": 1}
LABEL_LENGTH = 64  # characters of a row's text before it is cut short


class HeatCell(NamedTuple):
    score: float
    confidence: str
    by_confidence: bool  # the score is the confidence's: the numbers could not give one

    @property
    def shown(self) -> str:
        return f"{self.score:.2f}" + ("*" if self.by_confidence else "")

    @property
    def typst(self) -> str:
        return (
            f"(score: {round(min(1.0, max(0.0, self.score)), 4)}, shown: {string(self.shown)}, "
            f"label: {string(WORDS.get(self.confidence, self.confidence))}, "
            f"worry: {WORRY.get(self.confidence, 0)})"
        )


class HeatMap(NamedTuple):
    """Rows (a label, a muted detail and a text each) by columns of cells (None: empty)."""

    name: str
    title: str
    columns: tuple[str, ...]
    labels: tuple[str, ...]
    details: tuple[str, ...]
    texts: tuple[str, ...]
    cells: tuple[tuple[HeatCell | None, ...], ...]
    note: str

    @property
    def typst(self) -> str:
        """The typst code that draws the heat map."""
        rows = [array([cell.typst if cell else "none" for cell in row]) for row in self.cells]
        arguments = {
            "title": string(self.title),
            "note": string(self.note),
            "columns": array([string(column) for column in self.columns]),
            "labels": array([string(label) for label in self.labels]),
            "details": array([string(detail) for detail in self.details]),
            "texts": array([string(shorten(text)) for text in self.texts]),
            "cells": array(rows),
        }
        return "#opplan-heat-map(" + ", ".join(f"{k}: {v}" for k, v in arguments.items()) + ")"


def shorten(text: str, length: int = LABEL_LENGTH) -> str:
    """The text cut at a word to at most `length` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "\N{HORIZONTAL ELLIPSIS}"
