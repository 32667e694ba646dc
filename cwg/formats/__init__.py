"""Date and time formats per language, read by Django through FORMAT_MODULE_PATH.

Each language module names only what differs from Django's own locale formats or what the
group wants fixed whatever Django ships: a 24-hour clock everywhere, day before month.
Templates use the named formats (DATE_FORMAT, SHORT_DATE_FORMAT, DATETIME_FORMAT), never a
format string of their own.
"""
