from modeltranslation.translator import TranslationOptions, register

from .models import Visit, VisitMember, VisitPhoto


@register(Visit)
class VisitTranslation(TranslationOptions):
    fields = ("title", "purpose", "summary", "story", "topics", "outcomes")


@register(VisitMember)
class VisitMemberTranslation(TranslationOptions):
    fields = ("full_name", "position")


@register(VisitPhoto)
class VisitPhotoTranslation(TranslationOptions):
    fields = ("caption",)
