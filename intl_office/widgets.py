"""Form widgets for public pages that are rendered on every request.

``FastSelect`` writes the same bytes as Django's ``Select`` without going through its
templates: Django renders each ``<option>`` by including ``select_option.html`` and
``attrs.html``, which made the partner directory's filter selects about a fifth of the page's
time. ``tests/intl_office/test_widgets.py`` compares both renderings.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs):
    """What ``django/forms/widgets/attrs.html`` writes: `` name="value"``, a bare name for True, nothing for False."""
    html = []
    for name, value in attrs.items():
        if value is False:
            continue
        html.append(f" {conditional_escape(name)}")
        if value is not True:
            html.append(f'="{conditional_escape(value)}"')
    return "".join(html)


class FastSelect(forms.Select):
    """``forms.Select`` with the markup of ``select.html`` and ``select_option.html`` written in Python."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                html.append(
                    f'\n  <option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))
