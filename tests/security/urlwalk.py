"""Our URL patterns, found by walking the resolver: every pattern outside `/admin/` except
Wagtail's own (page serving, i18n), and the `/admin/` patterns whose view lives in our apps."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

OUR_APPS = ("core.", "org.", "learning.", "courses.", "quizzes.", "certificates.", "reports.", "reflections.", "config.")


@dataclass(frozen=True)
class Route:
    name: str       # namespaced URL name
    pattern: str    # the full pattern text
    module: str     # dotted path of the view (class or function)


def _view_path(pattern: URLPattern) -> str:
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return f"{view_class.__module__}.{view_class.__qualname__}"
    return f"{callback.__module__}.{getattr(callback, '__qualname__', callback.__class__.__name__)}"


def _walk(patterns, prefix: str = "", namespace: str | None = None):
    for item in patterns:
        if isinstance(item, URLResolver):
            ns = namespace
            if item.namespace:
                ns = f"{namespace}:{item.namespace}" if namespace else item.namespace
            yield from _walk(item.url_patterns, prefix + str(item.pattern), ns)
        elif isinstance(item, URLPattern):
            name = f"{namespace}:{item.name}" if namespace and item.name else (item.name or "")
            yield Route(name=name, pattern=prefix + str(item.pattern), module=_view_path(item))


def our_routes() -> list[Route]:
    routes = []
    for route in _walk(get_resolver().url_patterns):
        module = route.module
        if route.pattern.startswith("admin/"):
            if module.startswith(OUR_APPS):
                routes.append(route)
        elif route.pattern.startswith("documents/"):
            routes.append(route)  # Wagtail documents carry HR's evidence files
        elif module.startswith(OUR_APPS) or module.startswith("django.contrib.auth."):
            routes.append(route)
    return routes
