"""The entity registry: normalisation, lookups in both scripts, and finding names in text."""

from __future__ import annotations

import time
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbot.core.registry import KINDS, Entry, Mention, Registry, normalise_name
from newsbot.errors import ConfigError

SMALL = """
[[company]]
name = "Meta"
aliases = ["Meta Platforms", "Facebook", "メタ", "メタ・プラットフォームズ"]

[[company]]
name = "Scale AI"
aliases = ["スケールAI"]

[[person]]
name = "Guillaume Lample"
aliases = ["ギヨーム・ランプル"]
org = "Mistral AI"

[[product]]
name = "Cursor"
company = "Anysphere"
ambiguous = true
"""


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.default()


def names(mentions: list[Mention]) -> list[str]:
    return [m.entry.name for m in mentions]


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("OpenAI, Inc.", "openai"),
        ("Microsoft Corp.", "microsoft"),
        ("Oracle Corporation", "oracle"),
        ("Mitsui & Co.", "mitsui"),
        ("Aleph Alpha GmbH", "alephalpha"),
        ("SAP SE", "sap"),
        ("Foo K.K.", "foo"),
        ("Anthropic PBC", "anthropic"),
        ("米OpenAI", "openai"),
        ("米 グーグル", "グーグル"),
        ("英Arm", "arm"),
        ("仏ミストラルAI", "ミストラルai"),
        ("メタ・プラットフォームズ", "メタプラットフォームズ"),
        ("メタ･プラットフォームズ", "メタプラットフォームズ"),
        ("ソフトバンク株式会社", "ソフトバンク"),
        ("株式会社サイバーエージェント", "サイバーエージェント"),
        ("ELYZA(株)", "elyza"),
        ("㈱ABEJA", "abeja"),
        ("グーグル社", "グーグル"),
        ("ＯｐｅｎＡＩ", "openai"),
        ("Run:ai", "runai"),
        ("Character.AI", "characterai"),
        ("GPT-4o", "gpt4o"),
        ("日立", "日立"),
        ("日本電気", "日本電気"),
        ("中国電信", "中国電信"),
        ("新聞社", "新聞社"),
        ("Inc.", "inc"),
        ("", ""),
    ],
)
def test_normalise_name(raw: str, key: str) -> None:
    assert normalise_name(raw) == key


@given(st.text())
def test_normalise_name_never_raises_and_is_idempotent(s: str) -> None:
    once = normalise_name(s)
    assert normalise_name(once) == once


@given(st.text(alphabet=st.sampled_from(list("米英社株式会 ,.Incorp(株)・メタAISa"))))
def test_normalise_name_idempotent_on_affix_soup(s: str) -> None:
    once = normalise_name(s)
    assert normalise_name(once) == once
    assert " " not in once and "・" not in once


# ---------------------------------------------------------------- loading and lookup


def test_from_toml_text_and_lookup_in_both_scripts() -> None:
    reg = Registry.from_toml_text(SMALL)
    assert len(reg) == 4
    spellings = (
        "Meta",
        "meta platforms",
        "Meta Platforms, Inc.",
        "米メタ",
        "メタプラットフォームズ",
    )
    for name in spellings:
        entry = reg.lookup(name)
        assert entry is not None and entry.name == "Meta", name
    person = reg.lookup("ギヨーム・ランプル")
    assert person is not None and person.kind == "person" and person.affiliation == "Mistral AI"
    assert reg.lookup("Lample") is None  # surnames are derived elsewhere
    assert reg.lookup("Meta", kind="person") is None


def test_bad_registry_data_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Registry.from_toml_text('[[company]]\naliases = ["x"]\n')
    with pytest.raises(ConfigError):
        Registry.from_toml_text('[[gadget]]\nname = "x"\n')
    with pytest.raises(ConfigError):
        Registry.from_toml_text('[[company]]\nname = "x"\naliases = "y"\n')
    with pytest.raises(ConfigError):
        Registry.from_toml_text("[[company]\n")


def test_add_and_merge_return_new_registries() -> None:
    base = Registry.from_toml_text(SMALL)
    more = base.add("Acme Robotics", "company", ["アクメ"], parent="Meta")
    assert base.lookup("Acme Robotics") is None
    acme = more.lookup("アクメ")
    assert acme is not None and acme.parent == "Meta"
    extended = more.add("Facebook", "company", ["FB Inc"], ticker="META")
    meta = extended.lookup("FB")
    assert meta is not None and meta.name == "Meta" and meta.ticker == "META"
    assert "Meta Platforms" in meta.aliases
    assert len(extended) == len(more)
    merged = Registry.from_toml_text(SMALL).merge(Registry.from_toml_text(SMALL))
    assert len(merged) == 4
    with pytest.raises(ConfigError):
        base.add("x", "gadget")


def test_default_is_cached_and_unchanged_by_additions(reg: Registry) -> None:
    assert Registry.default() is reg
    reg.add("Zzyzx Labs", "company")
    assert reg.lookup("Zzyzx Labs") is None


def test_default_lookups(reg: Registry) -> None:
    cases = {
        "オープンAI": "OpenAI",
        "アンスロピック": "Anthropic",
        "アンソロピック": "Anthropic",
        "エヌビディア": "NVIDIA",
        "Nvidia Corp.": "NVIDIA",
        "ソフトバンクグループ": "SoftBank Group",
        "SoftBank": "SoftBank Group",
        "SoftBank Corp.": "SoftBank Corp.",
        "SoftBank Corporation": "SoftBank Corp.",
        "ソフトバンク": "SoftBank Corp.",
        "三菱UFJフィナンシャル・グループ": "Mitsubishi UFJ Financial Group",
        "三菱UFJ": "Mitsubishi UFJ Financial Group",
        "Codeium": "Windsurf",
        "Facebook": "Meta",
        "LINEヤフー": "LY Corporation",
        "a16z": "Andreessen Horowitz",
        "孫正義": "Masayoshi Son",
        "サム・アルトマン": "Sam Altman",
        "Karen Simonyan": "Karén Simonyan",
        "GPT4o": "GPT-4o",
        "Scale Venture Partners": "Scale Venture Partners",
        "Scale AI": "Scale AI",
    }
    for raw, name in cases.items():
        entry = reg.lookup(raw)
        assert entry is not None and entry.name == name, raw
    assert reg.lookup("Scale") is None
    assert reg.lookup("Metaphor") is None


# ---------------------------------------------------------------- the packaged data


def test_packaged_data_size_and_kinds(reg: Registry) -> None:
    assert len(reg) >= 400
    counts = {kind: len(reg.entries(kind)) for kind in KINDS}
    assert counts["company"] >= 250 and counts["person"] >= 150 and counts["product"] >= 80


def test_packaged_data_has_no_normalised_alias_shared_by_two_entries(reg: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in reg.entries():
        for alias in entry.names:
            owners[normalise_name(alias)].add(f"{entry.kind}:{entry.name}")
    clashes = {key: who for key, who in owners.items() if len(who) > 1}
    # the one legal-suffix pair that stays apart by design: the group and its telecom unit
    assert clashes == {"softbank": {"company:SoftBank Group", "company:SoftBank Corp."}}


def test_packaged_data_references_resolve(reg: Registry) -> None:
    by_name = {e.name: e for e in reg.entries()}
    for entry in reg.entries():
        for ref, kind in (
            (entry.parent, "company"),
            (entry.org, "company"),
            (entry.company, "company"),
        ):
            if ref is not None:
                assert ref in by_name and by_name[ref].kind == kind, (entry.name, ref)
        assert not set(entry.aliases) & set(entry.ambiguous_aliases), entry.name
        assert entry.kind_hint in (None, "investor"), entry.name


def test_packaged_file_is_sorted_by_name_within_each_kind(reg: Registry) -> None:
    import tomllib
    from importlib import resources

    text = resources.files("newsbot").joinpath("data").joinpath("entities.toml").read_text()
    data = tomllib.loads(text)
    for kind in KINDS:
        listed = [t["name"] for t in data[kind]]
        assert listed == sorted(listed, key=lambda n: (n.casefold(), n)), kind


# ---------------------------------------------------------------- finding mentions


def test_find_mentions_in_english(reg: Registry) -> None:
    text = (
        "Meta Platforms will invest $14.3 billion in Scale AI, and Alexandr Wang will join "
        "Meta. OpenAI's rival Anthropic, Google DeepMind and xAI watched."
    )
    found = reg.find_mentions(text)
    assert names(found) == [
        "Meta",
        "Scale AI",
        "Alexandr Wang",
        "Meta",
        "OpenAI",
        "Anthropic",
        "Google DeepMind",
        "xAI",
    ]
    for m in found:
        assert text[m.start : m.end] == m.surface


def test_find_mentions_in_japanese(reg: Registry) -> None:
    text = (
        "米メタ・プラットフォームズはスケールAIに出資し、"
        "アレクサンダー・ワン氏がメタに加わる。オープンAIも。"
    )
    assert names(reg.find_mentions(text)) == ["Meta", "Scale AI", "Alexandr Wang", "Meta", "OpenAI"]


def test_japanese_names_do_not_match_inside_katakana_runs(reg: Registry) -> None:
    assert reg.find_mentions("メタバース事業とメタデータ") == []
    assert names(reg.find_mentions("メタ、グーグル・アマゾン")) == ["Meta", "Google", "Amazon"]
    assert names(reg.find_mentions("メタプラットフォームズ")) == ["Meta"]


def test_latin_names_need_word_boundaries_and_case(reg: Registry) -> None:
    assert reg.find_mentions("Metaphor and metadata and the metaverse") == []
    assert reg.find_mentions("a meta-analysis of intel and apple pie") == []
    assert names(reg.find_mentions("OPENAI SIGNS DEAL")) == ["OpenAI"]
    assert reg.find_mentions("openai.com") == []
    assert names(reg.find_mentions("NVIDIA, Nvidia and ＮＶＩＤＩＡ")) == ["NVIDIA"] * 3


def test_near_misses_stay_apart(reg: Registry) -> None:
    assert names(reg.find_mentions("Scale Venture Partners led it.")) == ["Scale Venture Partners"]
    assert names(reg.find_mentions("Scale AI raised.")) == ["Scale AI"]
    assert reg.find_mentions("How to scale. Scale matters.") == []
    assert reg.find_mentions("The Character Group said.") == []
    assert names(reg.find_mentions("Character.AI and Character AI")) == ["Character.AI"] * 2


def test_longest_match_wins(reg: Registry) -> None:
    text = (
        "SoftBank Corp. and SoftBank Group; ソフトバンクとソフトバンクグループ; GPT-4o mini, GPT-4."
    )
    assert names(reg.find_mentions(text)) == [
        "SoftBank Corp.",
        "SoftBank Group",
        "SoftBank Corp.",
        "SoftBank Group",
        "GPT-4o mini",
        "GPT-4",
    ]
    assert names(reg.find_mentions("GPT-4.5 and Llama-3 and Claude-3.5-Sonnet")) == [
        "GPT-4.5",
        "Llama 3",
        "Claude 3.5 Sonnet",
    ]


def test_ambiguous_names_need_context(reg: Registry) -> None:
    assert names(reg.find_mentions("Legal AI startup Harvey raised $300 million.")) == ["Harvey"]
    assert names(reg.find_mentions("Harvey said it raised money.")) == ["Harvey"]
    assert reg.find_mentions("Harvey Weinstein was mentioned.") == []
    assert reg.find_mentions("Runway lights and a cursor.") == []
    assert reg.find_mentions("Alan Turing proposed the test.") == []
    assert reg.find_mentions("Figure 3 shows the results.") == []
    assert names(reg.find_mentions("Investors in Figure AI and Figure include NVIDIA.")) == [
        "Figure AI",
        "Figure AI",
        "NVIDIA",
    ]
    assert reg.find_mentions("アクセルを踏む") == []
    assert names(reg.find_mentions("米アクセルが出資")) == ["Accel"]
    found = reg.find_mentions("Runway lights", require_context=False)
    assert names(found) == ["Runway"] and found[0].ambiguous


def test_find_mentions_is_fast(reg: Registry) -> None:
    text = (
        "Meta Platforms will invest $14.3 billion in Scale AI, a data-labelling startup. "
        "米メタ・プラットフォームズはスケールAIに143億ドルを出資する。 "
    ) * 40
    reg.find_mentions("warm up")
    start = time.perf_counter()
    for _ in range(20):
        reg.find_mentions(text)
    per_call = (time.perf_counter() - start) / 20
    assert per_call < 0.02, per_call  # ~5,000 characters; measured ~1 ms


def test_entry_helpers() -> None:
    entry = Entry("Figure AI", "company", ("Figure AI Inc.",), ambiguous_aliases=("Figure",))
    assert entry.names == ("Figure AI", "Figure AI Inc.", "Figure")
    assert entry.is_ambiguous("Figure") and not entry.is_ambiguous("Figure AI")


def test_quick_token_scan_finds_the_same_name_starts(reg: Registry) -> None:
    """Without a lowercase or numeric name in a text, the class-first token pattern finds
    what the full one does; with one, the full pattern runs."""
    reg.find_mentions("warm up")
    matcher = reg._matcher
    assert matcher is not None
    texts = [
        "Meta Platforms will invest $14.3 billion in Scale AI; Éric Émile joined.",
        "米メタ・プラットフォームズはスケールAIに143億ドルを出資する。三菱UFJも。",
        "ＮＶＩＤＩＡ and Nvidia, A.I. and B2B: (Anthropic) [OpenAI]",
    ]
    for text in texts:
        quick = [(m.start(), m.group()) for m in matcher.tokens_without_runs.finditer(text)]
        full = [(m.start(), m.group()) for m in matcher.tokens.finditer(text)]
        assert quick == full
        assert [(m.start(), m.group()) for m in matcher._starts(text)] == full
    for text in ("xAI and OpenAI", "he'd go", "o1 ships"):
        assert [m.group() for m in matcher._starts(text)] == [
            m.group() for m in matcher.tokens.finditer(text)
        ]
    assert names(reg.find_mentions("xAI and OpenAI")) == ["xAI", "OpenAI"]
