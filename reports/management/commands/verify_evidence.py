"""verify_evidence FILE.zip [--trust CERT.pem] (docs/contract.md, "Signatures and verification"):
exit 0 and `OK: N files, signed by <CN>` (or `unsigned`), or exit 1 and `FAIL: <path>: <reason>`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.services.evidence_verify import evidence_verify


class Command(BaseCommand):
    help = "Check an evidence pack: every checksum, the manifest's signature and every PDF signature (offline)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the evidence pack (ZIP)")
        parser.add_argument("--trust", help="PEM file of the certificate(s) to trust as root (the CA)")

    def handle(self, *args, **opts):
        trust = None
        if opts["trust"]:
            try:
                trust = Path(opts["trust"]).read_bytes()
            except OSError as exc:
                raise CommandError(f"{opts['trust']}: {exc.strerror}") from exc
        # pyHanko logs every failed check with a traceback; the one line below says what failed.
        for name in ("pyhanko", "pyhanko_certvalidator"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        result = evidence_verify(path=opts["file"], trust_pem=trust)
        if not result.ok:
            self.stdout.write(result.line)
            sys.exit(1)
        self.stdout.write(result.line)
