"""What a person reads: the markdown report and the HTML review page of a summary, and the review
site of a batch.

Example::

    >>> from summarizer.report import render_html, render_markdown, write_site
"""

from .markdown import render_markdown
from .page import render_html
from .site import SiteReport, write_site

__all__ = [
    "SiteReport",
    "render_html",
    "render_markdown",
    "write_site",
]
