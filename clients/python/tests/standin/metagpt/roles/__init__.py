from metagpt.roles.architect import Architect
from metagpt.roles.engineer import Engineer
from metagpt.roles.product_manager import ProductManager
from metagpt.roles.role import Role

__all__ = ["Architect", "Engineer", "ProductManager", "Role"]
