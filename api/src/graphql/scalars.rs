//! Scalars of Bansō's own.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};

/// JavaScript reads integers exactly up to 2^53 − 1.
const MAX_SAFE: i64 = (1 << 53) - 1;

/// An amount in whole yen, as a JSON integer. GraphQL's `Int` stops at 2^31 − 1 (about
/// ¥2.1 billion), too little for VC tickets and grant budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Yen(pub i64);

#[Scalar(name = "Yen")]
impl ScalarType for Yen {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::Number(number) => number
                .as_i64()
                .filter(|yen| yen.abs() <= MAX_SAFE)
                .map(Yen)
                .ok_or_else(|| InputValueError::custom("expected whole yen")),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::Number(self.0.into())
    }
}
