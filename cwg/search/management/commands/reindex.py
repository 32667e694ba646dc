from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cwg.search.backends import BackendUnavailable
from cwg.search.engine import BACKEND_NAMES, get_backend, index_backends, reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every registered source: by default every index the "
        "product writes to (the database's, and Elasticsearch's when ELASTICSEARCH_URL is set)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backend", choices=BACKEND_NAMES, default=None)

    def handle(self, *args, backend, **options):
        for target in [get_backend(backend)] if backend else index_backends():
            with tqdm(desc=target.name, unit="entries", file=self.stderr) as bar:
                try:
                    count = reindex(backend=target, progress=bar.update)
                except BackendUnavailable as error:
                    raise CommandError(f"{target.name} could not be rebuilt: {error}") from error
            self.stdout.write(f"{target.name}: {count} entries indexed")
