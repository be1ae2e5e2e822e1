"""Files a demo club's athletes come with: a portrait photo each, and their papers as PDFs.

Made on the spot, offline, the same for the same seed. A portrait is drawn, not taken: a
coloured backdrop, shoulders in a judogi, a neck, a head with hair, eyes and a mouth, each
varied per athlete, then a fine grain like a camera's sensor, so that at 1200x1600 it is as
large as a phone's portrait JPEG (300 to 600 KB) rather than a few kilobytes of flat colour.
A paper is a one-page PDF written by hand (a dozen objects, Helvetica, which every PDF
viewer has), so the demo needs no PDF library in the app.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

# A phone portrait's shape, and about its bytes once kept (the app re-encodes at quality 92).
PHOTO_SIZE = (1200, 1600)
_BACKDROPS = [
    ((52, 96, 160), (18, 40, 82)),
    ((120, 130, 140), (60, 66, 74)),
    ((170, 60, 60), (90, 24, 30)),
    ((40, 120, 100), (12, 58, 50)),
    ((200, 170, 110), (120, 92, 50)),
    ((90, 70, 140), (40, 28, 80)),
    ((230, 230, 225), (170, 170, 165)),
]
_SKIN = [(255, 224, 196), (241, 194, 150), (224, 172, 125), (198, 134, 86), (141, 85, 54)]
_HAIR = [(20, 18, 16), (60, 40, 25), (110, 72, 40), (200, 160, 90), (150, 60, 30), (90, 90, 90)]
_GI = [(246, 246, 242), (246, 246, 242), (28, 62, 150)]  # white, more often than blue
# Drawn at a quarter of the size, then enlarged.
_DRAWN_AT = 4
# How much grain: enough for a JPEG the size of a phone's portrait.
_GRAIN_MIX = 0.05


def portrait_jpeg(rng: random.Random, size: tuple[int, int] = PHOTO_SIZE) -> bytes:
    """A head-and-shoulders portrait as a JPEG, different for each draw of `rng`.

    Drawn at a quarter of `size` and enlarged, which softens its edges as a lens would, in a
    fraction of the time a blur takes; the grain is added at full size.
    """
    small = (size[0] // _DRAWN_AT, size[1] // _DRAWN_AT)
    image = _drawn(rng, small).resize(size, Image.Resampling.BILINEAR)
    grain = Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).convert("RGB")
    image = Image.blend(image, grain, _GRAIN_MIX)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def _drawn(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    width, height = size
    top, bottom = rng.choice(_BACKDROPS)
    image = Image.composite(
        Image.new("RGB", size, bottom),
        Image.new("RGB", size, top),
        Image.linear_gradient("L").resize(size),
    )
    draw = ImageDraw.Draw(image)
    skin = _jitter(rng, rng.choice(_SKIN), 10)
    hair = _jitter(rng, rng.choice(_HAIR), 12)
    gi = rng.choice(_GI)
    centre = width // 2 + rng.randint(-width // 14, width // 14)
    head_w = int(width * rng.uniform(0.30, 0.38))
    head_h = int(head_w * rng.uniform(1.22, 1.38))
    head_top = int(height * rng.uniform(0.16, 0.24))
    chin = head_top + head_h
    shoulders = int(width * rng.uniform(0.80, 0.98))
    # Shoulders and chest in a judogi, a lapel crossing from the neck.
    draw.ellipse(
        (centre - shoulders // 2, chin + head_h // 5, centre + shoulders // 2, height * 1.5),
        fill=gi,
    )
    lapel = tuple(max(0, c - 40) for c in gi)
    neck_w = head_w // 3
    draw.polygon(
        [
            (centre - neck_w, chin + head_h // 6),
            (centre + shoulders // 5, height),
            (centre + shoulders // 5 - width // 13, height),
            (centre - neck_w - width // 30, chin + head_h // 4),
        ],
        fill=lapel,
    )
    draw.rectangle(
        (centre - neck_w // 2, chin - head_h // 10, centre + neck_w // 2, chin + head_h // 4),
        fill=_shade(skin, 0.9),
    )
    # Hair behind the head, then the face, then hair over the forehead.
    hair_style = rng.randrange(3)
    if hair_style == 2:  # long hair, past the jaw
        draw.rounded_rectangle(
            (centre - head_w * 0.62, head_top - head_h * 0.08, centre + head_w * 0.62,
             chin + head_h * 0.1),
            radius=head_w // 2,
            fill=hair,
        )  # fmt: skip
    draw.ellipse((centre - head_w // 2, head_top, centre + head_w // 2, chin), fill=skin)
    for side in (-1, 1):  # ears
        ear = centre + side * head_w // 2
        draw.ellipse(
            (ear - head_w // 14, head_top + head_h * 0.42, ear + head_w // 14,
             head_top + head_h * 0.6),
            fill=_shade(skin, 0.92),
        )  # fmt: skip
    fringe = head_h * rng.uniform(0.22, 0.34)
    if hair_style == 1:  # short
        draw.chord(
            (centre - head_w * 0.53, head_top - head_h * 0.06, centre + head_w * 0.53,
             head_top + fringe * 2),
            180, 360, fill=hair,
        )  # fmt: skip
    else:
        draw.pieslice(
            (centre - head_w * 0.55, head_top - head_h * 0.1, centre + head_w * 0.55,
             head_top + fringe * 2.2),
            170, 370, fill=hair,
        )  # fmt: skip
    # Eyes, brows and a mouth.
    eye_y = head_top + head_h * rng.uniform(0.44, 0.50)
    eye_gap = head_w * rng.uniform(0.17, 0.22)
    eye = max(2, head_w // 18)
    line = max(1, eye // 2)
    for side in (-1, 1):
        x = centre + side * eye_gap
        draw.ellipse((x - eye * 1.6, eye_y - eye, x + eye * 1.6, eye_y + eye), fill="white")
        draw.ellipse((x - eye, eye_y - eye, x + eye, eye_y + eye), fill=(45, 32, 24))
        draw.line(
            (x - eye * 2, eye_y - eye * 2.6, x + eye * 2, eye_y - eye * 2.9),
            fill=_shade(hair, 0.8),
            width=line,
        )
    mouth_y = head_top + head_h * rng.uniform(0.74, 0.80)
    mouth_w = head_w * rng.uniform(0.14, 0.22)
    draw.arc(
        (centre - mouth_w, mouth_y - mouth_w * 0.5, centre + mouth_w, mouth_y + mouth_w * 0.4),
        15, 165, fill=(150, 70, 70), width=line,
    )  # fmt: skip
    return image


def paper_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF: `title` in bold, then `lines`, as a certificate or a card reads.

    Text is Latin-1 as the standard fonts' encoding has it (an em dash is kept; a letter
    outside it becomes "?").
    """
    text = ["BT", "/F2 20 Tf", "72 760 Td", f"({_pdf_text(title)}) Tj", "/F1 12 Tf", "0 -34 Td"]
    for line in lines:
        text += [f"({_pdf_text(line)}) Tj", "0 -20 Td"]
    text.append("ET")
    # A frame around the page, as a printed certificate has.
    stream = ("0.2 0.3 0.5 RG 3 w 40 40 515 762 re S\n" + "\n".join(text)).encode("latin-1")
    fonts = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        *fonts,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _pdf_text(text: str) -> str:
    """`text` as a PDF string's body in WinAnsi: the em dash as its byte, (, ) and \\ escaped."""
    encoded = text.encode("cp1252", errors="replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _jitter(rng: random.Random, color: tuple[int, int, int], spread: int) -> tuple[int, ...]:
    return tuple(max(0, min(255, c + rng.randint(-spread, spread))) for c in color)


def _shade(color: tuple[int, ...], factor: float) -> tuple[int, ...]:
    return tuple(int(c * factor) for c in color)
