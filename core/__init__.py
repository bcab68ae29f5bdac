"""Pure domain rules shared by every app: no Django, no database, no settings.

Target phrases, evaluation, Vietnamese number and date formatting, periods, name matching and
tree walking. Every app may import from here; nothing here imports an app (an import-linter
contract in ``pyproject.toml`` enforces it).
"""
