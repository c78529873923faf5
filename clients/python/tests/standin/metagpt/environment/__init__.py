from metagpt.environment.base_env import Environment

__all__ = ["Environment"]
