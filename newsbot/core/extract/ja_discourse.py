"""Who 同社, 同氏, 両社, a bare surname and an omitted subject refer to.

Japanese drops subjects and refers back with 同社 (that company) and 同氏 (that person).
What they mean is the TOPIC in force, at three levels:

- the sentence's: the last は-marked name (ルネサスは…), kept until another replaces it; in a
  list each item starts without one (an item's own head, DeepL：…, is its topic);
- the frame's: the company a heading names, and for a list the one its lead-in sentence is
  about (Hugging Faceの調達の歴史はこんな感じです。), kept for every item of the list;
- the article's: the company the title and the first paragraph are about.

An omitted subject takes the first of these that is set, never merely the last name read:
in a timeline (2013年：米スプリントを買収 / 2016年：英アームを買収) the buyer of each line is
the article's company, not the previous line's target. Only when no topic is known does
salience decide: a mention counts more as topic (は) than as subject (が) than elsewhere, and
counts less with every sentence read since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsbot.core.extract.ja_entities import NEW_ORG_ANAPHORS, Ment

TOPIC_PARTICLES = frozenset(
    ("は", "では", "を巡っては", "をめぐっては", "については", "に至っては")
)
SUBJECT_PARTICLES = frozenset(("が", "も", "が、"))
AGENT_PARTICLES = frozenset(("は", "が", "も", "に至っては", "が、"))
_DECAY = 0.55
_WINDOW = 6
_TOPIC_WINDOW = 10
_GROUP_WINDOW = 15
_SEPARATORS = re.compile(r"[・=＝\s]")
# A page about a person's career: Xさんの経歴まとめ, X氏の歩み.
_CAREER = re.compile(r"\s?(?:経歴|キャリア|略歴|歩み|半生|来歴|軌跡|職歴)")
_ABOUT_MIN = 2.0


@dataclass(slots=True)
class Seen:
    """One mention of a resolved entity."""

    sent: int
    name: str
    kind: str
    weight: float


@dataclass
class Discourse:
    """The article so far: salience of companies and people, groups, surnames."""

    seen: list[Seen] = field(default_factory=list)
    groups: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)
    prior: dict[str, float] = field(default_factory=dict)
    products: list[tuple[int, str]] = field(default_factory=list)
    topics: dict[str, tuple[int, str]] = field(default_factory=dict)
    new_org: tuple[int, str] | None = None
    about: dict[str, float] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    frames: dict[str, str] = field(default_factory=dict)
    lead_in: dict[str, tuple[int, str]] = field(default_factory=dict)
    unit: str = ""
    zone: str = ""
    last_topic: str = ""
    subject: tuple[int, str] | None = None  # the last company subject of a topicless sentence
    speaker: str = ""  # the person the title or lead names first: who 私 is in an interview
    career: str = ""  # the person whose career the page is (Xさんの経歴まとめ)
    turn: bool = False  # the sentence is the speaker's own words (an interview's answer)
    voice: str = ""  # the company the interviewee speaks for (ミナモAIの川井咲CEOに聞く)
    author: str = ""  # the writer of a first-person post (小川健太です。…に転職しました)

    def begin(self, sent: int, kind: str, first: bool, *, lead: bool = False) -> None:
        """A unit starts: a heading opens a section, a list's first item takes the topic of
        the sentence that led into it as the list's frame, an item starts without a topic
        of its own; ``lead`` marks the article's first paragraph."""
        self.zone = "title" if kind == "title" else "lead" if lead else ""
        if kind == "heading":
            self.topics.clear()
            self.last_topic = ""
            self.sections.clear()
            self.frames.clear()
            self.lead_in.clear()
        elif kind == "item":
            if self.unit != "item":
                self.frames = {k: name for k, (at, name) in self.lead_in.items() if sent - at <= 2}
            if first:
                self.topics.clear()
        elif self.unit == "item":
            self.frames.clear()
        self.unit = kind

    def end(self, sent: int, ments: list[Ment], text: str = "") -> None:
        """A prose sentence read: what it is about leads into a list that may follow."""
        if self.unit in ("item", "heading"):
            return
        if self.zone == "title" and not self.career:
            page = [m for m in ments if m.kind == "person" and m.name and m.lp == "の"]
            self.career = next((m.name for m in page if _CAREER.match(text, m.pend)), "")
        if self.zone and not self.voice and _INTERVIEW.search(text):
            self._note_voice(ments)
        self._subject_as_topic(sent, ments, text)
        for kind in ("company", "person"):
            about = _about(ments, kind)
            if about:
                self.lead_in[kind] = (sent, about)

    def _note_voice(self, ments: list[Ment]) -> None:
        """An interview's title or lead: the company the interviewee is named with (Xの川井咲
        CEOに聞く, 川井咲（X代表取締役）に話を聞いた) is what the page is about."""
        for i, m in enumerate(ments):
            if m.kind != "person" or m.name != self.speaker:
                continue
            own = ments[i - 1] if i else None
            if own is not None and own.kind == "company" and own.lp == "の" and own.pend == m.start:
                self.voice = own.name
            elif isinstance(m.extra.get("former"), str):
                self.voice = m.extra["former"]
            if self.voice:
                self.about[self.voice] = self.about.get(self.voice, 0.0) + _ABOUT_MIN
                return

    def _subject_as_topic(self, sent: int, ments: list[Ment], text: str) -> None:
        """新興勢では、米グロックが…を調達した: a sentence with no company topic whose first
        name is a company subject: what a 同社 in the next sentences means, before an older topic."""
        topic = self.topics.get("company")
        if topic is not None and topic[0] == sent:
            return
        first = next((m for m in ments if m.kind in ("company", "unknown", "person")), None)
        if (
            first is not None
            and first.kind != "person"
            and first.lp == "が"
            and first.name
            and not first.quoted
            and not _past(first)
            and not any(m.lp in TOPIC_PARTICLES for m in ments)
            and _SCENE.search(text, 0, first.start - len(first.prefix))
        ):
            self.subject = (sent, first.name)

    def newer_subject(self, at: int, exclude: tuple[str, ...] = ()) -> str | None:
        """The company subject of a recent topicless sentence, when newer than the topic."""
        topic = self.topics.get("company")
        if self.subject is None or at - self.subject[0] > 2 or self.subject[1] in exclude:
            return None
        if topic is not None and (topic[0] >= self.subject[0] or topic[1] == self.main("company")):
            return None  # the company the article is about stays the topic
        return self.subject[1]

    def note(self, sent: int, m: Ment, *, title: bool = False) -> None:
        """Record a resolved mention of sentence ``sent``."""
        weight = _weight(m) * (1.5 if title else 1.0)
        kind = "company" if m.kind == "unknown" else m.kind
        if m.name and not m.quoted and _sets_topic(m, title) and not _past(m):
            self.topics[kind] = (sent, m.name)
            self.last_topic = kind
        if self.unit == "heading" and _heads(m):
            self.sections.setdefault(m.kind, m.name)
        for name in m.all_names if not m.extra.get("licensor") else ():
            self.seen.append(Seen(sent, name, kind, weight))  # not 英アームの設計を基にした
            if title and m.kind == "company" and m.lp in AGENT_PARTICLES | TOPIC_PARTICLES:
                self.prior[name] = self.prior.get(name, 0.0) + 1.0
            if self.zone and kind == "company" and not m.quoted and not m.extra.get("past_of"):
                self.about[name] = self.about.get(name, 0.0) + _about_weight(m, self.zone)
        if m.surface != m.name and m.surface in self.about and m.name:
            # キャップジェミニ in the title, キャップジェミニ（Capgemini） in the lead: one company
            self.about[m.name] = self.about.get(m.name, 0.0) + self.about.pop(m.surface)
        if m.kind == "person" and m.source != "surname" and m.name:
            self._learn_surname(m)
            if self.zone and not self.speaker and m.source != "anaphor":
                self.speaker = m.name
        if m.extra.get("new_org") and m.name and m.source != "anaphor":
            self.new_org = (sent, m.name)

    def note_group(self, sent: int, kind: str, names: tuple[str, ...]) -> None:
        """Coordinated names (AとBは): what a later 両社/両氏 refers to."""
        if len(set(names)) >= 2:
            self.groups.append((sent, kind, names))

    def _learn_surname(self, m: Ment) -> None:
        parts = [p for p in _SEPARATORS.split(m.surface) if p]
        if len(parts) >= 2:
            self.surnames[parts[-1]] = m.name
            self.surnames.setdefault(parts[0], m.name)
        elif re.fullmatch(r"[一-鿿々]{3,5}", m.surface):
            for cut in (1, 2, 3):
                self.surnames.setdefault(m.surface[:cut], m.name)
        for part in m.name.split():
            self.surnames.setdefault(part, m.name)

    def scores(self, kind: str, at: int, exclude: tuple[str, ...] = ()) -> dict[str, float]:
        """Salience of each entity of ``kind`` at sentence ``at``."""
        out: dict[str, float] = {}
        for s in self.seen:
            if s.kind != kind or s.name in exclude or at - s.sent > _WINDOW or s.sent > at:
                continue
            out[s.name] = out.get(s.name, 0.0) + s.weight * _DECAY ** (at - s.sent)
        for name, bonus in self.prior.items():
            if kind == "company" and name in out and name not in exclude:
                out[name] += bonus * 0.6
        return out

    def main(self, kind: str, exclude: tuple[str, ...] = ()) -> str | None:
        """What the article is about: the company its title and first paragraph are about
        (one named in the title, or the topic of the lead; not one the lead only names in
        passing), else the headline's subject."""
        about = [(n, w) for n, w in self.about.items() if w >= _ABOUT_MIN]
        headline = [(n, w) for n, w in self.prior.items() if w >= 1.0]
        ranked = sorted(about or headline, key=lambda item: -item[1])
        return next((name for name, _ in ranked if name not in exclude), None) if kind else None

    def framed(self, kind: str, at: int, exclude: tuple[str, ...] = ()) -> str | None:
        """The topic of the list being read, or in prose of the sentence before (the one
        name it named); else the section's; else (companies) the article's."""
        last = self.lead_in.get(kind)
        here = self.frames.get(kind) if self.unit == "item" else None
        if here is None and last is not None and at - last[0] <= 1 and self.unit != "item":
            here = last[1]
        for name in (here, self.sections.get(kind)):
            if name and name not in exclude:
                return name
        main = self.main(kind) if kind == "company" else None
        return main if main not in exclude else None

    def person_topic(self, at: int) -> str | None:
        """The person an omitted subject of a people verb means: the person the text is
        about (the last topic, 伊藤錬さんは…, or the section's, デビッド・ハさん（CEO）), when
        no company has become the topic since."""
        if self.last_topic == "person":
            return self.topic("person", at)
        if (self.turn or self.author) and self.speaker:
            return self.speaker  # 「…で働いた後、創業しました」: the one who speaks
        if self.last_topic == "" or "company" not in self.topics:
            return self.sections.get("person") or self.career or None
        return None

    def topic(self, kind: str, at: int, exclude: tuple[str, ...] = ()) -> str | None:
        """The current topic of ``kind`` (the last は-marked one), if still in reach."""
        topic = self.topics.get(kind)
        if topic is not None and at - topic[0] <= _TOPIC_WINDOW and topic[1] not in exclude:
            return topic[1]
        return None

    def salient(self, kind: str, at: int, exclude: tuple[str, ...] = ()) -> str | None:
        """What an omitted subject or 同社 most likely means at sentence ``at``: the current
        topic (the last は-marked one, kept until another replaces it), else the list's or
        section's, else the article's, else the most salient entity of ``kind``."""
        topic = self.topics.get(kind)
        if topic is not None and at - topic[0] <= _TOPIC_WINDOW and topic[1] not in exclude:
            return topic[1]
        framed = self.framed(kind, at, exclude)
        if framed:
            return framed
        scores = self.scores(kind, at, exclude)
        return (
            max(scores, key=lambda n: (round(scores[n], 6), self._last_seen(n))) if scores else None
        )

    def _last_seen(self, name: str) -> int:
        """Where ``name`` was last mentioned (ties of salience go to the latest)."""
        return max((i for i, s in enumerate(self.seen) if s.name == name), default=-1)

    def group(self, kind: str, at: int, size: int = 0) -> tuple[str, ...]:
        """The last coordinated group of ``kind`` (of ``size`` members, when given: 両社 is
        two) within the window, else the most salient ones."""
        for sent, k, names in reversed(self.groups):
            if k == kind and at - sent <= _GROUP_WINDOW and size in (0, len(set(names))):
                return names
        scores = self.scores(kind, at)
        ranked = sorted(scores, key=lambda n: -scores[n])
        return tuple(ranked[:2]) if len(ranked) >= 2 else ()

    def person_by_surname(self, surname: str) -> str | None:
        """The full name of a person named earlier with this surname."""
        return self.surnames.get(surname)

    def note_product(self, sent: int, name: str) -> None:
        """A product the article has just named (名称は「Takane」)."""
        self.products.append((sent, name))

    def last_product(self, at: int, window: int = 2) -> str | None:
        """The product named in the last ``window`` sentences."""
        for sent, name in reversed(self.products):
            if 0 <= at - sent <= window:
                return name
        return None


# A title or lead that introduces an interview: …CEOに聞く, …に話を聞いた, インタビュー.
_INTERVIEW = re.compile(r"に聞く|に聞いた|話を聞|インタビュー|が語る|に語った")
# A scene set before the subject: 新興勢では、 / 国内については、
_SCENE = re.compile(r"(?:では|については|に関しては|は)、\s?$")


def _sets_topic(m: Ment, title: bool) -> bool:
    """は-marked, a predicate (…のはMistral AIだ), or a headline's subject."""
    if m.kind not in ("company", "person", "unknown"):
        return False
    if m.lp in TOPIC_PARTICLES or m.particle in TOPIC_PARTICLES or m.extra.get("predicate"):
        return True
    if m.lp == "も" and m.particle == "も" and m.start - len(m.prefix) <= 0:
        return True  # 米インテルも16年に…を買収した: a new topic, like the one before it
    return title and m.lp in SUBJECT_PARTICLES


def _heads(m: Ment) -> bool:
    """A heading's name is its section's topic when the heading is about it (Hugging Faceの
    歩み, デビッド・ハさん（CEO）), not when it names a partner (エヌビディアとの関係)."""
    return (
        bool(m.name)
        and not m.quoted
        and m.kind in ("company", "person")
        and m.lp in ("", "は", "が", "の", "も", "、")
    )


def _about(ments: list[Ment], kind: str) -> str | None:
    """What a sentence is about: its topic (は), else the one name of ``kind`` it names."""
    kinds = ("company", "unknown") if kind == "company" else (kind,)
    found = [m for m in ments if m.kind in kinds and m.name and not m.quoted]
    topic = next((m for m in found if m.lp in TOPIC_PARTICLES), None)
    if topic is not None:
        return topic.name
    named = {m.name for m in found if not m.extra.get("past_of")}
    return named.pop() if len(named) == 1 else None


def _about_weight(m: Ment, zone: str) -> float:
    """How much a mention in the title or lead says what the article is about."""
    if zone == "title":
        return 3.0 if m.lp in AGENT_PARTICLES | TOPIC_PARTICLES else 1.5
    if m.extra.get("new_org") or m.extra.get("org_quote") or m.extra.get("predicate"):
        return 2.0  # 新会社「Reflex Labs」, …を開発する米X。: the news is that company
    return {"は": 2.0, "が": 1.0}.get(m.lp, 0.5)


def _past(m: Ment) -> bool:
    """A company named as someone's past (前職の楽天では, 米グーグル出身の) or as the one left."""
    return bool(m.extra.get("past_of") or m.extra.get("left"))


def _weight(m: Ment) -> float:
    if _past(m):
        return 0.2  # 米グーグルで…を務めた森田氏: someone's past, not what the text is about
    if m.extra.get("org_quote"):
        return 2.0  # 子会社「SB Intuitions」: an organisation the text introduces
    if m.lp in TOPIC_PARTICLES or m.particle in TOPIC_PARTICLES:
        return 3.0
    if m.lp in SUBJECT_PARTICLES:
        return 2.0
    if m.extra.get("predicate"):
        return 2.5
    return 1.0


def resolve_mention(disc: Discourse, sent: int, ments: list[Ment], i: int) -> None:
    """Fill in the name of the ``i``-th mention if it is an anaphor or a surname."""
    m = ments[i]
    if m.source == "anaphor":
        _resolve_anaphor(disc, sent, ments, i)
    elif m.source == "surname":
        full = disc.person_by_surname(m.surface)
        m.name = full or ""
        m.extra["partial"] = full is None


def _resolve_anaphor(disc: Discourse, sent: int, ments: list[Ment], i: int) -> None:
    m = ments[i]
    if m.surface in NEW_ORG_ANAPHORS:
        org = disc.new_org
        m.name = org[1] if org is not None and sent - org[0] <= _TOPIC_WINDOW else ""
        m.extra["partial"] = not m.name
        return
    if m.surface in ("両社", "両者", "3社", "三社"):
        m.names = disc.group("company", sent, 3 if m.surface in ("3社", "三社") else 2)
        m.name = m.names[0] if m.names else ""
        return
    if m.surface == "両氏":
        m.kind = "person"
        m.names = disc.group("person", sent)
        m.name = m.names[0] if m.names else ""
        return
    typed = _TYPED_ANAPHORS.get(m.surface)
    if typed is not None:
        m.name = _last_of_type(disc, ments[:i], typed)  # 同大学: the university named last
        m.extra["partial"] = not m.name
        return
    exclude = _clause_agents(ments, i)
    kinds = ("company", "unknown") if m.kind == "company" else (m.kind,)
    earlier = [
        k
        for k in ments[:i]
        if k.kind in kinds
        and k.name
        and k.name not in exclude
        and not k.quoted
        and k.source != "anaphor"
        and not k.extra.get("left")
        and not k.extra.get("past_of")  # 米グーグルで…を務めたA氏が、同社の: not Google
        and k.particle != ""  # a word inside a longer name or description
    ]
    if m.surface in SPEAKER:
        m.name = disc.speaker or ""  # 私はメルカリを辞めて: the one interviewed
        m.extra["partial"] = not m.name
        return
    if m.surface in FIRST_PERSON or (disc.turn and m.surface in _OWN_COMPANY):
        others = tuple(n for k in ments if k is not m for n in k.all_names if k.kind in kinds)
        m.name = disc.voice or disc.main("company") or disc.salient(m.kind, sent, others) or ""
        return  # 当社, 私たち: the company the page is about, never another the sentence names
    exclude += tuple(k.name for k in ments[:i] if k.extra.get("left") or k.extra.get("past_of"))
    if not earlier and m.surface == "同社" and (newer := disc.newer_subject(sent, exclude)):
        m.name = newer
        return
    m.name = earlier[-1].name if earlier else disc.salient(m.kind, sent, exclude) or ""


SPEAKER = frozenset(("私", "僕", "わたし"))
FIRST_PERSON = frozenset(
    ("当社", "弊社", "私たち", "わたしたち", "私ども", "我々", "われわれ", "うちの会社")
)
# この会社 in an answer: the company the one who speaks runs, not the one named before.
_OWN_COMPANY = frozenset(("この会社", "このスタートアップ"))
_TYPED_ANAPHORS = {
    "同大学": re.compile(r"大学|University|College"),
    "同研究所": re.compile(r"研究所|Institute|Lab"),
    "同行": re.compile(r"銀行|Bank"),
    "同ファンド": re.compile(r"ファンド|基金|Fund|Capital|キャピタル"),
}


def _last_of_type(disc: Discourse, before: list[Ment], typed: re.Pattern[str]) -> str:
    """The organisation of the anaphor's type named last (in the sentence, else before)."""
    for k in reversed(before):
        if k.name and typed.search(k.name):
            return k.name
    for s in reversed(disc.seen):
        if s.kind == "company" and typed.search(s.name):
            return s.name
    return ""


def _clause_agents(ments: list[Ment], i: int) -> tuple[str, ...]:
    """Names that cannot be 同社 here: the subject of the clause it appears in, and for a
    topic 同社は the subject right after it (同社はソフトバンクが設立した)."""
    out: list[str] = []
    for k in ments[:i]:
        if k.lp in ("は", "が", "も", "が、") and k.kind == ments[i].kind:
            out.extend(k.all_names)
    if ments[i].lp == "は":
        after = next((k for k in ments[i + 1 :] if k.kind == ments[i].kind), None)
        if after is not None and after.lp == "が" and after.source != "anaphor":
            out.extend(after.all_names)
    return tuple(out)
