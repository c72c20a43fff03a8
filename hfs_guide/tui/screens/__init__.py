"""Screens of the guide: the main guide screen and the layers pushed over it."""
