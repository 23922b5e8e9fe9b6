"""Charts with matplotlib's object API (Figure, never pyplot); no Qt here."""
