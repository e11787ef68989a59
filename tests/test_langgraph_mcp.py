"""LangGraph Server's ``/mcp`` endpoint exposes our graphs as MCP tools (``langgraph dev``)."""

from __future__ import annotations

import asyncio

from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client

from tests.test_studio import server  # noqa: F401 - the hermetic langgraph dev fixture


def test_langgraph_dev_mcp_endpoint_runs_the_graph_as_a_tool(server):  # noqa: F811
    url, _site, _ = server

    async def main():
        async with (
            streamablehttp_client(f"{url}/mcp") as (read, write, _),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            tools = {t.name: t for t in (await session.list_tools()).tools}
            res = await session.call_tool(
                "hugginggpt", {"request": "Draw a lighthouse at dusk and describe it"}
            )
            return tools, res

    tools, res = asyncio.run(main())
    assert "hugginggpt" in tools
    assert "request" in tools["hugginggpt"].inputSchema["properties"]
    assert not res.isError, res.content
    # the server returns the graph's output state as text (a Python repr, not JSON)
    text = res.content[0].text
    assert "Workflow (2 task(s))" in text
    assert "Text-to-Image with dry-run/text-to-image: ok" in text
    assert "Image-to-Text with dry-run/image-to-text (uses task 0): ok" in text
