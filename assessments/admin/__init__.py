"""The admin site: the assessors' review screens and read-only questionnaire versions.

Kept free of model imports: ``INSTALLED_APPS`` names ``assessments.admin.apps.TRAAdminConfig``,
so this package is imported before the app registry is ready. The model registrations live
in ``registrations.py``, loaded by the app config's ``ready()``.
"""
