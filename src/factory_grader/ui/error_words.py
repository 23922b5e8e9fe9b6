"""An error as the user's language says it, where its kind is known (else as given): a
database's trouble, data changed under a draft, open conflicts. (Translation context
"MainWindow", where these sentences were first written.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def error_words(exc: BaseException) -> str:
    """An error as the user's language says it, where its kind is known (else as given)."""
    from factory_grader.domain.errors import DatabaseError, DataChanged, OpenConflicts

    if isinstance(exc, DataChanged):
        return QCoreApplication.translate(
            "MainWindow",
            "The questionnaire or rule data of this revision changed since its answers were given. See what changes (results page: See what changes and update…) and update before finalising.",
        )
    if isinstance(exc, OpenConflicts):
        return QCoreApplication.translate(
            "MainWindow",
            "This revision has open conflicts. Choose the final value of each first (Open conflicts…).",
        )
    meaning = exc.meaning if isinstance(exc, DatabaseError) else None
    words = {
        "locked": QCoreApplication.translate(
            "MainWindow",
            "The database is in use by another program. Close it and try again; nothing was lost.",
        ),
        "read-only": QCoreApplication.translate(
            "MainWindow",
            "The database is read-only here, so changes cannot be saved. Check the folder's permissions.",
        ),
        "full": QCoreApplication.translate(
            "MainWindow", "The disk is full: the change was not saved."
        ),
        "damaged": QCoreApplication.translate(
            "MainWindow", "The database is damaged. Restore a backup copy."
        ),
        "io": QCoreApplication.translate(
            "MainWindow", "The disk could not be read or written (is it unplugged or failing?)."
        ),
        "unreachable": QCoreApplication.translate(
            "MainWindow", "The database server cannot be reached. Check the network and the server."
        ),
        "server-shutdown": QCoreApplication.translate(
            "MainWindow", "The database server is restarting. Try again shortly."
        ),
        "login": QCoreApplication.translate(
            "MainWindow", "The database server refused the login. Check the user name and password."
        ),
        "no-permission": QCoreApplication.translate(
            "MainWindow", "The database user is not allowed to do this."
        ),
        "missing": QCoreApplication.translate("MainWindow", "The file is not there."),
        "data-folder-missing": QCoreApplication.translate(
            "MainWindow",
            "The data folder is not there. If it is on a USB stick or another disk, plug it in and start the app again; nothing was created in its place.",
        ),
        "not-a-database": QCoreApplication.translate("MainWindow", "The file is not a database."),
        "foreign": QCoreApplication.translate(
            "MainWindow", "The file is another program's database, not this app's."
        ),
        "newer": QCoreApplication.translate(
            "MainWindow",
            "The file was made by a newer version of this app. Update the app to use it.",
        ),
        "server-backup": QCoreApplication.translate(
            "MainWindow",
            "A database server is backed up and restored with its own tools (pg_dump and pg_restore); ask its administrator.",
        ),
    }
    text = words.get(meaning or "")
    return f"{text}\n\n{exc}" if text else str(exc)
