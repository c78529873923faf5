"""metagpt/utils/common.py (v0.8.1) L381-429: class paths as message routing strings."""

import importlib
from typing import Any


def get_class_name(cls: type) -> str:
    """L381-383: `module.ClassName`."""
    return f"{cls.__module__}.{cls.__name__}"


def any_to_str(val: Any) -> str:
    """L386-393: a string as it is, a class (or any callable) by its path, anything else by its type's path."""
    if isinstance(val, str):
        return val
    return get_class_name(val if callable(val) else type(val))


def any_to_str_set(val: Any) -> set:
    """L396-411: each item (each value of a dict) through any_to_str."""
    if isinstance(val, dict):
        val = val.values()
    if isinstance(val, (list, set, tuple, type({}.values()))):
        return {any_to_str(v) for v in val}
    return {any_to_str(val)}


def any_to_name(val: Any) -> str:
    """L425-429: the last part of the dotted path."""
    return any_to_str(val).split(".")[-1]


def is_send_to(message: Any, addresses: set) -> bool:
    """L414-422: addressed to everyone, or to one of `addresses`."""
    return "<all>" in message.send_to or any(a in message.send_to for a in addresses)


def import_class(class_name: str, module_name: str) -> type:
    return getattr(importlib.import_module(module_name), class_name)
