"""Every review action, declared once: what it is called, the status it leaves, how it is undone, its key and
its label. The review service (recording and undoing), the audit log's choices, the URLs, the card's buttons,
desk.js (through the key map the page carries) and the shortcut help all read these declarations: a new action
is an entry here, its service function, and its view (an entry in views.quotes.SERVICES for one sent at once
from a card)."""

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.db import models


class QuoteStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CONFIRMED = "confirmed", "Confirmed"
    CORRECTED = "corrected", "Corrected"
    REJECTED = "rejected", "Rejected"
    ADDED = "added", "Added by editor"


class Undo(enum.Enum):
    """What undoing the action does."""

    RESTORE = "restore"  # put back the values recorded before it
    DELETE = "delete"  # remove the quote it created (recorded, with what it was)
    RECREATE = "recreate"  # bring back the quote it removed, with its history
    INVERSE = "inverse"  # an undo's own undo (a redo): the opposite of whatever it did


class Card(Protocol):
    """What an action's availability is judged on: a quote as its card shows it."""

    status: str
    has_history: bool


def _always(card: Card) -> bool:
    return True


@dataclass(frozen=True)
class ReviewAction:
    name: str  # in URLs (quote_<name>), audit events and the card's data-action
    label: str  # on its button
    done: str  # in the history: "Confirmed by ..."
    undo: Undo
    # The quote's status afterwards; None where it depends on what was done (an edit, an undo).
    status: QuoteStatus | None = None
    key: str = ""  # its keyboard shortcut on the desk, if any
    help: str = ""  # the shortcut help's line for the key
    # The desk moves on to the next quote once it is sent (accept-and-advance).
    advances: bool = False
    # It opens a form (a GET) rather than acting at once (a POST).
    opens_form: bool = False
    confirm: str = ""  # asked before it is sent
    primary: bool = False
    # Whether its button shows on a quote's card; actions with no card button are None.
    on_card: Callable[[Card], bool] | None = _always

    @property
    def url_name(self) -> str:
        return f"quote_{self.name}"


CONFIRM = ReviewAction(
    "confirm",
    "Confirm",
    "Confirmed",
    Undo.RESTORE,
    status=QuoteStatus.CONFIRMED,
    key="a",
    help="confirm and go to the next quote",
    advances=True,
    primary=True,
)
REJECT = ReviewAction(
    "reject",
    "Reject",
    "Rejected",
    Undo.RESTORE,
    status=QuoteStatus.REJECTED,
    key="x",
    help="reject and go to the next quote",
    advances=True,
)
EDIT = ReviewAction("edit", "Edit", "Edited", Undo.RESTORE, key="e", help="edit the quote", opens_form=True)
DELETE = ReviewAction(
    "delete",
    "Delete",
    "Deleted",
    Undo.RECREATE,
    confirm="Delete this quote you added? The deletion is recorded.",
    on_card=lambda card: card.status == QuoteStatus.ADDED,
)
# On a card, undoes the latest action on that quote, whoever took it; the desk's `u` is UNDO_MINE below.
UNDO = ReviewAction(
    "undo",
    "Undo",
    "Undone",
    Undo.INVERSE,
    on_card=lambda card: card.has_history,
)
# Added from the toolbar, over the words selected in the article, not from a card.
ADD = ReviewAction(
    "add",
    "Add quote",
    "Added",
    Undo.DELETE,
    status=QuoteStatus.ADDED,
    key="n",
    help="add the words selected in the article as a quote",
    opens_form=True,
    on_card=None,
)

ACTIONS: dict[str, ReviewAction] = {action.name: action for action in (CONFIRM, REJECT, EDIT, ADD, UNDO, DELETE)}


@dataclass(frozen=True)
class DeskCommand:
    """A toolbar command of the desk that acts on the article as a whole (no quote is selected for it)."""

    name: str  # the toolbar control's data-command
    label: str
    key: str
    help: str
    url_name: str  # takes the article's id
    # A link to follow (another page) rather than a request whose answer redraws the desk.
    navigates: bool = False


UNDO_MINE = DeskCommand(
    "undo-mine", "Undo mine", "u", "undo your last action on this article (again: the one before)", "article_undo"
)
REDO_MINE = DeskCommand("redo-mine", "Redo", "U", "redo what you undid", "article_redo")
NEXT_ARTICLE = DeskCommand(
    "next-article",
    "Next article",
    "N",
    "the next article to review (in this import, if you came from one)",
    "next_article_after",
    navigates=True,
)
COMMANDS: dict[str, DeskCommand] = {command.name: command for command in (UNDO_MINE, REDO_MINE, NEXT_ARTICLE)}

# Keys of the desk itself, beside the actions', for the shortcut help.
DESK_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("j", "k"), "next / previous quote"),
    (("Space",), "skip to the next quote still pending (from the last, the next article)"),
    (("p", "o"), "pick the speaker / the outlet from the names in the article (then its digit)"),
    (("1", "2", "3"), "set the kind: direct, indirect, mixed"),
    (("[", "]"), "start the quote a word earlier / later"),
    (("Shift+←", "Shift+→"), "end the quote a word earlier / later"),
    (("m",), "move the quote onto the words selected in the text"),
    (("r",), "make the words selected in the text the quote's role"),
    (("click",), "a name in the text: the selected quote's speaker (Alt+click: its outlet)"),
    (("Enter",), "save the open edit"),
    (("Esc",), "cancel the edit, close this help"),
    (("?",), "show or hide this help"),
)


def card_actions(card: Card) -> list[ReviewAction]:
    """The actions whose buttons the card shows, in declaration order."""
    return [action for action in ACTIONS.values() if action.on_card is not None and action.on_card(card)]


def shortcuts() -> list[tuple[tuple[str, ...], str]]:
    """(keys, what they do) for the help: the actions' keys, then the desk's own."""
    keyed = [((action.key,), action.help) for action in ACTIONS.values() if action.key]
    commands = [((command.key,), command.help) for command in COMMANDS.values()]
    return [DESK_KEYS[0], *keyed, *commands, *DESK_KEYS[1:]]
