"""Aiken: one-right-answer multiple choice, as plain text.

    Câu hỏi?
    A. phương án
    B) phương án
    ANSWER: B

Refused, with their line: an empty question, options out of A, B, C… order, an ANSWER letter that
names no option, a missing ANSWER line, fewer than two options.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from django.utils.translation import gettext

from core.errors import ImportRefused, Problem

from . import ParsedAnswer, ParsedQuestion

_OPTION = re.compile(r"^([A-Za-z])\s*[.)]\s+(.*\S)\s*$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(.*?)\s*$", re.IGNORECASE)


def parse(data: bytes | str, default_category: str = "") -> list[ParsedQuestion]:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportRefused([Problem(gettext("tệp không phải văn bản UTF-8"), row=data[: exc.start].count(b"\n") + 1,
                                         unit="line")]) from exc
    lines = unicodedata.normalize("NFC", data).split("\n")
    problems: list[Problem] = []
    questions: list[ParsedQuestion] = []
    text_lines: list[str] = []
    start = None
    options: list[tuple[str, str]] = []

    def reset():
        nonlocal text_lines, start, options
        text_lines, start, options = [], None, []

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            if options:
                problems.append(Problem(gettext("thiếu dòng ANSWER sau các phương án"), row=number, unit="line"))
                reset()
            elif text_lines:
                text_lines.append("")
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            letter = answer.group(1).upper()
            if start is None or not "".join(text_lines).strip():
                problems.append(Problem(gettext("câu hỏi trống: có ANSWER mà không có câu hỏi"), row=number, unit="line"))
            elif len(options) < 2:
                problems.append(Problem(gettext("câu hỏi cần ít nhất hai phương án"), row=number, unit="line"))
            elif len(letter) != 1 or letter not in {k for k, _ in options}:
                known = ", ".join(k for k, _ in options)
                problems.append(Problem(gettext('chữ cái đáp án "%(letter)s" không có trong các phương án (%(known)s)')
                                        % {"letter": answer.group(1), "known": known},
                                        row=number, unit="line"))
            else:
                questions.append(ParsedQuestion(
                    qtype="multichoice", text="\n".join(text_lines).strip(), category=default_category, line=start,
                    answers=[ParsedAnswer(text=t, fraction=Decimal("1.00000") if k == letter else Decimal("0.00000"))
                             for k, t in options],
                ))
            reset()
            continue
        if option and text_lines:
            letter = option.group(1).upper()
            expected = chr(ord("A") + len(options))
            if letter != expected:
                problems.append(Problem(gettext('phương án "%(letter)s" sai thứ tự: cần "%(expected)s"')
                                        % {"letter": letter, "expected": expected}, row=number,
                                        unit="line"))
            options.append((letter, option.group(2)))
            continue
        if options:
            problems.append(Problem(gettext('"%(line)s" không phải phương án "A. …" cũng không phải "ANSWER: X"')
                                    % {"line": line[:40]}, row=number,
                                    unit="line"))
            continue
        if start is None:
            start = number
        text_lines.append(line)
    if options or text_lines:
        problems.append(Problem(gettext("thiếu dòng ANSWER ở cuối tệp"), row=len(lines), unit="line"))
    if problems:
        raise ImportRefused(problems)
    if not questions:
        raise ImportRefused([Problem(gettext("tệp không có câu hỏi nào"), row=1, unit="line")])
    return questions


def write(questions: list[ParsedQuestion]) -> bytes:
    """Aiken can hold single-answer multiple choice only; other questions are refused."""
    out = []
    for q in questions:
        if q.qtype != "multichoice" or q.multiple or len(q.answers) > 26:
            raise ImportRefused([Problem(gettext('"%(text)s": Aiken chỉ chứa được câu trắc nghiệm một đáp án')
                                         % {"text": q.text[:40]})])
        out.append(" ".join(q.text.split("\n")))
        right = max(range(len(q.answers)), key=lambda i: q.answers[i].fraction)
        for i, a in enumerate(q.answers):
            out.append(f"{chr(65 + i)}. {' '.join(a.text.split())}")
        out.append(f"ANSWER: {chr(65 + right)}")
        out.append("")
    return "\n".join(out).encode("utf-8")
