"""The files an SVG image would load besides itself.

An SVG is a document that can refer to other files: `<image href="photo.png">`,
`<use xlink:href="other.svg#icon">`, `url(font.woff)` in a style, `@import` of a
stylesheet. Typesetting it reads those files, links and all, so they are checked
like the Markdown image itself (`sanitize.py`). What cannot be checked is
refused here: external entities (`<!ENTITY x SYSTEM "file">`), stylesheets,
addresses with a scheme (`https:`, `file:`) and SVGs nested in `data:`
addresses. Internal entities, which some drawing programs write for their
namespaces, are expanded (expat caps their growth) and what they hold is
checked like the rest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_REFERRING = ("href", "src")  # attribute names, namespace aside (xlink:href, href)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
_EXTERNAL_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?\S+\s+(SYSTEM|PUBLIC)\b", re.IGNORECASE)


class Refused(Exception):
    """The SVG refers to something that cannot be checked; the message says what."""


def references(data: bytes) -> list[str]:
    """The paths of the files the SVG refers to (references inside it left out)."""
    if _EXTERNAL_ENTITY.search(data):
        raise Refused("it declares an external entity")
    lowered = data.lower()
    for marker, why in (
        (b"<?xml-stylesheet", "it loads a stylesheet"),
        (b"@import", "it imports a stylesheet (@import)"),
    ):
        if marker in lowered:
            raise Refused(why)
    try:
        root = ET.fromstring(data)  # expat fetches nothing and caps entity expansion
    except ET.ParseError as err:
        raise Refused(f"it is not valid XML ({err})") from None
    found: list[str] = []
    for element in root.iter():
        texts = [element.text or ""]
        link = element.tag.rsplit("}", 1)[-1] == "a"  # a hyperlink's target is not loaded
        for name, value in element.attrib.items():
            if link and name.rsplit("}", 1)[-1].lower() == "href":
                continue
            if name.rsplit("}", 1)[-1].lower() in _REFERRING:
                found.append(value.strip())
            else:
                texts.append(value)
        found += [match.group(2).strip() for text in texts for match in _URL.finditer(text)]
    return [reference for reference in found if _outside(reference)]


def _outside(reference: str) -> bool:
    """Whether the reference is to another file; refused if it cannot be checked."""
    if reference.startswith("#") or not reference:
        return False
    if reference.lower().startswith("data:"):
        if "svg" in reference[:40].lower():
            raise Refused("it nests another SVG in a data: address")
        return False
    if _SCHEME.match(reference):
        raise Refused(f"it refers to {reference[:60]!r}; nothing is fetched")
    return True
