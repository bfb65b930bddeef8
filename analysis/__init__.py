"""News framing analysis: who speaks, how actors are portrayed, which frames dominate."""

__all__ = [
    "actors",
    "cli",
    "corpus",
    "frames",
    "lexicons",
    "plots",
    "quotes",
    "report",
    "sentiment",
    "stance",
    "tokenize",
]
