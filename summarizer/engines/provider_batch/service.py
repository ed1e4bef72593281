"""Where a provider batch job's files go: the OpenAI Files and Batches API, or a directory.

``OpenAIBatchService`` speaks the OpenAI Batch API (and any server that implements it): upload a
JSONL file (``POST /files``, purpose ``batch``), create a batch over it (``POST /batches``,
endpoint ``/v1/chat/completions``, window ``24h``), read its status (``GET /batches/{id}``),
download its output and error files (``GET /files/{id}/content``), cancel it. Every call goes
through the transport budget of ``summarizer.engines.transport``. A batch is created with its
shard's key in its ``metadata``, so a run that crashed between creating a batch and recording it
finds the batch again instead of paying for a second one.

``DirectoryService`` submits nothing: the request files are written for the user to run
(``vllm run-batch -i FILE -o OUTPUT``), and their output files are read back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2

from ...config import Settings
from ...errors import ProviderError
from ..transport import Transport

__all__ = ["BatchStatus", "DirectoryService", "OpenAIBatchService", "output_lines"]

ENDED = frozenset({"completed", "failed", "expired", "cancelled"})
SHARD_KEY = "summarizer_shard"


@dataclass(frozen=True)
class BatchStatus:
    """A batch as the service reports it."""

    batch_id: str
    status: str
    total: int
    completed: int
    failed: int
    output_file_id: str | None
    error_file_id: str | None
    errors: str | None

    @property
    def ended(self) -> bool:
        return self.status in ENDED

    @classmethod
    def of(cls, data: dict[str, Any]) -> BatchStatus:
        counts = data.get("request_counts") or {}
        errors = data.get("errors") or {}
        messages = [
            str(item.get("message"))
            for item in (errors.get("data") or [] if isinstance(errors, dict) else [])
            if isinstance(item, dict) and item.get("message")
        ]
        return cls(
            batch_id=str(data["id"]),
            status=str(data.get("status", "unknown")),
            total=int(counts.get("total") or 0),
            completed=int(counts.get("completed") or 0),
            failed=int(counts.get("failed") or 0),
            output_file_id=data.get("output_file_id"),
            error_file_id=data.get("error_file_id"),
            errors="; ".join(messages) or None,
        )


def _json(reply: httpx2.Response, tries: int) -> Any:
    try:
        return reply.json()
    except ValueError as exc:
        raise ProviderError(f"the batch service sent something that is not JSON: {exc}") from exc


def _bytes(reply: httpx2.Response, tries: int) -> bytes:
    return reply.content


class OpenAIBatchService:
    """The OpenAI Batch API, at the settings' base URL."""

    submits = True

    def __init__(self, settings: Settings) -> None:
        self.transport = Transport(settings)

    async def upload(self, path: Path) -> str:
        with path.open("rb") as handle:
            data = await self.transport.request(
                "POST",
                "/files",
                files={"file": (path.name, handle, "application/jsonl")},
                data={"purpose": "batch"},
                read=_json,
            )
        return str(data["id"])

    async def create(self, file_id: str, shard: str) -> str:
        body = {
            "input_file_id": file_id,
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
            "metadata": {SHARD_KEY: shard},
        }
        data = await self.transport.request(
            "POST", "/batches", content=json.dumps(body).encode(), read=_json
        )
        return str(data["id"])

    async def find(self, shard: str) -> str | None:
        """A batch already made for this shard (the last run stopped before it recorded it)."""
        after: str | None = None
        for _ in range(100):  # at most 10,000 batches back
            params = {"limit": "100", **({"after": after} if after else {})}
            page = await self.transport.request("GET", "/batches", params=params, read=_json)
            items = page.get("data") or []
            for item in items:
                if (item.get("metadata") or {}).get(SHARD_KEY) == shard:
                    return str(item["id"])
            if not page.get("has_more") or not items:
                return None
            after = str(items[-1]["id"])
        return None

    async def status(self, batch_id: str) -> BatchStatus:
        return BatchStatus.of(
            await self.transport.request("GET", f"/batches/{batch_id}", read=_json)
        )

    async def content(self, file_id: str) -> bytes:
        return await self.transport.request("GET", f"/files/{file_id}/content", read=_bytes)

    async def cancel(self, batch_id: str) -> BatchStatus:
        data = await self.transport.request("POST", f"/batches/{batch_id}/cancel", read=_json)
        return BatchStatus.of(data)

    async def aclose(self) -> None:
        await self.transport.aclose()


class DirectoryService:
    """Request files written to a directory for a self-hosted batch runner; nothing submitted."""

    submits = False

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def aclose(self) -> None:
        return None


def output_lines(data: bytes | str) -> Iterator[dict[str, Any]]:
    """The records of a batch output or error file (one JSON object a line; others skipped)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("custom_id"), str):
            yield record
