"""HTML listing pages → article ``Link``s, with a CSS selector or by looking.

With ``selector`` the links inside the selected elements are taken as they are. Without,
a link is a candidate when it stays on the site, sits in the page's main listing (not in
nav/header/footer/aside, sidebars, widgets, ad, related or share boxes), and is neither
pagination (``page=2``, ``/page/2``, 次へ, Next), an ad (``rel=sponsored``, ``/go/…``) nor a
tag / category / author / service page. Candidates are then scored: sharing the path
prefix most candidates share (``/articles/``, ``/2025/``), an article-shaped last segment
(``.html``, a slug, a numeric id), being inside ``main``/``article``, and a title-length
anchor text. The crawler keeps a candidate only when it parses as an article.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup, Tag

from newsbot.crawl.links import Link, absolute
from newsbot.errors import ParseError

log = logging.getLogger(__name__)

__all__ = ["feed_alternates", "find_article_links", "page_soup"]

SKIP_TAGS = frozenset({"nav", "aside", "form", "button", "select", "menu", "dialog"})
EDGE_TAGS = frozenset({"header", "footer"})
SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
SKIP_TOKENS = frozenset({
    "nav", "navi", "navbar", "navigation", "menu", "gnav", "breadcrumb", "breadcrumbs",
    "pagination", "pager", "paging", "pagenation", "pagenavi", "sidebar", "widget", "ad",
    "ads", "adsense", "advert", "advertisement", "sponsor", "sponsored", "promo", "pr",
    "related", "recommend", "recommended", "popular", "ranking", "share", "sns", "social",
    "comment", "comments", "tags", "tagcloud", "categories", "cookie", "newsletter",
})
EDGE_TOKENS = frozenset({"header", "footer", "masthead", "topbar"})
MAIN_TOKENS = frozenset({"main", "content", "contents", "list", "posts", "entries",
                         "articles", "archive", "stories", "news"})
SKIP_SEGMENTS = frozenset({
    "tag", "tags", "category", "categories", "cat", "author", "authors", "writer", "search",
    "login", "logout", "signin", "signup", "register", "account", "mypage", "contact",
    "privacy", "privacy-policy", "terms", "disclaimer", "feed", "rss", "wp-admin",
    "wp-login.php", "wp-content", "cart", "subscribe", "newsletter", "go", "ad", "ads",
    "click", "redirect", "out", "sponsored", "about", "page", "share", "print", "amp",
})
SKIP_RELS = frozenset({"sponsored", "nofollow", "ugc", "next", "prev", "tag", "author"})
NOT_PAGES = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|css|js|json|xml|rss|mp3|mp4|mov|avi)$", re.I)
PAGINATION_TEXT = re.compile(
    r"^[\s«»‹›<>→←…・|]*(\d{1,4}|next|prev|previous|older|newer|next page|previous page|"
    r"older posts|newer posts|more|load more|次へ|前へ|次|前|次のページ|前のページ|もっと見る|"
    r"一覧|さらに読む)?[\s«»‹›<>→←…・|]*$", re.I)
PAGE_PARAMS = frozenset({"page", "p", "paged", "pg", "offset", "start", "pagenum"})
SEARCH_PARAMS = frozenset({"s", "q", "query", "search", "keyword"})
SHAPED = re.compile(r"(\.s?html?$|\.php$|[-_].*[-_]|\d{4,})")
MIN_TITLE_CHARS = 12


def page_soup(html: str) -> BeautifulSoup:
    """Parse an HTML page (lxml), quietly: bs4 warns about markup that looks like a URL."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return BeautifulSoup(html, "lxml")


def find_article_links(html: str, url: str, selector: str | None = None,
                       limit: int = 500) -> list[Link]:
    """Article links of a listing page, in page order, one per URL, at most ``limit``."""
    soup = page_soup(html)
    base = _base(soup, url)
    if selector:
        return _selected(soup, base, selector)[:limit]
    candidates = [c for c in _candidates(soup, base, url) if c is not None]
    return _score(candidates)[:limit]


def feed_alternates(html: str, url: str) -> list[str]:
    """The RSS/Atom feeds a page announces with ``<link rel="alternate">``."""
    soup = page_soup(html)
    base = _base(soup, url)
    found = []
    for tag in soup.find_all("link", href=True):
        rels = {r.lower() for r in _attr_list(tag, "rel")}
        kind = str(tag.get("type") or "").lower()
        if "alternate" in rels and ("rss" in kind or "atom" in kind):
            href = absolute(str(tag["href"]), base)
            if href and "comments" not in href:
                found.append(href)
    return found


def _base(soup: BeautifulSoup, url: str) -> str:
    tag = soup.find("base", href=True)
    return absolute(str(tag["href"]), url) or url if isinstance(tag, Tag) else url


def _attr_list(tag: Tag, name: str) -> list[str]:
    value = tag.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else str(value).split()


def _selected(soup: BeautifulSoup, base: str, selector: str) -> list[Link]:
    try:
        elements = soup.select(selector)
    except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
        raise ParseError(f"bad CSS selector {selector!r}: {exc}") from None
    links: dict[str, Link] = {}
    for element in elements:
        anchors = [element] if element.name == "a" else element.find_all("a", href=True)
        for a in anchors:
            href = absolute(str(a.get("href") or ""), base)
            if href and href not in links:
                links[href] = Link(href, _text(a) or None)
    return list(links.values())


class _Candidate:
    __slots__ = ("in_main", "title", "url")

    def __init__(self, url: str, title: str, in_main: bool):
        self.url, self.title, self.in_main = url, title, in_main


def _candidates(soup: BeautifulSoup, base: str, page_url: str) -> list[_Candidate | None]:
    return [_candidate(a, base, page_url) for a in soup.find_all("a", href=True)]


def _candidate(a: Tag, base: str, page_url: str) -> _Candidate | None:
    url = absolute(str(a.get("href") or ""), base)
    if url is None or not _same_site(url, page_url) or _url_excluded(url, page_url):
        return None
    rels = {r.lower() for r in _attr_list(a, "rel")}
    text = _text(a)
    if rels & SKIP_RELS or (text and PAGINATION_TEXT.match(text) and len(text) < 12):
        return None
    excluded, in_main = _region(a)
    return None if excluded else _Candidate(url, text, in_main)


def _text(a: Tag) -> str:
    return " ".join(a.get_text(" ", strip=True).split())


def _same_site(url: str, page_url: str) -> bool:
    one, two = urlsplit(url), urlsplit(page_url)
    return _bare(one.hostname) == _bare(two.hostname) and one.port == two.port


def _bare(host: str | None) -> str:
    return (host or "").lower().removeprefix("www.")


def _url_excluded(url: str, page_url: str) -> bool:
    parts = urlsplit(url)
    segments = [s for s in parts.path.lower().split("/") if s]
    if not segments or url.rstrip("/") == page_url.rstrip("/"):
        return True
    if NOT_PAGES.search(parts.path) or any(s in SKIP_SEGMENTS for s in segments):
        return True
    params = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return bool(params & (PAGE_PARAMS | SEARCH_PARAMS))


def _tokens(tag: Tag) -> set[str]:
    words = _attr_list(tag, "class") + _attr_list(tag, "id")
    return {t for w in words for t in re.split(r"[^a-z0-9]+", w.lower()) if t}


def _region(a: Tag) -> tuple[bool, bool]:
    """(in a region that never holds the listing, inside main content)."""
    in_main = False
    for element in [a, *a.parents]:
        if element.name in ("body", "html", "[document]"):
            break
        role = str(element.get("role") or "").lower()
        tokens = _tokens(element)
        if element.name in SKIP_TAGS or role in SKIP_ROLES or tokens & SKIP_TOKENS:
            return True, in_main
        edge = element.name in EDGE_TAGS or bool(tokens & EDGE_TOKENS)
        if edge and element.find_parent(["main", "article"]) is None:
            return True, in_main
        if element.name in ("main", "article") or role == "main" or tokens & MAIN_TOKENS:
            in_main = True
    return False, in_main


def _prefix(url: str) -> str:
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return segments[0] if len(segments) > 1 else ""


def _shaped(url: str) -> bool:
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return bool(segments) and bool(SHAPED.search(segments[-1]) or len(segments[-1]) >= 24)


def _score(candidates: list[_Candidate]) -> list[Link]:
    """Keep candidates that look like the page's articles, first occurrence order."""
    merged: dict[str, _Candidate] = {}
    for c in candidates:
        kept = merged.setdefault(c.url, c)
        if len(c.title) > len(kept.title):
            kept.title = c.title
        kept.in_main = kept.in_main or c.in_main
    prefixes = Counter(_prefix(u) for u in merged)
    top, count = prefixes.most_common(1)[0] if prefixes else ("", 0)
    links = []
    for c in merged.values():
        score = 2 * (count >= 2 and _prefix(c.url) == top) + _shaped(c.url) + c.in_main
        score += len(c.title) >= MIN_TITLE_CHARS
        if score >= 2:
            links.append(Link(c.url, c.title or None))
    log.debug("listing_scored candidates=%d kept=%d prefix=%s", len(merged), len(links), top)
    return links
