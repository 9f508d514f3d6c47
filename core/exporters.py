"""Exporters and renderers as a small registry (pretix BaseExporter).

Every downloadable output — the compliance CSV/xlsx/PDF, sign-in sheets, quiz results, the
certificate register, the self-assessment sheet — is one small `Exporter` subclass with an
`identifier`, a `verbose_name`, the `scope` it renders (one campaign, one session, one quiz, an
agency's year, a province's campaign), its file `format`, the `family` of outputs it belongs to (one output in several
formats) and `render(**kwargs) -> Rendered`. Register with the `@register` decorator; look up with
`get(identifier)`. Screens and commands never list exporters by hand: a download menu is
`menu(scope)`, a command's `--format` choices are `family(name)`. The evidence pack loops over them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, ClassVar

import pandas as pd
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Exports are official documents (Nghị định 30/2020): their fixed text — including labels that the
# UI translates, such as statuses and staff categories — is Vietnamese whatever the reader's language.
DOCUMENT_LANGUAGE = "vi"


class Scope(models.TextChoices):
    CAMPAIGN = "campaign", _("Kế hoạch học tập")
    SESSION = "session", _("Hội nghị học tập")
    QUIZ = "quiz", _("Bài kiểm tra")
    AGENCY_YEAR = "agency_year", _("Cơ quan theo năm")
    PROVINCE = "province", _("Tỉnh (tổng hợp các cơ quan)")


@dataclass(frozen=True)
class Rendered:
    """One rendered file: its bytes, or `chunks` yielding them for an output too big to hold whole
    (the compliance CSV of 100,000 staff is 220 MB). Writers take `iter_chunks()` or `write_to()`,
    so both kinds stream; `content` joins the chunks (a whole copy in memory: small files only)."""

    filename: str
    mimetype: str
    body: bytes = b""
    chunks: Callable[[], Iterable[bytes]] | None = field(default=None, compare=False)

    def __init__(self, filename: str, mimetype: str, content: bytes = b"", *,
                 chunks: Callable[[], Iterable[bytes]] | None = None) -> None:
        object.__setattr__(self, "filename", filename)
        object.__setattr__(self, "mimetype", mimetype)
        object.__setattr__(self, "body", content)
        object.__setattr__(self, "chunks", chunks)

    @property
    def streamed(self) -> bool:
        return self.chunks is not None

    @property
    def content(self) -> bytes:
        return self.body if self.chunks is None else b"".join(self.chunks())

    def iter_chunks(self) -> Iterator[bytes]:
        if self.chunks is None:
            yield self.body
        else:
            yield from self.chunks()

    def write_to(self, handle: BinaryIO) -> int:
        """Write every chunk to `handle`; the number of bytes written."""
        size = 0
        for chunk in self.iter_chunks():
            handle.write(chunk)
            size += len(chunk)
        return size


class Exporter:
    identifier: ClassVar[str]
    verbose_name: ClassVar[str]
    scope: ClassVar[str]  # a Scope: what `render` takes (campaign=…, session=…, quiz=…, agency=… year=…)
    format: ClassVar[str]  # the file's extension: csv, xlsx, pdf, docx, zip
    family: ClassVar[str] = ""  # one output in several formats shares a family (default: the identifier)
    menu: ClassVar[int | None] = None  # position in its scope's download menu; None = not offered there
    hr_only: ClassVar[bool] = False  # whole-agency output: HR only, never a unit head's scoped download

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "render" in cls.__dict__:
            cls.render = _in_document_language(cls.__dict__["render"])

    def render(self, **kwargs: Any) -> Rendered:
        raise NotImplementedError


def _in_document_language(render):
    @functools.wraps(render)
    def wrapper(self, *args: Any, **kwargs: Any) -> Rendered:
        with translation.override(DOCUMENT_LANGUAGE):
            return render(self, *args, **kwargs)

    return wrapper


_registry: dict[str, type[Exporter]] = {}


def register(cls: type[Exporter]) -> type[Exporter]:
    if cls.identifier in _registry and _registry[cls.identifier] is not cls:
        raise ValueError(f"exporter {cls.identifier!r} registered twice")
    if cls.scope not in Scope.values:
        raise ValueError(f"exporter {cls.identifier!r}: unknown scope {cls.scope!r}")
    _registry[cls.identifier] = cls
    return cls


def get(identifier: str) -> Exporter:
    return _registry[identifier]()


def all_exporters() -> dict[str, type[Exporter]]:
    return dict(_registry)


def family_of(cls: type[Exporter]) -> str:
    return cls.family or cls.identifier


def menu(scope: str) -> list[type[Exporter]]:
    """The exporters a screen of `scope` offers for download, in menu order."""
    return sorted((cls for cls in _registry.values() if cls.scope == scope and cls.menu is not None),
                  key=lambda cls: (cls.menu, cls.identifier))


def family(name: str) -> dict[str, type[Exporter]]:
    """format → exporter of one output (a command's `--format` choices)."""
    return {cls.format: cls for cls in _registry.values() if family_of(cls) == name}


def autodiscover() -> None:
    """Import every app's `exporters` module and, where it is a package (like this one), each of
    its submodules, so that their `@register` decorators run. Called from CoreConfig.ready()."""
    import importlib
    import pkgutil

    from django.apps import apps
    from django.utils.module_loading import module_has_submodule

    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "exporters"):
            continue
        name = f"{config.name}.exporters"
        package = importlib.import_module(name)
        for info in pkgutil.iter_modules(getattr(package, "__path__", [])):
            importlib.import_module(f"{name}.{info.name}")


CSV_INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection in exported text (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(CSV_INJECTION_PREFIXES):
        return "'" + value
    return value


# Identifiers (employee codes, directive numbers) are kept verbatim unless they could start a
# formula: "=", "@", a tab or CR, or "+"/"-" followed by anything but a plain code ("-001" stays).
_PLAIN_SIGNED_CODE = re.compile(r"[+-][\w./-]*")


def neutralise_code(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(("+", "-")) and _PLAIN_SIGNED_CODE.fullmatch(value):
        return value
    return safe_cell(value)


def neutralise_text(series: pd.Series) -> pd.Series:
    """safe_cell over a column, computed once per distinct value (names repeat per requirement)."""
    series = series.astype(object)
    return series.map({value: safe_cell(value) for value in series.unique()})


def neutralise_codes(series: pd.Series) -> pd.Series:
    """neutralise_code over a column, computed once per distinct value."""
    series = series.astype(object)
    return series.map({value: neutralise_code(value) for value in series.unique()})
