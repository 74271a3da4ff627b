"""Exceptions the core raises for input that cannot be a request at all."""


class InvalidInput(ValueError):
    """The caller passed something that is not a valid value (naive time, end before start…).

    Business refusals (a taken slot, a rule) are not exceptions: they come back as
    ``kiosk.core.refusals.Refusal`` values.
    """
