"""The Weekly summary page: its preview, lists and choices (page), and printing and saving
the summary (output)."""
