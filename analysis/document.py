"""One article as the analysis sees it: text, paragraphs, sentences, words, and every layer.

A `Document` is built once per article. Each layer (tones, mentions, actors, quotes,
source types, stances, frames) is computed on first use from the layers it needs, and
kept: a report or a corpus run asks for a layer as often as it likes and pays for it
once. The analysis modules take a `Document` (or plain text, for which `of` builds one),
so no module needs a cache keyed on the article's text.

    text ─► paragraphs ─► sentences; words, word_count (tokenize)
              ├─► vader_parts  sentiment.vader_parts(doc): sentences
              │     └─► tones          sentiment.sentences(doc): vader_parts
              ├─► mentions     actors.mentions(doc): text, quotes (speakers)
              │     └─► actors         actors.inventory(doc): mentions
              ├─► quotes       quotes.extract(doc): paragraphs, sentences
              │     └─► source_types   sources.speaker_types(quotes, doc): actors
              ├─► stances      stance.stances(doc): vader_parts, mentions, quotes,
                                actors
              └─► frames       frames.analyze(doc): sentences, quotes, mentions,
                                source_types

`word_count` is the package's one word count (`tokenize.word_count`: words, numbers
and initialisms; not punctuation).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Union

from analysis import tokenize

if TYPE_CHECKING:
    from analysis import corpus


class Document:
    """An article's text and the analysis layers computed from it, each once.

    >>> doc = Document("Officials said the bridge would reopen.")
    >>> [s.text for s in doc.sentences]
    ['Officials said the bridge would reopen.']
    """

    def __init__(self, text: str, *, article: corpus.Article | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(f"a Document needs a str, got {type(text).__name__}")
        self.text = text
        self.article = (
            article  # where the text came from (id, path, title...), if known
        )

    @classmethod
    def from_article(cls, article: corpus.Article) -> Document:
        """The document of an article read by `corpus.read_article`."""
        return cls(article.text, article=article)

    @property
    def id(self) -> str:
        """The article's id, or "text" for text given directly."""
        return self.article.id if self.article is not None else "text"

    def __repr__(self) -> str:
        return f"Document({self.id!r}, {len(self.text)} characters)"

    # Tokens.

    @cached_property
    def paragraphs(self) -> list[tokenize.Paragraph]:
        """Paragraphs (blank-line separated), with offsets."""
        return tokenize.paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[tokenize.Sentence]:
        """Sentences, with offsets and paragraph numbers (bylines apart)."""
        return tokenize.sentences(self.text, self.paragraphs)

    @cached_property
    def words(self) -> list[tokenize.Token]:
        """Words and punctuation tokens of the whole text (`tokenize.words`)."""
        return tokenize.words(self.text)

    @cached_property
    def word_count(self) -> int:
        """The number of words: the one count every table and page shows."""
        return tokenize.word_count(self.text)

    @cached_property
    def source_types(self) -> dict[str, str]:
        """Each quoted speaker's source type (`sources.speaker_types`)."""
        from analysis import sources

        return sources.speaker_types(self.quotes, self)

    # Analysis layers.

    @cached_property
    def vader_parts(self) -> list[tuple[float, float, float]]:
        """VADER's raw sums of every sentence (`sentiment.vader_parts`): read by both
        tones and stances, so each sentence is scored by VADER once."""
        from analysis import sentiment

        return sentiment.vader_parts(self)

    @cached_property
    def tones(self) -> list[Any]:
        """The tone of every sentence (`sentiment.sentences`)."""
        from analysis import sentiment

        return sentiment.sentences(self)

    @cached_property
    def mentions(self) -> list[Any]:
        """Every mention of an actor (`actors.mentions`)."""
        from analysis import actors

        return actors.mentions(self)

    @cached_property
    def actors(self) -> list[Any]:
        """The article's actors with their mentions (`actors.inventory`)."""
        from analysis import actors

        return actors.inventory(self)

    @cached_property
    def quotes(self) -> list[Any]:
        """Direct, partial, mixed and indirect quotes with speakers (`quotes.extract`)."""
        from analysis import quotes

        return quotes.extract(self)

    @cached_property
    def stances(self) -> list[Any]:
        """Stance toward each actor, by the narrator and each speaker (`stance.stances`)."""
        from analysis import stance

        return stance.stances(self)

    @cached_property
    def frames(self) -> Any:
        """Hedges, claims, source types and frames (`frames.analyze`)."""
        from analysis import frames

        return frames.analyze(self)


# A Document, or an article's text to build one from (the plain-text convenience).
TextOrDocument = Union[str, "Document"]


def of(text_or_doc: TextOrDocument) -> Document:
    """`text_or_doc` itself if it is a Document, else a new Document of the text."""
    if isinstance(text_or_doc, Document):
        return text_or_doc
    return Document(text_or_doc)
