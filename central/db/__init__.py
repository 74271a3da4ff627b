"""Storage: table definitions, engine set-up, transactions and migrations."""
