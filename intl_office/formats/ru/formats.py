# Russian without Django's trailing "г.": a date often ends a sentence ("Подана 5 декабря 2026."), and
# "2026 г.." is a typo on every such page.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
