"""The Slack channel (slack-bolt): Slack events in, core commands; core replies out, Block Kit.

An adapter only: no coaching logic lives here. `mount.mount` plugs it into the server.
"""
