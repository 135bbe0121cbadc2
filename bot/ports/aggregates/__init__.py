"""The store's port cut by aggregate: one small Protocol per part of the pool's records.

`bot.ports.store.Store` inherits them all and adds `transaction()` over the whole, so call
sites keep `store.method(...)`; code that needs one aggregate may name only its Protocol.
"""
