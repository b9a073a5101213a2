"""The review desk's template tags: what the declared review actions (attribution/review_actions.py) put on a
card, in the shortcut help, and in the key map desk.js reads."""

import re
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from django import template
from django.template import Context
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from attribution.highlight import Painted, Segment
from attribution.http import queue_batch
from attribution.review_actions import ACTIONS, COMMANDS, Card, DeskCommand, ReviewAction, card_actions, shortcuts
from attribution.text import HEADING_MARK

register = template.Library()


@register.simple_tag
def id_url(name: str, pk: int) -> str:
    """{% url name pk %} for a view that takes one id, as every card's links and buttons are: each name is
    reversed once, where a review page reversed some 60 URLs through Django's resolver on every view."""
    return _id_url_format(name, get_script_prefix()).format(int(pk))


# Reversed with this id, which then marks where any other goes (no route of ours holds digits of its own).
_PLACEHOLDER = 918273645


@cache
def _id_url_format(name: str, prefix: str) -> str:
    return reverse(name, args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")


@register.simple_tag
def actions_for(card: Card) -> list[ReviewAction]:
    return card_actions(card)


@register.simple_tag
def action_named(name: str) -> ReviewAction:
    """A declared action by name, for a button outside the cards (adding a quote, from the toolbar)."""
    return ACTIONS[name]


@register.simple_tag
def command_named(name: str) -> DeskCommand:
    return COMMANDS[name]


@register.simple_tag
def shortcut_help() -> list[tuple[tuple[str, ...], str]]:
    return shortcuts()


@register.simple_tag
def desk_keys() -> dict[str, dict[str, Any]]:
    """Each key and what desk.js does with it: which action's button to press on the selected quote (and
    whether to move on afterwards), or which toolbar command to run."""
    keys: dict[str, dict[str, Any]] = {
        action.key: {"action": action.name, "advances": action.advances} for action in ACTIONS.values() if action.key
    }
    return keys | {command.key: {"command": command.name} for command in COMMANDS.values()}


@register.simple_tag
def desk_commands() -> list[DeskCommand]:
    return list(COMMANDS.values())


@register.simple_tag(takes_context=True)
def command_url(context: Context, command: DeskCommand, article_id: int) -> str:
    """The command's URL for the article, keeping the review queue's scope (an import batch) the editor is in."""
    url = reverse(command.url_name, args=[article_id])
    batch = queue_batch(context["request"])
    return f"{url}?{urlencode({'batch': batch})}" if batch else url


# A web page's subheading in the stored body (attribution.text.HEADING_MARK), set off as one; its mark stays
# in the text, as every character must for the page's selection offsets.
_SUBHEADING = re.compile(rf"(?m)^{HEADING_MARK}([^\n]*)")
_SUBHEADING_HTML = rf'<span class="subheading"><span class="mark">{HEADING_MARK}</span>\1</span>'


@register.simple_tag
def highlighted_body(segments: list[Segment[Painted]]) -> SafeString:
    """The article text with each quote in a <mark>: built here, as the text must come out exactly as stored
    (the page's selection offsets are counted in it) and a template cannot wrap a line without adding spaces.
    Joined by hand rather than through format_html, a call per segment that cost a long article milliseconds."""
    parts: list[str] = []
    for segment in segments:
        text = conditional_escape(segment.text)
        if (quote := segment.quote) is None:
            parts.append(_SUBHEADING.sub(_SUBHEADING_HTML, text) if HEADING_MARK in text else text)
        else:
            status = conditional_escape(quote.status)
            parts.append(
                f'<mark id="hl-{quote.pk:d}" class="hl c{segment.colour:d} status-{status}" '
                f'data-quote="{quote.pk:d}">{text}</mark>'
            )
    return mark_safe("".join(parts))  # every piece is escaped above


@register.simple_tag
def word_diff(ours: str, theirs: str) -> SafeString:
    """Their wording against ours, word by word: words they lack struck through, words they add marked."""
    mine, other = ours.split(), theirs.split()
    parts: list[str] = []
    for operation, a_start, a_end, b_start, b_end in SequenceMatcher(a=mine, b=other, autojunk=False).get_opcodes():
        if operation in ("delete", "replace"):
            parts.append(f"<del>{conditional_escape(' '.join(mine[a_start:a_end]))}</del>")
        if operation in ("insert", "replace"):
            parts.append(f"<ins>{conditional_escape(' '.join(other[b_start:b_end]))}</ins>")
        if operation == "equal":
            parts.append(str(conditional_escape(" ".join(mine[a_start:a_end]))))
    return mark_safe(" ".join(parts))  # every word is escaped above
