"""The author of a first-person post (a 転職エントリ): whom an unsaid subject means.

A personal post names its writer in the title (小川健太です。Xに転職しました), on a byline
line (文：小川健太, 筆者：…) or on a line of its own at the top, and tells its story in the
first person and the polite form (退職し、Xに入社しました). In such a post an omitted subject
of a move is the writer, whatever company the sentence before was about. A news article with a
reporter's byline is no such post: it tells moves in the plain form, without 私.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbot.core.extract.ja_lex import HIRA, KANJI, KATA, fold_ja
from newsbot.core.extract.text import Sentence

_NAME = (
    rf"(?:[{KANJI}]{{2,5}}|[{KANJI}]{{1,3}} [{KANJI}]{{1,3}}|[{KATA}]+(?:・[{KATA}]+)+"
    rf"|[{KANJI}]{{1,3}} ?(?:[{HIRA}]{{2,4}}|[{KATA}]{{2,4}}))"
)
# 小川健太です。…: the writer introduces themself in the title.
_SELF_TITLE = re.compile(rf"^(?:[^。]{{0,12}}[のな、]\s?)?(?P<n>{_NAME})です(?:[。、!！]|$)")
# 文：小川健太, 筆者・小川健太, 書いた人：…: a byline.
_BYLINE = re.compile(
    rf"^\s?(?:文|著|筆者|執筆|執筆者|書いた人|著者|記事)\s?[:=・/]\s?(?P<n>{_NAME})\s?$"
)
# A name alone on the post's first line.
_NAME_LINE = re.compile(rf"^\s?(?P<n>{_NAME})\s?$")
_NOT_NAME = re.compile(
    r"[社省庁局府院団課員会議所業界者隊軍党役職任務営術究発策統括担当政席定級]|大学|学院|"
    r"概要|目次|記事|関連|速報|特集|連載|解説|新着|人気|お知らせ|まとめ|投稿|報告|日記|^[同両各当本自前元新現故副旧総代全他]"
)
# The post speaks in the first person: 私は, or a move told in the polite past of one's own.
_FIRST_PERSON = re.compile(
    r"(?:^|[、。\s「])(?:私|僕|わたし|自分)(?:は|が|も|自身)"
    r"|(?:入社|退職|退社|転職|移籍|参画|ジョイン|卒業)(?:いた)?しました"
)
_TOP_LINES = 4


def find_author(sentences: Sequence[Sentence]) -> str:
    """The name of the writer of a first-person post, or ``""`` for any other article."""
    texts = [fold_ja(s.text) for s in sentences]
    if not any(_FIRST_PERSON.search(t) for t in texts):
        return ""
    for s, text in zip(sentences, texts, strict=True):
        if s.kind == "title":
            m = _SELF_TITLE.match(text)
        elif s.block <= _TOP_LINES:
            m = _BYLINE.match(text) or (_NAME_LINE.match(text) if s.block <= 1 else None)
        else:
            break
        if m is not None and not _NOT_NAME.search(m.group("n")):
            return m.group("n").replace(" ", "")
    return ""
