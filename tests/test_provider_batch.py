"""Provider batch jobs against a scripted Files and Batches API: rounds, re-asks in follow-up
batches, sharding, crashes and reruns that pay for nothing twice, expiry, per-request errors,
not waiting, cancelling, the self-hosted file mode, and the batch price."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import BatchResult, ConfigurationError
from summarizer.engines.provider_batch import JobOptions, ProviderBatchJob
from summarizer.engines.provider_batch.service import OpenAIBatchService
from summarizer.pricing import cost_usd

from batch_api_server import BatchAPI, Reply, completion
from conftest import DATA, REFERENCE_ARTICLE

ARTICLE = REFERENCE_ARTICLE.read_text(encoding="utf-8")
ANSWER = json.loads((DATA / "reference_answer.json").read_text(encoding="utf-8"))
INVENTED = {
    "holder": "Vladimir Putin",
    "kind": "warning",
    "concern": "Invented",
    "quote": "Putin warned that Japan would be next",
}


class PowerCut(Exception):
    """The process dies here (as far as the job's state knows)."""


def article(number: int) -> str:
    return f"{ARTICLE}\n\nThis is report number {number}."


def number_of(request: dict[str, Any]) -> int:
    text = request["messages"][1]["content"]
    return int(text.rsplit("report number ", 1)[1].split(".", 1)[0])


def reasked(request: dict[str, Any]) -> bool:
    return "not grounded in the article" in (request["messages"][-1].get("content") or "")


def model(request: dict[str, Any]) -> Reply:
    """Every third article first cites words the article does not have; asked again, it leaves
    them out."""
    if reasked(request):
        return completion({**ANSWER, "actors": [], "stated_concerns": []}, request)
    if number_of(request) % 3 == 0:
        return completion(
            {**ANSWER, "stated_concerns": [*ANSWER["stated_concerns"], INVENTED]}, request
        )
    return completion(ANSWER, request)


@pytest.fixture
def api() -> Iterator[BatchAPI]:
    server = BatchAPI(model).start()
    yield server
    server.stop()


def job(tmp_path: Path, api: BatchAPI, **options: Any) -> ProviderBatchJob:
    settings = {
        k: options.pop(k)
        for k in list(options)
        if k in ("max_retries", "transport_retries", "strict")
    }
    return ProviderBatchJob(
        tmp_path / "out.jsonl.batch",
        model="openai/gpt-4o-mini",
        base_url=api.base_url,
        api_key="test-key-not-secret",
        options=JobOptions(**{"poll_first": 1.0, **options}),
        **settings,
    )


def articles(count: int) -> list[tuple[str, str]]:
    return [(f"a{number}", article(number)) for number in range(count)]


def by_id(results: list[BatchResult]) -> dict[str, BatchResult]:
    return {result.id: result for result in results}


def test_a_thirty_article_job_re_asks_the_ungrounded_answers_in_a_second_round(
    tmp_path: Path, api: BatchAPI
) -> None:
    results = by_id(list(job(tmp_path, api).run(articles(30))))

    assert len(results) == 30 and all(result.ok for result in results.values())
    assert api.uploads == 2 and api.created == 2  # round 1, and round 2 for the ten re-asks
    first, second = (batch["_lines"] for batch in api.batches.values())
    assert len(first) == 30 and len(second) == 10
    assert {line["custom_id"] for line in first} == {f"a{n}" for n in range(30)}
    assert {line["custom_id"] for line in second} == {f"a{n}~2" for n in range(0, 30, 3)}
    # Round 2 carries the re-ask conversation: the article, and what to correct.
    assert "Putin warned that Japan would be next" in second[0]["body"]["messages"][-1]["content"]
    reasked_one, plain = results["a3"].summary, results["a1"].summary
    assert reasked_one is not None and plain is not None
    assert reasked_one.meta.attempts == 2 and plain.meta.attempts == 1
    assert all("Japan would be next" not in c.quote for c in reasked_one.stated_concerns)
    assert reasked_one.meta.warnings == []
    # Every round's tokens, at the batch price: half of OpenAI's list price.
    usage = reasked_one.meta.usage
    assert usage.prompt_tokens == 4000 and usage.completion_tokens == 1000
    list_price = cost_usd(usage, "openai/gpt-4o-mini")
    assert list_price is not None
    assert reasked_one.meta.cost_usd == pytest.approx(list_price / 2)


def test_requests_are_split_into_files_of_at_most_the_limits(tmp_path: Path, api: BatchAPI) -> None:
    results = list(job(tmp_path, api, max_requests=7).run(articles(30)))

    assert all(result.ok for result in results)
    sizes = [len(batch["_lines"]) for batch in api.batches.values()]
    assert sorted(sizes[:5]) == [2, 7, 7, 7, 7]  # round 1 in five files
    assert sorted(sizes[5:]) == [3, 7]  # round 2 in two
    files = sorted((tmp_path / "out.jsonl.batch.files").glob("*.jsonl"))
    assert len(files) == 7

    (tmp_path / "b").mkdir()
    by_bytes = list(
        job(tmp_path / "b", api, max_bytes=len(json.dumps(article(0))) * 3).run(articles(4))
    )
    assert all(result.ok for result in by_bytes)


def test_a_crash_between_upload_and_batch_creation_submits_nothing_twice(
    tmp_path: Path, api: BatchAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    create = OpenAIBatchService.create
    calls = {"n": 0}

    async def crash_once(self: OpenAIBatchService, file_id: str, shard: str) -> str:
        calls["n"] += 1
        if calls["n"] == 2:
            raise PowerCut  # the second file was uploaded, its batch never made
        return await create(self, file_id, shard)

    monkeypatch.setattr(OpenAIBatchService, "create", crash_once)
    with pytest.raises(PowerCut):
        list(job(tmp_path, api, max_requests=5).run(articles(9)))
    assert api.uploads == 2 and api.created == 1

    monkeypatch.setattr(OpenAIBatchService, "create", create)
    results = list(job(tmp_path, api, max_requests=5).run(articles(9)))

    assert all(result.ok for result in results) and len(results) == 9
    # Round 1's two files uploaded once each, made a batch once each; round 2 for a0, a3, a6.
    assert api.uploads == 3 and api.created == 3


def test_a_batch_made_but_not_recorded_is_found_again(
    tmp_path: Path, api: BatchAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    create = OpenAIBatchService.create

    async def made_then_crash(self: OpenAIBatchService, file_id: str, shard: str) -> str:
        await create(self, file_id, shard)
        raise PowerCut  # the batch exists, but this run never wrote its id down

    monkeypatch.setattr(OpenAIBatchService, "create", made_then_crash)
    with pytest.raises(PowerCut):
        list(job(tmp_path, api).run([(f"a{n}", article(n)) for n in (1, 2)]))
    monkeypatch.setattr(OpenAIBatchService, "create", create)

    results = list(job(tmp_path, api).run([(f"a{n}", article(n)) for n in (1, 2)]))

    assert all(result.ok for result in results)
    assert api.created == 1 and api.uploads == 1  # found by its metadata, not made again


def test_a_crash_while_polling_reattaches_to_the_batches_already_submitted(
    tmp_path: Path, api: BatchAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    status = OpenAIBatchService.status
    calls = {"n": 0}

    async def crash_once(self: OpenAIBatchService, batch_id: str) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise PowerCut
        return await status(self, batch_id)

    monkeypatch.setattr(OpenAIBatchService, "status", crash_once)
    with pytest.raises(PowerCut):
        list(job(tmp_path, api).run(articles(4)))
    assert api.uploads == 1 and api.created == 1

    results = list(job(tmp_path, api).run(articles(4)))

    assert len(results) == 4 and all(result.ok for result in results)
    assert api.uploads == 2 and api.created == 2  # round 1 once; round 2 for a0 and a3


def test_an_expired_batch_sends_what_it_did_not_answer_in_the_next_round(
    tmp_path: Path, api: BatchAPI
) -> None:
    api.ends = ["expired"]
    api.expire_after = 4

    results = list(job(tmp_path, api).run(articles(10)))

    assert len(results) == 10 and all(result.ok for result in results)
    rounds = [[line["custom_id"] for line in batch["_lines"]] for batch in api.batches.values()]
    assert rounds[0] == [f"a{n}" for n in range(10)]
    assert set(rounds[1]) >= {f"a{n}" for n in range(4, 10)}  # the six it never answered


def test_a_failed_batch_ends_as_error_records_when_the_transport_budget_runs_out(
    tmp_path: Path, api: BatchAPI
) -> None:
    api.ends = ["failed", "failed"]

    results = list(job(tmp_path, api, transport_retries=1).run(articles(2)))

    assert len(results) == 2 and not any(result.ok for result in results)
    assert api.created == 2
    assert "the batch failed before answering the request" in str(results[0].error)
    assert "the file could not be read" in str(results[0].error)


def test_per_request_errors_are_retried_or_reported(tmp_path: Path) -> None:
    tries: dict[int, int] = {}

    def flaky(request: dict[str, Any]) -> Reply:
        number = number_of(request)
        tries[number] = tries.get(number, 0) + 1
        if number == 1 and tries[number] == 1:
            return (503, "overloaded")
        if number == 2:
            return (400, "the request is malformed")
        return completion(ANSWER, request)

    api = BatchAPI(flaky).start()
    try:
        results = by_id(list(job(tmp_path, api).run([(f"a{n}", article(n)) for n in (1, 2, 4)])))
    finally:
        api.stop()

    assert results["a1"].ok and results["a4"].ok
    assert tries[1] == 2  # the 503 was sent again in the next round
    error = results["a2"].error
    assert error is not None and "(400): the request is malformed" in str(error)
    assert tries[2] == 1  # a 400 is not retried


def test_not_waiting_submits_and_a_second_run_collects(tmp_path: Path, api: BatchAPI) -> None:
    first = job(tmp_path, api, wait=False)

    assert list(first.run(articles(6))) == []
    assert first.pending.batches == ["batch_1"] and first.pending.requests == 6

    results = list(job(tmp_path, api).run(articles(6)))

    assert len(results) == 6 and all(result.ok for result in results)
    assert api.uploads == 2 and api.created == 2  # round 1 was not sent again


def test_cancel_cancels_the_batches_of_the_state_file(tmp_path: Path, api: BatchAPI) -> None:
    list(job(tmp_path, api, wait=False).run(articles(3)))

    assert job(tmp_path, api).cancel() == 1
    assert api.cancelled == 1


def test_the_file_mode_writes_requests_and_reads_their_outputs_round_after_round(
    tmp_path: Path,
) -> None:
    def runner(path: Path) -> Path:
        """What `vllm run-batch -i path -o output` does."""
        output = path.with_suffix(".out.jsonl")
        with output.open("w", encoding="utf-8") as out:
            for line in path.read_text(encoding="utf-8").splitlines():
                request = json.loads(line)
                body = model(request["body"])
                assert not isinstance(body, tuple)
                record = {
                    "custom_id": request["custom_id"],
                    "response": {"status_code": 200, "body": body},
                }
                out.write(json.dumps(record) + "\n")
        return output

    def local_job() -> ProviderBatchJob:
        return ProviderBatchJob(
            tmp_path / "out.jsonl.batch",
            model="vllm/Qwen2.5-7B-Instruct",
            files_only=True,
            directory=tmp_path / "requests",
        )

    first = local_job()
    assert list(first.run(articles(4))) == []
    (written,) = first.pending.files
    assert written.parent == tmp_path / "requests"
    assert len(written.read_text().splitlines()) == 4

    assert local_job().read_results([runner(written)]) == 4
    second = local_job()
    done = list(second.run(articles(4)))
    assert sorted(r.id for r in done) == ["a1", "a2"]  # a0 and a3 are re-asked in round 2
    (reasks,) = second.pending.files
    assert len(reasks.read_text().splitlines()) == 2

    local_job().read_results([runner(reasks)])
    rest = list(local_job().run(articles(4)))
    assert sorted(r.id for r in rest) == ["a0", "a1", "a2", "a3"] and all(r.ok for r in rest)
    assert rest[0].summary is not None and rest[0].summary.meta.cost_usd == 0.0


def test_the_offline_engine_has_no_batch_service(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no batch service"):
        ProviderBatchJob(tmp_path / "state", model="offline")


def test_a_long_article_goes_in_as_its_parts_and_its_reduce_in_a_later_round(
    tmp_path: Path,
) -> None:
    from test_chunking import REDUCED, answer_for_part

    part_answer = answer_for_part(ANSWER)

    def long_model(request: dict[str, Any]) -> Reply:
        return completion(part_answer(request), request)

    api = BatchAPI(long_model).start()
    try:
        long_article = "\n\n".join([ARTICLE] * 3)
        options = JobOptions(poll_first=1.0)
        runner = ProviderBatchJob(
            tmp_path / "state",
            model="openai/gpt-4o-mini",
            base_url=api.base_url,
            api_key="k",
            max_input_tokens=4000,
            options=options,
        )
        (result,) = list(runner.run([("long", long_article)]))
    finally:
        api.stop()

    assert result.ok and result.summary is not None
    rounds = [batch["_lines"] for batch in api.batches.values()]
    assert len(rounds) == 2
    assert all("<article>" in line["body"]["messages"][-1]["content"] for line in rounds[0])
    assert len(rounds[0]) >= 2  # the parts, all in round 1
    (reduce,) = rounds[1]
    assert reduce["body"]["messages"][-1]["content"].startswith("<parts>")
    assert result.summary.headline == REDUCED["headline"]
    assert {a.name for a in result.summary.actors} == {a["name"] for a in ANSWER["actors"]}
    assert result.summary.meta.attempts == len(rounds[0]) + 1


# -- the command line ------------------------------------------------------------------------------


def feed(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles(count)),
        encoding="utf-8",
    )
    return path


def cli_job(api: BatchAPI, tmp_path: Path, count: int, *extra: str) -> Any:
    from cli_runner import run_cli

    return run_cli(
        "batch",
        str(feed(tmp_path, count)),
        "--out",
        str(tmp_path / "out.jsonl"),
        "--model",
        "openai/gpt-4o-mini",
        "--base-url",
        api.base_url,
        "--no-cache",
        *extra,
    )


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_cli_runs_a_provider_batch_job_and_writes_one_line_per_article(
    tmp_path: Path, api: BatchAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key-not-secret")

    result = cli_job(api, tmp_path, 9, "--provider-batch")

    assert result.exit_code == 0, result.stderr
    records = lines_of(tmp_path / "out.jsonl")
    assert sorted(r["id"] for r in records) == [f"a{n}" for n in range(9)]
    assert all(r["status"] == "ok" for r in records)
    assert api.created == 2
    assert "9 ok" in result.stderr and "estimated cost $" in result.stderr
    reasked = next(r for r in records if r["id"] == "a3")
    assert reasked["summary"]["meta"]["attempts"] == 2


def test_the_cli_submits_without_waiting_then_collects_then_cancels(
    tmp_path: Path, api: BatchAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key-not-secret")

    first = cli_job(api, tmp_path, 4, "--provider-batch", "--no-wait")

    assert first.exit_code == 0, first.stderr
    assert "still run in 1 batch (batch_1): run the same command again" in first.stderr
    assert not (tmp_path / "out.jsonl").read_text()

    cancelled = cli_job(api, tmp_path, 4, "--provider-batch", "--cancel")
    assert cancelled.exit_code == 0 and "cancelled 1 batch" in cancelled.stderr
    assert api.cancelled == 1


def test_the_cli_file_mode_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cli_runner import run_cli

    directory = tmp_path / "requests"
    base = [
        "batch",
        str(feed(tmp_path, 2)),
        "--out",
        str(tmp_path / "out.jsonl"),
        "--model",
        "vllm/Qwen2.5-7B-Instruct",
        "--provider-batch-file",
        str(directory),
    ]
    written = run_cli(*base)
    assert written.exit_code == 0, written.stderr
    assert "requests written to" in written.stderr and "--provider-batch-results" in written.stderr
    (requests,) = directory.glob("*.jsonl")
    output = tmp_path / "output.jsonl"
    with output.open("w", encoding="utf-8") as out:
        for line in requests.read_text(encoding="utf-8").splitlines():
            request = json.loads(line)
            body = completion(ANSWER, request["body"])
            out.write(
                json.dumps(
                    {
                        "custom_id": request["custom_id"],
                        "response": {"status_code": 200, "body": body},
                    }
                )
                + "\n"
            )

    done = run_cli(*base, "--provider-batch-results", str(output))

    assert done.exit_code == 0, done.stderr
    records = lines_of(tmp_path / "out.jsonl")
    assert sorted(r["id"] for r in records) == ["a0", "a1"]
    assert all(r["status"] == "ok" for r in records)


def test_the_file_mode_needs_no_api_key(tmp_path: Path) -> None:
    # Nothing is sent to the provider in the file mode: the requests are only written.
    from cli_runner import run_cli

    directory = tmp_path / "requests"
    written = run_cli(
        "batch",
        str(feed(tmp_path, 1)),
        "--out",
        str(tmp_path / "out.jsonl"),
        "--model",
        "openai/gpt-4o-mini",
        "--provider-batch-file",
        str(directory),
    )

    assert written.exit_code == 0, written.stderr
    (requests,) = directory.glob("*.jsonl")
    request = json.loads(requests.read_text(encoding="utf-8").splitlines()[0])
    assert request["body"]["model"] == "gpt-4o-mini"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--model", "offline", "--provider-batch"], "the offline engine has no batch service"),
        (["--no-wait"], "--no-wait goes with --provider-batch"),
        (["--provider-batch", "--workers", "2"], "--workers and --rpm are for live batches"),
    ],
)
def test_provider_batch_usage_errors_are_one_line_and_exit_2(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    from cli_runner import run_cli

    result = run_cli("batch", str(feed(tmp_path, 1)), "--out", str(tmp_path / "o.jsonl"), *extra)

    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
