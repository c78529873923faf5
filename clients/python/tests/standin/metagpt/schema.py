import uuid
from typing import Any


class Message:
    """Like metagpt.schema.Message: id (uuid4 hex), content, role, cause_by, sent_from, send_to, metadata."""

    def __init__(self, content: str = "", role: str = "user", cause_by: Any = "", sent_from: str = "",
                 send_to: Any = None, metadata: dict | None = None, instruct_content: Any = None) -> None:
        self.id = uuid.uuid4().hex
        self.content = content
        self.role = role
        self.cause_by = cause_by if isinstance(cause_by, str) else getattr(cause_by, "__name__", str(cause_by))
        self.sent_from = sent_from
        self.send_to = send_to or {"<all>"}
        self.metadata = metadata or {}
        self.instruct_content = instruct_content
