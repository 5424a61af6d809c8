"""Placing organisations from their names: right where the name says, nothing where it does not."""

from __future__ import annotations

import pytest

from ingest.places import is_place, locate


@pytest.mark.parametrize("name, country, source", [
    ("Tibet Initiative Deutschland", "DE", "name"),
    ("Associazione Italia-Tibet", "IT", "name"),
    ("Swedish Tibet Committee", "SE", "name"),
    ("Asociación Cultural Peruano Tibetana", "PE", "name"),
    ("Czechs Support Tibet", "CZ", "name"),
    ("The Norwegian Tibet Committee", "NO", "name"),
    ("U.S. Tibet Committee", "US", "name"),
    ("Amigos de Tibet, La Unión Chile", "CL", "name"),
    ("Alaskans for Tibet", "US", "state"),
    ("TIBETmichigan", "US", "state"),
    ("Tibetan Cultural Association – Quebec", "CA", "state"),
    ("Tibetisches Zentrum Hamburg", "DE", "city"),
    ("Tashi Delek Bordeaux", "FR", "city"),
    ("Tibetan Association of Ithaca", "US", "city"),
    ("Boston Tibet Network", "US", "city"),
    ("Swiss Tibetan Friendship Association (GSTF)", "CH", "name"),  # a people's word with no stem in common
    ("Asociación Cultural Tibetano Costarricense", "CR", "name"),
    ("Anterrashtriya Bharat – Tibbet Sahyog Samiti", "IN", "name"),  # India's name in Hindi
])
def test_a_name_that_says_where(name, country, source):
    place = locate(name)
    assert place is not None and (place.country, place.source) == (country, source)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize("name", [
    "Taiwan Friends of Tibet",  # a cause is never a location
    "Human Rights Network for Tibet & Taiwan",
    "The Youth Liberation Front of Tibet, Mongolia and Turkestan",  # not Liberia
    "Centro para la Apertura y el Desarrollo de América Latina",  # not the United States
    "Santa Barbara Friends of Tibet",  # not Barbados; the city is too small to be sure of
    "International Tibet Independence Movement",  # not Independence, Missouri
    "Phagma Drolma-Arya Tara",  # not Tara, Russia
    "Students for a Free Tibet",
    "Chinese Human Rights Defenders",
])
def test_a_name_that_does_not_say_where_gets_nothing(name):
    assert locate(name) is None


def test_a_city_gives_its_own_coordinates():
    place = locate("Free Tibet Fukuoka")
    assert (place.country, place.city) == ("JP", "Fukuoka")
    assert 33 < place.lat < 34 and 130 < place.lon < 131


@pytest.mark.parametrize("name", ["Latin America", "Afrique", "Lateinamerika", "Europa", "Sudeste Asiático",
                                  "Caribbean"])
def test_a_region_of_the_world_is_a_place_and_no_signer(name):
    assert is_place(name)
    assert not is_place(f"Friends of the Earth {name}")
