"""The main text of an article page: its body, without the page around it.

Boilerplate is harmful downstream: a reader comment saying "Apple is about to buy
Anthropic" or a related-article title becomes a false event. So the extractor is
deliberately strict, in four steps, all generic (tag semantics, ARIA roles, class/id
words, link density, labels), none tied to a site's template:

1. drop what is never text (scripts, styles, media, controls) and mark what announces
   itself as boilerplate: ``<nav>``/``<aside>``/``<footer>``/``<header>``/``<form>``,
   landmark roles, hidden elements, and class/id/aria-label words such as ``ad``,
   ``sponsor``, ``related``, ``comment``, ``share``, ``cookie``, ``newsletter``,
   ``breadcrumb``;
2. score containers by the prose they hold (readability-style: text outside links, in
   blocks long enough to be sentences, credited to the nearest container and half to the
   next; prose in marked boxes counts a quarter) and keep the best one, plus siblings
   built the same way;
3. inside it, drop the marked boxes (unless one holds most of the body: then its class
   was a theme's state, not a box), and the ad and related boxes that carry no marker:
   blocks that are mostly headline links, blocks holding ``rel="sponsored"`` links, and
   boxes headed by a label such as "Advertisement", "PR", "Related", "関連記事" or
   "Comments";
4. render paragraphs separated by a blank line, each list item and table row on its own
   line (table cells joined by " | "), ``<br><br>`` as a paragraph break.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from lxml import etree
from lxml.etree import _Element

from newsbot.core.dates import date_spans

__all__ = ["is_marked", "main_text", "text_of"]

JUNK_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "button", "input", "select", "textarea", "option",
    "link", "meta", "head", "title", "figcaption", "img", "picture", "source",
)  # fmt: skip
BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "dialog", "menu"})
BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
     "alertdialog", "menu", "menubar", "toolbar", "tablist", "note", "comment"}
)  # fmt: skip
# Words of a class or id (split at '-', '_' and camelCase) that name a non-article box.
BOILERPLATE_WORDS = frozenset(
    {"ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsense",
     "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsored", "sponsors", "promo", "promos",
     "promotion", "promoted", "pr", "affiliate", "cookie", "cookies", "consent", "gdpr",
     "newsletter", "newsletters", "subscribe", "subscription", "signup", "share",
     "sharing", "sharebar", "social", "sns", "related", "kanren", "recommend",
     "recommended", "recommendation", "recommendations", "popular", "ranking", "rankings",
     "trending", "comment", "comments", "commentlist", "disqus", "respond", "replies",
     "breadcrumb", "breadcrumbs", "crumbs", "pankuzu", "nav", "navi", "navbar",
     "navigation", "menu", "footer", "sidebar", "widget", "widgets", "rail", "toc",
     "pager", "pagination", "pagenav", "tags", "tagcloud", "ticker", "masthead", "util",
     "skip", "modal", "popup", "overlay", "banner", "byline", "dateline", "author",
     "profile", "bio", "print", "login", "signin", "outbrain", "taboola", "zergnet"}
)  # fmt: skip
BOILERPLATE_PHRASES_RE = re.compile(
    r"(^|-)(more-from|read-more|most-read|most-popular|see-also|also-read|read-also|"
    r"more-stories|you-may-like|post-navi|prev-next|next-prev|entry-meta|post-meta|"
    r"article-meta|tag-list)(-|$)"
)
# Theme state classes ("tag-deals", "category-share") describe the page, not a box.
STATE_CLASS_RE = re.compile(
    r"^(tag|tags|category|cat|format|status|type|postid|post-template|page-template|"
    r"single|has|is|template|hentry|parent-pageid|page-id|post-id)([-_]|$)",
    re.I,
)
ARIA_LABEL_RE = re.compile(
    r"advert|sponsor|share|cookie|consent|breadcrumb|comment|related|newsletter|subscribe|"
    r"navigation|menu|sidebar|広告|シェア|共有|関連|コメント|パンくず|ページ送り|メニュー|スポンサー",
    re.I,
)
COMMENT_ITEMTYPE_RE = re.compile(r"schema\.org/(UserComments|Comment|WPAdBlock|WPSideBar)", re.I)
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A box headed by one of these labels, and nothing else, is not article text.
_LABEL_EDGE_START = r"^[\s【\[(（■●◆▼▶・:：-]*("
_LABEL_EDGE_END = r")[\s】\])）:：\d()（）件]*$"
AD_LABEL_RE = re.compile(
    _LABEL_EDGE_START
    + r"advertisement|advertising|ad|ads|sponsored|sponsored content|sponsor|promoted|"
    r"paid content|partner content|pr|広告|スポンサーリンク|スポンサー|プロモーション"
    + _LABEL_EDGE_END,
    re.I,
)
RELATED_LABEL_RE = re.compile(
    _LABEL_EDGE_START + r"related|related articles?|related stories|related posts|related coverage|"
    r"related reading|read more|read also|also read|see also|more on this( topic)?|"
    r"more from .{1,40}|recommended|recommended for you|you may also like|most read|"
    r"most popular|trending|popular|share this article|share this|share|"
    r"関連記事|関連ニュース|関連リンク|関連|あわせて読みたい|合わせて読みたい|こちらもおすすめ|"
    r"おすすめ記事|おすすめ|人気記事|アクセスランキング|ランキング|この記事をシェア"
    + _LABEL_EDGE_END,
    re.I,
)
COMMENTS_LABEL_RE = re.compile(
    _LABEL_EDGE_START
    + r"comments?|reader comments|readers' comments|\d+ comments|comments \(\d+\)|"
    r"join the conversation|discussion|responses|コメント|読者コメント|みんなのコメント"
    + _LABEL_EDGE_END,
    re.I,
)
AD_BOX_LIMIT = 400
SPONSORED_SHARE = 0.3
RELATED_BOX_LIMIT = 1500
HEADLINE_LINK = 15  # average characters of link text in a box of headlines

# Phrase-level tags are never boxes (a <span> or <label> may be: an ad label, a byline).
_NEVER_BOXES = frozenset(
    {"html", "body", "a", "b", "i", "em", "strong", "u", "s", "small", "big", "br", "wbr",
     "font", "abbr", "code", "sub", "sup", "time", "mark", "cite", "q", "img", "tt"}
)  # fmt: skip
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "dfn", "em",
     "font", "i", "kbd", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small",
     "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "label",
     "del", "ins"}
)  # fmt: skip
NOT_CONTAINERS = INLINE_TAGS | {
    "p", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "tbody", "thead", "tfoot", "table", "pre", "blockquote", "figure", "address",
    "caption", "hr",
}  # fmt: skip
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "pre", "h1", "h2", "h3",
     "h4", "h5", "h6", "ul", "ol", "dl", "table", "figure", "address", "center", "hr",
     "body", "header", "footer", "aside", "nav", "details", "summary", "caption", "td",
     "th", "tbody", "thead", "tfoot"}
)  # fmt: skip
LINE_TAGS = frozenset({"li", "dt", "dd", "tr"})
DATELINE_TAGS = ("p", "div", "span", "time", "small", "address", "font")
DATELINE_MAX = 80
DATELINE_REST = 12
LINKY_BLOCKS = frozenset({"p", "li", "ul", "ol", "dl", "div", "section", "table", "td", "span"})

MIN_UNIT = 25  # characters of text outside links that make a block count as prose
GUARD_SHARE = 0.5  # a marked element holding this share of the body's text is kept
BOXED_WEIGHT = 0.25  # prose inside marked boxes counts this much when finding the body
SIBLING_SHARE = 0.25
LINK_DENSITY = 0.5
MAX_DEPTH = 400

_PARA = "\x02"
_LINE = "\x03"  # a list item or table row boundary
_BR = "\n"
_SOURCE_NEWLINE = "\x01"
_WS_NEWLINE_RE = re.compile(r"\s*\n\s*")
_WS = r"[ \t\r\f\v\u00a0\u2000-\u200b]"
# whitespace runs other than a lone space (replacing one space by itself is wasted work);
# opens with the class of whitespace, so the engine skips to it
_WS_RE = re.compile(f"{_WS}(?:(?<= ){_WS}+|(?<! ){_WS}*)")
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# opens with the literal, so the engine jumps from one source newline to the next
_CJK_JOIN_RE = re.compile(f"{_SOURCE_NEWLINE}(?<=[{_CJK}]{_SOURCE_NEWLINE})(?=[{_CJK}])")
_PARAGRAPH_BREAK_RE = re.compile(f"{_PARA}|{_BR}[\\s{_SOURCE_NEWLINE}{_LINE}]*{_BR}")
_LINE_BREAK_RE = re.compile(f"[{_LINE}{_BR}]+")
# CSS framework utilities ("pr-4", "md:pr-2", "pr-md-3") are spacing, not boxes.
_UTILITY_CLASS_RE = re.compile(r"^([a-z0-9]+:)*-?[a-z]{1,3}(-(xs|sm|md|lg|xl|xxl|\d+|auto|px))+$")
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT_RE = re.compile(r"[-_\s:.]+")


def main_text(root: _Element) -> str:
    """The article body of a parsed page as plain text ('' if the page has none).

    Mutates ``root`` (boilerplate is removed in place); parse a fresh tree to reuse it.
    """
    body = root.find("body")
    if body is None:
        body = root
    strip_junk(body)
    marked = [el for el in body.iter() if is_marked(el)]
    in_boxes = {inner for box in _outermost(marked) for inner in box.iter()}
    containers = best_containers(body, in_boxes)
    for container in containers:
        drop_marked_inside(container, marked)
        drop_inner_boilerplate(container)
    return render(containers)


def strip_junk(body: _Element) -> None:
    """Remove elements that never carry article text, and HTML comments."""
    etree.strip_elements(body, *JUNK_TAGS, with_tail=False)
    etree.strip_elements(body, etree.Comment, etree.ProcessingInstruction, with_tail=False)


def drop_marked_inside(container: _Element, marked: list[_Element]) -> None:
    """Drop the marked boxes inside the body, except a kind of box (same tag and class)
    that holds most of the body's text: then its class named a theme's state or a
    feature of the paragraphs (every paragraph classed "share-target"), not a box."""
    total = len(text_of(container)) or 1
    below = set(container.iterdescendants())
    inside = [el for el in marked if el in below]
    kinds: dict[tuple[str, str], list[_Element]] = defaultdict(list)
    for element in _outermost(inside):
        kinds[(str(element.tag), element.get("class") or "")].append(element)
    for elements in kinds.values():
        if not _hold_most(elements, total):
            for element in elements:
                _drop(element)


def _hold_most(elements: list[_Element], total: int) -> bool:
    """Whether elements together hold so much of the body's text that they are content."""
    held = sum(len(text_of(element)) for element in elements)
    return held >= GUARD_SHARE * total and held >= MIN_UNIT * 4


def _outermost(elements: Iterable[_Element]) -> Iterator[_Element]:
    """The given elements that are not inside another one of them (document order)."""
    last: _Element | None = None
    for element in elements:
        if last is not None and _is_inside(element, last):
            continue
        last = element
        yield element


def _is_inside(element: _Element, ancestor: _Element) -> bool:
    """Whether ``ancestor`` is a proper ancestor of ``element``."""
    parent = element.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def is_marked(element: _Element) -> bool:
    """Whether an element announces itself as boilerplate (tag, role, words, hidden)."""
    tag = element.tag
    if not isinstance(tag, str) or tag in _NEVER_BOXES:
        return False
    if tag in BOILERPLATE_TAGS:
        return True
    keys = element.keys()
    if not keys:
        return False
    names = (element.get("class", "") if "class" in keys else "") + " "
    if _words_marked(names + element.get("id", "") if "id" in keys else names):
        return True
    if _SIGNAL_KEYS.isdisjoint(keys) and "data-ad" not in " ".join(keys):
        return False  # none of the attributes _attrs_marked reads: skip fetching them
    return _attrs_marked(element.attrib)


_SIGNAL_KEYS = frozenset({"hidden", "aria-hidden", "style", "role", "itemtype", "aria-label"})


def _attrs_marked(attrib: etree._Attrib) -> bool:
    """Hidden, a landmark role, an ad slot, a comment, or an aria-label naming a box."""
    return (
        _hidden(attrib)
        or attrib.get("role", "").lower() in BOILERPLATE_ROLES
        or bool(COMMENT_ITEMTYPE_RE.search(attrib.get("itemtype", "")))
        or bool(ARIA_LABEL_RE.search(attrib.get("aria-label", "")))
        or "data-ad" in " ".join(attrib.keys())
    )


def _hidden(attrib: etree._Attrib) -> bool:
    """Hidden from readers: the ``hidden`` attribute, aria-hidden or display:none."""
    return (
        "hidden" in attrib
        or attrib.get("aria-hidden", "").lower() == "true"
        or bool(HIDDEN_STYLE_RE.search(attrib.get("style", "")))
    )


@lru_cache(maxsize=4096)
def _words_marked(names: str) -> bool:
    """Whether a class/id list holds a boilerplate word or phrase."""
    for name in names.split():
        if STATE_CLASS_RE.match(name):
            continue
        words = _SPLIT_RE.split(_CAMEL_RE.sub("-", name).lower())
        if any(word in BOILERPLATE_WORDS for word in words) and not _UTILITY_CLASS_RE.match(name):
            return True
        if BOILERPLATE_PHRASES_RE.search("-".join(words)):
            return True
    return False


def text_of(element: _Element) -> str:
    """All the text inside an element (its own tail excluded)."""
    return "".join(element.itertext())


def _drop(element: _Element) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


# --- choosing the body -------------------------------------------------------------


def best_containers(body: _Element, in_boxes: set[_Element] | None = None) -> list[_Element]:
    """The container that holds the article's prose, plus siblings built like it.

    Prose inside marked boxes (``in_boxes``) counts for little, so long reader comments
    do not outweigh the story, while a story wrapped in a misleadingly named element
    still wins against the rest of the page.
    """
    boxes = in_boxes or set()
    scores = _container_scores(body, boxes)
    if not scores:
        return [body]
    top = max(scores, key=lambda el: scores[el])
    parent = top.getparent()
    if parent is None:
        return [top]
    return [
        sibling
        for sibling in parent
        if sibling is top
        or (
            sibling not in boxes
            and (
                _is_twin(sibling, top, scores.get(sibling, 0.0), scores[top])
                or _is_loose_paragraph(sibling)
            )
        )
    ]


def _is_twin(sibling: _Element, top: _Element, score: float, top_score: float) -> bool:
    """A sibling of the same tag and class with a fair share of prose: the body continued."""
    return (
        sibling.tag == top.tag
        and sibling.get("class") == top.get("class")
        and score >= SIBLING_SHARE * top_score
    )


def _is_loose_paragraph(sibling: _Element) -> bool:
    """A <p> beside the body with a long sentence and few links."""
    if sibling.tag != "p":
        return False
    text = text_of(sibling)
    return len(text.strip()) >= 80 and _link_length(sibling) < 0.25 * len(text)


def _container_scores(body: _Element, in_boxes: set[_Element]) -> dict[_Element, float]:
    """Prose credited to each container: full to the nearest, half to the next one up."""
    scores: dict[_Element, float] = defaultdict(float)
    for block, length in _block_prose(body).items():
        if length < MIN_UNIT:
            continue
        weight = length * (BOXED_WEIGHT if block in in_boxes else 1.0)
        container = _container_of(block)
        if container is None:
            continue
        scores[container] += weight
        upper = _container_of(container.getparent()) if container is not body else None
        if upper is not None:
            scores[upper] += weight / 2
    return scores


def _block_prose(body: _Element) -> dict[_Element, int]:
    """Characters of text outside links owned by each block element.

    One walk down the tree: an element's text belongs to its nearest non-inline
    ancestor-or-self; text under an ``<a>`` (even inside a block within it) is link text.
    """
    prose: dict[_Element, int] = defaultdict(int)
    stack = [(body, body, False)]
    while stack:
        element, block, linked = stack.pop()
        text = element.text
        if text and not linked:
            prose[block] += len(text.strip())
        for child in element:
            tag = child.tag
            child_linked = linked or tag == "a"
            stack.append((child, block if tag in INLINE_TAGS else child, child_linked))
            tail = child.tail
            if tail and not linked:
                prose[block] += len(tail.strip())
    return prose


def _container_of(element: _Element | None) -> _Element | None:
    """The nearest ancestor-or-self that can hold a whole article (div, section, td…)."""
    while element is not None and (
        not isinstance(element.tag, str) or element.tag in NOT_CONTAINERS
    ):
        element = element.getparent()
    return element


# --- cleaning inside the body ------------------------------------------------------


def drop_inner_boilerplate(container: _Element) -> None:
    """Drop unmarked ads, related boxes and comments inside the chosen body, and the
    headline and dateline when the body holds them (the Article keeps them apart)."""
    _drop_headline_and_dateline(container)
    for owner, label, kind in _labels(container):
        _drop_label_box(owner, label, kind, container)
    for link in list(container.iter("a")):
        if "sponsored" in (link.get("rel") or "").lower():
            _drop_enclosing_block(link, container)
    _drop_headline_lists(container)


def _drop_headline_and_dateline(container: _Element) -> None:
    """Drop the body's first <h1> and short blocks that only give a date or a byline."""
    heading = next(container.iter("h1"), None)
    if heading is not None and heading is not container:
        _drop(heading)
    for block in list(container.iter(*DATELINE_TAGS)):
        text = _short_text(block, DATELINE_MAX)
        if block is not container and text is not None and _is_dateline(text):
            _drop(block)


def _short_text(element: _Element, limit: int) -> str | None:
    """The element's text if it is at most ``limit`` characters, else None (read lazily)."""
    parts: list[str] = []
    size = 0
    for part in element.itertext():
        size += len(part.strip())
        if size > limit:
            return None
        parts.append(part)
    return "".join(parts)


def _is_dateline(text: str) -> bool:
    """A short text that is a date with at most a label or byline around it."""
    text = text.strip()
    if not text or len(text) > DATELINE_MAX or text.endswith((".", "。", "!", "?")):
        return False
    spans = date_spans(text)
    if not spans:
        return False
    rest = "".join(
        text[end:start]
        for (_, end), (start, _) in zip(
            [(0, 0), *spans], [*spans, (len(text), len(text))], strict=True
        )
    )
    return sum(char.isalnum() for char in rest) <= DATELINE_REST


def _labels(container: _Element) -> list[tuple[_Element, str, str]]:
    """(element, label text, kind) for every box label inside the container."""
    found = []
    for node in _TEXT_NODES(container):
        text = node.strip()
        if not text or len(text) > 40:
            continue
        kind = _label_kind(unicodedata.normalize("NFKC", text))
        owner = node.getparent()
        if node.is_tail:
            owner = owner.getparent()
        if kind and owner is not None and owner.tag != "a":
            found.append((owner, text, kind))
    return found


_TEXT_NODES = etree.XPath(".//text()")  # compiled once, not at every call


def _label_kind(text: str) -> str | None:
    """'ad', 'related' or 'comments' when the text is such a label, else None."""
    for kind, pattern in (
        ("ad", AD_LABEL_RE),
        ("related", RELATED_LABEL_RE),
        ("comments", COMMENTS_LABEL_RE),
    ):
        if pattern.match(text):
            return kind
    return None


def _drop_label_box(owner: _Element, label: str, kind: str, container: _Element) -> None:
    """Drop the box a label heads: the highest ancestor below the container that starts
    with the label and still looks like such a box (short ad, list of headlines)."""
    if owner is container or not _is_attached(owner, container):
        return
    if not text_of(owner).strip().startswith(label):
        return
    box = owner
    parent = box.getparent()
    while parent is not None and parent is not container and _box_fits(parent, label, kind):
        box, parent = parent, parent.getparent()
    if box.tag in INLINE_TAGS or (box is owner and not _box_fits(owner, label, kind)):
        return  # a label word inside a sentence, not a box
    if _is_speaker_turn(box):
        return  # "PR: We ended December at…": an interviewee's initials, not an ad's label
    if kind == "comments" and box.getparent() is container and box.tag in _HEADINGS:
        _drop_following(box)
    _drop(box)


_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SPEAKER_TAGS = frozenset({"strong", "b"})


def _speaker(block: _Element) -> str | None:
    """The run-in speaker of a paragraph that opens with one in bold ('<b>PR:</b> …')."""
    if block.tag != "p" or (block.text or "").strip():
        return None
    first = next(iter(block), None)
    if first is None or first.tag not in _SPEAKER_TAGS or not (first.tail or "").strip():
        return None
    name = text_of(first).strip()
    return (
        name
        if name.endswith((":", "：")) or (first.tail or "").lstrip()[:1] in (":", "：")
        else None
    )


def _is_speaker_turn(block: _Element) -> bool:
    """A paragraph of an interview transcript: it opens with a speaker, and so do other
    paragraphs beside it."""
    if _speaker(block) is None:
        return False
    siblings = [*block.itersiblings(preceding=True), *block.itersiblings()]
    return sum(_speaker(other) is not None for other in siblings[:40]) >= 2


def _box_fits(element: _Element, label: str, kind: str) -> bool:
    """Whether an element can be the whole box of a label of this kind."""
    text = text_of(element).strip()
    if not text.startswith(label):
        return False
    if kind == "ad":
        return len(text) <= AD_BOX_LIMIT
    if kind == "related":
        rest = len(text) - len(label)
        return len(text) <= RELATED_BOX_LIMIT and (rest <= 0 or _link_length(element) >= 0.4 * rest)
    return element.tag != "p" or text == label  # "<p><b>Comments</b> from analysts…" is prose


def _drop_following(heading: _Element) -> None:
    """Drop everything after a comments heading inside the body."""
    for sibling in list(heading.itersiblings()):
        _drop(sibling)


def _is_attached(element: _Element, container: _Element) -> bool:
    """Whether an element is still inside the container (not in a dropped subtree)."""
    return any(parent is container for parent in element.iterancestors())


def _drop_enclosing_block(link: _Element, container: _Element) -> None:
    """Drop the nearest block around a sponsored link (never the container itself),
    when it is an ad's size or the link is much of it (not an affiliate link in prose)."""
    if not _is_attached(link, container):
        return
    block = link.getparent()
    while block is not None and block is not container and block.tag in INLINE_TAGS:
        block = block.getparent()
    if block is None or block is container:
        return
    size = len(text_of(block).strip())
    if size <= AD_BOX_LIMIT or len(text_of(link).strip()) >= SPONSORED_SHARE * size:
        _drop(block)


def _drop_headline_lists(container: _Element) -> None:
    """Drop blocks that are mostly links with headline-long texts (related lists)."""
    candidates = {
        ancestor
        for link in container.iter("a")
        for ancestor in _ancestors_below(link, container)
        if ancestor.tag in LINKY_BLOCKS
    }
    for block in [el for el in container.iter() if el in candidates]:
        if _is_attached(block, container) and _is_headline_list(block):
            _drop(block)


def _ancestors_below(element: _Element, container: _Element) -> Iterator[_Element]:
    """Ancestors of an element strictly below the container."""
    for ancestor in element.iterancestors():
        if ancestor is container:
            return
        yield ancestor


def _is_headline_list(block: _Element) -> bool:
    """Whether most of a block's text is links, and the links read like headlines."""
    text = text_of(block).strip()
    links = [text_of(a).strip() for a in block.iter("a")]
    links = [link for link in links if link]
    if not text or not links:
        return False
    linked = sum(len(link) for link in links)
    return linked > LINK_DENSITY * len(text) and linked / len(links) >= HEADLINE_LINK


def _link_length(element: _Element) -> int:
    """Characters of text inside links under an element."""
    return sum(len(text_of(a).strip()) for a in element.iter("a"))


# --- rendering ---------------------------------------------------------------------


def render(containers: list[_Element]) -> str:
    """Plain text: paragraphs separated by a blank line, items and rows one a line."""
    pieces: list[str] = []
    for container in containers:
        pieces.append(_PARA)
        _render(container, pieces, 0)
    return _tidy("".join(pieces))


def _render(element: _Element, out: list[str], depth: int) -> None:
    """Append an element's text with paragraph and line markers."""
    tag = element.tag
    if not isinstance(tag, str):
        return
    if depth > MAX_DEPTH:
        out.append(_text(text_of(element)))
        return
    if tag == "table" and _is_data_table(element):
        out.extend((_PARA, _render_table(element), _PARA))
        return
    out.append(_PARA if tag in BLOCK_TAGS else _LINE if tag in LINE_TAGS else "")
    if tag == "br":
        out.append(_BR)
    if element.text:
        out.append(_text(element.text))
    for child in element:
        _render(child, out, depth + 1)
        if child.tail:
            out.append(_text(child.tail))
    out.append(_PARA if tag in BLOCK_TAGS else _LINE if tag in LINE_TAGS else "")


def _is_data_table(table: _Element) -> bool:
    """A table of data (rows of short cells), not a layout grid."""
    if table.find(".//table") is not None:
        return False
    rows = table.findall(".//tr")
    cells = [cell for row in rows for cell in row if cell.tag in ("td", "th")]
    if len(rows) < 2 or len(cells) < 2 * len(rows) - 1:
        return False
    return sum(len(text_of(cell)) for cell in cells) / len(cells) <= 120


def _render_table(table: _Element) -> str:
    """One line per row, cells joined by ' | '."""
    lines = []
    for row in table.iter("tr"):
        cells = [_text(text_of(cell)).strip() for cell in row if cell.tag in ("td", "th")]
        cells = [cell.replace(_SOURCE_NEWLINE, " ") for cell in cells]
        if any(cells):
            lines.append(" | ".join(cells))
    caption = table.find("caption")
    head = [_text(text_of(caption)).strip()] if caption is not None else []
    return _LINE.join(head + lines)


def _text(raw: str) -> str:
    """Collapse whitespace, remembering where the source had line breaks."""
    if "\n" in raw:
        raw = _WS_NEWLINE_RE.sub(_SOURCE_NEWLINE, raw)
    return _WS_RE.sub(" ", raw)


def _tidy(raw: str) -> str:
    """Markers → newlines; strip lines; at most one blank line between paragraphs."""
    if _SOURCE_NEWLINE in raw:
        raw = _CJK_JOIN_RE.sub("", raw).replace(_SOURCE_NEWLINE, " ")
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK_RE.split(raw):
        lines = [line.strip() for line in _LINE_BREAK_RE.split(chunk)]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
