"""Registry entries (speakers, outlets, publishers) found by name or made."""

from django.db import IntegrityError, transaction

from attribution.models import Outlet, Publisher, Speaker
from attribution.text import fold_whitespace


def registry_entry[Entry: (Speaker, Outlet, Publisher)](model: type[Entry], name: str, **fields: object) -> Entry:
    """The registry's entry for name, made if it has none. Another request may be making the same entry at
    the same moment (an editor confirming two quotes of one speaker in quick succession, or two editors, or two
    import workers): the database's unique constraint lets one insert win, and the other then finds its entry."""
    name = fold_whitespace(name)
    if (known := model.objects.matching(name)) is not None:
        return known
    try:
        with transaction.atomic():
            return model.objects.create(name=name, **fields)
    except IntegrityError:
        if (made := model.objects.matching(name)) is None:
            raise
        return made
