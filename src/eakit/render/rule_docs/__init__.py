"""The rule engine's own references: the Markdown pages of ``docs/rules`` and
``docs/legal``, and the rule catalogue that ``eakit rules`` prints."""
