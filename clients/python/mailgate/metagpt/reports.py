"""The structured part of the actions' answers (`Message.instruct_content`, MetaGPT 0.8's place for
structured output; MetaGPT serialises it by class and module and rebuilds it on load). Needs pydantic."""

from typing import Any, Dict, List, Optional

from pydantic import BaseModel


class MailReport(BaseModel):
    """What an email action found: the intent's status and details, or the mail an inbox check read."""

    status: str
    mailbox_id: Optional[str] = None
    intent_id: Optional[str] = None
    subject: Optional[str] = None
    reason: Optional[str] = None
    problems: List[str] = []
    related_intent_id: Optional[str] = None
    conflict_id: Optional[str] = None
    thread_id: Optional[str] = None
    provider_email_id: Optional[str] = None
    email_id: Optional[str] = None
    emails: List[Dict[str, Any]] = []
    error: Optional[str] = None

    def facts(self) -> Dict[str, Any]:
        dump = getattr(self, "model_dump", None) or self.dict
        return {k: v for k, v in dump().items() if v not in (None, [], "")}
