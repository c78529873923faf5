"""A stand-in for MetaGPT 0.8 (v0.8.1, the newest release) in tests: the names, attribute shapes and
behaviour mailgate.metagpt and the examples touch, written against MetaGPT's source (file and line
references in each docstring). MetaGPT itself cannot be installed here (no package index).

Deviation: MetaGPT 0.8 uses pydantic 2; Debian 12 ships pydantic 1.10, so these models are pydantic 1
models with pydantic 2's method names (`model_dump`, `model_dump_json`, `model_validate`) added in
`_compat`. Fields excluded from serialisation use `Field(exclude=True)` in both.
"""
