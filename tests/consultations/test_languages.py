"""The public answers a call in any of the six UN languages, Arabic right to left."""

import pytest
from django.urls import reverse

from consultations.models import ConsultationCall
from consultations.services import submit_input, withdraw_link_token

pytestmark = pytest.mark.django_db

# language: (lang attribute, the form's button, its first label, the closed-call notice, sign in)
PAGES = {
    "ar": (
        "ar",
        "أرسل مساهمتي",
        "اسمك",
        "أُغلقت هذه الدعوة لتقديم المساهمات",
        "تسجيل الدخول",
    ),
    "zh-hans": ("zh-hans", "提交我的意见", "您的姓名", "本次征求意见已结束", "登录"),
    "en": (
        "en",
        "Send my input",
        "Your name",
        "This call for inputs is closed",
        "Sign in",
    ),
    "fr": (
        "fr",
        "Envoyer ma contribution",
        "Votre nom",
        "Cet appel à contributions est clos",
        "Se connecter",
    ),
    "ru": (
        "ru",
        "Отправить мой материал",
        "Ваше имя",
        "Этот призыв к представлению материалов закрыт",
        "Войти",
    ),
    "es": (
        "es",
        "Enviar mi aportación",
        "Su nombre",
        "Esta convocatoria de aportaciones está cerrada",
        "Iniciar sesión",
    ),
}


def input_in(call, people, language: str):
    return submit_input(
        call=call,
        by=people["public"],
        name="N",
        email="n@example.invalid",
        stakeholder_type="other",
        answers={call.questions.first().pk: "x"},
        language=language,
    )


@pytest.mark.parametrize("language", list(PAGES))
def test_public_form_in_each_language(client, call, language):
    lang, button, label, closed, sign_in = PAGES[language]
    url = reverse("consultations:submit", args=[call.code])
    body = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{lang}" dir="{"rtl" if language == "ar" else "ltr"}">' in body
    assert button in body
    assert label in body
    assert sign_in in body
    assert f'<option value="{lang}" selected>' in body  # the input's language, by default
    ConsultationCall.objects.filter(pk=call.pk).update(status="closed")
    body = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert closed in body


@pytest.mark.parametrize("language", list(PAGES))
def test_confirmation_and_private_page_in_each_language(client, call, people, language):
    item = input_in(call, people, language)
    token = withdraw_link_token(submission=item)
    received = client.get(
        reverse("consultations:received", args=[call.code, token]),
        HTTP_ACCEPT_LANGUAGE=language,
    ).content.decode()
    assert 'dir="rtl"' in received if language == "ar" else 'dir="ltr"' in received
    assert item.reference in received
    own = client.get(reverse("consultations:own", args=[token]), HTTP_ACCEPT_LANGUAGE=language)
    assert own.status_code == 200
    if language != "en":
        assert "Withdraw my input" not in own.content.decode()


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fr", "ru", "es"])
def test_receipt_email_is_in_the_inputs_language(
    call, people, language, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        input_in(call, people, language)
    assert "Thank you" not in mailoutbox[0].body
    assert "/consultations/mine/" in mailoutbox[0].body
    assert "WSIS20-0001" in mailoutbox[0].subject
