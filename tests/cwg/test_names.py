"""Names in the six languages (issue 14, point 4): ITU's short names of member states in English,
French and Spanish, the UN's where CLDR's short form is not one; officers' titles agree with their
form of address; the offices a document comes from are shown in the page's language."""

import pytest
from django.utils import translation

from cwg.member_states import itu_names, member_state_rows
from cwg.models import Officer
from documents.models import source_in_language
from tests.cwg.factories import OfficerFactory

ROWS = {row["iso_code"]: row for row in member_state_rows()}


@pytest.mark.parametrize(
    ("iso_code", "language", "name"),
    [
        ("KR", "en", "Korea (Rep. of)"),
        ("KR", "fr", "Corée (Rép. de)"),
        ("KR", "es", "Corea (Rep. de)"),
        ("KR", "ar", "جمهورية كوريا"),
        ("KR", "ru", "Республика Корея"),
        ("KR", "zh", "韩国"),
        ("CG", "en", "Congo (Rep. of the)"),
        ("CG", "fr", "Congo (Rép. du)"),
        ("CG", "es", "Congo (Rep. del)"),
        ("CG", "ru", "Конго"),
        ("CD", "en", "Dem. Rep. of the Congo"),
        ("CD", "ar", "جمهورية الكونغو الديمقراطية"),
        ("IR", "en", "Iran (Islamic Republic of)"),
        ("LA", "fr", "Lao (R.d.p.)"),
        ("RU", "zh", "俄罗斯联邦"),
        ("EG", "ar", "مصر"),
        ("EG", "fr", "Égypte"),
        ("ZA", "es", "Sudáfrica"),
        ("SE", "ru", "Швеция"),
    ],
)
def test_member_states_carry_itu_and_un_names(iso_code, language, name):
    assert ROWS[iso_code][f"name_{language}"] == name


def test_every_member_state_has_its_itu_names_and_none_is_a_cldr_short_form():
    assert len(ROWS) == 194
    assert set(itu_names()) == set(ROWS)
    for row in ROWS.values():
        for language in ("ar", "zh", "en", "fr", "ru", "es"):
            name = row[f"name_{language}"]
            assert name, (row["iso_code"], language)
            assert " - " not in name, name
            assert "&" not in name, name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "chair", "vice_chair"),
    [
        ("en", "Chair", "Vice-chair"),
        ("fr", "Présidente", "Vice-Présidente"),
        ("es", "Presidenta", "Vicepresidenta"),
        ("ru", "Председатель", "Заместитель Председателя"),
        ("zh-hans", "主席", "副主席"),
        ("ar", "الرئيسة", "نائبة الرئيس"),
    ],
)
def test_a_woman_officer_holds_the_feminine_title(language, chair, vice_chair):
    officer = OfficerFactory.build(
        name="Cynthia Lesufi", role=Officer.Role.CHAIR, form_of_address=Officer.FormOfAddress.MS
    )
    vice = OfficerFactory.build(
        role=Officer.Role.VICE_CHAIR, form_of_address=Officer.FormOfAddress.MS
    )
    with translation.override(language):
        assert officer.office == chair
        assert str(officer) == f"Cynthia Lesufi ({chair})"
        assert vice.office == vice_chair


@pytest.mark.django_db
def test_a_man_or_an_unrecorded_form_of_address_holds_the_unmarked_title():
    man = OfficerFactory.build(role=Officer.Role.CHAIR, form_of_address=Officer.FormOfAddress.MR)
    unrecorded = OfficerFactory.build(role=Officer.Role.CHAIR)
    with translation.override("fr"):
        assert man.office == "Président"
        assert unrecorded.office == "Président"
    with translation.override("ar"):
        assert man.office == "الرئيس"


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Secretariat, Chair"),
        ("fr", "Secrétariat, Président"),
        ("es", "Secretaría, Presidente"),
        ("ru", "Секретариат, Председатель"),
        ("zh-hans", "秘书处, 主席"),
        ("ar", "الأمانة, الرئيس"),
    ],
)
def test_the_offices_a_document_comes_from_are_translated(language, shown):
    with translation.override(language):
        assert source_in_language("Secretariat, Chair") == shown
        assert source_in_language("Vice-Chair") != "Vice-Chair" or language == "en"
        assert source_in_language("ETNO, Secretariat of X") == "ETNO, Secretariat of X"


@pytest.mark.parametrize(
    ("language", "secretariat", "sdg"),
    [
        ("en", "Secretariat", "SDG 4"),
        ("fr", "Secrétariat", "ODD 4"),
        ("ru", "Секретариат", "ЦУР 4"),
    ],
)
def test_role_groups_and_sdg_codes_are_shown_in_the_page_language(language, secretariat, sdg):
    from django.contrib.auth.models import Group

    from cwg.models import SustainableDevelopmentGoal
    from cwg.permissions import SECRETARIAT, group_label

    with translation.override(language):
        assert group_label(Group(name=SECRETARIAT)) == secretariat
        assert group_label(Group(name="Editors")) == "Editors"
        assert SustainableDevelopmentGoal(number=4).code == sdg
