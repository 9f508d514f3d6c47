"""The API's OpenAPI schema validates (openapi-spec-validator) and describes every route; the docs
page is served from our origin (the site's Content-Security-Policy allows no third-party script)."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

ROUTES = {
    ("/api/v1/campaigns", "get"),
    ("/api/v1/campaigns/{slug}/compliance", "get"),
    ("/api/v1/campaigns/{slug}/agencies", "get"),
    ("/api/v1/campaigns/{slug}/certificates", "get"),
    ("/api/v1/roster", "post"),
    ("/api/v1/evidence", "post"),
}


def test_the_schema_validates_and_names_every_route(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    routes = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert routes == ROUTES
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    for path, method in ROUTES:
        assert schema["paths"][path][method]["security"] == [{"TokenAuth": []}]
    row = schema["components"]["schemas"]["ComplianceRow"]
    assert list(row["properties"]) == ["employee_code", "full_name", "unit", "category", "requirement", "status",
                                       "evidence", "evidence_date"]


def test_the_docs_page_loads_its_scripts_from_our_origin(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "/api/v1/openapi.json" in html
    assert "cdn." not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
