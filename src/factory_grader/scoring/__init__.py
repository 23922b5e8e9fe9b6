"""Pure scoring functions: no I/O, no clock, no globals. They never raise on user data."""
