"""The languages of the app, and its coach messages in them."""

from judo_manager.i18n.languages import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    SYSTEM_CHOICE,
    Language,
    is_language,
    language,
    spoken_language,
    system_language,
)
from judo_manager.i18n.messages import (
    Message,
    _,
    _n,
    current_language,
    formatted,
    joined,
    speaking,
    translate,
)
from judo_manager.i18n.units import file_size, in_kilograms, in_megabytes, megabytes

__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "SYSTEM_CHOICE",
    "Language",
    "Message",
    "_",
    "_n",
    "current_language",
    "file_size",
    "formatted",
    "in_kilograms",
    "in_megabytes",
    "is_language",
    "joined",
    "language",
    "megabytes",
    "speaking",
    "spoken_language",
    "system_language",
    "translate",
]
