"""Confidence calibrated on editors' verdicts: a stored quote's confidence is the share of the engine's quotes of
the same pattern (its cue word, its kind, whether it names a speaker) that editors accepted as found, the
engine's own estimate standing in for PRIOR_WEIGHT verdicts, so a pattern with few verdicts keeps close to it
and one editors keep correcting falls. The list's "has low-confidence quotes" filter, the insights'
calibration view and the card all read the calibrated figure."""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.db.models.functions import Lower

from attribution.models import Quote

# How many verdicts the engine's own estimate counts for.
PRIOR_WEIGHT = 5

Pattern = tuple[str, str, bool]


def pattern(cue: str, kind: str, speaker: str) -> Pattern:
    return (cue.strip().lower(), kind, bool(speaker))


@dataclass(frozen=True)
class Calibration:
    # Per pattern: (verdicts, accepted as found).
    verdicts: dict[Pattern, tuple[int, int]] = field(default_factory=dict)

    def confidence(self, key: Pattern, estimate: float | None) -> float | None:
        decided, accepted = self.verdicts.get(key, (0, 0))
        if estimate is None:
            return accepted / decided if decided else None
        return (accepted + PRIOR_WEIGHT * estimate) / (decided + PRIOR_WEIGHT)


def calibration_current() -> Calibration:
    """Every pattern's verdicts so far (the engine's quotes editors kept or rejected), in one query."""
    decided = Q(status__in=[Quote.Status.CONFIRMED, Quote.Status.CORRECTED, Quote.Status.REJECTED])
    rows = (
        Quote.objects.filter(decided, extracted_start__isnull=False)
        .annotate(cue_word=Lower("cue"), named=ExpressionWrapper(~Q(extracted_speaker=""), output_field=BooleanField()))
        .values("cue_word", "extracted_kind", "named")
        .annotate(decided=Count("id"), accepted=Count("id", filter=Q(status=Quote.Status.CONFIRMED)))
    )
    return Calibration(
        {(row["cue_word"], row["extracted_kind"], row["named"]): (row["decided"], row["accepted"]) for row in rows}
    )
