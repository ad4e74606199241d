"""The Journal page: entries listed and searched on the left, written on the right."""
