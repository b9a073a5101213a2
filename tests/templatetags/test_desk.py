"""The review desk's template tags."""

import pytest
from django.urls import NoReverseMatch, URLPattern, get_resolver, reverse, set_script_prefix
from django.utils.html import conditional_escape, strip_tags

from attribution.highlight import Segment
from attribution.templatetags.desk import highlighted_body, id_url


def one_id_routes() -> list[str]:
    """Every named route of the app that takes exactly one id."""
    return [
        entry.name
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLPattern) and entry.name and list(entry.pattern.converters) in (["pk"], ["after"])
    ]


@pytest.mark.parametrize("prefix", ["/", "/desk/"])
def test_id_url_is_what_reverse_gives_for_every_route_taking_one_id(prefix):
    set_script_prefix(prefix)
    try:
        names = one_id_routes()
        assert "quote_correct" in names
        for name in names:
            for pk in (1, 7, 918273645, 12345678901):
                assert id_url(name, pk) == reverse(name, args=[pk])
    finally:
        set_script_prefix("/")


def test_id_url_refuses_a_route_without_one_id_as_the_url_tag_does():
    with pytest.raises(NoReverseMatch):
        id_url("article_list", 1)


def test_a_subheading_is_set_off_and_every_character_of_the_body_stays():
    body = "First paragraph <b>.\n\n## Policy shortcomings\n\nLast paragraph."
    shown = highlighted_body([Segment(body)])
    assert '<span class="subheading"><span class="mark">## </span>Policy shortcomings</span>' in shown
    assert "&lt;b&gt;" in shown
    assert strip_tags(shown) == conditional_escape(body)
