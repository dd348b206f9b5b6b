"""A valid PDF of a chosen size: a few pages of text plus one large uncompressed image.

The image is random grey pixels, so the file cannot be compressed away and every byte of it
reaches the server's upload path (hashing, content checks, storage); the text pages give the
worker something real to extract. Written by hand (a classic xref table), so building 20 MB
takes milliseconds and needs no library; ``pypdf`` reads it back in the benchmark's self-check.
"""

from __future__ import annotations

import os

_TEXT_PAGES = 3
_LINES = (
    "Vendor security overview for the payroll integration.",
    "The vendor hosts the service in the EU and encrypts data at rest with AES-256.",
    "Access to production is limited to named engineers with multi-factor authentication.",
    "Backups are taken daily and restored in a test every quarter.",
)


def _content(page: int) -> bytes:
    lines = [f"BT /F1 12 Tf 72 720 Td 16 TL ({_LINES[0]} Page {page + 1}.) Tj"]
    lines += [f"T* ({line}) Tj" for line in _LINES[1:]]
    lines.append("ET")
    if page == 0:
        lines.append("q 200 0 0 200 72 300 cm /Im1 Do Q")
    return "\n".join(lines).encode("ascii")


def big_pdf(size: int) -> bytes:
    """A PDF of about ``size`` bytes (within a few KB), at least a few KB whatever ``size`` says."""
    pages = [3 + 2 * i for i in range(_TEXT_PAGES)]  # page object numbers; contents follow each
    font, image = 3 + 2 * _TEXT_PAGES, 4 + 2 * _TEXT_PAGES
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % p for p in pages)
        + b"] /Count %d >>" % len(pages),
        font: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for i, number in enumerate(pages):
        resources = b"<< /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >>" % (font, image)
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
            + resources
            + b" /Contents %d 0 R >>" % (number + 1)
        )
        content = _content(i)
        objects[number + 1] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    width = 1024
    height = max(1, (size - 4096) // width)
    pixels = os.urandom(width * height)
    objects[image] = (
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n"
        % (width, height, len(pixels))
        + pixels
        + b"\nendstream"
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    count = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    return bytes(out)
