"""Qt screens. Only here may PySide6 be imported; screens call app/core services."""
