import os

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _content_cache():
    """Published content cached in memory (courses.content_cache) never outlives a test: ids are
    reused once a test's rows are rolled back."""
    from courses.content_cache import forget
    from learning.templatetags.my_learning import forget as forget_cards
    from quizzes import question_cache

    forget(), forget_cards(), question_cache.forget()
    yield
    forget(), forget_cards(), question_cache.forget()


@pytest.fixture
def english():
    """Import problems are Vietnamese gettext strings; tests of a service's problems read them in
    English, as the commands print them (docs/contract.md), with `usefixtures("english")`."""
    from django.utils import translation

    with translation.override("en"):
        yield


def _transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames


@pytest.fixture(autouse=True)
def _wagtail_tree(request):
    """A transactional test flushes every table, including the root collection, locale, tree root,
    home page and site that Wagtail's migrations create; put them back as those migrations do, so the order
    in which tests run never matters."""
    if _transactional(request):
        request.getfixturevalue("transactional_db")
        _restore_wagtail_tree()
    yield


def _restore_wagtail_tree() -> None:
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page, Site

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.exists():
        home = root.get_children().first() or root.add_child(instance=Page(title="Trang chủ", slug="home"))
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL=postgres://… (as .ci/run does)")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)


os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop and the live server share threads
