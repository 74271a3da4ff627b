"""Server-side jobs: no-show sweep, waitlist offer expiry, e-mail delivery, pruning."""
