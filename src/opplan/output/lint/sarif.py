"""SARIF 2.1.0, the format GitHub code scanning and other tools import.

One run of the `opplan` tool: its rules with their descriptions and default
levels, and one result per problem with its file and region. A file's `uri`
is percent-encoded (RFC 3986) and, for a file under the current folder,
relative to `%SRCROOT%`, which `originalUriBaseIds` sets to that folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from opplan import __version__
from opplan.lint.engine import Report
from opplan.lint.rule import summary
from opplan.lint.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
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
    root = Path.cwd()
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
                        "artifactLocation": _location(problem.path, root),
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
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(root)}},
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


def _location(path: str, root: Path) -> dict[str, str]:
    """A file as a percent-encoded URI: relative to %SRCROOT% when it is under `root`."""
    location = Path(path)
    if location.is_absolute():
        try:
            location = location.relative_to(root)
        except ValueError:
            return {"uri": location.as_uri()}
    relative = PurePosixPath(os.path.normpath(location).replace(os.sep, "/"))
    if relative.parts[:1] == ("..",):
        return {"uri": (root / location).resolve().as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _directory_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"
