"""Vietnamese first: the interface language is Vietnamese unless the person chose English with
the language switch (cookie) or in their admin profile. A phone whose system language happens to
be English must not turn an agency's Vietnamese product into English on its own."""


class VietnameseFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # LocaleMiddleware falls back to Accept-Language; without it, the choice is explicit only.
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
