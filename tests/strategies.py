"""Hypothesis strategies for what a newsroom feed may hold: any JSON, any spreadsheet cell, any character a JSON
escape can give (a lone surrogate among them), and rows that look like articles but break every rule."""

import csv
import io
import json
from collections.abc import Mapping, Sequence

from hypothesis import strategies as st

# A lone surrogate and NUL among any other character: what a JSON escape and binary junk put in a feed.
ANY_CHARACTER = st.one_of(st.characters(), st.sampled_from(["\ud800", "\udfff", "\x00", "\r", "\n", '"', ","]))
ANY_TEXT = st.text(ANY_CHARACTER, max_size=40)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(ANY_TEXT, children, max_size=4),
    max_leaves=12,
)
FIELDS = ("title", "text", "body", "url", "publisher", "published_at", "external_id")
JSON_RECORDS = st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=len(FIELDS))
# Cells as a spreadsheet writes them: any text but a lone surrogate, which has no UTF-8 form.
CELLS = st.text(st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(["\r", "\n", '"', ","])))
# Rows shaped like articles, few enough distinct texts that some are duplicates, each value right or wrong.
_ARTICLE_VALUES = {
    "title": st.sampled_from(["Bridge closed", "", "  ", "T" * 501]) | ANY_TEXT,
    "text": st.sampled_from(["Officials confirmed the closure.", "", "x\x00y", "Half a pair \ud800."]) | ANY_TEXT,
    "url": st.sampled_from(["", "https://example.org/a", "javascript:alert(1)", "https://example.org/" + "a" * 1990]),
    "publisher": st.sampled_from(["", "Gazette", "P" * 201, "Nul\x00"]),
    "published_at": st.sampled_from(
        [None, "2026-01-05", "9999-12-31T23:00:00-05:00", "1799-12-31", "31/02/2026", "2026-13-01", "+99:00"]
    ),
    "external_id": st.sampled_from(["", "A1", 1234, "x" * 201, 1.5, True]),
}
ARTICLE_RECORDS = st.fixed_dictionaries({}, optional=_ARTICLE_VALUES)


def jsonl_bytes(values: Sequence[object]) -> bytes:
    return "\n".join(json.dumps(value) for value in values).encode()


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def csv_bytes(records: Sequence[Mapping[str, object]]) -> bytes:
    """Article records as a CSV file with a column for every field (a lone surrogate written as "?")."""
    rows = [[str(record.get(field, "") or "") for field in _ARTICLE_VALUES] for record in records]
    return csv_text([list(_ARTICLE_VALUES), *rows]).encode("utf-8", "replace")
