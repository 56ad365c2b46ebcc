"""Import and export in the admin: a preview first, then all rows or none, confirmed by the uploader.

``OfficeImportExport`` is the mixin every importing admin uses; its resources build on
``intl_office.resources`` and write through the formula-safe formats of ``intl_office.exports``.
A file of more than ``IMPORT_BACKGROUND_ROWS`` rows is written by a background job once confirmed
(``intl_office.import_jobs``): its uploader follows it on its page in the admin and gets an e-mail.
"""

import os

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm
from import_export.tmp_storages import MediaStorage

from .admin_helpers import admin_url
from .admin_input import CheckedExport
from .exports import FORMATS
from .import_jobs import IMPORTS_FOLDER, file_import_enqueue, remove_stale_imports
from .pagination import parse_int
from .storage import private_storage

__all__ = ["IMPORTS_FOLDER", "OfficeImportExport", "PrivateImportStorage", "remove_stale_imports"]


class PrivateImportStorage(MediaStorage):
    """An uploaded file waits for the confirmation of its import in private storage.

    Shared by every host behind the load balancer (the confirmation may reach another one
    than the preview did) and served by none: django-import-export's default, the local
    temporary folder, is neither.
    """

    def _configure_storage(self):
        self._storage = private_storage


UPLOADER_SALT = "pending-import-uploader"


def uploader_seal(user, file_name):
    """Who may confirm the import waiting in ``file_name``: a signature of the uploader and the file.

    Stateless, so the confirmation may reach another host than the preview did, and bound to
    the file, so a seal cannot be carried over to somebody else's upload.
    """
    return signing.Signer(salt=UPLOADER_SALT).sign(f"{user.pk}:{file_name}")


def is_uploader(user, file_name, seal):
    try:
        sealed = signing.Signer(salt=UPLOADER_SALT).unsign(seal or "")
    except signing.BadSignature:
        return False
    return sealed == f"{user.pk}:{file_name}"


class SealedConfirmImportForm(ConfirmImportForm):
    """The confirmation of an import, carrying the seal of the person who uploaded the file."""

    uploaded_by = forms.CharField(widget=forms.HiddenInput())


class TypedExportCells:
    """Numbers, dates and yes/no stay typed cells in an XLSX export of the admin, as in django-import-export's own XLSX.

    django-import-export writes typed cells only for its own format classes (it compares the exact
    class), so the formula-safe XLSX of ``intl_office.exports`` would get every number as text.
    """

    def get_data_for_export(self, request, queryset, **kwargs):
        form = kwargs.get("export_form")
        if form is not None and form.is_bound and form.is_valid():
            file_format = self.get_export_formats()[int(form.cleaned_data["format"])]
            kwargs["force_native_type"] = file_format().is_binary()
        return super().get_data_for_export(request, queryset, **kwargs)


class OfficeImportExport(CheckedExport, TypedExportCells, ImportExportMixin):
    """Import and export in CSV and XLSX with a preview first; all rows or none are written.

    Importing creates and changes records, so it needs both rights; exporting needs the
    right to view. (django-import-export allows both to every staff member by default.)
    The first of ``resource_classes`` lists its ``COLUMNS`` on the import page. Only the
    person who uploaded a file may confirm its import: the file waits under a random name,
    but a name seen over a colleague's shoulder must not let anybody else write its rows.
    """

    confirm_form_class = SealedConfirmImportForm

    import_formats = FORMATS
    export_formats = FORMATS
    tmp_storage_class = PrivateImportStorage
    import_template_name = "admin/import.html"

    def get_tmp_storage_class_kwargs(self):
        return {"MEDIA_FOLDER": IMPORTS_FOLDER}

    def write_to_tmp_storage(self, import_file, input_format):
        remove_stale_imports()
        return super().write_to_tmp_storage(import_file, input_format)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def get_import_context_data(self, **kwargs):
        return {"import_columns": self.resource_classes[0].COLUMNS}

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["uploaded_by"] = uploader_seal(request.user, initial["import_file_name"])
        return initial

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        # import-export indexes its formats with this hidden field as it comes: "1e9" or 10**30 would raise.
        if parse_int(request.POST.get("format"), minimum=0, maximum=len(self.get_import_formats()) - 1) is None:
            return HttpResponseBadRequest(gettext("This import form is damaged: upload the file again."))
        if request.method == "POST":
            # The file's name as django-import-export's form reads it (only the last part of a path).
            file_name = os.path.basename(request.POST.get("import_file_name", ""))
            if not is_uploader(request.user, file_name, request.POST.get("uploaded_by")):
                messages.error(
                    request,
                    _("Only the person who uploaded this file can confirm its import. Nothing was imported."),
                )
                return redirect(admin_url(self.opts, "import"))
        try:
            in_background = self.confirm_in_background(request)
            if in_background is not None:
                return in_background
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            # The Confirm button pressed twice, or a preview left open for too long.
            messages.error(request, _("This import was already confirmed, or its file is gone: upload the file again."))
            return redirect(admin_url(self.opts, "import"))

    def confirm_in_background(self, request):
        """For a file of more than ``IMPORT_BACKGROUND_ROWS`` rows: enqueue its import and show its page; else None.

        The confirmation form is django-import-export's own, checked as it checks it; a damaged one is
        left to it. FileNotFoundError when the waiting file is gone.
        """
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            return None
        input_format = self.get_import_formats()[int(confirm_form.cleaned_data["format"])](encoding=self.from_encoding)
        upload_name = confirm_form.cleaned_data["import_file_name"]
        tmp_storage = self.get_tmp_storage_class()(
            name=upload_name,
            encoding=None if input_format.is_binary() else self.from_encoding,
            read_mode=input_format.get_read_mode(),
            **self.get_tmp_storage_class_kwargs(),
        )
        rows = len(input_format.create_dataset(tmp_storage.read()))
        if rows <= settings.IMPORT_BACKGROUND_ROWS:
            return None
        file_import = file_import_enqueue(
            user=request.user,
            model=self.model,
            resource_class=self.choose_import_resource_class(confirm_form, request),
            upload_name=upload_name,
            original_name=confirm_form.cleaned_data.get("original_file_name") or upload_name,
            input_format=input_format.get_title(),
            rows=rows,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        messages.success(
            request,
            _(
                "The file is being imported in the background. This page shows how it ends; "
                "you will also get an e-mail."
            ),
        )
        return redirect("admin:intl_office_fileimport_change", file_import.pk)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between the preview and the confirmation; the transaction was rolled back.
            failed = len(result.invalid_rows) + len(result.row_errors()) + len(result.base_errors)
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: %(count)d row failed when the import was confirmed. "
                    "Upload the file again to see why.",
                    "Nothing was imported: %(count)d rows failed when the import was confirmed. "
                    "Upload the file again to see why.",
                    failed,
                )
                % {"count": failed},
            )
            return redirect(admin_url(self.opts, "import"))
        return super().process_result(result, request)
