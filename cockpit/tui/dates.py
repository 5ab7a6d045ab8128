"""The cockpit's dates: those of cockpit/i18n/dates.py, which the command line and the
services use too, so a date reads the same way everywhere in a language."""

from cockpit.i18n.dates import (  # noqa: F401 - re-exported for the screens
    format_date,
    format_date_time,
    format_day_month,
    format_day_time,
    format_short,
    format_soon,
)
