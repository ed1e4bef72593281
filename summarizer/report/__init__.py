"""What a person reads: the markdown report and the HTML review page of a summary, the review
site of a batch, and the flat tables of a batch.

Example::

    >>> from summarizer.report import render_html, render_markdown, write_site, write_tables
"""

from .markdown import render_markdown
from .page import render_html
from .site import SiteReport, write_site
from .tables import TablesReport, write_tables

__all__ = [
    "SiteReport",
    "TablesReport",
    "render_html",
    "render_markdown",
    "write_site",
    "write_tables",
]
