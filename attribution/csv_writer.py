"""The one CSV writer for everything the app emits: RFC 4180 lines (CRLF), every cell a spreadsheet would run as
a formula neutralised as OWASP recommends, whoever wrote it (an editor, a publisher, a file's name)."""

import csv
from collections.abc import Iterable, Iterator

# A cell starting with one of these is run as a formula by spreadsheets (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Iterable[str], rows: Iterable[Iterable[object]], *, bom: bool = False) -> Iterator[str]:
    """The header, then each row, one line at a time; with bom, a UTF-8 byte-order mark first, for Excel."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield ("\ufeff" if bom else "") + writer.writerow([neutralise(name) for name in header])
    for row in rows:
        yield writer.writerow([neutralise(value) for value in row])
