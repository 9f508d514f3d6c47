"""Units, staff and the audit log moved to the org app, evidence-pack jobs, reminders, scoring and
targets to the reports app: their tables stay; here only Django's model state lets go of them."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0008_manualevidence_proof_validators'),
        ('org', '0001_initial'),
        ('reports', '0001_initial'),
        ('quizzes', '0004_alter_attempt_employee'),
        ('certificates', '0004_alter_certificate_agency_alter_certificate_employee_and_more'),
        ('courses', '0004_alter_lessonreading_employee'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
                migrations.AlterField(
                    model_name='attendance',
                    name='employee',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendances', to='org.employee', verbose_name='cán bộ'),
                ),
                migrations.AlterField(
                    model_name='manualevidence',
                    name='employee',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='manual_evidence', to='org.employee', verbose_name='cán bộ'),
                ),
                migrations.AlterField(
                    model_name='exemption',
                    name='employee',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='exemptions', to='org.employee', verbose_name='cán bộ'),
                ),
                migrations.AlterField(
                    model_name='checkinattempt',
                    name='employee',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to='org.employee'),
                ),
                migrations.AlterField(
                    model_name='campaign',
                    name='agency',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='campaigns', to='org.orgunit', verbose_name='cơ quan'),
                ),
                migrations.AlterField(
                    model_name='campaign',
                    name='audience_units',
                    field=models.ManyToManyField(blank=True, related_name='+', to='org.orgunit', verbose_name='đơn vị áp dụng'),
                ),
                migrations.AlterField(
                    model_name='studysession',
                    name='audience_units',
                    field=models.ManyToManyField(blank=True, related_name='+', to='org.orgunit', verbose_name='đơn vị tham dự'),
                ),
            migrations.DeleteModel(name='CampaignTargetEvidence'),
            migrations.DeleteModel(name='CampaignTarget'),
            migrations.DeleteModel(name='SelfScoreEvidence'),
            migrations.DeleteModel(name='SelfScore'),
            migrations.DeleteModel(name='ScoringCriterion'),
            migrations.DeleteModel(name='Reminder'),
            migrations.DeleteModel(name='ExportJob'),
            migrations.DeleteModel(name='AuditLog'),
            migrations.DeleteModel(name='Employee'),
            migrations.DeleteModel(name='OrgUnit'),
        ]),
    ]
