"""What a person reads: the markdown report of a summary.

Example::

    >>> from summarizer.report import render_markdown
"""

from .markdown import render_markdown

__all__ = ["render_markdown"]
