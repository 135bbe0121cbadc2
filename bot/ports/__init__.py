"""The small interfaces the core needs from outside; implemented in storage/ and handlers/.

Import each from its module (`bot.ports.store`, `bot.ports.errors`, ...): the package itself
imports nothing, so code that needs only the errors does not load the store's protocol.
"""
