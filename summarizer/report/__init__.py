"""What a person reads: the markdown report and the HTML review page of a summary.

Example::

    >>> from summarizer.report import render_html, render_markdown
"""

from .markdown import render_markdown
from .page import render_html

__all__ = ["render_html", "render_markdown"]
