"""What keeps the bridge safe to expose: coach-readable errors, and no private reach-through.

pywebview exposes the public methods of the API object, but its dispatcher resolves any
dotted name the page sends, including `system._backup._db...` and dunder chains. Services
live in `_private` attributes, so the dispatcher is made to refuse every name with a part
that starts with "_": the page can reach the camelCase methods and nothing else.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import sqlite3
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

from judo_manager.bridge.convert import camel
from judo_manager.bridge.types import FieldProblems
from judo_manager.db.health import describe_database_error
from judo_manager.errors import JudoManagerError, UnexpectedError, ValidationError

logger = logging.getLogger(__name__)
Method = TypeVar("Method", bound=Callable[..., Any])


def coach_errors(method: Method) -> Method:
    """Let coach-readable errors through; log anything else and say it calmly."""

    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except ValidationError as error:
            # pywebview hands the page only the class name and str(error); the form needs
            # every field's message, so the message becomes `FieldProblems` as JSON.
            problems = FieldProblems(
                message=str(error),
                fields={camel(field): text for field, text in error.fields.items()},
            )
            error.args = (json.dumps(problems),)
            raise
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
    return UnexpectedError(
        f"Something unexpected went wrong ({type(error).__name__}: {error}). Please try "
        "again; if it keeps happening, restart Judo Manager."
    )


def is_public_name(func_name: str) -> bool:
    """True when no part of the dotted name is private (or a dunder)."""
    return not any(part.startswith("_") for part in func_name.split("."))


def guard_dispatch(*modules: ModuleType) -> None:
    """Make pywebview's `js_bridge_call`, as each module holds it, refuse private names."""
    for module in modules:
        dispatch = module.js_bridge_call
        if getattr(dispatch, "_guarded", False):
            continue

        def guarded(
            window: Any, func_name: str, param: Any, value_id: str, _dispatch: Any = dispatch
        ) -> Any:
            if not is_public_name(func_name):
                logger.warning("refused a bridge call to the private name %r", func_name)
                return None
            return _dispatch(window, func_name, param, value_id)

        guarded._guarded = True  # type: ignore[attr-defined]
        module.js_bridge_call = guarded
