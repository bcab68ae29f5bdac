"""Benchmarks of the official documents: `make bench` (python -m tests.perf)."""
