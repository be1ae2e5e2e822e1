"""The bridge's guards: private names refused, unforeseen errors told calmly."""

from __future__ import annotations

import inspect

import pytest

from judo_manager.bridge.guards import coach_errors, is_public_name
from judo_manager.errors import BackupError, UnexpectedError


@pytest.mark.parametrize(
    ("name", "public"),
    [
        ("system.getAppInfo", True),
        ("athletes.count", True),
        ("system._system._db.path.write_text", False),
        ("system.__class__.__init__", False),
        ("_private", False),
    ],
)
def test_only_public_dotted_names_pass(name: str, public: bool) -> None:
    assert is_public_name(name) is public


class _Namespace:
    @coach_errors
    def fails(self, token: str) -> None:
        raise KeyError(token)

    @coach_errors
    def refuses(self) -> None:
        raise BackupError("The drive is full.")


def test_unforeseen_errors_become_a_calm_message() -> None:
    with pytest.raises(UnexpectedError, match="Something unexpected went wrong"):
        _Namespace().fails("abc")


def test_coach_errors_pass_through_unchanged() -> None:
    with pytest.raises(BackupError, match=r"^The drive is full\.$"):
        _Namespace().refuses()


def test_the_wrapped_method_keeps_its_parameters_for_pywebview() -> None:
    assert inspect.getfullargspec(_Namespace().fails).args == ["self", "token"]
