"""The meetings pages: the home page, a meeting and its participants, the calendar feeds."""
