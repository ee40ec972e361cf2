"""planpub's theme: Jinja page templates (planpub/), mkdocs-material overrides (main.html,
partials/) and static assets. It is installed as the package `generator.theme`, so an
installed wheel finds it with importlib.resources (see generator/render/resources.py).
MkDocs does not copy .py files into the site."""
