"""Settings as a fresh interpreter sees them: the real settings module, only the variables a case names."""

import os
import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = BASE_DIR / ".venv" / "bin" / "python"
SITE = "https://intl.example.org"


def run_python(code, **environment):
    """Run ``code`` with the real settings module and nothing but ``environment`` set."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "intl_office.settings",
        **environment,
    }
    return subprocess.run(
        [str(PYTHON), "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
