"""Moodle XML (`--format moodle-xml`, `.xml`): parser and canonical writer.

Read with defusedxml (no DTD entities, no external references). Every question type of
quizzes.models.QuestionType: multichoice, truefalse, shortanswer, numerical, matching, essay,
description and cloze (multianswer); `category` elements set the category of what follows
(`$course$/top/A/B` is stored as "A/B", its `info` as the category's description). Kept per
question: name, text and its format, general feedback, default mark, penalty, idnumber, tags,
answers with fraction, feedback and tolerance (the choices of an HTML multiple-choice question stay
HTML), matching pairs. Images and other files (base64
`<file>` elements) stay inside the text they belong to, as `data:` URIs, and go back out as
`<file>` elements. Whatever else a question carries (hints, units, combined feedback other than
Moodle's defaults, case-sensitive short answers, attachments, grader information, HTML inside
short answers…) is reported by question name in the import's notes; a question type we do not have,
malformed XML, a grade Moodle itself would refuse or a broken cloze gap refuses the whole file,
naming the question and its line.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import re
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from urllib.parse import quote, unquote
from xml.sax.saxutils import escape as xml_escape

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError
from django.utils.translation import gettext

from core.errors import ImportRefused, Problem

from . import ParsedAnswer, ParsedQuestion, cloze, number_text, percent_text
from .gift import FALSE_TEXT, TRUE_TEXT

# Moodle's text formats and ours (quizzes.models.TextFormat): our "" is Moodle's auto-format.
_FORMAT_IN = {"html": "html", "moodle_auto_format": "", "plain_text": "plain", "markdown": "markdown"}
_FORMAT_OUT = {"": "moodle_auto_format", "moodle": "moodle_auto_format", "html": "html", "plain": "plain_text",
               "markdown": "markdown"}
_TYPES = {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay", "description", "cloze"}
# The grades Moodle accepts for an answer (question_bank::fraction_options_full), ±.
_GRADES = [Decimal(g) for g in ("1", "0.9", "0.8333333", "0.8", "0.75", "0.7", "0.6666667", "0.6", "0.5", "0.4",
                                "0.3333333", "0.3", "0.25", "0.2", "0.1666667", "0.1428571", "0.125", "0.1111111",
                                "0.1", "0.05", "0")]
_DEFAULT_FEEDBACK = {"correctfeedback": "Your answer is correct.",
                     "partiallycorrectfeedback": "Your answer is partially correct.",
                     "incorrectfeedback": "Your answer is incorrect."}
_DATA_URI = re.compile(r"data:([\w.+-]+/[\w.+-]+);name=([^;,\"'\s]+);base64,([A-Za-z0-9+/=]+)")
_TAGS = re.compile(r"<[^>]+>")


class _Refuse(Exception):
    pass


class _Target:
    """An ElementTree builder that remembers the line each element starts on."""

    def __init__(self):
        self.builder = ET.TreeBuilder()
        self.lines: dict[ET.Element, int] = {}
        self.expat = None

    def start(self, tag, attrs):
        element = self.builder.start(tag, attrs)
        self.lines[element] = self.expat.CurrentLineNumber if self.expat is not None else 0
        return element

    def end(self, tag):
        return self.builder.end(tag)

    def data(self, data):
        self.builder.data(data)

    def close(self):
        return self.builder.close()


def _tree(data: bytes) -> tuple[ET.Element, dict[ET.Element, int]]:
    target = _Target()
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    target.expat = getattr(parser, "parser", None)
    parser.feed(data)
    return parser.close(), target.lines


# ---- reader -------------------------------------------------------------------------------------

def _child_text(element: ET.Element | None, path: str = "text") -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def _files_inline(container: ET.Element, text: str, notes: list[str], where: str) -> str:
    """Put each base64 <file> of the container into the text that refers to it, as a data: URI."""
    for file in container.findall("file"):
        name = file.get("name", "")
        if file.get("encoding", "base64") != "base64" or not name:
            notes.append(gettext("%(where)s: tệp không có tên hoặc không ở dạng base64 không được giữ lại") % {"where": where})
            continue
        payload = re.sub(r"\s", "", file.text or "")
        try:
            base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            raise _Refuse(gettext('%(where)s: tệp "%(name)s" không phải base64 hợp lệ') % {"where": where, "name": name}) from None
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        uri = f"data:{mime};name={quote(name)};base64,{payload}"
        refs = {f"@@PLUGINFILE@@/{quote(name)}", f"@@PLUGINFILE@@/{name}", f"@@PLUGINFILE@@{file.get('path', '/')}{name}"}
        if not any(ref in text for ref in refs):
            notes.append(gettext('%(where)s: tệp "%(name)s" không được dùng trong nội dung nên không được giữ lại')
                         % {"where": where, "name": name})
            continue
        for ref in sorted(refs, key=len, reverse=True):
            text = text.replace(ref, uri)
    return text


def _rich(element: ET.Element | None, notes: list[str], where: str) -> tuple[str, str]:
    """(text with its files inlined, our format) of a Moodle text element."""
    if element is None:
        return "", ""
    fmt = element.get("format", "moodle_auto_format")
    if fmt not in _FORMAT_IN:
        raise _Refuse(gettext('%(where)s: định dạng văn bản "%(format)s" không được nhận') % {"where": where, "format": fmt})
    return _files_inline(element, _child_text(element), notes, where), _FORMAT_IN[fmt]


def _decimal(text: str, what: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise _Refuse(gettext('%(what)s "%(text)s" không phải số') % {"what": what, "text": text.strip()[:20]}) from None
    if not value.is_finite():
        raise _Refuse(gettext('%(what)s "%(text)s" không phải số') % {"what": what, "text": text.strip()[:20]})
    return value


def _fraction(answer: ET.Element, index: int) -> Decimal:
    value = _decimal(answer.get("fraction", "0"), gettext("phương án %(n)s: điểm") % {"n": index}) / 100
    if not any(abs(abs(value) - g) < Decimal("0.00001") for g in _GRADES):
        raise _Refuse(gettext("phương án %(n)s: điểm %(grade)s%% không phải mức Moodle cho phép "
                              "(100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, "
                              "14.28571, 12.5, 11.11111, 10, 5, 0 hoặc số âm của chúng)")
                      % {"n": index, "grade": answer.get("fraction")})
    return value.quantize(Decimal("0.00001"))


def _answer_text(answer: ET.Element, index: int, notes: list[str], keep_html: bool = False) -> str:
    """The choices of an HTML multiple-choice question stay HTML (shown through the whitelist, their
    images kept as data: URIs); elsewhere HTML inside an answer is reduced to its text (noted)."""
    text = _child_text(answer)
    if keep_html and answer.get("format") == "html":
        return _files_inline(answer, text, notes, gettext("phương án %(n)s") % {"n": index}).strip()
    if answer.get("format") in ("html", "moodle_auto_format") and _TAGS.search(text):
        import html

        plain = " ".join(html.unescape(_TAGS.sub(" ", text)).split())
        notes.append(gettext("phương án %(n)s: định dạng HTML được rút gọn thành văn bản (%(text)s)")
                     % {"n": index, "text": repr(plain[:40])})
        if answer.find("file") is not None:
            notes.append(gettext("phương án %(n)s: các tệp (ảnh) của phương án không được giữ lại") % {"n": index})
        return plain
    return text.strip()


def _answers(q: ET.Element, notes: list[str], *, numerical: bool = False, keep_html: bool = False) -> list[ParsedAnswer]:
    out = []
    for i, answer in enumerate(q.findall("answer"), start=1):
        feedback, _ = _rich(answer.find("feedback"), notes, gettext("phản hồi của phương án %(n)s") % {"n": i})
        parsed = ParsedAnswer(text=_answer_text(answer, i, notes, keep_html), fraction=_fraction(answer, i),
                              feedback=feedback)
        if numerical:
            if parsed.text != "*":
                parsed.text = number_text(_decimal(parsed.text, gettext("phương án %(n)s") % {"n": i}))
            tolerance = _child_text(answer, "tolerance") or "0"
            parsed.tolerance = abs(_decimal(tolerance, gettext("phương án %(n)s: sai số") % {"n": i})).normalize()
        out.append(parsed)
    return out


def _flag(q: ET.Element, tag: str, default: str) -> str:
    found = q.find(tag)
    return (found.text or "").strip() if found is not None else default


def _common_notes(q: ET.Element, qtype: str, notes: list[str]) -> None:
    if _flag(q, "hidden", "0") not in ("0", ""):
        notes.append(gettext("đang ẩn trong Moodle: được nhập thành câu hỏi hiển thị"))
    hints = [h for h in q.findall("hint") if _child_text(h).strip()]
    if hints:
        notes.append(gettext("%(n)s gợi ý cho chế độ tương tác không được giữ lại") % {"n": len(hints)})
    for tag, default in _DEFAULT_FEEDBACK.items():
        text = _child_text(q.find(tag)).strip()
        if text and _TAGS.sub("", text).strip() != default:
            notes.append(gettext("<%(tag)s> không được giữ lại") % {"tag": tag})
    if qtype in ("multichoice", "matching") and _flag(q, "shuffleanswers", "true").lower() in ("false", "0"):
        notes.append(gettext("thứ tự phương án cố định không được giữ lại: cài đặt của bài kiểm tra quyết định có xáo trộn hay không"))
    if qtype == "multichoice" and _flag(q, "answernumbering", "abc") not in ("abc", ""):
        notes.append(gettext('cách đánh số phương án "%(value)s" không được giữ lại')
                     % {"value": _flag(q, "answernumbering", "abc")})
    if qtype == "essay" and _flag(q, "responseformat", "editor") not in ("editor", "plain", "monospaced", ""):
        notes.append(gettext('dạng trả lời "%(value)s" không được giữ lại: bài tự luận là văn bản')
                     % {"value": _flag(q, "responseformat", "editor")})
    if qtype == "shortanswer" and _flag(q, "usecase", "0") not in ("0", ""):
        notes.append(gettext("so khớp phân biệt chữ hoa, chữ thường không được giữ lại: câu trả lời được so không phân biệt"))
    if qtype == "numerical" and (q.find("units/unit") is not None):
        notes.append(gettext("đơn vị đo không được giữ lại: chỉ chấm phần số"))
    if qtype == "essay":
        if _flag(q, "attachments", "0") not in ("0", ""):
            notes.append(gettext("tệp đính kèm không được giữ lại: bài tự luận là văn bản"))
        for tag in ("graderinfo", "responsetemplate"):
            if _child_text(q.find(tag)).strip():
                notes.append(gettext("<%(tag)s> không được giữ lại") % {"tag": tag})


def _old_image(q: ET.Element, parsed: ParsedQuestion, notes: list[str]) -> None:
    """Moodle before 2.0 wrote a question's picture as <image> (+ <image_base64>): like Moodle, it is
    appended to an HTML text; otherwise it is reported."""
    image = _flag(q, "image", "")
    payload = re.sub(r"\s", "", _flag(q, "image_base64", ""))
    if not image and not payload:
        return
    name = image.rsplit("/", 1)[-1] or "image"
    mime = mimetypes.guess_type(name)[0] or ""
    if not payload or parsed.text_format != "html" or not mime.startswith("image/"):
        notes.append(gettext('ảnh kiểu cũ "%(image)s" không được giữ lại') % {"image": image[:60]})
        return
    try:
        base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise _Refuse(gettext('ảnh "%(name)s" không phải base64 hợp lệ') % {"name": name}) from None
    parsed.text += f'<img src="data:{mime};name={quote(name)};base64,{payload}" alt="">'


def _question(q: ET.Element, qtype: str, category: str, info: str) -> ParsedQuestion:
    notes: list[str] = []
    name = _child_text(q.find("name")).strip()
    text, fmt = _rich(q.find("questiontext"), notes, gettext("nội dung câu hỏi"))
    general, _ = _rich(q.find("generalfeedback"), notes, gettext("phản hồi chung"))
    parsed = ParsedQuestion(qtype=qtype, text=text.strip(), name=name, category=category, general_feedback=general.strip(),
                            text_format=fmt, idnumber=_flag(q, "idnumber", ""), category_info=info, notes=notes)
    parsed.tags = [t.strip() for t in (_child_text(tag) for tag in q.findall("tags/tag")) if t.strip()]
    grade = _flag(q, "defaultgrade", "")
    if grade:
        mark = _decimal(grade, gettext("điểm mặc định")).quantize(Decimal("0.01"))
        parsed.mark = None if mark == 1 else mark
    penalty = _flag(q, "penalty", "")
    if penalty:
        parsed.penalty = _decimal(penalty, gettext("điểm trừ")).quantize(Decimal("0.0000001")).normalize()
    if not parsed.text:
        raise _Refuse(gettext("không có nội dung câu hỏi"))
    _old_image(q, parsed, notes)
    _common_notes(q, qtype, notes)
    if qtype == "cloze":
        parsed.qtype = "multianswer"
        try:
            gaps = cloze.gaps(parsed.text)
        except cloze.ClozeError as exc:
            raise _Refuse(str(exc)) from None
        if not grade:
            parsed.mark = Decimal(sum(g.weight for g in gaps)).quantize(Decimal("0.01"))
            parsed.mark = None if parsed.mark == 1 else parsed.mark
    elif qtype == "multichoice":
        parsed.multiple = _flag(q, "single", "true").lower() in ("false", "0")
        parsed.answers = _answers(q, notes, keep_html=parsed.text_format == "html")
        if len(parsed.answers) < 2:
            raise _Refuse(gettext("câu trắc nghiệm cần ít nhất hai phương án"))
        positive = sum((a.fraction for a in parsed.answers if a.fraction > 0), Decimal(0))
        if parsed.multiple and abs(positive - 1) > Decimal("0.0002"):
            raise _Refuse(gettext("tổng điểm các đáp án đúng là %(total)s%%, không phải 100%%")
                          % {"total": percent_text(positive)})
        if not parsed.multiple and max(a.fraction for a in parsed.answers) != 1:
            raise _Refuse(gettext("không có đáp án nào đúng hoàn toàn (100%%)") % {})
    elif qtype == "truefalse":
        by_value = {}
        for i, answer in enumerate(q.findall("answer"), start=1):
            value = _child_text(answer).strip().lower()
            if value not in ("true", "false"):
                raise _Refuse(gettext('phương án %(n)s: đáp án đúng/sai là "true" hoặc "false", không phải "%(value)s"')
                              % {"n": i, "value": value[:20]})
            feedback, _ = _rich(answer.find("feedback"), notes, gettext("phản hồi của phương án %(n)s") % {"n": i})
            by_value[value] = ParsedAnswer(TRUE_TEXT if value == "true" else FALSE_TEXT, _fraction(answer, i), feedback)
        if set(by_value) != {"true", "false"}:
            raise _Refuse(gettext('câu đúng/sai cần một đáp án "true" và một đáp án "false"'))
        parsed.answers = [by_value["true"], by_value["false"]]
        if sorted(a.fraction for a in parsed.answers) != [0, 1]:
            raise _Refuse(gettext("một trong hai đáp án đúng/sai phải đúng (100%%) và đáp án kia sai (0%%)") % {})
    elif qtype in ("shortanswer", "numerical"):
        parsed.answers = _answers(q, notes, numerical=qtype == "numerical")
        if not any(a.fraction > 0 for a in parsed.answers):
            raise _Refuse(gettext("không có đáp án được chấp nhận nào có điểm dương"))
    elif qtype == "matching":
        for i, sub in enumerate(q.findall("subquestion"), start=1):
            item, _ = _rich(sub, notes, gettext("mục %(n)s") % {"n": i})
            match = _child_text(sub, "answer/text").strip()
            if not match:
                raise _Refuse(gettext("mục %(n)s: không có vế để ghép") % {"n": i})
            parsed.answers.append(ParsedAnswer(text=item.strip(), fraction=Decimal("0.00000"), match_text=match))
        if sum(1 for a in parsed.answers if a.text) < 2:
            raise _Refuse(gettext("câu ghép nối cần ít nhất hai mục"))
    return parsed


def _category_path(raw: str) -> str:
    path = raw.strip()
    path = re.sub(r"^\$[a-z0-9]+\$/", "", path)
    if path == "top" or path.startswith("top/"):
        path = path[4:]
    return path.strip("/").strip()


def parse(data: bytes | str, default_category: str = "") -> list[ParsedQuestion]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        root, lines = _tree(data)
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ImportRefused([Problem(gettext("XML không đúng cú pháp: %(error)s") % {"error": exc}, row=line, unit="line")]) from None
    except DefusedXmlException as exc:
        raise ImportRefused([Problem(gettext("cấu trúc XML bị từ chối (DTD, thực thể hoặc tham chiếu ngoài): %(error)s")
                                     % {"error": exc},
                                     row=1, unit="line")]) from None
    if root.tag != "quiz":
        raise ImportRefused([Problem(gettext("không phải tệp Moodle XML: phần tử gốc là <%(tag)s>, không phải <quiz>")
                                     % {"tag": root.tag},
                                     row=lines.get(root), unit="line")])
    questions: list[ParsedQuestion] = []
    problems: list[Problem] = []
    category, info, category_idnumber = default_category, "", ""
    for number, element in enumerate(root, start=1):
        line = lines.get(element)
        if element.tag != "question":
            problems.append(Problem(gettext("<%(tag)s> ở chỗ cần <question>") % {"tag": element.tag}, row=line,
                                    unit="line"))
            continue
        qtype = element.get("type", "")
        if qtype == "category":
            category = _category_path(_child_text(element.find("category"))) or default_category
            info = _child_text(element.find("info")).strip()
            category_idnumber = _flag(element, "idnumber", "")
            continue
        label = _child_text(element.find("name")).strip() or f"#{number}"
        if qtype not in _TYPES:
            problems.append(Problem(gettext('câu hỏi "%(label)s": không hỗ trợ loại "%(type)s"') % {"label": label, "type": qtype},
                                    row=line, unit="line"))
            continue
        try:
            parsed = _question(element, qtype, category, info)
        except _Refuse as refuse:
            problems.append(Problem(gettext('câu hỏi "%(label)s": %(problem)s') % {"label": label, "problem": refuse},
                                    row=line, unit="line"))
            continue
        if category_idnumber:  # told once, with the category's first question
            parsed.notes.append(gettext('mã idnumber "%(idnumber)s" của nhóm "%(category)s" không được giữ lại')
                                % {"idnumber": category_idnumber, "category": category})
            category_idnumber = ""
        parsed.line = line
        questions.append(parsed)
    if problems:
        raise ImportRefused(problems)
    if not questions:
        raise ImportRefused([Problem(gettext("tệp không có câu hỏi nào"), row=1, unit="line")])
    return questions


# ---- writer -------------------------------------------------------------------------------------

def _files_out(text: str) -> tuple[str, list[tuple[str, str]]]:
    files: dict[str, str] = {}

    def swap(match: re.Match) -> str:
        name = unquote(match.group(2))
        files.setdefault(name, match.group(3))
        return f"@@PLUGINFILE@@/{quote(name)}"

    return _DATA_URI.sub(swap, text), list(files.items())


def _text_block(indent: str, tag: str, text: str, fmt: str | None = None) -> list[str]:
    attr = f' format="{fmt}"' if fmt else ""
    body, files = _files_out(text)
    lines = [f"{indent}<{tag}{attr}>", f"{indent}  <text>{xml_escape(body)}</text>"]
    for name, payload in files:
        lines.append(f'{indent}  <file name="{xml_escape(name, {chr(34): "&quot;"})}" path="/" '
                     f'encoding="base64">{payload}</file>')
    lines.append(f"{indent}</{tag}>")
    return lines


def _answer_lines(a: ParsedAnswer, fmt: str, feedback_fmt: str, tolerance: bool = False) -> list[str]:
    body, files = _files_out(a.text)
    lines = [f'    <answer fraction="{percent_text(a.fraction)}" format="{fmt}">',
             f"      <text>{xml_escape(body)}</text>"]
    lines += [f'      <file name="{xml_escape(name, {chr(34): "&quot;"})}" path="/" encoding="base64">{payload}</file>'
              for name, payload in files]
    if tolerance:
        lines.append(f"      <tolerance>{number_text(a.tolerance or Decimal(0))}</tolerance>")
    lines += _text_block("      ", "feedback", a.feedback, feedback_fmt)
    lines.append("    </answer>")
    return lines


def _question_lines(q: ParsedQuestion) -> list[str]:
    fmt = _FORMAT_OUT[q.text_format]
    moodle_type = "cloze" if q.qtype == "multianswer" else q.qtype
    mark = q.mark if q.mark is not None else Decimal(1)
    lines = [f'  <question type="{moodle_type}">', "    <name>", f"      <text>{xml_escape(q.name)}</text>", "    </name>"]
    lines += _text_block("    ", "questiontext", q.text, fmt)
    lines += _text_block("    ", "generalfeedback", q.general_feedback, fmt)
    lines.append(f"    <defaultgrade>{mark:.7f}</defaultgrade>")
    if q.penalty is not None:
        lines.append(f"    <penalty>{Decimal(q.penalty):.7f}</penalty>")
    lines.append("    <hidden>0</hidden>")
    lines.append(f"    <idnumber>{xml_escape(q.idnumber)}</idnumber>")
    if q.qtype == "multichoice":
        lines += [f"    <single>{'false' if q.multiple else 'true'}</single>", "    <shuffleanswers>true</shuffleanswers>",
                  "    <answernumbering>abc</answernumbering>"]
        for a in q.answers:
            lines += _answer_lines(a, "html" if fmt == "html" else "plain_text", fmt)
    elif q.qtype == "truefalse":
        for a in q.answers:
            shown = ParsedAnswer("true" if a.text == TRUE_TEXT else "false", a.fraction, a.feedback)
            lines += _answer_lines(shown, "moodle_auto_format", fmt)
    elif q.qtype == "shortanswer":
        lines.append("    <usecase>0</usecase>")
        for a in q.answers:
            lines += _answer_lines(a, "plain_text", fmt)
    elif q.qtype == "numerical":
        for a in q.answers:
            lines += _answer_lines(a, "plain_text", fmt, tolerance=True)
    elif q.qtype == "matching":
        lines.append("    <shuffleanswers>true</shuffleanswers>")
        for a in q.answers:
            block = _text_block("    ", "subquestion", a.text, fmt)
            lines += block[:-1] + ["      <answer>", f"        <text>{xml_escape(a.match_text)}</text>", "      </answer>",
                                   block[-1]]
    elif q.qtype == "essay":
        lines += ["    <responseformat>editor</responseformat>", "    <responserequired>1</responserequired>",
                  "    <responsefieldlines>10</responsefieldlines>", "    <attachments>0</attachments>"]
    if q.tags:
        lines.append("    <tags>")
        lines += [f"      <tag><text>{xml_escape(t)}</text></tag>" for t in q.tags]
        lines.append("    </tags>")
    lines.append("  </question>")
    return lines


def write(questions: list[ParsedQuestion]) -> bytes:
    """Canonical Moodle XML: a category element whenever the category changes (`$course$/top/` + our
    path, its description as `info`), then each question with every field we store; UTF-8, LF."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    category = None
    for q in questions:
        if q.category != category:
            category = q.category
            out += ['  <question type="category">', "    <category>",
                    f"      <text>$course$/top/{xml_escape(category)}</text>", "    </category>"]
            if q.category_info:
                out += _text_block("    ", "info", q.category_info, "moodle_auto_format")
            out.append("  </question>")
        out += _question_lines(q)
    out.append("</quiz>")
    return ("\n".join(out) + "\n").encode("utf-8")
