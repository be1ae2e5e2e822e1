"""Photos and documents chosen by the coach: what is refused, what is kept, and how it comes
back (in pieces, as thumbnails, as a verified copy), through the bridge as the page calls it."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sqlite3
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image

from judo_manager.bridge.media import MediaApi
from judo_manager.db import Database
from judo_manager.errors import ConflictError, MediaCopyError, MediaRefusedError
from judo_manager.media.checks import MAX_FILE_BYTES
from judo_manager.media.service import CHUNK_BYTES, MediaService
from tests.conftest import mounted_tmpfs
from tests.media_files import (
    GPS_INFO,
    ChoosingWindow,
    pdf_bytes,
    photo_bytes,
    png_bomb,
    write,
)


@pytest.fixture
def media(db: Database) -> MediaService:
    return MediaService(db)


def _choose(media: MediaService, path: Path, purpose: str = "document") -> dict[str, object]:
    answer = MediaApi(media, ChoosingWindow(path)).chooseFile(purpose)  # type: ignore[arg-type]
    assert answer is not None
    return answer


def _refusal(media: MediaService, path: Path, purpose: str = "document") -> str:
    with pytest.raises(MediaRefusedError) as refused:
        media.check_file(path, purpose)  # type: ignore[arg-type]
    return str(refused.value)


def _stored(db: Database) -> int:
    return db.connection().execute("SELECT count(*) FROM media").fetchone()[0]


def _store(db: Database, media: MediaService, path: Path, purpose: str = "document") -> int:
    checked = media.check_file(path, purpose)  # type: ignore[arg-type]
    with db.write() as conn:
        return media.store(conn, checked)


def test_each_refused_kind_of_file_says_why_and_nothing_is_kept(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    text = write(tmp_path, "medical.jpg", b"Dear coach, the certificate follows by post.\n")
    empty = write(tmp_path, "licence.pdf", b"")
    big = write(tmp_path, "scan.pdf", pdf_bytes(padding=MAX_FILE_BYTES))
    bomb = write(tmp_path, "tiny.png", png_bomb())
    cut = write(tmp_path, "certificate.pdf", pdf_bytes()[:-20])
    broken = write(tmp_path, "photo.jpg", photo_bytes((400, 300))[:300])

    assert "medical.jpg isn't a photo or a PDF" in _refusal(media, text)
    assert "licence.pdf is empty" in _refusal(media, empty)
    assert "bigger than 25 MB" in _refusal(media, big)
    assert "8,000 by 8,000 pixels, more than the 50 megapixels" in _refusal(media, bomb, "photo")
    assert "incomplete PDF" in _refusal(media, cut)
    assert "damaged or incomplete" in _refusal(media, broken, "photo")
    assert "is a folder" in _refusal(media, tmp_path)
    assert _stored(db) == 0


def test_a_pdf_named_as_a_photo_is_kept_as_a_pdf_but_never_as_a_photo(
    media: MediaService, tmp_path: Path
) -> None:
    disguised = write(tmp_path, "licence.jpg", pdf_bytes())

    assert _choose(media, disguised)["mediaType"] == "application/pdf"
    assert "is a PDF. A photo or logo must be an image" in _refusal(media, disguised, "photo")


def test_a_photo_is_kept_upright_without_its_exif_and_with_a_thumbnail(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    # Taken with the phone turned: 64 x 32 as stored, "rotate 90° clockwise" in its EXIF,
    # with where it was taken.
    chosen = write(tmp_path, "IMG_0042.jpg", photo_bytes((64, 32), orientation=6, gps=True))
    with Image.open(chosen) as original:
        assert original.getexif().get_ifd(GPS_INFO)

    media_id = _store(db, media, chosen, "photo")
    data = db.connection().execute("SELECT data FROM media_data").fetchone()[0]
    kept = Image.open(io.BytesIO(data))

    assert kept.size == (32, 64)
    # The red half was on the left; turned clockwise, it is on top.
    assert kept.convert("RGB").getpixel((16, 8))[0] > 200
    assert kept.convert("RGB").getpixel((16, 56))[2] > 200
    assert not kept.getexif()
    assert b"Exif" not in data
    (thumbnail,) = media.thumbnails([media_id])
    with Image.open(io.BytesIO(base64.b64decode(thumbnail.url.split(",", 1)[1]))) as small:
        assert small.format == "JPEG" and small.size == (32, 64)


def test_a_16_bit_grey_scan_gets_a_grey_thumbnail_not_a_white_one(
    media: MediaService, tmp_path: Path
) -> None:
    scan = Image.new("I;16", (64, 64), 32768)  # half way up 16 bits: a mid grey
    out = io.BytesIO()
    scan.save(out, "PNG")

    checked = media.check_file(write(tmp_path, "scan.png", out.getvalue()), "document")

    assert checked.thumbnail is not None
    with Image.open(io.BytesIO(checked.thumbnail)) as thumbnail:
        grey = thumbnail.convert("L").getextrema()
    assert 120 <= grey[0] <= grey[1] <= 136


def test_a_cmyk_photo_kept_as_rgb_drops_its_cmyk_colour_profile(
    media: MediaService, tmp_path: Path
) -> None:
    # A print shop's CMYK JPEG: kept in RGB, its CMYK profile would tell every viewer to
    # read the RGB values as ink amounts.
    cmyk_profile = bytes(36) + b"CMYK" + bytes(88)
    out = io.BytesIO()
    Image.new("CMYK", (64, 64), (0, 100, 255, 0)).save(out, "JPEG", icc_profile=cmyk_profile)

    checked = media.check_file(write(tmp_path, "flyer.jpg", out.getvalue()), "photo")

    with Image.open(io.BytesIO(checked.data)) as kept:
        assert (kept.mode, kept.info.get("icc_profile")) == ("RGB", None)


def test_a_phone_photo_with_transparency_keeps_its_colour_profile_as_a_jpeg(
    media: MediaService, tmp_path: Path
) -> None:
    # An iPhone's HEIC with an alpha channel becomes an RGB JPEG: its RGB profile (Display
    # P3) still describes its colours, and without it they show washed out.
    photo = Image.new("RGBA", (40, 20), (10, 200, 30, 255))
    photo.info["icc_profile"] = rgb_profile = bytes(16) + b"RGB " + bytes(108)
    out = io.BytesIO()
    pillow_heif.from_pillow(photo).save(out, quality=90)

    checked = media.check_file(write(tmp_path, "IMG_0008.HEIC", out.getvalue()), "photo")

    with Image.open(io.BytesIO(checked.data)) as kept:
        assert (kept.mode, kept.info.get("icc_profile")) == ("RGB", rgb_profile)


def test_a_phone_heic_photo_is_kept_as_a_jpeg_the_window_can_show(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    heif = pillow_heif.from_pillow(Image.open(io.BytesIO(photo_bytes((80, 40)))))
    out = io.BytesIO()
    heif.save(out, quality=90)
    chosen = write(tmp_path, "IMG_0007.HEIC", out.getvalue())

    pending = _choose(media, chosen, "photo")

    assert (pending["mediaType"], pending["fileName"]) == ("image/jpeg", "IMG_0007.jpg")
    assert str(pending["thumbnail"]).startswith("data:image/jpeg;base64,")


def test_a_large_document_crosses_the_bridge_in_pieces_that_make_the_whole(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    original = pdf_bytes(padding=int(2.5 * CHUNK_BYTES))
    media_id = _store(db, media, write(tmp_path, "scan.pdf", original))
    api = MediaApi(media, ChoosingWindow())

    pieces, offset = [], 0
    while offset is not None:
        chunk = api.read(media_id, offset)
        pieces.append(chunk)
        offset = chunk["nextOffset"]

    assert len(pieces) == 3
    assert {p["sha256"] for p in pieces} == {hashlib.sha256(original).hexdigest()}
    assert b"".join(base64.b64decode(p["data"]) for p in pieces) == original


def test_thumbnails_come_for_images_only(db: Database, media: MediaService, tmp_path: Path) -> None:
    photo = _store(db, media, write(tmp_path, "a.png", photo_bytes(kind="PNG")), "photo")
    document = _store(db, media, write(tmp_path, "b.pdf", pdf_bytes()))

    found = MediaApi(media, ChoosingWindow()).thumbnails([photo, document, 999, "x"])  # type: ignore[list-item]

    assert [t["mediaId"] for t in found] == [photo]


def test_a_held_file_is_taken_once_and_only_for_what_it_was_chosen_for(
    media: MediaService, tmp_path: Path
) -> None:
    token = _choose(media, write(tmp_path, "licence.pdf", pdf_bytes()))["token"]

    with pytest.raises(ConflictError):
        media.take(token, "photo")
    assert media.take(token, "document").media_type == "application/pdf"
    with pytest.raises(ConflictError, match="no longer at hand"):
        media.take(token, "document")


def test_a_saved_copy_is_the_stored_file_byte_for_byte(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    original = pdf_bytes(pages=3)
    media_id = _store(db, media, write(tmp_path, "birth certificate.pdf", original))
    out = tmp_path / "out"
    out.mkdir()
    window = ChoosingWindow(out / "birth certificate.pdf")

    saved = MediaApi(media, window).saveCopy(media_id)

    assert saved is not None and saved["bytes"] == len(original)
    assert (out / "birth certificate.pdf").read_bytes() == original
    assert os.listdir(out) == ["birth certificate.pdf"]  # no partial file left behind
    assert window.asked[0]["filename"] == "birth certificate.pdf"


def test_a_copy_to_a_read_only_folder_says_so_and_leaves_nothing(
    db: Database, media: MediaService, tmp_path: Path, read_only_dir: Path
) -> None:
    media_id = _store(db, media, write(tmp_path, "id.pdf", pdf_bytes()))

    with pytest.raises(MediaCopyError, match="could not be saved to"):
        media.save_copy(media_id, read_only_dir / "id.pdf")
    assert os.listdir(read_only_dir) == []


def test_a_copy_to_a_full_disk_says_so_and_leaves_nothing(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    media_id = _store(db, media, write(tmp_path, "scan.pdf", pdf_bytes(padding=3_000_000)))
    full = tmp_path / "full"
    full.mkdir()
    with mounted_tmpfs(full, "size=1m"):
        with pytest.raises(MediaCopyError, match="the disk is full"):
            media.save_copy(media_id, full / "scan.pdf")
        assert os.listdir(full) == []


def test_a_stored_file_damaged_inside_the_database_is_not_copied_out(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    media_id = _store(db, media, write(tmp_path, "id.pdf", pdf_bytes()))
    # Another program changed the bytes without the recorded digest.
    other = sqlite3.connect(db.path)
    other.execute("UPDATE media_data SET data = CAST('%PDF-1.4 forged %%EOF' AS BLOB)")
    other.commit()
    other.close()

    with pytest.raises(MediaCopyError, match=r"stored copy of id\.pdf is damaged"):
        media.save_copy(media_id, tmp_path / "copy.pdf")
    assert not (tmp_path / "copy.pdf").exists()


def test_a_pdf_named_as_a_program_is_kept_opened_and_saved_as_a_pdf(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    # The system opens a file by its name's suffix: "scan.pdf.bat" would run, not show.
    media_id = _store(db, media, write(tmp_path, "scan.pdf.bat", pdf_bytes()))
    assert media.info(media_id).file_name == "scan.pdf.pdf"
    # A name from another club's backup, which no check of this app kept.
    with db.write() as conn:
        conn.execute("UPDATE media SET file_name = 'licence.hta' WHERE id = ?", (media_id,))
    window = ChoosingWindow(None)  # the save dialog cancelled, once it showed its name
    api = MediaApi(media, window)

    api.openExternally(media_id)
    api.saveCopy(media_id)

    (opened,) = window.opened
    assert opened.name == f"{media_id}-licence.pdf"
    assert [asked["filename"] for asked in window.asked] == ["licence.pdf"]


def test_a_pdf_opens_in_the_system_viewer_from_a_copy_in_the_data_folder(
    db: Database, media: MediaService, tmp_path: Path
) -> None:
    original = pdf_bytes()
    media_id = _store(db, media, write(tmp_path, "licence.pdf", original))
    # A name from another club's backup, made to climb out of the folder.
    with db.write() as conn:
        conn.execute("UPDATE media SET file_name = '../../etc/licence?.pdf'")
    window = ChoosingWindow()

    MediaApi(media, window).openExternally(media_id)

    (opened,) = window.opened
    assert opened.parent == db.folder.viewing
    assert opened.name == f"{media_id}-_.._etc_licence_.pdf"  # one plain name inside it
    assert opened.read_bytes() == original
