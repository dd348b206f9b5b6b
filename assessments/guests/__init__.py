"""Guest reviewers without accounts: a specialist invited by e-mail to read one assessment
(optionally one risk area of it) and comment, through a link that carries a random token.

Only the token's SHA-256 is stored. See domain.py for the items, service.py for the use cases.
"""
