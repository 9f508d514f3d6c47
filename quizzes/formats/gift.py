"""GIFT (Moodle's text format): parser and canonical writer.

Supported: multiple choice with one right answer (`=`) or several weighted ones (`~%50%`, negative
weights allowed), true/false (`{T}`, `{FALSE#wrong feedback#right feedback}`), short answer (only
`=` answers, `=%50%` partial credit), essay (`{}`), missing word (text after the answer block,
shown as a blank "_____"), `::title::`, `// comments`, `#answer feedback`, `####general feedback`,
`$CATEGORY:`, `[html]`/`[moodle]`/`[plain]`/`[markdown]` markers (dropped), and escapes
`\\~ \\= \\# \\{ \\} \\: \\\\ \\n`. Refused, with their line: numeric (`{#…}`), matching (`->`),
anything else that is not one of the above.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from core.errors import ImportRefused, Problem

from . import ParsedAnswer, ParsedQuestion, percent_text

TRUE_TEXT = "Đúng"
FALSE_TEXT = "Sai"
BLANK = "_____"
ESCAPABLE = "~=#{}:\\"
_FORMAT_MARK = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


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
                raise _Refuse(f'bad escape "{shown}": only \\~ \\= \\# \\{{ \\}} \\: \\\\ and \\n are allowed',
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
            raise _Refuse(f'answer weight "{match.group(0)}" must be between -100% and 100%', block.line_at(pos))
        rest, pos = rest[lead + match.end():], pos + lead + match.end()
    elif rest.lstrip().startswith("%"):
        raise _Refuse('malformed answer weight: write it as %50%', block.line_at(pos))
    cut = _find(rest, "#")
    text_part, feedback_part = (rest, "") if cut < 0 else (rest[:cut], rest[cut + 1:])
    if "->" in text_part.replace("\\-", ""):
        raise _Refuse("matching questions (->) are not supported", block.line_at(pos))
    text = _clean(text_part, block, pos)
    if not text:
        raise _Refuse("empty answer", block.line_at(offset))
    feedback = _clean(feedback_part, block, pos + cut + 1) if cut >= 0 else ""
    if weight is None:
        weight = Decimal(100) if marker == "=" else Decimal(0)
    return marker, ParsedAnswer(text=text, fraction=(weight / 100).quantize(Decimal("0.00001")),
                                feedback=feedback), marker == "=" and match is None


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
                raise _Refuse("true/false takes at most two feedbacks (#wrong#right)", block.line_at(pos + cut))
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
    pos = 0
    name = ""
    stripped = text.lstrip()
    pos = len(text) - len(stripped)
    if stripped.startswith("::"):
        end = _find(text, "::", pos + 2)
        if end < 0:
            raise _Refuse('unclosed title: "::" without its closing "::"', block.line_at(pos))
        name = _clean(text[pos + 2:end], block, pos + 2)
        pos = end + 2
    open_at = _find(text, "{", pos)
    if open_at < 0:
        if _find(text, "}", pos) >= 0:
            raise _Refuse('"}" without "{"', block.line_at(_find(text, "}", pos)))
        raise _Refuse("no answer block {…}: a question needs one (use {} for an essay)", block.first)
    close_at = _find(text, "}", open_at + 1)
    nested = _find(text, "{", open_at + 1)
    if close_at < 0:
        raise _Refuse('unclosed "{": the answer block has no closing "}"', block.line_at(open_at))
    if 0 <= nested < close_at:
        raise _Refuse('"{" inside an answer block: escape it as \\{', block.line_at(nested))
    after = text[close_at + 1:]
    if _find(after, "{") >= 0:
        raise _Refuse("more than one answer block in a question", block.line_at(close_at + 1 + _find(after, "{")))
    if _find(after, "}") >= 0:
        raise _Refuse('"}" without "{"', block.line_at(close_at + 1 + _find(after, "}")))
    before_raw = text[pos:open_at]
    mark = _FORMAT_MARK.match(before_raw.strip())
    if mark:
        before_raw = before_raw.strip()[mark.end():]
    before = _unescape(before_raw, block, pos).strip()
    after_text = _unescape(after, block, close_at + 1).strip()
    body_offset = open_at + 1
    body = text[body_offset:close_at]
    general = ""
    gf = _find(body, "####")
    if gf >= 0:
        general = _clean(body[gf + 4:], block, body_offset + gf + 4)
        body = body[:gf]
    question = ParsedQuestion(qtype="", text="", name=name, category=category, general_feedback=general,
                              line=block.first)
    if after_text:
        question.text = f"{before} {BLANK} {after_text}".strip()
    else:
        question.text = before
    if not question.text:
        raise _Refuse("empty question: no question text", block.first)
    content = body.strip()
    if not content:
        if after_text:
            raise _Refuse("an essay {} cannot sit inside the text", block.line_at(open_at))
        question.qtype = "essay"
        return question
    lead = len(body) - len(body.lstrip())
    if content.startswith("#"):
        raise _Refuse("numeric questions {#…} are not supported", block.line_at(body_offset + lead))
    tf = _parse_truefalse(body, body_offset, block)
    if tf is not None:
        if after_text:
            raise _Refuse("a true/false answer cannot sit inside the text", block.line_at(open_at))
        question.qtype, question.answers = "truefalse", tf[0]
        return question
    parts = _split_answers(body)
    first_at = parts[0][1] if parts else len(body)
    if body[:first_at].strip():
        stray = body[:first_at].strip()
        raise _Refuse(f'unknown answer marker in "{stray[:30]}": answers start with = or ~',
                      block.line_at(body_offset + lead))
    parsed = [_parse_answer(raw, body_offset + offset, block) for raw, offset in parts]
    markers = {m for m, _, _ in parsed}
    answers = [a for _, a, _ in parsed]
    if "~" in markers:
        question.qtype = "multichoice"
        question.multiple = "=" not in markers
        if len(answers) < 2:
            raise _Refuse("a multiple-choice question needs at least two answers", block.line_at(open_at))
        positive = sum((a.fraction for a in answers if a.fraction > 0), Decimal(0))
        if positive <= 0:
            raise _Refuse("no right answer: give one answer = or a positive %weight%", block.line_at(open_at))
        if question.multiple and abs(positive - 1) > Decimal("0.0002"):
            raise _Refuse(f"the weights of the right answers add up to {percent_text(positive)}%, not 100%",
                          block.line_at(open_at))
    else:
        question.qtype = "shortanswer"
        if not any(a.fraction > 0 for a in answers):
            raise _Refuse("a short-answer question needs an accepted answer with a positive weight", block.line_at(open_at))
    question.answers = answers
    return question


def _category_name(raw: str) -> str:
    name = raw.strip()
    for prefix in ("$course$/", "$cat1$/", "$system$/"):
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
            raise ImportRefused([Problem("the file is not UTF-8 text", row=line, unit="line")]) from exc
    text = unicodedata.normalize("NFC", data.lstrip("\ufeff"))
    questions: list[ParsedQuestion] = []
    problems: list[Problem] = []
    category = default_category
    for block in _blocks(text):
        rows = list(block.rows)
        while rows and rows[0][1].strip().upper().startswith("$CATEGORY:"):
            category = _category_name(rows[0][1].strip()[len("$CATEGORY:"):])
            if not category:
                problems.append(Problem("empty $CATEGORY name", row=rows[0][0], unit="line"))
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
        raise ImportRefused([Problem("the file holds no question", row=1, unit="line")])
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


def _body(question: ParsedQuestion) -> list[str]:
    general = [f"\t####{escape(question.general_feedback)}"] if question.general_feedback else []
    if question.qtype == "essay":
        return general
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
    `::name::text {` + one answer per line + `}`, separated by one blank line, LF, UTF-8."""
    out: list[str] = []
    category = None
    for q in questions:
        if q.category != category:
            category = q.category
            if category:
                out.append(f"$CATEGORY: {category}")
                out.append("")
        title = f"::{escape(q.name)}::" if q.name else ""
        text = escape(q.text)
        body = _body(q)
        if body:
            out.append(f"{title}{text} {{")
            out.extend(body)
            out.append("}")
        else:
            out.append(f"{title}{text} {{}}")
        out.append("")
    return "\n".join(out).encode("utf-8")
