"""The `report` sub-command's registration (moving to `analysis.cli`).

The report's tables live in `analysis.tables` (one article), `analysis.compare` (across
articles) and `analysis.display` (HTML display in the notebooks); `analysis.reporting`
runs the notebooks.
"""

from __future__ import annotations

from typing import Any


def register_cli(subparsers: Any) -> None:
    """Add the `report` sub-command (it runs the notebooks; see `analysis.reporting`)."""
    parser = subparsers.add_parser(
        "report",
        help="the framing report: run the notebooks for each article, export HTML",
        description="Run every notebook of notebooks/ for each article with papermill, "
        "export the pages to HTML and write DIR/<article-id>/index.html (and, with several "
        "articles, DIR/index.html and the comparison). Exit status 1 if a page failed, "
        "2 for bad input.",
    )
    from analysis import reporting

    reporting.add_arguments(parser)
    parser.set_defaults(handler=_report_command)


def _report_command(args: Any) -> int:
    from analysis import reporting

    return reporting.main(args)
