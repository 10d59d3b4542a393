"""The configuration's sections, one model each; every key has a default and a description."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    create_model,
    field_validator,
    model_validator,
)

from opplan import kinds
from opplan.document.body import APPENDIX_TITLES
from opplan.fileio import MAX_FILE_SIZE
from opplan.kinds import Name as KindName
from opplan.kinds import PlanName
from opplan.paths import check_pattern
from opplan.problem import Level
from opplan.scoring import CONFIDENCE_SCORES
from opplan.vocabulary import Confidence, Quarter, Status

RuleLevel = Level | Literal["off"]


class Section(BaseModel):
    """A configuration table: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(Section):
    """The page geometry shared by rendering and by the page-budget estimate."""

    paper: Literal["letter", "a4"] = Field("letter", description="Paper size: letter or a4.")
    margin: float = Field(1.0, gt=0, le=3, description="Page margins, in inches.")
    font_size: float = Field(11, ge=8, le=16, description="Body text size, in points.")


class Templates(Section):
    """Where a repository keeps its own templates, which win over the built-in ones."""

    folder: Path = Field(
        Path("templates"),
        description="Folder of local templates, relative to the configuration file.",
    )


class Render(Section):
    """How `opplan render` typesets documents."""

    formats: tuple[Literal["pdf", "docx", "html"], ...] = Field(
        ("pdf", "docx"), min_length=1, description="Formats to write when --to is not given."
    )
    output_dir: Path = Field(
        Path("build/opplan"),
        description="Folder for outputs without -o, relative to the configuration file.",
    )
    cache_dir: Path = Field(
        Path(".opplan-cache"),
        description="Folder for cached exact page counts, relative to the configuration file.",
    )
    jobs: int = Field(2, ge=1, le=64, description="Documents rendered at the same time.")
    appendix_tables: bool = Field(
        True, description="Put the frontmatter's tables (asks, risks, ...) in the appendix."
    )
    appendix_new_page: bool = Field(True, description="Start the appendix on a new page.")
    minutes_per_page: float = Field(
        3.0, gt=0, le=30, description="Reading minutes per narrative page, for the summary."
    )
    bibliography: Path | None = Field(
        None,
        description=(
            "A bibliography (BibTeX, BibLaTeX, CSL JSON or CSL YAML), relative to the"
            " configuration file. Without it, @name and [@name] are text."
        ),
    )


class RuleConfig(BaseModel):
    """A rule's level and options. Option keys are checked against the rule by the linter."""

    model_config = ConfigDict(extra="allow", frozen=True)

    level: RuleLevel | None = Field(None, description="error, warning or off.")

    @property
    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class KindLint(Section):
    """Rule settings for one document kind, over the general ones."""

    rules: dict[str, RuleConfig] = Field(default_factory=dict, description="Rules, by ID.")


SECTION_RULE = "required-sections"  # the rule whose `aliases` option names sections for all


class Lint(Section):
    """How `opplan lint` checks documents."""

    rules: dict[str, RuleConfig] = Field(
        default_factory=dict, description="Rule levels and options, by rule ID."
    )
    kinds: dict[KindName, KindLint] = Field(
        default_factory=dict, description="Rule settings per document kind."
    )
    appendix_titles: tuple[str, ...] = Field(
        APPENDIX_TITLES, description="Headings that start the appendix (matched case-blind)."
    )
    include: tuple[str, ...] = Field(
        ("**/*.md",),
        description="Globs of the files searched in folders, from the config's folder.",
    )
    exclude: tuple[str, ...] = Field(
        (), description="Globs of files and folders never searched, from the config's folder."
    )
    max_file_size: int = Field(
        MAX_FILE_SIZE,
        ge=1,
        description="Largest document any command reads, in bytes; larger ones are refused.",
    )
    cache: bool = Field(True, description="Keep results of unchanged files between runs.")
    cache_dir: Path = Field(
        Path(".opplan-cache"), description="Folder of the result cache, from the config's folder."
    )

    def _settings(self, rule: str, kind: str) -> list[RuleConfig]:
        kind_rules = self.kinds[kind].rules if kind in self.kinds else {}
        found = [self.rules.get(rule), kind_rules.get(rule)]
        return [setting for setting in found if setting is not None]

    def level(self, rule: str, kind: str, default: Level) -> RuleLevel:
        """The rule's level for a kind: the kind's setting beats the general one."""
        level: RuleLevel = default
        for setting in self._settings(rule, kind):
            level = setting.level or level
        return level

    def options(self, rule: str, kind: str, defaults: Mapping[str, Any]) -> dict[str, Any]:
        """The rule's options for a kind, over the rule's defaults."""
        merged = dict(defaults)
        for setting in self._settings(rule, kind):
            merged.update(setting.options)
        return merged

    def section_aliases(self, kind: str) -> dict[str, list[str]]:
        """The section aliases configured for a kind: every rule and the render read them."""
        aliases: dict[str, list[str]] = self.options(SECTION_RULE, kind, {"aliases": {}})["aliases"]
        return aliases


PATH_FIELDS = ("cycle", "team", "kind", "title", "quarter")


class _Paths(Section):
    """Where `opplan new` puts each kind, relative to the configuration file's folder.

    Patterns may use {cycle}, {team} (the team's slug), {kind}, {title} (the
    title's slug) and, for a check-in, {quarter} (q1 to q4).
    """

    def pattern(self, kind: str) -> str:
        """The path pattern of a kind that `opplan new` starts."""
        value: str = getattr(self, kind)
        return value


def _pattern(value: str) -> str:
    check_pattern(value, PATH_FIELDS)
    return value


def _new_paths() -> type[_Paths]:
    """One key per kind that `opplan new` starts, from the kinds registry."""
    startable = kinds.startable()
    fields: dict[str, Any] = {
        name: (str, Field(kind.new_path, description=f"Where a new {kind.label} goes."))
        for name, kind in startable.items()
    }
    checks = {"_pattern": field_validator(*startable)(_pattern)}
    return create_model(
        "NewPaths", __base__=_Paths, __doc__=_Paths.__doc__, __validators__=checks, **fields
    )


if TYPE_CHECKING:
    NewPaths = _Paths
else:
    NewPaths = _new_paths()


class New(Section):
    """Defaults for `opplan new`."""

    paths: NewPaths = Field(default_factory=NewPaths, description="Path conventions, by kind.")
    cycle: int | None = Field(
        None, ge=2000, le=2200, description="The default cycle (unset: next year).", examples=[2027]
    )
    org: str | None = Field(
        None, description="The default organisation (unset: a placeholder).", examples=["Commerce"]
    )
    currency: str = Field("USD", min_length=1, description="The currency of budget amounts.")
    city: str = Field("Seattle", min_length=1, description="The city in a PR/FAQ's dateline.")
    variant: Literal["full", "pr-only", "faq-only"] = Field(
        "full", description="The default PR/FAQ variant: full, pr-only or faq-only."
    )


class Phase(Section):
    """A phase of the planning cycle: who acts, and what each team's plan must be by its end.

    A check-in phase (`kind = "checkin"`, with its `quarter`) asks each team for
    its check-in of that quarter by the phase's end: the day it is due.
    """

    name: str = Field(min_length=1, description="A short name, e.g. drafts.")
    title: str = Field("", description="What happens, e.g. Team drafts due.")
    role: str = Field(min_length=1, description="Who acts in the phase, e.g. teams or leadership.")
    start: dt.date = Field(description="The first day of the phase.")
    end: dt.date = Field(description="The last day of the phase.")
    kind: PlanName | Literal["checkin"] | None = Field(
        None,
        description="The plan each team must have by the end of the phase (op1 or op2), or "
        "checkin: the check-in of `quarter`.",
    )
    quarter: Quarter | None = Field(
        None, description="The quarter whose check-in is due by the phase's end (kind checkin)."
    )
    status: Status | None = Field(
        None,
        description="The status that plan must have reached by then (draft < review < approved).",
    )
    pre_reviews: bool = Field(
        False, description="Whether every partner must have pre-read the plan by then."
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Phase:
        if self.end < self.start:
            raise ValueError(
                f"phase {self.name!r} ends ({self.end}) before it starts ({self.start})"
            )
        if self.status and not self.kind:
            raise ValueError(f'phase {self.name!r} has a status but no kind; add kind = "op1"')
        if (self.kind == "checkin") != (self.quarter is not None):
            raise ValueError(
                f"phase {self.name!r}: a check-in phase names its quarter; give both kind = "
                '"checkin" and quarter = "Q1" (to "Q4"), or neither'
            )
        return self


class Cycle(Section):
    """The planning cycle: its phases, with dates and roles, for `opplan status`."""

    year: int | None = Field(
        None, ge=2000, le=2200, description="The plan year (default: the latest among the plans)."
    )
    phases: tuple[Phase, ...] = Field(
        (), description="The phases in order (default: the usual timeline for the year)."
    )

    @field_validator("phases")
    @classmethod
    def _phases_in_order(cls, phases: tuple[Phase, ...]) -> tuple[Phase, ...]:
        for before, after in itertools.pairwise(phases):
            if after.start <= before.end:
                raise ValueError(
                    f"phase {after.name!r} starts on {after.start}, before {before.name!r} "
                    f"ends on {before.end}; list phases in order, without overlaps"
                )
        names = [phase.name for phase in phases]
        if len(set(names)) != len(names):
            raise ValueError("phase names must be unique")
        return phases


def _confidence_scores() -> dict[Confidence, float]:
    return cast("dict[Confidence, float]", dict(CONFIDENCE_SCORES))


class Checkins(Section):
    """How check-ins are scored and when they are due."""

    confidence_scores: dict[Confidence, float] = Field(
        default_factory=_confidence_scores,
        description="The score (0.0-1.0) of a goal its numbers cannot score, by confidence; "
        "confidences left out keep their default.",
    )
    due_days: int = Field(
        21, ge=0, le=90, description="Days after a quarter ends by which its check-in is due."
    )
    partial_score: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="The least score of a goal that next year's results call partial, not "
        "missed (1.0 is hit).",
    )

    @field_validator("confidence_scores")
    @classmethod
    def _scores_in_range(cls, scores: dict[Confidence, float]) -> dict[Confidence, float]:
        for confidence, value in scores.items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"the score of {confidence} must be between 0.0 and 1.0")
        return {**_confidence_scores(), **scores}


class Codeowners(Section):
    """How `opplan codeowners` turns the owners named in plans into CODEOWNERS handles."""

    handles: dict[str, str] = Field(
        default_factory=dict,
        description='Owner name to @user, @org/team or e-mail, e.g. "Priya Raman" = "@priya".',
    )


class Config(Section):
    """All of opplan's configuration."""

    root: Path = Field(description="The folder of the configuration file (or the current one).")
    source: Path | None = Field(None, description="The configuration file, if any.")
    page: Page = Field(default_factory=Page, description="Page geometry.")
    lint: Lint = Field(default_factory=Lint, description="Lint settings.")
    templates: Templates = Field(default_factory=Templates, description="Template folders.")
    new: New = Field(default_factory=New, description="Defaults for opplan new.")
    render: Render = Field(default_factory=Render, description="Render settings.")
    cycle: Cycle = Field(default_factory=Cycle, description="The planning cycle's phases.")
    checkins: Checkins = Field(
        default_factory=Checkins, description="Check-in scoring and due dates."
    )
    codeowners: Codeowners = Field(
        default_factory=Codeowners, description="Handles for CODEOWNERS."
    )
