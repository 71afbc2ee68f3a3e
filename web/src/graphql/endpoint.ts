/** The API's GraphQL endpoint, on the same origin as the pages. */
export const GRAPHQL_URL = '/graphql';
