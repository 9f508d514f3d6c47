"""`{% content_pageurl page %}`: Wagtail's `{% pageurl %}` built once per content version
(`courses.content_cache`), host and language — a list of cards (“Việc học của tôi”) links dozens
of pages, and each `Page.get_url` costs more than the rest of its card. A page's URL changes only
when it (or an ancestor) is saved, moved or (un)published, or a site is edited: each bumps the version."""

from django import template
from django.utils import translation
from wagtail.templatetags.wagtailcore_tags import pageurl

from courses.content_cache import content_cached, request_content_version

register = template.Library()


@register.simple_tag(takes_context=True)
def content_pageurl(context, page):
    request = context.get("request")
    if request is None:
        return pageurl(context, page)
    # The host picks the site (and the site's edits bump the version): no site lookup per page.
    key = ("pageurl", page.pk, request.get_host(), request.is_secure(), translation.get_language())
    return content_cached(key, lambda: pageurl(context, page), version=request_content_version(request))
