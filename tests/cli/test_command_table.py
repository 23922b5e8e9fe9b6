"""Every command the parser offers has its handler, and its --help works (handlers were lost
once in a refactor: a command that parsed, then failed)."""

from __future__ import annotations

import argparse

import pytest

from factory_grader.cli import build_parser, commands, main


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:  # argparse keeps its subparsers here, and nowhere public
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = _commands(sub, (*path, name))
                found += inner or [((*path, name), sub)]
    return found


ALL = _commands(build_parser())


def test_the_table_holds_every_command_users_know() -> None:
    names = {" ".join(path) for path, _ in ALL}
    assert {
        "score", "export", "verify", "compare", "assessments import", "assessments list",
        "doctor", "example", "gui", "backup", "restore", "move-data", "demo", "template",
        "forms list",
    } <= names  # fmt: skip


@pytest.mark.parametrize(("path", "parser"), ALL, ids=[" ".join(p) for p, _ in ALL])
def test_each_command_has_its_handler_and_help(
    path: tuple[str, ...], parser: argparse.ArgumentParser, capsys
) -> None:
    handler = parser.get_default("handler")
    if path == ("gui",):
        assert handler is None and parser.get_default("gui") is True
    else:
        assert isinstance(handler, str) and callable(getattr(commands, handler, None)), handler
    with pytest.raises(SystemExit) as stop:
        main([*path, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("usage: factory-grader " + " ".join(path))
