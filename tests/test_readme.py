"""The README's promises: its two set-up commands, and that the output it quotes is real."""

from __future__ import annotations

import re
import subprocess

from undersigned import PROJECT_ROOT
from undersigned.cli import cli

README = (PROJECT_ROOT / "README.md").read_text("utf-8")


def code_blocks() -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)```", README, re.S)


def test_readme_opens_with_exactly_the_two_setup_commands():
    first = code_blocks()[0]
    assert README.index("```") < README.index("\n## ")
    commands = [line.split("#")[0].strip() for line in first.strip().splitlines()]
    assert commands == ["make demo", "make test"]


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_make_targets_do_what_the_readme_says():
    demo = subprocess.run(["make", "-n", "demo"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert ".venv/bin/undersigned demo" in demo.stdout
    test = subprocess.run(["make", "-n", "test"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert ".venv/bin/python -m pytest" in test.stdout


def quoted_output(command: str) -> list[str]:
    """The lines the README shows under `$ command`, up to the end of that code block."""
    block = next(block for block in code_blocks() if block.startswith(f"$ {command}\n"))
    return [line for line in block.splitlines()[1:] if line.strip() and "..." not in line]


def test_quoted_parse_text_output_is_what_parse_prints(runner, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    output = runner.invoke(cli, ["parse", "sample/remembering-tiananmen-2023.txt", "--format", "text"]).output
    for line in quoted_output("undersigned parse sample/remembering-tiananmen-2023.txt --format text"):
        assert line in output.splitlines()


def test_quoted_add_output_is_what_add_prints(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    db = str(tmp_path / "readme.db")
    runner.invoke(cli, ["add", "sample/remembering-tiananmen-2023.txt", "--db", db])
    command = "undersigned add tests/fixtures/markdown-letter.md sample/remembering-tiananmen-2023.txt missing.txt"
    result = runner.invoke(cli, command.split()[1:] + ["--db", db])
    assert result.exit_code == 1
    assert (result.stdout + result.stderr).splitlines() == quoted_output(command)


def test_quoted_missing_folder_output_is_what_add_prints(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    command = "undersigned add sample/remembering-tiananmen-2023.txt --db no-such-folder/statements.db"
    result = runner.invoke(cli, command.split()[1:])
    assert result.exit_code == 1
    assert result.output.splitlines() == quoted_output(command)


def test_the_bench_build_in_parts_is_the_command_and_files_the_readme_gives(monkeypatch):
    from pathlib import Path

    from bench.progress import bulk_path, progress_path

    monkeypatch.chdir(PROJECT_ROOT)
    line = next(line for block in code_blocks() for line in block.splitlines()
                if line.startswith("undersigned bench") and "--resume" in line)
    params = cli.get_command(None, "bench").make_context("bench", line.split()[2:]).params
    assert (params["n"], params["db_path"], params["resume"]) == (1_000_000, Path("big.db"), True)
    assert f"`{progress_path(Path('big.db'))}` beside `big.db`" in README
    assert f"built in `{bulk_path(Path('big.db'))}`" in README
