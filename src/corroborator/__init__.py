"""corroborator: which news reports describe the same event, what they agree on, where they differ."""

__version__ = "0.1.0"
