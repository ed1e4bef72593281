"""Reading a batch's results file for the site and the tables: the latest line of each id, streamed.

A results file holds one JSON line per finished article (``{"id", "status": "ok"|"error",
["title"], "summary" | "error"}``); after an interrupted run it may also hold older lines for an id
and a half-written last line. Here the latest readable line of each id is the one that counts,
broken lines are skipped, and the file is read a line at a time: only each id's byte offset is
kept, so 10,000 records cost a few hundred kilobytes.

Example::

    >>> results = ResultsReader("results.jsonl")  # doctest: +SKIP
    >>> for record in results: print(record.id, record.status)  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from ..errors import InputError
from ..models import ArticleSummary
from .actors import ActorIndex, ResolvedActors


@dataclass(frozen=True)
class ResultRecord:
    """One article's latest line: its summary, or the error its run ended in."""

    id: str
    status: str  # "ok" or "error"
    title: str | None
    raw_summary: dict[str, Any] | None
    error_type: str | None = None
    error_message: str | None = None

    def summary(self) -> ArticleSummary | None:
        """The summary, validated; None for a failed article."""
        if self.raw_summary is None:
            return None
        return ArticleSummary.model_validate(self.raw_summary)


class ResultsReader:
    """The records of a results file, latest line per id, in the order of those lines."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise InputError(f"{path} is a directory: name the results .jsonl file")
        if not self.path.is_file():
            raise InputError(f"no such results file: {path}")
        self._offsets = self._latest_offsets()
        if not self._offsets:
            raise InputError(
                f"{path} holds no result lines "
                '({"id", "status": "ok"|"error", ...}, as summarizer batch writes them)'
            )

    def __len__(self) -> int:
        return len(self._offsets)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._offsets

    def ids(self) -> list[str]:
        """Every id, in the order of their latest lines."""
        return sorted(self._offsets, key=self._offsets.__getitem__)

    def _latest_offsets(self) -> dict[str, int]:
        offsets: dict[str, int] = {}
        try:
            with self.path.open("rb") as handle:
                offset = 0
                for line in handle:
                    head = _head(line)
                    if head is not None:
                        # Deleted first, so that the dict's order is the order of latest lines.
                        offsets.pop(head[0], None)
                        offsets[head[0]] = offset
                    offset += len(line)
        except OSError as exc:
            raise InputError(f"cannot read {self.path}: {exc.strerror}") from exc
        return offsets

    def __iter__(self) -> Iterator[ResultRecord]:
        with self.path.open("rb") as handle:
            for offset in self._offsets.values():
                handle.seek(offset)
                yield _record(handle)

    def get(self, article_id: str, handle: BinaryIO) -> ResultRecord | None:
        """The record of one id, read from ``handle`` (the results file, opened ``"rb"``)."""
        offset = self._offsets.get(article_id)
        if offset is None:
            return None
        handle.seek(offset)
        return _record(handle)


def _head(line: bytes) -> tuple[str, dict[str, Any]] | None:
    """(id, record) of a readable result line, else None (a broken or foreign line)."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    article_id, status = record.get("id"), record.get("status")
    if not isinstance(article_id, str) or status not in ("ok", "error"):
        return None
    return article_id, record


def _record(handle: BinaryIO) -> ResultRecord:
    head = _head(handle.readline())
    if head is None:  # the file changed under us
        raise InputError("the results file changed while it was being read")
    article_id, record = head
    title = record.get("title") if isinstance(record.get("title"), str) else None
    summary = record.get("summary")
    if record["status"] == "ok" and isinstance(summary, dict):
        return ResultRecord(article_id, "ok", title, summary)
    if record["status"] == "ok":
        return ResultRecord(
            article_id, "error", title, None, "InvalidRecord", 'an "ok" line without a summary'
        )
    raw_error = record.get("error")
    error: dict[str, Any] = raw_error if isinstance(raw_error, dict) else {}
    return ResultRecord(
        article_id,
        "error",
        title,
        None,
        str(error.get("type") or "Error"),
        str(error.get("message") or "no message"),
    )


def validated(record: ResultRecord) -> tuple[ArticleSummary | None, ResultRecord]:
    """The record's summary, validated; a summary that does not fit turns the record into an error."""
    try:
        return record.summary(), record
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "summary"
        failed = ResultRecord(
            record.id,
            "error",
            record.title,
            None,
            "InvalidRecord",
            f"the summary does not fit ArticleSummary: {where}: {first['msg']}",
        )
        return None, failed


def actor_index(results: ResultsReader) -> ResolvedActors:
    """The actors of every summary in a results file, merged across articles (one read of it)."""
    index = ActorIndex()
    for record in results:
        if record.raw_summary is not None:
            actors = record.raw_summary.get("actors")
            if isinstance(actors, list):
                index.add(actor for actor in actors if isinstance(actor, dict))
    return index.resolve()
