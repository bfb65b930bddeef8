"""News framing analysis: who speaks, how actors are portrayed, which frames dominate."""

__all__ = [
    "actors",
    "cli",
    "compare",
    "corpus",
    "display",
    "frames",
    "lexicons",
    "plots",
    "quotes",
    "report",
    "sentiment",
    "stance",
    "tables",
    "tokenize",
]
