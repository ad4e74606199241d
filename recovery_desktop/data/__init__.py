"""The only layer that knows SQL, files and keys. Returns domain dataclasses."""
