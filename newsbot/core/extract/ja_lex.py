"""Japanese lexicon: character classes, titles, particles, trigger and trap words.

Everything here is data or a compiled pattern; the rules that read it live in ``ja_*``
modules. Patterns run on text folded by ``fold_ja`` (full-width ASCII to ASCII, one
character for one, so offsets stay those of the sentence).
"""

from __future__ import annotations

import re

KATA = "ァ-ヺー"
KANJI = "一-鿿々〆ヵヶ"
HIRA = "ぁ-ゖ"
NAME_SEP = "・=＝"

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20


def fold_ja(text: str) -> str:
    """Full-width ASCII letters, digits and signs to ASCII; ideographic space to a space."""
    return text.translate(_FOLD)


def alternation(words: str) -> str:
    """A regex alternation of space-separated words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words.split()), key=len, reverse=True))


# Titles written right after a person's name (ジャン・ルフェーブル氏, サム・アルトマンCEO).
PERSON_TITLES = alternation(
    "氏 さん 様 CEO CTO COO CFO CRO CSO CPO CAIO 会長兼社長 会長兼CEO 会長 社長 副社長 "
    "代表取締役 代表 取締役 教授 准教授 博士 王子 首相 大統領 長官 議員 理事長 所長 "
    "最高経営責任者 最高技術責任者 最高執行責任者 最高財務責任者 最高研究責任者 "
    "最高科学責任者 最高製品責任者 最高AI責任者 最高情報責任者 最高戦略責任者 "
    "共同創業者 創業者 会長兼最高経営責任者 暫定CEO 共同CEO 元CEO 前CEO 主任科学者 "
    "上級副社長 執行役員 副会長 頭取 執行会長 暫定共同CEO 上級バイスプレジデント"
)
# Last words that make a katakana name a company, not a person (ヴァイ・キャピタル).
COMPANY_TAILS = alternation(
    "キャピタル ベンチャーズ ベンチャー パートナーズ パートナー ホールディングス ホールディング "
    "グループ テクノロジーズ テクノロジー ラボ ラボズ ラボラトリーズ マネジメント インベストメンツ "
    "インベストメント ファンド ドットコム コーポレーション カンパニー エンタープライズ "
    "ネットワークス システムズ ソリューションズ リサーチ インダストリーズ ファイナンシャル "
    "キャピタルズ アドバイザーズ アソシエイツ ロボティクス セミコンダクター "
    "モーターズ コミュニケーションズ エレクトロニクス ファーマ グローバル"
)
# Katakana words that describe a company but are not one (米スタートアップ, 米メディア).
GENERIC_KATA = frozenset(
    "スタートアップ ベンチャーキャピタル ベンチャー メディア テック テクノロジー ネット "
    "ソフトウエア ソフトウェア データ クラウド ファンド メーカー ベンダー プラットフォーム "
    "チーム グループ メガバンク エンジニア エネルギー アプリ サービス ユーザー モデル "
    "ビッグテック コンサル コンサルティング ゲーム ロボット チップ ファンドマネジャー "
    "ニュース レポート プロジェクト パートナー パートナーシップ オープンソース システム "
    "データセンター インフラ セキュリティ ロボティクス ヘルスケア フィンテック "
    "ハードウェア ハードウエア コスト リスク マーケット ビジネス プログラム コンテンツ ツール "
    "エージェント チャットボット ソリューション アルゴリズム アーキテクチャ "
    "パラメータ パラメーター "
    "トークン ベンチマーク ライセンス ラウンド シリーズ シード ユーザー数 スマートフォン スマホ "
    "パソコン サーバー ネットワーク インターネット オンライン イベント カンファレンス セミナー "
    "ウェブ サイト ページ ブログ メール メモ インタビュー コメント ニーズ トレンド ブーム "
    "マネジメント ガバナンス コンプライアンス リーダー トップ メンバー スタッフ エンジニアリング "
    "クリエイター アーティスト ファン ゲーマー ドライバー オペレーター パートナー企業 "
    "サプライチェーン イノベーション テクノロジーズ ソフト アップデート バージョン リリース "
    "ロードマップ ビジョン ミッション ストーリー ケース モデル群 タスク ワークフロー プロセス "
    "オフィス キャンパス ラボ センター ホールディングス グループ会社 子会社 プレスリリース "
    "デジタル グローバル ローカル リアル バーチャル エンタープライズ コンシューマー "
    "ユースケース フィードバック トレーニング ファインチューニング インフラ整備 エコシステム "
    "コミュニティ オープンモデル ベースモデル オープン ナンバー アジア ヨーロッパ アメリカ "
    "アフリカ イスラエル カナダ インド フランス ドイツ イギリス シンガポール オーストラリア "
    "ロシア ブラジル メキシコ スイス スウェーデン オランダ ベルギー イタリア スペイン "
    "ユーロ ドル ポンド ウォン ルピー フラン ルーブル レアル ペソ バーツ ルピア "
    "リストラ レイオフ ランキング "
    "サウジ サウジアラビア カタール ドバイ アブダビ クウェート ベトナム タイ インドネシア マレーシア "
    "フィリピン ポーランド ノルウェー デンマーク フィンランド アイルランド オーストリア ポルトガル "
    "ギリシャ トルコ エジプト ナイジェリア ケニア アルゼンチン チリ コロンビア ニュージーランド "
    "ロンドン パリ ベルリン ミュンヘン リヨン ボルドー トロント モントリオール ソウル シドニー "
    "シリコンバレー サンフランシスコ ニューヨーク ボストン シアトル テキサス カリフォルニア".split()
)
# Endings that make a katakana word a thing or a role, not a name (デスクトップアプリ).
GENERIC_TAIL = re.compile(
    r"(?:アプリ|サービス|モデル|システム|プラットフォーム|ツール|チーム|プロジェクト|プレジデント|"
    r"サイエンティスト|エンジニア|ディレクター|マネジャー|マネージャー|オフィサー|リーダー|フェロー|アドバイザー|"
    r"ユーザー|データ|センター|エージェント|ソリューション|ソフトウェア|ソフトウエア|チップ|デバイス|"
    r"コンテンツ|ネットワーク|インフラ|アシスタント|(?<!ロ)ボット|エンジン|ライブラリ|フレームワーク|"
    r"アーキテクチャ|パラメータ|パラメーター|トークン|ライセンス|ビジネス|マーケット|ラウンド|"
    r"ストラテジスト|アナリスト|キャピタリスト|コンサルタント|プロデューサー|デザイナー|ジャーナリスト)$"
)
# Latin tokens that are words, not names (大規模言語モデル（LLM）, CEO, GPU).
LATIN_STOP = frozenset(
    "ai llm llms gpu gpus cpu api apis ceo cto coo cfo cro cso cpo caio ai's saas bpo rlhf "
    "rag dx it pr uae us usa uk eu agi m&a ipo vc vcs os pc sns ar vr xr iot ml nlp ocr "
    "hpc npu tpu asic fpga b2b b2c esg sdgs kpi roi arr mau dau faq q&a cm tv web app apps "
    "pdf csv ui ux gw mw kw tb gb pb nft dao cx hr ir ma tob ipa mou poc gpt ok ng dm "
    "pro max mini plus ultra beta alpha new the and of for in on with to by at a an "
    "inc corp co ltd llc plc gmbh sa ag jp en com net org www http https the hd".split()
)
ROLE_WORDS = alternation(
    "最高経営責任者 最高技術責任者 最高執行責任者 最高財務責任者 最高研究責任者 最高科学責任者 "
    "最高製品責任者 最高AI責任者 最高情報責任者 最高戦略責任者 最高人工知能責任者 "
    "CEO CTO COO CFO CRO CSO CPO CAIO 会長兼社長 会長 社長 副社長 代表取締役社長 "
    "代表取締役 取締役 執行役員 上級副社長 副会長 主任科学者 チーフサイエンティスト "
    "研究責任者 研究部門責任者 責任者 バイスプレジデント 上級バイスプレジデント 部門長 "
    "エグゼクティブ・バイスプレジデント 暫定CEO 共同CEO 暫定共同CEO 最高AI責任者 フェロー 顧問 理事 "
    "所長 副所長 本部長 部長 室長 センター長 頭取 理事長 議長 学長 執行会長 専務 常務 "
    "専務執行役員 常務執行役員 社外取締役 監査役 "
    "エグゼクティブ・チェアマン エグゼクティブチェアマン 会長兼社長CEO 社長CEO 社長兼CEO "
    "研究者 エンジニア 科学者 幹部 役員 トップ 会長兼CEO 共同創業者 創業者 教授 准教授 "
    "アドバイザー 技術アドバイザー 戦略アドバイザー シニアアドバイザー 特別顧問 技術顧問"
)
ROLE_EN = {
    "最高経営責任者": "CEO",
    "最高技術責任者": "CTO",
    "最高執行責任者": "COO",
    "最高財務責任者": "CFO",
    "最高研究責任者": "Chief Research Officer",
    "最高科学責任者": "Chief Scientific Officer",
    "最高製品責任者": "Chief Product Officer",
    "最高AI責任者": "Chief AI Officer",
    "最高人工知能責任者": "Chief AI Officer",
    "最高情報責任者": "CIO",
    "最高戦略責任者": "Chief Strategy Officer",
    "会長兼社長": "chairman and president",
    "会長": "chairman",
    "社長": "president",
    "副社長": "vice president",
    "代表取締役社長": "president",
    "代表取締役": "representative director",
    "取締役": "board member",
    "執行役員": "executive officer",
    "副会長": "vice chairman",
    "主任科学者": "chief scientist",
    "チーフサイエンティスト": "chief scientist",
    "研究責任者": "head of research",
    "暫定CEO": "interim CEO",
    "共同CEO": "co-CEO",
    "共同創業者": "co-founder",
    "創業者": "founder",
    "会長兼CEO": "chairman and CEO",
    "上級副社長": "senior vice president",
    "バイスプレジデント": "vice president",
    "エグゼクティブ・バイスプレジデント": "executive vice president",
    "顧問": "adviser",
    "専務": "senior managing director",
    "常務": "managing director",
    "専務執行役員": "senior managing executive officer",
    "常務執行役員": "managing executive officer",
    "社外取締役": "outside director",
    "監査役": "auditor",
    "暫定共同CEO": "interim co-CEO",
    "所長": "director",
    "副所長": "deputy director",
    "本部長": "head",
    "部長": "head",
    "室長": "head",
    "センター長": "head",
    "頭取": "president",
    "理事長": "chairman",
    "執行会長": "executive chairman",
    "エグゼクティブ・チェアマン": "executive chairman",
    "エグゼクティブチェアマン": "executive chairman",
    "社長CEO": "president and CEO",
    "社長兼CEO": "president and CEO",
    "会長兼社長CEO": "chairman, president and CEO",
    "アドバイザー": "adviser",
    "技術アドバイザー": "technical adviser",
    "戦略アドバイザー": "strategic adviser",
    "シニアアドバイザー": "senior adviser",
    "特別顧問": "special adviser",
    "技術顧問": "technical adviser",
}

# A case particle (or phrase working as one) right after a name, longest first.
PARTICLES = alternation(
    "を巡っては をめぐっては を巡り をめぐり については について に対しては に対して に対し "
    "に対する によると によれば による によって により をはじめとする をはじめ とともに と共に と一緒に を通じ "
    "との間で とのあいだで との間 とは では には からは からの から への へは へ でも で "
    "との と は が を に の も や 、 , といった などの など らの らが らは らを らと らも らから "
    "らに らによる ら および 及び ならびに 並びに とも 株 / のほか ほか"
)
LIST_PARTICLES = frozenset(
    ("と", "、", ",", "や", "および", "及び", "ならびに", "並びに", "/", "のほか", "ほか")
)
EXAMPLE_PARTICLES = frozenset(("といった", "などの", "をはじめとする", "をはじめ"))

COUNTRY_PREFIX = "米英仏独中韓加豪印露蘭台瑞伊"
# The paren content that renames (現LINEヤフー) or only glosses ((旧フェイスブック)).
NEW_NAME = re.compile(r"^(?:現|現在の)\s*(.+)$")
OLD_NAME = re.compile(r"^(?:旧|元)")

# Trigger stems; compounds that are nouns of another meaning are excluded by lookahead.
# Every alternative opens with a literal (a lookbehind goes after it: リード(?<=がリード)),
# so the engine skips straight to the characters that can start a trigger.
ACQ_TRIGGER = re.compile(
    r"買収(?!額|価格|金額|提案|交渉|案|計画|合戦|防衛|者|先|候補|後|資金|劇|話|報道|観測|計画|条件|費用|総額"
    r"|ファンド|戦略|攻勢|意欲|対象|ターゲット|専門|巧者)"
    r"|完全子会社化|連結子会社化|子会社化|完全子会社(?:に|と)(?:し|する|いたし)"
    r"|連結子会社(?:に|と)(?:し|する|いたし)|傘下に(?:収め|入れ|置|加え)"
    r"|傘下に(?:入っ|入る|入り|移っ|移る|移り)|傘下入り"
    r"|経営権を取得|吸収合併"
    r"|株式の過半数を取得|過半数の株式を取得|全株式を取得|全株を取得|全株式の取得|発行済み株式の全て"
)
SALE_TRIGGER = re.compile(
    r"売却(?!益|損|額|価格|先|候補|案|計画|交渉|話|益)|売り渡|譲渡(?!益|損|額|価格|先|制限)"
)
INV_TRIGGER = re.compile(
    r"出資(?!額|者|比率|先|会社|金|分|企業|枠|話|計画|総額|後|前)|投資(?!家|会社|ファンド|額|銀行|部門|先|枠|事業|会|対象|総額"
    r"|判断|信託|ファーム|マネー|利益|効率|計画|家ら|担当|部)|資金調達|調達(?!額|先|元|前|後|コスト|網|部門|力|計画)"
    r"|主導(?!権)|リード(?=する|した|し[、てた]|して|役を)|リード(?<=がリード)(?=$|[。\s])|引き受け|引受(?!先)|増資(?!後|前)|投じ|資金を集め(?=た)"
    r"|集め(?<=[円ルロ]を集め)(?=た|ま|て|る)"
    r"|株式を取得|の株式を\S{0,10}取得"
    r"|株式?の?(?:約|およそ)?\d+(?:\.\d+)?%(?:分)?を(?:[^。、を]{0,16}?で)?取得"
    r"|%の株式を保有|株式を保有|%を出資|持ち合"
)
PART_TRIGGER = re.compile(
    r"資本業務提携|業務資本提携|資本提携|業務提携|戦略的提携|戦略提携|提携(?!先|関係者|解消)|"
    r"戦略的パートナーシップ(?!の解消)|包括的なパートナーシップ(?!の解消)|"
    r"包括的パートナーシップ(?!の解消)|包括パートナーシップ(?!の解消)|"
    r"戦略パートナーシップ(?!の解消)|パートナーシップ(?!の解消)|協業|アライアンス|合弁|手を組|"
    r"共同(?:で)?(?:開発|研究|販売|運営|設立|出資)|協力(?:する|し|して|を)|"
    # AはBと共同で検査AIを開発: the joint work named after its object
    r"共同(?<=と共同)(?:で|して)(?=[^。、「」]{1,30}?[をの](?:開発|研究|実証|検証|共同研究|共同開発))|"
    r"覚書(?<!買収に関する覚書)(?=\s?\([A-Z]{2,4}\)|を|の締結)|連携協定|協力協定|代理店契約|再販契約|リセラー契約"
)
CUST_TRIGGER = re.compile(
    r"ライセンス(?:契約|料|供与|を取得|を供与|を受け)|使用許諾|技術供与|供給(?!網|量|不足|過剰|制約|能力|体制|先)|出荷(?!台数|量|額|数|先|価格|停止)|納入(?!先|実績)|導入(?!事例|企業|実績|社数|件数|先)|採用(?!事例|企業|実績)|活用|利用(?!者)|購入|支払|支出|"
    r"使用|使っ|使う|顧客|取引(?!所)|調達|発注|取り入れ|"
    r"契約(?<!提携契約)(?<!携の契約)(?<!協業契約)(?<!合弁契約)(?<!統合契約)(?<!合併契約)"
    r"(?<!買収契約)(?<!譲渡契約)(?<!投資契約)(?<!出資契約)(?<!共同研究契約)(?<!共同開発契約)"
    r"(?<!代理店契約)(?<!再販契約)(?<!リセラー契約)(?!社員|者)"
)
STATUS_TRIGGER = re.compile(
    r"一時停止|停止|中断|中止|見合わせ|凍結|打ち切|終了|解約|解消|取りやめ|取り止め|撤退|"
    r"再開|継続|同様の(?:措置|対応|動き)"
)
TALENT_DEPART = re.compile(
    r"退社|退任|辞任|退職|離脱|離れ|去っ|去る|去り|辞め|離職|を辞し|解任|更迭|退い|退く"
)
TALENT_ARRIVE = re.compile(
    r"入社|加わ|加入|合流|参画|移籍|移っ|移る|移り|転じ|転身|就任|就い|就く|着任|迎え入れ|"
    r"招へい|招聘|採用|引き抜|起用|任命|指名|抜擢|復帰|戻っ|引き入れ|迎え|昇格|昇任|昇進|就き|"
    r"参加(?<=として参加)|参加(?<=チームに参加)|加入|働い(?=てい)(?<=として働い)|働き始め|"
    r"転職(?!者|組|先|市場|サイト|サービス|支援|活動|希望|率|理由|エントリ|エージェント|の)"
)
TALENT_FOUND = re.compile(
    r"(?:共同創業|共同設立|共同で設立|共同創設|創業|設立|立ち上げ|起業)"
    r"(?!者|メンバー|期|以来|家|チーム|当初|時|初期|から|年|直後|間もない|まもない|された|されて|され)"
    r"|名を連ね|共同創業者(?:に|と)(?:なっ|なり|なる)|創業メンバーに(?:なっ|なり|加わ)"
    r"|つくっ(?<=会社をつくっ)|作っ(?<=会社を作っ)|つくり(?<=会社をつくり)|作り(?<=会社を作り)"
    r"|興し(?<=会社を興し)|おこし(?<=会社をおこし)"
)
TALENT_LEAD = re.compile(r"を率い")
TALENT_SERVE = re.compile(r"務め(?:ている|ています|ます|る)(?!ていた)")
LAYOFF_TRIGGER = re.compile(r"人員削減|人員整理|解雇|レイオフ|リストラ|希望退職|早期退職|削減")
LAUNCH_TRIGGER = re.compile(
    r"発表|公開|リリース|提供(?:を)?開始|提供を始め|提供し始め|発売|投入|ローンチ|披露|"
    r"一般提供|オープンソース化"
)
FIN_METRIC = (
    (
        "arr",
        re.compile(
            r"年間経常収益|年間定期収益|経常収益|年換算収益|ARR|ランレート|"
            r"年(?:率)?換算(?:の|で|した)?(?:売上高|売上|収益)"
        ),
    ),
    ("gross_margin", re.compile(r"粗利益率|粗利率|売上総利益率|グロスマージン")),
    (
        "funding_total",
        re.compile(
            r"累計調達額|調達総額|累計の調達額|累計資金調達額|資金調達総額"
            r"|これまでの(?:資金)?調達額|創業以来の(?:資金)?調達額|設立以来の(?:資金)?調達額"
            r"|累計の(?:資金)?調達額|調達額は(?:累計|合計|総額)"
        ),
    ),
    ("revenue", re.compile(r"売上高|売り上げ|売上|年間収益|営業収益|収益|総収入|年商")),
    ("valuation", re.compile(r"企業価値|評価額|時価総額")),
)

# After a trigger, in its clause: the deal did not happen, or is not done.
NEGATION = re.compile(
    r"(?:し|され|せ|でき|至ら|至って|至っ|行わ|結ば|含まれ|当たら|あたら|取得し|実施し)"
    r"(?:ない|なかった|ず|ておらず|ていない|ていません|ません|ませんでした|なく)"
    r"|ではな[いく]|ではありません|わけではな|わけではありません|とはならな|には当たらな|"
    r"に至っていな|には至らず|には至っていな|至らなかった|断念|見送|撤回|否定|拒否|拒ま|拒絶|断っ|断ら|"
    r"断られ|辞退|白紙|破談|頓挫|取り下げ|見合わせ(?:た|る)?ことを明らかに|試みたものの|失敗"
)
# Later in the sentence, or in the next: the deal was called off (合意を撤回, 買収は破談に).
CALLED_OFF = re.compile(
    r"(?P<deal>合意|買収|計画|契約|提携|出資|統合|合併|取引|売却|案件|話)(?:は|を|が|も|自体)?"
    r"[^。]{0,16}?(?:撤回|取りやめ|取り止め|破談|白紙|断念|頓挫|破棄|見送)"
    r"(?:した|された|する|になった|になる|に終わった|となった|に|と|し、|され、)"
)
# An attempt that failed later in the sentence: 買収も試みたが、…反対を受けて断念した.
ATTEMPT_FAILED = re.compile(
    r"[^。]{0,6}?(?:試み|目指し|模索し|狙っ|図っ|計画し|進めて?い)た?が、?[^。]{0,40}?"
    r"(?:断念|失敗|頓挫|破談|白紙|撤回|見送|実現しなかった|実現せず|阻まれ|成立しなかった)"
)
# In the clause of a trigger: only planned, in talks, or conditional.
HEDGE = re.compile(
    r"交渉中|交渉を(?:進め|行っ|続け|始め|開始)|交渉して|交渉に入|協議中|協議を(?:進め|行っ|開始|始め)|"
    r"協議して|協議に入|検討中|検討して|検討を|を検討|検討する|模索|打診|可能性|見通しが立|"
    r"すれば|したら|するなら|であれば|ならば|した場合|する場合|する見込みとの|噂|うわさ|観測が|"
    r"意向を示して|意向だ|意向を|目指して交渉|かどうか|だろうか|でしょうか|ますか|最終調整|調整に入|"
    r"調整している|調整中|方向で調整|を目指す|を目指して|を目指し|に向けた協議|に向けて協議|"
    r"考えを示|考えだ|考えを明らか|方針を示|方針だ|"
    r"できたら|できれば|できた場合|できるなら|たいと(?:考え|思|願)|たいです|予定(?:だ|です|である|。|$)"
)
RUMOUR = re.compile(
    r"と報じ|との報道|と伝え|伝えられ|報じられ|報道され|報じている|報じた|とされ(?:る|ている)|"
    r"模様|関係者によると|関係者の話|情報筋|消息筋|と(?:いう|の)観測|観測(?:が|も)(?:出|浮上|広が)|"
    r"報じてい|報道してい|が報じ"
)
# Anywhere in the sentence, or in the next: the parties have not confirmed the deal told
# (両社は正式に発表していない), so it is a report, no event.
UNCONFIRMED = re.compile(
    r"正式に(?:は)?(?:発表|公表|認め|確認|コメント)(?:して|されて)?(?:いな|おらず|いませ)"
    r"|正式(?:な)?発表(?:は|を)?(?:してい|されてい|がな|はな)"
    r"|(?:両社|各社|双方)(?:とも|ともに)?(?:は|も)(?:いずれも)?(?:明らかにしていな|明らかにしておらず"
    r"|公表していな|発表していな|認めていな|コメントしていな|コメントを控え)"
)
ANON_SOURCE = re.compile(
    r"関係者によると|関係者の話では|関係筋によると|情報筋によると|消息筋によると"
)
STAYED = re.compile(r"残留|とどま|留ま|留任|続投|引き続き|残る|残った|残って")
QUESTION_END = re.compile(r"(?:か|？|\?)\s*[」』]?\s*$")
CONTRAST = re.compile(r"が、|ものの|一方(?:で)?、|けれど|けど、|ただ、|しかし")
# Clause boundaries inside a sentence: a verb's continuative form followed by a comma.
CLAUSE_BREAK = re.compile(
    r"(?:[しりてでけえせきみびぎちいっめべれげね]|ため|ほか|うえ|上で|一方|ものの|ており|ておらず|だが|が|後|際|上)、"
)
