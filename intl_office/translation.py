"""Fields visitors read, kept in English, Uzbek and Russian (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Department, Faculty, HomeInstitution, Page, Ranking, StaffMember


@register(HomeInstitution)
class HomeInstitutionTranslation(TranslationOptions):
    fields = (
        "name",
        "short_name",
        "department_name",
        "about",
        "address",
        "working_hours",
        "signatory_name",
        "signatory_position",
    )


@register(Faculty)
class FacultyTranslation(TranslationOptions):
    fields = ("name",)


@register(StaffMember)
class StaffMemberTranslation(TranslationOptions):
    fields = ("full_name", "position", "working_hours", "reception_days")


@register(Ranking)
class RankingTranslation(TranslationOptions):
    fields = ("result",)


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")


@register(Department)
class DepartmentTranslation(TranslationOptions):
    fields = ("name",)
