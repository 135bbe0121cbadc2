"""The store's methods, one module per concept; `storage.store.SqlStore` combines them."""
