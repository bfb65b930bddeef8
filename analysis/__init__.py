"""News framing analysis: who speaks, how actors are portrayed, which frames dominate.

Where an article goes (read this first):

    file ──corpus.read_article──► Article (id, path, title, byline, text)
                                     │
                         Document.from_article          (document.py: one per article)
                                     │
        text ─► paragraphs ─► sentences ─► words, word_count        (tokenize)
                                     │  each layer below is computed on first use,
                                     │  once, from the layers it needs:
            ├─► tones      sentiment.sentences(doc)     reads sentences
            ├─► mentions   actors.mentions(doc)         reads text
            │     └─► actors   actors.inventory(doc)    reads mentions
            ├─► quotes     quotes.extract(doc)          reads paragraphs, sentences
            │     └─► source_types  sources.speaker_types(quotes, doc)  reads actors
            ├─► stances    stance.stances(doc)          reads sentences, mentions,
            │                                           quotes, actors
            └─► frames     frames.analyze(doc)          reads sentences, quotes,
                                                        mentions, source_types
                                     │
         ┌───────────────────────────┼──────────────────────────────┐
    cli.py (the command line:   pipeline.analyze(article)     the notebooks and
    one command per layer,      → rows of every corpus        report tables read
    help text in one place)     table; pipeline.run: Dask     the same layers
                                → Parquet

Every module also takes plain text (`quotes.extract(text)`) and builds the Document
itself; nothing is cached across documents by text. The analysis modules never import
the command line: it sits at the edge and imports them.
"""

__all__ = [
    "actors",
    "cli",
    "compare",
    "corpus",
    "display",
    "document",
    "frames",
    "lexicons",
    "outputs",
    "pipeline",
    "plots",
    "quotes",
    "sentiment",
    "stance",
    "tables",
    "tokenize",
]
