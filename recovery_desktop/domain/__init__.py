"""Plain-Python core: no I/O, no Qt. Dataclasses, validation, scales and maths."""
