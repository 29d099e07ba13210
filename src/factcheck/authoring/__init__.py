"""Writing a corpus without reading the source code: `init`, `add-source`, `pin`, `suggest`,
`rules` and the certain fixes of `audit --fix`."""

from .catalogue import catalogue
from .fix import apply_quote_fixes
from .skeleton import init_corpus
from .sources import add_source, pin
from .suggest import suggest

__all__ = ["add_source", "apply_quote_fixes", "catalogue", "init_corpus", "pin", "suggest"]
