"""The application form as a student fills it in, and the pages' addresses."""

import datetime

from django.urls import reverse

from mobility.models import Application

Status = Application.Status
DAY = datetime.timedelta(days=1)


def create_url(call):
    return reverse("mobility:application-create", kwargs={"slug": call.slug})


def detail_url(application):
    return reverse("mobility:application-detail", kwargs={"pk": application.pk})
