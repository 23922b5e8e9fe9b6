"""What a database refusal means, as a sentence in either language (DatabaseError.meaning):
one catalogue for the command line, the window and doctor. The English message with its
technical detail (the driver's own words) goes to the log and to the English interface."""

from __future__ import annotations

from factory_grader.domain.text import Text

MEANINGS: dict[str, Text] = {
    "locked": Text(
        "数据库正被其他程序使用。请关闭该程序后重试；数据没有丢失。",
        "The database is in use by another program. Close it and try again; nothing was lost.",
    ),
    "read-only": Text(
        "数据库在此处为只读，修改无法保存。请检查文件夹的权限。",
        "The database is read-only here, so changes cannot be saved."
        " Check the folder's permissions.",
    ),
    "upgrade-read-only": Text(
        "该数据库需要升级到本版本的结构，但在此处为只读。请检查文件夹的权限，"
        "或用生成它的版本打开。",
        "The database needs an upgrade for this version but is read-only here. Check the"
        " folder's permissions, or open it with the version that made it.",
    ),
    "hot-journal": Text(
        "数据库上次写入时被中断，需要在可以写入的位置打开一次才能恢复。请检查文件夹的权限。",
        "The database was interrupted while being written; it recovers when opened once where it"
        " can be written. Check the folder's permissions.",
    ),
    "full": Text("磁盘已满：本次修改没有保存。", "The disk is full: the change was not saved."),
    "damaged": Text(
        "数据库已损坏。请恢复备份副本。", "The database is damaged. Restore a backup copy."
    ),
    "io": Text(
        "无法读写磁盘（是否已拔出或出现故障？）。",
        "The disk could not be read or written (is it unplugged or failing?).",
    ),
    "cannot-open": Text(
        "无法打开数据库文件。请检查路径和权限。",
        "The database file cannot be opened. Check the path and the permissions.",
    ),
    "no-folder": Text(
        "无法创建数据库所在的文件夹。请检查路径和权限。",
        "The database's folder cannot be created. Check the path and the permissions.",
    ),
    "is-folder": Text("这是文件夹，不是数据库文件。", "This is a folder, not a database file."),
    "missing": Text("文件不存在。", "The file is not there."),
    "data-folder-missing": Text(
        "数据文件夹不存在。如果它在 U 盘或其他磁盘上，请插入后重新启动本软件；"
        "本软件没有在别处新建数据。",
        "The data folder is not there. If it is on a USB stick or another disk, plug it in and"
        " start the app again; nothing was created in its place.",
    ),
    "not-a-database": Text("该文件不是数据库。", "The file is not a database."),
    "foreign": Text(
        "该文件是其他程序的数据库，不是本软件的数据。",
        "The file is another program's database, not this app's.",
    ),
    "newer": Text(
        "该数据库由更新版本的本软件生成。请先升级本软件。",
        "The database was made by a newer version of this app. Update the app to use it.",
    ),
    "older": Text(
        "该数据库的结构版本较旧。请先用本软件打开一次（会自动升级），再进行此操作。",
        "The database has an older schema. Open it with this app once (it upgrades it), then"
        " do this.",
    ),
    "upgrade-failed": Text(
        "数据库升级没有完成，升级前自动备份的副本已保留。请联系技术支持。",
        "The database upgrade did not complete; the copy made before it is kept. Contact support.",
    ),
    "bad-url": Text(
        "这不是有效的数据库地址（例如 sqlite:///路径/文件.db 或"
        " postgresql+psycopg://用户@主机/库名）。",
        "This is not a database URL (e.g. sqlite:///path/file.db or"
        " postgresql+psycopg://user@host/db).",
    ),
    "in-memory": Text(
        "内存数据库不保存任何内容，请给出文件路径。",
        "An in-memory database keeps nothing: give a file path.",
    ),
    "unsupported": Text(
        "本软件不能使用这种数据库（支持 SQLite 和 PostgreSQL）。",
        "This app cannot use that kind of database (SQLite and PostgreSQL are supported).",
    ),
    "unreachable": Text(
        "无法连接数据库服务器。请检查网络和服务器。",
        "The database server cannot be reached. Check the network and the server.",
    ),
    "server-shutdown": Text(
        "数据库服务器正在重启，请稍后重试。",
        "The database server is restarting. Try again shortly.",
    ),
    "login": Text(
        "数据库服务器拒绝登录。请检查用户名和密码。",
        "The database server refused the login. Check the user name and password.",
    ),
    "no-permission": Text(
        "数据库用户没有执行此操作的权限。", "The database user is not allowed to do this."
    ),
    "no-database": Text(
        "服务器上没有这个数据库。请检查数据库名称。",
        "There is no such database on the server. Check its name.",
    ),
    "server-backup": Text(
        "数据库服务器需用其自带工具（pg_dump 和 pg_restore）备份和恢复，请联系服务器管理员。",
        "A database server is backed up and restored with its own tools (pg_dump and"
        " pg_restore); ask its administrator.",
    ),
    "backup-failed": Text(
        "备份没有写成。请检查目标文件夹的剩余空间和权限；原数据没有改动。",
        "The backup could not be written. Check the target folder's free space and"
        " permissions; the data was not changed.",
    ),
    "restore-failed": Text(
        "没有从备份恢复；现有数据没有改动。",
        "The backup could not be restored; the current data was not changed.",
    ),
    "failed": Text(
        "数据库操作没有完成（详情见日志）；数据没有改动。",
        "The database operation did not complete (details in the log); nothing was changed.",
    ),
}


def meaning_words(meaning: str | None) -> Text:
    """The sentence of a meaning; an unknown one (or none) says the operation failed."""
    return MEANINGS.get(meaning or "", MEANINGS["failed"])
