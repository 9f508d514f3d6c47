"""Checking an evidence pack as the province would (docs/contract.md, "Signatures and verification"):
the ZIP's `manifest.json` lists every other file with its SHA-256 and size; `manifest.json.p7s`, when
present, is a detached CMS signature of the manifest; every PDF the manifest marks `"pades": true`
carries a PAdES signature over the whole file. Offline: nothing is fetched.

The first failure is reported with the path of the file it concerns, in this order: the manifest
itself (readable, signature), then each listed file in manifest order (readable, size, checksum,
PDF signature), then any file in the ZIP the manifest does not list.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from core.signing import load_trust_roots, verify_detached, verify_pdf

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.p7s"


@dataclass(frozen=True)
class PackCheck:
    ok: bool
    files: int = 0  # files the manifest lists (every file but the manifest and its signature)
    signer: str = ""  # subject common name of the manifest's signer; "" when unsigned
    path: str = ""  # on failure: the file that failed
    reason: str = ""

    @property
    def line(self) -> str:
        if not self.ok:
            return f"FAIL: {self.path}: {self.reason}"
        return f"OK: {self.files} files, " + (f"signed by {self.signer}" if self.signer else "unsigned")


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    """The entry's bytes; a damaged entry (bad CRC, bad deflate stream, mismatched header) raises
    ValueError with the reason."""
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as exc:
        raise ValueError(f"unreadable in the ZIP ({exc})") from exc
    except Exception as exc:  # zlib.error and friends
        raise ValueError(f"unreadable in the ZIP ({type(exc).__name__}: {exc})") from exc


def evidence_verify(*, path: Path | str, trust_pem: bytes | None = None) -> PackCheck:
    trust = load_trust_roots(trust_pem) if trust_pem else None
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return PackCheck(False, path=str(path), reason=f"not a readable ZIP ({exc})")
    with archive:
        names = archive.namelist()
        if MANIFEST not in names:
            return PackCheck(False, path=MANIFEST, reason="missing")
        try:
            manifest_bytes = _read(archive, MANIFEST)
            manifest = json.loads(manifest_bytes)
            entries = manifest["files"]
            listed = [entry["path"] for entry in entries]
        except (ValueError, KeyError, TypeError) as exc:
            return PackCheck(False, path=MANIFEST, reason=f"not a valid manifest ({exc})")
        signer = ""
        if SIGNATURE in names:
            try:
                signature = _read(archive, SIGNATURE)
            except ValueError as exc:
                return PackCheck(False, path=SIGNATURE, reason=str(exc))
            verdict = verify_detached(manifest_bytes, signature, trust=trust)
            if not verdict.ok:
                # A signature that does not match says the manifest was changed (or the signature was).
                return PackCheck(False, path=MANIFEST if "match" in verdict.reason else SIGNATURE,
                                 reason=verdict.reason)
            signer = verdict.signer
        elif trust is not None:
            return PackCheck(False, path=SIGNATURE, reason="missing: the pack is not signed")
        for entry in entries:
            failure = _check_entry(archive, names, entry, trust=trust)
            if failure:
                return PackCheck(False, path=entry["path"], reason=failure)
        extra = [name for name in names if name not in {MANIFEST, SIGNATURE, *listed} and not name.endswith("/")]
        if extra:
            return PackCheck(False, path=extra[0], reason="not listed in manifest.json")
        return PackCheck(True, files=len(entries), signer=signer)


def _check_entry(archive: zipfile.ZipFile, names: list[str], entry: dict, *, trust) -> str:
    """The reason `entry` fails, or ""."""
    name = entry.get("path", "")
    if name not in names:
        return "listed in manifest.json but missing from the ZIP"
    try:
        content = _read(archive, name)
    except ValueError as exc:
        return str(exc)
    if len(content) != entry.get("bytes"):
        return f"size {len(content)} bytes, manifest says {entry.get('bytes')}"
    if hashlib.sha256(content).hexdigest() != entry.get("sha256"):
        return "checksum mismatch (SHA-256 differs from manifest.json)"
    if entry.get("pades"):
        verdict = verify_pdf(content, trust=trust)
        if not verdict.ok:
            return f"PDF signature: {verdict.reason}"
    return ""
