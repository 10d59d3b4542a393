"""Reviewers' comments and changes, read from the docx or PDF they annotated, placed in the plan."""
