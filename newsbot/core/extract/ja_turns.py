"""Japanese interviews: deals told in the interviewee's own words.

An answer (「…」 on its own, or a turn after ――question) leaves its subject unsaid: it is
the company the interviewee speaks for (``Discourse.voice``, else the page's company). Two
ways of telling a deal belong to that voice and to no other sentence shape:

- a joint piece of work with a company named with と (トヨタさんと…を一緒に試しています,
  BMWとは…共同で…を開発する契約も結んだ): a partnership of the voice with it;
- a trial with a company (青葉銀行さんとの実証は、いったん止まっています): that company is
  the voice's customer, with the status the sentence gives the trial;
- a customer named as such (最初の顧客はファナックだった): the voice's customer, whether
  or not the name is one the reader knows.
"""

from __future__ import annotations

import re

from newsbot.core.extract.ja_clauses import Ctx, Trig, blocked
from newsbot.core.extract.ja_entities import Ment
from newsbot.core.extract.ja_lex import GENERIC_KATA, GENERIC_TAIL
from newsbot.core.extract.ja_state import COMPANY, State, make

_JOINT = re.compile(
    r"(?:一緒に|いっしょに|共同で|共同して|協力して|ともに|共に)[^。]{0,40}?"
    r"(?:試し|試す|試験|開発|研究|取り組|進め|検証|実証|つくっ|作っ|つくる|作る|構築)"
)
_TRIAL = re.compile(
    r"(?:さん|様)?(?:との|と|とは|での|で)(?:共同)?(?:実証|PoC|POC|概念実証|トライアル|試験導入|実験)"
)
# 実証はまだ始まっていません: a trial that has not happened.
_NOT_YET = re.compile(r"(?:ません|ていない|てない|なかった|ではな|じゃな)(?!か)")
# 実証は止まっていません: a stop denied; the trial goes on.
_NO_STOP = re.compile(
    r"(?:止まっ|止め|やめ|辞め|終わっ|終了し|中断し|停止し|打ち切っ)て(?:は|も)?"
    r"(?:いない|いません|いなかった|おらず|ない|ません)"
)
_STATUS = (
    (re.compile(r"止まっ|止まり|止め|停止|中断|見合わせ|凍結|保留|休止"), "paused"),
    (re.compile(r"終了|終わ|打ち切|やめ|撤退|解約"), "ended"),
)


def turns(ctx: Ctx, state: State) -> None:
    """The partnerships and trial customers an answer tells with its subject unsaid."""
    voice = state.disc.voice or state.disc.main("company")
    if not voice or ctx.question:
        return
    _named_customer(ctx, state, voice)
    if _stated_agent(ctx, voice):
        return
    for m in ctx.ments:
        if m.kind not in COMPANY or m.quoted or not m.name or m.name == voice:
            continue
        joint = _JOINT.search(ctx.text, m.end) if m.lp.startswith("と") else None
        if joint is not None and not ctx.text.count("。", m.pend, joint.start()):
            _add(ctx, state, m, "part", joint.start(), joint.end(), voice)
            continue
        trial = _TRIAL.match(ctx.text, m.end)
        if trial is not None and not _JOINT.search(ctx.text, m.pend):
            _add(ctx, state, m, "cust", trial.start(), trial.end(), voice)


# 最初の顧客はファナックだった: the one the speaker names as a customer, a name whatever it is.
_CUSTOMER_IS = re.compile(
    r"(?:^|[、\s])(?:最初の|初の|主な|大口の?|一番の)?顧客は、?"
    r"(?P<n>[ァ-ヺー・]{3,}|[A-Z][A-Za-z0-9&.\-]+)(?:さん|様)?(?:だった|だ|です|でした)"
)


def _named_customer(ctx: Ctx, state: State, voice: str) -> None:
    cue = _CUSTOMER_IS.search(ctx.text) if "顧客" in ctx.text else None
    if cue is None:
        return
    named = next((m for m in ctx.ments if m.start == cue.start("n") and m.kind in COMPANY), None)
    name = named.name if named is not None else cue.group("n")
    generic = named is None and (name in GENERIC_KATA or GENERIC_TAIL.search(name) is not None)
    if name and name != voice and not generic:  # 顧客はメーカーだ: a kind of customer
        fields = {"vendor": voice, "customer": name, "amount_usd": None, "status": "active"}
        state.add(make("customer", fields, ctx, 0.55, pos=cue.start("n")))


def _stated_agent(ctx: Ctx, voice: str) -> bool:
    """A sentence whose subject is another company: read by the other rules."""
    return any(
        m.kind in COMPANY and m.lp in ("は", "が") and m.name != voice and m.source != "anaphor"
        for m in ctx.ments
    )


def _add(ctx: Ctx, state: State, m: Ment, kind: str, start: int, end: int, voice: str) -> None:
    t = Trig(kind, start, end, ctx.text[start:end])
    going_on = kind == "cust" and _NO_STOP.search(ctx.text, end) is not None
    if blocked(ctx, t) or (_NOT_YET.search(ctx.text, end) and not going_on):
        return
    if kind == "part":
        summary = ctx.raw[ctx.clause_start(m.start) : ctx.clause_end(end)].strip(" 、。")
        partners = {"companies": [voice, m.name], "summary": summary[:160]}
        state.add(make("partnership", partners, ctx, 0.6, pos=start))
        return
    tail = ctx.text[end:]
    status = "active" if going_on else next((s for rx, s in _STATUS if rx.search(tail)), "active")
    fields = {"vendor": voice, "customer": m.name, "amount_usd": None, "status": status}
    state.add(make("customer", fields, ctx, 0.55, pos=start, explicit=status != "active"))
