"""metagpt/tools/tool_registry.py (v0.8.1) L23-122: `@register_tool(tags=...)` registers a class or
function under its name, with its file, source and a schema read from its (Google style) docstrings;
DataInterpreter / RoleZero find tools by name or tag."""

import inspect
from typing import Any, Dict, Optional

from pydantic import Field

from metagpt._compat import Model


class Tool(Model):
    name: str
    path: str
    schemas: dict = Field(default_factory=dict)
    code: str = ""
    tags: list = Field(default_factory=list)


class ToolRegistry(Model):
    tools: Dict[str, Tool] = Field(default_factory=dict)
    tools_by_tags: Dict[str, Dict[str, Tool]] = Field(default_factory=dict)

    def register_tool(self, tool_name: str, tool_path: str, tool_code: str = "", tags: Optional[list] = None,
                      tool_source_object: Any = None, include_functions: Optional[list] = None, **_: Any) -> None:
        if tool_name in self.tools:
            return
        schemas = _schema(tool_source_object, include_functions)
        if not schemas:
            return
        tool = Tool(name=tool_name, path=tool_path, schemas=schemas, code=tool_code, tags=tags or [])
        self.tools[tool_name] = tool
        for tag in tags or []:
            self.tools_by_tags.setdefault(tag, {})[tool_name] = tool

    def has_tool(self, key: str) -> bool:
        return key in self.tools

    def get_tool(self, key: str) -> Optional[Tool]:
        return self.tools.get(key)

    def get_tools_by_tag(self, key: str) -> dict:
        return self.tools_by_tags.get(key, {})


TOOL_REGISTRY = ToolRegistry()


def register_tool(tags: Optional[list] = None, schema_path: str = "", **kwargs: Any) -> Any:
    def decorator(cls: Any) -> Any:
        TOOL_REGISTRY.register_tool(tool_name=cls.__name__, tool_path=inspect.getfile(cls),
                                    tool_code=inspect.getsource(cls), tags=tags, tool_source_object=cls, **kwargs)
        return cls

    return decorator


def _schema(obj: Any, include: Optional[list]) -> dict:
    """tools/tool_convert.py L8-27: a class's description and its public, documented methods."""
    doc = inspect.getdoc(obj)
    if not doc:
        return {}
    if not inspect.isclass(obj):
        return {"type": "function", "description": doc, "signature": str(inspect.signature(obj))}
    methods = {}
    for name, method in inspect.getmembers(obj, inspect.isfunction):
        if (name.startswith("_") and name != "__init__") or (include and name not in include):
            continue
        if method.__doc__:
            kind = "async_function" if inspect.iscoroutinefunction(method) else "function"
            methods[name] = {"type": kind, "description": inspect.getdoc(method), "signature": str(inspect.signature(method))}
    return {"type": "class", "description": doc, "methods": methods}
