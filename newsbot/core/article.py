"""HTML bytes → Article: decoded text, main text, title, date, language, canonical URL.

Pure: no I/O, no clock. ``parse_article`` is the only entry point the rest of newsbot uses.
The work is split by stage: ``encoding`` (bytes → text), ``metadata`` (title, date,
author, declared language, canonical URL, site), ``boilerplate`` (the main text) and
``language`` (script-based detection).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from lxml import etree
from lxml.etree import _Element

from newsbot.core.boilerplate import main_text
from newsbot.core.encoding import decode_html
from newsbot.core.language import japanese_share, script_counts, script_language
from newsbot.core.metadata import normalize_lang, read_meta
from newsbot.errors import ParseError

log = logging.getLogger(__name__)

__all__ = ["Article", "decode_html", "parse_article"]

_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"RIFF", b"OggS", b"ID3", b"fLaC", b"\x7fELF", b"wOFF", b"wOF2", b"\x00\x00\x01\x00",
    b"BZh", b"7z\xbc\xaf", b"\xfd7zXZ", b"Rar!", b"\x00asm",
)  # fmt: skip
_TEXTUAL_TYPES_RE = re.compile(r"^(text/|application/(xhtml\+xml|xml|.*\+xml)$|$)", re.I)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
_TAG_RE = re.compile(r"<[A-Za-z!?/]")
_CJK_LANGS = frozenset({"ja", "zh", "ko"})
SNIFF = 2048
MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Article:
    """An article as newsbot stores and reads it.

    ``text`` is the main text only (no navigation, related boxes, ads, comments, footers),
    paragraphs separated by a blank line. ``published_at`` is timezone-aware when the page
    gives a zone, else naive (read as the site's local time). ``lang`` is a 2-letter code:
    ``"en"`` or ``"ja"`` for the sites newsbot follows.
    """

    url: str
    title: str
    text: str
    lang: str
    published_at: datetime | None = None
    canonical_url: str | None = None
    author: str | None = None
    site_name: str | None = None


def parse_article(
    body: bytes, url: str, *, content_type: str | None = None, lang_hint: str | None = None
) -> Article:
    """Read an article page: main text, title, publication date, language, canonical URL.

    ``content_type`` is the HTTP header (its charset is honoured); ``lang_hint`` (e.g.
    the source's configured language) breaks ties when the page does not tell.
    Raises ``ParseError`` for bytes that are no article: binary, empty, or without text.
    """
    html = _html_text(body, content_type, url)
    root = _parse_tree(html, url)
    meta = read_meta(root, url)
    text = main_text(root)
    title = meta.title or ""
    if not text:
        raise ParseError(f"no article text found in {url}")
    lang = _language(meta.declared_lang, text, title, lang_hint)
    log.debug("article_parsed", extra={"url": url, "chars": len(text), "lang": lang})
    return Article(
        url=url,
        title=title or text.split("\n", 1)[0][:200],
        text=text,
        lang=lang,
        published_at=meta.published_at,
        canonical_url=meta.canonical_url,
        author=meta.author,
        site_name=meta.site_name,
    )


def _html_text(body: bytes, content_type: str | None, url: str) -> str:
    """The page as text, after refusing what cannot be an HTML page."""
    if not body or body.isspace():  # (what `not body.strip()` says, without a copy)
        raise ParseError(f"empty page: {url}")
    media_type = (content_type or "").split(";", 1)[0].strip()
    if (
        media_type
        and media_type != "application/octet-stream"
        and not _TEXTUAL_TYPES_RE.match(media_type)
    ):
        raise ParseError(f"not an HTML page ({media_type}): {url}")
    if _looks_binary(body):
        raise ParseError(f"binary content, not HTML: {url}")
    text = decode_html(body, content_type)
    sample = text[:SNIFF]
    if len(_CONTROL_RE.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise ParseError(f"binary content, not HTML: {url}")
    if not _TAG_RE.search(text):
        raise ParseError(f"no HTML markup in {url}")
    return text


def _looks_binary(body: bytes) -> bool:
    """Known binary signatures, or NUL bytes (outside UTF-16/32 with a BOM)."""
    head = body.lstrip()[:SNIFF]
    if head.startswith(_BINARY_MAGIC):
        return True
    has_bom = body.startswith((b"\xff\xfe", b"\xfe\xff"))
    return b"\x00" in head and not has_bom


def _parse_tree(html: str, url: str) -> _Element:
    """An lxml tree of the page (comments and processing instructions left out).

    Plain ``etree`` elements, not ``lxml.html`` ones: their Python class lookup for every
    element would cost a fifth of the parse time.
    """
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = etree.fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"unreadable HTML in {url}: {exc}") from exc
    if root is None:
        raise ParseError(f"unreadable HTML in {url}")
    return root


def _language(declared: str | None, text: str, title: str, lang_hint: str | None) -> str:
    """The article's language as a 2-letter code.

    The page's declaration, unless the script of the main text decides otherwise: text
    that is mostly Japanese is "ja" whatever the template says, and a page declared
    Japanese/Chinese/Korean whose text is all Latin letters is not. ``lang_hint`` breaks
    ties; "en" when nothing tells.
    """
    sample = text if len(text) >= 200 else f"{title}\n{text}"
    detected = script_language(sample)
    hint = normalize_lang(lang_hint)
    if detected == "ja":
        return "ja"
    if declared in _CJK_LANGS and _is_latin_text(sample):
        return hint if hint and hint not in _CJK_LANGS else "en"
    return declared or detected or hint or "en"


def _is_latin_text(text: str) -> bool:
    """Enough letters, nearly all of them Latin (no CJK to speak of)."""
    counts = script_counts(text)
    letters = sum(counts.values())
    return (
        letters >= 100
        and counts.get("latin", 0) >= 0.95 * letters
        and (japanese_share(text) < 0.02)
    )
