"""SARIF 2.1.0, the format GitHub code scanning and other tools import.

One run of the `opplan` tool: its rules with their descriptions and default
levels, and one result per problem with its file and region.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from opplan import __version__
from opplan.lint.engine import Report
from opplan.lint.rule import summary
from opplan.lint.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/opplan/"
# Failures to read a file are reported with these IDs, which are not lint rules.
INPUT_RULES = {
    "input": "The file can be read: it exists, it is UTF-8 text, and a folder holds plans.",
    "frontmatter": "The document starts with YAML frontmatter between '---' lines.",
    "yaml": "The frontmatter is valid YAML.",
    "kind": "The frontmatter names a known document kind.",
    "limits": (
        "The document stays within opplan's limits: nesting of the frontmatter and the body, "
        "and values added by YAML aliases."
    ),
}


def render(report: Report) -> str:
    descriptors = _rules()
    index = {descriptor["id"]: position for position, descriptor in enumerate(descriptors)}
    results = [
        {
            "ruleId": problem.rule,
            **({"ruleIndex": index[problem.rule]} if problem.rule in index else {}),
            "level": problem.level,
            "message": {"text": problem.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(problem.path)},
                        "region": {"startLine": problem.line, "startColumn": problem.column},
                    }
                }
            ],
        }
        for problem in report.problems
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "opplan",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _rules() -> list[dict[str, Any]]:
    descriptors = [
        {
            "id": rule.ID,
            "name": rule.ID,
            "shortDescription": {"text": summary(rule)},
            "fullDescription": {"text": (getattr(rule, "__doc__", None) or "").strip()},
            "defaultConfiguration": {"level": rule.LEVEL},
        }
        for rule in RULES.values()
    ]
    descriptors += [
        {
            "id": rule_id,
            "name": rule_id,
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": "error"},
        }
        for rule_id, text in INPUT_RULES.items()
    ]
    return descriptors


def _uri(path: str) -> str:
    """A relative path as a URI reference (what code scanning expects), an absolute one as file:."""
    location = Path(path)
    return location.as_uri() if location.is_absolute() else location.as_posix()
