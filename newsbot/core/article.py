"""HTML bytes → Article: decoded text, main text, title, date, language, canonical URL.

Pure: no I/O, no clock. ``parse_article`` is the only entry point the rest of newsbot uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Article:
    """An article as newsbot stores and reads it.

    ``text`` is the main text only (no navigation, related boxes, ads, comments, footers),
    paragraphs separated by a blank line. ``published_at`` is timezone-aware when the page
    gives a zone, else naive (read as the site's local time). ``lang`` is ``"en"`` or ``"ja"``.
    """

    url: str
    title: str
    text: str
    lang: str
    published_at: datetime | None = None
    canonical_url: str | None = None
    author: str | None = None
    site_name: str | None = None
