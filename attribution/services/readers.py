"""Reading article files into records: JSONL, CSV, .txt, .html, and ZIP archives of .txt and .html files.

FileRows yields (where, record or IngestError) one row at a time, and knows how much of the file it has read.
Nothing is held whole: a line, a CSV record, an article file or a ZIP member is read up to row_limit() bytes (room
for the largest article with its markup or JSON escapes), and a longer one is read past, not kept, as a row error;
a ZIP archive unpacks to zip_limit() bytes at most, whatever its headers claim. A line ends at \\n, \\r\\n or a lone
\\r. Text files are decoded as UTF-8 (with or without a byte-order mark), else as Windows-1252, the superset of
Latin-1 that Western newsroom files use.
(A statistical detector guessed Japanese for a BBC file whose only non-ASCII byte was a pound sign: for
English news these two rules are right where a guess is not.)
"""

import codecs
import csv
import enum
import json
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from django.conf import settings

from attribution.services.errors import IngestError
from attribution.webpages.page import read_page, site_furniture

# A row as the file gives it (title, body, url... as found), or why it cannot be read.
Record = dict[str, Any] | IngestError
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED = (".jsonl", ".ndjson", ".csv", ".zip", *TEXT_SUFFIXES, *HTML_SUFFIXES)
CSV_BODY_COLUMNS = ("text", "body")
# How much of a file is read at a time.
BLOCK_BYTES = 2**20
_LINE_BREAK = re.compile(rb"\r\n?|\n")
_ENCRYPTED = 0x1  # the general-purpose flag bit of an encrypted ZIP member


def row_limit() -> int:
    """The most bytes one row may take: four times the article size limit, as a body JSON-escaped (\\u00e9 for
    é) or inside an HTML page's markup can take that."""
    return 4 * settings.ARTICLE_MAX_BYTES


def zip_limit() -> int:
    """The most bytes a ZIP archive's members may unpack to in all: ten times the upload limit, three times
    what a typical archive of text unpacks to, so a small archive cannot keep a worker busy for hours."""
    return 10 * settings.IMPORT_MAX_BYTES


def encoding_of(data: bytes) -> str:
    """utf-8-sig when the bytes are UTF-8 (a BOM or not); cp1252 when they decode as it; else latin-1, which
    decodes any byte (cp1252 leaves five undefined)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError as exc:
            # A multi-byte UTF-8 character cut off at the end of a sample is still UTF-8.
            if encoding == "utf-8-sig" and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
                return encoding
            continue
        return encoding
    return "latin-1"


def decode(data: bytes) -> str:
    """data as text, in the encoding it is in; a UTF-8 character cut off at the very end (a damaged file)
    becomes U+FFFD."""
    return data.decode(encoding_of(data), errors="replace")


def text_record(data: bytes) -> dict[str, Any]:
    """A .txt article: the first line is the title, the rest the body."""
    title, _, body = decode(data).replace("\r\n", "\n").replace("\r", "\n").strip().partition("\n")
    return {"title": title, "body": body}


def _html(data: bytes) -> str:
    # NUL is never text (the ingest service drops it too), and the HTML parser refuses a document with one.
    return decode(data).replace("\x00", "")


def html_record(data: bytes, *, repeated: Mapping[str, frozenset[str]] | None = None) -> dict[str, Any]:
    """A saved news page as an article: its visible headline, its text without the page's boilerplate
    (subheadings and list items marked), its publication time and canonical address; "page" keeps the rest
    (the publisher's names, what was dropped and why). repeated: see read_page."""
    page = read_page(_html(data), repeated=repeated)
    return {
        "title": page.title,
        "body": page.body,
        "url": page.metadata.url,
        "published_at": page.metadata.published or None,
        "page": page,
    }


def _too_long(limit: int) -> IngestError:
    return IngestError(f"longer than {limit:,} bytes; skipped.")


class _Lines:
    """A file's lines as (number from 1, the line's bytes without its break, whole), read in blocks. A line longer
    than limit bytes comes as pieces of limit bytes, whole False on all but the last, so none is held whole.
    position is how far into the file the lines given so far reach."""

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self.handle = handle
        self.limit = limit
        self.position = 0

    def __iter__(self) -> Iterator[tuple[int, bytes, bool]]:
        number, buffer = 1, b""
        self.position = self.handle.tell()
        while block := self.handle.read(BLOCK_BYTES):
            # The part kept from the last block has no line break in it, but perhaps a final \r, half of \r\n.
            searched = max(len(buffer) - 1, 0)
            buffer += block
            start = 0
            for found in _LINE_BREAK.finditer(buffer, searched):
                if found.group() == b"\r" and found.end() == len(buffer):
                    break
                yield from self._pieces(number, buffer[start : found.start()], found.end() - start)
                number, start = number + 1, found.end()
            # A line that goes on into the next block is given as it grows past the limit.
            while len(buffer) - start > self.limit:
                self.position += self.limit
                yield number, buffer[start : start + self.limit], False
                start += self.limit
            buffer = buffer[start:]
        if buffer:
            yield from self._pieces(number, buffer.removesuffix(b"\r"), len(buffer))

    def _pieces(self, number: int, line: bytes, size: int) -> Iterator[tuple[int, bytes, bool]]:
        """A whole line (size bytes of the file with its break) in pieces no longer than the limit."""
        self.position += size
        while len(line) > self.limit:
            yield number, line[: self.limit], False
            line = line[self.limit :]
        yield number, line, True


def _jsonl(lines: _Lines) -> Iterator[tuple[int, Record]]:
    overlong = 0  # the line being read past
    for number, data, whole in lines:
        if number == overlong:
            continue
        if not whole:
            overlong = number
            yield number, _too_long(lines.limit)
            continue
        record = _json_record(data, first=number == 1)
        if record is not None:
            yield number, record


def _json_record(data: bytes, *, first: bool) -> Record | None:
    """A JSONL line's object, why it is not one, or None for a blank line."""
    try:
        line = data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        return IngestError(f"not UTF-8 text (undecodable byte at position {exc.start}).")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestError(f"not valid JSON ({exc.msg} at column {exc.colno}).")
    except (ValueError, RecursionError):
        return IngestError("not valid JSON (a number thousands of digits long, or values nested thousands deep).")
    return record if isinstance(record, dict) else IngestError("a line must be a JSON object.")


class _Field(enum.Enum):
    """Where csv.reader (the default dialect, which is not strict) is within a record."""

    START = "at the start of a field"
    UNQUOTED = "in a field that did not open with a quote, where a quote is text"
    QUOTED = "in a quoted field, where a line break is text"
    CLOSING = "after a quote in a quoted field: its end, or the first of two quotes that stand for one"


_CSV_MARK = re.compile(rb'[",]')
_AFTER_MARK = {
    (b",", _Field.START): _Field.START,
    (b",", _Field.UNQUOTED): _Field.START,
    (b",", _Field.QUOTED): _Field.QUOTED,
    (b",", _Field.CLOSING): _Field.START,
    (b'"', _Field.START): _Field.QUOTED,
    (b'"', _Field.UNQUOTED): _Field.UNQUOTED,
    (b'"', _Field.QUOTED): _Field.CLOSING,
    (b'"', _Field.CLOSING): _Field.QUOTED,
}


def _field_after(data: bytes, field: _Field) -> _Field:
    """Where csv.reader is after reading data (part of a line), from where it was (field). The marks that decide
    it are ASCII bytes, which no byte of a multi-byte character can be, so data is read undecoded."""
    end = 0
    for mark in _CSV_MARK.finditer(data):
        if mark.start() > end and field in (_Field.START, _Field.CLOSING):
            field = _Field.UNQUOTED
        field, end = _AFTER_MARK[mark.group(), field], mark.end()
    if len(data) > end and field in (_Field.START, _Field.CLOSING):
        field = _Field.UNQUOTED
    return field


class _CsvLines:
    """The lines csv.reader reads, and what they tell of the record it is reading: the line it started on and
    whether it is longer than the row limit. Each line is decoded on its own, so a file that mixes encodings (two
    exports pasted together) loses no row: a line not in the file's encoding is read as Windows-1252. The rest of a
    record that is too long is read past, not kept, and csv.reader is given one short line that ends the record,
    so the next is read from where it starts. The reader calls record_done as csv.reader gives each record."""

    def __init__(self, lines: _Lines, encoding: str) -> None:
        self._lines = iter(lines)
        self.limit = lines.limit
        self.encoding = encoding
        self.record_done()

    def record_done(self) -> None:
        self.start = 0  # the line the record being read starts on; 0 before its first line is read
        self.size = 0
        self.too_long = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        number, data, whole = next(self._lines)
        # A record goes on from an earlier line only inside a quoted field.
        field = _Field.QUOTED if self.start else _Field.START
        self.start = self.start or number
        self.size += len(data) + 1  # a quoted field keeps the line break
        if whole and self.size <= self.limit:
            return self._decoded(data) + "\n"
        self.too_long = True
        self._read_past(data, whole, field)
        return '"\n' if field is _Field.QUOTED else "-\n"

    def _decoded(self, data: bytes) -> str:
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError:
            return decode(data)

    def _read_past(self, data: bytes, whole: bool, field: _Field) -> None:
        """Read on to the end of the record data is part of (a line break outside a quoted field)."""
        while True:
            field = _field_after(data, field)
            if whole and field is not _Field.QUOTED:
                return
            try:
                _, data, whole = next(self._lines)
            except StopIteration:
                return


def _csv_records(lines: _Lines) -> Iterator[tuple[int, list[str] | IngestError]]:
    """Each record of a CSV file as its cells, blank lines left out, with the line it starts on."""
    # The encoding is judged on the first 1 MB; the file itself streams line by line. A byte-order mark opens
    # the file, not each line: it is passed once, and the lines are then read as plain UTF-8.
    sample = lines.handle.read(1_000_000)
    encoding = encoding_of(sample)
    lines.handle.seek(len(codecs.BOM_UTF8) if sample.startswith(codecs.BOM_UTF8) else 0)
    feed = _CsvLines(lines, "utf-8" if encoding == "utf-8-sig" else encoding)
    # No field is longer than the record it is in, which feed keeps to the row limit.
    csv.field_size_limit(max(csv.field_size_limit(), lines.limit))
    for cells in csv.reader(feed):
        number, too_long = feed.start, feed.too_long
        feed.record_done()
        if too_long:
            yield number, _too_long(lines.limit)
        elif cells:
            yield number, cells


def _csv(lines: _Lines) -> Iterator[tuple[int, Record]]:
    records = _csv_records(lines)
    number, header = next(records, (1, []))
    columns = [] if isinstance(header, IngestError) else [name.strip().lower() for name in header]
    if "title" not in columns or not set(columns) & set(CSV_BODY_COLUMNS):
        yield number, IngestError("the header row must name a title column and a text (or body) column.")
        return
    for number, cells in records:
        if isinstance(cells, IngestError):
            yield number, cells
        elif len(cells) > len(columns):
            yield number, IngestError("the row has more cells than the header.")
        else:
            yield number, dict(zip(columns, cells, strict=False))


def _zip(path: Path, name: str) -> Iterator[tuple[str, Record, int]]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, UnicodeDecodeError, NotImplementedError):
        yield name, IngestError("not a readable ZIP archive."), path.stat().st_size
        return
    with archive:
        # A first pass finds what the archive's pages of one site all carry, which the second leaves out.
        furniture = site_furniture(
            _html(data)
            for member, data in _members(archive)
            if not isinstance(data, IngestError) and PurePosixPath(member.filename).suffix.lower() in HTML_SUFFIXES
        )
        for member, data in _members(archive):
            suffix = PurePosixPath(member.filename).suffix.lower()
            record = data if isinstance(data, IngestError) else _article_file(data, suffix, furniture)
            yield f"{name}: {member.filename}", record, member.header_offset + member.compress_size


def _members(archive: zipfile.ZipFile) -> Iterator[tuple[zipfile.ZipInfo, bytes | IngestError]]:
    """The archive's article files with their bytes, or why one cannot be read, skipping folders and the
    hidden files of the system that packed it."""
    unpacked = 0
    for member in archive.infolist():
        inner = PurePosixPath(member.filename)
        if member.is_dir() or inner.name.startswith((".", "__MACOSX")) or "__MACOSX" in inner.parts:
            continue
        try:
            if inner.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES:
                raise IngestError("not a .txt or .html article; skipped.")
            if unpacked >= zip_limit():
                raise IngestError(f"the archive unpacks to more than {zip_limit():,} bytes; the rest is skipped.")
            data = _member_bytes(archive, member)
            unpacked += len(data)
        except IngestError as error:
            yield member, error
        else:
            yield member, data


def _member_bytes(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The member unpacked as a stream, to one byte past the row limit at most: its header's size may lie."""
    if member.flag_bits & _ENCRYPTED:
        raise IngestError("encrypted; skipped.")
    try:
        with archive.open(member) as stream:
            return stream.read(row_limit() + 1)
    except NotImplementedError:
        raise IngestError("compressed by a method this reader does not know; skipped.") from None
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, UnicodeDecodeError):
        raise IngestError("damaged in the archive; skipped.") from None


def _article_file(data: bytes, suffix: str, furniture: Mapping[str, frozenset[str]] | None = None) -> Record:
    """A .txt or .html article from its bytes, which may be one byte over the row limit (then it is refused);
    furniture: see html_record."""
    if len(data) > row_limit():
        return _too_long(row_limit())
    try:
        return html_record(data, repeated=furniture) if suffix in HTML_SUFFIXES else text_record(data)
    except Exception as exc:  # a malformed document is that row's problem, not the whole import's
        return IngestError(f"unparsable ({type(exc).__name__}: {exc}).")


def check_supported(name: str) -> str:
    """The file's suffix, or IngestError for a type no reader handles."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(
            f"{PurePosixPath(name).name}: unsupported file type; use {', '.join(SUPPORTED)}.", field="file"
        )
    return suffix


class FileRows:
    """The rows of one article file as (where, record or the reason it is unusable), in file order (so a
    resumed import can skip the rows it already stored), and how much of the file has been read so far."""

    def __init__(self, path: Path, name: str = ""):
        # name is what "where" calls the file (the uploaded name, when storage renamed it); its type decides
        # the reader, and a type none reads is refused at once, before anything is read.
        self.path = path
        self.name = name or path.name
        self.suffix = check_supported(self.name)
        self.fraction_read = 0.0

    def __iter__(self) -> Iterator[tuple[str, Record]]:
        size = self.path.stat().st_size or 1
        for where, record, position in self._rows():
            # A damaged ZIP's headers may place a member anywhere.
            self.fraction_read = min(max(position / size, 0.0), 1.0)
            yield where, record

    def _rows(self) -> Iterator[tuple[str, Record, int]]:
        """(where, record, bytes of the file read once it is)."""
        if self.suffix == ".zip":
            yield from _zip(self.path, self.name)
            return
        with self.path.open("rb") as handle:
            if self.suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
                yield self.name, _article_file(handle.read(row_limit() + 1), self.suffix), handle.tell()
                return
            lines = _Lines(handle, row_limit())
            reader = _jsonl if self.suffix in (".jsonl", ".ndjson") else _csv
            for number, record in reader(lines):
                yield f"{self.name} line {number}", record, lines.position
