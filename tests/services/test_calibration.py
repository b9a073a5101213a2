import pytest

from attribution.models import LOW_CONFIDENCE
from attribution.selectors.articles import ArticleFilters, articles_matching
from attribution.services.calibration import PRIOR_WEIGHT, Calibration, calibration_current, pattern
from attribution.services.extract import article_extract
from attribution.services.review import quote_confirm, quote_reject
from tests.factories import ArticleFactory, QuoteFactory, editor

pytestmark = pytest.mark.django_db


def test_a_pattern_with_few_verdicts_keeps_near_the_engines_estimate_and_one_with_many_follows_them():
    said = pattern("Said", "direct", "Hannah Price")
    calibration = Calibration({said: (20, 2)})
    assert calibration.confidence(said, 0.9) == pytest.approx((2 + PRIOR_WEIGHT * 0.9) / (20 + PRIOR_WEIGHT))
    assert calibration.confidence(pattern("told", "direct", "X"), 0.9) == 0.9  # no verdicts: the estimate
    assert calibration.confidence(said, None) == 0.1


def test_verdicts_editors_gave_set_the_confidence_of_the_next_quotes_of_that_pattern():
    reviewer = editor()
    for _ in range(12):  # editors rejected every "said" quote naming a speaker the engine gave them
        quote = QuoteFactory.create(cue="said", confidence=0.9)
        quote_reject(quote=quote, user=reviewer, expected_version=1)
    quote_confirm(quote=QuoteFactory.create(cue="added", confidence=0.9), user=reviewer, expected_version=1)
    assert calibration_current().verdicts[("said", "direct", True)] == (12, 0)
    article = ArticleFactory.create()
    said, added = article_extract(article=article)
    assert said.cue == "said"
    assert said.confidence is not None
    assert said.confidence < LOW_CONFIDENCE
    assert added.confidence is not None
    assert added.confidence > LOW_CONFIDENCE
    assert article in articles_matching(ArticleFilters(low_confidence=True))
