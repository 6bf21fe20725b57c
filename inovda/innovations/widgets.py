"""Choice widgets that write their options inline.

Django's own render two or three templates per option (option, input, attributes); the
innovation form has 40 urusan twice and about 80 level radios, and those templates were most
of its rendering time. The templates here (Jinja2, like every widget template: see
``settings.FORM_RENDERER``) give the same markup from one template per field. The class names
are Django's: templates test ``BoundField.widget_type``, which comes from the class name.
"""

from django import forms


class Select(forms.Select):
    template_name = "innovations/widgets/select.html"


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    template_name = "innovations/widgets/checkbox_select.html"


class RadioSelect(forms.RadioSelect):
    """The levels of an indicator as cards, each with the level's whole text: the operator
    must read them to choose."""

    template_name = "innovations/widgets/level_cards.html"
