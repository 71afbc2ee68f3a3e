//! Cursor pagination by keyset: pages are read `WHERE id > cursor ORDER BY id LIMIT n + 1`,
//! so a page costs the same however deep it is, and page sizes are bounded.

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use crate::{
    config::GraphqlSettings,
    error::{ApiError, ErrorCode},
};

#[derive(Debug, Clone, Copy)]
pub struct PageArgs {
    pub first: u64,
    pub after: Option<i64>,
}

impl PageArgs {
    /// `first` defaults to the configured page size and may not exceed the maximum.
    pub fn parse(
        first: Option<i32>,
        after: Option<&str>,
        settings: &GraphqlSettings,
    ) -> Result<Self, ApiError> {
        let first = match first {
            None => settings.default_page_size as u64,
            Some(n) if n < 1 => {
                return Err(ApiError::new(ErrorCode::OutOfRange)
                    .with_arg("min", 1i64)
                    .with_arg("max", settings.max_page_size));
            }
            Some(n) if n as usize > settings.max_page_size => {
                return Err(ApiError::new(ErrorCode::PageSizeTooLarge)
                    .with_arg("max", settings.max_page_size));
            }
            Some(n) => n as u64,
        };
        let after = after.map(decode_cursor).transpose()?;
        Ok(PageArgs { first, after })
    }
}

pub fn encode_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("after:{id}"))
}

fn decode_cursor(cursor: &str) -> Result<i64, ApiError> {
    let invalid = || ApiError::new(ErrorCode::InvalidCursor);
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    text.strip_prefix("after:")
        .and_then(|id| id.parse().ok())
        .ok_or_else(invalid)
}

/// One page of records, each with the id its cursor is made of.
#[derive(Debug)]
pub struct Page<T> {
    pub items: Vec<(i64, T)>,
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub total_count: u64,
}

impl<T> Page<T> {
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self
                .items
                .into_iter()
                .map(|(id, item)| (id, f(item)))
                .collect(),
            has_next_page: self.has_next_page,
            has_previous_page: self.has_previous_page,
            total_count: self.total_count,
        }
    }
}

/// Reads one page of `select`, ordered by `id_column`.
pub async fn fetch<E, C>(
    conn: &C,
    select: Select<E>,
    id_column: E::Column,
    id_of: impl Fn(&E::Model) -> i64,
    args: PageArgs,
) -> Result<Page<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Send + Sync,
    C: ConnectionTrait,
{
    let total_count = select.clone().count(conn).await?;
    let mut page = select;
    if let Some(after) = args.after {
        page = page.filter(id_column.gt(after));
    }
    let mut rows = page
        .order_by_asc(id_column)
        .limit(args.first + 1)
        .all(conn)
        .await?;
    let has_next_page = rows.len() as u64 > args.first;
    rows.truncate(args.first as usize);
    Ok(Page {
        items: rows.into_iter().map(|row| (id_of(&row), row)).collect(),
        has_next_page,
        has_previous_page: args.after.is_some(),
        total_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Settings, Sources};

    #[test]
    fn page_arguments_are_bounded_and_cursors_checked() {
        let settings = Settings::load(&Sources::default())
            .expect("defaults")
            .graphql;
        let args = PageArgs::parse(None, None, &settings).expect("default");
        assert_eq!(args.first, settings.default_page_size as u64);
        let cursor = encode_cursor(41);
        assert_eq!(
            PageArgs::parse(Some(5), Some(&cursor), &settings)
                .expect("ok")
                .after,
            Some(41)
        );
        let too_many = PageArgs::parse(Some(settings.max_page_size as i32 + 1), None, &settings);
        assert!(matches!(too_many, Err(e) if e.code() == ErrorCode::PageSizeTooLarge));
        assert!(
            matches!(PageArgs::parse(Some(0), None, &settings), Err(e) if e.code() == ErrorCode::OutOfRange)
        );
        let bad = PageArgs::parse(None, Some("garbage"), &settings);
        assert!(matches!(bad, Err(e) if e.code() == ErrorCode::InvalidCursor));
    }
}
