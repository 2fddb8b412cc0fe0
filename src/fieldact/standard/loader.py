"""Reading and validating the standard and the brand files."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from fieldact.resources import display_name, resource_path
from fieldact.standard.schema import Brand, Standard

DEFAULT_STANDARD = "standards/service-standard.toml"
DEFAULT_BRAND = "brand/brand.toml"

Model = TypeVar("Model", bound=BaseModel)


class StandardError(Exception):
    """A standard or brand file that cannot be used; ``problems`` holds one line per error."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def load_standard(path: Path | None = None) -> Standard:
    return _load(path or resource_path(DEFAULT_STANDARD), Standard)


def load_brand(path: Path | None = None) -> Brand:
    return _load(path or resource_path(DEFAULT_BRAND), Brand)


def _load(path: Path, model: type[Model]) -> Model:
    name = display_name(path)
    data = _read_toml(path, name)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise StandardError([f"{name}: {_location(e['loc'])}: {_message(e)}" for e in error.errors()]) from None


def _read_toml(path: Path, name: str) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise StandardError([f"{name}: file not found; check the path"]) from None
    except OSError as error:
        raise StandardError([f"{name}: cannot be read ({error.strerror}); check its permissions"]) from None
    except UnicodeDecodeError:
        raise StandardError([f"{name}: not UTF-8 text; save it as UTF-8"]) from None
    except tomllib.TOMLDecodeError as error:
        raise StandardError([f"{name}: not valid TOML: {error}"]) from None


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "missing":
        return "missing; this key is required"
    if kind == "extra_forbidden":
        return "unknown key; check its spelling"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"unknown value {error['input']!r}; expected {expected}"
    message: str = error["msg"]
    return message.removeprefix("Value error, ")
