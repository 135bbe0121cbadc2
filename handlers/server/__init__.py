"""The one ASGI application: Slack, Teams and health on one asyncio event loop."""
