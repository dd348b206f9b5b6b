"""Sign-in: the login view and its throttle (failed sign-ins counted per account and per address)."""
