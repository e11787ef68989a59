"""Finding the controller chat model: ``--llm provider:model``, ``HGPT_LLM``, or an OpenAI key."""

from __future__ import annotations

import os

from langchain_core.language_models import BaseChatModel

from hgpt_langchain.errors import ConfigurationError

DEFAULT_OPENAI_MODEL = "openai:gpt-4o-mini"

HOW_TO_CONFIGURE = (
    "Configure a chat model with --llm PROVIDER:MODEL (e.g. --llm openai:gpt-4o-mini, "
    "--llm anthropic:claude-sonnet-4-5, --llm ollama:llama3.1, or --llm local for a small local "
    "model with no API key) or the HGPT_LLM environment "
    "variable, with the provider's package installed (pip install langchain-openai) and its key "
    "set (OPENAI_API_KEY=...). Or use --planner offline, which needs no LLM."
)


def llm_spec_from_env(spec: str | None = None) -> str | None:
    """The chat model spec to use: ``spec``, else ``HGPT_LLM``, else OpenAI if a key is set."""
    if spec:
        return spec
    if os.environ.get("HGPT_LLM"):
        return os.environ["HGPT_LLM"]
    if os.environ.get("OPENAI_API_KEY"):
        return DEFAULT_OPENAI_MODEL
    return None


def resolve_llm(spec: str | None = None) -> BaseChatModel | None:
    """Build the chat model named by ``spec`` (or the environment), or ``None`` if none is set.

    Raises:
        ConfigurationError: The spec names a provider that is not installed or is malformed.
    """
    spec = llm_spec_from_env(spec)
    if spec is None:
        return None
    if spec == "local" or spec.startswith("local:"):
        from hgpt_langchain.local_llm import ChatLocalGGUF

        return ChatLocalGGUF.from_spec(spec)
    from langchain.chat_models import init_chat_model

    try:
        return init_chat_model(spec, temperature=0)
    except ImportError as err:
        raise ConfigurationError(
            f"The chat model {spec!r} needs its provider package: {err}. {HOW_TO_CONFIGURE}"
        ) from err
    except (ValueError, TypeError) as err:
        raise ConfigurationError(
            f"Cannot use the chat model {spec!r}: {err}. {HOW_TO_CONFIGURE}"
        ) from err
    except Exception as err:  # provider clients raise their own errors for missing keys
        if "api_key" in str(err).lower() or "api key" in str(err).lower():
            raise ConfigurationError(
                f"The chat model {spec!r} needs an API key: {err}. {HOW_TO_CONFIGURE}"
            ) from err
        raise
