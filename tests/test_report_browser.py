"""The review page and the batch site in a real headless Chromium (Debian's), as a reader uses them.

Checked in the browser's DOM and layout: one highlighted element per span, holding exactly
``article[start:end]`` and standing exactly where those characters stand in the unmarked text;
choosing an actor marks exactly its mentions and scrolls to the first; nothing from the article
runs; the index loads its split data, sorts and filters. Screenshots go to a temporary directory
(``benchmarks/screenshots.py`` writes the README's).

These tests skip only when Chromium is missing on a developer's machine; under CI they fail instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import ArticleSummary
from summarizer.report import render_html, write_site

import browser
from review_helpers import (
    HOSTILE_ARTICLE,
    RTL_ARTICLE,
    all_spans,
    hostile_summary,
    summary_for,
    write_results,
)


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    reason = browser.missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    driver = browser.start(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def open_page(driver: Any, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    browser.wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete")


def write_page(tmp_path: Path, summary: ArticleSummary, article: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(render_html(summary, article), encoding="utf-8")
    return page


def utf16(text: str, index: int) -> int:
    """A code-point offset as the browser counts it (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def highlights(driver: Any) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = driver.execute_script(
        "return Array.from(document.querySelectorAll('.stack mark[data-span]')).map(function (m) {"
        "  return {span: Number(m.dataset.span), text: m.textContent, classes: m.className,"
        "          tabindex: m.getAttribute('tabindex')}; });"
    )
    return result


def page_spans(driver: Any) -> list[list[Any]]:
    spans: list[list[Any]] = driver.execute_script(
        "return JSON.parse(document.getElementById('review-data').textContent).spans;"
    )
    return spans


# Where each highlight is drawn, against where its characters are drawn in an unmarked copy of
# the text laid at the same place: a mark that moved, split or reordered a character shows here.
_LAYOUT = """
var article = document.getElementById('article');
var plain = article.cloneNode(false);
plain.removeAttribute('id');
plain.textContent = arguments[0];
plain.style.position = 'absolute'; plain.style.left = '0'; plain.style.top = '0';
plain.style.width = article.offsetWidth + 'px'; plain.style.visibility = 'hidden';
article.parentNode.appendChild(plain);
var node = plain.firstChild;
var result = {height: [article.offsetHeight, plain.offsetHeight], spans: []};
arguments[1].forEach(function (span) {
  var mark = document.querySelector('.stack mark[data-span="' + span[0] + '"]');
  var range = document.createRange();
  range.setStart(node, span[1]); range.setEnd(node, span[2]);
  var a = mark.getBoundingClientRect(), b = range.getBoundingClientRect();
  result.spans.push([span[0], [a.left, a.top, a.right, a.bottom], [b.left, b.top, b.right, b.bottom]]);
});
plain.remove();
return result;
"""


def assert_highlights_are_the_spans(driver: Any, article: str, summary: ArticleSummary) -> None:
    spans = page_spans(driver)
    shown = highlights(driver)
    assert len(shown) == len(spans) == len(all_spans(summary))
    for mark in shown:
        start, end = spans[mark["span"]][:2]
        assert mark["text"] == article[start:end]
        assert mark["tabindex"] == "0"
    assert driver.execute_script("return document.getElementById('article').textContent") == article
    layout = driver.execute_script(
        _LAYOUT,
        article,
        [[n, utf16(article, s[0]), utf16(article, s[1])] for n, s in enumerate(spans)],
    )
    assert layout["height"][0] == layout["height"][1]
    for number, drawn, plain in layout["spans"]:
        assert drawn == pytest.approx(plain, abs=1.01), f"span {number} moved: {spans[number]}"


def nothing_ran(driver: Any) -> None:
    assert driver.execute_script("return window.__pwned") is None
    assert driver.execute_script("return window.__dialogs") == []
    assert [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"] == []


def test_reference_page_highlights_every_span_and_finds_an_actors_mentions(
    chromium: Any,
    tmp_path: Path,
    screenshots: Path,
    reference_summary: ArticleSummary,
    reference_article: str,
) -> None:
    open_page(chromium, write_page(tmp_path, reference_summary, reference_article))
    assert_highlights_are_the_spans(chromium, reference_article, reference_summary)
    chromium.save_screenshot(str(screenshots / "review-page.png"))

    index = next(i for i, a in enumerate(reference_summary.actors) if a.name == "Mikhail Degtyarev")
    browser.click(chromium, f'.pick[data-actor="{index}"]')

    chosen = [m for m in highlights(chromium) if " sel" in m["classes"]]
    spans = page_spans(chromium)
    actor = reference_summary.actors[index]
    assert sorted(tuple(spans[m["span"]][:2]) for m in chosen) == sorted(actor.mention_spans)
    first = min(actor.mention_spans)
    in_view = chromium.execute_script(
        "var m = document.querySelector('.stack mark.cur');"
        "var r = m.getBoundingClientRect();"
        "return [m.textContent, r.top >= 0 && r.bottom <= window.innerHeight];"
    )
    assert in_view == [reference_article[first[0] : first[1]], True]
    assert "mention 1 of 2" in chromium.find_element("css selector", ".status").text
    chromium.save_screenshot(str(screenshots / "review-page-actor.png"))


def test_a_highlight_names_its_actor_on_focus_and_enter_chooses_it(
    chromium: Any, tmp_path: Path, reference_summary: ArticleSummary, reference_article: str
) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(chromium, write_page(tmp_path, reference_summary, reference_article))
    concern = reference_summary.stated_concerns[0]
    quote = chromium.find_element("css selector", '.stack mark.q[data-concern="0"]')
    chromium.execute_script("arguments[0].focus()", quote)

    tip = chromium.find_element("id", "tip")
    assert tip.is_displayed()
    assert tip.text == f"Quote · {concern.kind.value} · {concern.holder}: {concern.concern}"
    assert quote.get_attribute("aria-describedby") == "tip"
    outline = chromium.execute_script("return getComputedStyle(arguments[0]).outlineStyle", quote)
    assert outline == "solid"  # focus is visible

    quote.send_keys(Keys.ENTER)
    button = chromium.find_element("css selector", '.pick[data-concern="0"]')
    assert button.get_attribute("aria-pressed") == "true"
    assert [m["span"] for m in highlights(chromium) if " sel" in m["classes"]] == [
        int(quote.get_attribute("data-span"))
    ]
    quote.send_keys(Keys.ESCAPE)
    assert button.get_attribute("aria-pressed") == "false"

    mention = chromium.find_element("css selector", ".stack mark.m")
    chromium.execute_script("arguments[0].focus()", mention)
    actor = reference_summary.actors[int(mention.get_attribute("data-actor"))]
    assert tip.text.startswith(f"{actor.name} · {actor.kind.value.replace('_', ' ')}")
    mention.send_keys(" ")
    pressed = chromium.find_element("css selector", ".pick[aria-pressed='true']")
    assert pressed.get_attribute("data-actor") == mention.get_attribute("data-actor")


def test_printing_shows_the_text_and_its_highlights_without_the_controls(
    chromium: Any, tmp_path: Path, reference_summary: ArticleSummary, reference_article: str
) -> None:
    open_page(chromium, write_page(tmp_path, reference_summary, reference_article))
    browser.click(chromium, ".pick[data-actor='0']")
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = chromium.execute_script(
            "function seen(s) { var e = document.querySelector(s);"
            "  return !!e && getComputedStyle(e).display !== 'none'; }"
            "return {text: seen('#article'), status: seen('.status'), clear: seen('.clear'),"
            "  tip: seen('#tip'), skip: seen('.skip'), actors: seen('.side'),"
            "  colour: getComputedStyle(document.querySelector('.stack mark.m')).printColorAdjust};"
        )
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == {
        "text": True,
        "status": False,
        "clear": False,
        "tip": False,
        "skip": False,
        "actors": True,
        "colour": "exact",
    }


def test_markup_and_template_syntax_in_the_article_show_and_run_nothing(
    chromium: Any, tmp_path: Path, screenshots: Path
) -> None:
    summary = hostile_summary()
    open_page(chromium, write_page(tmp_path, summary, HOSTILE_ARTICLE))

    nothing_ran(chromium)
    assert_highlights_are_the_spans(chromium, HOSTILE_ARTICLE, summary)
    assert chromium.title == summary.headline
    assert chromium.find_element("tag name", "h1").text == summary.headline
    assert chromium.execute_script("return document.querySelectorAll('img, textarea').length") == 0
    for button in chromium.find_elements("css selector", ".pick"):
        button.click()
    nothing_ran(chromium)
    chromium.save_screenshot(str(screenshots / "hostile-page.png"))


def test_right_to_left_and_combining_characters_are_drawn_where_they_stand(
    chromium: Any, tmp_path: Path, screenshots: Path
) -> None:
    summary = summary_for(
        RTL_ARTICLE,
        [
            ("תֵּל אָבִיב", "other", ["תֵּל אָבִיב", ("תֵּל אָבִיב", 2)]),
            ("الوزير", "person", ["الوزيرُ"]),
            ("the cafe\u0301 owner", "person", ["cafe\u0301 owner"]),
            ("المعارضة", "group", ["المعارضةَ"]),
        ],
        [
            ("المعارضة", "warning", "التكاليف", "حذّرتْ من التكاليفِ"),
            ("the cafe\u0301 owner", "warning", "Prices", "👩🏽‍🍳 warned that prices would rise"),
            ("الوزير", "other", "الخطة آمنة", "الوزيرُ إنَّ الخطةَ"),
        ],
    )
    open_page(chromium, write_page(tmp_path, summary, RTL_ARTICLE))

    assert_highlights_are_the_spans(chromium, RTL_ARTICLE, summary)
    bidi = chromium.execute_script(
        "return [getComputedStyle(document.getElementById('article')).unicodeBidi,"
        " getComputedStyle(document.querySelector('.stack mark')).unicodeBidi]"
    )
    assert bidi == ["plaintext", "normal"]  # each paragraph its own direction; marks add none
    chromium.save_screenshot(str(screenshots / "rtl-page.png"))


def test_crossing_spans_lie_on_an_overlay_exactly_over_their_words(
    chromium: Any, tmp_path: Path
) -> None:
    article = (
        "Speaking in Moscow, President Vladimir Putin said the talks were useful, officials "
        "said, while critics of President Vladimir Putin said they were not."
    )
    summary = summary_for(
        article,
        [
            ("Vladimir Putin", "person", ["President Vladimir Putin"]),
            ("officials", "group", ["officials"]),
            ("critics", "group", ["critics"]),
        ],
        [
            (
                "Vladimir Putin",
                "other",
                "Useful talks",
                "Putin said the talks were useful, officials",
            ),
            ("critics", "criticism", "Not useful", "critics of President Vladimir"),
        ],
    )
    open_page(chromium, write_page(tmp_path, summary, article))

    assert chromium.execute_script("return document.querySelectorAll('.overlay').length") >= 1
    assert_highlights_are_the_spans(chromium, article, summary)
    quote = chromium.find_element("css selector", ".overlay mark.q")
    quote.click()  # the overlay's marks take the pointer, though the layer lets clicks through
    assert (
        chromium.find_element("css selector", ".pick[data-concern='0']").get_attribute(
            "aria-pressed"
        )
        == "true"
    )


# -- the batch site ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, chromium: Any) -> Path:
    """A small batch: the reference article, the hostile one and the RTL one drawn, one failed,
    one whose text changed, one whose text is missing; two rows per data file."""
    root = tmp_path_factory.mktemp("batch")
    reference = Path(__file__).resolve().parent.parent / "examples" / "ap-kim-russia-jets.txt"
    reference_text = reference.read_text(encoding="utf-8")
    putin_article = "President Vladimir Putin said Russia abides by sanctions. Critics doubted it."
    texts = {
        "ap-kim": reference_text,
        "hostile": HOSTILE_ARTICLE,
        "putin": putin_article,
        "changed": "Putin said the weather was fine.",
    }
    summaries = {
        "ap-kim": summary_for(
            reference_text,
            [
                ("Vladimir Putin", "person", ["Vladimir Putin", "Putin"]),
                ("Kim Jong Un", "person", ["Kim Jong Un", "Kim"]),
                ("Kim Yung-ho", "person", ["Kim Yung-ho"]),
            ],
            [("Kim Yung-ho", "warning", "Stronger responses", "would invite stronger responses")],
            headline="Kim tours a Russian fighter-jet plant",
        ),
        "hostile": hostile_summary(),
        "putin": summary_for(
            putin_article,
            [("Putin", "person", ["President Vladimir Putin"]), ("Critics", "group", ["Critics"])],
            [("Critics", "doubt", "Sanctions are kept", "Critics doubted it")],
            headline="Putin says Russia abides by sanctions",
        ),
        "changed": summary_for(
            "Putin said the weather was fine, again.",
            [("Putin", "person", ["Putin"])],
            headline="Putin on the weather",
        ),
        "missing": summary_for(
            "Kim Jong Un left.", [("Kim Jong Un", "person", ["Kim Jong Un"])], headline="Kim leaves"
        ),
    }
    inputs = root / "feed.jsonl"
    with inputs.open("w", encoding="utf-8") as feed:
        for article_id, text in texts.items():
            feed.write(json.dumps({"id": article_id, "text": text}) + "\n")
    results = root / "results.jsonl"
    with results.open("w", encoding="utf-8") as out:
        for article_id, summary in summaries.items():
            line = {
                "id": article_id,
                "status": "ok",
                "summary": json.loads(summary.model_dump_json()),
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        error = {"type": "ProviderError", "message": "rate limited (429) after 4 tries"}
        out.write(json.dumps({"id": "failed", "status": "error", "error": error}) + "\n")
    write_site(results, [str(inputs)], root / "site", rows_per_file=2)
    return root / "site"


def open_index(driver: Any, site: Path, hash: str = "") -> None:
    driver.get((site / "index.html").resolve().as_uri() + hash)
    tab = hash.lstrip("#").split("?")[0] or "articles"
    browser.wait_for(
        driver, lambda d: d.execute_script("return document.body.dataset.ready") == tab
    )


def table(driver: Any) -> list[list[str]]:
    rows: list[list[str]] = driver.execute_script(
        "return Array.from(document.querySelectorAll('table.grid tbody tr:not(.detail-row)'))"
        ".map(function (tr) { return Array.from(tr.cells).map(function (td) {"
        " return td.innerText; }); });"
    )
    return rows


def wait_rows(driver: Any, count: int) -> list[list[str]]:
    try:
        browser.wait_for(driver, lambda d: len(table(d)) == count, 5)
    except Exception:
        raise AssertionError(
            f"{len(table(driver))} rows, not {count}: {driver.current_url} {table(driver)}"
        ) from None
    return table(driver)


def wait_column(driver: Any, column: int, expected: list[str]) -> None:
    """Wait until the table's column holds exactly ``expected`` (filters apply as one types)."""
    try:
        browser.wait_for(driver, lambda d: [row[column] for row in table(d)] == expected, 5)
    except Exception:
        assert [row[column] for row in table(driver)] == expected
        raise


def headlines(driver: Any) -> list[str]:
    return [row[1].split("\n")[0] for row in table(driver)]


def retype(driver: Any, element_id: str, text: str) -> None:
    """Replace what a filter field holds, keystroke by keystroke, as a reader would."""
    from selenium.webdriver.common.keys import Keys

    field = driver.find_element("id", element_id)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE)
    if text:
        field.send_keys(text)


def test_the_index_lists_every_article_failed_and_undrawn_ones_with_why(
    chromium: Any, site: Path, screenshots: Path
) -> None:
    open_index(chromium, site)

    rows = wait_rows(chromium, 6)
    nothing_ran(chromium)
    by_id = {row[1].split("\n")[1].split(" · ")[0]: row for row in rows}
    assert set(by_id) == {"ap-kim", "hostile", "putin", "changed", "missing", "failed"}
    assert "ProviderError: rate limited (429) after 4 tries" in by_id["failed"][1]
    assert by_id["failed"][4] == "failed"
    assert "its text has changed" in by_id["changed"][1] and by_id["changed"][4] == "changed"
    assert "not among the inputs" in by_id["missing"][1] and by_id["missing"][4] == "missing"
    links = chromium.execute_script(
        "return Array.from(document.querySelectorAll('table.grid a')).map(a => a.textContent)"
    )
    assert sorted(links) == sorted(
        [
            "Kim tours a Russian fighter-jet plant",
            hostile_summary().headline,
            "Putin says Russia abides by sanctions",
        ]
    )
    chromium.save_screenshot(str(screenshots / "batch-index.png"))


def test_the_index_sorts_and_filters(chromium: Any, site: Path) -> None:
    from selenium.webdriver.support.ui import Select

    open_index(chromium, site)
    wait_rows(chromium, 6)
    browser.click(chromium, "th button[data-sort='actors']")
    assert [row[2] for row in table(chromium)] == ["0", "1", "1", "2", "3", "4"]
    browser.click(chromium, "th button[data-sort='actors']")
    assert [row[2] for row in table(chromium)] == ["4", "3", "2", "1", "1", "0"]

    retype(chromium, "f-actor", "putin")
    browser.wait_for(chromium, lambda d: len(table(d)) == 3)
    assert set(headlines(chromium)) == {
        "Kim tours a Russian fighter-jet plant",
        "Putin says Russia abides by sanctions",
        "Putin on the weather",
    }
    Select(chromium.find_element("id", "f-kind")).select_by_value("doubt")
    browser.wait_for(chromium, lambda d: headlines(d) == ["Putin says Russia abides by sanctions"])
    retype(chromium, "f-actor", "")
    Select(chromium.find_element("id", "f-kind")).select_by_value("")
    retype(chromium, "f-q", "weather")
    browser.wait_for(chromium, lambda d: headlines(d) == ["Putin on the weather"])
    assert "#articles?" in chromium.current_url and "q=weather" in chromium.current_url


def test_the_actor_index_merges_one_person_across_articles_and_keeps_namesakes_apart(
    chromium: Any, site: Path
) -> None:
    open_index(chromium, site, "#actors")

    rows = wait_rows(chromium, 7)
    names = [row[0].split("\n")[0] for row in rows]
    assert names.count("Vladimir Putin") == 1
    assert "Kim Jong Un" in names and "Kim Yung-ho" in names
    putin = next(row for row in rows if row[0].startswith("Vladimir Putin"))
    assert putin[2] == "3"  # the reference article, the Putin article and the changed one
    browser.click(chromium, "button[data-open='vladimir-putin']")
    detail = browser.wait_for(chromium, lambda d: d.find_element("css selector", ".detail").text)
    assert "In 3 articles" in detail and "Putin on the weather" in detail
    kim = next(row for row in rows if row[0].startswith("Kim Yung-ho"))
    assert kim[3] == "1"  # the concern he holds
    browser.click(chromium, "button[data-open='kim-yung-ho']")
    browser.wait_for(
        chromium,
        lambda d: (
            "warning Stronger responses"
            in d.find_elements("css selector", ".detail")[-1].text.replace("\n", " ")
        ),
    )


def test_who_said_what_filters_by_holder_kind_article_and_text(chromium: Any, site: Path) -> None:
    from selenium.webdriver.support.ui import Select

    open_index(chromium, site, "#concerns")
    assert len(wait_rows(chromium, 6)) == 6
    retype(chromium, "f-holder", "critics")
    wait_column(chromium, 0, ["Critics", "Critics"])
    Select(chromium.find_element("id", "f-kind")).select_by_value("doubt")
    wait_column(chromium, 3, ["Critics doubted it"])
    retype(chromium, "f-holder", "")
    Select(chromium.find_element("id", "f-kind")).select_by_value("")
    retype(chromium, "f-article", "fighter-jet")
    wait_column(chromium, 0, ["Kim Yung-ho"])
    retype(chromium, "f-article", "")
    retype(chromium, "f-q", "{{ x }}")
    wait_column(chromium, 0, ["Critics"])
    nothing_ran(chromium)


def test_an_article_page_of_the_site_works_with_its_shared_assets(
    chromium: Any, site: Path
) -> None:
    open_index(chromium, site)
    wait_rows(chromium, 6)
    chromium.find_element("link text", "Putin says Russia abides by sanctions").click()
    browser.wait_for(chromium, lambda d: d.find_elements("css selector", ".stack mark"))

    assert [m["text"] for m in highlights(chromium)] == [
        "President Vladimir Putin",
        "Critics doubted it",
        "Critics",
    ]
    browser.click(chromium, ".pick[data-actor='0']")
    assert [m["text"] for m in highlights(chromium) if " sel" in m["classes"]] == [
        "President Vladimir Putin"
    ]
    nothing_ran(chromium)
    chromium.find_element("link text", "← All articles").click()
    browser.wait_for(chromium, lambda d: d.execute_script("return document.body.dataset.ready"))


def test_the_index_shows_a_hundred_rows_at_a_time(
    chromium: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("paged")
    records = [(f"a{n:03d}", f"rate limited (429), article {n}") for n in range(150)]
    write_results(root / "results.jsonl", records)
    (root / "feed.jsonl").write_text("", encoding="utf-8")
    write_site(root / "results.jsonl", [str(root / "feed.jsonl")], root / "site", rows_per_file=40)

    open_index(chromium, root / "site")
    wait_rows(chromium, 100)
    assert "Showing 1–100 of 150" in chromium.find_element("css selector", ".count").text
    browser.click(chromium, "[data-page='1']")
    rows = wait_rows(chromium, 50)
    assert rows[0][0] == "101" and rows[-1][0] == "150"
    assert "Page 2 of 2" in chromium.find_element("css selector", ".pager").text
    assert "page=2" in chromium.current_url
