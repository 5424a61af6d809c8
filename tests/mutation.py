"""Mutation testing (`make mutation`; not in CI, not in `make test`): mutmut changes one thing at a time in
the parser, the loader, search and the crawler's politeness code, and each change that no test notices is a
surviving mutant. Each module runs with its own fast, relevant tests, in its own folder under build/mutation/
(mutmut reads its settings from the pyproject.toml of the folder it runs in, and copies the code into
mutants/ there). Within those tests, mutmut runs for each mutant only the tests that call the function it
changed, stopping at the first failure.

    python -m tests.mutation [MODULE...]     # parse, load, search, http; all of them by default

Each module's surviving mutants are written to build/mutation/<module>/survivors.txt, with their diffs.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from undersigned import PROJECT_ROOT

POLITENESS = [
    "every_statement_once_non_statements_archived_and_robots_obeyed",
    "requests_in_flight_never_exceed_the_concurrency_limit",
    "a_second_crawl_sends_conditional_requests_and_reparses_nothing",
    "faults_are_retried_and_the_crawl_completes",
    "retry_after_is_honoured",
    "a_retry_after_longer_than_we_wait_fails_the_url_at_once",
    "a_retry_after_date_without_a_zone_is_read_as_utc",
    "a_url_that_keeps_failing_is_recorded_with_its_reason_and_the_crawl_goes_on",
    "robots_txt_that_keeps_failing_forbids_the_site",
    "robots_txt_failing_briefly_is_retried",
    "a_robots_txt_that_disallows_everything_closes_the_site",
    "a_missing_robots_txt_allows_everything",
    "a_disallowed_url_that_discovery_lists_is_never_requested",
    "a_robots_txt_that_does_not_come_is_reported_as_such",
    "redirects_are_followed_hop_by_hop_within_the_site_and_robots_txt",
    "the_www_prefix_and_https_are_the_same_site_and_other_hosts_are_not",
    "the_site_is_crawled_no_faster_than_its_delay",
    "a_crawl_delay_in_robots_txt_is_obeyed",
    "a_crawl_delay_longer_than_we_wait_skips_the_site",
    "a_body_over_the_size_cap_fails_its_url_without_a_retry",
    "every_request_has_one_deadline_a_trickled_body_and_a_silent_server_included",
    "a_host_that_keeps_timing_out_is_given_up_for_the_run",
    "a_refused_connection_says_so",
    "bad_urls_in_a_sitemap_and_redirects_are_one_failure_line_each_and_the_crawl_goes_on",
    "hostile_rest_api_answers_are_read_without_raising",
    "every_request_says_who_is_asking",
    "a_retry_waits_the_backoff_doubled_each_time_give_or_take_half",
    "the_size_cap_holds_for_a_body_of_undeclared_length_and_a_body_at_the_cap_is_whole",
    "a_body_declared_over_the_size_cap_is_not_read",
    "a_redirect_is_followed_from_a_redirect_status_only_and_keeps_the_url_asked_for",
    "each_host_has_its_own_robots_txt",
    "a_robots_txt_in_error_forbids_the_site_and_a_missing_one_allows_it",
    "a_robots_txt_that_is_not_utf_8_is_read_all_the_same",
    "a_crawl_delay_as_long_as_we_wait_is_obeyed_from_the_robots_txt_request_on",
    "a_retry_after_as_long_as_we_wait_is_waited_for_the_last_attempt_too",
    "no_wait_follows_the_last_attempt",
    "a_body_that_keeps_breaking_off_is_reported_in_httpx_words",
    "connecting_has_its_own_shorter_deadline",
]
MODULES: dict[str, tuple[list[str], list[str]]] = {  # name: (what is mutated, the tests that judge it)
    "parse": (["ingest/parse/*"], [f"tests/test_{name}.py" for name in (
        "parse", "layouts", "sentences", "signatories", "demands", "metadata", "kinds", "language", "lexicon")]),
    "load": (["db/load.py"], ["tests/test_load.py", "tests/test_cli.py"]),
    "search": (["db/search.py"], ["tests/test_search.py"]),
    "http": (["ingest/http.py"], [f"tests/test_crawl.py::test_{name}" for name in POLITENESS]),
}
# What the mutated code and its tests need beside them; everything else is imported from the checkout.
LINKED = ("ingest", "db", "tests")
PYTEST_ARGS = ["-p", "no:cacheprovider", "-m", "not browser"]


def settings(mutate: list[str], tests: list[str]) -> str:
    """The project's pyproject.toml (pytest's settings with it) and mutmut's settings for one module."""
    toml = (PROJECT_ROOT / "pyproject.toml").read_text("utf-8")
    return toml + "\n[tool.mutmut]\n" + "\n".join([
        f"source_paths = {sorted({pattern.split('/')[0] for pattern in mutate})!r}",
        f"only_mutate = {mutate!r}",
        f"pytest_add_cli_args_test_selection = {tests!r}",
        f"pytest_add_cli_args = {PYTEST_ARGS!r}",
        "use_git_change_detection = false",
    ]) + "\n"


def prepare(name: str) -> Path:
    folder = PROJECT_ROOT / "build" / "mutation" / name
    folder.mkdir(parents=True, exist_ok=True)
    for package in LINKED:
        link = folder / package
        if not link.is_symlink():
            link.symlink_to(PROJECT_ROOT / package)
    mutate, tests = MODULES[name]
    (folder / "pyproject.toml").write_text(settings(mutate, tests), "utf-8")
    return folder


def run(name: str) -> float:
    """Run one module's mutants; write its survivors; the seconds it took."""
    folder = prepare(name)
    mutmut = [sys.executable, "-m", "mutmut"]
    started = time.monotonic()
    subprocess.run([*mutmut, "run"], cwd=folder, check=True)
    elapsed = time.monotonic() - started
    subprocess.run([sys.executable, "-c", "from tests.mutation import write_survivors; write_survivors()"],
                   cwd=folder, check=True)
    survivors = (folder / "survivors.txt").read_text("utf-8").count("\n# ")
    print(f"{name}: {survivors} surviving mutants in {elapsed / 60:.1f} minutes; "
          f"see {folder.relative_to(PROJECT_ROOT) / 'survivors.txt'}")
    return elapsed


def write_survivors() -> None:
    """In a module's folder: each surviving mutant, where it is and its diff, into survivors.txt. (mutmut's
    own `show` costs a process per mutant; this reads its results through the pinned version's modules.)"""
    from mutmut.__main__ import SourceFileMutationData, get_diff_for_mutant, status_by_exit_code, walk_mutatable_files

    entries = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for mutant, exit_code in sorted(data.exit_code_by_key.items()):
            if status_by_exit_code[exit_code] == "survived":
                diff = get_diff_for_mutant(mutant, path=path)
                entries.append(f"# {mutant}\n{where(diff)}\n{diff}")
    Path("survivors.txt").write_text("\n" + "\n".join(entries), "utf-8")


def where(diff: str) -> str:
    """file:line of the line a mutant changed (mutmut's diffs count lines from the top of the function)."""
    lines = diff.splitlines()
    path = next((line[4:] for line in lines if line.startswith("--- ")), None)
    removed = next((line[1:] for line in lines if line.startswith("-") and not line.startswith("---")), None)
    if path is None or removed is None:
        return path or "?"
    source = (PROJECT_ROOT / path).read_text("utf-8").splitlines()
    numbers = [number for number, line in enumerate(source, 1) if line == removed]
    return f"{path}:{','.join(map(str, numbers)) or '?'}"


def main(names: list[str]) -> None:
    unknown = sorted(set(names) - set(MODULES))
    if unknown:
        sys.exit(f"unknown modules {unknown}; choose from {sorted(MODULES)}")
    total = sum(run(name) for name in names or MODULES)
    print(f"mutation testing took {total / 60:.1f} minutes")


if __name__ == "__main__":
    main(sys.argv[1:])
