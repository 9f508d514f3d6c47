"""Moodle's embedded answers (cloze, qtype multianswer): gaps written inside the question text as
`{weight:TYPE:answers}`, e.g. `{1:MULTICHOICE:=Hà Nội#Đúng~Huế#Sai}` or `{2:NUMERICAL:=2013:0}`.

The text is stored as written (so it goes back to Moodle unchanged); this module finds the gaps for
checking an import, showing the question and grading it. Supported gap types: MULTICHOICE (and its
_V/_H/_S display variants, shown as a drop-down list), SHORTANSWER (SA, MW; _C = case matters) and
NUMERICAL (NM). Multiple-response gaps (MULTIRESPONSE, MR…) are refused.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

from . import number_text

_TYPES = {
    "MULTICHOICE": "choice", "MC": "choice", "MULTICHOICE_V": "choice", "MCV": "choice",
    "MULTICHOICE_H": "choice", "MCH": "choice", "MULTICHOICE_S": "choice", "MCS": "choice",
    "MULTICHOICE_VS": "choice", "MCVS": "choice", "MULTICHOICE_HS": "choice", "MCHS": "choice",
    "SHORTANSWER": "short", "SA": "short", "MW": "short",
    "SHORTANSWER_C": "short_case", "SAC": "short_case", "MWC": "short_case",
    "NUMERICAL": "number", "NM": "number",
    "MULTIRESPONSE": "multi", "MR": "multi", "MULTIRESPONSE_H": "multi", "MRH": "multi",
    "MULTIRESPONSE_S": "multi", "MRS": "multi", "MULTIRESPONSE_HS": "multi", "MRHS": "multi",
}
_START = re.compile(r"\{(\d*):([A-Z_]+)(?::|\})")
_ANSWER = re.compile(r"^(=|%(-?\d+(?:[.,]\d*)?)%)?(.*)$", re.DOTALL)


class ClozeError(ValueError):
    pass


@dataclass
class GapAnswer:
    text: str
    fraction: Decimal
    feedback: str = ""
    tolerance: Decimal | None = None


@dataclass
class Gap:
    number: int  # 1-based, in text order
    weight: int
    kind: str  # choice | short | short_case | number
    answers: list[GapAnswer] = field(default_factory=list)
    start: int = 0  # where the code sits in the text
    end: int = 0


def _split(body: str, sep: str) -> list[str]:
    """Split at `sep` not escaped by a backslash."""
    parts, current, i = [], [], 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            current.append(body[i:i + 2])
            i += 2
            continue
        if body[i] == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(body[i])
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", text)).strip()


def _close(text: str, start: int) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "}":
            return i
        i += 1
    return -1


def _number(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


def _gap(number: int, weight: int, type_name: str, body: str) -> Gap:
    kind = _TYPES.get(type_name)
    where = gettext("chỗ trống %(n)s (%(type)s)") % {"n": number, "type": type_name}
    if kind is None:
        raise ClozeError(gettext("%(where)s: loại chỗ trống không được nhận") % {"where": where})
    if kind == "multi":
        raise ClozeError(gettext("%(where)s: không hỗ trợ chỗ trống nhiều đáp án") % {"where": where})
    gap = Gap(number=number, weight=weight, kind=kind)
    for raw in _split(body, "~") if body.strip() else []:
        match = _ANSWER.match(raw)
        marker, weight_text, rest = match.group(1), match.group(2), match.group(3)
        fraction = Decimal(1) if marker == "=" else Decimal(0)
        if weight_text is not None:
            fraction = Decimal(weight_text.replace(",", ".")) / 100
        parts = _split(rest, "#")
        text, feedback = _unescape(parts[0]), _unescape("#".join(parts[1:]))
        answer = GapAnswer(text=text, fraction=fraction.quantize(Decimal("0.00001")), feedback=feedback)
        if kind == "number" and text != "*":
            value_text, _, tol_text = text.partition(":")
            try:
                value, tolerance = _number(value_text), _number(tol_text) if tol_text else Decimal(0)
            except ValueError:
                raise ClozeError(gettext('%(where)s: đáp án "%(text)s" không phải số')
                                 % {"where": where, "text": text[:30]}) from None
            answer.text, answer.tolerance = number_text(value), abs(tolerance)
        gap.answers.append(answer)
    if kind == "choice":
        if len(gap.answers) < 2:
            raise ClozeError(gettext("%(where)s: chỗ trống trắc nghiệm cần ít nhất hai lựa chọn") % {"where": where})
        if not any(a.fraction == 1 for a in gap.answers):
            raise ClozeError(gettext("%(where)s: không có lựa chọn đúng hoàn toàn (= hoặc %%100%%)") % {"where": where})
    elif not any(a.fraction > 0 for a in gap.answers):
        raise ClozeError(gettext("%(where)s: không có đáp án được chấp nhận nào có trọng số dương") % {"where": where})
    return gap


def gaps(text: str) -> list[Gap]:
    """The gaps of a cloze text, in order; ClozeError names the first bad gap."""
    found, pos = [], 0
    while True:
        match = _START.search(text, pos)
        if match is None:
            break
        weight = int(match.group(1) or 1)
        number = len(found) + 1
        if match.group(0).endswith("}"):
            raise ClozeError(gettext("chỗ trống %(n)s (%(type)s): không có đáp án") % {"n": number, "type": match.group(2)})
        end = _close(text, match.end())
        if end < 0:
            raise ClozeError(gettext('chỗ trống %(n)s (%(type)s): không có "}" đóng') % {"n": number, "type": match.group(2)})
        gap = _gap(number, weight, match.group(2), text[match.end():end])
        gap.start, gap.end = match.start(), end + 1
        found.append(gap)
        pos = end + 1
    if not found:
        raise ClozeError(gettext("không có chỗ trống nào: viết chỗ trống dạng {1:SHORTANSWER:=đáp án} "
                                 "hoặc {1:MULTICHOICE:=đúng~sai}"))
    return found


def default_mark(text: str) -> Decimal:
    return Decimal(sum(g.weight for g in gaps(text)))
