"""Japanese entity recognition: registry names, names known from context, particles, lists,
and what 同社, 同氏, 両社 and bare surnames refer to."""

from __future__ import annotations

import pytest

from newsbot.core.extract.ja_discourse import Discourse, resolve_mention
from newsbot.core.extract.ja_entities import Ment, find_mentions, find_quotes
from newsbot.core.extract.ja_lex import fold_ja
from newsbot.core.registry import Registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


def mentions(text: str, registry: Registry) -> list[Ment]:
    return find_mentions(fold_ja(text), registry)


def by_surface(text: str, registry: Registry) -> dict[str, Ment]:
    return {m.surface: m for m in mentions(text, registry)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("研究者のハンナ・ベッカー氏が登壇した。", "ハンナ・ベッカー", "person"),
        ("ロベルト・ディ・マッテオCEOは語った。", "ロベルト・ディ・マッテオ", "person"),
        ("同社の高木誠司社長は述べた。", "高木誠司", "person"),
        ("CTOの森田彩氏が説明した。", "森田彩", "person"),
        ("米ブライトウェーブは新製品を出した。", "ブライトウェーブ", "company"),
        ("英クォンタムリーフ・ラボは発表した。", "クォンタムリーフ・ラボ", "company"),
        ("出資したヴェルデ・キャピタルは述べた。", "ヴェルデ・キャピタル", "company"),
        ("AIスタートアップのノヴァミンドと組む。", "ノヴァミンド", "company"),
        ("みずなみ銀行は導入を決めた。", "みずなみ銀行", "company"),
        ("株式会社ソラトビは発表した。", "ソラトビ", "company"),
        ("米ネクストAIに出資した。", "ネクストAI", "company"),
        ("米QXシステムズを買収した。", "QXシステムズ", "company"),
        ("新興のOrbit Labsが調達した。", "Orbit Labs", "unknown"),
        ("日本ソラトビは、田中太郎氏が新社長に就任したと発表した。", "田中太郎", "person"),
        ("山本花子が取締役CTOに就任した。", "山本花子", "person"),
        ("東日本フイルムは米ノヴァを買収した。", "東日本フイルム", "company"),
        ("独シーメンス・ヘルシニアーズが出資した。", "シーメンス・ヘルシニアーズ", "company"),
        ("DEFベンチャーズが出資した。", "DEFベンチャーズ", "company"),
    ],
)
def test_names_known_from_context(text: str, name: str, kind: str, registry: Registry) -> None:
    found = {m.name: m.kind for m in mentions(text, registry)}
    assert found.get(name) == kind, found


@pytest.mark.parametrize(
    "text",
    [
        "米スタートアップが相次いで資金を集めた。",
        "米ベンチャーキャピタルが出資した。",
        "大手銀行や事業会社が出資に加わった。",
        "暫定CEOに就いた。",
    ],
)
def test_descriptions_are_not_names(text: str, registry: Registry) -> None:
    assert [m.name for m in mentions(text, registry) if m.kind != "product"] == []


def test_registry_names_are_canonical(registry: Registry) -> None:
    found = by_surface("エヌビディアとアンソロピックが提携した。", registry)
    assert found["エヌビディア"].name == "NVIDIA"
    assert found["アンソロピック"].name == "Anthropic"


def test_registry_alias_inside_a_longer_katakana_word_is_not_a_mention(registry: Registry) -> None:
    assert [m.name for m in mentions("メタデータを整備した。", registry)] == []


def test_parenthetical_gives_the_better_known_name(registry: Registry) -> None:
    found = mentions("米データブリックス（Databricks）は買収した。", registry)
    assert [(m.name, m.particle) for m in found] == [("Databricks", "は")]


def test_parenthetical_new_name_replaces_the_old(registry: Registry) -> None:
    found = mentions("LINE（現LINEヤフー）で働いた。", registry)
    assert found[0].name == "LY Corporation"


def test_reading_in_parentheses_is_not_a_second_mention(registry: Registry) -> None:
    found = mentions("東京のSakana AI（サカナAI）は調達した。", registry)
    assert [m.name for m in found] == ["Sakana AI"]


def test_title_and_role_after_a_person(registry: Registry) -> None:
    m = by_surface("デビッド・ハ氏（CEO）が率いる。", registry)["デビッド・ハ"]
    assert (m.title, m.role, m.particle) == ("氏", "CEO", "が")


def test_country_prefix_is_kept_apart(registry: Registry) -> None:
    m = mentions("米ブライトウェーブは発表した。", registry)[0]
    assert (m.prefix, m.name) == ("米", "ブライトウェーブ")


def test_former_employer_prefix(registry: Registry) -> None:
    m = mentions("元グーグル研究者のジョン・ドウ氏", registry)[0]
    assert (m.name, m.prefix) == ("Google", "元")


def test_coordinated_names_share_the_last_particle(registry: Registry) -> None:
    found = mentions("米グーグル、米アマゾン、米エヌビディアなどが出資した。", registry)
    assert [m.lp for m in found] == ["が", "が", "が"]
    assert len({m.list_id for m in found}) == 1


def test_people_coordinated_across_a_description(registry: Registry) -> None:
    text = "ケン・タナベ氏と、米グーグルで研究を率いたリサ・モロー氏が設立した。"
    people = [m for m in mentions(text, registry) if m.kind == "person"]
    assert [m.lp for m in people] == ["が", "が"]


def test_comitative_partner_is_not_a_list(registry: Registry) -> None:
    found = mentions("富士通は米グーグルと提携し、NECに出資した。", registry)
    assert [m.lp for m in found] == ["は", "と", "に"]


def test_examples_take_the_particle_after_the_noun(registry: Registry) -> None:
    found = mentions("OpenAI、アンソロピックといった開発企業が利用した。", registry)
    assert [m.lp for m in found] == ["が", "が"]


def test_headline_subject_before_a_comma_is_the_topic(registry: Registry) -> None:
    found = mentions("富士通、米グーグルと戦略提携", registry)
    assert [(m.name, m.lp) for m in found] == [("Fujitsu", "は"), ("Google", "と")]


def test_quotes_drop_their_reading() -> None:
    quotes = find_quotes("新モデル「GPT-9（ジーピーティーナイン）」を発表した")
    assert [(q.name, q.particle) for q in quotes] == [("GPT-9", "を")]


# ---------------------------------------------------------------- back-references


def read(sentences: list[str], registry: Registry) -> list[list[Ment]]:
    """Mentions of each sentence, resolved in order as the extractor does."""
    disc = Discourse()
    out = []
    for i, text in enumerate(sentences):
        found = mentions(text, registry)
        for j, m in enumerate(found):
            resolve_mention(disc, i, found, j)
            disc.note(i, m)
        for m in found:
            if len(m.names) >= 2:
                disc.note_group(i, m.kind, m.names)
        lists: dict[int, list[Ment]] = {}
        for m in found:
            lists.setdefault(m.list_id, []).append(m)
        for group in lists.values():
            if len(group) >= 2 and group[-1].lp in ("は", "が"):
                disc.note_group(i, group[0].kind, tuple(m.name for m in group))
        out.append(found)
    return out


def test_dousha_is_the_topic_company(registry: Registry) -> None:
    found = read(
        [
            "米ブライトウェーブは2019年に設立された。",
            "米グーグル出身者も多い。",
            "同社の売上高は伸びた。",
        ],
        registry,
    )
    assert found[2][0].name == "ブライトウェーブ"


def test_dousha_is_not_the_subject_of_its_own_clause(registry: Registry) -> None:
    found = read(["米ノヴァの動向を巡っては、米メタが同社株式を取得した。"], registry)
    assert [m.name for m in found[0]] == ["ノヴァ", "Meta", "ノヴァ"]


def test_doushi_is_the_person_in_focus(registry: Registry) -> None:
    found = read(["ハンナ・ベッカー氏は講演した。", "同氏は米グーグル出身だ。"], registry)
    assert found[1][0].name == "ハンナ・ベッカー"


def test_ryousha_is_the_last_pair(registry: Registry) -> None:
    found = read(["富士通と米グーグルは提携した。", "両社は新会社を作る。"], registry)
    assert found[1][0].names == ("Fujitsu", "Google")


def test_surname_resolves_to_the_full_name(registry: Registry) -> None:
    found = read(["研究者のハンナ・ベッカー氏が語った。", "ベッカー氏は退社した。"], registry)
    assert found[1][0].name == "ハンナ・ベッカー"


def test_unknown_surname_stays_partial(registry: Registry) -> None:
    found = read(["ベッカー氏は退社した。"], registry)
    assert found[0][0].name == "" and found[0][0].extra["partial"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ミズカゼ（東証グロース）は決算説明会を開いた。", "ミズカゼ"),
        ("コエダマ（東証プライム：5599）の株価が上がった。", "コエダマ"),
        ("音声認識を手がけるコエダマは、決算説明会を開いた。", "コエダマ"),
        ("同社のロボットはカネマルの物流センターで動いている。", "カネマル"),
        ("家計簿アプリのサイフノート、従業員を減らす。", "サイフノート"),
        ("シンガポール最大の物流会社、南海通運は発表した。", "南海通運"),
        ("新興の星河智能（シンガーAI）を買収した。", "星河智能"),
    ],
)
def test_a_listing_a_line_of_work_or_a_site_makes_a_word_a_company(
    registry: Registry, text: str, name: str
) -> None:
    found = [m.name for m in mentions(text, registry) if m.kind == "company" and m.name]
    assert found == [name]


@pytest.mark.parametrize(
    "text",
    [
        "ロボットの工場で組み立てた。",
        "検索AIを開発するチームは増えた。",
        "アプリのアップデートは来月だ。",
        "年換算売上高（ARR）は伸びた。",
    ],
)
def test_common_nouns_in_those_slots_stay_no_company(registry: Registry, text: str) -> None:
    assert not [m for m in mentions(text, registry) if m.kind == "company"]


def test_a_headline_opening_on_two_names_joined_by_to_has_both_as_topic(
    registry: Registry,
) -> None:
    found = mentions("NECとサカナAI、金融向けLLMで業務提携", registry)
    assert [(m.name, m.lp) for m in found] == [("NEC", "は"), ("Sakana AI", "は")]
    found = mentions("富士通、Cohereと提携", registry)
    assert [(m.name, m.lp) for m in found] == [("Fujitsu", "は"), ("Cohere", "と")]
