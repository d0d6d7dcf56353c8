"""Finding entity names in a question: any alias, any script, any case, small typos, surnames.

``candidate_spans`` lists every stretch of a question that could be a name (word n-grams,
katakana runs and their parts, kanji substrings); ``name_spans`` the stretches that look
like proper names (capitalised words, katakana, Latin words in Japanese) — the ones a typo
or a surname may hide in, and the ones reported back when nothing knows them.
``AliasMatcher`` is an in-memory ``EntityMatcher`` over (alias, name, kind) triples: exact
normalised aliases first, then a unique surname, then a unique close spelling.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from newsbot.core.ask_lexicon import (
    EN_COMMON,
    EN_TRIGGERS,
    EN_WANT,
    GOVERNMENT_EN,
    GOVERNMENT_JA,
    GOVERNMENTS,
    JA_COMMON_KATAKANA,
    JA_LATIN_COMMON,
    PLACE_WORDS,
)
from newsbot.core.registry import normalise_name

MAX_NGRAM = 6
MAX_KANJI = 8
HOW_RANK = {"exact": 0, "surname": 1, "fuzzy": 2}

_L = "A-Za-z0-9\u00c0-\u024f"
LATIN_TOKEN = re.compile(rf"[{_L}](?:[{_L}.:&+'’\-]*[{_L}+])?")
_KANA = "\u30a1-\u30fa\u30fc\uff66-\uff9f"
KATAKANA_RUN = re.compile(rf"[{_KANA}](?:[{_KANA}・･]*[{_KANA}])?")
KANJI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々]+")
_POSSESSIVE = re.compile(r"['’]s?$")
# "the SoftBank-led round", "Paris-based Mistral": a name and a modifier, one token.
MODIFIER = re.compile(
    r"-(?:led|co-led|backed|funded|financed|owned|based|born|headquartered|made|built|focused|"
    r"linked|affiliated|controlled|run|operated|listed|founded|style|like|era|powered|centric|"
    r"native|first|only|specific|sized|scale|level|wide|heavy|friendly|dominated|bound)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named at ``text[start:end]``: its canonical ``name`` and ``kind``."""

    start: int
    end: int
    surface: str
    name: str
    kind: str
    how: str = "exact"  # exact | surname | fuzzy
    maker: str | None = None  # for a product: the company that makes it, when known


class EntityMatcher(Protocol):
    """Finds the entities a question names (whatever knows them: registry, knowledge base)."""

    def find(self, text: str) -> Sequence[Mention]: ...


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the question; ``proper`` when it looks like a proper name."""

    start: int
    end: int
    text: str
    proper: bool = True
    compound: bool = False  # part of a compound noun: a description, never an unknown name


def latin_tokens(text: str) -> list[Span]:
    """Latin words with their offsets; a trailing possessive ('s) is left out."""
    found = []
    for m in LATIN_TOKEN.finditer(text):
        word = m.group()
        for pattern in (_POSSESSIVE, MODIFIER):
            cut = pattern.search(word)
            if cut and len(word) - len(cut.group()) >= 1:
                word = word[: cut.start()]
        found.append(Span(m.start(), m.start() + len(word), word))
    return found


def modifier_after(text: str, end: int) -> str | None:
    """The modifier a name carries ("led" in "SoftBank-led"), lower case, or None."""
    m = re.match(r"-[A-Za-z]+(?:-[A-Za-z]+)?", text[end:])
    return m.group()[1:].lower() if m and MODIFIER.fullmatch(m.group()) else None


def candidate_spans(text: str) -> list[Span]:
    """Every stretch that could be a name, longest first."""
    spans = _latin_ngrams(text) + _katakana_parts(text) + _kanji_substrings(text)
    spans += _mixed_substrings(text) + _units(text)
    return sorted(set(spans), key=lambda s: (-(s.end - s.start), s.start))


_UNIT = re.compile(
    rf"\b([{_L}][{_L}.&-]*)['’]s\s+((?:[a-z]+\s+){{0,2}}?[a-z]+)\s+(?:unit|business|division|arm|"
    r"subsidiary|segment|operations)\b"
)


def _units(text: str) -> list[Span]:
    """"ABB's robotics unit" may be stored as "ABB Robotics", "Google's cloud business" as
    "Google Cloud": the owner and the unit's words as one name."""
    return [Span(m.start(), m.end(), f"{m.group(1)} {m.group(2)}") for m in _UNIT.finditer(text)]


def _latin_ngrams(text: str) -> list[Span]:
    tokens = latin_tokens(text)
    spans = []
    for i in range(len(tokens)):
        for j in range(i, min(i + MAX_NGRAM, len(tokens))):
            if j > i and not _joins(text[tokens[j - 1].end : tokens[j].start]):
                break
            start, end = tokens[i].start, tokens[j].end
            spans.append(Span(start, end, text[start:end]))
    return spans


def _joins(gap: str) -> bool:
    """Words of one name: a space, an abbreviation's stop and a space ("U.S. government"),
    an ampersand ("Weights & Biases")."""
    return gap.isspace() or gap == " & " or (gap[:1] == "." and gap[1:].isspace() and len(gap) > 1)


def _katakana_parts(text: str) -> list[Span]:
    spans = []
    for m in KATAKANA_RUN.finditer(text):
        parts = [p for p in re.finditer(r"[^・･]+", m.group())]
        for i in range(len(parts)):
            for j in range(i, len(parts)):
                start, end = m.start() + parts[i].start(), m.start() + parts[j].end()
                spans.append(Span(start, end, text[start:end]))
        tail = re.match(rf"\s?[{_L}]+", text[m.end() :])  # サカナAI, スペースX
        if tail:
            end = m.end() + tail.end()
            spans.append(Span(m.start(), end, text[m.start() : end]))
    return spans


def _kanji_substrings(text: str) -> list[Span]:
    spans = []
    for m in KANJI_RUN.finditer(text):
        run = m.group()
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + MAX_KANJI) + 1):
                spans.append(Span(m.start() + i, m.start() + j, run[i:j]))
    return spans


MIXED_RUN = re.compile(rf"[{_L}{_KANA}\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af々&.・-]+")


def _mixed_substrings(text: str) -> list[Span]:
    """Names mixing scripts without spaces ("三菱UFJ", "日本IBM", "AP通信")."""
    spans = []
    for m in MIXED_RUN.finditer(text):
        run = m.group()
        if run.isascii() or not re.search(rf"[{_L}]", run):
            continue
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + 2 * MAX_KANJI) + 1):
                spans.append(Span(m.start() + i, m.start() + j, run[i:j]))
    return spans


def name_spans(text: str, lang: str) -> list[Span]:
    """Stretches that look like names: the ones typos and surnames are looked for in, and
    (when ``proper``) the ones reported when nothing knows them."""
    if lang == "ja":
        return _ja_name_spans(text)
    return _en_name_spans(text)


def _looks_proper(word: str) -> bool:
    return any(c.isupper() for c in word) or (any(c.isdigit() for c in word) and
                                              any(c.isalpha() for c in word))


def _en_name_spans(text: str) -> list[Span]:
    tokens = latin_tokens(text)
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if _looks_proper(tok.text) and _can_start(tok.text):
            j = i
            while j + 1 < len(tokens) and _looks_proper(tokens[j + 1].text) and (
                text[tokens[j].end : tokens[j + 1].start] in (" ", " & ")
            ):
                j += 1
            place = modifier_after(text, tokens[j].end) in _PLACE_MODIFIERS
            spans.append(Span(tok.start, tokens[j].end, text[tok.start : tokens[j].end],
                              compound=place))
            i = j + 1
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is not None and text[tok.end : after.start] == " " and _plain_pair(tok.text,
                                                                                    after.text):
            spans.append(Span(tok.start, after.end, text[tok.start : after.end], proper=False))
        if _plain_word_worth_fuzzing(tok.text):
            spans.append(Span(tok.start, tok.end, tok.text, proper=False))
        i += 1
    return spans


def _plain_pair(first: str, second: str) -> bool:
    """Two lowercase words that may be one name with a typo ("thinkng machines")."""
    return all(w.isalpha() and w.islower() and len(w) >= 3 and w not in EN_COMMON and
               not _trigger_word(w) for w in (first, second)) and len(first + second) >= 8


def _trigger_word(low: str) -> bool:
    patterns = [p for p, _ in EN_TRIGGERS] + [p for p, _ in EN_WANT]
    return any(p.fullmatch(low) or p.match(low) for p in patterns)


_PLACE_MODIFIERS = frozenset("based born headquartered made built style like era".split())


def _can_start(word: str) -> bool:
    low = word.casefold()
    if low in EN_COMMON or len(word) < 2 or word.isdigit():
        return False
    if "-" in low and low.split("-")[0] in PLACE_WORDS:
        return False  # "Japanese-language", "US-made": a description
    return not re.fullmatch(r"(?:19|20)\d\d|[$€£¥]?\d[\d.,]*[kmbt]?n?", low)


def _plain_word_worth_fuzzing(word: str) -> bool:
    """A lowercase word that is no question word and no trigger: maybe a lowercase typo."""
    low = word.casefold()
    if len(low) < 6 or low in EN_COMMON or not low.isalpha():
        return False
    return not _trigger_word(low)


KANJI_PERSON = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff々]{2,6})(?=氏|さん|社長|会長)")


def _ja_name_spans(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), m.group(1)) for m in KANJI_PERSON.finditer(text)]
    for m in KATAKANA_RUN.finditer(text):
        word = m.group()
        if len(word) >= 2 and word not in JA_COMMON_KATAKANA and not _common_compound(word):
            compound = _in_compound(text, m.start(), m.end())
            spans.append(Span(m.start(), m.end(), word, compound=compound))
    tokens = latin_tokens(text)
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and text[tokens[j].end : tokens[j + 1].start] == " ":
            j += 1
        words = [t.text.casefold() for t in tokens[i : j + 1]]
        if not all(w in JA_LATIN_COMMON or w.isdigit() for w in words):
            start, end = tokens[i].start, tokens[j].end
            spans.append(Span(start, end, text[start:end]))
        i = j + 1
    return sorted(spans, key=lambda s: s.start)


_NOUN_CHAR = re.compile(rf"[{_L}{_KANA}\u3400-\u4dbf\u4e00-\u9fff々]")
_NAME_SUFFIX = re.compile(r"^(?:社|氏|さん|様|グループ|ホールディングス|株式会社|Inc|Corp|Labs?|CEO|CTO|CFO|"
                          r"COO|CPO|元|前|現|社長|会長|共同|最高|創業者)")


def _in_compound(text: str, start: int, end: int) -> bool:
    """A katakana word joined to other words of a compound noun ("モビリティAI基盤", "AIブラウザー",
    "ロボティクス新興"): a loanword describing something, not a name of its own."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if after and _NOUN_CHAR.match(after) and not _NAME_SUFFIX.match(text[end:]):
        return True
    return bool(before and _NOUN_CHAR.match(before) and not re.match(r"[元米英仏独中日韓]", before))


def _common_compound(word: str) -> bool:
    return any(word.startswith(c) or word.endswith(c) for c in JA_COMMON_KATAKANA if len(c) >= 4
               and len(word) - len(c) <= 2)


# ---------------------------------------------------------------- in-memory matcher


@dataclass(frozen=True, slots=True)
class _Known:
    alias: str
    name: str
    kind: str
    ambiguous: bool = False


class AliasMatcher:
    """An ``EntityMatcher`` over known (alias, canonical name, kind) triples.

    Case and width never matter except for ``ambiguous`` aliases (common words such as
    "Glean"), which must be written exactly. A person's surname alone finds them when no
    other known person has it; a spelling within one or two edits of exactly one entity's
    alias finds it too.
    """

    def __init__(
        self, names: Iterable[tuple[str, str, str] | tuple[str, str, str, bool]],
        *, normalise: Callable[[str], str] = normalise_name,
    ) -> None:  # fmt: skip
        self.normalise = normalise
        self.exact: dict[str, list[_Known]] = defaultdict(list)
        self.surnames: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for item in names:
            known = _Known(*item)
            norm = normalise(known.alias)
            if norm:
                self.exact[norm].append(known)
                if known.kind == "person":
                    self._add_surname(known)
        self.fuzzy_keys = [k for k, v in self.exact.items()
                           if len(k) >= 5 and not all(x.ambiguous for x in v)]  # fmt: skip

    def _add_surname(self, known: _Known) -> None:
        parts = re.split(r"[\s・･]+", known.alias.strip())
        if len(parts) >= 2:
            last = self.normalise(parts[-1])
            if len(last) >= 3 or (len(last) >= 2 and not last.isascii()):
                self.surnames[last].add((known.name, known.kind))

    def find(self, text: str) -> list[Mention]:
        """Every known entity the text names, left to right, without overlaps."""
        found = self.exact_mentions(text)
        lang = "ja" if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text) else "en"
        for span in name_spans(text, lang):
            if not any(m.start < span.end and span.start < m.end for m in found):
                found.extend(self.loose_mentions(span))
        return merge_mentions(found)

    def exact_mentions(self, text: str) -> list[Mention]:
        found = government_mentions(text)
        for span in candidate_spans(text):
            known = self._best(span.text)
            if known is not None:
                found.append(Mention(span.start, span.end, span.text, known.name, known.kind))
        return merge_mentions(found)

    def _best(self, surface: str) -> _Known | None:
        """The entity a span names: an alias spelled like it first ("SoftBank" is SoftBank
        Group, not "SoftBank Corp." whose normalised form is the same), then the shortest."""
        fits = [k for k in self.exact.get(self.normalise(surface), ()) if _surface_ok(surface, k)]
        folded = surface.casefold()
        fits.sort(key=lambda k: (k.alias.casefold() != folded, len(k.alias)))
        return fits[0] if fits else None

    def loose_mentions(self, span: Span) -> list[Mention]:
        """A surname or a close spelling for one name-like span (or one of its words)."""
        pieces = [span] + ([] if " " not in span.text else [
            Span(span.start + m.start(), span.start + m.end(), m.group(), span.proper)
            for m in re.finditer(r"\S+", span.text)])  # fmt: skip
        for piece in pieces:
            hit = self._surname(piece) or self._fuzzy(piece)
            if hit is not None:
                return [hit]
        return []

    def _surname(self, span: Span) -> Mention | None:
        if not span.proper:
            return None
        owners = self.surnames.get(self.normalise(span.text), set())
        if len(owners) != 1:
            return None
        name, kind = next(iter(owners))
        return Mention(span.start, span.end, span.text, name, kind, "surname")

    def _fuzzy(self, span: Span) -> Mention | None:
        norm = self.normalise(span.text)
        hits = close_spellings(norm, self.fuzzy_keys)
        owners = {(k.name, k.kind) for key in hits for k in self.exact[key] if not k.ambiguous}
        if len(owners) != 1:
            return None
        name, kind = owners.pop()
        return Mention(span.start, span.end, span.text, name, kind, "fuzzy")


def government_mentions(text: str) -> list[Mention]:
    """"the U.S. government", 「米政府」: a government, by the name the extractor stores."""
    found = []
    for pattern in (GOVERNMENT_EN, GOVERNMENT_JA):
        for m in pattern.finditer(text):
            key = _government_key(m.group("place"))
            if key is not None:
                name = GOVERNMENTS[key][0]
                found.append(Mention(m.start(), m.end(), m.group(), name, "company"))
    return found


_GOVERNMENT_KEYS = {
    "us": "U.S.", "usa": "U.S.", "unitedstates": "U.S.", "american": "U.S.", "federal": "U.S.",
    "米": "U.S.", "米国": "U.S.", "アメリカ": "U.S.", "米連邦": "U.S.", "uk": "UK", "british": "UK",
    "britain": "UK", "英": "UK", "英国": "UK", "イギリス": "UK", "japan": "Japanese",
    "japanese": "Japanese", "日本": "Japanese", "china": "Chinese", "chinese": "Chinese",
    "中国": "Chinese", "france": "French", "french": "French", "仏": "French",
    "フランス": "French", "germany": "German", "german": "German", "独": "German",
    "ドイツ": "German", "southkorea": "South Korean", "southkorean": "South Korean",
    "korea": "South Korean", "korean": "South Korean", "韓国": "South Korean",
    "canada": "Canadian", "canadian": "Canadian", "カナダ": "Canadian", "saudi": "Saudi",
    "saudiarabia": "Saudi", "saudiarabian": "Saudi", "サウジ": "Saudi", "サウジアラビア": "Saudi",
    "emirati": "Emirati", "uae": "Emirati", "アラブ首長国連邦": "Emirati", "india": "Indian",
    "indian": "Indian", "インド": "Indian", "taiwan": "Taiwanese", "taiwanese": "Taiwanese",
    "台湾": "Taiwanese", "singapore": "Singaporean", "singaporean": "Singaporean",
    "シンガポール": "Singaporean", "italy": "Italian", "italian": "Italian", "イタリア": "Italian",
    "spain": "Spanish", "spanish": "Spanish", "スペイン": "Spanish", "dutch": "Dutch",
    "netherlands": "Dutch", "オランダ": "Dutch", "israel": "Israeli", "israeli": "Israeli",
    "イスラエル": "Israeli", "australia": "Australian", "australian": "Australian",
    "オーストラリア": "Australian",
}  # fmt: skip


def _government_key(place: str) -> str | None:
    return _GOVERNMENT_KEYS.get(re.sub(r"[\s.]", "", place).casefold())


def government_spellings(name: str) -> tuple[str, ...]:
    """Every spelling a knowledge base may hold for a government ``government_mentions`` named."""
    return next((names for names in GOVERNMENTS.values() if names[0] == name), (name,))


def close_spellings(norm: str, keys: Sequence[str]) -> list[str]:
    """The keys nearest ``norm`` within a typo's reach (same first letter, 1–2 edits)."""
    if len(norm) < 5 or not keys:
        return []
    reach = 1 if len(norm) < 8 else 2
    near = process.extract(norm, keys, scorer=Levenshtein.distance, score_cutoff=reach,
                           limit=10)  # fmt: skip
    found = [(str(key), int(dist)) for key, dist, _ in near if key[0] == norm[0] and key != norm]
    if not found:
        return []
    best = min(dist for _, dist in found)
    return [key for key, dist in found if dist == best]


def _surface_ok(surface: str, known: _Known) -> bool:
    if known.ambiguous:
        return surface == known.alias
    if surface.islower() and surface.isascii() and surface.casefold() in EN_COMMON:
        return False
    return not (surface.islower() and len(surface) <= 2)


def merge_mentions(found: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: exact before loose, longer before shorter, then leftmost."""
    kept: list[Mention] = []
    ranked = sorted(found, key=lambda m: (HOW_RANK.get(m.how, 3), -(m.end - m.start), m.start))
    for m in ranked:
        if not any(k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
