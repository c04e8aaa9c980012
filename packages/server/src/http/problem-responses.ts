import { ProblemSchema } from '@fengqiao/shared';

/** The problem+json answers an authenticated JSON route can give, for its response schema. */
export const problemResponses = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
} as const;
