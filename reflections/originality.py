"""The originality signal: near-duplicates between reflections of one campaign, by MinHash.

A text becomes the set of its word 5-shingles (diacritics folded, so that a copy retyped without
accents still matches); the Jaccard similarity of two sets — shared shingles / all shingles — is
estimated by MinHash: NUM_PERM hash functions h_i(x) = (a_i·x + b_i) mod (2^61 − 1) over a 64-bit
BLAKE2 hash of each shingle, and the signature keeps each function's minimum. The share of equal
positions of two signatures estimates their Jaccard similarity (standard error ≈ 1/√NUM_PERM ≈ 0.09),
so a signature is computed once, on submission, and comparing a reflection with a whole campaign
reads only signatures. Pure Python: no dependency; a 1,500-word text signs in a few tens of ms.
"""

from __future__ import annotations

import hashlib
import random
import re
import zipfile
from collections.abc import Sequence
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from core.text import fold

SHINGLE_WORDS = 5
NUM_PERM = 128
PRIME = (1 << 61) - 1
MAX_HASH = (1 << 64) - 1
# Shown to the grader from this estimated similarity up: independent texts on one directive share
# phrases (its title, its number) but stay far below; a copy with a few words changed stays far above.
SIMILAR_AT = 0.4

_rng = random.Random(20241019)  # fixed: signatures stored today must compare with tomorrow's
_PERMUTATIONS = [(_rng.randrange(1, PRIME), _rng.randrange(0, PRIME)) for _ in range(NUM_PERM)]
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text or ""))


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of `size`-word runs of the text (a shorter text is one shingle; an empty one none)."""
    tokens = words(text)
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def _hash64(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def signature(text: str) -> list[int]:
    """The MinHash signature of the text ([] for a text without words)."""
    hashes = [_hash64(s) for s in shingles(text)]
    if not hashes:
        return []
    return [min((a * x + b) % PRIME for x in hashes) for a, b in _PERMUTATIONS]


def estimate(first: Sequence[int], second: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two texts (0.0 when either has no signature)."""
    if not first or not second or len(first) != len(second):
        return 0.0
    return sum(1 for x, y in zip(first, second, strict=True) if x == y) / len(first)


def jaccard(first: str, second: str) -> float:
    """The exact Jaccard similarity of two texts' shingles (for tests and spot checks)."""
    a, b = shingles(first), shingles(second)
    return len(a & b) / len(a | b) if a and b else 0.0


# --- the words of an uploaded document ------------------------------------------------------------

_XML_TEXT_PARTS = {"docx": "word/document.xml", "odt": "content.xml"}
MAX_XML_BYTES = 20 * 1024 * 1024  # a document's text part larger than this is not read (zip bombs)


def document_text(file, extension: str) -> str:
    """The text of an uploaded .docx or .odt (paragraphs on lines); "" for other types (a PDF or
    a scan is compared only by what the learner typed)."""
    part = _XML_TEXT_PARTS.get(extension.lower().lstrip("."))
    if part is None:
        return ""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo(part)
            if info.file_size > MAX_XML_BYTES:
                return ""
            root = ElementTree.fromstring(archive.read(info))
    except (KeyError, zipfile.BadZipFile, ParseError, DefusedXmlException, OSError, ValueError):
        return ""
    finally:
        file.seek(0)
    return " ".join(t.strip() for t in root.itertext() if t.strip())
