"""Server-side use cases: each function runs inside a transaction passed in by its caller."""
