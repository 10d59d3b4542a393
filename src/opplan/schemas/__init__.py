"""The schema models by kind, as `opplan.kinds` names them, each imported on first use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import TYPE_CHECKING

from opplan import kinds
from opplan.errors import OpplanError
from opplan.names import unknown_message
from opplan.schemas.common import DocumentBase

if TYPE_CHECKING:
    from opplan.schemas.op1 import Op1
    from opplan.schemas.op2 import Op2
    from opplan.schemas.prfaq import PrFaq
    from opplan.schemas.rollup import Rollup


class _Kinds(MutableMapping[str, type[DocumentBase]]):
    """The models by kind. A kind's module is imported when its model is first
    asked for: building pydantic models takes time, and linting an OP1 needs one."""

    def __init__(self, names: Iterable[str]) -> None:
        self._entries: dict[str, type[DocumentBase] | None] = dict.fromkeys(names)

    def __getitem__(self, kind: str) -> type[DocumentBase]:
        entry = self._entries[kind]
        if entry is None:
            entry = self._entries[kind] = kinds.KINDS[kind].model()
        return entry

    def __setitem__(self, kind: str, model: type[DocumentBase]) -> None:
        self._entries[kind] = model

    def __delitem__(self, kind: str) -> None:
        del self._entries[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


KINDS: MutableMapping[str, type[DocumentBase]] = _Kinds(kinds.KINDS)


class UnknownKind(OpplanError):
    """A document kind that is not in the registry."""


def unknown_kind_message(kind: object) -> str:
    """Say what is wrong with a kind and what to use instead."""
    return unknown_message("document kind", kind, KINDS)


def get(kind: str) -> type[DocumentBase]:
    """The model for a kind, or UnknownKind naming the valid ones."""
    try:
        return KINDS[kind]
    except KeyError:
        raise UnknownKind(unknown_kind_message(kind)) from None


def __getattr__(name: str) -> object:
    # The models themselves, imported on first use like the registry's entries.
    for kind in kinds.KINDS.values():
        if kind.model_path.rsplit(".", 1)[1] == name:
            return kind.model()
    raise AttributeError(f"module 'opplan.schemas' has no attribute {name!r}")


__all__ = [
    "KINDS",
    "DocumentBase",
    "Op1",
    "Op2",
    "PrFaq",
    "Rollup",
    "UnknownKind",
    "get",
    "nearest",
]
