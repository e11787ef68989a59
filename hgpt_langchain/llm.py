"""Finding the controller chat model: ``--llm provider:model``, ``HGPT_LLM``, or an OpenAI key."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from hgpt_langchain.errors import ConfigurationError, HuggingGPTError, LLMUnavailableError

if TYPE_CHECKING:  # langchain_core.language_models takes ~0.5 s to import; not needed to start
    from langchain_core.language_models import BaseChatModel

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


_PROVIDER_MODULES = (
    "openai",
    "anthropic",
    "httpx",
    "httpcore",
    "requests",
    "urllib3",
    "ollama",
    "groq",
    "mistralai",
    "google",
    "cohere",
    "langchain_",
)
_PROVIDER_WORDS = (
    "Connection",
    "Connect",
    "Timeout",
    "APIError",
    "APIStatus",
    "Authentication",
    "RateLimit",
    "PermissionDenied",
    "NotFound",
    "HTTPStatus",
    "ServiceUnavailable",
)


def describe_llm(llm: object) -> str:
    """A short name of a chat model for messages: class, model and endpoint (never a key)."""
    parts = [type(llm).__name__]
    for attr in ("model_name", "model"):
        value = getattr(llm, attr, None)
        if isinstance(value, str) and value:
            parts.append(value)
            break
    client = getattr(llm, "root_client", None) or getattr(llm, "client", None)
    for value in (
        getattr(llm, "openai_api_base", None),
        getattr(llm, "base_url", None),
        getattr(llm, "anthropic_api_url", None),
        getattr(client, "base_url", None),
    ):
        if value and str(value).startswith("http"):
            parts.append(f"at {str(value).rstrip('/')}")
            break
    return " ".join(parts)


def _is_provider_error(exc: BaseException) -> bool:
    for cls in type(exc).__mro__:
        if cls.__module__.split(".")[0].startswith(_PROVIDER_MODULES):
            return True
        if any(word in cls.__name__ for word in _PROVIDER_WORDS):
            return True
    return False


def invoke_llm(llm: object, messages: object, *, purpose: str, model: object = None) -> object:
    """``llm.invoke(messages)``; a provider that cannot be reached becomes one clear error.

    Args:
        llm: The chat model, or a runnable made from it (bound to tools or a schema).
        messages: The prompt.
        purpose: What the call is for, in the message ("planning").
        model: The chat model to name in the message when ``llm`` is a runnable made from it.

    Raises:
        LLMUnavailableError: The provider could not be reached, timed out or refused the call
            (connection refused, DNS, TLS, HTTP 401/403/404/429/5xx), naming the provider.
    """
    try:
        return llm.invoke(messages)  # type: ignore[attr-defined]
    except HuggingGPTError:
        raise
    except Exception as exc:
        _raise_unavailable(model or llm, exc, purpose)
        raise


async def ainvoke_llm(
    llm: object, messages: object, *, purpose: str, model: object = None
) -> object:
    """Async :func:`invoke_llm` (``llm.ainvoke(messages)``), with the same clear error."""
    try:
        return await llm.ainvoke(messages)  # type: ignore[attr-defined]
    except HuggingGPTError:
        raise
    except Exception as exc:
        _raise_unavailable(model or llm, exc, purpose)
        raise


def _raise_unavailable(llm: object, exc: Exception, purpose: str) -> None:
    """Raise :class:`LLMUnavailableError` when ``exc`` says the provider failed; else return."""
    if not _is_provider_error(exc):
        return
    target = getattr(llm, "bound", llm)  # a model bound to tools
    detail = str(exc).strip().splitlines()[0][:300].rstrip(".") if str(exc).strip() else ""
    raise LLMUnavailableError(
        f"The LLM provider ({describe_llm(target)}) failed during {purpose}: "
        f"{type(exc).__name__}{': ' + detail if detail else ''}. Check the network, the "
        "provider's address and API key, or run without an LLM: --planner offline."
    ) from exc
