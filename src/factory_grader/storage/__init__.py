"""The only package that talks to databases (SQLAlchemy, Alembic). Repositories take and return
domain objects; nothing outside this package sees a session or a row."""
