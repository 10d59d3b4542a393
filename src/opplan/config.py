"""opplan's settings. Defaults live here; later loaders fill them from configuration files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from opplan.document.body import APPENDIX_TITLES
from opplan.problem import Level

RuleLevel = Level | Literal["off"]


@dataclass(frozen=True)
class RuleSetting:
    """A rule's level and options as configured; None and missing options mean the default."""

    level: RuleLevel | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with per-kind overrides for rules."""

    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    kinds: Mapping[str, Mapping[str, RuleSetting]] = field(default_factory=dict)
    appendix_titles: tuple[str, ...] = APPENDIX_TITLES

    def _settings(self, rule: str, kind: str) -> list[RuleSetting]:
        found = [self.rules.get(rule), self.kinds.get(kind, {}).get(rule)]
        return [setting for setting in found if setting is not None]

    def level(self, rule: str, kind: str, default: Level) -> RuleLevel:
        """The rule's level for a kind of document: the kind's setting beats the general one."""
        level: RuleLevel = default
        for setting in self._settings(rule, kind):
            level = setting.level or level
        return level

    def options(self, rule: str, kind: str, defaults: Mapping[str, Any]) -> dict[str, Any]:
        """The rule's options for a kind of document, over its defaults."""
        merged = dict(defaults)
        for setting in self._settings(rule, kind):
            merged.update(setting.options)
        return merged
