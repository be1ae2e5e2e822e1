"""Files a coach might choose, made on the spot: photos with EXIF, scans, PDFs, and the
hostile ones (a renamed text file, a decompression bomb, a PDF cut short)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

# EXIF tags: Orientation, and the pointer to the GPS block.
ORIENTATION = 0x0112
GPS_INFO = 0x8825


def photo_bytes(
    size: tuple[int, int] = (64, 32),
    *,
    orientation: int | None = None,
    gps: bool = False,
    kind: str = "JPEG",
    color: str = "#2563eb",
) -> bytes:
    """A photo: a blue image with a red left half, so a rotation shows in its pixels."""
    image = Image.new("RGB", size, color)
    image.paste("#dc2626", (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if gps:
        # Somewhere in Jakarta: latitude 6°12' S, longitude 106°49' E.
        exif.get_ifd(GPS_INFO).update({1: "S", 2: (6.0, 12.0, 0.0), 3: "E", 4: (106.0, 49.0, 0.0)})
    out = io.BytesIO()
    if len(exif):
        image.save(out, kind, exif=exif.tobytes())
    else:
        image.save(out, kind)
    return out.getvalue()


def pdf_bytes(pages: int = 1, padding: int = 0) -> bytes:
    """A small, valid PDF of `pages` empty pages (with `padding` bytes of comment to make
    it as large as a test needs)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{3 + i} 0 R".encode() for i in range(pages))
        + b"] /Count "
        + str(pages).encode()
        + b" >>",
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" for _ in range(pages)],
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    out.write(b"%" + b"x" * padding + b"\n")
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


def png_bomb() -> bytes:
    """A PNG of a few kilobytes that unpacks to 64 megapixels."""
    out = io.BytesIO()
    Image.new("1", (8000, 8000)).save(out, "PNG", optimize=True)
    return out.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    """`data` saved as `folder/name`."""
    path = folder / name
    path.write_bytes(data)
    return path


class ChoosingWindow:
    """The window as the bridge sees it, its dialogs answered with the paths a test gives."""

    def __init__(self, *answers: Path | None) -> None:
        self.answers = list(answers)
        self.asked: list[dict[str, object]] = []
        self.opened: list[Path] = []

    def ask_open_path(self, **shown: object) -> Path | None:
        """The next answer, as the coach would pick it."""
        self.asked.append({"kind": "open", **shown})
        return self.answers.pop(0)

    def ask_save_path(self, **shown: object) -> Path | None:
        """The next answer, as the coach would pick it."""
        self.asked.append({"kind": "save", **shown})
        return self.answers.pop(0)

    def open_file(self, path: Path) -> None:
        """Recorded: the system's viewer would show it."""
        self.opened.append(path)
