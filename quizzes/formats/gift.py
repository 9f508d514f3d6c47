"""GIFT (Moodle's text format): parser and canonical writer.

Everything Moodle's GIFT importer accepts: multiple choice with one right answer (`=`) or several
weighted ones (`~%50%`, negative weights allowed), true/false (`{T}`, `{FALSE#wrong#right}`), short
answer (only `=` answers, `=%50%` partial credit, `*` wildcards), numerical (`{#1822}`,
`{#3.1415:0.0005}`, `{#3.141..3.142}`, `{#=1822:0 =%50%1822:2 ~#wrong}`), matching
(`{=a -> 1 =b -> 2}`), essay (`{}`), description (a block without `{…}`), missing word (text after
the answer block, shown as a blank "_____"), `::title::`, `// comments`, `#answer feedback`,
`####general feedback`, `$CATEGORY:`, `[html]`/`[moodle]`/`[plain]`/`[markdown]` text formats
(kept for the question text, dropped before an answer or a feedback), and escapes
`\\~ \\= \\# \\{ \\} \\: \\\\ \\n`. What is malformed is refused with its line.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

from core.errors import ImportRefused, Problem

from . import ParsedAnswer, ParsedQuestion, number_text, percent_text

TRUE_TEXT = "Đúng"
FALSE_TEXT = "Sai"
BLANK = "_____"
ESCAPABLE = "~=#{}:\\"
_FORMAT_MARK = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
FORMATS = {"html": "html", "moodle": "moodle", "plain": "plain", "markdown": "markdown"}


class _Refuse(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


class _Block:
    """The lines of one question, joined, with the file line of every character."""

    def __init__(self, lines: list[tuple[int, str]]):
        self.rows = lines
        self.text = "\n".join(t for _, t in lines)
        self.lines: list[int] = []
        for number, text in lines:
            self.lines.extend([number] * (len(text) + 1))
        self.first = lines[0][0]

    def line_at(self, index: int) -> int:
        if not self.lines:
            return self.first
        return self.lines[min(max(index, 0), len(self.lines) - 1)]


def _find(text: str, target: str, start: int = 0) -> int:
    """Index of the first unescaped `target` at or after `start`, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def _unescape(text: str, block: _Block, offset: int) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt == "n":
                out.append("\n")
            elif nxt and nxt in ESCAPABLE:
                out.append(nxt)
            else:
                shown = f"\\{nxt}" if nxt and not nxt.isspace() else "\\"
                raise _Refuse(gettext('ký tự thoát sai "%(shown)s": chỉ dùng được \\~ \\= \\# \\{ \\} \\: \\\\ và \\n')
                              % {"shown": shown},
                              block.line_at(offset + i))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _clean(text: str, block: _Block, offset: int) -> str:
    return _unescape(text, block, offset).strip()


def _blocks(text: str) -> list[_Block]:
    blocks, current = [], []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if line.lstrip().startswith("//"):
            continue  # a comment line: neither content nor a separator
        if not line.strip():
            if current:
                blocks.append(_Block(current))
                current = []
            continue
        current.append((number, line))
    if current:
        blocks.append(_Block(current))
    return blocks


def _split_answers(body: str) -> list[tuple[str, int]]:
    """Split an answer block at unescaped `=` / `~` into (answer with its marker, offset)."""
    parts, i, start = [], 0, None
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "=~":
            if start is not None:
                parts.append((body[start:i], start))
            start = i
        i += 1
    if start is not None:
        parts.append((body[start:], start))
    return parts


def _parse_answer(raw: str, offset: int, block: _Block) -> tuple[str, ParsedAnswer, bool]:
    marker, rest, pos = raw[0], raw[1:], offset + 1
    weight = None
    match = _WEIGHT.match(rest.lstrip())
    if match:
        lead = len(rest) - len(rest.lstrip())
        try:
            weight = Decimal(match.group(1))
        except InvalidOperation:  # pragma: no cover - the regex admits only numbers
            weight = None
        if weight is None or not (Decimal(-100) <= weight <= Decimal(100)):
            raise _Refuse(gettext('trọng số "%(weight)s" phải trong khoảng -100%% đến 100%%') % {"weight": match.group(0)}, block.line_at(pos))
        rest, pos = rest[lead + match.end():], pos + lead + match.end()
    elif rest.lstrip().startswith("%"):
        raise _Refuse(gettext("trọng số viết sai: viết dạng %%50%%") % {}, block.line_at(pos))
    cut = _find(rest, "#")
    text_part, feedback_part = (rest, "") if cut < 0 else (rest[:cut], rest[cut + 1:])
    text = _strip_format(_clean(text_part, block, pos))
    if not text:
        raise _Refuse(gettext("phương án trống"), block.line_at(offset))
    feedback = _strip_format(_clean(feedback_part, block, pos + cut + 1)) if cut >= 0 else ""
    if weight is None:
        weight = Decimal(100) if marker == "=" else Decimal(0)
    return marker, ParsedAnswer(text=text, fraction=(weight / 100).quantize(Decimal("0.00001")),
                                feedback=feedback), marker == "=" and match is None


def _strip_format(text: str) -> str:
    """Moodle allows a [format] marker before an answer or a feedback; only the question text keeps one."""
    mark = _FORMAT_MARK.match(text)
    return text[mark.end():].strip() if mark else text


def _number(text: str, what: str, line: int) -> Decimal:
    if not _NUMBER.match(text):
        raise _Refuse(gettext('%(what)s "%(text)s" không phải số') % {"what": what, "text": text[:30]}, line)
    return Decimal(text)


def _parse_numerical(body: str, offset: int, block: _Block) -> list[ParsedAnswer]:
    """`{#…}` without the "#": one answer (`1822`, `1822:2`, `1821..1823`, each with `#feedback`) or
    several `=`-answers with `%weights%`; `~#feedback` is the feedback for any other number."""
    wrong_at = _find(body, "~")
    wrong = None if wrong_at < 0 else body[wrong_at + 1:]
    main = body if wrong_at < 0 else body[:wrong_at]
    parts = _split_answers(main)
    lead = main[:parts[0][1]] if parts else main
    if lead.strip():
        if parts:
            raise _Refuse(gettext("câu hỏi dạng số có một đáp án hoặc nhiều đáp án bắt đầu bằng ="),
                          block.line_at(offset))
        parts = [("=" + main, -1)]
    answers = []
    for raw, at in parts:
        pos = offset + max(at, 0) + 1
        rest = raw[1:]
        weight = Decimal(100)
        match = _WEIGHT.match(rest.lstrip())
        if match:
            weight = Decimal(match.group(1))
            if not (Decimal(-100) <= weight <= Decimal(100)):
                raise _Refuse(gettext('trọng số "%(weight)s" phải trong khoảng -100%% đến 100%%') % {"weight": match.group(0)}, block.line_at(pos))
            rest = rest.lstrip()[match.end():]
        cut = _find(rest, "#")
        value_text = _unescape(rest if cut < 0 else rest[:cut], block, pos).strip()
        feedback = _strip_format(_clean(rest[cut + 1:], block, pos + cut + 1)) if cut >= 0 else ""
        line = block.line_at(pos)
        if not value_text:
            raise _Refuse(gettext("đáp án dạng số cần có một số"), line)
        if ".." in value_text:
            low_text, _, high_text = value_text.partition("..")
            low = _number(low_text.strip(), gettext("điểm đầu của khoảng"), line)
            high = _number(high_text.strip(), gettext("điểm cuối của khoảng"), line)
            if high < low:
                raise _Refuse(gettext('khoảng "%(range)s" kết thúc trước khi bắt đầu') % {"range": value_text}, line)
            # Moodle stores a range as its middle and half its width.
            value, tolerance = number_text((low + high) / 2), (high - low) / 2
        elif ":" in value_text:
            value_part, _, tol_part = value_text.partition(":")
            value_part = value_part.strip()
            value = "*" if value_part == "*" else number_text(_number(value_part, gettext("đáp án"), line))
            tolerance = abs(_number(tol_part.strip(), gettext("sai số"), line))
        else:
            value = "*" if value_text == "*" else number_text(_number(value_text, gettext("đáp án"), line))
            tolerance = Decimal(0)
        answers.append(ParsedAnswer(text=value, fraction=(weight / 100).quantize(Decimal("0.00001")),
                                    feedback=feedback, tolerance=Decimal(tolerance).normalize()))
    if wrong is not None:
        pos = offset + wrong_at + 1
        cut = _find(wrong, "#")
        if wrong[:cut if cut >= 0 else len(wrong)].strip():
            raise _Refuse(gettext('sau "~" câu hỏi dạng số chỉ nhận "#phản hồi cho mọi số khác"'),
                          block.line_at(pos))
        feedback = _strip_format(_clean(wrong[cut + 1:], block, pos + cut + 1)) if cut >= 0 else ""
        answers.append(ParsedAnswer(text="*", fraction=Decimal("0.00000"), feedback=feedback, tolerance=Decimal(0)))
    if not any(a.fraction > 0 for a in answers):
        raise _Refuse(gettext("câu hỏi dạng số cần một đáp án có trọng số dương"), block.line_at(offset))
    return answers


def _parse_matching(body: str, offset: int, block: _Block) -> list[ParsedAnswer]:
    """`=item -> match` pairs; `= -> match` adds a wrong match to choose from."""
    parts = _split_answers(body)
    if body[:parts[0][1]].strip() if parts else body.strip():
        raise _Refuse(gettext("cặp ghép nối bắt đầu bằng ="), block.line_at(offset))
    answers = []
    for raw, at in parts:
        pos = offset + at
        if raw[0] != "=":
            raise _Refuse(gettext("cặp ghép nối bắt đầu bằng =, không phải ~"), block.line_at(pos))
        arrow = _find(raw, "->")
        if arrow < 0:
            raise _Refuse(gettext('cặp ghép nối cần "->" giữa mục và vế ghép của nó'), block.line_at(pos))
        item = _strip_format(_clean(raw[1:arrow], block, pos + 1))
        match = _strip_format(_clean(raw[arrow + 2:], block, pos + arrow + 2))
        if not match:
            raise _Refuse(gettext('không có gì sau "->" trong cặp ghép nối'), block.line_at(pos))
        answers.append(ParsedAnswer(text=item, fraction=Decimal("0.00000"), match_text=match))
    if sum(1 for a in answers if a.text) < 2:
        raise _Refuse(gettext("câu ghép nối cần ít nhất hai cặp"), block.line_at(offset))
    return answers


def _parse_truefalse(body: str, offset: int, block: _Block) -> tuple[list[ParsedAnswer], bool] | None:
    head_end = _find(body, "#")
    head = (body if head_end < 0 else body[:head_end]).strip().upper()
    if head not in ("T", "TRUE", "F", "FALSE"):
        return None
    feedback = []
    if head_end >= 0:
        rest, pos = body[head_end + 1:], offset + head_end + 1
        cut = _find(rest, "#")
        wrong = rest if cut < 0 else rest[:cut]
        feedback.append(_clean(wrong, block, pos))
        if cut >= 0:
            right = rest[cut + 1:]
            if _find(right, "#") >= 0:
                raise _Refuse(gettext("câu đúng/sai có tối đa hai phản hồi (#sai#đúng)"), block.line_at(pos + cut))
            feedback.append(_clean(right, block, pos + cut + 1))
    wrong_fb = feedback[0] if feedback else ""
    right_fb = feedback[1] if len(feedback) > 1 else ""
    is_true = head in ("T", "TRUE")
    answers = [
        ParsedAnswer(TRUE_TEXT, Decimal("1.00000") if is_true else Decimal("0.00000"), right_fb if is_true else wrong_fb),
        ParsedAnswer(FALSE_TEXT, Decimal("0.00000") if is_true else Decimal("1.00000"), wrong_fb if is_true else right_fb),
    ]
    return answers, True


def _parse_block(block: _Block, category: str) -> ParsedQuestion:
    text = block.text
    name = ""
    stripped = text.lstrip()
    pos = len(text) - len(stripped)
    if stripped.startswith("::"):
        end = _find(text, "::", pos + 2)
        if end < 0:
            raise _Refuse(gettext('tiêu đề chưa đóng: "::" không có "::" đóng'), block.line_at(pos))
        name = _clean(text[pos + 2:end], block, pos + 2)
        pos = end + 2
    open_at = _find(text, "{", pos)
    if open_at < 0:
        if _find(text, "}", pos) >= 0:
            raise _Refuse(gettext('"}" không có "{"'), block.line_at(_find(text, "}", pos)))
        # No answer block: a description (text only, nothing to answer), as in Moodle.
        question = ParsedQuestion(qtype="description", text="", name=name, category=category, line=block.first)
        question.text, question.text_format = _question_text(text[pos:], "", block, pos, 0)
        if not question.text:
            raise _Refuse(gettext("câu hỏi trống: không có nội dung câu hỏi"), block.first)
        return question
    close_at = _find(text, "}", open_at + 1)
    nested = _find(text, "{", open_at + 1)
    if close_at < 0:
        raise _Refuse(gettext('"{" chưa đóng: khối đáp án không có "}" đóng'), block.line_at(open_at))
    if 0 <= nested < close_at:
        raise _Refuse(gettext('"{" bên trong khối đáp án: viết thành \\{'), block.line_at(nested))
    after = text[close_at + 1:]
    if _find(after, "{") >= 0:
        raise _Refuse(gettext("một câu hỏi có nhiều hơn một khối đáp án"),
                      block.line_at(close_at + 1 + _find(after, "{")))
    if _find(after, "}") >= 0:
        raise _Refuse(gettext('"}" không có "{"'), block.line_at(close_at + 1 + _find(after, "}")))
    body_offset = open_at + 1
    body = text[body_offset:close_at]
    general = ""
    gf = _find(body, "####")
    if gf >= 0:
        general = _strip_format(_clean(body[gf + 4:], block, body_offset + gf + 4))
        body = body[:gf]
    question = ParsedQuestion(qtype="", text="", name=name, category=category, general_feedback=general,
                              line=block.first)
    question.text, question.text_format = _question_text(text[pos:open_at], after, block, pos, close_at + 1)
    if not question.text:
        raise _Refuse(gettext("câu hỏi trống: không có nội dung câu hỏi"), block.first)
    content = body.strip()
    lead = len(body) - len(body.lstrip())
    if not content:
        question.qtype = "essay"
        return question
    if content.startswith("#"):
        question.qtype = "numerical"
        question.answers = _parse_numerical(body[lead + 1:], body_offset + lead + 1, block)
        return question
    if content.startswith("=") and _find(body, "->") >= 0:
        question.qtype = "matching"
        question.answers = _parse_matching(body, body_offset, block)
        return question
    tf = _parse_truefalse(body, body_offset, block)
    if tf is not None:
        question.qtype, question.answers = "truefalse", tf[0]
        return question
    parts = _split_answers(body)
    first_at = parts[0][1] if parts else len(body)
    if body[:first_at].strip():
        stray = body[:first_at].strip()
        raise _Refuse(gettext('dấu đáp án không rõ trong "%(text)s": đáp án bắt đầu bằng = hoặc ~') % {"text": stray[:30]},
                      block.line_at(body_offset + lead))
    parsed = [_parse_answer(raw, body_offset + offset, block) for raw, offset in parts]
    markers = {m for m, _, _ in parsed}
    answers = [a for _, a, _ in parsed]
    if "~" in markers:
        question.qtype = "multichoice"
        question.multiple = "=" not in markers
        if len(answers) < 2:
            raise _Refuse(gettext("câu trắc nghiệm cần ít nhất hai phương án"), block.line_at(open_at))
        positive = sum((a.fraction for a in answers if a.fraction > 0), Decimal(0))
        if positive <= 0:
            raise _Refuse(gettext("không có đáp án đúng: ghi một đáp án = hoặc một %%trọng số%% dương") % {},
                          block.line_at(open_at))
        if question.multiple and abs(positive - 1) > Decimal("0.0002"):
            raise _Refuse(gettext("tổng trọng số các đáp án đúng là %(total)s%%, không phải 100%%")
                          % {"total": percent_text(positive)},
                          block.line_at(open_at))
    else:
        question.qtype = "shortanswer"
        if not any(a.fraction > 0 for a in answers):
            raise _Refuse(gettext("câu trả lời ngắn cần một đáp án được chấp nhận có trọng số dương"),
                          block.line_at(open_at))
    question.answers = answers
    return question


def _question_text(before_raw: str, after_raw: str, block: _Block, before_at: int, after_at: int) -> tuple[str, str]:
    """The question text and its format: a [format] marker first, then the text; text after the
    answer block makes a missing-word question, its place shown as a blank."""
    lead = len(before_raw) - len(before_raw.lstrip())
    fmt = ""
    mark = _FORMAT_MARK.match(before_raw.lstrip())
    if mark:
        fmt = FORMATS[mark.group(1).lower()]
        before_at += lead + mark.end()
        before_raw = before_raw.lstrip()[mark.end():]
    before = _unescape(before_raw, block, before_at).strip()
    after = _unescape(after_raw, block, after_at).strip()
    return (f"{before} {BLANK} {after}".strip() if after else before), fmt


def _category_name(raw: str) -> str:
    name = raw.strip()
    for prefix in ("$course$/", "$cat1$/", "$system$/", "$module$/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    if name.startswith("top/"):
        name = name[4:]
    return name.strip()


def parse(data: bytes | str, default_category: str = "") -> list[ParsedQuestion]:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ImportRefused([Problem(gettext("tệp không phải văn bản UTF-8"), row=line, unit="line")]) from exc
    text = unicodedata.normalize("NFC", data.lstrip("\ufeff"))
    questions: list[ParsedQuestion] = []
    problems: list[Problem] = []
    category = default_category
    for block in _blocks(text):
        rows = list(block.rows)
        while rows and rows[0][1].strip().upper().startswith("$CATEGORY:"):
            category = _category_name(rows[0][1].strip()[len("$CATEGORY:"):])
            if not category:
                problems.append(Problem(gettext("tên $CATEGORY trống"), row=rows[0][0], unit="line"))
            rows.pop(0)
        if not rows:
            continue
        block = _Block(rows)
        try:
            questions.append(_parse_block(block, category))
        except _Refuse as refuse:
            problems.append(Problem(refuse.message, row=refuse.line, unit="line"))
    if problems:
        raise ImportRefused(problems)
    if not questions:
        raise ImportRefused([Problem(gettext("tệp không có câu hỏi nào"), row=1, unit="line")])
    return questions


# ---- writer -------------------------------------------------------------------------------------

def escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in ESCAPABLE:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            continue
        else:
            out.append(ch)
    return "".join(out)


def _answer_line(marker: str, answer: ParsedAnswer, weighted: bool) -> str:
    weight = f"%{percent_text(answer.fraction)}%" if weighted else ""
    feedback = f"#{escape(answer.feedback)}" if answer.feedback else ""
    return f"\t{marker}{weight}{escape(answer.text)}{feedback}"


def _numerical_lines(question: ParsedQuestion) -> list[str]:
    lines = []
    for i, a in enumerate(question.answers):
        feedback = f"#{escape(a.feedback)}" if a.feedback else ""
        if a.text == "*" and a.fraction == 0 and i == len(question.answers) - 1:
            lines.append(f"\t~{feedback}")
            continue
        weight = f"%{percent_text(a.fraction)}%" if a.fraction != 1 else ""
        tolerance = number_text(a.tolerance or Decimal(0))
        lines.append(f"\t={weight}{a.text}:{tolerance}{feedback}")
    return ["\t#"] + lines


def _body(question: ParsedQuestion) -> list[str]:
    general = [f"\t####{escape(question.general_feedback)}"] if question.general_feedback else []
    if question.qtype == "essay":
        return general
    if question.qtype == "numerical":
        return _numerical_lines(question) + general
    if question.qtype == "matching":
        return [f"\t={escape(a.text)} -> {escape(a.match_text)}" for a in question.answers] + general
    if question.qtype == "truefalse":
        right = next((a for a in question.answers if a.fraction > 0), question.answers[0])
        wrong = next((a for a in question.answers if a is not right), None)
        head = "TRUE" if right.text == TRUE_TEXT else "FALSE"
        feedback = ""
        if right.feedback or (wrong and wrong.feedback):
            feedback = f"#{escape(wrong.feedback if wrong else '')}#{escape(right.feedback)}"
        return [f"\t{head}{feedback}"] + general
    lines = []
    if question.qtype == "shortanswer":
        for a in question.answers:
            lines.append(_answer_line("=", a, a.fraction != 1))
        return lines + general
    if question.multiple:
        lines = [_answer_line("~", a, True) for a in question.answers]
        return lines + general
    best = max(question.answers, key=lambda a: a.fraction)
    for a in question.answers:
        if a is best:
            lines.append(_answer_line("=", a, a.fraction != 1))
        else:
            lines.append(_answer_line("~", a, a.fraction != 0))
    return lines + general


def write(questions: list[ParsedQuestion]) -> bytes:
    """Canonical GIFT: one $CATEGORY line when the category changes, every question as
    `::name::[format]text {` + one answer per line + `}` (a description without a block),
    separated by one blank line, LF, UTF-8. GIFT has no cloze: a bank holding one is refused,
    naming the question, rather than written without it."""
    cannot = [Problem(gettext('câu hỏi "%(name)s": GIFT không chứa được câu điền khuyết nhiều chỗ trống (cloze); '
                              "hãy xuất dạng moodle-xml") % {"name": q.name or q.text[:40]})
              for q in questions if q.qtype == "multianswer"]
    if cannot:
        raise ImportRefused(cannot)
    out: list[str] = []
    category = None
    for q in questions:
        if q.category != category:
            category = q.category
            if category:
                out.append(f"$CATEGORY: {category}")
                out.append("")
        title = f"::{escape(q.name)}::" if q.name else ""
        text = (f"[{q.text_format}]" if q.text_format else "") + escape(q.text)
        if q.qtype == "description":
            out.append(f"{title}{text}")
            out.append("")
            continue
        body = _body(q)
        if body:
            out.append(f"{title}{text} {{")
            out.extend(body)
            out.append("}")
        else:
            out.append(f"{title}{text} {{}}")
        out.append("")
    return "\n".join(out).encode("utf-8")
