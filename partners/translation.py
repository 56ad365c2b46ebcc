from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, CooperationArea, Institution


@register(CooperationArea)
class CooperationAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name", "city", "description")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "scope")
