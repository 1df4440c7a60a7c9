"""The registry's naming convention lets a page import only the calculator it shows."""
from calc.registry import CALCULATOR_MODULES, calculator, calculators


def test_module_names_follow_calculator_names() -> None:
    for module in CALCULATOR_MODULES:
        name = module.replace("_", "-")
        assert calculator(name) is not None, f"calc/{module}.py must define the calculator {name!r}"
    assert set(calculators()) == {m.replace("_", "-") for m in CALCULATOR_MODULES}
