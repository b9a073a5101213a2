"""What editors have settled, fed to the next extraction: the speaker and outlet registries hold only names
editors confirmed or corrected (an unreviewed guess never enters them), so a name found there is a verdict.

For each quote the engine finds, before it is stored:
- a surface form editors linked to a registry speaker (the engine's "Blair" corrected to Tony Blair, or "Mr
  Blair" among his aliases) becomes that speaker, unless the article names a fuller form of it that is someone
  else (Lionel Blair);
- that speaker's kind (person, organisation, group) replaces the engine's guess;
- where the article gives no role, the speaker's latest verified role is proposed;
- an outlet's alias becomes the outlet's registry name.
Each value taken from the registry is named in the quote's `learned` fields, which the desk shows as such.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q

from attribution.models import Outlet, Quote, Speaker
from attribution.text import fold_whitespace


@dataclass(frozen=True)
class Settled:
    """A quote's attribution after the registry had its say, and which of its values the registry gave."""

    speaker: str
    speaker_kind: str
    role: str
    outlet: str
    learned: tuple[str, ...]


def _matching[Entry: (Speaker, Outlet)](model: type[Entry], names: Iterable[str]) -> dict[str, Entry]:
    """The registry entries named (by name, any case, or by alias) by each of names, in one query."""
    names = {name for name in map(fold_whitespace, names) if name}
    if not names:
        return {}
    wanted = Q(name__in=names)
    for name in names:
        wanted |= Q(name__iexact=name) | Q(aliases__contains=[name])
    entries = list(model.objects.filter(wanted).order_by("pk"))
    found: dict[str, Entry] = {}
    for name in names:
        entry = next((e for e in entries if e.name.lower() == name.lower()), None)
        entry = entry or next((e for e in entries if name in e.aliases), None)
        if entry is not None:
            found[name.lower()] = entry
    return found


def _linked_forms(names: set[str]) -> dict[str, Speaker]:
    """The speaker editors linked each of names to where the engine gave that form ("Okafor" corrected to the
    registry's Ruth Okafor): on verified quotes, the speaker most often chosen for it, in one query."""
    if not names:
        return {}
    wanted = Q()
    for name in names:
        wanted |= Q(extracted_speaker__iexact=name)
    rows = (
        Quote.objects.filter(wanted, status__in=Quote.VERIFIED_STATUSES, speaker__isnull=False)
        .values("extracted_speaker", "speaker")
        .annotate(times=Count("id"))
        .order_by("-times", "speaker")
    )
    chosen: dict[str, int] = {}
    for row in rows:
        chosen.setdefault(row["extracted_speaker"].lower(), row["speaker"])
    entries = {entry.pk: entry.canonical() for entry in Speaker.objects.filter(pk__in=set(chosen.values()))}
    return {form: entries[pk] for form, pk in chosen.items()}


class RegistryKnowledge:
    """The registry's entries for the names one article's extraction uses, read once for all its quotes."""

    def __init__(self, speakers: Iterable[str], outlets: Iterable[str], fuller_forms: Iterable[str] = ()) -> None:
        names = {name for name in map(fold_whitespace, speakers) if name}
        # A form editors linked to a speaker, unless a registry entry has it as its own name or alias.
        self.speakers = _linked_forms(names)
        self.speakers |= {name: entry.canonical() for name, entry in _matching(Speaker, names).items()}
        self.outlets = _matching(Outlet, outlets)
        # Names of two words or more the article gives people and organisations.
        self.fuller = [name for name in map(fold_whitespace, fuller_forms) if len(name.split()) > 1]
        self._roles: dict[int, str] = {}

    def _named_otherwise(self, surface: str, canonical: str) -> bool:
        """Whether the article names a fuller form of surface that is not the registry's speaker."""
        last = surface.split()[-1].lower()
        return any(
            last in name.lower().split() and name.lower() != canonical.lower() and name.lower() != surface.lower()
            for name in self.fuller
        )

    def latest_role(self, speaker: Speaker) -> str:
        if speaker.pk not in self._roles:
            verified = Quote.objects.filter(
                Q(speaker=speaker) | Q(speaker__merged_into=speaker), status__in=Quote.VERIFIED_STATUSES
            ).exclude(role="")
            latest = verified.order_by("-reviewed_at", "-pk").values_list("role", flat=True).first()
            self._roles[speaker.pk] = latest or ""
        return self._roles[speaker.pk]

    def settle(self, *, speaker: str, speaker_kind: str, role: str, outlet: str) -> Settled:
        learned: list[str] = []
        entry = self.speakers.get(speaker.lower()) if speaker else None
        if entry is not None and self._named_otherwise(speaker, entry.name):
            entry = None
        if entry is not None:
            if entry.name != speaker:
                speaker = entry.name
                learned.append("speaker")
            if entry.kind not in (speaker_kind, Speaker.Kind.UNKNOWN):
                speaker_kind = entry.kind
                learned.append("speaker_kind")
            if not role and (known := self.latest_role(entry)):
                role = known
                learned.append("role")
        outlet_entry = self.outlets.get(outlet.lower()) if outlet else None
        if outlet_entry is not None and outlet_entry.name != outlet:
            outlet = outlet_entry.name
            learned.append("outlet")
        return Settled(speaker, speaker_kind, role, outlet, tuple(learned))
