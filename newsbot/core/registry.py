"""The entity registry: known companies, people and products and every name they go by.

Pure: a ``Registry`` is built from parsed TOML (a dict). ``Registry.default()`` reads the
packaged ``newsbot/data/entities.toml`` once (the one read of package data, cached).

Two services: ``lookup`` resolves one name (any alias, either script) through
``normalise_name``; ``find_mentions`` finds every registry name in a text with one compiled
trie-shaped regex (leftmost, longest match; Latin names on word boundaries and case-aware,
Japanese names never inside a longer katakana run).
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from newsbot.errors import ConfigError

__all__ = ["KINDS", "Entry", "Mention", "Registry", "normalise_name"]

KINDS = ("company", "person", "product")
_OPTIONAL_KEYS = ("parent", "org", "company", "ticker", "kind_hint")

# ---------------------------------------------------------------- normalisation

_LATIN = "0-9a-z\u00c0-\u024f"
_LATIN_ANY = "0-9A-Za-z\u00c0-\u024f"
_KATAKANA = "\u30a1-\u30fa\u30fc\uff66-\uff9f"
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff"
_COUNTRY_PREFIX_RE = re.compile(rf"^[米英仏独中日韓加豪印]\s*(?=[{_LATIN}{_KATAKANA}])")
_JA_LEGAL = r"株式会社|\(株\)|有限会社|合同会社"
_LEADING_LEGAL_RE = re.compile(rf"^(?:{_JA_LEGAL})\s*")
_TRAILING_LEGAL_RE = re.compile(
    r"(?:[\s,]+(?:inc|incorporated|corp|corporation|ltd|limited|llc|l\.l\.c|co|plc|gmbh"
    r"|s\.?a|s\.a\.s|sas|se|ag|n\.v|nv|b\.v|bv|k\.k|kk|g\.k|gk|pbc)\.?"
    rf"|\s*(?:{_JA_LEGAL})|(?<=[{_LATIN}{_KATAKANA}])社)$"
)
_DROPPED_CATEGORIES = frozenset("PZSC")


def normalise_name(s: str) -> str:
    """The comparison key of a name: NFKC, casefolded, without spaces, punctuation, symbols
    (but "+": "Alexa+" is not "Alexa"), a leading country prefix (米, 英, ...) or legal
    affixes (Inc., 株式会社, ...).

    Never raises; ``normalise_name(normalise_name(s)) == normalise_name(s)``.
    """
    return _normalise(s, legal=True)


def _normalise(s: str, *, legal: bool) -> str:
    """Apply one normalisation pass until nothing changes (bounded)."""
    out = s
    for _ in range(8):
        nxt = _normalise_once(out, legal)
        if nxt == out:
            break
        out = nxt
    return out


def _normalise_once(s: str, legal: bool) -> str:
    t = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold()).strip()
    t = _strip_affixes(t, legal)
    return "".join(
        ch for ch in t if ch == "+" or unicodedata.category(ch)[0] not in _DROPPED_CATEGORIES
    )


def _strip_affixes(t: str, legal: bool) -> str:
    while True:
        before = t
        t = _COUNTRY_PREFIX_RE.sub("", t, count=1)
        if legal:
            t = _LEADING_LEGAL_RE.sub("", t, count=1)
            stripped = _TRAILING_LEGAL_RE.sub("", t, count=1).rstrip()
            t = stripped or t
        if t == before:
            return t


# ---------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Entry:
    """One known entity. ``parent`` (company), ``org`` (person) and ``company`` (product)
    name another entry; ``ambiguous`` marks a canonical name that is also a common word,
    ``ambiguous_aliases`` short forms with the same problem; ``offers`` what a company sells
    others as a service ("cloud", "chips", "models"), so a contract for it has it as vendor."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    ambiguous: bool = False
    ambiguous_aliases: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    parent: str | None = None
    org: str | None = None
    company: str | None = None
    ticker: str | None = None
    kind_hint: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, its aliases and its ambiguous aliases."""
        return (self.name, *self.aliases, *self.ambiguous_aliases)

    @property
    def affiliation(self) -> str | None:
        """The related entry's name: parent company, employer or maker."""
        return self.parent or self.org or self.company

    def is_ambiguous(self, surface: str) -> bool:
        """Whether this name of the entry needs context to count as a mention."""
        return (self.ambiguous and surface == self.name) or surface in self.ambiguous_aliases


@dataclass(frozen=True, slots=True)
class Mention:
    """A registry name found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entry: Entry
    ambiguous: bool = False


# ---------------------------------------------------------------- loading


def _str_tuple(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _entry_from_table(kind: str, table: Mapping[str, Any], index: int) -> Entry:
    where = f"registry [[{kind}]] #{index + 1}"
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: 'name' must be a non-empty string")
    extra = {k: table[k] for k in _OPTIONAL_KEYS if table.get(k) is not None}
    if not all(isinstance(v, str) for v in extra.values()):
        raise ConfigError(f"{where} ({name}): {', '.join(extra)} must be strings")
    return Entry(
        name=name.strip(),
        kind=kind,
        aliases=_str_tuple(table.get("aliases"), f"{where} ({name}) aliases"),
        ambiguous=bool(table.get("ambiguous", False)),
        ambiguous_aliases=_str_tuple(table.get("ambiguous_aliases"), f"{where} ({name})"),
        offers=_str_tuple(table.get("offers"), f"{where} ({name}) offers"),
        **extra,
    )


def _entries_from_data(data: Mapping[str, Any]) -> Iterator[Entry]:
    for kind in data:
        if kind not in KINDS:
            raise ConfigError(f"registry: unknown section [[{kind}]] (expected {KINDS})")
        tables = data[kind]
        if not isinstance(tables, list):
            raise ConfigError(f"registry: [[{kind}]] must be an array of tables")
        for i, table in enumerate(tables):
            yield _entry_from_table(kind, table, i)


def _merge_entries(old: Entry, new: Entry) -> Entry:
    """``new`` adds names to ``old``; its set attributes win."""
    seen = set(old.names)
    aliases = old.aliases + tuple(a for a in new.names if a not in seen and a != old.name)
    attrs = {k: getattr(new, k) for k in _OPTIONAL_KEYS if getattr(new, k) is not None}
    return replace(
        old,
        aliases=tuple(a for a in dict.fromkeys(aliases) if a not in new.ambiguous_aliases),
        ambiguous=old.ambiguous or new.ambiguous,
        ambiguous_aliases=tuple(dict.fromkeys(old.ambiguous_aliases + new.ambiguous_aliases)),
        offers=tuple(dict.fromkeys(old.offers + new.offers)),
        **attrs,
    )


@functools.cache
def _default_registry() -> Registry:
    text = resources.files("newsbot").joinpath("data").joinpath("entities.toml").read_text("utf-8")
    return Registry.from_toml_text(text)


# ---------------------------------------------------------------- registry


class Registry:
    """Known entities with a name index and a text matcher (built on first use).

    Immutable: ``merge`` and ``add`` return a new registry, so the cached default one is
    never changed by a caller's additions.
    """

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._entries: tuple[Entry, ...] = tuple(entries)
        self._full: dict[str, Entry] = {}
        self._base: dict[str, Entry] = {}
        self._exact_base: set[str] = set()
        for entry in self._entries:
            self._index(entry)
        self._matcher: _Matcher | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Registry:
        """From parsed TOML: ``{"company": [{...}], "person": [...], "product": [...]}``."""
        return cls(_entries_from_data(data))

    @classmethod
    def from_toml_text(cls, text: str) -> Registry:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"registry: invalid TOML: {exc}") from exc
        return cls.from_data(data)

    @classmethod
    def default(cls) -> Registry:
        """The packaged registry (read and built once per process)."""
        return _default_registry()

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"Registry({len(self._entries)} entries)"

    # -- building

    def _index(self, entry: Entry) -> None:
        for alias in entry.names:
            full, base = _normalise(alias, legal=False), normalise_name(alias)
            if full:
                self._full[full] = entry
            if not base:
                continue
            if full == base:
                self._base[base] = entry
                self._exact_base.add(base)
            elif base not in self._exact_base:
                self._base[base] = entry

    def merge(self, other: Registry | Iterable[Entry]) -> Registry:
        """A registry with ``other``'s entries added; an entry that names an existing one of
        the same kind (by any name) extends it, and its attributes win."""
        entries = list(self._entries)
        position = {(e.kind, e.name): i for i, e in enumerate(entries)}
        index = Registry(entries)
        for new in other.entries() if isinstance(other, Registry) else other:
            old = index._find(new)
            if old is None:
                position[(new.kind, new.name)] = len(entries)
                entries.append(new)
                index._index(new)
                continue
            i = position[(old.kind, old.name)]
            entries[i] = _merge_entries(entries[i], new)
            index._index(entries[i])
        return Registry(entries)

    def _find(self, entry: Entry) -> Entry | None:
        for name in entry.names:
            found = self.lookup(name, kind=entry.kind)
            if found is not None:
                return found
        return None

    def add(self, name: str, kind: str, aliases: Iterable[str] = (), **attrs: Any) -> Registry:
        """A registry with one more entry (or more names for an existing one)."""
        if kind not in KINDS:
            raise ConfigError(f"registry: unknown kind {kind!r} for {name!r} (expected {KINDS})")
        if not name.strip():
            raise ConfigError("registry: an entry needs a non-empty name")
        table = {"name": name, "aliases": list(aliases), **attrs}
        return self.merge([_entry_from_table(kind, table, 0)])

    # -- queries

    def entries(self, kind: str | None = None) -> list[Entry]:
        """All entries (of one kind), sorted by name."""
        chosen = (e for e in self._entries if kind is None or e.kind == kind)
        return sorted(chosen, key=lambda e: (e.name.casefold(), e.name))

    def lookup(self, name: str, kind: str | None = None) -> Entry | None:
        """The entry one of whose names normalises like ``name``, else None.

        A name that differs from an alias only by a legal suffix resolves to the entry that
        owns the suffixless form, so "SoftBank" and "SoftBank Corp." stay apart.
        """
        entry = self._full.get(_normalise(name, legal=False))
        if entry is None:
            entry = self._base.get(normalise_name(name))
        if entry is None or (kind is not None and entry.kind != kind):
            return None
        return entry

    def find_mentions(self, text: str, *, require_context: bool = True) -> list[Mention]:
        """Every registry name in ``text``, left to right, longest match first.

        With ``require_context`` an ambiguous name ("Harvey", "Cursor", "アーム") counts
        only with context: exact case, not part of a longer capitalised name, and at the start
        of a sentence only with a company cue after it; Japanese ones only after a country
        prefix (米...) or before 社 or a bracket.
        """
        if self._matcher is None:
            self._matcher = _Matcher(self._entries)
        return self._matcher.find(text, require_context)


# ---------------------------------------------------------------- matching

_TEXT_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TEXT_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2009: 0x20, 0x202F: 0x20, 0x2007: 0x20})
_TEXT_FOLD.update({0x2018: 0x27, 0x2019: 0x27, 0x2010: 0x2D, 0x2011: 0x2D, 0x0130: 0x49})
_FOLDABLE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TEXT_FOLD)) + "]")
_JA_SEPARATORS = ("・", "", "･", "·", " ", "＝", "=")
_HAS_KANA_RE = re.compile(f"[{_KATAKANA}]")
_VERSION_GAP_RE = re.compile(r"(?<=[A-Za-z])[ -](?=\d)|(?<=\d)[ -](?=[A-Za-z])")
_LATIN_RE = re.compile(f"[{_LATIN}]")
_LATIN_RUN_RE = re.compile(f"[{_LATIN}]+")
_LATIN_ANY_RUN_RE = re.compile(f"[{_LATIN_ANY}]+")
_KATAKANA_RE = re.compile(f"[{_KATAKANA}]")
_KANJI_ONLY_RE = re.compile(f"^[{_KANJI}]{{1,2}}$")
_SENTENCE_END = frozenset('.!?。！？\n"“「『(（:;•·')
_CUE_AFTER_RE = re.compile(
    r"(?:'s\b|’s\b|,?\s+(?:Inc|Corp|Ltd|LLC|Labs?|AI|Technologies|Capital|Ventures|said|says"
    r"|announced|announces|raised|raises|launched|launches|acquired|acquires|agreed|hired"
    r"|reported|CEO|co-founder|founder|maker|developer|parent|owner)\b|,\s+(?:a|an|the|which|whose)\s|\s*[(（])"
)
_CAPITALISED_WORD_AFTER_RE = re.compile(r"[ \t]+(?:[A-Z][\w.&-]*|\d)")
_CAPITALISED_WORD_BEFORE_RE = re.compile(r"(?:^|\W)([A-Z][a-z]+)[ \t]+$")
_COMPANY_CUE_WORDS = frozenset(
    "Inc Corp Ltd LLC Lab Labs AI Technologies Capital Ventures CEO CTO CFO COO".split()
)
_LEAD_IN_WORDS = frozenset(
    "Startup Rival Investor Investors By At From With And Like As Both Including".split()
)
_JA_CONTEXT_BEFORE = frozenset("米英仏独中日韓加豪印")
_JA_CONTEXT_AFTER = frozenset("社(（")


def _fold_width(text: str) -> str:
    """Full-width ASCII to ASCII, odd spaces, quotes and hyphens to plain ones; same length."""
    if text.isascii():
        return text  # nothing to fold (a cheap test: Python knows when a str is ASCII)
    return _FOLDABLE_RE.sub(lambda m: chr(_TEXT_FOLD[ord(m.group())]), text)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _fold_text(text: str) -> str:
    """Width-folded, lowercased text of the same length (offsets stay valid)."""
    return _lower_same_length(_fold_width(text))


def _alias_variants(alias: str, kind: str) -> set[str]:
    """Spellings of one alias as texts write it: ・ or spaces between katakana words,
    and for products version numbers written with a space, a hyphen or nothing."""
    variants = {alias}
    if _HAS_KANA_RE.search(alias):
        for sep in ("・", "･", "·"):
            if sep in alias:
                variants |= {alias.replace(sep, other) for other in _JA_SEPARATORS}
        if " " in alias:
            variants |= {alias.replace(" ", other) for other in ("", "・")}
    if kind == "product" and _VERSION_GAP_RE.search(alias):
        variants |= {_VERSION_GAP_RE.sub(sep, alias) for sep in (" ", "-", "")}
    return variants


def _end_boundary(key: str) -> str:
    last = key[-1]
    if _LATIN_RE.match(last):
        return f"(?![{_LATIN}])" + (r"(?!\.[0-9])" if last.isdigit() else "")
    if _KATAKANA_RE.match(last):
        return f"(?![{_KATAKANA}])"
    if _KANJI_ONLY_RE.match(key):
        return f"(?![{_KANJI}])"
    return ""


@dataclass(slots=True)
class _Candidate:
    alias: str
    entry: Entry
    ambiguous: bool


@dataclass(slots=True)
class _TrieNode:
    children: dict[str, _TrieNode] = field(default_factory=dict)
    end: str | None = None  # end-boundary pattern when a key ends here


def _start_class(key: str) -> str:
    if _LATIN_RE.match(key[0]):
        return "latin"
    return "kana" if _KATAKANA_RE.match(key[0]) else "other"


def _trie_pattern(node: _TrieNode) -> str:
    alternatives = [
        re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.children.items())
    ]
    if node.end is not None:
        alternatives.append(node.end)
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


class _Matcher:
    """All registry spellings compiled into trie-shaped regexes, tried at token starts.

    A trie-shaped pattern costs the depth of a name, not the number of names, and tries
    longer continuations before ending, so the longest name wins. It is tried only where a
    name can start: a Latin word that begins some name, the first character of a katakana
    run, or a character that begins a name in another script.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.table: dict[str, list[_Candidate]] = {}
        for entry in entries:
            for alias in entry.names:
                for variant in _alias_variants(alias, entry.kind):
                    candidate = _Candidate(variant, entry, entry.is_ambiguous(alias))
                    self.table.setdefault(_fold_text(variant), []).append(candidate)
        self.ends = {key: re.compile(_end_boundary(key)) for key in self.table}
        self.lengths = sorted({len(k) for k in self.table}, reverse=True)
        roots = self._tries()
        self.patterns = {cls: re.compile(_trie_pattern(root)) for cls, root in roots.items()}
        self.latin_first = {
            _LATIN_RUN_RE.match(k).group()  # type: ignore[union-attr]
            for k in self.table
            if _LATIN_RE.match(k[0])
        }
        self.kana_first = set(roots["kana"].children)
        self.other_first = set(roots["other"].children)
        exact = {
            _LATIN_ANY_RUN_RE.match(_fold_width(c.alias)).group()  # type: ignore[union-attr]
            for cands in self.table.values()
            for c in cands
            if _LATIN_RE.match(c.alias[0]) and not c.alias[0].isupper()
        }
        self.tokens = self._token_pattern(exact)
        self.tokens_without_runs = self._token_pattern_without_runs()
        self.exact_runs = self._exact_runs_pattern(exact)

    def _token_pattern(self, exact: set[str]) -> re.Pattern[str]:
        """Where a name can start, in width-folded text that keeps its case: a capitalised
        Latin word, a word that begins a lowercase or numeric name exactly (``exact``: "xAI",
        "01.AI"), the start of a katakana run, or a character that begins a name in another
        script."""
        runs = "|".join(re.escape(r) for r in sorted(exact, key=len, reverse=True))
        word = f"[A-Z\u00c0-\u00de][{_LATIN_ANY}]*|(?:{runs})(?![{_LATIN_ANY}])"
        latin = f"(?<![{_LATIN_ANY}])(?:{word})"
        parts = [latin, f"(?<![{_KATAKANA}])[{re.escape(''.join(sorted(self.kana_first)))}]"]
        if self.other_first:
            parts.append(f"[{re.escape(''.join(sorted(self.other_first)))}]")
        return re.compile("|".join(parts))

    def _token_pattern_without_runs(self) -> re.Pattern[str]:
        """The tokens of ``_token_pattern`` for a text that holds none of the exact names:
        written to open with one class of every character a token can start with, so the
        engine skips the other positions itself (several times faster); the lookbehinds
        after that character say what ``(?<!...)`` in front of it would."""
        capital = "A-Z\u00c0-\u00de"
        kana = re.escape("".join(sorted(self.kana_first)))
        other = re.escape("".join(sorted(self.other_first)))
        branches = [f"(?<![{_LATIN_ANY}](?s:.))(?<=[{capital}])[{_LATIN_ANY}]*"]
        if kana:
            branches.append(f"(?<![{_KATAKANA}](?s:.))(?<=[{kana}])")
        if other:
            branches.append(f"(?<=[{other}])")
        return re.compile(f"[{capital}{kana}{other}](?:{'|'.join(branches)})")

    @staticmethod
    def _exact_runs_pattern(exact: set[str]) -> re.Pattern[str] | None:
        """Where one of the ``exact`` runs may be: the longer ones anywhere, a single letter
        ("d") only as a word of its own. Every alternative opens with its literal, so the
        engine skips to the characters that can begin one."""
        longer = [re.escape(r) for r in sorted(exact, key=len, reverse=True) if len(r) > 1]
        single = [
            f"{re.escape(r)}(?<![{_LATIN_ANY}](?s:.))(?![{_LATIN_ANY}])"
            for r in sorted(exact)
            if len(r) == 1
        ]
        return re.compile("|".join(longer + single)) if exact else None

    def _starts(self, width_folded: str) -> Iterator[re.Match[str]]:
        """The tokens of a text; the quicker pattern when no exact name can be in it."""
        if self.exact_runs is not None and self.exact_runs.search(width_folded):
            return self.tokens.finditer(width_folded)
        return self.tokens_without_runs.finditer(width_folded)

    def _tries(self) -> dict[str, _TrieNode]:
        roots = {"latin": _TrieNode(), "kana": _TrieNode(), "other": _TrieNode()}
        for key in self.table:
            node = roots[_start_class(key)]
            for ch in key:
                node = node.children.setdefault(ch, _TrieNode())
            node.end = _end_boundary(key)
        return roots

    def _pattern_at(self, token: str) -> re.Pattern[str] | None:
        """The trie to try at a token. The three sets never share a token (Latin words,
        katakana, other characters), so the single-character tests go first."""
        first = token[0]
        if first in self.kana_first:
            return self.patterns["kana"]
        if first in self.other_first:
            return self.patterns["other"]
        if token.lower() in self.latin_first:
            return self.patterns["latin"]
        return None

    def find(self, text: str, require_context: bool) -> list[Mention]:
        width_folded = _fold_width(text)
        folded = _lower_same_length(width_folded)
        found: list[Mention] = []
        pos = 0
        pattern_at = self._pattern_at
        for token in self._starts(width_folded):
            start = token.start()
            if start < pos:
                continue
            pattern = pattern_at(token.group())
            m = pattern.match(folded, start) if pattern is not None else None
            if m is None:
                continue
            mention = self._accept(text, folded, start, m.end(), require_context)
            if mention is None:
                mention = self._shorter(text, folded, start, m.end(), require_context)
            if mention is not None:
                found.append(mention)
                pos = mention.end
        return found

    def _shorter(
        self, text: str, folded: str, start: int, end: int, require_context: bool
    ) -> Mention | None:
        """The longest shorter name at ``start`` that passes, when the longest one did not."""
        for length in self.lengths:
            stop = start + length
            if stop >= end or folded[start:stop] not in self.table:
                continue
            if self.ends[folded[start:stop]].match(folded, stop):
                mention = self._accept(text, folded, start, stop, require_context)
                if mention is not None:
                    return mention
        return None

    def _accept(
        self, text: str, folded: str, start: int, end: int, require_context: bool
    ) -> Mention | None:
        surface = text[start:end]
        width_folded = _fold_width(surface)
        for cand in self.table[folded[start:end]]:
            if not _case_ok(width_folded, cand):
                continue
            if cand.ambiguous and require_context and not _has_context(text, start, end, cand):
                continue
            return Mention(start, end, surface, cand.entry, cand.ambiguous)
        return None


def _case_ok(surface: str, cand: _Candidate) -> bool:
    """Exact spelling always; otherwise a long, unambiguous name written with a capital
    first letter (a headline's caps, "Deepmind"), never a lowercase common word."""
    alias = cand.alias
    if surface == alias:
        return True
    if cand.ambiguous or len(alias) <= 5 or not surface[:1].isupper():
        return False
    return surface.casefold() == alias.casefold()


def _has_context(text: str, start: int, end: int, cand: _Candidate) -> bool:
    if not _LATIN_RE.match(cand.alias[0].lower()):
        return _ja_context(text, start, end)
    if _part_of_longer_name(text, start, end):
        return False
    return not _at_sentence_start(text, start) or bool(_CUE_AFTER_RE.match(text, end))


def _ja_context(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in _JA_CONTEXT_BEFORE or after in _JA_CONTEXT_AFTER


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    """ "Harvey Weinstein", "Sierra Leone", "Alan Turing", "Figure 3": not the company."""
    after = _CAPITALISED_WORD_AFTER_RE.match(text, end)
    if after and after.group().strip().rstrip(".,") not in _COMPANY_CUE_WORDS:
        return True
    before = _CAPITALISED_WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1) not in _LEAD_IN_WORDS


def _at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END
