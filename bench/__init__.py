"""Benchmarks that print the plan's figures (run as ``python -m bench.<name>``)."""
