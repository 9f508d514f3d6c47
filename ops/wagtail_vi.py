"""Vietnamese for the Wagtail admin: keep the per-app catalogues in step with the installed packages,
compile the runtime catalogue the project loads, and report what is left to translate.

    .venv/bin/python ops/wagtail_vi.py            # update + compile + report (exit 1 if anything is left)
    .venv/bin/python ops/wagtail_vi.py update     # new/changed msgids of the installed Wagtail/Django/taggit
    .venv/bin/python ops/wagtail_vi.py compile    # i18n/runtime/vi/LC_MESSAGES/{django,djangojs}.mo
    .venv/bin/python ops/wagtail_vi.py check      # report only; exit 1 on an untranslated, fuzzy or broken entry,
                                                  # a conflict between apps, or a stale .mo

Layout (docs/i18n.md, "Wagtail admin in Vietnamese"):
- i18n/upstream/<package path>/locale/vi/LC_MESSAGES/<domain>.po — one catalogue per app with exactly the
  msgids of the installed package's own (English) template catalogue, mirroring the package's tree, so a
  file can be copied into a Wagtail (or Django, django-taggit) checkout or uploaded to Transifex as it is.
  These are the files people edit.
- i18n/runtime/vi/LC_MESSAGES/{django,djangojs}.mo — all of them merged and compiled; LOCALE_PATHS lists
  i18n/runtime after the project's own locale/, so it wins over the packages' incomplete Vietnamese and
  leaves the project's catalogues alone. Compiled with polib, so no gettext tools are needed.

Only the standard library and polib (requirements-dev.txt); no database, no Django set-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "i18n" / "upstream"
RUNTIME = ROOT / "i18n" / "runtime" / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
PACKAGES = ("wagtail", "django", "taggit")
# Installed apps whose strings never reach a page of this project, with the reason.
NOT_SHOWN = {
    "django.contrib.admin": "Django's own admin is not routed (config/urls.py); the admin is Wagtail's",
}
PLURAL_FORMS = "nplurals=1; plural=0;"
TEAMS = {
    "wagtail": ("Wagtail", "Vietnamese (http://app.transifex.com/torchbox/wagtail/language/vi/)"),
    "django": ("django", "Vietnamese (http://app.transifex.com/django/django/language/vi/)"),
    "taggit": ("django-taggit", "Vietnamese"),
}
TRANSLATOR = "Học tập, quán triệt văn bản (Sở Công Thương Tây Ninh)"
# What a translation must carry over unchanged: %(name)s, %s, %%, {name}, and HTML tags with their attributes.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|%%|\{\w*\}|</?[a-zA-Z][^<>]*>")


@dataclass(frozen=True)
class Source:
    """One catalogue: a package's app (its locale/ folder) and a gettext domain."""

    package: str  # wagtail / django / taggit
    app_dir: Path  # the installed app's folder (Django core: django/conf)
    domain: str

    @property
    def label(self) -> str:
        return f"{self.relative}:{self.domain}"

    @property
    def relative(self) -> str:
        """The app's folder inside site-packages, e.g. wagtail/admin, django/contrib/auth, django/conf."""
        package_root = self.app_dir
        while package_root.name != self.package:
            package_root = package_root.parent
        return str(self.app_dir.relative_to(package_root.parent))

    @property
    def template(self) -> Path:
        return self.app_dir / "locale" / "en" / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def shipped(self) -> Path:
        return self.app_dir / "locale" / "vi" / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def ours(self) -> Path:
        return UPSTREAM / self.relative / "locale" / "vi" / "LC_MESSAGES" / f"{self.domain}.po"


def installed_apps() -> list[str]:
    """INSTALLED_APPS of the project's settings, read without setting Django up."""
    sys.path.insert(0, str(ROOT))
    try:
        from config.settings import base
    finally:
        sys.path.remove(str(ROOT))
    return list(base.INSTALLED_APPS)


def sources(apps: list[str] | None = None) -> list[Source]:
    """Every catalogue the admin can show: the installed apps of Wagtail, Django and taggit that ship an
    English template catalogue, plus Django's core (django/conf), in INSTALLED_APPS order."""
    found = []
    modules = [a for a in (apps if apps is not None else installed_apps()) if a.split(".")[0] in PACKAGES]
    modules = [m for m in modules if m not in NOT_SHOWN] + ["django.conf"]
    for module in modules:
        spec = importlib.util.find_spec(module)
        app_dir = Path(next(iter(spec.submodule_search_locations)))
        for domain in DOMAINS:
            source = Source(module.split(".")[0], app_dir, domain)
            if source.template.exists():
                found.append(source)
    return found


# --- update ------------------------------------------------------------------------------------


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _translated(entry: polib.POEntry | None) -> bool:
    return entry is not None and entry.translated() and "fuzzy" not in entry.flags


def _copy_translation(target: polib.POEntry, origin: polib.POEntry) -> None:
    if target.msgid_plural:
        if origin.msgid_plural:
            target.msgstr_plural = {0: origin.msgstr_plural.get(0, "")}
        else:
            target.msgstr_plural = {0: origin.msgstr}
    else:
        target.msgstr = origin.msgstr_plural.get(0, "") if origin.msgid_plural else origin.msgstr


def _header(source: Source, previous: polib.POFile | None, template: polib.POFile,
            shipped: polib.POFile | None) -> tuple[str, dict[str, str]]:
    project, team = TEAMS[source.package]
    translators = []
    for po in (shipped, previous):
        lines = (po.header if po else "").splitlines()
        start = next((i + 1 for i, line in enumerate(lines) if line.strip() == "Translators:"), len(lines))
        for line in lines[start:]:
            if line.strip() and line.strip() not in translators:
                translators.append(line.strip())
    if not any(line.startswith(TRANSLATOR) for line in translators):
        translators.append(f"{TRANSLATOR}, {dt.date.today().year}")
    header = "\n".join(
        [f"Vietnamese translation of {project} ({source.relative}, {source.domain}).",
         f"This file is distributed under the same license as the {project} package.", "",
         "Translators:", *translators]
    )
    metadata = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": template.metadata.get("POT-Creation-Date", ""),
        "PO-Revision-Date": (previous.metadata.get("PO-Revision-Date") if previous else "") or _now(),
        "Last-Translator": TRANSLATOR,
        "Language-Team": team,
        "Language": "vi",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    return header, metadata


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M+0000")


def update(source: Source) -> polib.POFile:
    """Rebuild one catalogue on the installed package's msgids. A translation comes from, in order: our
    catalogue (same msgid), the package's own Vietnamese, or — marked fuzzy, to be reviewed — our
    translation of the closest old msgid (a reworded string). Anything else stays empty."""
    template = polib.pofile(str(source.template))
    previous = polib.pofile(str(source.ours)) if source.ours.exists() else None
    shipped = polib.pofile(str(source.shipped)) if source.shipped.exists() else None
    ours = {_key(e): e for e in previous if not e.obsolete} if previous else {}
    theirs = {_key(e): e for e in shipped if not e.obsolete} if shipped else {}
    old_ids = [k[1] for k, e in ours.items() if _translated(e)]

    po = polib.POFile(wrapwidth=0)
    po.header, po.metadata = _header(source, previous, template, shipped)
    for origin in template:
        if origin.obsolete:
            continue
        entry = polib.POEntry(
            msgid=origin.msgid, msgid_plural=origin.msgid_plural, msgctxt=origin.msgctxt,
            comment=origin.comment, flags=[f for f in origin.flags if f != "fuzzy"],
        )
        if entry.msgid_plural:
            entry.msgstr_plural = {0: ""}
        mine, upstream = ours.get(_key(origin)), theirs.get(_key(origin))
        if mine is not None and (mine.msgstr or mine.msgstr_plural.get(0)):
            _copy_translation(entry, mine)
            if "fuzzy" in mine.flags:
                entry.flags.append("fuzzy")
                entry.previous_msgid = mine.previous_msgid
        elif _translated(upstream):
            _copy_translation(entry, upstream)
        else:
            close = difflib.get_close_matches(origin.msgid, old_ids, n=1, cutoff=0.8)
            if close:
                old = next(e for k, e in ours.items() if k[1] == close[0])
                _copy_translation(entry, old)
                entry.flags.append("fuzzy")
                entry.previous_msgid = old.msgid
        po.append(entry)

    if previous is None or _content(po) != _content(previous):
        po.metadata["PO-Revision-Date"] = _now()
    return po


def _content(po: polib.POFile) -> list[tuple]:
    return [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, tuple(sorted(e.msgstr_plural.items())),
             tuple(e.flags)) for e in po if not e.obsolete]


def save(po: polib.POFile, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))


# --- check -------------------------------------------------------------------------------------


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(po: polib.POFile) -> dict[str, list[str]]:
    """Untranslated, fuzzy and placeholder-losing entries of one catalogue (msgids)."""
    found = {"untranslated": [], "fuzzy": [], "placeholders": []}
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found["fuzzy"].append(entry.msgid)
        if entry.msgid_plural:
            texts = list(entry.msgstr_plural.values())
            if len(texts) != 1 or not texts[0]:
                found["untranslated"].append(entry.msgid)
                continue
            pairs = [(entry.msgid_plural, texts[0])]
        else:
            if not entry.msgstr:
                found["untranslated"].append(entry.msgid)
                continue
            pairs = [(entry.msgid, entry.msgstr)]
        if any(placeholders(src) != placeholders(text) for src, text in pairs):
            found["placeholders"].append(entry.msgid)
    return found


def header_problems(po: polib.POFile) -> list[str]:
    wrong = []
    if po.metadata_is_fuzzy:
        wrong.append("fuzzy header")
    for name, value in (("Language", "vi"), ("Plural-Forms", PLURAL_FORMS),
                        ("Content-Type", "text/plain; charset=UTF-8")):
        if po.metadata.get(name) != value:
            wrong.append(f"{name}: {po.metadata.get(name)!r}")
    return wrong


# --- compile -----------------------------------------------------------------------------------


def merged(domain: str, catalogues: dict[Source, polib.POFile]) -> tuple[dict, list[str]]:
    """The translated entries of every catalogue of a domain, keyed by (msgctxt, msgid), and the keys
    that two apps translate differently (one runtime catalogue holds one translation per msgid)."""
    entries: dict[tuple, tuple[Source, polib.POEntry]] = {}
    conflicts = []
    for source, po in catalogues.items():
        if source.domain != domain:
            continue
        for entry in po:
            if entry.obsolete or not _translated(entry):
                continue
            if _key(entry) in entries:
                other_source, other = entries[_key(entry)]
                if (other.msgstr, other.msgstr_plural) != (entry.msgstr, entry.msgstr_plural):
                    conflicts.append(f"{entry.msgid!r}: {other_source.label} {other.msgstr or other.msgstr_plural!r}"
                                     f" ≠ {source.label} {entry.msgstr or entry.msgstr_plural!r}")
                continue
            entries[_key(entry)] = (source, entry)
    return entries, conflicts


def runtime_catalogue(domain: str, catalogues: dict[Source, polib.POFile]) -> polib.POFile:
    entries, _ = merged(domain, catalogues)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Wagtail admin in Vietnamese (merged, i18n/upstream)",
        "Language": "vi",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    for key in sorted(entries, key=lambda k: (k[0] or "", k[1])):
        _, entry = entries[key]
        po.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural,
                                msgstr=entry.msgstr, msgstr_plural=dict(entry.msgstr_plural)))
    return po


def compiled_entries(path: Path) -> dict:
    """(msgctxt, msgid) → translation of a .mo, header excluded: what Django will look up."""
    return {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in polib.mofile(str(path)) if e.msgid}


def expected_entries(po: polib.POFile) -> dict:
    return {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in po}


def load_catalogues(found: list[Source]) -> dict[Source, polib.POFile]:
    return {s: polib.pofile(str(s.ours)) for s in found if s.ours.exists()}


# --- command line ------------------------------------------------------------------------------


def report(found: list[Source], catalogues: dict[Source, polib.POFile]) -> int:
    """Print one line per catalogue and every problem; the number of problems."""
    count = 0
    print(f"{'catalogue':48} {'msgids':>6} {'done':>6} {'todo':>5} {'fuzzy':>5}")
    for source in found:
        po = catalogues.get(source)
        if po is None:
            print(f"{source.label:48} missing: run `update`")
            count += 1
            continue
        found_problems = problems(po)
        todo, fuzzy = found_problems["untranslated"], found_problems["fuzzy"]
        done = len([e for e in po if not e.obsolete]) - len(todo) - len(set(fuzzy) - set(todo))
        print(f"{source.label:48} {len(po):6} {done:6} {len(todo):5} {len(fuzzy):5}")
        template_ids = {_key(e) for e in polib.pofile(str(source.template)) if not e.obsolete}
        if {_key(e) for e in po if not e.obsolete} != template_ids:
            print("   msgids differ from the installed package's catalogue: run `update`")
            count += 1
        for kind, msgids in found_problems.items():
            for msgid in msgids:
                print(f"   {kind}: {msgid!r}")
            count += len(msgids)
        for wrong in header_problems(po):
            print(f"   header: {wrong}")
            count += 1
    for domain in DOMAINS:
        _, conflicts = merged(domain, catalogues)
        for conflict in conflicts:
            print(f"   conflict ({domain}): {conflict}")
        count += len(conflicts)
        mo = RUNTIME / f"{domain}.mo"
        expected = expected_entries(runtime_catalogue(domain, catalogues))
        if not mo.exists() or compiled_entries(mo) != expected:
            print(f"   {mo.relative_to(ROOT)} is not compiled from i18n/upstream: run `compile`")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", nargs="?", default="all", choices=["all", "update", "compile", "check"])
    action = parser.parse_args(argv).action
    found = sources()
    if action in ("all", "update"):
        for source in found:
            save(update(source), source.ours)
    catalogues = load_catalogues(found)
    if action in ("all", "compile"):
        RUNTIME.mkdir(parents=True, exist_ok=True)
        for domain in DOMAINS:
            runtime_catalogue(domain, catalogues).save_as_mofile(str(RUNTIME / f"{domain}.mo"))
    return 1 if report(found, catalogues) else 0


if __name__ == "__main__":
    sys.exit(main())
