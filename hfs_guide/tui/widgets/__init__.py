"""Widgets of the guide screen."""
