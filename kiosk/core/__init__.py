"""The domain core: plain data in, typed results out.

Nothing here imports Qt, HTTP or SQL; the kiosk's store and the central server both call
these functions, so each booking rule exists exactly once.
"""
