"""Entities: mentions in one article (`extract`), names (`names`), news organisations (`media`) and
cross-article resolution (`resolve`)."""
