"""Reading article files into records: JSONL, CSV, .txt, .html, and ZIP archives of .txt and .html files.

FileRows yields (where, record or IngestError) one row at a time, so a large file is never held whole in
memory (a ZIP member or a single article file is read on its own), and knows how much of the file it has read.
Text files are decoded as UTF-8 (with or without a byte-order mark), else as Windows-1252, the superset of
Latin-1 that Western newsroom files use.
(A statistical detector guessed Japanese for a BBC file whose only non-ASCII byte was a pound sign: for
English news these two rules are right where a guess is not.)
"""

import csv
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

import trafilatura

from attribution.services.errors import IngestError

# A row as the file gives it (title, body, url... as found), or why it cannot be read.
Record = dict[str, Any] | IngestError
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED = (".jsonl", ".ndjson", ".csv", ".zip", *TEXT_SUFFIXES, *HTML_SUFFIXES)
CSV_BODY_COLUMNS = ("text", "body")


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
    return data.decode(encoding_of(data))


def text_record(data: bytes) -> dict[str, Any]:
    """A .txt article: the first line is the title, the rest the body."""
    title, _, body = decode(data).replace("\r\n", "\n").replace("\r", "\n").strip().partition("\n")
    return {"title": title, "body": body}


def html_record(data: bytes) -> dict[str, Any]:
    """An .html article reduced to its main text, paragraphs kept, boilerplate (menus, footers) dropped."""
    html = decode(data)
    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False) or ""
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata and metadata.title else "").strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    record: dict[str, Any] = {"title": title or (lines[0] if lines else ""), "body": "\n\n".join(lines)}
    if metadata is not None:
        record["url"] = metadata.url or ""
        record["published_at"] = metadata.date or None
        record["publisher"] = metadata.sitename or ""
    return record


def _jsonl(handle: BinaryIO) -> Iterator[tuple[int, Record]]:
    for number, raw in enumerate(handle, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield number, IngestError(f"not UTF-8 text (undecodable byte at position {exc.start}).")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, IngestError(f"not valid JSON ({exc.msg} at column {exc.colno}).")
            continue
        yield number, record if isinstance(record, dict) else IngestError("a line must be a JSON object.")


def _decoded_lines(handle: BinaryIO, encoding: str) -> Iterator[str]:
    """The file's lines as text, each decoded on its own: a file that mixes encodings (two exports pasted
    together) loses no row, as a line that is not in the file's encoding is read as Windows-1252."""
    for raw in handle:
        try:
            yield raw.decode(encoding)
        except UnicodeDecodeError:
            yield raw.decode(encoding_of(raw))


def _csv(handle: BinaryIO) -> Iterator[tuple[int, Record]]:
    # The encoding is judged on the first 1 MB; the file itself streams line by line.
    encoding = encoding_of(handle.read(1_000_000))
    handle.seek(0)
    reader = csv.DictReader(_decoded_lines(handle, encoding))
    columns = {name.strip().lower() for name in (reader.fieldnames or [])}
    if "title" not in columns or not columns & set(CSV_BODY_COLUMNS):
        yield 1, IngestError("the header row must name a title column and a text (or body) column.")
        return
    for row in reader:
        if None in row:
            yield reader.line_num, IngestError("the row has more cells than the header.")
            continue
        yield reader.line_num, {(k or "").strip().lower(): v for k, v in row.items()}


def _zip(path: Path, name: str) -> Iterator[tuple[str, Record, int]]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        yield name, IngestError("not a readable ZIP archive."), path.stat().st_size
        return
    with archive:
        for member in archive.infolist():
            inner = PurePosixPath(member.filename)
            if member.is_dir() or inner.name.startswith((".", "__MACOSX")) or "__MACOSX" in inner.parts:
                continue
            where = f"{name}: {member.filename}"
            suffix = inner.suffix.lower()
            read = member.header_offset + member.compress_size
            if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
                yield where, IngestError("not a .txt or .html article; skipped."), read
                continue
            yield where, _article_file(archive.read(member), suffix), read


def _article_file(data: bytes, suffix: str) -> Record:
    try:
        return html_record(data) if suffix in HTML_SUFFIXES else text_record(data)
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
            self.fraction_read = min(position / size, 1.0)
            yield where, record

    def _rows(self) -> Iterator[tuple[str, Record, int]]:
        """(where, record, bytes of the file read once it is)."""
        if self.suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
            data = self.path.read_bytes()
            yield self.name, _article_file(data, self.suffix), len(data)
        elif self.suffix == ".zip":
            yield from _zip(self.path, self.name)
        else:
            reader = _jsonl if self.suffix in (".jsonl", ".ndjson") else _csv
            with self.path.open("rb") as handle:
                for number, record in reader(handle):
                    yield f"{self.name} line {number}", record, handle.tell()
