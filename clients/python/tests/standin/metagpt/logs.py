import logging

logger = logging.getLogger("metagpt")
