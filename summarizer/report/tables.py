"""Flat tables of a batch's results, for pandas or a spreadsheet: CSV (stdlib) or Parquet (pyarrow).

``write_tables(results, out)`` writes four files, one row per:

* ``articles``  article (its latest result line), failed ones included with their error;
* ``actors``    actor of an article, with ``actor_id``, the actor's id across the batch (the one the
  review site's actor index uses);
* ``mentions``  mention span (``start``, ``end``: character offsets into the article);
* ``concerns``  stated concern, with its quote's span and the holder's ``actor_id``.

CSV files are UTF-8 with a header; an empty cell is a missing value, booleans are ``true`` /
``false`` and list cells (key points, warnings, an actor's mentions) hold a JSON array. Parquet
files have the same columns with native types (lists as lists). Rows are written as they are read,
so memory does not grow with the batch.

Example::

    >>> written = write_tables("results.jsonl", "tables")  # doctest: +SKIP
    >>> import pandas; pandas.read_csv("tables/concerns.csv", dtype={"article_id": str})  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import ConfigurationError, InputError
from ..models import ArticleSummary
from .actors import Holders, ResolvedActors
from .results import ResultRecord, ResultsReader, actor_index, validated

FORMATS = ("csv", "parquet")
PARQUET_BATCH_ROWS = 10_000

# Each table's columns and their types: str, int, float, bool, or list (of strings).
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", "str"),
        ("status", "str"),
        ("title", "str"),
        ("headline", "str"),
        ("summary", "str"),
        ("key_points", "list"),
        ("actors", "int"),
        ("concerns", "int"),
        ("mentions", "int"),
        ("model", "str"),
        ("prompt_version", "str"),
        ("schema_version", "str"),
        ("attempts", "int"),
        ("prompt_tokens", "int"),
        ("completion_tokens", "int"),
        ("cached_tokens", "int"),
        ("cost_usd", "float"),
        ("cached", "bool"),
        ("elapsed_s", "float"),
        ("article_sha256", "str"),
        ("warnings", "list"),
        ("error_type", "str"),
        ("error_message", "str"),
    ],
    "actors": [
        ("article_id", "str"),
        ("actor_index", "int"),
        ("actor_id", "str"),
        ("name", "str"),
        ("kind", "str"),
        ("role", "str"),
        ("mention_count", "int"),
        ("mentions", "list"),
    ],
    "mentions": [
        ("article_id", "str"),
        ("actor_index", "int"),
        ("actor_id", "str"),
        ("actor_name", "str"),
        ("mention", "str"),
        ("start", "int"),
        ("end", "int"),
    ],
    "concerns": [
        ("article_id", "str"),
        ("concern_index", "int"),
        ("holder", "str"),
        ("holder_actor_id", "str"),
        ("kind", "str"),
        ("concern", "str"),
        ("quote", "str"),
        ("start", "int"),
        ("end", "int"),
    ],
}

_EMPTY: dict[str, Any] = dict.fromkeys(
    ["headline", "summary", "model", "prompt_version", "schema_version", "attempts"]
    + ["prompt_tokens", "completion_tokens", "cached_tokens", "cost_usd", "cached", "elapsed_s"]
    + ["article_sha256", "error_type", "error_message"]
)


@dataclass(frozen=True)
class TablesReport:
    """The files written, and the rows in each (by table name)."""

    files: dict[str, Path]
    rows: dict[str, int]


class _Sink(Protocol):
    def write(self, row: dict[str, Any]) -> None: ...
    def close(self) -> None: ...


class _CsvSink:
    def __init__(self, path: Path, columns: list[tuple[str, str]]) -> None:
        self._names = [name for name, _ in columns]
        # csv writes None as an empty cell and numbers as str() does: only these need a hand.
        self._lists = [i for i, (_, kind) in enumerate(columns) if kind == "list"]
        self._bools = [i for i, (_, kind) in enumerate(columns) if kind == "bool"]
        self._file = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._file)
        self._writer.writerow(self._names)

    def write(self, row: dict[str, Any]) -> None:
        cells: list[Any] = [row.get(name) for name in self._names]
        for i in self._lists:
            if cells[i] is not None:
                cells[i] = json.dumps(list(cells[i]), ensure_ascii=False)
        for i in self._bools:
            if cells[i] is not None:
                cells[i] = "true" if cells[i] else "false"
        self._writer.writerow(cells)

    def close(self) -> None:
        self._file.close()


class _ParquetSink:
    def __init__(self, path: Path, columns: list[tuple[str, str]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {
            "str": pa.string(),
            "int": pa.int64(),
            "float": pa.float64(),
            "bool": pa.bool_(),
            "list": pa.list_(pa.string()),
        }
        self._pa = pa
        self._columns = columns
        self._schema = pa.schema([(name, types[kind]) for name, kind in columns])
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        if len(self._rows) >= PARQUET_BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        names = [name for name, _ in self._columns]
        data = {name: [row.get(name) for row in self._rows] for name in names}
        self._writer.write_table(self._pa.Table.from_pydict(data, schema=self._schema))
        self._rows = []

    def close(self) -> None:
        if self._rows:
            self._flush()
        self._writer.close()


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise ConfigurationError(
            "--format parquet needs pyarrow: pip install 'summarizer[parquet]'"
        ) from exc


def _article_rows(
    record: ResultRecord, summary: ArticleSummary | None, actors: ResolvedActors
) -> Iterator[tuple[str, dict[str, Any]]]:
    article: dict[str, Any] = {
        **_EMPTY,
        "article_id": record.id,
        "status": record.status,
        "title": record.title,
        "key_points": [],
        "actors": 0,
        "concerns": 0,
        "mentions": 0,
        "warnings": [],
    }
    if summary is None:
        article.update(error_type=record.error_type, error_message=record.error_message)
        yield "articles", article
        return
    meta = summary.meta
    article.update(
        headline=summary.headline,
        summary=summary.summary,
        key_points=summary.key_points,
        actors=len(summary.actors),
        concerns=len(summary.stated_concerns),
        mentions=sum(len(actor.mention_spans) for actor in summary.actors),
        model=meta.model,
        prompt_version=meta.prompt_version,
        schema_version=meta.schema_version,
        attempts=meta.attempts,
        prompt_tokens=meta.usage.prompt_tokens,
        completion_tokens=meta.usage.completion_tokens,
        cached_tokens=meta.usage.cached_tokens,
        cost_usd=meta.cost_usd,
        cached=meta.cached,
        elapsed_s=meta.elapsed_s,
        article_sha256=meta.article_sha256,
        warnings=meta.warnings,
    )
    yield "articles", article
    ids = [actors.id_of(actor.name) for actor in summary.actors]
    for index, (actor, actor_id) in enumerate(zip(summary.actors, ids, strict=True)):
        yield (
            "actors",
            {
                "article_id": record.id,
                "actor_index": index,
                "actor_id": actor_id,
                "name": actor.name,
                "kind": actor.kind.value,
                "role": actor.role,
                "mention_count": len(actor.mention_spans),
                "mentions": actor.mentions,
            },
        )
        for mention, (start, end) in zip(actor.mentions, actor.mention_spans, strict=False):
            yield (
                "mentions",
                {
                    "article_id": record.id,
                    "actor_index": index,
                    "actor_id": actor_id,
                    "actor_name": actor.name,
                    "mention": mention,
                    "start": start,
                    "end": end,
                },
            )
    holders = Holders((actor.name, actor.mentions) for actor in summary.actors)
    for index, concern in enumerate(summary.stated_concerns):
        position = holders.find(concern.holder)
        start, end = concern.quote_span
        yield (
            "concerns",
            {
                "article_id": record.id,
                "concern_index": index,
                "holder": concern.holder,
                "holder_actor_id": ids[position] if position is not None else None,
                "kind": concern.kind.value,
                "concern": concern.concern,
                "quote": concern.quote,
                "start": start,
                "end": end,
            },
        )


def write_tables(results: str | Path, out: str | Path, *, format: str = "csv") -> TablesReport:
    """Write ``articles``, ``actors``, ``mentions`` and ``concerns`` (``.csv`` or ``.parquet``)
    into the directory ``out``; what was written.

    Raises ``InputError`` for a missing or empty results file or an ``out`` that cannot be
    written, and ``ConfigurationError`` for ``format="parquet"`` without pyarrow.
    """
    if format not in FORMATS:
        raise InputError(f"unknown table format {format!r}: use csv or parquet")
    if format == "parquet":
        _require_pyarrow()
    reader = ResultsReader(results)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file: name a directory for the tables")
    actors = actor_index(reader)
    files = {name: out / f"{name}.{format}" for name in COLUMNS}
    sinks: dict[str, _Sink] = {}
    rows = dict.fromkeys(COLUMNS, 0)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, path in files.items():
            sinks[name] = (
                _CsvSink(path, COLUMNS[name])
                if format == "csv"
                else _ParquetSink(path, COLUMNS[name])
            )
        for record in reader:
            summary, record = validated(record) if record.status == "ok" else (None, record)
            for table, row in _article_rows(record, summary, actors):
                sinks[table].write(row)
                rows[table] += 1
    except OSError as exc:
        raise InputError(f"cannot write the tables to {out}: {exc.strerror}") from exc
    finally:
        for sink in sinks.values():
            sink.close()
    return TablesReport(files=files, rows=rows)
