"""Bring your own plan: a ward's Word plan and Excel sheets of targets read into structured data.

safety (zip checks before any parser runs) -> docx (python-docx to paragraphs and tables, then
core.plan_reader) -> units (the unit tree) -> the ``kehoach.plan/1`` document written by
plans.interchange.import_plan, the one path that validates and writes all or nothing.
"""
