"""Figures and printable summaries. No Qt: matplotlib ``Figure`` objects and escaped HTML."""
