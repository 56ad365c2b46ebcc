from modeltranslation.translator import TranslationOptions, register

from .models import Call, DocumentType, GrantProgram, JointProgramme, Project


@register(GrantProgram)
class GrantProgramTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "eligibility")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(JointProgramme)
class JointProgrammeTranslation(TranslationOptions):
    fields = ("name", "field_of_study", "description")


@register(DocumentType)
class DocumentTypeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Call)
class CallTranslation(TranslationOptions):
    # The reason for closing early is written once by Office staff; they may translate it on the call's page.
    fields = ("title", "description", "eligibility", "closed_early_reason")
