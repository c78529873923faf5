"""A stand-in for MetaGPT in tests: only the names and attribute shapes mailgate.metagpt and the
examples use, as documented in shared/reference/metagpt.md. MetaGPT itself is not installable here."""
