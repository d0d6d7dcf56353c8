"""Article parser benchmark: newsbot's parser beside trafilatura, on the dev corpus pages.

Run: ``.venv/bin/python bench/parse.py [--repeat N] [--details]``. For every page of
``../shared/corpus/dev/sites/*/articles`` it measures, for both extractors:

- names kept: gold entity names (company and person fields of the gold events) found in
  the main text in some alias (``aliases*.json``), after NFKC and case folding;
- boilerplate leaked: text blocks of the page that lie outside the article body (or in a
  box inside it) found in the main text; blocks are labelled by the measurement below;
- speed: pages per second, parse and extraction together, best of ``--repeat`` runs.

How the measurement finds boilerplate, structurally and on its own (it shares nothing
with the parser but the charset decoder):

- the article body is the lowest common ancestor of the page's prose lines: text runs
  of 60+ characters (30+ for Japanese) outside links, headings and figures, outside
  landmark elements
  (nav/aside/footer/header/form) and boxes whose class/id/aria-label names them
  (ad, sponsor, related, comment, share, cookie, newsletter, sidebar…), and not next to
  a headline link (a teaser's summary);
- a block is the text a block-level element holds itself; blocks outside the body are
  boilerplate, except the headline area between the ``<h1>`` and the body (title, dek,
  byline), unless a box marker says otherwise; blocks inside the body are boilerplate
  when a box marker, a ``rel="sponsored"`` link or a list of headline links says so;
- a snippet counts when its normalised text has 8+ characters and does not also occur
  in the body; it leaks when it occurs in the extracted text.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsbot.core.article import parse_article  # noqa: E402
from newsbot.core.encoding import decode_html  # noqa: E402

CORPUS = (ROOT / ".." / "shared" / "corpus" / "dev").resolve()
BASE = "http://127.0.0.1:8000"
NAME_FIELDS = ("company", "investors", "acquirer", "target", "companies", "vendor",
               "customer", "person", "from", "to")  # fmt: skip
MIN_SNIPPET = 8

# --- structural labelling of the page (the measurement's own rules) -----------------

LANDMARK_TAGS = {"nav", "aside", "footer", "header", "form", "menu", "dialog"}
LANDMARK_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
KIND_WORDS = {
    "comment": {"comment", "comments", "disqus", "respond", "reply", "replies"},
    "ad": {"ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "pr",
           "billboard", "inread"},
    "related": {"related", "kanren", "recommend", "recommended", "ranking", "popular",
                "trending", "previously", "more", "most", "rail", "entries", "card"},
    "share": {"share", "sns", "social", "sharing"},
    "cookie": {"cookie", "consent", "gdpr"},
    "newsletter": {"newsletter", "subscribe", "signup", "promo-bar"},
    "nav": {"nav", "navi", "gnav", "menu", "breadcrumb", "breadcrumbs", "crumbs", "pager",
            "pagination", "util", "skip", "toc", "tags", "tag", "ticker", "search"},
    "footer": {"footer", "copyright", "disclaimer", "corrections"},
    "sidebar": {"sidebar", "widget", "box"},
    "author": {"author", "profile", "bio"},
}  # fmt: skip
ARIA_KINDS = {
    "advert": "ad", "sponsor": "ad", "share": "share", "シェア": "share", "cookie": "cookie",
    "comment": "comment", "breadcrumb": "nav", "ページ": "nav", "sidebar": "sidebar",
}  # fmt: skip
INLINE = {
    "a", "abbr", "b", "big", "br", "cite", "code", "em", "font", "i", "img", "label", "mark",
    "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr",
}  # fmt: skip
NOT_PROSE = {"h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "caption"}
SKIP = {"script", "style", "noscript", "template", "head", "title", "svg", "button", "option"}


def norm(text: str) -> str:
    """NFKC, case-folded, without whitespace: how names and snippets are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def box_kind(element: Any) -> str | None:
    """The kind of box an element announces itself as, or None."""
    tag = element.tag if isinstance(element.tag, str) else ""
    role = (element.get("role") or "").lower()
    words = set(re.split(r"[-_\s]+", f"{element.get('class', '')} {element.get('id', '')}".lower()))
    for kind, names in KIND_WORDS.items():
        if words & names:
            return kind
    if any(key.startswith("data-ad") for key in element.attrib):
        return "ad"
    aria = (element.get("aria-label") or "").lower()
    for word, kind in ARIA_KINDS.items():
        if word in aria:
            return kind
    if tag in LANDMARK_TAGS or role in LANDMARK_ROLES:
        return {"footer": "footer", "nav": "nav", "aside": "sidebar"}.get(tag, "chrome")
    return None


def enclosing_kind(element: Any, stop: Any = None) -> str | None:
    """The kind of the nearest announcing box around an element (up to ``stop``)."""
    while element is not None and element is not stop:
        if element.tag not in ("html", "body", "main"):
            kind = box_kind(element)
            if kind:
                return kind
        element = element.getparent()
    return None


def _is_cjk(text: str) -> bool:
    return sum(1 for c in text if "\u3040" <= c <= "\u9fff") > len(text) / 3


def _nearest_block(element: Any) -> Any:
    while element is not None and element.tag in INLINE:
        element = element.getparent()
    return element


def _in_link(element: Any) -> bool:
    while element is not None and element.tag in INLINE:
        if element.tag == "a":
            return True
        element = element.getparent()
    return False


def _text_nodes(root: Any) -> Iterator[tuple[Any, str]]:
    """(owning element, text) for every visible text run of the body."""
    body = root.find("body")
    for node in body.xpath(".//text()") if body is not None else []:
        owner = node.getparent()
        if node.is_tail:
            owner = owner.getparent()
        if owner is None or any(a.tag in SKIP for a in [owner, *owner.iterancestors()]):
            continue
        if node.strip():
            yield owner, str(node)


def _beside_headline_link(block: Any) -> bool:
    """Whether a block sits in a teaser: its item also holds a headline-long link."""
    for item in [block, *block.iterancestors()]:
        if len(item.text_content()) > 400:
            return False
        if any(len(norm(a.text_content())) >= 20 for a in item.iter("a")):
            return True
    return False


def _lca(elements: list[Any]) -> Any:
    paths = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = None
    for level in zip(*paths, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def article_body(root: Any) -> Any:
    """The lowest common ancestor of the page's prose lines."""
    prose = []
    for owner, text in _text_nodes(root):
        length = len(text.strip())
        if length < (30 if _is_cjk(text) else 60) or _in_link(owner):
            continue
        block = _nearest_block(owner)
        if block.tag in NOT_PROSE or any(a.tag in NOT_PROSE for a in block.iterancestors()):
            continue
        if enclosing_kind(block) or _beside_headline_link(block):
            continue
        prose.append(block)
    return _lca(prose) if prose else root.find("body")


@dataclass
class Snippet:
    text: str
    kind: str


@dataclass
class PageLabels:
    body_blocks: list[str]
    snippets: list[Snippet] = field(default_factory=list)
    body_tag: str = ""


def _blocks(root: Any) -> list[tuple[Any, Any, str]]:
    """(block element, its first text's owner, text it holds itself) in document order."""
    texts: dict[Any, tuple[Any, list[str]]] = {}
    for owner, text in _text_nodes(root):
        texts.setdefault(_nearest_block(owner), (owner, []))[1].append(text)
    return [
        (block, owner, " ".join(" ".join(parts).split())) for block, (owner, parts) in texts.items()
    ]


def _header_zone(root: Any, body: Any, order: dict[Any, int]) -> tuple[int, int] | None:
    """Document positions of the article's headline area: the <h1>'s own header (its
    parent, when that does not hold the body) up to the start of the body."""
    h1 = root.find(".//h1")
    if h1 is None or order[h1] >= order.get(body, 0):
        return None
    parent = h1.getparent()
    holds_body = parent is not None and any(a is parent for a in body.iterancestors())
    start = order[h1] if parent is None or holds_body else order[parent]
    return start, order[body]


def _headline_list(block: Any) -> bool:
    text = norm(block.text_content())
    links = [norm(a.text_content()) for a in block.iter("a")]
    links = [link for link in links if link]
    return (
        bool(text and links)
        and sum(map(len, links)) > 0.5 * len(text)
        and (sum(map(len, links)) / len(links) >= 15)
    )


def _sponsored(block: Any) -> bool:
    return any("sponsored" in (a.get("rel") or "") for a in block.iter("a"))


def label_page(html: str) -> PageLabels:
    """Body text and boilerplate snippets of a page, by the rules in the docstring."""
    root = lxml.html.document_fromstring(
        html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
    )
    body = article_body(root)
    order = {el: i for i, el in enumerate(root.iter())}
    header_zone = _header_zone(root, body, order)
    clean: list[str] = []
    raw: list[Snippet] = []
    for block, owner, text in _blocks(root):
        inside = block is body or any(a is body for a in block.iterancestors())
        if inside:
            kind = enclosing_kind(block, stop=body)
            if kind is None and (_sponsored(block) or _headline_list(block)):
                kind = "ad" if _sponsored(block) else "related"
            if kind is None:
                clean.append(text)
            else:
                raw.append(Snippet(text, kind))
            continue
        kind = enclosing_kind(block)
        in_header = header_zone is not None and header_zone[0] <= order[owner] < header_zone[1]
        if in_header and kind in (None, "chrome", "author"):
            continue
        if kind is None and _headline_list(block):
            kind = "related"
        raw.append(Snippet(text, kind or "other"))
    body_norm = norm("\n".join(clean))
    seen: set[str] = set()
    snippets = []
    for snippet in raw:
        key = norm(snippet.text)
        if len(key) >= MIN_SNIPPET and key not in body_norm and key not in seen:
            seen.add(key)
            snippets.append(snippet)
    blocks = [text for text in clean if len(norm(text)) >= MIN_SNIPPET]
    return PageLabels(blocks, snippets, f"{body.tag}.{body.get('class', '')}")


# --- corpus ---------------------------------------------------------------------------


@dataclass
class Page:
    site: str
    slug: str
    url: str
    body: bytes
    gold: dict[str, Any] | None


def load_pages(corpus: Path = CORPUS) -> list[Page]:
    """Every article page of the corpus, ``{{BASE}}`` replaced, with its gold record."""
    pages = []
    for path in sorted(corpus.glob("sites/*/articles/*.html")):
        site = path.parts[-3]
        gold_path = corpus / "gold" / site / f"{path.stem}.json"
        gold = json.loads(gold_path.read_text("utf-8")) if gold_path.exists() else None
        body = path.read_bytes().replace(b"{{BASE}}", BASE.encode())
        pages.append(Page(site, path.stem, f"{BASE}/articles/{path.name}", body, gold))
    return pages


def load_aliases(corpus: Path = CORPUS) -> dict[str, set[str]]:
    """Canonical name → every normalised spelling (all aliases*.json merged)."""
    merged: dict[str, set[str]] = {}
    for path in sorted(corpus.glob("aliases*.json")):
        for canonical, others in json.loads(path.read_text("utf-8")).items():
            merged.setdefault(canonical, {norm(canonical)}).update(norm(o) for o in others)
    return merged


def gold_names(gold: dict[str, Any]) -> set[str]:
    """Company and person names of a gold record's events."""
    names: set[str] = set()
    for event in gold.get("events", []):
        for key in NAME_FIELDS:
            value = event.get(key)
            for name in value if isinstance(value, list) else [value]:
                if isinstance(name, str) and name:
                    names.add(name)
    return names


def missing_names(text: str, names: set[str], aliases: dict[str, set[str]]) -> list[str]:
    """Gold names none of whose spellings occur in the text."""
    haystack = norm(text)
    return sorted(n for n in names if not any(a in haystack for a in aliases.get(n, {norm(n)})))


# --- extractors -------------------------------------------------------------------------


def ours(page: Page) -> str:
    return parse_article(page.body, page.url).text


def trafilatura_text(page: Page) -> str:
    """trafilatura 2.x with its defaults (comments included)."""
    import trafilatura

    return trafilatura.extract(page.body, url=page.url) or ""


def trafilatura_no_comments(page: Page) -> str:
    """trafilatura told to leave comments out."""
    import trafilatura

    return trafilatura.extract(page.body, url=page.url, include_comments=False) or ""


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "newsbot": ours,
    "trafilatura": trafilatura_text,
    "traf-nocomm": trafilatura_no_comments,
}


@dataclass
class Score:
    names: int = 0
    names_kept: int = 0
    snippets: int = 0
    leaked: int = 0
    body_blocks: int = 0
    body_kept: int = 0
    leaked_kinds: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)


def score(extract: Callable[[Page], str], pages: list[Page], labels: dict[str, PageLabels],
          aliases: dict[str, set[str]]) -> Score:  # fmt: skip
    """Names kept and snippets leaked by one extractor over the pages."""
    result = Score()
    for page in pages:
        text = extract(page)
        text_norm = norm(text)
        if page.gold is not None:
            names = gold_names(page.gold)
            missing = missing_names(text, names, aliases)
            result.names += len(names)
            result.names_kept += len(names) - len(missing)
            result.details += [f"  {page.site}/{page.slug}: missing name {n}" for n in missing]
        for block in labels[page.url].body_blocks:
            result.body_blocks += 1
            if norm(block) in text_norm:
                result.body_kept += 1
            else:
                result.details.append(f"  {page.site}/{page.slug}: lost body text {block[:80]!r}")
        for snippet in labels[page.url].snippets:
            result.snippets += 1
            if norm(snippet.text) in text_norm:
                result.leaked += 1
                result.leaked_kinds[snippet.kind] += 1
                result.details.append(
                    f"  {page.site}/{page.slug}: leaked {snippet.kind}: {snippet.text[:90]!r}"
                )
    return result


def speed(extract: Callable[[Page], str], pages: list[Page], repeat: int) -> float:
    """Pages per second, best of ``repeat`` passes over all pages."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            extract(page)
        times.append(time.perf_counter() - start)
    return len(pages) / min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (best is kept)")
    parser.add_argument("--details", action="store_true", help="list misses and leaks")
    parser.add_argument("--labels", action="store_true", help="print the measurement's body")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    pages = load_pages()
    aliases = load_aliases()
    labels = {p.url: label_page(decode_html(p.body, None)) for p in pages}
    if args.labels:
        for page in pages:
            lab = labels[page.url]
            counts = Counter(s.kind for s in lab.snippets)
            print(f"{page.site}/{page.slug}: body={lab.body_tag} snippets={dict(counts)}")
    print(
        f"{len(pages)} pages, {sum(len(x.snippets) for x in labels.values())} boilerplate "
        f"snippets, {sum(len(gold_names(p.gold)) for p in pages if p.gold)} gold names"
    )
    print(
        f"{'extractor':<12} {'names kept':>12} {'body kept':>11} {'leaked':>10} {'pages/s':>9}"
        "  leaked by kind"
    )
    for name, extract in EXTRACTORS.items():
        result = score(extract, pages, labels, aliases)
        rate = speed(extract, pages, args.repeat)
        kinds = ", ".join(f"{k} {v}" for k, v in result.leaked_kinds.most_common()) or "-"
        print(
            f"{name:<12} {result.names_kept:>5}/{result.names:<6} "
            f"{result.body_kept:>5}/{result.body_blocks:<5} "
            f"{result.leaked:>4}/{result.snippets:<5} {rate:>9.0f}  {kinds}"
        )
        if args.details:
            print("\n".join(result.details))
    per_page = [len(p.body) for p in pages]
    print(f"page size: median {statistics.median(per_page) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
