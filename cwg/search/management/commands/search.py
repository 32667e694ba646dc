import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError

from cwg.search.engine import BACKEND_NAMES, get_backend, search


class Command(BaseCommand):
    help = "Search the index as a user and print the results."

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--user", default=None)
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--backend", choices=BACKEND_NAMES, default=None)

    def handle(self, *args, query, user, limit, json: bool, backend, **options):
        account = AnonymousUser()
        if user:
            try:
                account = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"no user named {user!r}") from error
        results = search(
            user=account, text=query, per_page=max(limit, 1), backend=get_backend(backend)
        )
        payload = {
            "total": results.total,
            "more": results.more,  # more match than total: counting stopped there
            "results": [hit.as_dict() for hit in results.hits],
        }
        if json:
            self.stdout.write(_dumps(payload))
            return
        if results.message:
            self.stderr.write(results.message)
        if results.degraded:
            self.stderr.write("Elasticsearch is unavailable: these results come from the database.")
        more = "more than " if results.more else ""
        self.stdout.write(f"{more}{results.total} result(s)")
        for hit in payload["results"]:
            self.stdout.write(
                f"{hit['score']:>8} {hit['kind']} {hit['id']} {hit['symbol']} {hit['title']}"
            )


def _dumps(payload) -> str:
    return json.dumps(payload, ensure_ascii=False)
