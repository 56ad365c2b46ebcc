"""Delegation visits as public stories: the list with its filters and one visit's page."""
