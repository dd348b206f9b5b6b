"""The contract's conditions and updates written as DynamoDB expressions (pure)."""

from __future__ import annotations

from typing import Any

from integrations.table import codec, schema
from integrations.table.contract import Condition, Update


class Expression:
    """Placeholders for one request's expressions: names ``#n0``…, values ``:v0``…."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.values: dict[str, Any] = {}

    def name(self, attribute: str) -> str:
        for placeholder, known in self.names.items():
            if known == attribute:
                return placeholder
        placeholder = f"#n{len(self.names)}"
        self.names[placeholder] = attribute
        return placeholder

    def value(self, attribute_value: dict[str, Any]) -> str:
        placeholder = f":v{len(self.values)}"
        self.values[placeholder] = attribute_value
        return placeholder

    def condition(self, condition: Condition) -> str:
        # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
        if condition.kind == "absent":
            return f"attribute_not_exists({self.name(schema.PK)})"
        if condition.kind == "present":
            return f"attribute_exists({self.name(schema.PK)})"
        if condition.kind == "all":
            return " AND ".join(f"({self.condition(part)})" for part in condition.parts)
        if condition.kind == "one_of":
            assert condition.attribute is not None
            options = ", ".join(self.value({"S": v}) for v in condition.values)
            return f"{self.name(condition.attribute)} IN ({options})"
        attribute = codec.VERSION_ATTRIBUTE if condition.kind == "version" else condition.attribute
        assert attribute is not None
        equals = f"{self.name(attribute)} = {self.value({'N': str(condition.expected_version)})}"
        if condition.kind == "counter" and condition.expected_version == 0:
            # ADD counts a missing attribute as 0, so "0" also means "never added to yet".
            return (
                f"attribute_exists({self.name(schema.PK)}) AND "
                f"(attribute_not_exists({self.name(attribute)}) OR {equals})"
            )
        return equals

    def update(self, op: Update) -> str:
        # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
        clauses = []
        if op.set:
            sets = [f"{self.name(n)} = {self.value(codec.to_attribute_value(v))}" for n, v in op.set.items()]
            clauses.append("SET " + ", ".join(sets))
        if op.add:
            adds = [f"{self.name(n)} {self.value({'N': str(v)})}" for n, v in op.add.items()]
            clauses.append("ADD " + ", ".join(adds))
        return " ".join(clauses)

    def args(self) -> dict[str, Any]:
        args: dict[str, Any] = {}
        if self.names:
            args["ExpressionAttributeNames"] = self.names
        if self.values:
            args["ExpressionAttributeValues"] = self.values
        return args


def condition_args(condition: Condition | None) -> dict[str, Any]:
    """ConditionExpression and its names/values for one of the contract's conditions."""
    if condition is None:
        return {}
    expression = Expression()
    return {"ConditionExpression": expression.condition(condition), **expression.args()}
