from django.urls import path

from intl_office.page_cache import public_page

from .views import (
    applications,
    checklists,
    endorsements,
    experts,
    learning_agreements,
    nominations,
    offers,
    statistics,
    stays,
    trips,
    visits,
)

app_name = "mobility"

urlpatterns = [
    # Delegation visits
    path("visits/", public_page(visits.VisitListView.as_view()), name="visit-list"),
    path("visits/<slug:slug>/", public_page(visits.VisitDetailView.as_view()), name="visit-detail"),
    # Foreign experts the office publishes
    path("experts/", public_page(experts.ExpertListView.as_view()), name="expert-list"),
    # Figures
    path("statistics/", public_page(statistics.StatisticsView.as_view()), name="statistics"),
    # The student application flow
    path("calls/<slug:slug>/apply/", applications.application_create, name="application-create"),
    path("my/applications/", applications.ApplicationListView.as_view(), name="my-applications"),
    path("my/applications/<int:pk>/", applications.application_detail, name="application-detail"),
    path("my/applications/<int:pk>/withdraw/", applications.application_withdraw_view, name="application-withdraw"),
    path("my/applications/<int:pk>/delete/", applications.application_delete_view, name="application-delete"),
    path("my/applications/<int:pk>/offer/take/", offers.offer_take_view, name="offer-take"),
    path("my/applications/<int:pk>/offer/decline/", offers.offer_decline_view, name="offer-decline"),
    path(
        "my/applications/<int:pk>/documents/<int:doc_pk>/",
        applications.application_document,
        name="application-document",
    ),
    path("my/applications/<int:pk>/photo/", applications.application_photo, name="application-photo"),
    # Staff applications: the head of department endorses or declines them.
    path("my/endorsements/", endorsements.EndorsementListView.as_view(), name="my-endorsements"),
    path("my/endorsements/<int:pk>/", endorsements.endorsement_detail, name="endorsement-detail"),
    path(
        "my/endorsements/<int:pk>/documents/<int:doc_pk>/",
        endorsements.endorsement_document,
        name="endorsement-document",
    ),
    # Linked from the admin; the office reads the files through these, never through a media URL.
    path(
        "staff/applications/<int:pk>/documents/<int:doc_pk>/",
        applications.staff_application_document,
        name="staff-application-document",
    ),
    path("staff/applications/<int:pk>/photo/", applications.staff_application_photo, name="staff-application-photo"),
    # Learning agreements: the student's page, its PDF, the host's signed link and the office's PDF.
    path(
        "my/applications/<int:pk>/learning-agreement/",
        learning_agreements.learning_agreement,
        name="learning-agreement",
    ),
    path(
        "my/applications/<int:pk>/learning-agreement/<int:number>/pdf/",
        learning_agreements.learning_agreement_pdf_view,
        name="learning-agreement-pdf",
    ),
    path(
        "host/learning-agreements/<int:pk>/<int:number>/<str:token>/",
        learning_agreements.learning_agreement_host,
        name="learning-agreement-host",
    ),
    path(
        "staff/learning-agreements/<int:pk>/<int:number>/pdf/",
        learning_agreements.staff_learning_agreement_pdf,
        name="staff-learning-agreement-pdf",
    ),
    # The pre-departure checklist: an item handed in, its file for the student and for the office.
    path("my/applications/<int:pk>/checklist/<int:item_pk>/", checklists.checklist_item, name="checklist-item"),
    path(
        "my/applications/<int:pk>/checklist/<int:item_pk>/file/",
        checklists.checklist_item_file,
        name="checklist-item-file",
    ),
    path(
        "staff/checklist-items/<int:item_pk>/file/",
        checklists.staff_checklist_item_file,
        name="staff-checklist-item-file",
    ),
    # Nominations: the host's signed link and the host's letter for the office.
    path("host/nominations/<int:pk>/<int:number>/<str:token>/", nominations.nomination_host, name="nomination-host"),
    path(
        "staff/nominations/<int:pk>/<int:number>/letter/",
        nominations.staff_nomination_letter,
        name="staff-nomination-letter",
    ),
    # The stay: the host's links to confirm arrival and departure, the transcript's files.
    path("host/stays/<int:pk>/<slug:step>/<str:token>/", stays.stay_host, name="stay-host"),
    path("my/applications/<int:pk>/transcript/", stays.stay_transcript_upload, name="stay-transcript-upload"),
    path("my/applications/<int:pk>/transcript/file/", stays.stay_transcript, name="stay-transcript"),
    path("staff/mobilities/<int:pk>/transcript/", stays.staff_stay_transcript, name="staff-stay-transcript"),
    # Business trips: the traveller's requests and reports, the holders' decisions, the office's files.
    path("my/trips/", trips.trip_list, name="my-trips"),
    path("my/trips/new/", trips.trip_create, name="trip-create"),
    path("my/trips/<int:pk>/", trips.trip_detail, name="trip-detail"),
    path("my/trips/<int:pk>/delete/", trips.trip_delete, name="trip-delete"),
    path("my/trips/<int:pk>/invitation/", trips.trip_invitation, name="trip-invitation"),
    path("my/trips/<int:pk>/report-files/<int:file_pk>/", trips.trip_report_file, name="trip-report-file"),
    path("my/trips/<int:pk>/order/<slug:language>/", trips.trip_order, name="trip-order"),
    path("my/approvals/", trips.approval_list, name="my-approvals"),
    path("my/approvals/<int:pk>/", trips.approval_decision, name="trip-decision"),
    path("my/approvals/<int:pk>/invitation/", trips.approval_invitation, name="trip-decision-invitation"),
    path("staff/trips/<int:pk>/invitation/", trips.staff_trip_invitation, name="staff-trip-invitation"),
    path(
        "staff/trips/<int:pk>/report-files/<int:file_pk>/",
        trips.staff_trip_report_file,
        name="staff-trip-report-file",
    ),
    path("staff/trips/<int:pk>/order/<slug:language>/", trips.staff_trip_order, name="staff-trip-order"),
]
