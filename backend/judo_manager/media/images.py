"""Photos made safe to keep and quick to show: upright, without EXIF, with a thumbnail.

Pillow decodes each image in full once, which proves it isn't cut short or damaged, then
writes it again: the orientation EXIF asks for is applied to the pixels, and nothing of the
EXIF (the phone's location, its serial number, the time) is carried into the copy kept. The
colour profile is, so the photo looks as it did.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from judo_manager.errors import MediaRefusedError
from judo_manager.i18n import _
from judo_manager.media.model import MediaType

# About 50 megapixels: more than any phone or scanner makes (a 600 dpi A4 scan is 35). An
# image that claims more is refused before its pixels are unpacked.
MAX_PIXELS = 50_000_000
# The thumbnail's longest side: sharp in the roster's avatar and the athlete's header on
# a high-density screen, about 10 KB.
THUMBNAIL_SIZE = 256
_FORMATS: dict[str, MediaType] = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # a JPEG with a second picture (some cameras): kept as plain JPEG
    "PNG": "image/png",
    "WEBP": "image/webp",
    "HEIF": "image/jpeg",  # browsers don't show HEIC: kept as JPEG
}
_SAVE_AS: dict[MediaType, tuple[str, dict[str, object]]] = {
    "image/jpeg": ("JPEG", {"quality": 92, "optimize": True}),
    "image/png": ("PNG", {"optimize": False}),
    "image/webp": ("WEBP", {"quality": 90}),
}


def _register_heif() -> bool:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # a build without libheif: HEIC is then refused as unknown
        return False
    register_heif_opener()
    return True


HEIF_READABLE = _register_heif()


@dataclass(frozen=True)
class CleanImage:
    """An image as it is kept: its bytes, kind, size and thumbnail."""

    data: bytes
    media_type: MediaType
    width: int
    height: int
    thumbnail: bytes


def clean_image(data: bytes, name: str) -> CleanImage:
    """Decode `data` in full and write it again upright, without EXIF, with a thumbnail.

    Raises MediaRefusedError for an image that is damaged, not one of the kinds kept, or
    larger than MAX_PIXELS.
    """
    damaged = MediaRefusedError(
        _(
            "{name} looks like a photo but can't be read: it is damaged or incomplete. Open "
            "it on this computer to check, then choose it again.",
            name=name,
        )
    )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice it; ours is lower anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = _FORMATS.get(image.format or "")
                if kind is None:
                    raise damaged
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels(name, width, height)
                image.load()
                upright = ImageOps.exif_transpose(image)
                return _kept(upright, kind, image.info.get("icc_profile"))
    except MediaRefusedError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels(name, 0, 0) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        # Pillow's decoders say "truncated", "broken data stream", "bad header"… all damage.
        raise damaged from error


def _too_many_pixels(name: str, width: int, height: int) -> MediaRefusedError:
    if width and height:
        return MediaRefusedError(
            _(
                "{name} is {width} by {height} pixels, more than the {limit} megapixels "
                "Judo Manager keeps. Save it at a smaller size, then add it again.",
                name=name,
                width=width,
                height=height,
                limit=MAX_PIXELS // 1_000_000,
            )
        )
    return MediaRefusedError(
        _(
            "{name} unpacks to more than {limit} megapixels, which Judo Manager doesn't keep.",
            name=name,
            limit=MAX_PIXELS // 1_000_000,
        )
    )


def _kept(image: Image.Image, kind: MediaType, icc_profile: object) -> CleanImage:
    if kind != "image/png" and image.mode not in ("RGB", "L"):
        # JPEG has no alpha; WebP keeps it, but a CMYK or palette image is written as RGB.
        image = _eight_bit(image)
        image = image.convert("RGBA" if kind == "image/webp" and _has_alpha(image) else "RGB")
    format_name, options = _SAVE_AS[kind]
    extra: dict[str, object] = dict(options)
    # A colour profile describes colours of its own kind: a CMYK photo's, kept on the RGB
    # one it became, would have every viewer show it wrong.
    if isinstance(icc_profile, bytes) and _profile_fits(icc_profile, image.mode):
        extra["icc_profile"] = icc_profile
    out = io.BytesIO()
    # No `exif=` and no PNG text chunks: none of the original's metadata is written.
    image.save(out, format_name, **extra)
    return CleanImage(
        data=out.getvalue(),
        media_type=kind,
        width=image.width,
        height=image.height,
        thumbnail=thumbnail_of(image),
    )


def thumbnail_of(image: Image.Image) -> bytes:
    """A small JPEG of `image`, transparency flattened onto white."""
    small = _eight_bit(image)
    if small is image:  # thumbnail() shrinks in place
        small = image.copy()
    small.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE), Image.Resampling.LANCZOS)
    if _has_alpha(small):
        background = Image.new("RGB", small.size, "white")
        background.paste(small, mask=small.convert("RGBA").getchannel("A"))
        small = background
    elif small.mode != "RGB":
        small = small.convert("RGB")
    out = io.BytesIO()
    small.save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue()


def _profile_fits(profile: bytes, mode: str) -> bool:
    """Whether an ICC profile is of the colour space an image in `mode` is: its header
    names it at bytes 16 to 20 ("RGB ", "GRAY", "CMYK")."""
    return _PROFILE_SPACES.get(mode) == profile[16:20]


def _eight_bit(image: Image.Image) -> Image.Image:
    """`image` in 8-bit greys if it is in 16 or 32 (a new image), else `image` itself:
    converted as it is, Pillow clips every value above 255, and a mid-grey 16-bit scan
    turns white."""
    if image.mode not in _DEEP_GREYS:
        return image
    return image.convert("I").point(lambda value: value / 256).convert("L")


# Greyscale modes of more than 8 bits a PNG may hold (and a TIFF-like image decoded).
_DEEP_GREYS = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N"})
# The colour space each mode a photo is kept in has, as ICC profiles name it.
_PROFILE_SPACES = {
    **dict.fromkeys(("RGB", "RGBA", "P"), b"RGB "),
    **dict.fromkeys(("1", "L", "LA", *_DEEP_GREYS), b"GRAY"),
}


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
