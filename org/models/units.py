"""The organisation: a tree of units (agency → departments → teams)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from org.scoping import OrgUnitManager


class OrgUnitKind(models.TextChoices):
    AGENCY = "agency", _("Cơ quan")
    DEPARTMENT = "department", _("Phòng, đơn vị")
    TEAM = "team", _("Tổ, bộ phận")


class OrgUnit(MP_Node):
    """A unit of the organisation. Roots are agencies; `path` gives the subtree in one query."""

    code = models.CharField(_("mã đơn vị"), max_length=32)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    kind = models.CharField(_("loại"), max_length=16, choices=OrgUnitKind.choices, default=OrgUnitKind.DEPARTMENT)
    governing_body = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True, help_text=_("Cho cơ quan: ví dụ UBND TỈNH TÂY NINH")
    )
    # Only agencies (roots) belong to a province; a deployment of one agency needs none.
    province = models.ForeignKey(
        "org.Province", null=True, blank=True, on_delete=models.PROTECT, related_name="agencies",
        verbose_name=_("tỉnh"),
    )
    # A unit is a record, not content: saving one must not enqueue a reference-index task (the
    # province link would otherwise make every unit indexable).
    province.wagtail_reference_index_ignore = True
    # An agency's Wagtail documents (HR's evidence) live in its own collection; only its HR may
    # choose, change or add there (org.documents, docs/security.md "Documents").
    document_collection = models.OneToOneField(
        "wagtailcore.Collection", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="agency", verbose_name=_("thư mục tài liệu"),
    )
    document_collection.wagtail_reference_index_ignore = True
    node_order_by = ["name"]
    agency_lookup = "path"  # an agency is a root: its units are the paths below it (org.scoping)
    objects = OrgUnitManager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        db_table = "learning_orgunit"  # created by the learning app before the organisation had its own

    def __str__(self) -> str:
        return self.name

    @property
    def agency(self) -> OrgUnit:
        return self if self.depth == 1 else self.get_root()

    def subtree_q(self, prefix: str = "") -> models.Q:
        """Q matching this unit and its descendants on a relation (`prefix` like "unit__")."""
        return models.Q(**{f"{prefix}path__startswith": self.path})
