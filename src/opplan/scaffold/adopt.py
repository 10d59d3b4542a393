"""Put opplan frontmatter on a Markdown document that was written without opplan.

Everything here works on text: the command reads the file and its git history
and passes them in. The new frontmatter takes each value from the first of:

- the command line (`--team`, `--cycle`, `--org`, `--owner`, `--title`);
- the authors' own frontmatter: `title`, `team`, `org`, `cycle`, `status`,
  `version`, `date` and the kind's other keys when their values fit (names
  and statuses in any case: `Title`, `Status: Draft`); `author`, `authors`,
  `owner` and `owners` as `owners`; `reviewer` as `reviewers`;
- git: the authors of the file's commits (most commits first) as owners, the
  date of its first commit as its date;
- the document: its first level-1 heading as the title (else the file name);
- the configuration (`[new] cycle` and `org`) and the defaults of `opplan new`
  (next year's cycle, status `draft`, a placeholder owner).

Every other key of the authors' frontmatter, and every value that does not fit
opplan's key of that name, goes under `extra:` as it was. The body is kept
byte for byte, and so are the file's line endings.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from opplan import kinds, schemas
from opplan.document import frontmatter
from opplan.document.body import parse_body
from opplan.errors import UsageError
from opplan.scaffold.values import OWNER_PLACEHOLDER, to_fill

_OWNER_KEYS = ("owners", "owner", "authors", "author")
_REVIEWER_KEYS = ("reviewers", "reviewer")
_SET_HERE = (
    "kind",
    "title",
    "team",
    "org",
    "cycle",
    "status",
    "variant",
    "owners",
    "reviewers",
    "date",
)
_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_NAMES = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


@dataclass(frozen=True)
class Given:
    """What the command line, the configuration and git give; None or empty where nothing."""

    kind: str
    team: str | None = None
    cycle: int | None = None
    org: str | None = None
    owners: tuple[str, ...] = ()
    title: str | None = None
    variant: str | None = None  # a PR/FAQ's: full, pr-only or faq-only
    default_cycle: int | None = None  # `[new] cycle`
    default_org: str | None = None  # `[new] org`
    history: tuple[tuple[str, dt.date], ...] = ()  # (author, date) of each commit, newest first


@dataclass(frozen=True)
class Adoption:
    """The adopted file's text and what became of the authors' keys."""

    text: str
    kept: tuple[str, ...]  # the authors' keys that are opplan keys
    moved: tuple[str, ...]  # the authors' keys now under `extra:`


def adopt(path: str, text: str, given: Given, today: dt.date) -> Adoption:
    """The document `text` (as read, BOM and line endings included) with opplan frontmatter."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom) :]
    newline = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    own, body = _split(path, text)
    if own.get("kind") in schemas.KINDS:  # another tool's `kind: guide` moves under extra
        raise UsageError(
            f"{path} already has opplan frontmatter (kind: {own['kind']}); "
            f"check it with: opplan lint {path}"
        )
    taken = _taken(schemas.get(given.kind), own)
    title = _first_title(body) or _from_file_name(path)
    meta, kept, moved = _frontmatter(own, taken, given, title, today)
    block = _dump(meta).replace("\n", newline)
    return Adoption(f"{bom}---{newline}{block}---{newline}{body}", kept, moved)


def _split(path: str, text: str) -> tuple[CommentedMap, str]:
    """The authors' frontmatter (empty without one) and the body, as it is in the file."""
    opening = _OPENING.match(text)
    if opening is None:
        return CommentedMap(), text
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        frontmatter.split(path, frontmatter.normalize_newlines(text))  # raises: never closed
        raise AssertionError("unreachable")
    inner = frontmatter.normalize_newlines(text[opening.end() : closing.start()])
    if not inner.strip():
        return CommentedMap(), text[closing.end() :]
    parts = frontmatter.Split(inner, "", 2, 0)
    return frontmatter.parse(path, parts), text[closing.end() :]


def _first_title(body: str) -> str | None:
    parsed = parse_body(frontmatter.normalize_newlines(body), 1, ())
    return next((s.title.strip() for s in parsed.sections if s.level == 1 and s.title), None)


def _taken(model: type[schemas.DocumentBase], own: CommentedMap) -> dict[str, Any]:
    """The authors' keys that are opplan's, by opplan's name: (their key, the value)."""
    fits = _Fits(model)
    taken: dict[str, Any] = {}
    for key, value in own.items():
        name = _known_name(str(key))
        if name in taken or key == "extra":
            continue
        named = _names(value) if name in ("owners", "reviewers") else value
        if name == "status" and isinstance(value, str):
            named = value.strip().lower()  # `Draft`, `Approved`
        if fits(name, named):
            taken[name] = (key, named)
    return taken


def _frontmatter(
    own: CommentedMap, taken: dict[str, Any], given: Given, title: str, today: dt.date
) -> tuple[CommentedMap, tuple[str, ...], tuple[str, ...]]:
    authors = _by_commits(given.history)
    values: dict[str, Any] = {
        "kind": given.kind,
        "title": given.title or _own(taken, "title") or title,
        "team": given.team or _own(taken, "team"),
        "org": given.org or _own(taken, "org") or given.default_org,
        "cycle": given.cycle or _own(taken, "cycle") or given.default_cycle or today.year + 1,
        "status": _own(taken, "status") or "draft",
        "variant": given.variant or _own(taken, "variant"),
        "owners": list(given.owners) or _own(taken, "owners") or authors or [OWNER_PLACEHOLDER],
        "reviewers": _own(taken, "reviewers"),
        "date": _own(taken, "date") or (given.history[-1][1] if given.history else None),
    }
    if not values["team"]:
        raise UsageError("missing --team NAME: the team that owns the document")
    meta = CommentedMap((key, value) for key, value in values.items() if value)
    meta["owners"] = _sequence(meta["owners"])
    if "reviewers" in meta:
        meta["reviewers"] = _sequence(meta["reviewers"])
    for name, (_, value) in taken.items():
        if name not in _SET_HERE:
            meta[name] = value
    for name, (key, _) in taken.items():
        if name in meta:
            _keep_comment(own, key, meta, name)
    used = [key for key in own if any(key == source for source, _ in taken.values())]
    extra = CommentedMap(own["extra"]) if isinstance(own.get("extra"), dict) else CommentedMap()
    moved = [str(key) for key in own if key not in used and key != "extra"]
    for key in own:
        if key not in used and key != "extra":
            name = key if key not in extra else f"{key} (top level)"
            extra[name] = own[key]
            _keep_comment(own, key, extra, name)
    if "extra" in own and not isinstance(own["extra"], dict):
        extra["extra"] = own["extra"]
        moved.append("extra")
    _required_of_plans(meta, given.kind)
    if extra:
        meta["extra"] = extra
    return meta, tuple(str(key) for key in used), tuple(moved)


def _keep_comment(source: CommentedMap, key: object, target: CommentedMap, name: object) -> None:
    """The comment at the end of a key's line goes with it (`jira: CART-88  # the epic`)."""
    comment = source.ca.items.get(key)
    if comment and comment[2] is not None:
        text = comment[2].value.split("\n", 1)[0].strip().lstrip("#").strip()
        if text:
            target.yaml_add_eol_comment(text, name)


def _required_of_plans(meta: CommentedMap, kind: str) -> None:
    """The keys an OP1 or OP2 must have, as `opplan new` writes them: to replace."""
    if kind == "op2" and "op1" not in meta:
        meta["op1"] = "[path of the OP1 this plan revises, e.g. op1.md]"
    if kinds.KINDS[kind].plan and "tracks" not in meta:
        track = {"headcount": 0}
        meta["tracks"] = CommentedMap(
            same_resources=CommentedMap(track), more_investment=CommentedMap(track)
        )
        meta.yaml_add_eol_comment(to_fill("the headcount of each planning track"), "tracks")


def _known_name(key: str) -> str:
    """opplan's name for an author's key: `Author` and `authors` are `owners`."""
    folded = key.strip().lower().replace("-", "_").replace(" ", "_")
    if folded in _OWNER_KEYS:
        return "owners"
    if folded in _REVIEWER_KEYS:
        return "reviewers"
    return folded


def _own(taken: dict[str, Any], name: str) -> Any:
    found = taken.get(name)
    return found[1] if found else None


def _names(value: object) -> object:
    """`Dana Reyes and Bo Chen` or `[Dana Reyes]` as a list of names (other values as they are)."""
    if isinstance(value, str):
        return [name for name in _NAMES.split(value.strip()) if name]
    return value


def _by_commits(history: Sequence[tuple[str, dt.date]]) -> list[str]:
    """The authors, most commits first; on a tie, the one who committed first."""
    counts = Counter(author for author, _ in history)
    first: dict[str, int] = {}
    for index, (author, _) in enumerate(reversed(history)):
        first.setdefault(author, index)
    return sorted(counts, key=lambda author: (-counts[author], first[author]))


def _from_file_name(path: str) -> str:
    stem = re.sub(r"[-_]+", " ", path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
    return stem.strip().capitalize() or "Untitled"


def _sequence(items: Sequence[object]) -> CommentedSeq:
    return items if isinstance(items, CommentedSeq) else CommentedSeq(items)


def _dump(meta: CommentedMap) -> str:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # one line a value, as authors write them
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(meta, stream)
    return stream.getvalue()


class _Fits:
    """Whether a value fits the model's key of that name (checked alone)."""

    def __init__(self, model: type[schemas.DocumentBase]) -> None:
        self.fields = model.model_fields

    def __call__(self, name: str, value: object) -> bool:
        field = self.fields.get(name)
        if field is None or name in ("kind", "extra"):
            return False
        annotation: Any = field.annotation
        if field.metadata:
            annotation = Annotated[(annotation, *field.metadata)]
        try:
            TypeAdapter(annotation).validate_python(value)
        except ValidationError:
            return False
        return value is not None
