import document from './copydesk.asyncapi.json';

export { buildAsyncApiDocument, JSON_SCHEMA_2020_12_FORMAT } from './asyncapi-document';

/** The AsyncAPI 3.0 document of every topic, as committed in `copydesk.asyncapi.json`: self-contained, no reference leaves it. */
export const ASYNCAPI_DOCUMENT: Record<string, unknown> = document;

/** Where the document's JSON file lives, for tools that read files. */
export const ASYNCAPI_DOCUMENT_FILE = 'libs/contracts/src/asyncapi/copydesk.asyncapi.json';
