"""What keeps the bridge safe to expose, on pywebview's side of it and on the page's.

- `coach_errors`: a bridge method raises only coach-readable errors.
- `error_for_page`: what the page learns of an error, rendered in the call's language.
- `guard_dispatch`: pywebview's dispatcher (`js_bridge_call`) is replaced by one that answers
  only the app's own page, refuses every dotted name with a private part (`system._backup._db`,
  dunder chains), and hands errors to the page as their name and message alone. pywebview's
  own answers carry `traceback.format_exc()` as the error's `stack`, with every source path,
  and are sent through `evaluate_js`, which wraps the script in `eval` and so fails under the
  page's Content-Security-Policy.
- `guard_stubs`: the JavaScript stubs of `window.pywebview.api` are made from closures;
  pywebview makes each with `new Function`, which that policy forbids too.

Which page is the app's, and how to read the page a call came from, depends on the GUI
backend: `window/guards.py` says so and installs all of this at start-up.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypedDict, TypeVar

from judo_manager.bridge.convert import camel
from judo_manager.bridge.types import FieldProblems
from judo_manager.db.health import describe_database_error
from judo_manager.errors import JudoManagerError, UnexpectedError, ValidationError
from judo_manager.i18n import SOURCE_LANGUAGE, _, is_language, speaking, translate

logger = logging.getLogger(__name__)
Method = TypeVar("Method", bound=Callable[..., Any])

# Set on each function that replaces one of pywebview's, so installing twice is harmless
# and a test can tell the replacement from the original.
GUARD_MARK = "_judo_manager_guard"

# Messages that pywebview's own injected script sends (window dragging, DOM events,
# `evaluate_js` callbacks, `window.pywebview.state`): pywebview answers them as before.
PYWEBVIEW_MESSAGES = frozenset(
    {
        "pywebviewMoveWindow",
        "pywebviewEventHandler",
        "pywebviewAsyncCallback",
        "pywebviewStateUpdate",
        "pywebviewStateDelete",
    }
)


def unexpected_error(what: str) -> UnexpectedError:
    """The calm message for a fault the app did not foresee; the details go to the log.

    `what` is the failed error's type name: its text can hold anything (a source path in an
    ImportError, a file name in an OSError), and none of it helps a coach.
    """
    return UnexpectedError(
        _(
            "Something unexpected went wrong ({what}). Please try again; if it keeps "
            "happening, restart Judo Manager.",
            what=what,
        )
    )


def coach_errors(method: Method) -> Method:
    """Let coach-readable errors through; log anything else and say it calmly."""

    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except JudoManagerError:
            raise
        except sqlite3.Error as error:
            # A damaged database, a full disk or one gone read-only is the coach's to fix.
            described = describe_database_error(error)
            if described is None:
                raise _unexpected(method, error) from error
            raise described from error
        except Exception as error:
            raise _unexpected(method, error) from error

    # pywebview reads the parameter names to build the JavaScript stub.
    call.__signature__ = inspect.signature(method)  # type: ignore[attr-defined]
    return call  # type: ignore[return-value]


def _unexpected(method: Callable[..., Any], error: Exception) -> UnexpectedError:
    logger.exception("bridge call %s failed", method.__qualname__)
    return unexpected_error(type(error).__name__)


def is_public_name(func_name: str) -> bool:
    """True when no part of the dotted name is private (or a dunder)."""
    return not any(part.startswith("_") for part in func_name.split("."))


class PageError(TypedDict):
    """An error as it crosses to the page: the stubs' `_checkValue` makes an `Error` of it."""

    name: str
    code: str
    message: str
    stack: str


def error_for_page(error: BaseException) -> PageError:
    """What the page learns of an error: its class name, its stable code and its coach
    message, in the language being spoken (the call's).

    `stack` is all the page gets in place of Python's traceback, in the form a JavaScript
    stack starts with. Anything but our own errors is logged and becomes `UnexpectedError`.
    A form needs every field's problem: a `ValidationError`'s message is `FieldProblems` as
    JSON.
    """
    if not isinstance(error, JudoManagerError):
        logger.error("bridge call failed", exc_info=error)
        error = unexpected_error(type(error).__name__)
    name, message = type(error).__name__, _page_message(error)
    return {"name": name, "code": error.code, "message": message, "stack": f"{name}: {message}"}


def _page_message(error: JudoManagerError) -> str:
    if not isinstance(error, ValidationError):
        return str(error)
    # The page reads only the name, the code and the message; the form needs every field's
    # message, so the message is `FieldProblems` as JSON.
    problems = FieldProblems(
        message=str(error),
        fields={camel(field): translate(text) for field, text in error.fields.items()},
    )
    return json.dumps(problems)


# Whether the page that sent a call (to this pywebview window) is the app's own.
FromAppPage = Callable[[Any], bool]


def guard_dispatch(*modules: ModuleType, from_app_page: FromAppPage) -> None:
    """Replace pywebview's `js_bridge_call`, as each of `modules` holds it, with ours."""
    for module in modules:
        dispatch = module.js_bridge_call
        if getattr(dispatch, GUARD_MARK, False):
            continue
        module.js_bridge_call = _guarded_dispatch(dispatch, from_app_page)


def _guarded_dispatch(pywebview_dispatch: Any, from_app_page: FromAppPage) -> Any:
    def js_bridge_call(window: Any, func_name: str, param: Any, value_id: str) -> None:
        # The backend calls this on its GUI thread, where the page's address can be read.
        if not from_app_page(window):
            logger.warning("refused a bridge call to %r from a page not the app's", func_name)
            return
        if func_name in PYWEBVIEW_MESSAGES:
            pywebview_dispatch(window, func_name, param, value_id)
            return
        method = _resolve(window, func_name)
        # Answering runs script in the page and waits for it, so never on the GUI thread.
        threading.Thread(
            target=_answer, args=(window, func_name, method, param, value_id), daemon=True
        ).start()

    setattr(js_bridge_call, GUARD_MARK, True)
    return js_bridge_call


def _resolve(window: Any, func_name: str) -> Callable[..., Any] | None:
    """The bridge method a dotted name names, or None for a private or unknown name."""
    if not is_public_name(func_name):
        logger.warning("refused a bridge call to the private name %r", func_name)
        return None
    exposed = window._functions.get(func_name)  # what `window.expose` was given
    if exposed is not None:
        return exposed  # type: ignore[no-any-return]
    target: Any = window._js_api
    for part in func_name.split("."):
        target = getattr(target, part, None)
    if inspect.ismethod(target) or inspect.isfunction(target):
        return target
    logger.warning("refused a bridge call to %r, which is no bridge method", func_name)
    return None


def _answer(
    window: Any, func_name: str, method: Callable[..., Any] | None, param: Any, value_id: str
) -> None:
    """Run the call and settle the page's promise, as the stubs' `_checkValue` expects.

    The stubs send `{"language": <html lang>, "args": [...]}`: every message of the call,
    its result's and its error's, is rendered in that language, on this call's thread only.
    """
    args, language = _call_parts(param)
    with speaking(language):
        try:
            if method is None:
                raise unexpected_error("no such bridge method")
            reply = {"value": json.dumps(method(*args))}
        except Exception as error:
            reply = {"isError": True, "value": json.dumps(_settling_error(error))}
    callbacks = f"window.pywebview._returnValuesCallbacks[{json.dumps(func_name)}]"
    settle = f"{callbacks}[{json.dumps(value_id)}]"
    try:
        # A call made without a stub (a bare `_jsApiCallback`) has no promise to settle.
        window.run_js(f"if ({callbacks} && {settle}) {settle}({json.dumps(reply)});")
    except Exception:
        # The coach closed the window while the call ran: nobody is left to answer.
        logger.warning("could not answer the bridge call to %r", func_name, exc_info=True)


def _settling_error(error: BaseException) -> PageError:
    """The error for the page, whatever happens writing it: a translation that can't be
    rendered must not leave the page's promise, and the coach's spinner, waiting forever."""
    try:
        return error_for_page(error)
    except Exception:
        logger.exception("could not write %s for the page", type(error).__name__)
    with speaking(SOURCE_LANGUAGE):
        return error_for_page(unexpected_error(type(error).__name__))


def _call_parts(param: Any) -> tuple[list[Any], str]:
    """The arguments and the language of a call; a bare list (a call made without the
    stubs) is its arguments, in the source language."""
    if isinstance(param, dict):
        args, language = param.get("args"), param.get("language")
    else:
        args, language = param, None
    if not isinstance(args, list):
        args = []
    return args, language if is_language(language) else SOURCE_LANGUAGE


# pywebview's `_createApi` and `_checkValue` (webview/js/api.js) with each stub a closure
# instead of a `new Function(params, body)`. Each call also sends the page's language (its
# `<html lang>`, which the page sets to the coach's), and each error keeps its stable code.
_STUBS_JS = """
window.pywebview._createApi = function (funcList) {
  funcList.forEach(function (entry) {
    var funcName = entry.func;
    var path = funcName.split('.');
    var last = path.pop();
    var namespace = path.reduce(function (obj, prop) {
      if (!obj[prop]) obj[prop] = {};
      return obj[prop];
    }, window.pywebview.api);
    namespace[last] = function () {
      var id = (Math.random() + '').substring(2);
      var args = Array.prototype.slice.call(arguments);
      var promise = new Promise(function (resolve, reject) {
        window.pywebview._checkValue(funcName, resolve, reject, id);
      });
      var call = { language: document.documentElement.lang, args: args };
      window.pywebview._jsApiCallback(funcName, call, id);
      return promise;
    };
    window.pywebview._returnValuesCallbacks[funcName] = {};
  });
};
window.pywebview._checkValue = function (funcName, resolve, reject, id) {
  window.pywebview._returnValuesCallbacks[funcName][id] = function (returnObj) {
    delete window.pywebview._returnValuesCallbacks[funcName][id];
    if (returnObj.isError) {
      var pyError = JSON.parse(returnObj.value);
      var error = new Error(pyError.message);
      error.name = pyError.name;
      error.code = pyError.code;
      error.stack = pyError.stack;
      reject(error);
    } else {
      resolve(JSON.parse(returnObj.value));
    }
  };
};
"""


def guard_stubs(util: ModuleType) -> None:
    """Make pywebview's injected script (`webview.util.load_js_files`) build eval-free stubs."""
    load_js_files = util.load_js_files
    if getattr(load_js_files, GUARD_MARK, False):
        return

    def guarded(window: Any, platform: str) -> tuple[str, str]:
        js_code, finish_script = load_js_files(window, platform)
        # `js_code` defines `window.pywebview`; the finish script then calls `_createApi`.
        return js_code + _STUBS_JS, finish_script

    setattr(guarded, GUARD_MARK, True)
    util.load_js_files = guarded
