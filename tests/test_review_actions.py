"""The declarations every review action is read from."""

from types import SimpleNamespace

from attribution.models import Quote, ReviewEvent
from attribution.review_actions import ACTIONS, DELETE, UNDO, Undo, card_actions, shortcuts


def test_the_audit_log_records_exactly_the_declared_actions():
    field = ReviewEvent._meta.get_field("action")
    assert field.choices is not None
    assert field.max_length is not None
    assert dict(field.choices) == {name: action.done for name, action in ACTIONS.items()}
    assert max(len(name) for name in ACTIONS) <= field.max_length


def test_each_declaration_is_consistent():
    keys = [action.key for action in ACTIONS.values() if action.key]
    assert len(keys) == len(set(keys)), "two actions share a key"
    for action in ACTIONS.values():
        assert action.status is None or action.status in Quote.Status.values
        assert bool(action.key) == bool(action.help), action.name
        assert not (action.advances and action.opens_form), action.name
    assert [keys for keys, _ in shortcuts()].count(("j", "k")) == 1


def test_cards_offer_what_applies_to_the_quote():
    pending = SimpleNamespace(status=Quote.Status.PENDING, has_history=False)
    added = SimpleNamespace(status=Quote.Status.ADDED, has_history=True)
    assert [a.name for a in card_actions(pending)] == ["confirm", "reject", "edit"]
    assert DELETE in card_actions(added)
    assert UNDO in card_actions(added)
    assert ACTIONS["add"].undo is Undo.DELETE
