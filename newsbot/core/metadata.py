"""What a page says about its article: title, date, author, language, canonical URL, site.

Read from a parsed page before the body is extracted (extraction prunes the tree).
Sources, most trusted first: JSON-LD (schema.org Article types), OpenGraph and other
``<meta>`` tags, microdata, ``<time>`` elements, then the visible headline and byline.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml.etree import _Element

from newsbot.core.boilerplate import is_marked, text_of
from newsbot.core.dates import find_date, parse_date

log = logging.getLogger(__name__)

__all__ = ["PageMeta", "read_meta"]

DATE_META_NAMES = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "published_time", "publication_date", "dc.date", "dc.date.issued", "dcterms.issued",
    "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
    "citation_publication_date", "originalpublicationdate", "cxenseparse:recs:publishtime",
)  # fmt: skip
TITLE_SEPARATORS_RE = re.compile(r"\s+[|\-–—:·•»«/]\s+|\s*[｜|]\s*|\s+::\s+|\s*[：]\s*")
_WS_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BY_RE = re.compile(
    r"^\s*(by|written by|text by|文|執筆|著者|筆者|書いた人|記者)\s*[:：]?\s*", re.I
)
_BYLINE_TAIL_RE = re.compile(r"\s+[·•|｜/]\s+|\s*[（(]")
_ARTICLE_TYPE_RE = re.compile(r"article|posting|report", re.I)
_URL_DATE_RE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")
BYLINE_WINDOW = 400
_LANG_FIXES = {"jp": "ja", "jpn": "ja", "eng": "en"}


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata of one page; any field may be None when the page does not say."""

    title: str | None
    published_at: datetime | None
    author: str | None
    declared_lang: str | None
    canonical_url: str | None
    site_name: str | None


def read_meta(root: _Element, url: str) -> PageMeta:
    """Read every metadata field of a parsed page (the tree is not changed)."""
    metas = _meta_values(root)
    articles = _jsonld_articles(root)
    site = _site_name(metas, articles)
    meta_titles, document_title = _meta_titles(root, metas, articles, site)
    titles = [*meta_titles, document_title] if document_title else meta_titles
    heading = _headline_element(root, titles)
    title = _title(heading, meta_titles, document_title)
    if site is None:
        site = _site_from_title(root, title)
    return PageMeta(
        title=title,
        published_at=_published(root, metas, articles, url, heading),
        author=_author(root, metas, articles),
        declared_lang=_declared_lang(root, metas, articles),
        canonical_url=_canonical(root, metas, url),
        site_name=site,
    )


def clean(text: str | None) -> str:
    """Whitespace collapsed (ASCII and no-break spaces; ideographic spaces are kept)."""
    return _WS_RE.sub(" ", text or "").strip()


def _meta_values(root: _Element) -> dict[str, str]:
    """``<meta>`` name/property/itemprop/http-equiv (lower-cased) → content, first wins."""
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in values:
                values[key] = content.strip()
    return values


# --- JSON-LD -----------------------------------------------------------------------


def _jsonld_articles(root: _Element) -> list[dict[str, Any]]:
    """schema.org objects of an article type found in JSON-LD blocks."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        data = _load_json(script.text or "")
        found.extend(obj for obj in _walk_jsonld(data) if _is_article(obj))
    return found


def _load_json(text: str) -> Any:
    """Parse a JSON-LD block, forgiving trailing commas and raw control characters."""
    for candidate in (text, re.sub(r",\s*([}\]])", r"\1", text.replace("\n", " "))):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    log.debug("jsonld_unreadable")
    return None


def _walk_jsonld(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Every object in a JSON-LD value: lists, ``@graph`` and nested main entities."""
    if depth > 5:
        return []
    if isinstance(data, list):
        return [obj for item in data for obj in _walk_jsonld(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    found = [data]
    for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
        if key in data:
            found.extend(_walk_jsonld(data[key], depth + 1))
    return found


def _is_article(obj: dict[str, Any]) -> bool:
    """Whether a schema.org object is an article (NewsArticle, BlogPosting, Report…)."""
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and _ARTICLE_TYPE_RE.search(kind) for kind in kinds)


def _first_str(articles: list[dict[str, Any]], key: str) -> str | None:
    """The first string value of a key across the article objects."""
    for obj in articles:
        value = obj.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# --- title -------------------------------------------------------------------------


def _meta_titles(
    root: _Element, metas: dict[str, str], articles: list[dict[str, Any]], site: str | None
) -> tuple[list[str], str | None]:
    """Titles the metadata gives (JSON-LD headline, og:title, twitter:title, in that
    order, without a site suffix), and the <title> without its site suffix."""
    page_title = root.find(".//title")
    meta_titles = [
        _first_str(articles, "headline"),
        _strip_site(metas.get("og:title"), site),
        _strip_site(metas.get("twitter:title"), site),
    ]
    document_title = _strip_site(text_of(page_title) if page_title is not None else None, site)
    return [clean(t) for t in meta_titles if t and clean(t)], clean(document_title) or None


def _headline_element(root: _Element, titles: list[str]) -> _Element | None:
    """The element holding the headline: an <h1> the titles confirm, else an <h2>/<h3>
    they confirm (older templates), else the first <h1>."""
    keys = [_key(title) for title in titles]
    h1s = list(root.iter("h1"))[:5]
    for heading in h1s + list(root.iter("h2", "h3"))[:20]:
        if _confirms(heading, keys):
            return heading
    return h1s[0] if h1s else None


def _confirms(heading: _Element, keys: list[str]) -> bool:
    """Whether a title equals the heading, or starts with it (a suffix we did not know)."""
    key = _key(text_of(heading))
    return len(key) >= 4 and any(k == key or (len(key) >= 8 and k.startswith(key)) for k in keys)


def _title(
    heading: _Element | None, meta_titles: list[str], document_title: str | None
) -> str | None:
    """The headline: the heading the metadata confirms, else the most trusted meta title
    (unless truncated), else the <h1>, else the document's <title>."""
    titles = [*meta_titles, document_title] if document_title else meta_titles
    if heading is not None and _confirms(heading, [_key(t) for t in titles]):
        return clean(text_of(heading))
    complete = [t for t in meta_titles if not t.endswith(("…", "..."))]
    if complete:
        return complete[0]
    if heading is not None and clean(text_of(heading)):
        return clean(text_of(heading))
    return meta_titles[0] if meta_titles else document_title


def _strip_site(title: str | None, site: str | None) -> str | None:
    """A title without its ' | Site' (or 'Site - ') part."""
    if not title:
        return None
    title = clean(title)
    parts = TITLE_SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return title
    if site and _key(parts[-1]) == _key(site):
        return _join_before_last(title)
    if site and _key(parts[0]) == _key(site):
        return _join_after_first(title)
    return title


def _site_from_title(root: _Element, title: str | None) -> str | None:
    """The site a page names only in its <title>: what is left of 'Headline | Site' (or
    'Site - Headline') once the headline is found on one side of a separator."""
    page_title = root.find(".//title")
    if not title or page_title is None:
        return None
    text = clean(text_of(page_title))
    headline = _key(title)
    for match in TITLE_SEPARATORS_RE.finditer(text):
        before, after = text[: match.start()].strip(), text[match.end() :].strip()
        if _key(before) == headline:
            rest = after
        elif _key(after) == headline:
            rest = before
        else:
            continue
        return rest if 0 < len(rest) <= 60 and len(rest.split()) <= 6 else None
    return None


def _join_before_last(title: str) -> str:
    """Everything before the last separator."""
    matches = list(TITLE_SEPARATORS_RE.finditer(title))
    return title[: matches[-1].start()].strip()


def _join_after_first(title: str) -> str:
    """Everything after the first separator."""
    match = TITLE_SEPARATORS_RE.search(title)
    return title[match.end() :].strip() if match else title


def _key(text: str) -> str:
    """A comparison key: NFKC, case-folded, without spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def _site_name(metas: dict[str, str], articles: list[dict[str, Any]]) -> str | None:
    """og:site_name, else the JSON-LD publisher's name, else application-name."""
    if metas.get("og:site_name"):
        return clean(metas["og:site_name"])
    for obj in articles:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return clean(publisher["name"])
    return clean(metas.get("application-name")) or None


# --- date --------------------------------------------------------------------------


def _published(
    root: _Element,
    metas: dict[str, str],
    articles: list[dict[str, Any]],
    url: str,
    heading: _Element | None,
) -> datetime | None:
    """The publication date, from the most trusted source that gives one."""
    readers: tuple[Callable[[], datetime | None], ...] = (
        lambda: parse_date(_first_str(articles, "datePublished")),
        lambda: _date_from_metas(metas),
        lambda: _date_from_markup(root),
        lambda: _date_from_byline(heading),
        lambda: _date_from_url(url),
    )
    for reader in readers:
        value = reader()
        if value is not None:
            return value
    return None


def _date_from_metas(metas: dict[str, str]) -> datetime | None:
    """A date from the usual ``<meta>`` names (OpenGraph article:, Dublin Core, …)."""
    for name in DATE_META_NAMES:
        value = parse_date(metas.get(name))
        if value is not None:
            return value
    return None


def _date_from_markup(root: _Element) -> datetime | None:
    """Microdata ``datePublished``, ``<time pubdate>``, then the first ``<time datetime>``
    that lies outside related boxes, sidebars and comments."""
    for element in _with_attribute(root, "itemprop", "datePublished"):
        value = parse_date(element.get("content") or element.get("datetime") or element.text)
        if value is not None:
            return value
    times = [t for t in root.iter("time") if t.get("datetime") and not _in_box(t)]
    preferred = [t for t in times if "pubdate" in t.attrib or "publish" in (t.get("class") or "")]
    for element in preferred + times:
        value = parse_date(element.get("datetime"))
        if value is not None:
            return value
    return None


def _in_box(element: _Element) -> bool:
    """Whether an element sits in a related box, sidebar, comment or other boilerplate."""
    return any(
        is_marked(ancestor) and ancestor.tag != "header" for ancestor in element.iterancestors()
    )


def _date_from_byline(h1: _Element | None) -> datetime | None:
    """The first date written near the headline (the byline under the heading)."""
    if h1 is None:
        return None
    for area in (h1.getparent(), _parent(h1.getparent())):
        if area is None:
            continue
        text = _text_after(area, h1)
        value = find_date(text[:BYLINE_WINDOW])
        if value is not None:
            return value
    return None


def _parent(element: _Element | None) -> _Element | None:
    """The parent of an element, None-safe."""
    return element.getparent() if element is not None else None


def _text_after(area: _Element, h1: _Element) -> str:
    """The area's visible text from its <h1> onwards (the headline itself excluded)."""
    text = " ".join(area.itertext("*"))
    heading = " ".join(h1.itertext("*"))
    position = text.find(heading)
    return text[position + len(heading) :] if position >= 0 else text


def _date_from_url(url: str) -> datetime | None:
    """A date in the URL path (/2024/05/28/slug)."""
    match = _URL_DATE_RE.search(url)
    if not match:
        return None
    return parse_date("{}-{:0>2}-{:0>2}".format(*match.groups()))


# --- author, language, canonical -----------------------------------------------------


def _author(root: _Element, metas: dict[str, str], articles: list[dict[str, Any]]) -> str | None:
    """The author names, joined by ', '."""
    names = _jsonld_authors(articles)
    if not names and metas.get("author"):
        names = [metas["author"]]
    og_author = metas.get("article:author", "").strip()
    if not names and og_author and "://" not in og_author:
        names = [og_author]
    if not names:
        names = [clean(text_of(el)) for el in _with_attribute(root, "rel", "author")][:3]
    if not names:
        names = _visible_authors(root)
    names = [_BY_RE.sub("", clean(name)) for name in names]
    unique = list(dict.fromkeys(name for name in names if name and len(name) <= 80))
    return ", ".join(unique) or None


def _jsonld_authors(articles: list[dict[str, Any]]) -> list[str]:
    """Author names in JSON-LD (a string, an object, or a list of either)."""
    for obj in articles:
        value = obj.get("author")
        items = value if isinstance(value, list) else [value]
        raw = [item if isinstance(item, str) else item.get("name") for item in items
               if isinstance(item, str | dict)]  # fmt: skip
        names = [name for name in raw if isinstance(name, str) and name.strip()]
        if names:
            return names
    return []


def _visible_authors(root: _Element) -> list[str]:
    """The name in the element marked as the author, else in the byline."""
    found = [
        element
        for element in root.iter(etree.Element)
        if element.get("itemprop") == "author"
        or "author-name" in (classes := element.get("class") or "")
        or "byline" in classes
    ]
    ranked = sorted(found, key=_author_rank)  # stable: document order within a rank
    for element in ranked:
        named = next(_with_attribute(element, "itemprop", "name", below=True), None)
        name = (text_of(named) if named is not None else "") or text_of(element)
        name = _BYLINE_TAIL_RE.split(clean(name), maxsplit=1)[0]
        if name and len(name) <= 80:
            return [name]
    return []


def _with_attribute(
    root: _Element, name: str, value: str, *, below: bool = False
) -> Iterator[_Element]:
    """Elements (under ``root``, or ``below`` it) whose attribute ``name`` is ``value``, in
    document order: what the XPath ``//*[@name='value']`` finds, without its cost."""
    elements = root.iterdescendants(etree.Element) if below else root.iter(etree.Element)
    return (element for element in elements if element.get(name) == value)


def _author_rank(element: _Element) -> int:
    """Microdata author first, then an author-name class, then a byline."""
    if element.get("itemprop") == "author":
        return 0
    return 1 if "author-name" in (element.get("class") or "") else 2


def _declared_lang(
    root: _Element, metas: dict[str, str], articles: list[dict[str, Any]]
) -> str | None:
    """The language the page declares: <html lang>, Content-Language, og:locale, JSON-LD."""
    for value in (
        root.get("lang")
        or root.get("xml:lang")
        or root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
        _first_str(articles, "inLanguage"),
    ):
        code = normalize_lang(value)
        if code:
            return code
    return None


def normalize_lang(value: str | None) -> str | None:
    """'en-US' → 'en', 'ja_JP' → 'ja', 'jp' → 'ja'; None for anything unreadable."""
    if not value:
        return None
    primary = re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0]
    if not re.fullmatch(r"[a-z]{2,3}", primary):
        return None
    return _LANG_FIXES.get(primary, primary)


def _canonical(root: _Element, metas: dict[str, str], url: str) -> str | None:
    """<link rel=canonical>, else og:url, made absolute against the page URL."""
    for link in root.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = str(link.get("href") or "").strip()
        if "canonical" in rels and href:
            return urljoin(url, href)
    og_url = metas.get("og:url", "").strip()
    return urljoin(url, og_url) if og_url else None
