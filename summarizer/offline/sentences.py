"""The structure of a news article: title, paragraphs, sentences, quotations and tokens, as spans.

Example::

    >>> doc = read_document("Title\\n\\nSEOUL, South Korea (AP) — The U.S. said so. Kim left.")
    >>> [doc.text[s.start:s.end] for s in doc.sentences]
    ['The U.S. said so.', 'Kim left.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from .lexicon import lexicon, words

# Paragraph roles: only "body" sentences are summarised and searched for concerns.
TITLE, CAPTION, BODY, BYLINE = "title", "caption", "body", "byline"

MAX_TITLE_WORDS = 25

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
# A candidate sentence end: terminal punctuation, closing quotes or brackets, then a space or the end.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
# "SEOUL, South Korea (AP) —", "WASHINGTON —", "LONDON (Reuters) -".
# "SEOUL, South Korea (AP) —", "HOUSTON, July 20, 1969 —", "New Delhi —", "Evansville, Indiana,
# United States - ": up to five comma-separated parts of capitalised words or numbers, an optional
# credit in parentheses, then a dash.
_DATELINE_WORD = r"(?:[A-Z][\w.'’&-]*|\d{1,4}(?:st|nd|rd|th)?\.?)"
_DATELINE_PART = rf"{_DATELINE_WORD}(?:[ \t]+(?:{_DATELINE_WORD}|of|de|la|am|upon))*"
_DATELINE = re.compile(
    rf"({_DATELINE_PART}(?:,[ \t]*{_DATELINE_PART}){{0,4}})[ \t]*(?:\([^()\n]{{1,30}}\))?[ \t]*"
    r"(?:—|–|--|-)[ \t]+"
)
# A dateline's first part in capitals ("HOUSTON"), or a known place among its parts.
_CAPITALS_PART = re.compile(r"[A-Z][A-Z.'’&-]+(?:[ \t]+[A-Z][A-Z.'’&-]+)*(?=,|[ \t]*[(—–-])")
_CAPTION_START = re.compile(
    r"(?:In this (?:photo|image|picture|handout|file|undated)|This (?:photo|image|picture)"
    r"|File(?: photo)?\s*[-–—:]|FILE\s*[-–—:]|Photo:|Image:)"
)
# AP-style photo captions end with the date the picture was taken: "..., Aug. 22, 2015."
_CAPTION_DATE = re.compile(
    r",\s+(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?$"
)
# A caption in the middle of the story ends in a photo credit rather than a full stop.
_PHOTO_CREDIT = re.compile(r"\b(?:[Pp]hoto|AP|Getty|Reuters|AFP|[Cc]ourtesy|[Ff]ile)\b")
_TERMINAL = ".!?…\"”’')"
# Credit and sign-off lines of the outlet's own staff, who report the story rather than act in it:
# "Adam Phillips wrote this story for VOA News.", "I’m John Russell.".
# "For VOA Learning English, I’m Alex Villarreal.": an outlet before the sign-off.
_SIGN_OFF = re.compile(
    r"(?:For\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4},\s+)?(?:And\s+)?"
    r"I['’]m\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\.?"
)
_CREDIT = re.compile(
    r"\b(?:wrote|reported on|adapted|edited|produced|contributed to)\s+(?:this|the)\s+"
    r"(?:story|report|article)\b|\badapted (?:it|this|the story) for\b|\bwas the editor\b"
    r"|\bhas more from\b|\breports from\b|\breporting from\b",
    re.IGNORECASE,
)
# Words one of which every credit line has: the regular expression runs only where one is.
_CREDIT_WORDS = (
    "wrote",
    "report",
    "adapted",
    "edited",
    "produced",
    "contributed",
    "editor",
    "more from",
)
# Abbreviations after which a full stop does not end the sentence (the next word is part of it).
_ABBREVIATIONS = words(
    """mr mrs ms dr gen sen rep gov lt col sgt capt maj adm prof st jr sr rev hon pres supt insp
    cmdr cpl pvt det amb atty brig msgr gens sens reps govs mt ft jan feb mar apr jun jul aug sep sept oct nov dec no
    nos vol fig approx est dept univ assn bros inc corp co ltd vs v messrs mmes"""
)
# After "U.S." or "U.N.", these words continue the sentence ("U.S. Army", "U.N. Security Council").
_CONTINUATION = words(
    """army navy air force forces marine marines agency department embassy ambassador envoy
    security council senate house congress court supreme president vice secretary representative
    senator attorney treasury state defense justice officials official troops forces special
    trade geological census coast postal open central command district federal national general
    military intelligence diplomats diplomat government administration policy sanctions dollar
    economy capitol citizens citizen allies ally commander commanders forces soldiers secretary-
    general mission peacekeepers peacekeeping human refugee refugees high development children
    children's food health environment climate rep sen gov gen lt treasury customs immigration
    border southern northern european pacific indo-pacific africa space cyber strategic"""
)
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|St|Jr|Sr|Rev|Det|Amb|Atty"
    r"|Brig|Cmdr|Cpl|Pvt|Supt|Insp|Sept|Jan|Feb|Aug"
    r"|Oct|Nov|Dec|Mt|Ft|Co|Corp|Inc|Ltd)\.(?=[\s,;:)])"
    r"|[A-Z]\.(?=\s+[A-Z])"
    # A web address is one word: "told whitecapsfc.com", "wrote on BBC.co.uk".
    r"|\w+(?:[-‑]\w+)*(?:\.(?:com|org|net|gov|edu|int|info|co\.uk|uk|ca|au)\b)?"
    r"(?:['’](?!s\b)\w+)*"
    r"|['’]s\b"
    r"|\S"
)
_QUOTE_MARK = re.compile('[“”"]')
_SPACE_RUN = re.compile(r"(?<=\S)\s+(?=\S)")
_OPEN_QUOTES = "“‘"
_CLOSE_QUOTES = "”’"
# Quotations shorter than this are scare quotes or titles ("serious concerns"), not speech.
MIN_SPEECH_WORDS = 4
# A function the caller passes to be called often: it raises to stop a long run.
Checkpoint = Callable[[], None]
# A "sentence" longer than this has no full stops (a list, a table, a pasted feed): it is cut at a
# space, so that the work per sentence stays bounded.
MAX_SENTENCE_CHARS = 3000
# Sentence-end candidates between two calls of the checkpoint.
_CHECK_EVERY = 500


def never_stop() -> None:
    """The checkpoint used when the caller gives none."""


# How many sentences' tokens a document keeps at once (memory stays bounded on long articles).
_TOKEN_CACHE = 64
# At most this many tokens are kept from one phase for the next (about 50 MB).
MAX_KEPT_TOKENS = 250_000


_GROUP = re.Match.group
_START = re.Match.start
_END_OF = re.Match.end


class Token(NamedTuple):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int
    role: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    index: int
    paragraph: int
    role: str


@dataclass(frozen=True)
class Quotation:
    """The words inside a pair of quotation marks (marks excluded)."""

    start: int
    end: int
    paragraph: int
    # How many words it holds (a short one is a title or scare quote, not speech).
    words: int = 0

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


_DEFINED_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


@dataclass
class Document:
    text: str
    title: Paragraph | None
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    quotations: list[Quotation]
    dateline: tuple[int, int] | None
    # Words seen in lower case anywhere: a capitalised sentence opener among them is a common word.
    lower_words: frozenset[str] = field(default_factory=frozenset)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def tokens(self, sentence: Sentence) -> list[Token]:
        """The sentence's tokens; the latest few sentences' are kept, as each phase asks again."""
        kept = self._kept.get(sentence.index)
        if kept is not None:
            return kept
        key = (sentence.start, sentence.end)
        found = self._tokens.get(key)
        if found is None:
            if len(self._tokens) >= _TOKEN_CACHE:
                self._tokens.clear()
            found = self._tokens[key] = tokenize(self.text, sentence.start, sentence.end)
        return found

    def in_quotation(self, position: int) -> Quotation | None:
        """The quotation around ``position``, found by bisection (quotations are in text order)."""
        k = bisect.bisect_right(self._quotation_starts, position) - 1
        # Quotations rarely nest (a straight pair inside a curly one): look at a few before.
        for quotation in self.quotations[max(0, k - 2) : k + 1][::-1]:
            if quotation.start <= position < quotation.end:
                return quotation
        return None

    def __post_init__(self) -> None:
        self._quotation_starts = [quotation.start for quotation in self.quotations]
        # Acronyms the article defines ("World Health Organization (WHO)"): names, even where
        # they spell a common word.
        self.defined_acronyms = frozenset(_DEFINED_ACRONYM.findall(self.text))
        self._tokens: dict[tuple[int, int], list[Token]] = {}
        # Sentences a later phase will read again (None: not decided), and the tokens kept for
        # them, up to a bound, so that they are not tokenised twice.
        self.reread: set[int] | None = None
        self._kept: dict[int, list[Token]] = {}
        self._kept_tokens = 0

    def keep(self, sentence: Sentence, tokens: list[Token]) -> None:
        """Mark ``sentence`` as one to read again, keeping its tokens while the bound allows."""
        if self.reread is None:
            self.reread = set()
        self.reread.add(sentence.index)
        if self._kept_tokens + len(tokens) <= MAX_KEPT_TOKENS:
            self._kept[sentence.index] = tokens
            self._kept_tokens += len(tokens)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words, abbreviations and punctuation of ``text[start:end]``, with absolute offsets."""
    end = len(text) if end is None else end
    # Built by C-level maps (tuple.__new__ skips the named tuple's Python constructor): the
    # tokenizer runs over every sentence twice, and this is a quarter of its time.
    matches = list(_TOKEN.finditer(text, start, end))
    fields = zip(map(_GROUP, matches), map(_START, matches), map(_END_OF, matches), strict=True)
    return list(map(tuple.__new__, repeat(Token), fields))


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    # Paragraphs are separated by blank lines; a text without any is taken one line per paragraph.
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in separator.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    if separator is _BLANK_LINE:
        spans = [part for start, end in spans for part in _split_lines(text, start, end)]
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph cut at the line breaks that end a sentence or open a photo caption.

    Credit lines and captions often sit on their own line right under the title; a line break in
    the middle of a sentence is a hard wrap and is kept.
    """
    parts: list[tuple[int, int]] = []
    begin = start
    for match in _LINE.finditer(text, start, end):
        before = text[begin : match.start()].rstrip()
        if before and (before[-1] in _TERMINAL or _CAPTION_START.match(text, match.end())):
            parts.append((begin, match.start()))
            begin = match.end()
    parts.append((begin, end))
    return parts


def _title(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the first paragraph is a title line: short, one line, no final full stop."""
    if len(spans) < 2:
        return False
    start, end = spans[0]
    line = text[start:end]
    if "\n" in line or not _BLANK_LINE.match(text, end):
        return False
    return len(line.split()) <= MAX_TITLE_WORDS and not line.endswith((".", ":", ";", ","))


def _is_caption(paragraph: str, near_top: bool) -> bool:
    if _CAPTION_START.match(paragraph):
        return True
    if paragraph[-1] not in _TERMINAL:
        return True
    return near_top and bool(_CAPTION_DATE.search(paragraph))


def _is_dateline(place: str) -> bool:
    """Whether the words before a dash open the story with its place (and date), not a name:
    "HOUSTON, July 20, 1969" or "New Delhi" do; "Kim Jong Un" (in "Kim Jong Un — ...") does not."""
    if len(place.split()) > 12:
        return False
    if _CAPITALS_PART.match(place + ","):
        return True
    lex = lexicon()
    parts = [part.strip() for part in place.split(",")]
    return any(
        part in lex.country_names or part in lex.capitals or part in lex.places for part in parts
    )


def _is_heading(paragraph: str) -> bool:
    """A subheading or a repeated title: one short line in title case, no final full stop."""
    words = paragraph.split()
    if "\n" in paragraph or len(words) > MAX_TITLE_WORDS or paragraph[-1] in ".,;:":
        return False
    capitalised = sum(1 for word in words if word[:1].isupper())
    return len(words) >= 2 and capitalised * 3 >= len(words) * 2


def is_byline(sentence: str) -> bool:
    """A credit line of the outlet's own staff, or a broadcast sign-off ("I’m Mario Ritter.")."""
    if _SIGN_OFF.fullmatch(sentence):
        return True
    lower = sentence.lower()
    return any(word in lower for word in _CREDIT_WORDS) and bool(_CREDIT.search(sentence))


def _ends_sentence(text: str, match: re.Match[str], limit: int) -> bool:
    """Whether the punctuation in ``match`` ends a sentence, judged from the words around it."""
    pos = match.end()
    while pos < limit and text[pos].isspace():
        pos += 1
    if pos >= limit:
        return True
    nxt = text[pos]
    if nxt.islower() or nxt in ",;:":
        return False
    punct = match.group()
    if not punct.startswith(".") or len(punct.rstrip("\"'”’)]")) > 1:
        return True
    word_start = match.start()
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : match.start()].lstrip("\"'“‘([")
    if not word:
        return True
    if word.lower() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        following = re.match(r"[\"'“‘(]?([A-Za-z’'-]+)", text[pos:limit])
        return not (following and following.group(1).lower() in _CONTINUATION)
    return True


def split_sentences(
    text: str, start: int, end: int, checkpoint: Checkpoint = never_stop
) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    begin = start
    for count, match in enumerate(_END.finditer(text, start, end)):
        if count % _CHECK_EVERY == 0:
            checkpoint()
        if match.end() <= begin:
            continue
        if _ends_sentence(text, match, end):
            spans.extend(_bounded(text, begin, match.end(), checkpoint))
            begin = match.end()
            while begin < end and text[begin].isspace():
                begin += 1
    if begin < end and text[begin:end].strip():
        spans.extend(_bounded(text, begin, end, checkpoint))
    return spans


def _bounded(text: str, start: int, end: int, checkpoint: Checkpoint) -> list[tuple[int, int]]:
    """A sentence span, cut at spaces into pieces of at most MAX_SENTENCE_CHARS."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        checkpoint()
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut < 0:
            cut = start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _quotation(text: str, start: int, end: int, paragraph: int) -> Quotation:
    return Quotation(start, end, paragraph, len(_SPACE_RUN.findall(text, start, end)) + 1)


def _quotations(text: str, start: int, end: int, paragraph: int) -> list[Quotation]:
    """Quotations in a paragraph; one left open runs to the paragraph's end (news style)."""
    found: list[Quotation] = []
    open_at: int | None = None
    straight_open: int | None = None
    for match in _QUOTE_MARK.finditer(text, start, end):
        pos = match.start()
        char = text[pos]
        if char == "“":
            if open_at is None:
                open_at = pos + 1
        elif char == "”":
            if open_at is not None:
                found.append(_quotation(text, open_at, pos, paragraph))
                open_at = None
        else:
            before = text[pos - 1] if pos > start else " "
            if straight_open is None and (before.isspace() or before in "([—–-"):
                straight_open = pos + 1
            elif straight_open is not None:
                found.append(_quotation(text, straight_open, pos, paragraph))
                straight_open = None
    for left in (open_at, straight_open):
        if left is not None:
            found.append(_quotation(text, left, end, paragraph))
    return sorted(found, key=lambda q: q.start)


def read_document(text: str, checkpoint: Checkpoint = never_stop) -> Document:
    """Title, paragraphs with their roles, sentences, quotations and the dateline of an article."""
    checkpoint()
    spans = _paragraph_spans(text)
    checkpoint()
    has_title = _title(text, spans)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    quotations: list[Quotation] = []
    dateline: tuple[int, int] | None = None
    seen_body = False
    for index, (start, end) in enumerate(spans):
        checkpoint()
        if index == 0 and has_title:
            paragraphs.append(Paragraph(start, end, index, TITLE))
            continue
        chunk = text[start:end]
        role = BODY
        if (
            not seen_body
            and len(spans) > 1
            and _is_caption(chunk, near_top=index <= 2)
            or seen_body
            and chunk[-1] not in _TERMINAL
            and _PHOTO_CREDIT.search(chunk[-60:])
        ):
            role = CAPTION
        elif seen_body and _is_heading(chunk):
            role = TITLE
        if role == BODY and not seen_body:
            match = _DATELINE.match(text, start, end)
            if match and match.end() < end and _is_dateline(match.group(1)):
                dateline = (start, match.end())
                start = match.end()
        if role == BODY:
            seen_body = True
        parts = split_sentences(text, start, end, checkpoint)
        roles = [BYLINE if role == BODY and is_byline(text[s:e]) else role for s, e in parts]
        if roles and all(r == BYLINE for r in roles):
            role = BYLINE
        paragraphs.append(Paragraph(start, end, index, role))
        for (s, e), sentence_role in zip(parts, roles, strict=True):
            sentences.append(Sentence(s, e, len(sentences), index, sentence_role))
        if role == BODY:
            quotations.extend(_quotations(text, start, end, index))
    checkpoint()
    lower = frozenset(re.findall(r"\b[a-z][a-z’'-]+\b", text))
    checkpoint()
    title = paragraphs[0] if has_title else None
    return Document(text, title, paragraphs, sentences, quotations, dateline, lower)
