"""Serial numbers per agency and year ("15/2024/GCN-SCT"), allocated under a row lock."""

from django.db import models

from org.scoping import AgencyScopedManager


class SerialCounter(models.Model):
    agency = models.ForeignKey("org.OrgUnit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="serial_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"
