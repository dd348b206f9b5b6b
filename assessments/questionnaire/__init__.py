"""The questionnaire decision tree: model, YAML parser and engine (pure Python, no Django)."""
