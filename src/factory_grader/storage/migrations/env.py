"""Alembic environment: always run by storage.migrate on a connection it hands over."""

from alembic import context

from factory_grader.storage.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: rebuild tables in batches
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
