"""The composition root: builds every service once, fully, and starts what `make run` runs.

The only package allowed to import every other one (see tests/unit/test_arrows.py).
"""
