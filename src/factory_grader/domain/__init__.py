"""Frozen domain objects. Standard library only; no I/O."""
