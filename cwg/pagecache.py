"""Public pages served from Django's cache to anonymous visitors, invalidated by what changes them.

cwg knows no app (it is the bottom layer): a view says which scopes its page depends on
(`@public_page(lambda number: [f"meeting:{number}"])`), and each app says which of its saves
change which scopes (`invalidate_when_saved(Document, scopes=...)`, from its ready()).

Each scope has a generation (a random token in the cache). A cached page records the generations
it was rendered under, read *before* rendering; it is served only while they are all current, so
a change that commits while a page is being rendered makes that page stale at once instead of
caching old data. Saving bumps the scope now (so the request or test that made the change reads
its own writes) and again after commit (so a page rendered from the old rows by another request
in between is not served). A rolled-back change only costs one extra render.

Only pages any anonymous visitor would get are shared: a request with a session (signed in, or
carrying messages) is never served from nor stored in the cache, and a response is stored only
if it is a plain 200 that sets no cookie, used no CSRF token and showed no message.
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

PAGE_PREFIX = "cwg:page:"
GENERATION_PREFIX = "cwg:page-generation:"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage.cookie_name
HOME_SCOPE = "home"  # the group, its officers and its meetings
OPEN_DATA_SCOPE = "open-data"  # what /open-data/ lists
SEARCH_SCOPE = "search"  # every search result: bumped whenever the index is written


def _generation_key(scope: str) -> str:
    return GENERATION_PREFIX + scope


def _page_key(request: HttpRequest) -> str:
    # The active language is what LocaleMiddleware chose (cookie, then Accept-Language); the
    # API answers JSON or its browsable HTML by the Accept header.
    asked = f"{request.get_full_path()}\n{request.META.get('HTTP_ACCEPT', '')}".encode()
    return f"{PAGE_PREFIX}{get_language()}:{hashlib.sha256(asked).hexdigest()}"


def bump(*scopes: str) -> None:
    """Make every cached page of these scopes stale now."""
    cache.set_many({_generation_key(scope): uuid.uuid4().hex for scope in scopes}, timeout=None)


def invalidate(*scopes: str) -> None:
    """Make these scopes stale now and again when the current transaction commits."""
    scopes = tuple(dict.fromkeys(scopes))  # in order, once each
    if not scopes:
        return
    bump(*scopes)
    transaction.on_commit(partial(bump, *scopes))


def invalidate_when_saved(
    model,
    *,
    scopes: Callable[[object], Iterable[str]],
    uid: str,
    m2m_fields: Iterable[str] = (),
    unseen_fields: Iterable[str] = (),
) -> None:
    """Saving or deleting a row of `model` (or changing one of its many-to-many fields)
    invalidates `scopes(row)`; `scopes` returns nothing when the public cannot see the change.
    A save limited to `unseen_fields` (update_fields) changes no page: a counter, a timestamp."""
    unseen_fields = frozenset(unseen_fields)

    def on_change(instance, **kwargs) -> None:
        action = kwargs.get("action")
        if action is not None and not action.startswith("post_"):
            return  # m2m_changed: act once, after the change
        saved_fields = kwargs.get("update_fields")
        if saved_fields and unseen_fields.issuperset(saved_fields):
            return
        if kwargs.get("reverse"):  # changed from the other side: `instance` is not a `model`
            rows = model._default_manager.filter(pk__in=kwargs.get("pk_set") or ())
        else:
            rows = [instance]
        invalidate(*(scope for row in rows for scope in scopes(row)))

    post_save.connect(on_change, sender=model, weak=False, dispatch_uid=f"{uid}.save")
    post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=f"{uid}.delete")
    for name in m2m_fields:
        through = model._meta.get_field(name).remote_field.through
        m2m_changed.connect(on_change, sender=through, weak=False, dispatch_uid=f"{uid}.{name}")


def _may_use_shared_cache(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META  # an API token: that user's own answer
        and not request.user.is_authenticated
    )


def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and "no-store" not in response.get("Cache-Control", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not (messages is not None and (messages.used or messages.added_new))
        and not (session is not None and session.modified)
    )


def public_page(scopes: Callable[..., Iterable[str]]):
    """Serve the view's page to anonymous visitors from the cache.

    `scopes` gets the view's URL keyword arguments and names what the page shows.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _may_use_shared_cache(request):
                return view(request, *args, **kwargs)
            generation_keys = [_generation_key(scope) for scope in scopes(**kwargs)]
            page_key = _page_key(request)
            found = cache.get_many([page_key, *generation_keys])
            generations = [found.get(key) for key in generation_keys]
            entry = found.get(page_key)
            if entry is not None and entry["generations"] == generations:
                response = HttpResponse(entry["content"])
                for header, value in entry["headers"]:
                    response[header] = value
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if _may_store(request, response):
                entry = {
                    "generations": generations,
                    "content": response.content,
                    "headers": list(response.items()),  # Content-Type, the API's Vary and Allow
                }
                cache.set(page_key, entry, timeout=settings.PUBLIC_PAGE_CACHE_SECONDS)
                response["X-Page-Cache"] = "miss"
            return response

        return wrapper

    return decorator


def connect() -> None:
    """cwg's own rows shown on the home page."""
    from cwg.models import Officer, Resolution, WorkingGroup

    for model in (WorkingGroup, Officer, Resolution):
        invalidate_when_saved(
            model,
            scopes=lambda row: [HOME_SCOPE],
            uid=f"cwg.{model.__name__.lower()}",
            m2m_fields=["mandate_resolutions"] if model is WorkingGroup else (),
        )
