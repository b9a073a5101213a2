import csv
import io

import pytest

from attribution.csv_writer import csv_lines, neutralise


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_prefixes(value):
    assert neutralise(value) == "'" + value
    assert neutralise("plain " + value) == "plain " + value


def test_lines_are_rfc_4180_with_every_cell_neutralised():
    lines = list(csv_lines(["name", "=note"], [["=cmd|' calc'!A0", 'a "b", c\nd'], [None, 3]], bom=True))
    assert all(line.endswith("\r\n") for line in lines)
    assert lines[0] == "\ufeffname,'=note\r\n"
    text = "".join(lines).removeprefix("\ufeff")
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["name", "'=note"],
        ["'=cmd|' calc'!A0", 'a "b", c\nd'],
        ["", "3"],
    ]
