"""The assessors' dashboard: a folded aggregate of the audit trail, its charts and its page.

``refresh.dashboard_refresh`` (``manage.py refresh_dashboard``, run periodically by runlocal)
reads only the events since its checkpoint (gsi6-entity-type, partition EVENT) and folds them
into counter items under pk DASHBOARD; the page reads those with one Query (``figures``).
"""
