"""The application workflow's rules, whoever calls them: views, the admin or a command."""
