from modeltranslation.translator import TranslationOptions, register

from .models import (
    ChecklistItem,
    ChecklistTemplateItem,
    Expert,
    TripChain,
    TripChainStep,
    TripStep,
    Visit,
    VisitAgendaItem,
    VisitMember,
    VisitPhoto,
)


@register(Visit)
class VisitTranslation(TranslationOptions):
    fields = ("title", "city", "purpose", "summary", "story", "topics", "outcomes")


@register(VisitMember)
class VisitMemberTranslation(TranslationOptions):
    fields = ("full_name", "position")


@register(VisitPhoto)
class VisitPhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(ChecklistTemplateItem)
class ChecklistTemplateItemTranslation(TranslationOptions):
    fields = ("title", "instructions")


@register(ChecklistItem)
class ChecklistItemTranslation(TranslationOptions):
    # Copied in every language from the programme's item; staff may word one mobility's own.
    fields = ("title", "instructions")


@register(VisitAgendaItem)
class VisitAgendaItemTranslation(TranslationOptions):
    fields = ("title", "room")


@register(Expert)
class ExpertTranslation(TranslationOptions):
    # The name too: the passport's Latin spelling in English, the Russian letter's Cyrillic one in Russian.
    fields = ("full_name", "position", "subject")


@register(TripChain)
class TripChainTranslation(TranslationOptions):
    fields = ("guidance",)


@register(TripChainStep)
class TripChainStepTranslation(TranslationOptions):
    fields = ("title",)


@register(TripStep)
class TripStepTranslation(TranslationOptions):
    # Copied in every language from the chain's step when the request is submitted.
    fields = ("title",)
