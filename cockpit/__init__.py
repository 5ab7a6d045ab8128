"""Cockpit: a keyboard-first terminal cockpit for outbound phone prospecting."""

__version__ = "0.1.0"
