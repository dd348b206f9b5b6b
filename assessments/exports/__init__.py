"""Reports of one assessment: PDF, DOCX, XLSX and JSON.

``content`` builds one plain, picklable model of the report from the assessment (cover,
decision record, per-area answers with provenance and citations, comments, documents);
each format has one renderer that turns that model into bytes (``render.render``). The
renderers are CPU-bound and pure: the export service runs them in a budgeted child process,
off the event loop. ``record`` is the EXPORT# item.
"""
