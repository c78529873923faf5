"""The subset of JSON Schema 2020-12 that docs/schemas use, enough to check a produced record."""

import json
import re
from pathlib import Path
from typing import Any

_TYPES = {"string": str, "array": list, "object": dict, "integer": int, "null": type(None)}


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any] | None = None, at: str = "$") -> list[str]:
    root = root or schema
    if "$ref" in schema:
        return errors(value, root["$defs"][schema["$ref"].split("/")[-1]], root, at)
    found: list[str] = []
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        if not any(isinstance(value, _TYPES[n]) and not (n == "integer" and isinstance(value, bool)) for n in names):
            return [f"{at}: not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: not {schema['const']}")
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", 10**9) or len(value) < schema.get("minLength", 0):
            found.append(f"{at}: length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{at}: pattern {schema['pattern']}")
    if isinstance(value, list):
        if len(value) > schema.get("maxItems", 10**9) or len(value) < schema.get("minItems", 0):
            found.append(f"{at}: item count")
        for i, item in enumerate(value):
            found += errors(item, schema.get("items", {}), root, f"{at}[{i}]")
    if isinstance(value, dict):
        found += [f"{at}.{name}: required" for name in schema.get("required", []) if name not in value]
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                found += errors(value[name], sub, root, f"{at}.{name}")
    for part in schema.get("allOf", []):
        if not errors(value, part["if"], root, at):
            found += errors(value, part["then"], root, at)
    return found
