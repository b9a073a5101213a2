"""Every reader accounts for every row of any file: a row too long, damaged or not text is an error of its own,
read past without being held, and the rows around it read as they are."""

import csv
import io
import json
import re
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.services.errors import IngestError
from attribution.services.readers import SUPPORTED, FileRows, _Field, _field_after
from tests.strategies import ANY_TEXT, CELLS, JSON_RECORDS, JSON_VALUES, csv_text, jsonl_bytes

# Limits on an article's size: small enough that rows outgrow them, and the default.
ARTICLE_LIMITS = st.sampled_from([40, 1_000_000])
PROPERTIES = settings(max_examples=60, deadline=None)


def read(path):
    rows = list(FileRows(path))
    for where, record in rows:
        assert isinstance(where, str)
        assert isinstance(record, dict | IngestError)
    return rows


def written(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def errors(rows) -> list[str]:
    return [f"{where}: {record.message}" for where, record in rows if isinstance(record, IngestError)]


def titles(rows) -> list[str]:
    return [record["title"] for _, record in rows if isinstance(record, dict)]


def test_a_csv_cell_longer_than_the_csv_modules_own_limit_is_read(tmp_path):
    body = "word " * 30_000  # 150,000 characters: csv refuses fields over 131,072 unless told otherwise
    path = written(tmp_path, "long.csv", csv_text([["title", "text"], ["Long", body], ["Next", "Short."]]).encode())
    rows = read(path)
    assert titles(rows) == ["Long", "Next"]
    assert rows[0][1]["text"] == body


@override_settings(ARTICLE_MAX_BYTES=1_000)  # so a row may take 4,000 bytes
def test_a_csv_record_over_the_row_limit_is_one_error_and_the_records_after_it_read(tmp_path):
    # Past the limit, the long quoted field holds lines that would read as records of their own.
    long_quoted = "Opening words, " + "a word " * 700 + '\nFake,"row"\n""Quoted"", said no one.\nFake,row'
    rows = [
        ["title", "text"],
        ["One", "First story."],
        ["Two", long_quoted],
        ["Three", "Third story,\nover two lines."],
        ["Four", "b" * 5_000],
        ["Five", "Last story."],
    ]
    path = written(tmp_path, "feed.csv", csv_text(rows).encode())
    result = read(path)
    assert titles(result) == ["One", "Three", "Five"]
    assert result[2][1]["text"] == "Third story,\nover two lines."
    assert errors(result) == [
        "feed.csv line 3: longer than 4,000 bytes; skipped.",
        "feed.csv line 9: longer than 4,000 bytes; skipped.",
    ]
    assert [where for where, _ in result] == [f"feed.csv line {n}" for n in (2, 3, 7, 9, 10)]


@override_settings(ARTICLE_MAX_BYTES=1_000)
def test_a_record_that_outgrows_the_limit_on_a_later_line_is_read_past_too(tmp_path):
    text = '"Begins short,\n' + ("c" * 3_000 + "\n") * 3 + 'ends ""here""."'
    path = written(tmp_path, "feed.csv", f"title,text\nOne,{text}\nTwo,Story two.\n".encode())
    result = read(path)
    assert titles(result) == ["Two"]
    assert errors(result) == ["feed.csv line 2: longer than 4,000 bytes; skipped."]


def test_any_line_break_ends_a_csv_line(tmp_path):
    path = written(tmp_path, "mac.csv", b'title,text\rOne,"two\rlines"\rTwo,plain\r\nThree,last')
    result = read(path)
    assert [record for _, record in result] == [
        {"title": "One", "text": "two\nlines"},
        {"title": "Two", "text": "plain"},
        {"title": "Three", "text": "last"},
    ]
    assert [where for where, _ in result] == ["mac.csv line 2", "mac.csv line 4", "mac.csv line 5"]


def test_a_byte_order_mark_opens_the_csv_file_only(tmp_path):
    path = written(tmp_path, "bom.csv", "\ufefftitle,text\n\ufeffOne,story\n".encode())
    assert [record for _, record in read(path)] == [{"title": "\ufeffOne", "text": "story"}]


@override_settings(ARTICLE_MAX_BYTES=2_000)  # so a line may take 8,000 bytes
def test_jsonl_lines_too_long_or_too_deep_to_read_are_errors_of_their_own(tmp_path):
    lines = [
        json.dumps({"title": "One", "text": "Story."}),
        json.dumps({"title": "Long", "text": "x" * 9_000}),
        "[" * 5_000,
        '{"title": "Big", "external_id": ' + "9" * 5_000 + "}",
        json.dumps({"title": "Two", "text": "Story."}),
    ]
    result = read(written(tmp_path, "feed.jsonl", "\n".join(lines).encode()))
    assert titles(result) == ["One", "Two"]
    reasons = errors(result)
    assert reasons[0] == "feed.jsonl line 2: longer than 8,000 bytes; skipped."
    assert reasons[1].startswith("feed.jsonl line 3: not valid JSON")
    assert reasons[2].startswith("feed.jsonl line 4: not valid JSON")


@override_settings(ARTICLE_MAX_BYTES=1_000)
def test_an_article_file_over_the_row_limit_is_refused_unread(tmp_path):
    assert errors(read(written(tmp_path, "huge.txt", b"Title\n" + b"x" * 5_000))) == [
        "huge.txt: longer than 4,000 bytes; skipped."
    ]


@override_settings(ARTICLE_MAX_BYTES=1_000)
def test_zip_members_are_read_as_streams_to_the_row_limit(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("first.txt", "First\nStory one.")
        archive.writestr("bomb.txt", b"\0" * 50_000_000)  # 50 MB that deflate to 50 KB
        archive.writestr("last.txt", "Last\nStory two.")
    tracemalloc.start()
    try:
        result = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert titles(result) == ["First", "Last"]
    assert errors(result) == ["bomb.zip: bomb.txt: longer than 4,000 bytes; skipped."]
    assert peak < 5_000_000


@override_settings(IMPORT_MAX_BYTES=100)  # so an archive may unpack to 1,000 bytes
def test_a_zip_unpacks_to_ten_times_the_upload_limit_at_most(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(4):
            archive.writestr(f"{n}.txt", f"Story {n}\n" + "words " * 100)
    result = read(path)
    assert titles(result) == ["Story 0", "Story 1"]
    assert errors(result) == [
        f"many.zip: {n}.txt: the archive unpacks to more than 1,000 bytes; the rest is skipped." for n in (2, 3)
    ]


def encrypted(archive: bytes, name: bytes) -> bytes:
    """The archive with member name flagged as encrypted in its headers, as a password-protected archive has it
    (zipfile cannot write one)."""
    data = bytearray(archive)
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        for header in re.finditer(re.escape(signature), data):
            if data[header.start() + name_at :].startswith(name):
                data[header.start() + flag_at] |= 0x1
    return bytes(data)


def test_damaged_and_encrypted_zip_members_are_errors_of_their_own(tmp_path):
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("damaged.txt", "Damaged\nThe words the checksum was taken of.")
        archive.writestr("locked.txt", "Locked\nUnreadable without the password.")
        archive.writestr("fine.txt", "Fine\nA story.")
    path.write_bytes(encrypted(path.read_bytes().replace(b"checksum", b"CHECKSUM"), b"locked.txt"))
    result = read(path)
    assert titles(result) == ["Fine"]
    assert errors(result) == [
        "damaged.zip: damaged.txt: damaged in the archive; skipped.",
        "damaged.zip: locked.txt: encrypted; skipped.",
    ]


@PROPERTIES
@given(data=st.binary(max_size=3_000), suffix=st.sampled_from(SUPPORTED), article_limit=ARTICLE_LIMITS)
def test_no_bytes_break_a_reader(data, suffix, article_limit):
    with tempfile.TemporaryDirectory() as folder, override_settings(ARTICLE_MAX_BYTES=article_limit):
        read(written(Path(folder), f"any{suffix}", data))


@PROPERTIES
@given(
    members=st.lists(st.tuples(ANY_TEXT, st.binary(max_size=300)), max_size=5),
    damage=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=4),
    method=st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]),
)
def test_no_archive_breaks_the_zip_reader_however_damaged(members, damage, method):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for n, (name, content) in enumerate(members):
            safe = name.encode("utf-8", "replace").decode("utf-8")  # a name with a lone surrogate cannot be written
            archive.writestr(f"{n}{safe}.txt", content)
    data = bytearray(buffer.getvalue())
    for at, byte in damage:
        data[at % len(data)] = byte
    with tempfile.TemporaryDirectory() as folder:
        read(written(Path(folder), "any.zip", bytes(data)))


@PROPERTIES
@given(lines=st.lists(JSON_VALUES | JSON_RECORDS, max_size=8))
def test_every_json_line_is_a_record_or_an_error(lines):
    with tempfile.TemporaryDirectory() as folder:
        assert len(read(written(Path(folder), "feed.jsonl", jsonl_bytes(lines)))) == len(lines)


@PROPERTIES
@given(rows=st.lists(st.tuples(CELLS, CELLS), max_size=8), article_limit=ARTICLE_LIMITS)
def test_every_csv_row_comes_back_as_written_or_as_too_long(rows, article_limit):
    text = csv_text([["title", "text"], *rows])
    with tempfile.TemporaryDirectory() as folder, override_settings(ARTICLE_MAX_BYTES=article_limit):
        result = read(written(Path(folder), "feed.csv", text.encode()))
    assert len(result) == len(rows)
    for (title, body), (_, record) in zip(rows, result, strict=True):
        written_size = len(csv_text([[title, body]]).encode())
        if isinstance(record, IngestError):
            assert "longer than" in record.message
            assert written_size > article_limit * 4
        else:
            assert record == {"title": newlines(title), "text": newlines(body)}


def newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@PROPERTIES
@given(text=st.text(st.sampled_from('a,"\n'), max_size=60))
def test_records_are_read_past_to_the_line_csv_itself_ends_them_on(text):
    lines = text.split("\n")
    reader = csv.reader(f"{line}\n" for line in lines)
    ends, field = [], _Field.START
    for number, line in enumerate(lines, start=1):
        field = _field_after(line.encode(), field)
        if field is not _Field.QUOTED:
            ends.append(number)
            field = _Field.START
    if field is _Field.QUOTED:  # csv gives an unclosed quoted field at the end of the file as it stands
        ends.append(len(lines))
    assert ends == [reader.line_num for _ in reader]
