"""My day: the day's plan on a timeline of the waking window, its idle time, and the usual
days (templates)."""
