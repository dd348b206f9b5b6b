"""The LLM provider chosen by ``TRA_LLM_PROVIDER``."""

from __future__ import annotations

from django.conf import settings

from integrations.llm.contract import LLM, Completion, Message


def get_llm() -> LLM | None:
    """The configured LLM, or ``None`` in local mode (the extractive suggester needs none)."""
    provider = settings.TRA_LLM_PROVIDER
    if provider == "bedrock":
        from integrations.llm.bedrock import BedrockLLM

        return BedrockLLM.from_settings()
    if provider == "openai":
        from integrations.llm.openai_compat import OpenAICompatibleLLM

        return OpenAICompatibleLLM.from_settings()
    return None


__all__ = ["LLM", "Completion", "Message", "get_llm"]
