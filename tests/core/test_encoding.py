"""decode_html: BOM, HTTP charset, <meta>, XML declaration, detection, and lying servers."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.core.encoding import declared_charsets, decode_html, normalize_charset

JA = "ソフトバンクとOpenAIは合弁会社を設立すると発表した。①②③、髙橋氏が率いる。"
JA_PLAIN = "東京の新興企業が新しい人工知能のモデルを公開した。性能は従来の二倍になるという。"
FR = "Brûlerie Nord, la chaîne montréalaise de cafés, cède 30 % à Atlas — une première."


def html(text: str, meta: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"
    )


def meta_charset(label: str) -> str:
    return f'<meta charset="{label}">'


def http_equiv(label: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'


# --- declarations, in order of authority -------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_bom_wins_over_everything(bom: bytes, codec: str) -> None:
    page = html(FR, meta_charset("windows-1252"))
    decoded = decode_html(bom + page.encode(codec), "text/html; charset=iso-8859-1")
    assert decoded == page


def test_http_charset_is_honoured() -> None:
    page = html(FR)
    assert decode_html(page.encode("cp1252"), "text/html; charset=windows-1252") == page
    assert decode_html(page.encode("cp1252"), 'text/html; charset="ISO-8859-1"') == page


@pytest.mark.parametrize("declare", [meta_charset, http_equiv])
@pytest.mark.parametrize(
    ("label", "codec", "text"),
    [
        ("Shift_JIS", "cp932", JA),
        ("shift-jis", "cp932", JA),
        ("Windows-31J", "cp932", JA),
        ("EUC-JP", "euc_jp", JA_PLAIN),
        ("iso-8859-1", "cp1252", FR),
        ("gb2312", "gb18030", "深圳一家初创公司发布了新的人工智能模型，性能提升了一倍。"),
    ],
)
def test_meta_charset(declare: object, label: str, codec: str, text: str) -> None:
    page = html(text, declare(label))  # type: ignore[operator]
    assert decode_html(page.encode(codec)) == page


def test_xml_declaration() -> None:
    feed = (
        '<?xml version="1.0" encoding="Shift_JIS"?>\n'
        f"<rss><channel><title>{JA}</title></channel></rss>"
    )
    assert decode_html(feed.encode("cp932")) == feed
    assert decode_html(feed.encode("cp932"), "application/rss+xml") == feed


def test_http_header_outranks_meta() -> None:
    page = html(FR, meta_charset("koi8-r"))
    assert decode_html(page.encode("cp1252"), "text/html; charset=windows-1252") == page
    assert declared_charsets(page.encode("cp1252"), "text/html; charset=latin1") == [
        "cp1252",
        "koi8-r",
    ]


# --- wrong declarations -----------------------------------------------------------------


def test_utf8_bytes_under_a_latin1_declaration() -> None:
    page = html(FR + JA, meta_charset("iso-8859-1"))
    assert decode_html(page.encode("utf-8"), "text/html; charset=iso-8859-1") == page


@pytest.mark.parametrize("codec", ["cp932", "euc_jp"])
def test_japanese_bytes_under_a_latin1_header(codec: str) -> None:
    page = html(JA_PLAIN * 3)
    assert decode_html(page.encode(codec), "text/html; charset=ISO-8859-1") == page


def test_euc_jp_bytes_declared_as_shift_jis() -> None:
    page = html(JA_PLAIN * 2, meta_charset("Shift_JIS"))
    assert decode_html(page.encode("euc_jp")) == page


def test_utf8_bytes_declared_as_shift_jis() -> None:
    page = html(JA, meta_charset("Shift_JIS"))
    assert decode_html(page.encode("utf-8")) == page


def test_utf8_bytes_with_one_true_declaration() -> None:
    page = html("Москва и Токио: новое соглашение о сотрудничестве.", meta_charset("utf-8"))
    assert decode_html(page.encode("utf-8"), "text/html; charset=Shift_JIS") == page


def test_shift_jis_bytes_declared_as_utf8() -> None:
    page = html(JA_PLAIN * 3, meta_charset("utf-8"))
    assert decode_html(page.encode("cp932"), "text/html; charset=utf-8") == page


@pytest.mark.parametrize("codec", ["cp932", "euc_jp"])
def test_undeclared_japanese_is_detected(codec: str) -> None:
    page = html(JA_PLAIN * 3)
    assert decode_html(page.encode(codec)) == page


def test_unknown_label_is_ignored() -> None:
    page = html(FR + JA, meta_charset("x-no-such-charset"))
    assert decode_html(page.encode("utf-8"), "text/html; charset=bogus") == page


def test_iso_2022_jp() -> None:
    page = html(JA_PLAIN, meta_charset("iso-2022-jp"))
    assert decode_html(page.encode("iso2022_jp")) == page
    assert decode_html(html(JA_PLAIN).encode("iso2022_jp")) == html(JA_PLAIN)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("UTF8", "utf-8"),
        ("x-sjis", "cp932"),
        ("MS_Kanji", "cp932"),
        ("euc-jp", "euc_jp"),
        ("US-ASCII", "cp1252"),
        ("latin1", "cp1252"),
        ("utf-16", "utf-8"),
        ("koi8-r", "koi8-r"),
        ("nonsense", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_charset(label: str | None, codec: str | None) -> None:
    assert normalize_charset(label) == codec


# --- properties --------------------------------------------------------------------------

JAPANESE = st.text(
    alphabet=st.sampled_from(
        "あいうえおかきくけこさしすせそアイウエオカキクケコ東京大阪人工知能企業発表資金調達"
        "、。「」（）ー0123456789 ABCabc"
    ),
    min_size=1,
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=2000), content_type=st.none() | st.text(max_size=60))
def test_never_raises(body: bytes, content_type: str | None) -> None:
    assert isinstance(decode_html(body, content_type), str)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300).filter(lambda t: "\x00" not in t))
def test_utf8_round_trip(text: str) -> None:
    page = html(text, meta_charset("utf-8"))
    assert decode_html(page.encode("utf-8")) == page
    assert decode_html(page.encode("utf-8"), "text/html; charset=iso-8859-1") == page


@settings(max_examples=100, deadline=None)
@given(text=JAPANESE, label=st.sampled_from(["Shift_JIS", "EUC-JP"]))
def test_japanese_round_trip(text: str, label: str) -> None:
    codec = normalize_charset(label)
    assert codec is not None
    page = html(text, http_equiv(label))
    assert decode_html(page.encode(codec)) == page
    assert decode_html(page.encode(codec), f"text/html; charset={label}") == page
