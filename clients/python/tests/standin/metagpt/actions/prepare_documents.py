from metagpt.actions.action import Action


class PrepareDocuments(Action):
    """metagpt.actions.prepare_documents.PrepareDocuments (its LLM work is out of scope here)."""
