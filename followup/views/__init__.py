"""The follow-up pages: actions, their editing, the gap-analysis matrix and its imports."""
