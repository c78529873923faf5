"""pydantic 2 method names over pydantic 1 (see the package docstring)."""

import json
from typing import Any

from pydantic import BaseModel


class Model(BaseModel):
    class Config:
        arbitrary_types_allowed = True
        copy_on_model_validation = "none"  # pydantic 2 keeps the instance it is given

    def model_dump(self, **kwargs: Any) -> dict:
        return self.dict(**kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        return json.dumps(self.model_dump(**kwargs), default=_json_default)

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        return cls(**data)

    @property
    def model_fields(self) -> dict:
        return self.__fields__


def _json_default(value: Any) -> Any:
    """pydantic 2 writes sets as arrays."""
    return sorted(value, key=str) if isinstance(value, (set, frozenset)) else str(value)
