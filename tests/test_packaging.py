"""pyproject.toml's packaging, as setuptools reads it: `pip install -e .` (make demo) and a wheel build say
nothing is amiss."""

from __future__ import annotations

import tomllib

from undersigned import PROJECT_ROOT

SETUPTOOLS = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_every_folder_python_could_import_from_a_package_is_a_package_of_its_own():
    """setuptools warns of a folder of data inside a package ('ingest.lexicon' is absent from packages),
    and a wheel may leave its files out."""
    packages = set(SETUPTOOLS["packages"])
    unlisted = [f"{package}.{folder.name}" for package in packages
                for folder in PROJECT_ROOT.joinpath(*package.split(".")).iterdir()
                if folder.is_dir() and folder.name.isidentifier() and folder.name != "__pycache__"
                and f"{package}.{folder.name}" not in packages]
    assert unlisted == []


def test_package_data_belongs_to_listed_packages_and_names_files_that_exist():
    for package, patterns in SETUPTOOLS["package-data"].items():
        assert package in SETUPTOOLS["packages"]
        folder = PROJECT_ROOT.joinpath(*package.split("."))
        assert all(list(folder.glob(pattern)) for pattern in patterns), package


def test_an_editable_install_is_a_path_entry_for_the_project_folder():
    """With the packages at the project's top and package-dir naming it, setuptools installs in editable
    mode with a .pth file; otherwise it warns that folders in the working directory may shadow packages."""
    assert SETUPTOOLS["package-dir"] == {"": "."}
