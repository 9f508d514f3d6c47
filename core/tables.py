"""Reading spreadsheets (xlsx first sheet, or UTF-8 CSV with or without BOM) into rows named by
canonical column, with spreadsheet row numbers (header = row 1) kept for error messages.

Every import (roster, campaign sheets, attendance, paper results, question xlsx) goes through here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext

from .errors import ImportRefused, Problem
from .text import header_key

MAX_ROWS = 200_000
MAX_COLUMNS = 200
# An .xlsx is a ZIP of XML parts: refuse a "zip bomb" before openpyxl inflates anything. A sheet of
# MAX_ROWS × a dozen columns unpacks to well under this; a few hundred parts is already a lot.
MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_XLSX_PARTS = 1_000
MAX_XLSX_RATIO = 200  # a real sheet compresses ~10:1; 1 GB of "A"s compresses ~1000:1


@dataclass(frozen=True)
class Column:
    """A column of an import: canonical `name` (the English alias), its Vietnamese `label`,
    and further accepted spellings."""

    name: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        return {header_key(self.name), header_key(self.label), *(header_key(a) for a in self.aliases)}


@dataclass
class Row:
    number: int  # as a spreadsheet shows it
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def text(self, name: str) -> str:
        value = self.values.get(name)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    present: set[str]  # canonical names of the columns found in the header


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _read_csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused([Problem(gettext("tệp không phải văn bản UTF-8 (%(reason)s tại byte %(byte)s)")
                                      % {"reason": exc.reason, "byte": exc.start})]) from exc
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:  # a NUL byte, a field over the csv module's size limit
        raise ImportRefused([Problem(gettext("không đọc được tệp CSV (%(error)s)") % {"error": exc})]) from exc


def _check_xlsx_container(data: bytes) -> None:
    """Refuse what is not a plain workbook before parsing it: a ZIP whose parts would unpack to
    too much (size or ratio), too many parts, or XML with a DTD/entities (billion laughs, XXE —
    openpyxl parses through defusedxml too, this refuses early and with a clear message)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ImportRefused([Problem(gettext("không đọc được tệp .xlsx (không phải tệp nén ZIP)"))]) from exc
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_XLSX_PARTS:
            raise ImportRefused([Problem(gettext("tệp bảng tính có quá nhiều phần (%(n)s): bị từ chối") % {"n": len(parts)})])
        unpacked = sum(part.file_size for part in parts)
        packed = sum(part.compress_size for part in parts) or 1
        if unpacked > MAX_XLSX_UNPACKED_BYTES or unpacked > MAX_XLSX_RATIO * max(packed, 64 * 1024):
            raise ImportRefused([Problem(gettext(
                "tệp bảng tính khi giải nén sẽ chiếm %(mb)s MB: bị từ chối (quá lớn hoặc là bom nén)")
                % {"mb": unpacked // (1024 * 1024)})])
        for part in parts:
            if part.filename.endswith((".xml", ".rels")):
                with archive.open(part) as handle:
                    head = handle.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise ImportRefused([Problem(gettext(
                        "phần %(part)s của tệp bảng tính khai báo DTD hoặc thực thể: bị từ chối")
                        % {"part": part.filename})])


def _pick_sheet(workbook, sheet: str | None):
    """The first sheet, or the one named `sheet` (matched like a header: case-, space- and
    diacritics-insensitively)."""
    if sheet is None:
        return workbook.worksheets[0]
    for candidate in workbook.worksheets:
        if header_key(candidate.title) == header_key(sheet):
            return candidate
    raise ImportRefused([Problem(gettext('tệp bảng tính không có trang tính "%(sheet)s"') % {"sheet": sheet}, sheet=sheet)])


def _read_xlsx(data: bytes, sheet_name: str | None = None) -> list[list[Any]]:
    from openpyxl import load_workbook

    _check_xlsx_container(data)
    try:
        # data_only: cached values, formulas are never evaluated; read_only streams big sheets.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt or non-xlsx file
        raise ImportRefused([Problem(gettext("không đọc được tệp .xlsx (%(error)s)")
                                      % {"error": exc.__class__.__name__})]) from exc
    try:
        sheet = _pick_sheet(workbook, sheet_name)
        rows = []
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            rows.append(list(values))
            if len(rows) > MAX_ROWS + 1:
                raise ImportRefused([Problem(gettext("trang tính có hơn %(n)s dòng") % {"n": MAX_ROWS})])
        return rows
    finally:
        workbook.close()


def _upload_limit() -> int:
    from django.conf import settings

    return settings.IMPORT_MAX_UPLOAD_BYTES


def _limited(data: bytes) -> bytes:
    """Uploaded content (bytes or a file object) is limited to IMPORT_MAX_UPLOAD_BYTES; a path
    given to a management command by the operator is not."""
    limit = _upload_limit()
    if len(data) > limit:
        raise ImportRefused([Problem(gettext("tệp lớn hơn %(mb)s MB: bị từ chối") % {"mb": limit // (1024 * 1024)})])
    return data


def read_rows(source: str | Path | IO[bytes] | bytes, filename: str | None = None,
              sheet: str | None = None) -> list[list[Any]]:
    """Raw cell rows of a .xlsx (first sheet, or the sheet named `sheet`) or .csv file, header included."""
    if isinstance(source, (str, Path)):
        filename = filename or str(source)
        data = Path(source).read_bytes()
    elif isinstance(source, bytes):
        data = _limited(source)
    else:
        data = _limited(source.read(_upload_limit() + 1))
    name = (filename or "").lower()
    if name.endswith(".xlsx") and data[:4] != b"PK\x03\x04":
        raise ImportRefused([Problem(gettext("tệp có đuôi .xlsx nhưng không phải bảng tính Excel"))])
    if name.endswith(".xlsx") or data[:2] == b"PK":
        rows = _read_xlsx(data, sheet)
    elif name.endswith(".csv") or not name:
        rows = _read_csv(data)
    else:
        raise ImportRefused([Problem(gettext("không hỗ trợ loại tệp %(suffix)s: dùng .xlsx hoặc .csv")
                                      % {"suffix": repr(Path(name).suffix)})])
    if len(rows) > MAX_ROWS + 1:
        raise ImportRefused([Problem(gettext("tệp có hơn %(n)s dòng") % {"n": MAX_ROWS})])
    _refuse_nul(rows)
    return rows


def _column_name(header: list[Any], index: int) -> str:
    """The header's text of column `index`, else its spreadsheet letter (A, B, …, AA)."""
    if index < len(header) and isinstance(header[index], str) and header[index].strip():
        return header[index].strip()
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _refuse_nul(rows: list[list[Any]]) -> None:
    """A NUL character passes Python's csv reader (3.11+) and the preview, then PostgreSQL refuses
    the row on apply (a 500, the upload left behind: issue 13, L5). Refuse it here, for every
    import, naming the row and the column."""
    header = next((r for r in rows if any(_cell(v) is not None for v in r)), [])
    problems = [
        Problem(gettext("ô chứa ký tự NUL (\\x00): bị từ chối"), row=number, column=_column_name(header, index))
        for number, values in enumerate(rows, start=1)
        for index, value in enumerate(values)
        if isinstance(value, str) and "\x00" in value
    ]
    if problems:
        raise ImportRefused(problems[:50])


def read_table(source: str | Path | IO[bytes] | bytes, columns: list[Column], filename: str | None = None,
               sheet: str | None = None) -> Table:
    """Read a file and map its header onto `columns`. Empty rows are skipped; unknown extra
    columns are ignored; a missing required column or an empty file refuses the import.
    `sheet` names the sheet of a workbook to read (problems then name it too)."""
    try:
        return _read_table(source, columns, filename, sheet)
    except ImportRefused as exc:
        if sheet is None:
            raise
        raise ImportRefused([p if p.sheet else Problem(p.message, p.row, p.column, p.unit, sheet)
                             for p in exc.problems]) from exc


def _read_table(source, columns: list[Column], filename: str | None, sheet: str | None) -> Table:
    raw = read_rows(source, filename, sheet)
    offset = 0
    while raw and all(_cell(v) is None for v in raw[0]):
        raw.pop(0)  # blank lines above the header are tolerated; row numbers stay the sheet's
        offset += 1
    if not raw:
        raise ImportRefused([Problem(gettext("tệp trống: không có dòng tiêu đề"))])
    header = raw[0]
    by_key = {}
    for column in columns:
        for key in column.keys():
            by_key[key] = column
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for index, title in enumerate(header):
        column = by_key.get(header_key(str(title))) if title is not None else None
        if column is None:
            continue
        if column.name in positions:
            problems.append(Problem(gettext('cột "%(label)s" xuất hiện hai lần trong dòng tiêu đề') % {"label": column.label},
                                    row=1 + offset, column=str(title)))
        positions[column.name] = index
    for column in columns:
        if column.required and column.name not in positions:
            problems.append(Problem(gettext('thiếu cột bắt buộc "%(label)s" [%(name)s]')
                                    % {"label": column.label, "name": column.name}, row=1 + offset))
    if problems:
        raise ImportRefused(problems)
    rows: list[Row] = []
    for number, values in enumerate(raw[1:], start=2 + offset):
        cells = {name: _cell(values[i]) if i < len(values) else None for name, i in positions.items()}
        if all(v is None for v in cells.values()):
            continue
        rows.append(Row(number=number, values=cells))
    return Table(columns=columns, rows=rows, present=set(positions))


def parse_date(value: Any) -> dt.date:
    """dd/mm/yyyy, ISO yyyy-mm-dd, or a real Excel date cell. Raises ValueError with a clear text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(gettext('"%(text)s" không phải ngày (ghi dd/mm/yyyy hoặc yyyy-mm-dd)') % {"text": text})


SCALAR_TYPES = (str, int, float, bool, dt.date)


def table_from_records(records: list[dict[str, Any]], columns: list[Column]) -> Table:
    """Rows given as JSON objects (an API) read like a sheet: keys are matched as headers are (the
    English alias, the Vietnamese label, any alias), the first record is row 2 as under a header,
    and a key missing from a record is an empty cell. Unknown keys are ignored, as unknown columns
    are; a value that is not a scalar (a list, an object) refuses the import with its row."""
    by_key = {key: column for column in columns for key in column.keys()}
    rows: list[Row] = []
    present: set[str] = set()
    problems: list[Problem] = []
    for number, record in enumerate(records, start=2):
        if not isinstance(record, dict):
            problems.append(Problem(gettext("mỗi dòng phải là một đối tượng gồm tên cột và giá trị"), row=number))
            continue
        values: dict[str, Any] = {column.name: None for column in columns}
        for key, value in record.items():
            column = by_key.get(header_key(str(key)))
            if column is None:
                continue
            if value is not None and not isinstance(value, SCALAR_TYPES):
                problems.append(Problem(gettext("giá trị phải là văn bản, số hoặc ngày"), row=number,
                                        column=column.label))
                continue
            present.add(column.name)
            values[column.name] = _cell(value)
        rows.append(Row(number=number, values=values))
    if problems:
        raise ImportRefused(problems)
    return Table(columns=columns, rows=rows, present=present)


def xlsx_formulas_as_text(*sheets) -> int:
    """Write every cell openpyxl took for a formula (a text starting with "=") as a text cell.

    openpyxl stores any string starting with "=" as a formula, so an imported answer such as
    `=HYPERLINK("http://…","Bấm vào đây")` became a live formula in our own exports (issue 13, M6),
    and re-importing read the formula's empty cached value. A text cell is never evaluated by Excel
    or LibreOffice, and it keeps the text exactly: no prefix to add on export and to strip on
    import, so an export → import → export round trip stays byte-identical. For sheets whose cells
    are all data; a writer with formulas of its own (the scoring sheet's totals) neutralises people's
    text with `core.exporters.safe_cell` instead. Returns how many cells were changed."""
    changed = 0
    for sheet in sheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.data_type = "s"
                    changed += 1
    return changed
