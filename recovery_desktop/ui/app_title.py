"""The app's name as people see it: window titles, the application name, message boxes.

Its own module so that the first window (the first-run wizard) can be titled without
importing the main window."""

APP_TITLE = "Recovery Desktop"
