"""Japanese rules for people moving: departures, hires, appointments and new companies.

A move has a person, where they come from and where they go. Departures (退社, 離れる) give
``from``; arrivals (移籍, 入社, 就任, 加わる) and hires (招へい, 迎え入れる, 採用) give ``to``;
founding (共同創業, 設立, 共同創業者に名を連ねる) gives ``to`` with the role co-founder. Where a
person came from is often written before the name (Character.AIの共同創業者でCEOのノーム・
シャジール氏, 元メタ研究者の…, 米グーグルで研究に携わった…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbot.core.extract.ja_clauses import (
    Ctx,
    Trig,
    agents,
    blocked,
    is_relative,
    relative_head,
    speaks_for,
    stayed,
    with_particle,
)
from newsbot.core.extract.ja_entities import Ment, role_before
from newsbot.core.extract.ja_lex import KANJI, ROLE_EN, ROLE_WORDS
from newsbot.core.extract.ja_state import COMPANY, PERSON, State, make, names

_TRANSITIVE = re.compile(r"迎え|招へい|招聘|採用|引き抜|起用|任命|指名|抜擢|引き入れ")
_AFFIL_GAP = re.compile(
    rf"{ROLE_WORDS}|務め|携わ|在籍|所属|出身|勤め|勤務|率い|研究|創業|幹部|社員|従業員|経験|開発|"
    r"担当|トップ|リーダー|責任者|メンバー|出向|統括|主導|指揮|手がけ|手掛け|歴任"
)
_ROLE_SLOT = re.compile(
    rf"(?:新たな|新しい|次期|新)?(?P<r>{ROLE_WORDS})(?:\([^()]*\))?(?:兼[^にと、。]{{0,24}})?(?:には|に|として)"
)
_FORMER_AFTER = re.compile(
    r"^(?:といった|などの|ら|をはじめとする)?(?:他の|ほかの|複数の)?(?:元|前)$"
)
_FORWARD_AFFIL = re.compile(r"^[^。]{0,20}?(?:務めた|在籍した|率いた|勤めた|所属した|創業した)")
_GOAL_NP = re.compile(r"^[^、。はがを]{0,26}?(?:に|へ)$")
_FIRED_BACKGROUND = re.compile(r"^(?:され|た)?[^。、]{0,3}(?:騒動|問題|事件|劇)|^一時")
_SINCE = re.compile(r"から")
_INTERIM = re.compile(r"暫定|代行|後任が決まるまで")
_PAST_POST = re.compile(r"だった|を経て|出身|務めた|在籍した|率いた|(?<![一-鿿])元")
_GOAL_END = re.compile(r"(?:に|へ|には|として)、?\s?$")  # NTTデータの社長に佐々木氏が: a goal
_EMPLOYED = re.compile(r"研究者|研究員|教授|准教授|助教|講師|職員|勤め|勤務|在籍")
_SCHOOL = re.compile(r"大学|大学院|研究室|高専|University|College|Institute")
_CURRENT_POST = re.compile(rf"(?:{ROLE_WORDS}|出身|OB|OG)の\s?")
_FORMER_ROLE = re.compile(r"(?:日本法人|本社|子会社)?(?:元|前)[^、。はがを]{0,12}の\s?")
_BRANCH_POST = re.compile(
    r"(?:日本法人|米国法人|本社|子会社|法人)の?[^、。はがを]{0,16}?"
    r"(?:を(?:務め|歴任し|経験し|率い|統括し)た|出身)の?\s?"
)
_NOMINAL_GAP = re.compile(r"(?:今回の|突然の|電撃)?(?:[米英仏独中韓]?\x00(?:から|への|へ)の?)*")


def _gap_without_names(ctx: Ctx, start: int, end: int) -> str:
    """The text between two offsets with each company mention replaced by a NUL."""
    out, pos = [], start
    for m in ctx.ments:
        if start <= m.start and m.end <= end and m.kind in COMPANY:
            out.append(ctx.text[pos : m.start] + "\x00")
            pos = m.end
    return "".join(out) + ctx.text[pos:end]


_PROMOTED = re.compile(r"昇格|昇任|昇進")
_MOVED = re.compile(r"移籍|移っ|移る|移り|転じ|転身")


@dataclass
class Move:
    """A person's move as one sentence states it."""

    person: str
    source: str | None = None
    dest: str | None = None
    role: str | None = None
    kind: str = ""
    pos: int = 0
    confidence: float = 0.65


def talent(ctx: Ctx, state: State) -> None:
    """Every person's move stated in the sentence (one per person)."""
    moves: dict[str, Move] = {}
    for move in _roster(ctx, state) + _nominal_post(ctx, state):
        _combine(moves, move)
    _prior_post(ctx, state)
    _career_note(ctx, state)
    _note_careers(ctx, state)
    for t in ctx.of("depart", "arrive", "found", "lead", "serve"):
        if blocked(ctx, t) or stayed(ctx, t) or not _real_trigger(ctx, t):
            continue
        for move in _moves(ctx, state, t):
            _combine(moves, move)
    for move in moves.values():
        fields = {"person": move.person, "from": move.source, "to": move.dest, "role": move.role}
        state.add(make("talent_move", fields, ctx, move.confidence, pos=move.pos, move=move.kind))
        if move.kind == "found" and move.dest:
            state.disc.prior[move.dest] = state.disc.prior.get(move.dest, 0.0) + 0.5


_ROSTER = re.compile(
    r"▽(?P<post>[^▽（()]{1,24}?)[（(](?P<was>[^）)▽]{1,30})[）)]\s?"
    rf"(?P<name>[{KANJI}]{{1,4}}(?:\s?[{KANJI}]{{1,4}})?)"
)
_LEAVES = re.compile(r"退任|退社|辞任|退職")


# ▽最高技術責任者（CTO）　江口蓮（元メルカリ）: the post, the name, then the old post or employer.
_ROSTER_LINE = re.compile(
    r"▽(?P<post>[^▽\s]{1,30}?)\s+"
    rf"(?P<name>[{KANJI}]{{1,4}}(?:\s?[{KANJI}]{{1,4}})?)(?:[（(](?P<was>[^）)▽]{{1,30}})[）)])?"
)


def _roster(ctx: Ctx, state: State) -> list[Move]:
    """A newspaper 人事 list, 日立製作所（4月1日）▽社長（副社長）山田太郎 or a line ▽社長　山田太郎
    （副社長） under the company's heading: new post (old post or former employer) and name, at
    the company the list is headed by."""
    if "▽" not in ctx.text:
        return []
    heads = [m for m in ctx.ments if m.kind in COMPANY and m.name and m.start < ctx.text.find("▽")]
    home = heads[0].name if heads else heading_company(state, ctx.idx) or state.disc.main("company")
    moves = []
    line = ctx.text.startswith("▽") and ctx.text.count("▽") == 1
    rows = list((_ROSTER_LINE if line else _ROSTER).finditer(ctx.text))
    for r in rows:
        person = r.group("name").replace(" ", "")
        was = [
            _employer(m)
            for m in ctx.ments
            if r.group("was") and r.start("was") <= m.start < r.end("was")
        ]
        source = next((w for w in was if w), None) or _former_kata(r.group("was")) or home
        if _LEAVES.search(r.group("post")):
            moves.append(Move(person, home, None, None, "depart", r.start(), 0.6))
        elif home:
            role = _ROLE_WORD.search(r.group("post"))
            name = ROLE_EN.get(role.group(), role.group()) if role else r.group("post")
            moves.append(Move(person, source, home, name, "arrive", r.start(), 0.6))
    return moves


_FORMER_KATA = re.compile(r"^(?:元|前)(?P<n>[ァ-ヺー]{2,}(?:・[ァ-ヺー]+)*)")


def _former_kata(was: str | None) -> str | None:
    """（元サイボウズ）: the katakana word after 元/前 is the former employer."""
    m = _FORMER_KATA.match(was or "")
    return m.group("n") if m else None


def heading_company(state: State, at: int) -> str | None:
    """The company a heading just above names alone (ソフトバンク, then its 人事 lines)."""
    for sent in range(at - 1, max(-1, at - 3), -1):
        if sent in state.heads:
            named = {s.name for s in state.disc.seen if s.sent == sent and s.kind == "company"}
            return named.pop() if len(named) == 1 else None
    return None


_RECENTLY = re.compile(r"^(?:直近は|直前は|前職は|以前は|それまでは)")
_HELD = re.compile(r"(?:務めて|在籍して|勤務して|勤めて)(?:い|おり)")


def _prior_post(ctx: Ctx, state: State) -> None:
    """直近は米マイクロソフトで…を務めていた: where the person just appointed came from."""
    if not _RECENTLY.match(ctx.text) or not _HELD.search(ctx.text):
        return
    if any(m.kind == "person" for m in ctx.ments):
        return
    place = next((m for m in ctx.ments if m.kind in COMPANY and m.lp in ("で", "に")), None)
    person = state.disc.topic("person", ctx.idx)
    recent = next(
        (
            e
            for e in reversed(state.events)
            if e.type == "talent_move" and e.fields.get("person") == person and e.fields.get("to")
        ),
        None,
    )
    if place is None or recent is None:
        return
    employer = _employer(place)
    if employer and employer != recent.fields["to"]:
        recent.fields["from"] = employer


CAREER_HINT = re.compile(r"出身|務め|を経て|在籍|勤め|勤務|率い|働い|をしてい|前職")
# 前職のメルカリでは: the company named as the person's last employer.
_FORMER_JOB = re.compile(r"(?:前職|前の職場|以前の勤務先|前の勤め先)(?:の|である|は)$")
_CAREER_AFTER = re.compile(
    r"(?:出身|OB|OG)|[^、。はがを]{0,16}?(?:を経て|を務め|を歴任|を率い|で働|働い|をしていた|をしていまし|に在籍|に勤め|で勤務|"
    r"在籍し|勤務し)"
)


def _whose_past(ctx: Ctx, m: Ment) -> str | None:
    """ソニー出身のジャン・ルフェーブル氏: the person a former employer is written onto."""
    if not m.extra.get("past_of"):
        return None
    after = next((k for k in ctx.ments if k.start >= m.end and k.kind == "person"), None)
    return names([after])[0] if after is not None and names([after]) else None


def _note_careers(ctx: Ctx, state: State) -> None:
    """英スタビリティーAIで研究責任者を務めました, メルカリの執行役員を経て: the last employer
    the text gives for the person it is about, where a later move without an origin
    comes from."""
    if not CAREER_HINT.search(ctx.text):
        return
    people = [m for m in ctx.ments if m.kind == "person" and m.lp in ("は", "が") and m.name]
    person = names(people[:1])[0] if people else state.disc.person_topic(ctx.idx)
    if not person:
        return
    start = people[0].end if people else 0
    former = [
        m
        for m in ctx.ments
        if m.kind in COMPANY and m.name and _FORMER_JOB.search(ctx.text, 0, m.start - len(m.prefix))
    ]
    posts = former or [
        m
        for m in ctx.ments
        if m.kind in COMPANY
        and m.start >= start
        and not _SCHOOL.search(m.name)
        and _CAREER_AFTER.match(ctx.text, m.pend if m.particle else m.end)
        and _whose_past(ctx, m) in (None, person)
    ]
    employer = _employer(posts[-1]) if posts else None
    if employer:
        state.careers[person] = employer
    move = next(
        (
            e
            for e in reversed(state.events)
            if e.type == "talent_move" and e.fields["person"] == person
        ),
        None,
    )
    if (
        former
        and employer
        and move is not None
        and not move.fields.get("from")
        and move.fields.get("to") not in (None, employer)
    ):
        move.fields["from"] = employer  # Xに転職しました。前職のメルカリでは…


_CAREER = _CAREER_AFTER


def _career_note(ctx: Ctx, state: State) -> None:
    """小池氏は日立製作所出身で、米WD日本法人の社長を務めた: where the person just appointed
    came from (the last post named)."""
    people = [m for m in ctx.ments if m.kind == "person" and m.lp == "は" and m.name]
    if not people or any(t.kind in ("arrive", "depart", "found") for t in ctx.trigs):
        return
    person = names(people[:1])[0]
    recent = next(
        (
            e
            for e in reversed(state.events)
            if e.type == "talent_move"
            and e.fields.get("person") == person
            and ctx.idx - e.extra.get("sent", -99) <= 2
        ),
        None,
    )
    if recent is None or recent.fields.get("from") or not recent.fields.get("to"):
        return
    posts = [
        m
        for m in ctx.ments
        if m.kind in COMPANY and m.start > people[0].end and _CAREER.match(ctx.text, m.pend)
    ]
    employer = _employer(posts[-1]) if posts else None
    if employer and employer != recent.fields["to"]:
        recent.fields["from"] = employer


def _real_trigger(ctx: Ctx, t: Trig) -> bool:
    if t.kind == "serve":
        start = ctx.clause_start(t.start)
        return bool(
            _PAST_POST.search(ctx.text, start, t.start) or _INTERIM.search(ctx.text, 0, t.start)
        )
    if t.kind == "lead":
        return bool(
            _SINCE.search(ctx.text[ctx.clause_start(t.start) : t.start]) or _leads_elsewhere(ctx, t)
        )
    if t.word in ("解任", "更迭"):
        return (
            not _FIRED_BACKGROUND.search(ctx.text[t.end :])
            and "一時" not in ctx.text[t.start - 3 : t.start]
        )
    if t.kind == "arrive" and "新卒" in ctx.text[ctx.clause_start(t.start) : t.start]:
        return False  # Xに新卒で入社し: a first job, a career's start, not a move
    if t.word.startswith("働"):
        # 10月からXでエンジニアとして働いています: work that began on a date is an arrival
        return bool(_SINCE.search(ctx.text[ctx.clause_start(t.start) : t.start]))
    if t.word == "名を連ね":
        return bool(re.search(r"創業|創設|設立", ctx.text[ctx.clause_start(t.start) : t.start]))
    return True


_LED_NP = re.compile(r"[^、。はがをに]{1,16}(?:を)?")
_NOT_YET = re.compile(r"る(?:こと|予定|見通し|方針|。|$)|ることに")


def _led_owner(ctx: Ctx, t: Trig) -> list[Ment]:
    """タレスのAI部門を率いる: the company whose unit is led."""
    for m in reversed(ctx.window(t)):
        if m.kind in COMPANY and m.lp == "の" and _LED_NP.fullmatch(ctx.text, m.pend, t.start):
            return [m]
    return []


def _leads_elsewhere(ctx: Ctx, t: Trig) -> bool:
    """ゼニスのフォーゲルCEOはタレスのAI部門を率いる: someone titled at one company who is
    to lead a unit of another moves there."""
    owner = _led_owner(ctx, t)
    if not owner or not _NOT_YET.match(ctx.text, t.end):
        return False
    for p in ctx.before(t):
        if p.kind == "person" and p.lp in ("は", "が"):
            own = [o for o in ctx.ments if o.kind in COMPANY and o.lp == "の" and o.pend == p.start]
            if own:
                return own[0].name != owner[0].name
            past = _affiliation_of(ctx, p)  # Xの研究者だったY氏は、Zの新設部門を率いる
            return bool(past) and past != _employer(owner[0])
    return False


def _combine(moves: dict[str, Move], move: Move) -> None:
    have = moves.get(move.person)
    if have is None:
        moves[move.person] = move
        return
    if "found" in (have.kind, move.kind) and have.kind != move.kind and _elsewhere(have, move):
        # Xを創業したA氏は、グーグルに復帰した: two moves, the founding and the later one
        moves.setdefault(move.person + "\x00" + move.kind, move)
        return
    have.source = have.source or move.source
    if move.dest and (not have.dest or have.kind == "depart"):
        have.dest = move.dest
    have.role = have.role or move.role
    have.kind = move.kind if move.kind == "found" else have.kind
    have.confidence = max(have.confidence, move.confidence)


def _elsewhere(a: Move, b: Move) -> bool:
    """A founding and an arrival at two different companies."""
    return bool(a.dest and b.dest and a.dest != b.dest and "depart" not in (a.kind, b.kind))


def _moves(ctx: Ctx, state: State, t: Trig) -> list[Move]:
    transitive = t.kind == "arrive" and _TRANSITIVE.match(t.word) is not None
    people = _people(ctx, t, transitive) or _unsaid_person(ctx, state, t, transitive)
    if not people or _joins_committee(ctx, t):
        return []
    if t.kind == "found":
        people += [m for m in _cofounders(ctx, t) if m not in people]
    if is_relative(ctx, t) and not transitive:
        # 新たに加わる研究者; but CEOに就いたタン氏 names the one who moved
        head = relative_head(ctx, t, PERSON)
        people = [m for m in people if m.lp in ("が", "も") or m is head]
    out = []
    for person in people:
        move = _move(ctx, state, t, person, people, transitive)
        if move is not None:
            out.append(move)
            if person.extra.get("fellow") and move.source is None and out[0] is not move:
                move.source = out[0].source  # 同僚のB: a colleague where the founder worked
    return out


def _people(ctx: Ctx, t: Trig, transitive: bool) -> list[Ment]:
    if transitive:
        found = with_particle(ctx, t, ("を", "をはじめとする", "をはじめ", "ら", "も"), PERSON)
        found = found or _listed_objects(ctx, t)
        found = (found[:1] and [m for m in ctx.ments if m.list_id == found[0].list_id]) or found
    else:
        found = agents(ctx, t, PERSON) or _cleft_person(ctx, t)
        if not found:
            head = relative_head(ctx, t, PERSON)
            found = [head] if head else []
        if not found:
            found = [
                m
                for m in ctx.window(t)
                if m.kind == "person"
                and m.lp == "の"
                and _NOMINAL_GAP.fullmatch(_gap_without_names(ctx, m.pend, t.start))
            ]
        found = _slot_fillers(ctx, t, found)
    return [m for m in found if m.kind == "person" and names([m]) and not _in_relative(ctx, m, t)]


_UNSAID_KINDS = frozenset(("found", "arrive", "depart"))


def _unsaid_person(ctx: Ctx, state: State, t: Trig, transitive: bool) -> list[Ment]:
    """2023年7月に…Sakana AIを設立し: the subject left unsaid is the person the text is
    about (the last topic, or the section a person's name heads), when the sentence names
    no one else and no company has become the topic since."""
    if transitive or t.kind not in _UNSAID_KINDS or is_relative(ctx, t):
        return []
    if not _VERB_AFTER.match(ctx.text, t.end):
        return []  # 退職者の…, 離脱は: a noun, not what someone did
    if any(m.kind == "person" and m.lp in ("は", "が", "も") for m in ctx.ments):
        return []
    if any(m.kind in COMPANY and m.lp in ("は", "が") for m in ctx.before(t)):
        return []
    name = state.disc.person_topic(ctx.idx)
    if not name:
        return []
    at = ctx.clause_start(t.start)
    ment = Ment(at, at, name, name, "person", source="anaphor")
    ment.particle, ment.lp, ment.pend = "は", "は", at
    ment.extra["unsaid"] = True
    return [ment]


_VERB_AFTER = re.compile(r"[しすさせっりるたてまいれえくけらわ]|$")
_WITH = ("と", "と一緒に", "とともに", "と共に")


def _cofounders(ctx: Ctx, t: Trig) -> list[Ment]:
    """Bさんと一緒に…を設立, 同僚のBと独立して、…をつくった: the people the founder set up the
    company with."""
    return [
        m
        for m in ctx.before(t)
        if m.kind == "person"
        and m.lp in _WITH
        and names([m])
        and (m in ctx.window(t) or _LEFT_TOGETHER.match(ctx.text, m.pend, t.start))
    ]


# Bと独立して、 / Bと会社を辞めて、: left together, then founded.
_LEFT_TOGETHER = re.compile(r"(?:一緒に|共に|ともに)?(?:独立し|退社し|退職し|辞めて|会社を辞め)")


_CLEFT = re.compile(r"(?:する|した)?のは、?")


def _cleft_person(ctx: Ctx, t: Trig) -> list[Ment]:
    """社長に就任するのは、…山本浩です: the person the cleft names."""
    cleft = _CLEFT.match(ctx.text, t.end)
    if cleft is None:
        return []
    return [m for m in ctx.ments if m.kind == "person" and m.start >= cleft.end()][:1]


_RELATIVE_VERB = re.compile(
    r"(?:する|した|している|していた|が率いる|が統括する)(?=[^、。はが]{1,20}$)"
)


def _in_relative(ctx: Ctx, m: Ment, t: Trig) -> bool:
    """ボッパナ上級副社長が統括するAMDのAI部門に加わる: the person heads the noun, not the verb."""
    return m.lp == "が" and _RELATIVE_VERB.search(ctx.text, m.pend, t.start) is not None


_OBJECT_TAIL = re.compile(r"[^はがに。]{0,24}を$")


def _listed_objects(ctx: Ctx, t: Trig) -> list[Ment]:
    """A氏とB氏、研究チームの一部を迎え入れる: people listed with the object."""
    people = [m for m in ctx.window(t) if m.kind == "person" and m.lp in ("、", "と")]
    if people and _OBJECT_TAIL.search(ctx.text, people[-1].pend, t.start):
        return [people[-1]]
    return []


def _slot_fillers(ctx: Ctx, t: Trig, found: list[Ment]) -> list[Ment]:
    """社長にはA氏、会長にはB氏が就いた; A氏が会長に、B氏が社長に就いた; XからはA氏とB氏、
    YからはC氏が加わる; A氏が、B氏が、いずれも移った: every person named in a slot of their
    own."""
    fillers, prev, slot = [], ctx.clause_start(t.start), False
    every = _EVERY.search(ctx.text, ctx.clause_start(t.start), t.start) is not None
    for m in ctx.window(t):
        if m.kind in COMPANY and m.lp in ("から", "からは"):
            slot = True
        if m.kind != "person":
            continue
        slot = slot or bool(_ROLE_SLOT.search(ctx.text, prev, m.start))
        own = m.particle in ("が", "は") and _ROLE_SLOT.match(ctx.text, m.pend) is not None
        if m.particle in ("、", "が", "は", "と") and (
            slot or own or (every and m.particle == "が")
        ):
            fillers.append(m)
        prev = m.pend
    if len(fillers) < 2 or not any(m in found for m in fillers):
        return found
    return fillers + [m for m in found if m not in fillers]


_EVERY = re.compile(r"いずれも|ともに|それぞれ|そろって")


def _move(
    ctx: Ctx, state: State, t: Trig, p: Ment, people: list[Ment], transitive: bool
) -> Move | None:
    person = names([p])[0]
    source = _affiliation(ctx, p, people)
    conf = 0.7
    if t.kind == "depart":
        left = names(with_particle(ctx, t, ("を", "から"), COMPANY))
        source = (
            left[0]
            if left
            else source or _predecessor(ctx, state, p) or _frame(ctx, t) or _topic_company(ctx, t)
        )
        if source is None:
            source, conf = state.disc.salient("company", ctx.idx), 0.5
        return Move(person, source, None, None, "depart", t.start, conf) if source else None
    if source is None and t.kind in ("arrive", "found"):
        origin = [
            m for m in ctx.window(t) if m.kind in COMPANY and m.lp in ("から", "からの", "からは")
        ]
        before = [m for m in origin if m.end <= p.start]
        source = _employer((before or origin)[-1]) if origin else None
    if _PROMOTED.match(t.word):
        return _promotion(ctx, state, t, p)
    dest, conf = _destination(ctx, state, t, transitive, source)
    if dest is None:
        moved = source is not None and _MOVED.match(t.word) is not None
        return Move(person, source, None, None, "depart", t.start, 0.5) if moved else None
    joined: tuple[str, ...] = ()
    if source is None and p.extra.get("fellow"):
        source = _fellows_origin(state, dest)  # 同期の田村さんもPFNに移りました
        joined = _tellers_employers(state)
    if source is None and _MOVED.match(t.word):
        source = state.disc.salient("company", ctx.idx, exclude=(dest, *joined))
    speaker = speaks_for(ctx, p) if t.kind == "found" else None
    if speaker is not None and speaker.name != dest:
        return None  # XのY CEOは…を設立すると伝えた: the company founds it
    if (
        t.kind == "found"
        and source
        and _SCHOOL.search(source)
        and not _EMPLOYED.search(ctx.text, 0, p.start)
    ):
        source = None  # 東京大学の研究室出身の…が創業: a school, not an employer
    role = "co-founder" if t.kind == "found" else _role(ctx, t, p)
    promoted = (
        source is None
        and t.kind != "found"
        and (
            _PROMOTED.match(t.word) is not None
            or (_frame(ctx, t) == dest and bool(role_before(ctx.text, p)))
            or (
                (p.title not in ("", "氏", "さん") or bool(role_before(ctx.text, p)))
                and _titled_at(ctx, t, dest)
            )
        )
    )
    if promoted:
        source = dest  # promoted inside the company the clause is about
    elif source is None and t.kind == "arrive" and _IN_HOUSE.search(ctx.text, 0, p.start):
        source = dest  # 社内で事業支援を統括していたA氏がCEOに就任: from within
    elif source is None and t.kind == "arrive" and _unit_head(ctx, t):
        source = dest  # 宮本氏がAI研究所長に就任した, no origin named: from within
    elif source is None and t.kind in ("found", "arrive"):
        career = state.careers.get(person)
        source = career if career != dest else None
    internal = t.kind != "found" and (
        promoted
        or t.kind == "serve"
        or bool(p.extra.get("affiliated"))
        or _IN_HOUSE.search(ctx.text, 0, p.start) is not None
        or (source == dest and _unit_head(ctx, t))
    )
    kept = source if source != dest or internal else None
    return Move(person, kept, dest, role, t.kind, t.start, conf)


def _fellows_origin(state: State, dest: str | None) -> str | None:
    """Where a colleague of the one telling the story (同期の田村さん, 同僚のB) worked with
    them: the company the teller has left, when the text told their move; never the
    teller's new employer."""
    teller = state.disc.speaker
    if not teller:
        return None
    for e in reversed(state.events):
        if e.type == "talent_move" and e.fields.get("person") == teller:
            origin = e.fields.get("from")
            if origin and origin != dest and origin != e.fields.get("to"):
                return str(origin)
    return None


def _tellers_employers(state: State) -> tuple[str, ...]:
    """The companies the teller has moved to: never where their colleague comes from."""
    teller = state.disc.speaker
    return tuple(
        str(e.fields["to"])
        for e in state.events
        if e.type == "talent_move" and e.fields.get("person") == teller and e.fields.get("to")
    )


_IN_HOUSE = re.compile(r"社内で|同社内で|社内の|生え抜き|内部昇格")
# The head of a unit inside the company (研究所長, 本部長, センター長): a post filled from within.
_UNIT_HEAD = re.compile(
    r"(?:所長|本部長|部長|室長|センター長|ラボ長|部門長|研究所長)(?:\([^()]*\))?(?:に|へ)(?:は、?)?$"
)


def _unit_head(ctx: Ctx, t: Trig) -> bool:
    return _UNIT_HEAD.search(ctx.text, ctx.clause_start(t.start), t.start) is not None


_PAST_MARK = re.compile(r"出身|元|前|務めた|在籍した|を経て|OB|OG")


def _promotion(ctx: Ctx, state: State, t: Trig, p: Ment) -> Move | None:
    """CTOだったA氏が、CEOに昇格した: from and to the company the person works at (the one
    the new post or the current title is named with, else the one the text is about), never
    a past employer (米グーグル出身の…)."""
    person = names([p])[0]
    here = _goal(ctx, t) or _slot_owner(ctx, t) or _frame(ctx, t) or _current_employer(ctx, p)
    here = here or _topic_company(ctx, t) or state.disc.salient("company", ctx.idx)
    if not here:
        return None
    return Move(person, here, here, _role(ctx, t, p), "arrive", t.start, 0.65)


def _current_employer(ctx: Ctx, p: Ment) -> str | None:
    """同社の研究リードだったA氏: the company named with the person's post, unless the post
    is a past one (出身, 元, 務めた)."""
    for m in reversed([m for m in ctx.ments if m.end <= p.start and m.kind in COMPANY]):
        gap = ctx.text[m.end : p.start]
        if len(gap) > 24 or re.search(r"[はがを、]", gap) or m.extra.get("left"):
            return None
        return None if _PAST_MARK.search(gap) or m.prefix == "元" else _employer(m)
    return None


def _titled_at(ctx: Ctx, t: Trig, dest: str) -> bool:
    """新野隆社長は副会長に就く: a titled person whose sentence names no other company holds
    that title at the company they move within."""
    others = [m for m in ctx.ments if m.kind in COMPANY and m.name and m.name != dest]
    return not others and _topic_company(ctx, t) in (None, dest)


def _destination(
    ctx: Ctx, state: State, t: Trig, transitive: bool, source: str | None
) -> tuple[str | None, float]:
    if t.kind == "found":
        head = relative_head(ctx, t, COMPANY)
        made = (
            names(with_particle(ctx, t, ("を",), (*COMPANY, "product")))
            or names([head] if head is not None else [])
            or names([m for m in ctx.before(t) if m.lp == "は" and m.kind in COMPANY])
            or names([m for m in ctx.before(t) if m.lp == "の" and m.pend == t.start])
        )
        if made:
            return made[0], 0.7
        if re.search(r"を(?:共同で?)?$", ctx.text[ctx.clause_start(t.start) : t.start]):
            return None, 0.0
        schools = tuple(m.name for m in ctx.ments if _SCHOOL.search(m.name))
        guess = state.disc.salient("company", ctx.idx, exclude=schools)
        if state.disc.turn:  # 「…で働いた後、創業しました」: the company the speaker speaks for
            guess = state.disc.main("company", exclude=schools) or guess
        return _recent_founded(state, ctx) or guess, 0.5
    if transitive:
        created = [m for m in ctx.before(t) if m.extra.get("new_org") and m.name]
        if created and _ROLE_SLOT.search(ctx.text, created[-1].end, t.start):
            return created[-1].name, 0.65  # 新会社「X」を設立し、CEOにY氏を起用
        unit = _slot_owner(ctx, t)
        if unit:
            return unit, 0.7  # Xは、研究組織「Y」の責任者にZ氏を起用: Y
        hirer = names(agents(ctx, t, COMPANY))
        if hirer:
            return hirer[0], 0.7
        return _staffed_company(ctx, state), 0.5  # CTOにはX出身のY氏を迎えた: not X
    goal = _goal(ctx, t)
    if goal and _new_unit(ctx, goal):
        goal = state.disc.salient("company", ctx.idx, exclude=(goal,))  # 新設の研究所のトップに
    if goal:
        return goal, 0.75
    slot = _slot_owner(ctx, t)
    if slot:
        return slot, 0.7
    if t.kind == "lead":
        led = names(with_particle(ctx, t, ("を",), COMPANY)) or names(_led_owner(ctx, t))
        return (led[0], 0.6) if led else (None, 0.0)
    if t.kind == "serve":
        if _INTERIM.search(ctx.text, 0, t.start):
            return source, 0.6  # 暫定CEOを務める: a stand-in from inside
        here = _frame(ctx, t) or _topic_company(ctx, t) or state.disc.salient("company", ctx.idx)
        return (here, 0.55) if here and here != source and source else (None, 0.0)
    frame = _frame(ctx, t)
    if frame:
        return frame, 0.6
    left = _succeeded(ctx, state, t) if t.kind == "arrive" else None
    if left:
        return left, 0.65
    staffed = _staffed(ctx, state, t) if t.kind == "arrive" else None
    if staffed:
        return staffed, 0.6
    if (
        t.kind == "arrive"
        and source is None
        and re.search(r"就任|就い|就く|就き|昇格|昇任", t.word)
    ):
        topic = _topic_company(ctx, t)
        if topic:
            return topic, 0.6
    moved = source is not None and _MOVED.match(t.word) is not None
    guess = state.disc.salient("company", ctx.idx, exclude=(source,) if source and moved else ())
    return guess, 0.45


def _succeeded(ctx: Ctx, state: State, t: Trig) -> str | None:
    """A氏がCEOを退任した。…後任のCEOにはB氏が就いた: the company the predecessor left, not
    one named in between (where A goes next)."""
    if "後任" not in ctx.text[ctx.clause_start(t.start) : t.start]:
        return None
    arriving = {m.name for m in ctx.ments if m.kind == "person"}
    for e in reversed(state.events):
        if ctx.idx - e.extra.get("sent", -99) > 4:
            break
        left = e.fields.get("from") if e.type == "talent_move" else None
        if e.extra.get("move") == "depart" and left and e.fields.get("person") not in arriving:
            return str(left)
    return None


_POST_SLOT = re.compile(rf"(?:{ROLE_WORDS})(?:\([^()]*\))?(?:兼[^にと、。]{{0,24}})?(?:には|に)、?")
_STAFF_WORDS = re.compile(r"就任|就い|就く|就き|着任|昇格|昇任")


def _staffed(ctx: Ctx, state: State, t: Trig) -> str | None:
    """会長にはA氏、社長にはB氏が就いた, the post's company unnamed: the company being staffed
    (a company just set up, where the last appointments went, else the topic), never one the
    sentence names only as someone's past."""
    if not _STAFF_WORDS.match(t.word) or not _POST_SLOT.search(
        ctx.text, ctx.clause_start(t.start), t.start
    ):
        return None
    return _staffed_company(ctx, state)


def _staffed_company(ctx: Ctx, state: State) -> str | None:
    """The company whose posts the article is filling."""
    origins = _origins(ctx)
    new = state.disc.new_org
    if new is not None and ctx.idx - new[0] <= 8 and new[1] not in origins:
        return new[1]
    for e in reversed(state.events):
        if ctx.idx - e.extra.get("sent", -99) > 3:
            break
        to = e.fields.get("to") if e.type == "talent_move" else None
        if isinstance(to, str) and to not in origins and e.fields.get("role") != "co-founder":
            return to
    here = state.disc.topic("company", ctx.idx, exclude=origins)
    return here or state.disc.main("company", exclude=origins)


NOMINAL_POST = re.compile(rf"(?:新|次期)?(?:{ROLE_WORDS})+(?:\([^()]*\))?(?:は|には)、?")
_ENDS_WITH_PERSON = re.compile(r"(?:氏|さん)(?:\([^()]*\))?(?:だ|である|となる|とした)?[。\s]*$")


def _nominal_post(ctx: Ctx, state: State) -> list[Move]:
    """取締役会長はソニーグループ元副社長の石川浩二氏。: a post and who fills it, no verb."""
    post = NOMINAL_POST.match(ctx.text)
    people = [m for m in ctx.ments if m.kind == "person" and m.name and not m.quoted]
    if post is None or len(people) != 1 or not _ENDS_WITH_PERSON.search(ctx.text, people[0].end):
        return []
    if not _staffing(ctx, state):
        return []  # 最高経営責任者（CEO）は張鵬氏: who holds the post, not a move
    dest = _staffed_company(ctx, state)
    if dest is None:
        return []
    p = people[0]
    found = _ROLE_WORD.findall(ctx.text, post.start(), post.end())
    word = found[-1] if found else None
    source = _affiliation_of(ctx, p)
    return [
        Move(names([p])[0], source, dest, ROLE_EN.get(word or "", word), "arrive", p.start, 0.55)
    ]


def _staffing(ctx: Ctx, state: State) -> bool:
    """The text is filling posts: a move or a new company just told, or a 新-post."""
    moved = state.recent("talent_move", ctx.idx, 3)
    if ctx.text.startswith(("新", "次期")) or (moved and moved.fields.get("role") != "co-founder"):
        return True
    new = state.disc.new_org
    return new is not None and ctx.idx - new[0] <= 8


def _origins(ctx: Ctx) -> tuple[str, ...]:
    """Companies the sentence names as where its people come from."""
    found = [_affiliation_of(ctx, m) for m in ctx.ments if m.kind == "person"]
    found += [
        _employer(m) for m in ctx.ments if m.kind in COMPANY and m.lp in ("から", "からは", "出身")
    ]
    return tuple(n for n in found if n)


_PREDECESSOR = re.compile(rf"(?:前任|前|現)(?P<r>{ROLE_WORDS})?の\s?$")


def _predecessor(ctx: Ctx, state: State, p: Ment) -> str | None:
    """前CEOの中川氏は退任し: the company whose post was just filled."""
    m = _PREDECESSOR.search(ctx.text, max(0, p.start - 24), p.start)
    if m is None or any(k.kind in COMPANY and k.end <= p.start for k in ctx.ments):
        return None
    for e in reversed(state.events):
        if ctx.idx - e.extra.get("sent", -99) > 2:
            break
        to = e.fields.get("to") if e.type == "talent_move" else None
        if isinstance(to, str) and e.fields.get("person") != names([p])[0]:
            return to
    return None


_COMMITTEE = re.compile(r"(?:委員会|審議会|諮問会議|有識者会議|理事会)(?:に|へ)$")


def _joins_committee(ctx: Ctx, t: Trig) -> bool:
    """Xの戦略委員会に加わる: a seat on a committee, not a new employer."""
    return _COMMITTEE.search(ctx.text, ctx.clause_start(t.start), t.start) is not None


def _goal(ctx: Ctx, t: Trig) -> str | None:
    """Xに移籍, XのAIチームに加わる, XのCEOに就任."""
    for m in reversed(ctx.window(t)):
        if m.kind not in COMPANY or m.quoted:
            continue
        if m.lp in ("に", "へ", "への"):
            return _owner_of_unit(ctx, m) or _employer(m)
        if m.lp == "の" and _GOAL_NP.match(ctx.text[m.pend : t.start]):
            return _employer(m)
    return None


_UNIT_WORD = re.compile(r"(?:研究所|研究室|部門|事業部|本部|ラボ|チーム|センター|研究組織)$")


_NEW_BEFORE = re.compile(r"(?:新設の|新設した|新設された|新たな|新たに設けた|新しい)\s?$")


def _new_unit(ctx: Ctx, name: str) -> bool:
    """新設の超知能研究所: a new unit named without its company (the one the text is about)."""
    return any(
        m.name == name
        and not m.known
        and _UNIT_WORD.search(m.name)
        and _NEW_BEFORE.search(ctx.text, 0, m.start - len(m.prefix))
        for m in ctx.ments
    )


def _owner_of_unit(ctx: Ctx, m: Ment) -> str | None:
    """メタの超知能研究所に: an unknown unit of a company named right before it is that
    company, as moves are recorded."""
    if m.known or not _UNIT_WORD.search(m.name):
        return None
    for o in ctx.ments:
        if o.kind in COMPANY and o.known and o.lp == "の" and o.pend == m.start - len(m.prefix):
            return _employer(o)
    return None


def _slot_owner(ctx: Ctx, t: Trig) -> str | None:
    """新組織の所長には, ソニーAIのCEOには: the organisation whose post is being filled."""
    for m in reversed(ctx.before(t)):
        if m.kind in COMPANY and m.lp == "の" and _ROLE_SLOT.match(ctx.text, m.pend):
            return _employer(m)
    return None


_NATIONAL_UNIT = re.compile(r"\bJapan\b|ジャパン|日本法人|^日本")


def _employer(m: Ment) -> str | None:
    """The company a mention names; a country subsidiary (AWSジャパン, 日本マイクロソフト)
    stands for its parent, as people's moves are recorded."""
    found = names([m])
    parent = getattr(m.entry, "parent", None)
    if parent and m.entry is not None and _NATIONAL_UNIT.search(m.entry.name):
        return str(parent)
    return found[0] if found else None


def _frame(ctx: Ctx, t: Trig) -> str | None:
    """Xでは…が就任した: the company the clause is about."""
    framed = [m for m in ctx.before(t) if m.lp == "では" and m.kind in COMPANY]
    return _employer(framed[-1]) if framed else None


def _topic_company(ctx: Ctx, t: Trig) -> str | None:
    topics = [m for m in ctx.before(t) if m.lp == "は" and m.kind in COMPANY]
    return _employer(topics[-1]) if topics else None


def _recent_founded(state: State, ctx: Ctx) -> str | None:
    for e in reversed(state.events):
        if (
            e.type == "talent_move"
            and e.fields.get("role") == "co-founder"
            and ctx.idx - e.extra["sent"] <= 2
        ):
            dest = e.fields.get("to")
            return dest if isinstance(dest, str) else None
    return None


_ROLE_WORD = re.compile(ROLE_WORDS)
_POST_SERVED = re.compile(rf"(?P<r>{ROLE_WORDS})(?:\([^()]*\))?を")


_OCCUPATIONS = frozenset(("研究者", "エンジニア", "科学者"))
_FIELD_BEFORE = re.compile(r"(?<![ァ-ヺー一-鿿])[ァ-ヺー一-鿿]{2,8}$")


def _role(ctx: Ctx, t: Trig, p: Ment) -> str | None:
    if t.kind == "serve":
        served = _POST_SERVED.search(ctx.text, p.pend, t.start)
        return ROLE_EN.get(served.group("r"), served.group("r")) if served else None
    start = ctx.clause_start(t.start)
    slots = list(_ROLE_SLOT.finditer(ctx.text, start, min(p.start, t.start)))
    own = _ROLE_SLOT.match(ctx.text, p.pend) if p.particle in ("が", "は") else None
    m = (
        own
        or (slots[-1] if slots else None)
        or _ROLE_SLOT.search(ctx.text, start, t.start)
        or _ROLE_SLOT.search(ctx.text, t.end)
    )
    word = m.group("r") if m else None
    if m and word in _OCCUPATIONS and m.group().endswith("として"):
        # 機械学習エンジニアとして: an occupation with its field is a role
        field = _FIELD_BEFORE.search(ctx.text, max(0, m.start("r") - 8), m.start("r"))
        word = field.group() + word if field else word
    if word is None and t.kind == "lead" and not _leads_elsewhere(ctx, t):
        word = p.role or role_before(ctx.text, p) or None  # a title held elsewhere is no role
    if word in (None, "研究者", "エンジニア", "科学者", "幹部", "役員", "トップ", "責任者"):
        return None
    return ROLE_EN.get(word, word)


def _affiliation(ctx: Ctx, p: Ment, people: list[Ment]) -> str | None:
    """Where the person worked before, as written around the name (or, for people listed
    together, around the list); for a person left unsaid, only their stated career."""
    if p.extra.get("unsaid"):
        return None
    own = _affiliation_of(ctx, p)
    if own:
        p.extra["affiliated"] = True
        return own
    if any(_ROLE_SLOT.search(ctx.text, q.start - 12, q.start) for q in people):
        return None  # 社長にはA氏、会長にはB氏: each named with their own past
    for member in people:
        found = _affiliation_of(ctx, member) if member is not p else None
        if found:
            return found
    return _former_after(ctx, people)


_EX_GAP = re.compile(
    r"[^、。はがを]{0,10}の(?:[^、。はがをにとで「」]{1,8}?(?:者|員|家|エンジニア|幹部))?\s?"
)


_HEADED = re.compile(r"(?:率い|統括し|経営し)(?:ていた|てきた|た)(?:[^、。はがを]{0,8}の)?\s?")


def _affiliation_of(ctx: Ctx, p: Ment) -> str | None:
    if p.extra.get("former"):
        return str(p.extra["former"])
    before = [m for m in ctx.ments if m.end <= p.start and m.kind in COMPANY and not m.quoted]
    last = before[-1] if before else None
    if (
        last is not None
        and last.lp == "を"
        and ctx.text.startswith("経て", last.pend)
        and "は" not in ctx.text[last.pend : p.start]
    ):
        return _employer(last)  # Xを経て合流した: the employer just before
    if last is not None and last.lp == "を" and _HEADED.fullmatch(ctx.text, last.pend, p.start):
        return _employer(last)  # 同社を率いていたY氏を迎え入れた: the company headed
    for m in reversed(before):
        gap = ctx.text[m.pend : p.start]
        if len(gap) > 40:
            break
        if m.prefix == "元" and _EX_GAP.fullmatch(ctx.text[m.end : p.start]):
            return _employer(m)  # 元グーグルの技術者ジョナサン・ロス氏
        if _FORMER_ROLE.fullmatch(ctx.text[m.pend : p.start]):
            return _employer(m)
        if not m.particle and _CURRENT_POST.fullmatch(ctx.text, m.end, p.start):
            return _employer(m)  # 日立製作所出身の小池淳義氏, ソニーCSL社長の北野宏明氏
        if not m.particle and _BRANCH_POST.fullmatch(ctx.text, m.end, p.start):
            return _employer(m)  # マイクロン日本法人の社長などを務めた…氏
        if (
            m.lp in ("の", "で")
            and (not gap.strip() or _AFFIL_GAP.search(gap))
            and "は" not in gap
            and not _GOAL_END.search(gap)
        ):
            return _employer(m)
    for m in ctx.ments:
        near = 0 <= m.start - p.pend <= 4 and m.kind in COMPANY and m.lp in ("で", "の")
        if near and _FORWARD_AFFIL.match(ctx.text[m.pend :]):
            return _employer(m)
    return None


def _former_after(ctx: Ctx, people: list[Ment]) -> str | None:
    """…といった他の元メタ研究者: a former employer written after the list."""
    last = max(people, key=lambda m: m.start)
    for m in ctx.ments:
        if (
            m.start > last.pend
            and m.kind in COMPANY
            and _FORMER_AFTER.match(ctx.text[last.pend : m.start])
        ):
            return _employer(m)
    return None
