"""The test broker's client configuration. The broker authenticates every client: the Maven build
(agent-client's PythonClientTest) writes the admin's properties to MAILGATE_KAFKA_CONFIG, which the
tests (playing MailGate's side) and the command line under test read, and an agent team's properties
(PLAIN and SCRAM) to MAILGATE_TEST_AGENT_CONFIG / MAILGATE_TEST_AGENT_SCRAM_CONFIG."""

import os
from typing import Any

from mailgate.config import load_properties, split_config


def properties(variable: str = "MAILGATE_KAFKA_CONFIG") -> dict[str, str]:
    """The Java-style properties named by `variable`, or nothing when it is not set."""
    path = os.environ.get(variable)
    return load_properties(path) if path else {}


def broker_config(bootstrap: str, variable: str = "MAILGATE_KAFKA_CONFIG", **extra: Any) -> dict[str, Any]:
    """librdkafka configuration for a raw Consumer/Producer (or a TopicReader) on the test broker."""
    kafka, _ = split_config(properties(variable))
    return {**kafka, **extra, "bootstrap.servers": bootstrap}
