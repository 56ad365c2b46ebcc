"""The department itself: users, the home institution, staff, rankings and pages."""

import base64
from email.mime.base import MIMEBase

from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_tasks_db.models import DBTaskResult


class User(AbstractUser):
    """A person who signs in: staff, a faculty coordinator or a student.

    A custom model from the first migration so that fields can be added later
    without the painful swap of ``AUTH_USER_MODEL``.
    """

    faculty = models.ForeignKey(
        "intl_office.Faculty",
        verbose_name=_("faculty"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("For faculty coordinators: the faculty whose applications they review."),
    )

    class Affiliation(models.TextChoices):
        STUDENT = "student", _("Student")
        EMPLOYEE = "employee", _("Member of staff")

    # Who the person is at the home institution: a staff call takes employees only, a student call
    # students only. The person says so at sign-up or on their profile; the head of the department
    # they name confirms it by endorsing (or declining) what they apply for.
    affiliation = models.CharField(
        _("affiliation"), max_length=20, choices=Affiliation.choices, default=Affiliation.STUDENT
    )
    department = models.ForeignKey(
        "intl_office.Department",
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        help_text=_("For staff: the department they work in; its head endorses their applications and trips."),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    # The portal writes to the person in this language: the one they signed up in, changed on their profile.
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The portal's e-mails to this person are written in it."),
    )
    academic_degree = models.CharField(
        _("academic degree and title"),
        max_length=200,
        blank=True,
        help_text=_("For example: PhD, associate professor."),
    )
    # Signed into the calendar feed's address with the password hash: raising it (the owner's "new
    # address" button) or changing the password makes every address handed out before stop working.
    calendar_token_version = models.PositiveIntegerField(_("calendar address version"), default=0, editable=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Faculty(models.Model):
    """A faculty of the home institution; students apply from one, coordinators serve one."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    dean = models.ForeignKey(
        "intl_office.User",
        verbose_name=_("dean"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faculties_led",
        help_text=_("Approves the business trips of the faculty's staff where the approval chain has a dean's step."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("faculty")
        verbose_name_plural = _("faculties")

    def __str__(self):
        return self.name


class Department(models.Model):
    """A department (kafedra) of a faculty, or a unit of the administration.

    Its head endorses or declines what its staff apply for (staff calls) and approves their business
    trips where the approval chain has a head-of-department step.
    """

    faculty = models.ForeignKey(
        Faculty,
        verbose_name=_("faculty"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="departments",
        help_text=_("Empty for a unit of the administration."),
    )
    name = models.CharField(_("name"), max_length=200)
    head = models.ForeignKey(
        "intl_office.User",
        verbose_name=_("head"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="departments_headed",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class HomeInstitution(models.Model):
    """The university that runs the portal and its international department.

    There is exactly one row; ``HomeInstitution.load()`` returns it, creating an
    empty one the first time so that templates never have to check.
    """

    SINGLETON_ID = 1

    name = models.CharField(_("name of the university"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    country = CountryField(
        _("country"), default="UZ", help_text=_("Partners in this country are not counted as foreign partners.")
    )
    department_name = models.CharField(
        _("name of the department"), max_length=200, default="International Cooperation Department"
    )
    about = models.TextField(_("about the department"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="home/", blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    working_hours = models.CharField(_("working hours"), max_length=200, blank=True)
    international_since = models.PositiveSmallIntegerField(
        _("international cooperation since (year)"), null=True, blank=True
    )
    # Letters (intl_office.letters) are signed by this person, under the letterhead drawn from the
    # name, logo, address, phone, e-mail and website above.
    signatory_name = models.CharField(_("signatory"), max_length=200, blank=True)
    signatory_position = models.CharField(
        _("signatory's position"),
        max_length=200,
        blank=True,
        help_text=_("For example: Vice-rector for international affairs."),
    )
    # Set by ``seed_demo``: while it is set every page says that it shows demo data.
    demo_profile = models.CharField(
        _("demo data loaded"),
        max_length=20,
        blank=True,
        help_text=_("The demo profile seed_demo loaded. Clear it once the office's real records replace the demo."),
    )

    class Meta:
        verbose_name = _("home institution")
        verbose_name_plural = _("home institution")
        # The department's own right, beyond its records: reading the annual report and its XLSX.
        permissions = [("view_reports", "Can view the annual report")]
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="homeinstitution_single_row"),
        ]

    def __str__(self):
        return self.name or str(_("Home institution"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        obj, _created = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return obj


class StaffMember(models.Model):
    """A person of the department as visitors see them on the About page."""

    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    photo = models.ImageField(_("photo"), upload_to="staff/", blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    working_hours = models.CharField(_("working hours"), max_length=200, blank=True)
    reception_days = models.CharField(
        _("reception days"),
        max_length=200,
        blank=True,
        help_text=_("When visitors are received, e.g. Tuesday, Wednesday and Friday 14:00-16:00."),
    )
    user = models.OneToOneField(
        User,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profile",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_public = models.BooleanField(_("shown on the site"), default=True)

    class Meta:
        ordering = ["order", "full_name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self):
        return f"{self.full_name} ({self.position})"


class Ranking(models.Model):
    """A place of the home institution in a university ranking."""

    name = models.CharField(_("ranking"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    result = models.CharField(
        _("result"), max_length=200, help_text=_("As the ranking states it, e.g. 'Top 900 in Asia'.")
    )
    position = models.PositiveIntegerField(_("place in the ranking"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "-year", "name"]
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")
        constraints = [
            models.UniqueConstraint(fields=["name", "year"], name="ranking_unique_name_year"),
        ]

    def __str__(self):
        return f"{self.name} {self.year}: {self.result}"


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Page(models.Model):
    """A page staff edit without a developer, such as "Tasks and functions"."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    body = models.TextField(
        _("body"),
        help_text=_(
            "Plain text; blank lines separate paragraphs. A line starting with “# ” is a heading, "
            "with “- ” an item of a bulleted list, with “1. ” an item of a numbered list."
        ),
    )
    is_published = models.BooleanField(_("published"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("about") + f"#{self.slug}"


# --- Background jobs (intl_office/jobs.py) and the e-mails they send (intl_office/mail.py) ----------


class Job(DBTaskResult):
    """A background job as staff see it in the admin: django-tasks-db's row under the department's name.

    Office staff read the jobs and run a failed one again; nobody adds, edits or deletes one by hand.
    """

    class Meta:
        proxy = True
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        default_permissions = ("view",)
        permissions = [("rerun_job", _("Can run a background job again"))]


class JobWorker(models.Model):
    """A running ``manage.py jobs_worker``, which writes ``seen_at`` every few seconds while it lives.

    A job RUNNING under a worker that has gone silent (killed, its host down) is given to another one.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField()

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.worker_id


class OutgoingMessage(models.Model):
    """An e-mail the portal has decided to send, written in the transaction of what caused it.

    The job ``intl_office.tasks.send_email`` sends it and sets ``sent_at`` under a row lock, so a
    message goes out once however often its job runs. Once sent, its bodies are emptied: a password
    reset link must not outlive its e-mail in the database, and nobody reads sent mail here.
    """

    job = models.ForeignKey(DBTaskResult, on_delete=models.CASCADE, null=True, blank=True, related_name="messages")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    from_email = models.TextField()
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    subject = models.TextField()
    body = models.TextField(blank=True)  # emptied once sent
    # "html" when the body itself is HTML; an HTML version next to a plain body is html_body.
    content_subtype = models.CharField(max_length=20, default="plain")
    html_body = models.TextField(blank=True)
    # Files sent with the message ({"filename", "mimetype", "content" in base64}), kept in the row so the
    # job sends exactly what the change produced; emptied once sent, like the bodies.
    attachments = models.JSONField(default=list, blank=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.subject

    @classmethod
    def from_email_message(cls, message: EmailMessage) -> "OutgoingMessage":
        """The unsaved row that will send ``message``; alternatives other than HTML are refused.

        Attachments must be (filename, bytes, mimetype) triples: a file attached by path or as a MIME
        part would be read again, elsewhere, when the job runs.
        """
        attachments = []
        for attachment in message.attachments:
            if isinstance(attachment, MIMEBase) or not isinstance(attachment[1], bytes):
                raise ValueError("Queued e-mail attaches files as (filename, bytes, mimetype).")
            filename, content, mimetype = attachment
            attachments.append(
                {"filename": filename, "mimetype": mimetype, "content": base64.b64encode(content).decode("ascii")}
            )
        alternatives = getattr(message, "alternatives", [])
        html = [content for content, mimetype in alternatives if mimetype == "text/html"]
        if len(html) != len(alternatives) or len(html) > 1:
            raise ValueError("Queued e-mail has at most one alternative, in HTML.")
        return cls(
            from_email=message.from_email,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            headers=dict(message.extra_headers),
            subject=message.subject,
            body=message.body,
            content_subtype=message.content_subtype,
            html_body=html[0] if html else "",
            attachments=attachments,
        )

    def email_message(self) -> EmailMessage:
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=self.headers,
        )
        message.content_subtype = self.content_subtype
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        for attachment in self.attachments:
            message.attach(attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"])
        return message


# Files the background jobs work on (a module of its own, so this one stays readable).
from .file_records import FileImport, ReportFile  # noqa: E402, F401
from .letter_records import LetterTemplate  # noqa: E402, F401

# Who changed a department's head or name, and when (the heads endorse staff applications and trips).
auditlog.register(Department)
