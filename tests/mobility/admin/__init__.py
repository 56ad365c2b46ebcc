"""The mobility admin: reviewing applications, exporting them, importing mobility records and visits."""
