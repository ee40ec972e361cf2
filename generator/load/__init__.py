"""Load: read content files safely and turn them into the model, collecting every problem
(file, line, field) instead of stopping at the first.
"""
