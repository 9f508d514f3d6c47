"""Documents filed before the agencies had collections (org 0005): HR's evidence documents move
into their agency's collection; every other document still in the root collection is content (a
library original, a lesson attachment: served to any logged-in user) and moves into the shared
library, which editors manage. A document filed as evidence by two agencies stays where it is
(superusers sort it out); the serving check still limits it to HR of those agencies."""

from collections import defaultdict

from django.db import migrations

LIBRARY = "Thư viện chung"


def documents_to_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Document = apps.get_model("wagtaildocs", "Document")
    OrgUnit = apps.get_model("org", "OrgUnit")
    SelfScoreEvidence = apps.get_model("reports", "SelfScoreEvidence")
    CampaignTargetEvidence = apps.get_model("reports", "CampaignTargetEvidence")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    agencies = defaultdict(set)
    for document_id, agency_id in SelfScoreEvidence.objects.filter(document__isnull=False).values_list(
            "document_id", "score__criterion__agency_id"):
        agencies[document_id].add(agency_id)
    for document_id, agency_id in CampaignTargetEvidence.objects.values_list(
            "document_id", "target__campaign__agency_id"):
        agencies[document_id].add(agency_id)
    collection_of = dict(OrgUnit.objects.filter(depth=1, document_collection__isnull=False)
                         .values_list("pk", "document_collection_id"))
    for document_id, owners in agencies.items():
        if len(owners) == 1 and collection_of.get(next(iter(owners))):
            Document.objects.filter(pk=document_id).update(collection_id=collection_of[next(iter(owners))])
    library = Collection.objects.filter(depth=2, name=LIBRARY).first()
    if library is not None:
        Document.objects.filter(collection=root).exclude(pk__in=list(agencies)).update(collection=library)


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0006_province_submissions"),
        ("org", "0005_agency_document_collections"),
    ]

    operations = [migrations.RunPython(documents_to_collections, migrations.RunPython.noop)]
