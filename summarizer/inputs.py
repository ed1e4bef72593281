"""Reading articles: files or standard input, checked to be text, HTML pages reduced to their article.

Example::

    >>> source = read_article("examples/ap-kim-russia-jets.txt")
    >>> source.text.startswith("North Korea"), source.extracted
    (True, False)
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

DEFAULT_MAX_INPUT_BYTES = 5_000_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_LINE_BREAKS = re.compile(r"\n+")
# How a saved page starts: an XML prolog or comments at most, then a doctype or an html, head or
# body tag. Only the first few kilobytes are looked at.
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class ArticleSource:
    """The text to summarise: the one every span indexes.

    That is the input decoded (UTF-8, the encoding its byte order mark names, or the one given),
    the byte order mark removed, line ends exactly as in the input (CRLF stays CRLF); or, for an
    HTML page, the article text extracted from it.
    """

    text: str
    name: str
    extracted: bool = False
    bom_removed: bool = False

    @property
    def differs_from_file(self) -> bool:
        """Whether offsets into the file as most tools read it would miss: the text was extracted,
        lost its byte order mark, or keeps CR line ends (which most readers turn into LF)."""
        return self.extracted or self.bom_removed or "\r" in self.text


def check_article(article: object) -> str:
    """The article as text, or an ``InputError`` that says what is wrong with it.

    >>> check_article("Critics warned the bridge was unsafe.")
    'Critics warned the bridge was unsafe.'
    """
    if isinstance(article, bytes):
        raise InputError("the article is bytes: decode it to text (str) first")
    if not isinstance(article, str):
        raise InputError(f"the article must be text (str), not {type(article).__name__}")
    if not article.strip():
        raise InputError("the article is empty")
    if not has_visible_text(article):
        raise InputError(f"the article is empty: {_INVISIBLE_ONLY}")
    if "\x00" in article:
        raise InputError("the article contains NUL bytes: it looks like binary data, not text")
    problem = unicode_problem(article)
    if problem is not None:
        raise InputError(f"the article is not valid Unicode text: {problem}")
    return article


# Letters that render as nothing although Unicode counts them as letters or symbols.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f") | frozenset(
    chr(code) for code in [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
)
_INVISIBLE_ONLY = "it holds only invisible characters (zero-width spaces, format characters)"


def has_visible_text(text: str) -> bool:
    """Whether anything in ``text`` would show: not only white space, zero-width and format
    characters (U+200B, U+2060, U+FEFF, a soft hyphen ...), controls or blank fillers.

    >>> has_visible_text("\\u200b \\u200b"), has_visible_text("\\u200bHi")
    (False, True)
    """
    # str.isprintable() is False for controls, format characters, separators other than the
    # space, and unassigned code points; the loop stops at the first visible character.
    return any(c.isprintable() and not c.isspace() and c not in _BLANK_LETTERS for c in text)


def unicode_problem(text: str) -> str | None:
    """Why ``text`` cannot be written as UTF-8 (a lone surrogate, say), in a few words; or None.

    >>> unicode_problem("caf\\udce9")
    'a lone surrogate (\\\\udce9) at character 3'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # Never the text itself in the message: it may be a whole article.
        bad = text[exc.start : min(exc.end, exc.start + 8)]
        shown = bad.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
        what = "a lone surrogate" if all(0xD800 <= ord(c) <= 0xDFFF for c in bad) else "text"
        return f"{what} ({shown}) at character {exc.start}"
    return None


def printable_id(text: str) -> str:
    """An id that can be written as UTF-8: unencodable characters as backslash escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode_article(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text: the encoding a byte order mark names (UTF-8, UTF-16 or UTF-32, LE or BE),
    else UTF-8, unless another encoding is named. A leading byte order mark is not part of the text.

    >>> decode_article(codecs.BOM_UTF16_LE + "Text".encode("utf-16-le"), "a.txt")
    'Text'
    """
    return _decode(data, name, encoding)[0]


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, bool]:
    """``decode_article``, and whether a byte order mark was removed."""
    skip, label = 0, encoding or "UTF-8"
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError as exc:
            raise InputError(f"unknown encoding {encoding!r}") from exc
    else:
        codec = "utf-8"
        for mark, named, name_of in _BOMS:
            if data.startswith(mark):
                skip, codec, label = len(mark), named, f"{name_of} (as its byte order mark says)"
                break
    # NUL bytes are part of every UTF-16 and UTF-32 text, and of no other text.
    if b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
        raise InputError(f"{name} looks like binary data, not text")
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not {label} text (invalid byte at offset {exc.start + skip}): "
            "name its encoding with --encoding (for example --encoding cp1252) or convert it"
        ) from exc
    marked = skip > 0 or text.startswith("\ufeff") or _codec_ate_a_mark(data, codec)
    text = text.removeprefix("\ufeff")  # a mark the named codec kept (--encoding utf-8)
    if "\x00" in text:
        raise InputError(f"{name} looks like binary data, not text")
    if not text.strip():
        raise InputError(f"{name} is empty")
    if not has_visible_text(text):
        raise InputError(f"{name} is empty: {_INVISIBLE_ONLY}")
    return text, marked


def _codec_ate_a_mark(data: bytes, codec: str) -> bool:
    """Whether the codec itself removed a byte order mark (utf-16, utf-32, utf-8-sig do)."""
    return codec in ("utf-16", "utf-32", "utf-8-sig") and any(
        data.startswith(mark) for mark, _, _ in _BOMS
    )


def looks_like_html(text: str) -> bool:
    """Whether a text starts as an HTML page does (for input with no file name to go by).

    >>> looks_like_html("<!DOCTYPE html><html><body>..."), looks_like_html("I <b>love</b> it")
    (True, False)
    """
    return _HTML_START.match(text[:4096]) is not None


def extract_html(page: str, name: str = "the page") -> str:
    """The article text of a saved news page, paragraphs separated by blank lines."""
    try:
        import trafilatura
    except ImportError as exc:
        # Name what failed to import: trafilatura itself, or a dependency such as lxml_html_clean.
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            f"reading HTML needs the html extra ({reason}): pip install 'summarizer[html]'"
        ) from exc
    text = trafilatura.extract(page, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(f"no article text found in {name}")
    return _LINE_BREAKS.sub("\n\n", text.strip())


def read_article(
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    encoding: str | None = None,
    html: bool | None = None,
) -> ArticleSource:
    """A file's article, or standard input's for ``-``; ``html=None`` decides by the file name,
    and for standard input by what the text looks like."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "standard input"
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"no such file: {source}")
        if path.is_dir():
            raise InputError(f"{source} is a directory, not a text file")
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read {source}: {exc.strerror}") from exc
        name = source
        if html is None:
            html = path.suffix.lower() in HTML_SUFFIXES
    if len(data) > max_bytes:
        raise InputError(
            f"{name} is larger than the limit of {max_bytes} bytes (--max-input-bytes)"
        )
    text, bom_removed = _decode(data, name, encoding)
    if html is None:
        html = looks_like_html(text)
    if html:
        return ArticleSource(extract_html(text, name), name, extracted=True)
    return ArticleSource(text, name, bom_removed=bom_removed)
