"""Placeholder: the money-amount component is being written."""
