"""The checks layer: each claim's evidence checked against its source, and coverage of the sources.

Named `checks` rather than `audit` so that `factcheck.audit` stays the function that runs an audit.
"""
