"""Errors a user can act on. The CLI prints their message as one line and exits 2."""


class InputError(Exception):
    """A file kravcheck cannot read: wrong type, empty, encrypted, corrupt, no text layer."""
