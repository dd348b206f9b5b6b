"""The knowledge base the app uses, chosen by ``settings.TRA_KB_PROVIDER``."""

from __future__ import annotations

from integrations.kb.contract import Chunk, IngestionJob, KnowledgeBase, Passage

__all__ = ["Chunk", "IngestionJob", "KnowledgeBase", "Passage", "get_knowledge_base"]


def get_knowledge_base() -> KnowledgeBase:
    """The configured knowledge base: the local index ("local") or Bedrock ("bedrock")."""
    from django.conf import settings

    provider = settings.TRA_KB_PROVIDER
    if provider == "local":
        from integrations.kb.local import LocalKnowledgeBase

        return LocalKnowledgeBase(settings.TRA_LOCAL_INDEX_DIR / "kb.sqlite3")
    if provider == "bedrock":
        # Imported only when chosen: it pulls in aioboto3, which local mode never needs.
        from integrations.kb.bedrock import BedrockKnowledgeBase

        return BedrockKnowledgeBase.from_settings()
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"Unknown TRA_KB_PROVIDER {provider!r}; expected 'local' or 'bedrock'.")
