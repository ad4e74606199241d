"""Recovery Desktop: a private journal for people in recovery."""

__version__ = "0.1.0"
