"""The record that describes one document kind: everything any feature needs to know."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opplan.schemas.common import DocumentBase

APPENDIX = "Appendix"


@dataclass(frozen=True)
class Kind:
    """One document kind, named by `kind:` in the frontmatter.

    The schema model is named by its import path and imported on first use:
    building pydantic models takes time, and linting an OP1 needs one.
    """

    name: str
    label: str  # how the page names it: OP1, PR/FAQ, Roll-up
    summary: str  # one line for shell completion and listings
    model_path: str  # "package.module.Class" of its pydantic model
    sections: tuple[str, ...] = ()  # canonical level-1 headings before the appendix, in order
    optional: frozenset[str] = frozenset()  # which of `sections` may be left out
    appendix: bool = False  # whether the appendix is a required section
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # variant: sections
    new_template: str | None = None  # the `new/` template ({variant} filled in); None: not `new`
    new_path: str | None = None  # where `opplan new` puts one, by default
    new_title: str | None = None  # the default title ({team}, {cycle}); None: must be given
    new_from: tuple[str, ...] = ()  # the kinds `new --from` starts one from, likeliest first
    render_template: str | None = None  # the `render/` template; None: render/default.md.j2
    tables: tuple[str, ...] = ()  # the frontmatter tables rendered, in appendix order
    charts: tuple[str, ...] = ()  # the charts rendered
    discovered: bool = True  # whether folder discovery lints it
    plan: bool = False  # a team's operating plan: roll-ups, status and export read it
    adoptable: bool = False  # whether `opplan adopt` can turn a document into one
    written: bool = True  # by people, not generated: the narrative rules and sections apply
    title_words: tuple[str, ...] = ()  # words naming the kind in a title, lower-case, unpunctuated

    def model(self) -> type[DocumentBase]:
        """The kind's schema model, imported now if it was not yet."""
        module, name = self.model_path.rsplit(".", 1)
        model: type[DocumentBase] = getattr(import_module(module), name)
        return model

    def template_for_new(self, variant: str) -> str | None:
        """The `new/` template a document of this kind (and variant) starts from."""
        return None if self.new_template is None else self.new_template.format(variant=variant)

    def required_sections(self) -> dict[str, list[str]]:
        """The sections `required-sections` asks for, by its option name (kind[-variant])."""
        if self.variants:
            return {f"{self.name}-{v}": list(titles) for v, titles in self.variants.items()}
        needed = [title for title in self.sections if title not in self.optional]
        return {self.name: [*needed, *([APPENDIX] if self.appendix else [])]}
