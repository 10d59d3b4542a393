"""A document's sections as the rules see them: by meaning, without the title heading.

A first level-1 heading that repeats the frontmatter's `title` (compared
loosely, see `section_match.repeats_title`) is the document's title, not a
section: no rule counts it and the rendered document does not print it again.
A PR/FAQ's press release is the section whose heading means "Press release",
or, when no heading names it, the text from the top (under the title) to the
first FAQ heading (not in an FAQ-only PR/FAQ: its text there is a note).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from opplan.document.body import Body, Section
from opplan.section_match import Matcher, repeats_title

FAQS = ("External FAQ", "Internal FAQ")


@dataclass(frozen=True)
class Outline:
    """The sections of one body, read with one matcher, and its title heading if any."""

    body: Body
    matcher: Matcher
    title: Section | None
    release_by_position: bool = True  # False for an FAQ-only PR/FAQ

    @property
    def headings(self) -> tuple[Section, ...]:
        """The sections with a heading, the title heading left out."""
        return tuple(s for s in self.body.sections if s.level and s is not self.title)

    def find(self, canonical: str) -> Section | None:
        """The first section whose heading counts for `canonical`."""
        found = next((s for s in self.headings if self.matcher.means(s.title, canonical)), None)
        if found is None and canonical in FAQS:
            found = next(self._by_audience(canonical), None)
        return found

    def _by_audience(self, canonical: str) -> Iterator[Section]:
        """Headings under an FAQ that name only an audience ("Internal", "Customers")."""
        for faq in self.headings:
            if self.matcher.meanings(faq.title) & set(FAQS):
                for section in self.subtree(faq)[1:]:
                    if self.matcher.audience(section.title) == canonical:
                        yield section

    def subtree(self, section: Section) -> tuple[Section, ...]:
        """A section and every deeper section under it."""
        index = self.body.sections.index(section)
        found = [section]
        for later in self.body.sections[index + 1 :]:
            if later.level <= section.level:
                break
            found.append(later)
        return tuple(found)

    def faqs(self) -> tuple[Section, ...]:
        """The sections whose heading counts for an FAQ, in order."""
        return tuple(s for s in self.headings if self.matcher.meanings(s.title) & set(FAQS))

    def press_release(self) -> tuple[Section, ...]:
        """The press release's sections: under its heading, else before the first FAQ.

        Found by position, the title heading is left out (its text stays) and the
        first section is the press release's text; empty if there is no prose.
        """
        found: list[Section] = []
        heading = self.find("Press release")
        if heading is not None:
            for section in self.subtree(heading):
                if found and (section.appendix or section in self.faqs()):
                    break  # an FAQ set one level under the press release is not part of it
                found.append(section)
            return tuple(found)
        if not self.release_by_position:
            return ()
        for section in self.body.sections:
            if section.appendix or (section.level and section in self.faqs()):
                break
            untitled = dataclasses.replace(section, level=0, title="")
            found.append(untitled if section is self.title else section)
        if not any(b.kind == "paragraph" for s in found for b in s.blocks):
            return ()
        return tuple(found)

    def press_release_heading(self) -> Section | None:
        """The heading that names the press release (None when it is found by position)."""
        return self.find("Press release")


def title_heading(body: Body, title: object) -> Section | None:
    """The first heading, if it is a level-1 heading that repeats the document's title."""
    for section in body.sections:
        if section.level == 0:
            if any(block.kind != "html" for block in section.blocks):
                return None
            continue
        ok = section.level == 1 and isinstance(title, str) and repeats_title(section.title, title)
        return section if ok else None
    return None
