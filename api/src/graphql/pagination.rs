//! Pages of records as Relay-style connections with a total count.

use async_graphql::{OutputType, SimpleObject, connection::Connection};

use crate::pagination::{Page, encode_cursor};

#[derive(SimpleObject)]
pub struct TotalCount {
    /// How many records match, over all pages.
    pub total_count: u64,
}

pub fn connection<T, N: OutputType>(
    page: Page<T>,
    mut node: impl FnMut(T) -> N,
) -> Connection<String, N, TotalCount> {
    let mut connection = Connection::with_additional_fields(
        page.has_previous_page,
        page.has_next_page,
        TotalCount {
            total_count: page.total_count,
        },
    );
    connection.edges.extend(
        page.items
            .into_iter()
            .map(|(id, item)| async_graphql::connection::Edge::new(encode_cursor(id), node(item))),
    );
    connection
}
