"""The bridge's guards: private names refused, unforeseen errors told calmly, errors handed to
the page without a traceback, and calls from another page refused."""

from __future__ import annotations

import inspect
import json
import queue
from types import ModuleType

import pytest

from judo_manager.bridge.guards import coach_errors, error_for_page, guard_dispatch, is_public_name
from judo_manager.errors import BackupError, NotFoundError, UnexpectedError, ValidationError
from judo_manager.i18n import Message, _
from judo_manager.window.pages import same_origin


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
        raise BackupError(_("The drive is full."))


def test_unforeseen_errors_become_a_calm_message() -> None:
    with pytest.raises(UnexpectedError, match="Something unexpected went wrong"):
        _Namespace().fails("abc")


def test_coach_errors_pass_through_unchanged() -> None:
    with pytest.raises(BackupError, match=r"^The drive is full\.$"):
        _Namespace().refuses()


def test_the_wrapped_method_keeps_its_parameters_for_pywebview() -> None:
    assert inspect.getfullargspec(_Namespace().fails).args == ["self", "token"]


class _Athletes:
    @coach_errors
    def get(self, id: int) -> dict[str, int]:
        if id != 1:
            raise NotFoundError.of(_("athlete"))
        return {"id": id}

    @coach_errors
    def export(self) -> None:
        # A message whose text can't be filled in: a translation with a placeholder the
        # code doesn't give, as a catalog edited by hand could hold.
        raise BackupError(Message("Saved to {folder}.", place="/media/stick"))

    @coach_errors
    def create(self, data: dict[str, str]) -> None:
        raise ValidationError({"full_name": _("{label} is required.", label=_("Full name"))})


class _Api:
    def __init__(self) -> None:
        self.athletes = _Athletes()
        self._secret = _Athletes()


class _Window:
    """What the dispatcher uses of a pywebview window; run_js records the page's answer."""

    real_url = "http://127.0.0.1:4242/index.html"

    def __init__(self) -> None:
        self._js_api = _Api()
        self._functions: dict[str, object] = {}
        self.answers: queue.Queue[str] = queue.Queue()

    def run_js(self, script: str) -> None:
        self.answers.put(script)


class _Dispatch:
    """pywebview's dispatcher replaced by the guard, on a module of its own."""

    def __init__(self, page_url: str = _Window.real_url) -> None:
        self.pywebview_calls: list[str] = []
        self.module = ModuleType("backend")
        self.module.js_bridge_call = lambda window, name, param, value_id: (
            self.pywebview_calls.append(name)
        )
        self.page_url = page_url
        guard_dispatch(
            self.module, from_app_page=lambda window: same_origin(self.page_url, window.real_url)
        )

    def call(self, window: _Window, name: str, *args: object) -> dict[str, object]:
        """The reply the page's promise is settled with, as `_checkValue` reads it."""
        self.module.js_bridge_call(window, name, list(args), "42")
        script = window.answers.get(timeout=10)  # answered from a thread of its own
        settle = f'window.pywebview._returnValuesCallbacks["{name}"]["42"]'
        assert script.startswith(f'if (window.pywebview._returnValuesCallbacks["{name}"] && ')
        reply = json.loads(script.rsplit(f"{settle}(", 1)[1].removesuffix(");"))
        return {"isError": reply.get("isError", False), "value": json.loads(reply["value"])}


def _no_traceback(error: dict[str, str]) -> None:
    assert set(error) == {"name", "code", "message", "stack"}
    assert error["stack"] == f"{error['name']}: {error['message']}"
    assert ".py" not in error["stack"] and "Traceback" not in error["stack"]


def test_a_result_reaches_the_page_as_json() -> None:
    window = _Window()
    assert _Dispatch().call(window, "athletes.get", 1) == {"isError": False, "value": {"id": 1}}


def test_a_coach_error_reaches_the_page_as_its_name_and_message() -> None:
    reply = _Dispatch().call(_Window(), "athletes.get", 2)
    assert reply["isError"] is True
    assert reply["value"]["name"] == "NotFoundError"  # type: ignore[index]
    assert reply["value"]["code"] == "not-found"  # type: ignore[index]
    _no_traceback(reply["value"])  # type: ignore[arg-type]


def test_an_error_that_cant_be_written_still_answers_the_page() -> None:
    reply = _Dispatch().call(_Window(), "athletes.export")
    assert reply["isError"] is True
    error = reply["value"]
    assert error["code"] == "unexpected"  # type: ignore[index]
    assert error["message"].startswith("Something unexpected went wrong (BackupError)")  # type: ignore[index]
    _no_traceback(error)  # type: ignore[arg-type]


def test_a_refused_form_keeps_its_field_problems_as_json() -> None:
    error = _Dispatch().call(_Window(), "athletes.create", {})["value"]
    assert error["name"] == "ValidationError"  # type: ignore[index]
    problems = json.loads(error["message"])  # type: ignore[index]
    assert problems["fields"] == {"fullName": "Full name is required."}
    _no_traceback(error)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "args", "what"),
    [
        ("athletes.get", (), "TypeError"),  # too few arguments
        ("athletes.get", (1, 2), "TypeError"),  # too many
        ("athletes.erase", (1,), "no such bridge method"),
        ("athletes", (), "no such bridge method"),  # an object, not a method
        ("_secret.get", (1,), "no such bridge method"),
        ("athletes.get.__call__", (1,), "no such bridge method"),
    ],
)
def test_a_call_that_fails_before_our_code_is_an_unexpected_error(
    name: str, args: tuple[object, ...], what: str
) -> None:
    error = _Dispatch().call(_Window(), name, *args)["value"]
    assert error["name"] == "UnexpectedError"  # type: ignore[index]
    assert error["message"].startswith(f"Something unexpected went wrong ({what}).")  # type: ignore[index]
    _no_traceback(error)  # type: ignore[arg-type]


def test_a_call_from_another_origin_gets_no_answer() -> None:
    window = _Window()
    dispatch = _Dispatch(page_url="http://127.0.0.1:5555/evil.html")
    dispatch.module.js_bridge_call(window, "athletes.get", [1], "42")
    dispatch.module.js_bridge_call(window, "pywebviewMoveWindow", [0, 0], "move")
    assert window.answers.empty()  # refused on the calling thread, with no answer at all
    assert dispatch.pywebview_calls == []


def test_pywebviews_own_messages_go_to_pywebview() -> None:
    dispatch = _Dispatch()
    dispatch.module.js_bridge_call(_Window(), "pywebviewMoveWindow", [0, 0], "move")
    assert dispatch.pywebview_calls == ["pywebviewMoveWindow"]


def test_an_unforeseen_error_outside_a_method_is_told_calmly() -> None:
    error = error_for_page(ImportError("cannot import name 'x' from 'y' (/opt/app/y.py)"))
    assert error["name"] == "UnexpectedError"
    assert error["message"].startswith("Something unexpected went wrong (ImportError).")
    _no_traceback(error)  # type: ignore[arg-type]
