from django.core.management.base import BaseCommand
from tqdm import tqdm

from cwg.search.engine import BACKEND_NAMES, get_backend, reindex


class Command(BaseCommand):
    help = "Rebuild the search index from every registered source."

    def add_arguments(self, parser):
        parser.add_argument("--backend", choices=BACKEND_NAMES, default=None)

    def handle(self, *args, backend, **options):
        with tqdm(unit="entries", file=self.stderr) as bar:
            count = reindex(backend=get_backend(backend), progress=bar.update)
        self.stdout.write(f"{count} entries indexed")
