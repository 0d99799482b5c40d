/** OpenAPI descriptions of the request headers writes accept. */
export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description: 'The ETag you read; the change is refused with 409 if the family changed since',
};

export const REQUIRED_IF_MATCH_HEADER = {
  ...IF_MATCH_HEADER,
  required: true,
  description:
    'Required: the ETag you read; refused with 409 if the family changed since, 428 without it',
};

export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Send the same key when retrying a request: it is carried out once',
};
