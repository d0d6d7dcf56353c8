"""Bytes of an HTML (or XML) document → text, whatever charset it was written in.

Authority, highest first: a byte-order mark, the HTTP ``charset``, ``<meta charset>`` /
``<meta http-equiv="Content-Type">``, the XML declaration, then a detector
(charset-normalizer). Declarations lie often (a server default of ISO-8859-1 in front of
UTF-8 or Shift_JIS pages), so a declaration is only believed when the bytes decode under
it strictly and do not look like mojibake; bytes that are valid UTF-8 are read as UTF-8
against a single-byte declaration (Latin text is practically never valid UTF-8 by
accident) and against a CJK one when the UTF-8 reading is itself CJK text.

Pure: takes bytes, returns text. Shared by the article, feed and sitemap parsers.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

__all__ = ["declared_charsets", "decode_html", "normalize_charset"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG-style labels → the Python codec that reads what browsers read under that label.
_ALIASES = {
    "utf8": "utf-8",
    "unicode11utf8": "utf-8",
    "shiftjis": "cp932",
    "sjis": "cp932",
    "xsjis": "cp932",
    "mskanji": "cp932",
    "csshiftjis": "cp932",
    "windows31j": "cp932",
    "cp932": "cp932",
    "ms932": "cp932",
    "eucjp": "euc_jp",
    "xeucjp": "euc_jp",
    "cseucpkdfmtjapanese": "euc_jp",
    "iso2022jp": "iso2022_jp",
    "csiso2022jp": "iso2022_jp",
    "iso88591": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "usascii": "cp1252",
    "windows1252": "cp1252",
    "cp1252": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "xgbk": "gb18030",
    "gb18030": "gb18030",
    "chinese": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "euckr": "cp949",
    "ksc56011987": "cp949",
    "windows949": "cp949",
    # An ASCII-compatible page cannot really be UTF-16 without a BOM: browsers read UTF-8.
    "utf16": "utf-8",
    "utf16le": "utf-8",
    "utf16be": "utf-8",
}

_MULTIBYTE_PREFIXES = ("utf", "cp93", "cp94", "cp95", "euc", "shift_jis", "iso2022", "gb",
                       "big5", "johab", "hz")  # fmt: skip
_PRESCAN = 8192
_META_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_RE = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I)
_HTTP_RE = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# runs, not single characters: ``_count`` sums their lengths (one match per run is cheaper)
_CJK_RE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]+")  # kana, Han, Hangul, full-width
_HALF_WIDTH_KANA_RE = re.compile(r"[\uff61-\uff9f]+")
MOJIBAKE_MIN = 20
MOJIBAKE_SHARE = 0.3
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b$(D")


def normalize_charset(label: str | None) -> str | None:
    """Map a charset label to a Python codec name, or None when unknown."""
    if not label:
        return None
    key = re.sub(r"[^a-z0-9]", "", label.lower())
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return _ALIASES.get(re.sub(r"[^a-z0-9]", "", name), name)


def declared_charsets(body: bytes, content_type: str | None = None) -> list[str]:
    """Codecs the document claims, most authoritative first: HTTP, ``<meta>``, XML."""
    head = body[:_PRESCAN]
    labels: list[str | None] = []
    if content_type:
        match = _HTTP_RE.search(content_type)
        labels.append(match.group(1) if match else None)
    meta = _META_RE.search(head)
    labels.append(meta.group(1).decode("ascii", "replace") if meta else None)
    xml = _XML_RE.match(head)
    labels.append(xml.group(1).decode("ascii", "replace") if xml else None)
    found: list[str] = []
    for label in labels:
        codec = normalize_charset(label)
        if codec and codec not in found:
            found.append(codec)
    return found


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode an HTML/XML document, honouring BOM, HTTP, meta and XML declarations."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace")
    if body.isascii():
        return _decode_ascii(body, content_type)
    utf8 = _strict(body, "utf-8")
    declared = declared_charsets(body, content_type)
    if utf8 is not None and "utf-8" in declared:
        return utf8  # valid UTF-8 that one of the declarations names
    for codec in declared:
        if utf8 is not None and _utf8_is_better(codec, utf8):
            return utf8
        text = _decode_declared(body, codec)
        if text is not None:
            return text
    return utf8 if utf8 is not None else _detect(body)


def _strict(body: bytes, codec: str) -> str | None:
    """The bytes decoded strictly, or None when they are not valid in that codec."""
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf8_is_better(declared: str, utf8: str) -> bool:
    """Whether bytes valid as UTF-8 are UTF-8 rather than the declared codec.

    Against a single-byte declaration, always: Latin text is practically never valid
    UTF-8 by accident. Against a CJK one, when the UTF-8 reading is itself CJK text:
    Shift_JIS or EUC-JP bytes that happen to be valid UTF-8 read as Latin or IPA letters.
    """
    if not _is_multibyte(declared):
        return True
    return _count(_CJK_RE, utf8) >= 0.5 * _non_ascii(utf8)


def _decode_ascii(body: bytes, content_type: str | None) -> str:
    """7-bit bytes: plain ASCII, unless they are ISO-2022-JP escape sequences."""
    if any(esc in body for esc in _ISO2022_ESCAPES):
        try:
            return body.decode("iso2022_jp")
        except UnicodeDecodeError:
            log.debug("iso2022_failed")
    return body.decode("ascii")


def _decode_declared(body: bytes, codec: str) -> str | None:
    """The text under a declared codec, or None if it fails strictly or reads as mojibake."""
    if codec == "utf-8":
        return None  # the bytes are not valid UTF-8
    text = _strict(body, codec)
    if text is None:
        log.debug("declared_charset_failed", extra={"codec": codec})
        return None
    if _is_multibyte(codec):
        return None if _half_width_mojibake(text) else text
    return None if _looks_multibyte(body) else text


def _half_width_mojibake(text: str) -> bool:
    """EUC-JP (or other) bytes read as Shift_JIS come out as runs of half-width katakana,
    which real Japanese text uses sparingly."""
    non_ascii = _non_ascii(text)
    half_width = _count(_HALF_WIDTH_KANA_RE, text)
    return non_ascii >= MOJIBAKE_MIN and half_width > MOJIBAKE_SHARE * non_ascii


def _non_ascii(text: str) -> int:
    """Characters of ``text`` outside ASCII (the encoder drops them, much faster than a regex)."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _count(runs: re.Pattern[str], text: str) -> int:
    """Characters of ``text`` in the runs the pattern finds."""
    return sum(map(len, runs.findall(text)))


def _looks_multibyte(body: bytes) -> bool:
    """Whether single-byte-declared bytes are better read by a multibyte (CJK) codec."""
    guess = _best_guess(body)
    return guess is not None and _is_multibyte(normalize_charset(guess) or "")


def _is_multibyte(codec: str) -> bool:
    """Whether a codec is a multibyte (Unicode or CJK) one."""
    return codec.replace("-", "_").startswith(_MULTIBYTE_PREFIXES)


def _best_guess(body: bytes) -> str | None:
    """charset-normalizer's best encoding for the bytes, or None."""
    best = from_bytes(body).best()
    return best.encoding if best is not None else None


def _detect(body: bytes) -> str:
    """No declaration held: ask the detector, and never fail."""
    guess = normalize_charset(_best_guess(body)) or "utf-8"
    log.debug("charset_detected", extra={"codec": guess})
    return body.decode(guess, errors="replace")
