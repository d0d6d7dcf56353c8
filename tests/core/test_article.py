"""parse_article on pages written for these tests (tests/fixtures/pages).

Each page carries the boilerplate that hurts downstream: navigation, related boxes, ads
inside the body, reader comments claiming deals that never happened, cookie banners,
newsletter boxes and footers. The article text must keep the body and nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsbot.core.article import Article, parse_article
from newsbot.errors import ParseError

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
URL = "https://news.example/section/story.html"


def parse(name: str, content_type: str | None = None, **kwargs: str) -> Article:
    return parse_article((PAGES / name).read_bytes(), URL, content_type=content_type, **kwargs)


def assert_absent(text: str, *snippets: str) -> None:
    leaked = [snippet for snippet in snippets if snippet in text]
    assert not leaked, f"boilerplate in the text: {leaked}"


# --- an English news page with everything around the story -----------------------------


@pytest.fixture(scope="module")
def news() -> Article:
    return parse("news_en.html")


def test_news_metadata(news: Article) -> None:
    assert news.title == "Orbitline raises $120 million to build chips for robot arms"
    assert news.published_at == datetime(2024, 3, 5, 8, 15, tzinfo=UTC)
    assert news.author == "Priya Raman, Tom Ellery"
    assert news.lang == "en"
    assert news.site_name == "The Ledger Review"
    assert news.canonical_url == (
        "https://news.example/business/2024/03/orbitline-series-b?ref=canonical"
    )
    assert news.url == URL


def test_news_text_keeps_the_story(news: Article) -> None:
    assert news.text.startswith("Orbitline, a Bristol start-up that designs motion-control chips")
    assert "led by Northgate Ventures" in news.text
    assert "Chief executive Marta Lindqvist said" in news.text
    assert news.text.endswith("The company employs 140 people.")


def test_news_text_drops_boilerplate(news: Article) -> None:
    assert_absent(
        news.text,
        "Apple is about to buy Anthropic",  # reader comment
        "Siemens is acquiring Orbitline",  # reader comment
        "Reader comments",
        "FleetMax",  # ad inside the body
        "Advertisement",
        "Robot makers are raising record sums",  # "Read more" inside the body
        "Vantage Systems agrees to buy Kairo",  # most-read box
        "cookies",  # consent banner
        "Sign up for our free newsletter",
        "Share on LinkedIn",
        "Registered in England",  # footer
        "Markets",  # navigation
        "Published: 5 March 2024",  # byline
    )


def test_news_text_layout(news: Article) -> None:
    paragraphs = news.text.split("\n\n")
    assert paragraphs[0].startswith("Orbitline, a Bristol")
    assert paragraphs[1].startswith("Existing backers Halcyon Capital")
    assert "Who invested" in paragraphs
    lists = [p for p in paragraphs if p.startswith("Northgate Ventures (lead)")]
    assert lists == [
        "Northgate Ventures (lead), which also backed Cobalt Motion\n"
        "Halcyon Capital, returning from the Series A\n"
        "The Keel Fund, a UK pension-backed investor"
    ]
    assert (
        "Round | Year | Amount\nSeed | 2020 | $8 million\nSeries A | 2022 | $35 million\n"
        "Series B | 2024 | $120 million"
    ) in paragraphs
    assert paragraphs[-1].endswith("by up to a third.\nThe company employs 140 people.")


# --- pages with little or misleading markup ----------------------------------------------


def test_plain_blog_drops_unmarked_comments_ads_and_related() -> None:
    article = parse("blog_plain_en.html")
    assert article.title == "Why Corvid Labs picked Lisbon"
    assert article.published_at == datetime(2023, 1, 23)
    assert article.author == "Dana Okoro"
    assert article.lang == "en"
    assert article.text.startswith("Corvid Labs, the speech-recognition company")
    assert article.text.endswith("expects to double that by the end of the year.")
    assert_absent(
        article.text,
        "Google is buying Corvid",  # comment, same container as the story
        "Great write-up",
        "Quanta CI",  # sponsored link
        "Sponsored",
        "Speech AI funding doubled",  # related list
        "Blogroll",
        "Powered by",
        "Jan 23, 2023",  # dateline paragraph
    )


def test_an_interviewee_with_the_initials_pr_is_no_ad_label() -> None:
    # Transcript turns open with the speaker's initials in bold; "PR" is also the label of
    # Japanese ad boxes, but a paragraph among other speaker turns is the interview itself.
    turns = (
        "<p><strong>Q:</strong> How did the quarter go for the company?</p>"
        "<p><strong>PR:</strong> We ended December at $28 million in recurring revenue.</p>"
        "<p><strong>Q:</strong> And who is using the product today?</p>"
        "<p><strong>PR:</strong> Fenwick Foods runs every supplier invoice through us now.</p>"
    )
    ad = "<div><span>PR</span><a href='https://ads.example/x'>Try Quanta CI free</a></div>"
    text = parse_article(page(body=turns + ad), URL).text
    assert "$28 million in recurring revenue" in text
    assert "Fenwick Foods runs every supplier invoice" in text
    assert_absent(text, "Quanta CI")


def test_page_wide_form_and_theme_classes_do_not_hide_the_story() -> None:
    article = parse("form_wrapper_en.html")
    assert article.title == "Halden Foods names Rui Matsuda chief digital officer"
    assert article.published_at == datetime(2022, 9, 12)
    assert "has appointed Rui Matsuda" in article.text
    assert "promoted its analytics director, Sam Ochoa" in article.text  # second body part
    assert_absent(article.text, "Cheap flights", "Careers", "corporate newsroom")


def test_japanese_text_wins_over_a_wrong_lang_attribute() -> None:
    article = parse("ja_mislabelled.html")
    assert article.lang == "ja"
    assert article.published_at == datetime(2024, 11, 5, 9, tzinfo=timezone(timedelta(hours=9)))


# --- Japanese pages in legacy encodings --------------------------------------------------

SJIS_TITLE = "ナノテクAI、シリーズBで45億円を調達　物流向け画像認識を強化"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("shift_jis.html", None),
        ("shift_jis.html", "text/html; charset=Shift_JIS"),
        ("shift_jis.html", "text/html; charset=ISO-8859-1"),  # the server lies
        ("shift_jis_undeclared.html", None),  # no declaration at all: detected
        ("shift_jis_undeclared.html", "text/html"),
    ],
)
def test_shift_jis_page(name: str, content_type: str | None) -> None:
    article = parse(name, content_type)
    assert article.title == SJIS_TITLE
    assert article.published_at == datetime(2025, 10, 1, 10, 30)
    assert article.lang == "ja"
    assert article.site_name == "テック速報"
    assert article.canonical_url == "https://tech-sokuho.example/news/20251001-nanotech.html"
    assert "リード投資家は青葉キャピタルで" in article.text
    assert "①倉庫内の仕分けロボット" in article.text  # a cp932-only character
    assert_absent(
        article.text,
        "スポンサーリンク",
        "経費精算",  # ad in the body
        "300億円の新ファンド",  # 関連記事 in the body
        "ソフトバンクがナノテクAIを買収",  # reader comment
        "アクセスランキング",
        "上場承認",
        "Copyright",
        "スタートアップ",  # navigation
    )


def test_euc_jp_page() -> None:
    article = parse("euc_jp.html")
    assert article.title == "ヨツバ製薬とAI新興のミドリ、創薬で業務提携"
    assert article.published_at == datetime(2024, 6, 15)
    assert article.lang == "ja"  # no declaration: read from the script
    assert article.text.split("\n\n") == [
        "ヨツバ製薬は6月14日、AIスタートアップのミドリ（京都市）と創薬分野で業務提携すると発表した。",
        "ミドリが開発した化合物探索AIを、ヨツバ製薬の研究所で使う。契約金額は非公表。"
        "両社は3年以内に臨床試験に進む候補物質を見つけることを目指す。",
        "ヨツバ製薬の佐伯社長は「探索の期間を半分にしたい」と述べた。",
    ]


# --- charsets, BOMs, and bytes that are not articles -----------------------------------

BRULERIE = "Brûlerie Nord, the Montréal café chain, has sold a 30% stake"


def test_declared_latin1_but_utf8_bytes() -> None:
    article = parse("wrong_charset_utf8.html")
    assert BRULERIE in article.text
    assert article.published_at == datetime(2021, 6, 30)
    assert parse("wrong_charset_utf8.html", "text/html; charset=iso-8859-1").text == article.text


def test_bom_wins_over_declarations() -> None:
    article = parse("bom_utf8.html", "text/html; charset=windows-1252")
    assert article.title == "Café chain Brûlerie Nord sells stake to Atlas Partners"
    assert BRULERIE in article.text
    assert "\ufeff" not in article.text + article.title


def test_utf16_with_bom() -> None:
    page = (PAGES / "bom_utf8.html").read_bytes().decode("utf-8-sig")
    for codec in ("utf-16", "utf-16-be"):
        body = page.encode(codec) if codec == "utf-16" else b"\xfe\xff" + page.encode(codec)
        assert BRULERIE in parse_article(body, URL).text


def test_empty_page_is_refused() -> None:
    with pytest.raises(ParseError, match="no article text"):
        parse("empty.html")


@pytest.mark.parametrize("body", [b"", b"   \n\t  "])
def test_empty_bytes_are_refused(body: bytes) -> None:
    with pytest.raises(ParseError, match="empty page"):
        parse_article(body, URL)


def test_binary_content_is_refused() -> None:
    with pytest.raises(ParseError, match="binary"):
        parse("binary.png")
    with pytest.raises(ParseError, match="binary"):
        parse_article(b"<html>\x00\x01\x02\x00\x00garbage</html>", URL)


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "video/mp4"])
def test_non_html_content_type_is_refused(content_type: str) -> None:
    with pytest.raises(ParseError, match="not an HTML page"):
        parse("news_en.html", content_type)


def test_text_without_markup_is_refused() -> None:
    with pytest.raises(ParseError, match="no HTML markup"):
        parse_article(b'{"error": "not found", "status": 404}', URL)


# --- metadata details --------------------------------------------------------------------


PROSE = (
    "<p>Lumen Robotics said on Monday it had agreed to buy Fathom Sensors for an "
    "undisclosed sum, adding lidar to its warehouse robots.</p>"
)


def page(head: str = "", body: str = "", lang: str = "", prose: str = PROSE) -> bytes:
    attr = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{attr}><head><meta charset='utf-8'>{head}</head>"
        f"<body><div class='story'>{body}{prose}</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "byline",
    [
        "Published: Jan 23, 2023",
        "By Ana Ruiz | January 23, 2023 3:05 p.m.",
        "23 January 2023",
        "2023年1月23日 10時00分 配信",
        "2023/01/23 掲載",
        "2023-01-23",
        "2023.01.23 更新日 2023.02.01",
        "Updated Feb 1, 2023 · Published Jan 23, 2023",
    ],
)
def test_date_from_visible_byline(byline: str) -> None:
    article = parse_article(page(body=f"<h1>Lumen buys Fathom</h1><p>{byline}</p>"), URL)
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2023-01-23"


def test_date_sources_in_order_of_trust() -> None:
    head = (
        '<meta property="article:published_time" content="2023-01-20T23:30:00-05:00">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-01-21T04:30:00Z"}</script>'
    )
    article = parse_article(page(head, "<h1>T</h1><p>March 3, 2023</p>"), URL)
    assert article.published_at == datetime(2023, 1, 21, 4, 30, tzinfo=UTC)
    article = parse_article(page(head.split("<script")[0], "<h1>T</h1>"), URL)
    assert article.published_at == datetime(
        2023, 1, 20, 23, 30, tzinfo=timezone(timedelta(hours=-5))
    )
    assert article.published_at.date().isoformat() == "2023-01-20"  # the page's own day


def test_time_in_a_related_box_is_not_the_date() -> None:
    body = (
        '<aside class="related"><a href="/x">Older story</a> '
        '<time datetime="2019-05-05">May 5</time></aside>'
        '<h1>T</h1><time class="published" datetime="2023-01-23T08:00">Jan 23</time>'
    )
    assert parse_article(page(body=body), URL).published_at == datetime(2023, 1, 23, 8)


def test_date_from_url_as_a_last_resort() -> None:
    article = parse_article(page(body="<h1>T</h1>"), "https://x.example/2022/07/04/lumen.html")
    assert article.published_at == datetime(2022, 7, 4)
    assert parse_article(page(body="<h1>T</h1>"), URL).published_at is None


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>Lumen buys Fathom | Robot Daily</title>"
         '<meta property="og:site_name" content="Robot Daily">', "", "Lumen buys Fathom"),
        ("<title>Robot Daily - Lumen buys Fathom</title>"
         '<meta property="og:site_name" content="Robot Daily">', "", "Lumen buys Fathom"),
        ("<title>Lumen buys Fathom sensor maker - Robot Daily</title>",
         "<h1>Lumen buys Fathom sensor maker</h1>", "Lumen buys Fathom sensor maker"),
        ('<meta property="og:title" content="Lumen agrees to buy Fathom">'
         "<title>Home | Robot Daily</title>", "<h1>Robot Daily</h1>", "Lumen agrees to buy Fathom"),
        ('<script type="application/ld+json">[{"@type": "BlogPosting", '
         '"headline": "Lumen, Fathom and lidar"}]</script>', "", "Lumen, Fathom and lidar"),
        ("<title>Lumen buys Fathom｜ロボット新聞</title>"
         '<meta property="og:site_name" content="ロボット新聞">', "", "Lumen buys Fathom"),
    ],
)  # fmt: skip
def test_title_sources(head: str, body: str, title: str) -> None:
    assert parse_article(page(head, body), URL).title == title


@pytest.mark.parametrize(
    ("head", "body", "site"),
    [
        ("<title>Lumen buys Fathom - Robot Daily</title>", "<h1>Lumen buys Fathom</h1>",
         "Robot Daily"),
        ("<title>ロボット新聞｜ルーメン、ファゾムを買収</title>", "<h1>ルーメン、ファゾムを買収</h1>",
         "ロボット新聞"),
        ('<title>Robot Daily</title><meta property="og:site_name" content="RD">',
         "<h1>Lumen buys Fathom</h1>", "RD"),  # the page says it: the title is not read
        ("<title>Lumen buys Fathom</title>", "<h1>Lumen buys Fathom</h1>", None),
        # a separator inside the headline is no site
        ("<title>Lumen: the deal</title>", "<h1>Lumen: the deal</h1>", None),
        # the rest is no site name when it reads like a sentence
        ("<title>Lumen buys Fathom | and then it went on to buy two more sensor makers</title>",
         "<h1>Lumen buys Fathom</h1>", None),
    ],
)  # fmt: skip
def test_site_name_from_the_title_when_the_page_names_none(
    head: str, body: str, site: str | None
) -> None:
    assert parse_article(page(head, body), URL).site_name == site


@pytest.mark.parametrize(
    ("lang_attr", "head", "hint", "expected"),
    [
        ("en-US", "", None, "en"),
        ("EN_gb", "", None, "en"),
        ("", '<meta property="og:locale" content="pt_BR">', None, "pt"),
        ("", '<meta http-equiv="content-language" content="fr-FR">', None, "fr"),
        ("", "", None, "en"),
        ("", "", "de", "de"),  # nothing declared: the hint decides
        ("en", "", "ja", "en"),  # declared: the hint does not override
        ("ja", "", None, "en"),  # declared Japanese, but all the text is English
    ],
)
def test_language(lang_attr: str, head: str, hint: str | None, expected: str) -> None:
    article = parse_article(page(head, "<h1>T</h1>", lang=lang_attr), URL, lang_hint=hint)
    assert article.lang == expected


def test_japanese_declared_and_written() -> None:
    prose = "<p>東京のスタートアップが新しいAIモデルを公開した。性能は従来の2倍という。</p>"
    assert parse_article(page(lang="ja-JP", prose=prose), URL).lang == "ja"
    assert parse_article(page(prose=prose), URL, lang_hint="en").lang == "ja"


def test_canonical_falls_back_to_og_url_made_absolute() -> None:
    head = '<meta property="og:url" content="/a/lumen.html">'
    assert parse_article(page(head), URL).canonical_url == "https://news.example/a/lumen.html"
    assert parse_article(page(), URL).canonical_url is None


def test_author_from_byline_class() -> None:
    body = '<h1>T</h1><p class="byline">By <span class="author-name">Ana Ruiz</span> · Jan 2</p>'
    assert parse_article(page(body=body), URL).author == "Ana Ruiz"


# --- common templates: the whole text, exactly -------------------------------------------


@pytest.mark.parametrize(
    ("name", "paragraphs"),
    [
        (
            "wordpress_en.html",  # share bar and related posts in the body, comment list
            [
                "Pinecrest Bank has signed a three-year contract with Larkspur AI to use its "
                "document-reading software in small-business loan reviews, the two companies said.",
                "The bank expects the tool to cut the time it takes to approve a loan from nine "
                "days to three. Larkspur will be paid per application processed; neither side "
                "disclosed the value of the contract.",
            ],
        ),
        (
            "wrapped_paragraphs_en.html",  # one <div> per paragraph, unmarked ad and related
            [
                "Kestrel Air, the regional jet maker, will cut about 1,200 jobs, or 9 percent of "
                "its workforce, after two airlines postponed orders, the company said on Sunday.",
                "Most of the cuts will fall at its plant in Wichita. The company said it would "
                "take a charge of $85 million in the second quarter.",
                "Chief executive Dana Whit said the company remained committed to its new KA-90 "
                "aircraft, which is due to enter service in 2025.",
                "Shares of Kestrel fell 4 percent in early trading on Monday.",
            ],
        ),
        (
            "news_ja.html",  # 関連記事 heading and list, 広告 and コメント inside the article
            [
                "ミナト電機は18日、画像検査AIを手がけるトモエ（名古屋市）を子会社化すると発表した。"
                "発行済み株式の約8割を約120億円で取得する。",
                "トモエの検査AIを工場向けの制御機器に組み込み、2026年度までに関連売上高を300億円に"
                "引き上げる。",
                "トモエの田村社長は引き続き経営にあたる。",
            ],
        ),
        (
            "bare_article_en.html",  # paragraphs straight in <article>, pull quote, footer
            [
                "Sol Grid, which builds software for community solar projects, has raised $40 "
                "million in a Series B led by Terra Climate Partners.",
                "The company said it now manages 1,400 projects across 11 states and plans to "
                "expand into Canada next year.",
                "We are tripling the size of our engineering team this year.",
                "Terra Climate Partners' Jon Bell joins the board.",
            ],
        ),
    ],
)
def test_template_text(name: str, paragraphs: list[str]) -> None:
    assert parse(name).text.split("\n\n") == paragraphs


@pytest.mark.parametrize(
    ("name", "title", "published", "author", "site"),
    [
        ("wordpress_en.html", "Pinecrest Bank picks Larkspur AI for loan reviews",
         datetime(2024, 8, 19, 7, tzinfo=UTC), "Kim Osei", "FinTech Weekly"),
        ("wrapped_paragraphs_en.html", "Kestrel Air to cut 1,200 jobs as orders slow",
         datetime(2023, 6, 11), None, "Daily Courier"),  # from <title>
        ("news_ja.html", "ミナト電機、AI検査のトモエを子会社化　約120億円で",
         datetime(2024, 3, 18, 15, 30), None, "日刊テック"),
        ("bare_article_en.html", "Sol Grid raises $40 million", datetime(2025, 2, 3), None, None),
    ],
)  # fmt: skip
def test_template_metadata(
    name: str, title: str, published: datetime, author: str | None, site: str | None
) -> None:
    article = parse(name)
    assert (article.title, article.published_at, article.author, article.site_name) == (
        title,
        published,
        author,
        site,
    )


def test_utility_classes_and_classed_paragraphs_are_not_boxes() -> None:
    paragraphs = [
        "Brightwater Health has agreed to buy the diagnostics start-up Quorra for $310 million.",
        "Quorra's blood-test software will be added to Brightwater's clinics across the US.",
        "The deal is expected to close in the third quarter, subject to regulatory approval.",
    ]
    tailwind = "".join(f'<p class="mt-4 pr-4 md:pr-8 text-lg">{p}</p>' for p in paragraphs)
    classed = "".join(f'<p class="paywall share-target">{p}</p>' for p in paragraphs)
    for body in (tailwind, classed):
        ad = '<div class="ad-slot"><a href="/x">Ad: cheap flights</a></div>'
        html = page(body=ad + body, prose="")
        assert parse_article(html, URL).text.split("\n\n") == paragraphs


def test_labels_and_sponsored_links_inside_prose_are_kept() -> None:
    long_tail = " ".join(["The retailer said the offer would run until the end of March."] * 6)
    body = (
        "<p><b>Comments</b> from analysts were mixed after Brightwater's results on Tuesday.</p>"
        f'<p>Readers can <a href="https://shop.example/x" rel="sponsored">buy the device</a> '
        f"for $99. {long_tail}</p>"
    )
    text = parse_article(page(body=body), URL).text
    assert "Comments from analysts were mixed" in text
    assert "buy the device for $99" in text
