"""The PDF check of an evidence upload: no active content, not encrypted, and checkable
within a fixed budget of memory, decoded bytes, objects and time.

Two passes, both bounded:

1. The raw bytes are searched for the forbidden names with one compiled regular expression
   (the search runs in C; only names with ``#xx`` escapes are decoded in Python, and their
   number is capped).
2. pypdf (a maintained parser) reads the cross-reference table and every object it lists.
   Each stream that can hold PDF syntax is decoded through all of its filters (Flate, LZW,
   ASCIIHex, ASCII85, RunLength, and chains of them, with their predictors) under pypdf's
   per-stream output limits, and the decoded bytes are searched like the raw ones. Object
   streams are always decoded; image streams are not (their pixels never hold PDF syntax,
   and decoding a scanned page would only spend the budget). Decoded data is not kept:
   memory stays near one stream's limit however many streams a file has.

Anything over budget, encrypted, or in a filter pypdf cannot decode is refused as
uncheckable; anything pypdf cannot parse at all is refused as broken. See docs/evidence.md.
"""

import io
import re
import time

from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.filters import decode_stream_data
from pypdf.generic import IndirectObject, StreamObject

ACTIVE = (
    "JavaScript",  # a JavaScript action (also behind /OpenAction and /AA) or the name tree
    "Launch",  # runs a program or opens a file
    "EmbeddedFile",
    "EmbeddedFiles",
    "FileAttachment",
    "RichMedia",  # Flash / 3D / video with scripting
)
ENCRYPT = "Encrypt"

# Budgets. The file itself is at most EVIDENCE_MAX_BYTES (10 MB by default).
INFLATE_BUDGET = 128 * 1024 * 1024  # decoded bytes per file, all streams together
STREAM_BUDGET = 32 * 1024 * 1024  # decoded bytes of one stream: the peak memory of the check
OBJECT_BUDGET = 200_000  # objects read per file
NAME_BUDGET = 100_000  # names looked at in Python per file: #xx escapes, /JS without a value
TIME_BUDGET = 10.0  # seconds per file, checked between objects
# pypdf's settings that cap what one decoder may output: each gets the stream budget.
DECODER_OUTPUT_LIMITS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "array_based_stream_maximum_output_length",
    "brotli_maximum_output_length",
    "jbig2_maximum_output_length",
    "image_maximum_buffer_size",
)

_DELIM = rb"\x00\t\n\x0c\r ()<>\[\]{}/%"
_WS = rb"[\x00\t\n\x0c\r ]"
# /JS counts when a value follows: a string, a hex string or an indirect reference.
# Possessive quantifiers and a bounded comment keep each look linear and short.
_JS_VALUE_AT = re.compile(
    rb"(?:" + _WS + rb"++|%[^\r\n]{0,255}+[\r\n])*+(?:[(<]|\d++" + _WS + rb"++\d++" + _WS + rb"++R)"
)
_NAMES = re.compile(
    rb"/(?:("
    + "|".join(sorted(ACTIVE, key=len, reverse=True)).encode()
    + rb"|"
    + ENCRYPT.encode()
    + rb")(?![^"
    + _DELIM
    + rb"])"
    + rb"|(JS)(?![^"
    + _DELIM
    + rb"])"
    + rb"|([^"
    + _DELIM
    + rb"#]{0,126}#[0-9A-Fa-f]{2}[^"
    + _DELIM
    + rb"]{0,124}))"
)
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_IMAGE_FILTERS = {"/DCTDecode", "/DCT", "/JPXDecode", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode"}


class Refusal(Exception):
    """The PDF is refused; ``kind`` is "active" (with ``name``), "uncheckable" or "broken"."""

    def __init__(self, kind: str, name: str = ""):
        super().__init__(kind, name)
        self.kind = kind
        self.name = name


class _Budget:
    def __init__(self, inflate_budget: int) -> None:
        self.inflated = inflate_budget
        self.objects = OBJECT_BUDGET
        self.names = NAME_BUDGET
        self.deadline = time.monotonic() + TIME_BUDGET

    def tick(self) -> None:
        self.objects -= 1
        if self.objects < 0 or time.monotonic() > self.deadline:
            raise Refusal("uncheckable")


def check(data: bytes, inflate_budget: int = INFLATE_BUDGET) -> None:
    """Raise ``Refusal`` unless the PDF is clean and checkable within the budgets."""
    budget = _Budget(inflate_budget)
    _search(data, budget)
    per_stream = min(STREAM_BUDGET, inflate_budget)
    limits = dict.fromkeys(DECODER_OUTPUT_LIMITS, per_stream) | {
        "stream_decoding_work_maximum_length": 4 * per_stream,
        # pypdf retries a broken Flate stream byte by byte; keep that loop short.
        "zlib_maximum_recovery_input_length": 256 * 1024,
        "jbig2dec_binary": None,
    }
    with apply_configuration(**limits):
        try:
            _walk(data, budget)
        except Refusal:
            raise
        except LimitReachedError as exc:
            raise Refusal("uncheckable") from exc
        except NotImplementedError as exc:  # a filter pypdf does not decode
            raise Refusal("uncheckable") from exc
        except RecursionError as exc:
            raise Refusal("uncheckable") from exc
        except Exception as exc:  # a hostile file must end in a refusal, never a 500
            raise Refusal("broken") from exc


def _walk(data: bytes, budget: _Budget) -> None:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise Refusal("uncheckable")
    object_streams = {int(stream) for stream, _ in reader.xref_objStm.values()}
    seen: set[int] = set()
    for generation, numbers in list(reader.xref.items()):
        for number, offset in list(numbers.items()):
            if offset in seen:  # many entries pointing at one big object: parse it once
                continue
            seen.add(offset)
            budget.tick()
            obj = IndirectObject(number, generation, reader).get_object()
            if isinstance(obj, StreamObject) and _holds_syntax(obj, number in object_streams):
                _search(_decode(obj, budget), budget)


def _holds_syntax(stream: StreamObject, is_object_stream: bool) -> bool:
    """False for image data, which no reader parses as PDF syntax."""
    if is_object_stream or stream.get("/Type") == "/ObjStm":
        return True
    if stream.get("/Subtype") == "/Image":
        return False
    filters = stream.get("/Filter")  # none: an uncompressed stream
    filters = filters.get_object() if filters is not None else ()
    names = {str(filters)} if isinstance(filters, str) else {str(f) for f in filters}
    return not names & _IMAGE_FILTERS


def _decode(stream: StreamObject, budget: _Budget) -> bytes:
    # Without /Filter the stream is stored uncompressed: its bytes are the content.
    filtered = stream.get("/Filter") is not None
    decoded = decode_stream_data(stream) if filtered else stream.get_data()
    budget.inflated -= len(decoded)
    if budget.inflated < 0:
        raise Refusal("uncheckable")
    return decoded


def _search(chunk: bytes, budget: _Budget) -> None:
    for match in _NAMES.finditer(chunk):
        if match[1]:
            _refuse(match[1])
        budget.names -= 1  # a /JS without a value, or an escaped name: looked at in Python
        if budget.names < 0:
            raise Refusal("uncheckable")
        if match[2]:
            if _JS_VALUE_AT.match(chunk, match.end()):
                raise Refusal("active", "JS")
            continue
        name = _HEX.sub(lambda m: bytes([int(m[1], 16)]), match[3])
        if name.decode("latin-1") in (*ACTIVE, ENCRYPT):
            _refuse(name)
        if name == b"JS" and _JS_VALUE_AT.match(chunk, match.end()):
            raise Refusal("active", "JS")


def _refuse(name: bytes) -> None:
    text = name.decode("latin-1")
    if text == ENCRYPT:
        raise Refusal("uncheckable")
    raise Refusal("active", text)
