"""Every URL pattern of the project, found by walking the resolver."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str


def all_routes() -> list[Route]:
    def walk(resolver: URLResolver, prefix: str, namespace: str):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
                yield from walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                yield Route(namespace + (entry.name or ""), prefix + str(entry.pattern))

    return sorted(set(walk(get_resolver(), "", "")), key=lambda route: route.name)
