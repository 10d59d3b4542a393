"""The configuration's sections, one model each; every key has a default and a description."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from opplan.document.body import APPENDIX_TITLES
from opplan.problem import Level

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


class Lint(Section):
    """How `opplan lint` checks documents."""

    rules: dict[str, RuleConfig] = Field(
        default_factory=dict, description="Rule levels and options, by rule ID."
    )
    kinds: dict[Literal["op1", "op2", "prfaq"], KindLint] = Field(
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


class Config(Section):
    """All of opplan's configuration."""

    root: Path = Field(description="The folder of the configuration file (or the current one).")
    source: Path | None = Field(None, description="The configuration file, if any.")
    page: Page = Field(default_factory=Page, description="Page geometry.")
    lint: Lint = Field(default_factory=Lint, description="Lint settings.")
    templates: Templates = Field(default_factory=Templates, description="Template folders.")
