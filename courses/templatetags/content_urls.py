"""`{% content_pageurl page %}`: Wagtail's `{% pageurl %}` built once per content version
(`courses.content_cache`), host and language — a list of cards (“Việc học của tôi”) links dozens
of pages, and each `Page.get_url` costs more than the rest of its card. A page's URL changes only
when it (or an ancestor) is saved, moved or (un)published, or a site is edited: each bumps the version.

`{% content_fragment "name" key… %}…{% endcontent_fragment %}`: a piece of a page that shows
published content only (no person, no form token) rendered once per content version, key, host and
language; a preview, or a request with a query string (filters, paging), renders it afresh."""

from django import template
from django.utils import translation
from wagtail.templatetags.wagtailcore_tags import pageurl

from courses.content_cache import content_cached, request_content_version

register = template.Library()


def _site_key(request) -> tuple:
    """What a page's URL depends on besides the content: host, scheme, language (read once per request)."""
    language = translation.get_language()
    memo = getattr(request, "_content_site_key", None)
    if memo is None or memo[-1] != language:
        memo = request._content_site_key = (request.get_host(), request.is_secure(), language)
    return memo


@register.simple_tag(takes_context=True)
def content_pageurl(context, page):
    request = context.get("request")
    if request is None:
        return pageurl(context, page)
    # The host picks the site (and the site's edits bump the version): no site lookup per page.
    key = ("pageurl", page.pk, *_site_key(request))
    return content_cached(key, lambda: pageurl(context, page), version=request_content_version(request))


class ContentFragmentNode(template.Node):
    def __init__(self, name, keys, nodelist):
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or request.method != "GET" or request.GET:
            return self.nodelist.render(context)
        key = ("fragment", self.name.resolve(context), *(k.resolve(context) for k in self.keys), *_site_key(request))
        return content_cached(key, lambda: self.nodelist.render(context), version=request_content_version(request))


@register.tag
def content_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("content_fragment needs a name")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]], nodelist)
