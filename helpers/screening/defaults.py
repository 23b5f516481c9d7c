"""The screening settings' defaults, importable without the matcher (which takes a second to import)."""

DEFAULT_ALGORITHM = "logic-v2"
DEFAULT_THRESHOLD = 0.70
#: Algorithms a user may pick (nomenklatura's names). ``name-based`` and the OFAC
#: emulation (``ofac``) flag far more unrelated common names than logic-v2.
ALGORITHMS = ("logic-v2", "logic-v1", "name-based", "name-qualified", "ofac")
