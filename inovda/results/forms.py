from django import forms


class PublishForm(forms.Form):
    note = forms.CharField(label="Catatan publikasi", required=False, widget=forms.Textarea)
    # The latest publication number the admin saw when confirming: the idempotency token.
    seen = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
