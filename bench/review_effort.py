"""Review effort: the keys and clicks an editor who knows the gold needs to make the desk's export match it.

Imports a gold file's articles (their quotes extracted as on import) into its own "_bench_effort" database,
emptied first, serves the app with `manage.py runserver` and drives the review desk in Debian's Chromium as an
editor, from the keyboard: on each article it confirms (a) the predictions the gold agrees with, rejects (x)
those it has no quote for, corrects (e) the others' speaker, role, outlet, kind and span, and adds (selects the
words, n) the gold quotes the engine missed. It counts every key press and click, times each article and the
server's answer to each htmx request, then compares the verified export with the gold. Prints figures;
asserts nothing.
    python bench/review_effort.py [GOLD.jsonl] [--limit N]
GOLD, in the format of ../shared/eval/README.md, defaults to ../shared/eval/bbc-dev.jsonl; a relative path is
taken from the project root.
"""

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from types import FrameType
from typing import IO
from urllib.parse import urlsplit

from common import ROOT, bench_django
from playwright.sync_api import Locator, Page, Request, expect, sync_playwright

bench_django("_bench_effort")
# The bench reads the database between key presses while Playwright's sync API keeps an event loop running in
# this thread, which Django would otherwise take for async code calling the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.contrib.auth import get_user_model  # noqa: E402
from gold import (  # noqa: E402
    GoldArticle,
    GoldQuote,
    Values,
    attribution_wrong,
    empty_database,
    import_gold,
    overlap,
    plan,
    wrong_fields,
)

from attribution.models import (  # noqa: E402
    Outlet,
    Quote,
    Speaker,
)
from attribution.selectors.export import ExportFilters, export_rows, quotes_for_export  # noqa: E402
from attribution.services.demo import roles_ensure  # noqa: E402
from attribution.text import fold_whitespace, word_step  # noqa: E402
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

GOLD = ROOT.parent / "shared" / "eval" / "bbc-dev.jsonl"
USERNAME, PASSWORD = "bench-effort", "bench-effort-password"
# More Tabs than the form has fields: reaching none of them means the form changed.
TAB_LIMIT = 12


@dataclass
class Effort:
    doc: str
    gold: int
    predictions: int
    confirms: int = 0
    rejects: int = 0
    corrections: int = 0
    adds: int = 0
    actions: int = 0
    correction_actions: int = 0  # edits and adds, from the key (or selection) that opens them to the save
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.gold:4} {self.predictions:5} {self.confirms:7} {self.rejects:6} {self.corrections:7} "
            f"{self.adds:4} {self.actions:7} {self.seconds:6.1f}  {self.doc}"
        )


HEADER = "gold preds confirm reject correct  add actions      s  doc"


def totals(efforts: list[Effort]) -> Effort:
    total = Effort("total", 0, 0)
    for effort in efforts:
        for item in fields(Effort)[1:]:
            setattr(total, item.name, getattr(total, item.name) + getattr(effort, item.name))
    return total


# The scorer's rules.


# The desk in the browser.

# The desk ignores keys while a card's request is in flight: the bench waits for every htmx request it caused.
# Each is done at its XHR's loadend, which follows htmx's swap; htmx's own afterRequest never reaches the
# document for an element the answer to another request took off the page (a name field's suggestions).
COUNT_REQUESTS = """
window.benchRequests = { sent: 0, done: 0 };
document.addEventListener("htmx:beforeSend", (event) => {
  window.benchRequests.sent += 1;
  event.detail.xhr.addEventListener("loadend", () => { window.benchRequests.done += 1; });
});
"""
ALL_ANSWERED = "(after) => benchRequests.sent > after && benchRequests.sent === benchRequests.done"


CARDS = """() => [
  Array.from(document.querySelectorAll(".cards .card[data-quote]"), (card) => Number(card.dataset.quote)),
  Number(document.querySelector(".cards .card.selected")?.dataset.quote ?? -1),
]"""

# Selects [start, end) of the article body, counted in code points as the server counts them (the DOM counts
# UTF-16 units), across the highlights' <mark>s: one drag of the mouse over exactly those words.
SELECT_SPAN = """([start, end]) => {
  const body = document.querySelector(".article-text .body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const units = (points, n) => points.slice(0, n).join("").length;
  let seen = 0;
  let started = false;
  let node;
  while ((node = walker.nextNode())) {
    const points = Array.from(node.textContent);
    if (!started && start <= seen + points.length) {
      range.setStart(node, units(points, start - seen));
      started = true;
    }
    if (started && end <= seen + points.length) {
      range.setEnd(node, units(points, end - seen));
      break;
    }
    seen += points.length;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}"""


class Desk:
    """The review desk as an editor works it, every key press and click counted."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.actions = 0
        # What the actions were spent on (moving between cards, verdicts, a field of a correction, adding).
        self.spent: Counter[str] = Counter()
        self.purpose = "move"

        self.verbose = False

    @contextmanager
    def spending(self, purpose: str, value: str | None = None) -> Iterator[None]:
        """Actions counted under a purpose; with --verbose, a field's value and what setting it cost printed."""
        outer, self.purpose = self.purpose, purpose
        before = self.actions
        try:
            yield
        finally:
            self.purpose = outer
            if self.verbose and value is not None:
                print(f"    {purpose:8} {self.actions - before:3} actions  {value!r}")

    def count(self, actions: int) -> None:
        self.actions += actions
        self.spent[self.purpose] += actions

    def key(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count(1)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.count(len(text))

    def send(self, key: str) -> None:
        """A key that sends a request: wait for the answer (and any other request in flight) before the next."""
        sent = self.page.evaluate("() => benchRequests.sent")
        self.key(key)
        self.page.wait_for_function(ALL_ANSWERED, arg=sent)

    def settle(self) -> None:
        self.page.wait_for_function("() => benchRequests.sent === benchRequests.done")

    def cards(self) -> tuple[list[int], int]:
        """The quotes' ids in the order of their cards, and the selected one's (-1 for none)."""
        ids, selected = self.page.evaluate(CARDS)
        return [int(pk) for pk in ids], int(selected)

    def select(self, pk: int) -> None:
        """j / k until the quote's card is the selected one."""
        for _ in range(len(self.cards()[0]) + 1):
            ids, selected = self.cards()
            if selected == pk:
                return
            self.key("j" if selected not in ids or ids.index(selected) < ids.index(pk) else "k")
        raise RuntimeError(f"j / k never selected quote {pk}")

    def select_words(self, body: str, start: int, end: int) -> None:
        selected = self.page.evaluate(SELECT_SPAN, [start, end])
        self.count(1)
        if selected != body[start:end]:
            raise RuntimeError(f"selecting [{start}:{end}] took {selected!r}, not {body[start:end]!r}")

    def focus(self, name: str) -> None:
        """Tab through the open form to a field."""
        for _ in range(TAB_LIMIT):
            if self.page.evaluate("() => document.activeElement?.name") == name:
                return
            self.key("Tab")
        raise RuntimeError(f"the form has no field {name!r} within {TAB_LIMIT} tabs")


# How each field of the edit and add forms is set from the keyboard, once it has the focus.


def set_text(desk: Desk, field: str, value: str) -> None:
    """A focused field's content is selected, so typing replaces it; Backspace empties it."""
    if value:
        desk.type(value)
    else:
        desk.key("Backspace")


def registered(field: str, name: str) -> bool:
    registry = Speaker.objects if field == "speaker" else Outlet.objects
    return registry.matching(name) is not None


# The pause in typing after which the desk looks the field's value up (the name fields' hx-trigger delay).
SUGGESTION_DELAY_MS = 200
# How many letters of a known name an editor types before looking at the suggestions.
LETTERS_BEFORE_LOOKING = 3


def offered(desk: Desk) -> list[str]:
    """The values suggested under the focused field, once the lookup for what it holds has come back (it
    leaves when typing pauses for the field's delay)."""
    desk.page.wait_for_timeout(SUGGESTION_DELAY_MS + 50)
    desk.settle()
    suggestions = desk.page.evaluate("() => document.activeElement.getAttribute('aria-controls')")
    options: list[str] = desk.page.locator(f"#{suggestions} [role=option]").evaluate_all(
        "options => options.map(option => option.dataset.value)"
    )
    return options


def choose(desk: Desk, options: list[str], value: str) -> None:
    """The suggestion with this value, reached with the arrow keys (up from the end is shorter) and Enter."""
    at = options.index(value)
    if at < len(options) - at:
        for _ in range(at + 1):
            desk.key("ArrowDown")
    else:
        for _ in range(len(options) - at):
            desk.key("ArrowUp")
    desk.key("Enter")


def set_name(desk: Desk, field: str, value: str) -> None:
    """A speaker or outlet: the registry's names and the article's are suggested as it is typed, so one of them
    is chosen after a few letters; any other is typed whole, then, new to the registry, chosen from the
    suggestions' last entry, the new name's, which gives the say-so a new registry name needs."""
    wanted = fold_whitespace(value)
    if not wanted:
        set_text(desk, field, value)
        return
    desk.type(wanted[:LETTERS_BEFORE_LOOKING])
    if wanted in (options := offered(desk)):
        choose(desk, options, wanted)  # known to the registry, or named in the article
        return
    desk.type(wanted[LETTERS_BEFORE_LOOKING:])
    if not registered(field, wanted):
        expect(desk.page.locator("[role=option][data-new]").last).to_have_attribute("data-value", wanted)
        choose(desk, offered(desk), wanted)


def set_role(desk: Desk, field: str, value: str) -> None:
    """The speaker's roles are offered as the field is reached: one of them is chosen; any other is typed."""
    wanted = fold_whitespace(value)
    if wanted and wanted in (options := offered(desk)):
        choose(desk, options, wanted)
    else:
        set_text(desk, field, value)


def set_kind(desk: Desk, field: str, value: str) -> None:
    """The Kind select takes the first letter of a kind's label (the browser's type-ahead)."""
    desk.key(Quote.Kind(value).label[0].lower())


SETTERS: dict[str, Callable[[Desk, str, str], None]] = {
    "speaker": set_name,
    "role": set_role,
    "outlet": set_name,
    "kind": set_kind,
}


def fill(desk: Desk, changes: list[tuple[str, str]]) -> None:
    for field, value in changes:
        with desk.spending("tab"):
            desk.focus(field)
        with desk.spending(field, value):
            SETTERS[field](desk, field, value)


def save(desk: Desk) -> None:
    """Enter saves the open form from any of its fields."""
    desk.send("Enter")


def saved(desk: Desk, form: Locator, doc: str) -> bool:
    """Whether the form went (saved); a refused one is reported and cancelled."""
    if not form.count():
        return True
    problems = "; ".join(form.locator(".errorlist").all_inner_texts()) or "no message"
    print(f"  warning: {doc}: the desk refused the save ({problems})")
    desk.key("Escape")
    desk.settle()
    return False


def check_saved(doc: str, quote: Quote | None, gold: GoldQuote) -> None:
    """What the desk stored, against what the editor meant to give it."""
    if quote is None:
        print(f"  warning: {doc}: saved, but no quote was stored for the gold quote [{gold.start}:{gold.end}]")
    elif still := wrong_fields(values_of(quote), gold):
        names = ", ".join(name for name, _ in still)
        print(f"  warning: {doc}: saved, but {names} still unlike the gold quote [{gold.start}:{gold.end}]")


def values_of(quote: Quote) -> Values:
    return Values(quote.start, quote.end, quote.speaker_text, quote.role, quote.outlet_text, quote.kind)


# The kind a digit sets on the selected card.
KIND_KEYS = {"direct": "1", "indirect": "2", "mixed": "3"}


def pick(desk: Desk, field: str, name: str) -> bool:
    """A name the article mentions, set on the selected card from the picker (p for the speaker, o for the
    outlet, then its digit); False, the picker closed again, where it does not offer the name."""
    desk.key("p" if field == "speaker" else "o")
    names = desk.page.locator(".picker [role=option]").evaluate_all("options => options.map(o => o.dataset.value)")
    wanted = fold_whitespace(name)
    if wanted in names:
        desk.send(str(names.index(wanted) + 1))
        return True
    desk.key("Escape")
    return False


# Beyond this many words in all, an editor selects the right words and moves the quote onto them (m).
MOST_NUDGES = 2


def nudges(body: str, edge: int, wanted: int) -> int | None:
    """The words between an edge and where it should be (negative: earlier), if within MOST_NUDGES."""
    step = 1 if wanted > edge else -1
    at, words = edge, 0
    while at != wanted and abs(words) < MOST_NUDGES + 1:
        at, words = word_step(body, at, step), words + step
    return words if at == wanted else None


def respan(desk: Desk, start: int, end: int) -> None:
    """Shift+arrows and [ ] by word where an edge or two is a word or two off, else select the words and m."""
    quote = Quote.objects.select_related("article").get(pk=desk.page.evaluate(CARDS)[1])
    body = quote.article.body
    found = {"start": nudges(body, quote.start, start), "end": nudges(body, quote.end, end)}
    moves = {edge: words for edge, words in found.items() if words is not None}
    if len(moves) == len(found) and sum(abs(words) for words in moves.values()) <= MOST_NUDGES:
        keys = {("start", 1): "]", ("start", -1): "[", ("end", 1): "Shift+ArrowRight", ("end", -1): "Shift+ArrowLeft"}
        for edge, words in moves.items():
            for _ in range(abs(words)):
                desk.send(keys[edge, 1 if words > 0 else -1])
        return
    desk.select_words(body, start, end)
    desk.send("m")


def shortcut(desk: Desk, field: str, value: str) -> bool:
    """Set one value from the card without the form, where the desk has a shortcut for it."""
    with desk.spending(field, value):
        return card_shortcut(desk, field, value)


def card_shortcut(desk: Desk, field: str, value: str) -> bool:
    if field == "kind":
        desk.send(KIND_KEYS[value])
        return True
    if field == "span":
        respan(desk, *(int(edge) for edge in value.split(":")))
        return True
    if not value:
        return False
    if field == "role":
        return from_text(desk, value, "r")
    key = "p" if field == "speaker" else "o"
    # Not among the picker's names: the words selected in the text are its first.
    return pick(desk, field, value) or from_text(desk, value, key, "1")


def from_text(desk: Desk, value: str, *keys: str) -> bool:
    """Select the value's words where the article has them, nearest the selected quote, then press keys (r: the
    role; p or o, 1: the speaker or outlet); False where the article does not have them."""
    quote = Quote.objects.select_related("article").get(pk=desk.cards()[1])
    body = quote.article.body
    places = [at for at in range(len(body)) if body.startswith(value, at)]
    if not places:
        return False
    at = min(places, key=lambda place: abs(place - quote.start))
    desk.select_words(body, at, at + len(value))
    for key in keys[:-1]:
        desk.key(key)
    desk.send(keys[-1])
    return True


# The order an editor fixes a quote's values in: a picked speaker may bring the right role with it.
FIELD_ORDER = ("speaker", "role", "outlet", "kind", "span")


def correct(desk: Desk, article: GoldArticle, pk: int, gold: GoldQuote) -> None:
    """The card's shortcuts first (a kind by its digit, a name from the picker, words selected in the text),
    each value as the quote stands after the one before, then the edit form for whatever is left."""
    for field in FIELD_ORDER:
        wrong = dict(wrong_fields(values_of(Quote.objects.get(pk=pk)), gold))
        if field in wrong:
            shortcut(desk, field, wrong[field])
    left = wrong_fields(values_of(Quote.objects.get(pk=pk)), gold)
    if not left:
        check_saved(article.doc, Quote.objects.get(pk=pk), gold)
        return
    with desk.spending("form"):
        desk.send("e")
    form = desk.page.locator(f"#quote-{pk} form")
    expect(form.get_by_label("Speaker", exact=True)).to_be_focused()
    fill(desk, left)
    with desk.spending("form"):
        save(desk)
    if saved(desk, form, article.doc):
        check_saved(article.doc, Quote.objects.get(pk=pk), gold)


def add(desk: Desk, article: GoldArticle, gold: GoldQuote) -> None:
    with desk.spending("add"):
        desk.select_words(article.body, gold.start, gold.end)
        desk.send("n")
    form = desk.page.locator("#add-quote form")
    expect(form.get_by_label("Speaker", exact=True)).to_be_focused()
    offered = Values(
        gold.start,
        gold.end,
        *(form.get_by_label(label, exact=True).input_value() for label in ("Speaker", "Role", "Outlet", "Kind")),
    )
    # A name or role the text gives word for word is set on the new card afterwards, from the text; the form
    # takes the rest.
    wrong = wrong_fields(offered, gold)
    fill(desk, [(field, value) for field, value in wrong if field not in TEXTUAL or value not in article.body])
    with desk.spending("add"):
        save(desk)
    if not saved(desk, form, article.doc):
        return
    added = Quote.objects.filter(article_id=article.article_id, status=Quote.Status.ADDED).order_by("-pk").first()
    if added is None:
        check_saved(article.doc, added, gold)
    else:
        correct(desk, article, added.pk, gold)


# The values an editor can take from the article's words on the card.
TEXTUAL = ("speaker", "role", "outlet")


def act(desk: Desk, article: GoldArticle, pk: int, key: str, status: str) -> None:
    with desk.spending("verdict"):
        desk.send(key)
    now = desk.page.locator(f"#quote-{pk}").get_attribute("data-status")
    if now != status:
        print(f"  warning: {article.doc}: quote {pk} is {now} after {key!r}, not {status}")


def review(desk: Desk, article: GoldArticle) -> Effort:
    started = time.perf_counter()
    desk.actions = 0
    desk.page.goto(f"/articles/{article.article_id}/")
    predictions = {quote.pk: values_of(quote) for quote in Quote.objects.filter(article_id=article.article_id)}
    todo = plan(predictions, article.quotes)
    effort = Effort(article.doc, article.required, len(predictions))
    ids, _ = desk.cards()
    if ids:
        expect(desk.page.locator(".card.selected")).to_have_count(1)
    for pk in ids:
        desk.select(pk)
        if pk in todo.confirms:
            act(desk, article, pk, "a", Quote.Status.CONFIRMED)
            effort.confirms += 1
        elif pk in todo.rejects:
            act(desk, article, pk, "x", Quote.Status.REJECTED)
            effort.rejects += 1
        else:
            before = desk.actions
            correct(desk, article, pk, todo.corrections[pk])
            effort.corrections += 1
            effort.correction_actions += desk.actions - before
    for gold in todo.missed:
        before = desk.actions
        add(desk, article, gold)
        effort.adds += 1
        effort.correction_actions += desk.actions - before
    effort.actions = desk.actions
    effort.seconds = time.perf_counter() - started
    return effort


class ServerTimes:
    """How long the server took to answer each htmx request (request sent to first byte), by endpoint. runserver
    leaves Nagle's algorithm on, so an answer can wait ~40 ms for the browser's delayed ACK: that is counted."""

    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = defaultdict(list)

    def record(self, request: Request) -> None:
        timing = request.timing
        if request.headers.get("hx-request") != "true" or min(timing["requestStart"], timing["responseStart"]) < 0:
            return
        path = "/".join(part for part in urlsplit(request.url).path.split("/") if part and not part.isdigit())
        self.samples[f"{request.method} {path}"].append(timing["responseStart"] - timing["requestStart"])

    def report(self) -> None:
        every = [ms for samples in self.samples.values() for ms in samples]
        print(f"server time per htmx request: {spread(every)}")
        for name, samples in sorted(self.samples.items()):
            print(f"  {name:28} {spread(samples)}")


def spread(samples: list[float]) -> str:
    if not samples:
        return "no requests"
    ordered = sorted(samples)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(ordered):6.1f} ms, p95 {p95:6.1f} ms ({len(ordered)} requests)"


# Setting up: the database, the gold's articles, the editor, the server.


def editor_ensure() -> None:
    editors, _ = roles_ensure()
    user, _ = get_user_model().objects.get_or_create(username=USERNAME)
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(editors)


def wait_serving(server: subprocess.Popen[bytes], url: str, log: IO[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/login/", timeout=5):
                return
        except OSError:  # not listening yet
            time.sleep(0.1)
    log.seek(0)
    sys.exit(f"the server did not start:\n{log.read().decode(errors='replace')[-3000:]}")


@contextmanager
def serving() -> Iterator[str]:
    """The app under `manage.py runserver` on a free port, stopped however the bench ends."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        # bench_django pointed DATABASE_URL at the bench database; the server inherits it.
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env={**os.environ, "DEBUG": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_serving(server, url, log)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def log_in(page: Page) -> None:
    page.goto("/login/?next=/articles/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/articles/")


# The verified export against the gold.


def best_row(rows: dict[int, Values], gold: GoldQuote) -> int | None:
    """The row overlapping the gold quote most, if it covers half of it (the scorer's "found"); of rows that
    overlap it as much, the shortest, so a row spanning two gold quotes does not hide the one added for this."""
    found = [pk for pk, row in rows.items() if 2 * overlap(row, gold) >= max(1, gold.end - gold.start)]
    return max(found, key=lambda pk: (overlap(rows[pk], gold), rows[pk].start - rows[pk].end), default=None)


def export_differences(articles: list[GoldArticle]) -> list[str]:
    exported: dict[int, dict[int, Values]] = defaultdict(dict)
    for row in export_rows(quotes_for_export(ExportFilters())):
        exported[row["article_id"]][row["quote_id"]] = Values(
            row["start"], row["end"], row["speaker"] or "", row["speaker_role"] or "", row["outlet"] or "", row["kind"]
        )
    differences = []
    for article in articles:
        rows = exported.pop(article.article_id, {})
        matched: set[int] = set()
        for gold in article.quotes:
            where = f"{article.doc} [{gold.start}:{gold.end}]"
            if gold.optional:
                matched.update(pk for pk, row in rows.items() if overlap(row, gold))
                continue
            pk = best_row(rows, gold)
            if pk is None:
                differences.append(f"{where}: no verified row")
                continue
            matched.add(pk)
            for field, value in attribution_wrong(rows[pk], gold):
                differences.append(f"{where}: {field} {getattr(rows[pk], field)!r}, the gold {value!r}")
        differences += [
            f"{article.doc} [{row.start}:{row.end}]: verified, no gold quote"
            for pk, row in rows.items()
            if pk not in matched
        ]
    return differences


def stop(signum: int, frame: FrameType | None) -> None:
    sys.exit(f"stopped by signal {signum}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD, help="gold JSONL (default: %(default)s)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--verbose", action="store_true", help="print what each value set cost")
    args = parser.parse_args()
    path = args.gold if args.gold.is_absolute() else ROOT / args.gold
    if not path.is_file():
        sys.exit(f"{path} not found.")
    if not shutil.which(CHROMIUM):
        sys.exit(f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`).")
    # Killed by a signal, the bench would leave the server it started running: unwind instead.
    signal.signal(signal.SIGTERM, stop)
    started = time.perf_counter()
    empty_database()
    articles = import_gold(path, args.limit)
    editor_ensure()
    imported = time.perf_counter() - started
    print(f"{path.name}: {len(articles)} articles imported and extracted in {imported:.1f} s")
    times = ServerTimes()
    efforts = []
    with serving() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(base_url=url)
        context.add_init_script(COUNT_REQUESTS)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("requestfinished", times.record)
        page.on("pageerror", lambda error: print(f"  warning: page error: {error}"))
        log_in(page)
        desk = Desk(page)
        desk.verbose = args.verbose
        print(HEADER)
        for article in articles:
            efforts.append(review(desk, article))
            print(efforts[-1].line(), flush=True)
        browser.close()
    total = totals(efforts)
    print(total.line())
    spent = ", ".join(f"{purpose} {actions}" for purpose, actions in desk.spent.most_common())
    print(f"actions spent on: {spent}")
    times.report()
    differences = export_differences(articles)
    for difference in differences:
        print(f"  differs: {difference}")
    fixes = total.corrections + total.adds
    print(f"whole run {time.perf_counter() - started:.1f} s")
    print(
        f"effort: {total.actions / max(1, total.gold):.1f} actions per gold quote, "
        f"{total.correction_actions / max(1, fixes):.1f} per correction, "
        f"{total.seconds / max(1, len(efforts)):.1f} s per article; {len(differences)} export rows differ from the gold"
    )


if __name__ == "__main__":
    main()
