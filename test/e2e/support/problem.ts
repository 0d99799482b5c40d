import type { Response } from 'supertest';

/** The answer is a problem+json refusal with this status (and, when given, this detail). */
export function expectProblem(res: Response, status: number, detail?: string | RegExp): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: expect.objectContaining({
      status,
      title: expect.any(String),
      detail: expect.any(String),
    }),
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (typeof detail === 'string') expect(res.body.detail).toBe(detail);
  else if (detail) expect(res.body.detail).toMatch(detail);
}

/** The fields a 400 names, each with where it was (`body`, `path`, `query`, `header`). */
export const invalidFields = (res: Response): string[][] =>
  (res.body.errors as { field: string; in: string }[]).map((e) => [e.field, e.in]);
