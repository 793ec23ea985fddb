import { buildSchema, parse, validate } from 'graphql';
import { queryDepthRule } from './query-depth.rule';

// A self-referencing type, as our schema will have once actions link to the actions that
// supersede them: without a limit, a query could nest as deep as the client likes.
const schema = buildSchema(`
  type Action { ref: String supersededBy: Action }
  type Query { action: Action }
`);

const errorsFor = (query: string, maxDepth: number) => validate(schema, parse(query), [queryDepthRule(maxDepth)]);

describe('queryDepthRule', () => {
  it('allows a query exactly at the limit', () => {
    expect(errorsFor('{ action { supersededBy { ref } } }', 3)).toEqual([]);
  });

  it('refuses one level more, with the depth and the limit in the error', () => {
    const [error] = errorsFor('{ action { supersededBy { supersededBy { ref } } } }', 3);
    expect(error.extensions).toEqual({ reason: 'QUERY_TOO_DEEP', depth: 4, maxDepth: 3 });
  });

  it('counts fields reached through fragments and inline fragments', () => {
    const query = `
      { action { ...Next } }
      fragment Next on Action { supersededBy { ... on Action { supersededBy { ref } } } }
    `;
    expect(errorsFor(query, 3)).toHaveLength(1);
    expect(errorsFor(query, 4)).toEqual([]);
  });

  it('does not loop on a fragment that spreads itself', () => {
    const query = '{ action { ...Loop } } fragment Loop on Action { ref supersededBy { ...Loop } }';
    // graphql-js reports the cycle itself; the depth rule must simply terminate.
    expect(() => errorsFor(query, 10)).not.toThrow();
  });

  it('ignores introspection fields such as __typename', () => {
    expect(errorsFor('{ action { __typename ref } }', 2)).toEqual([]);
  });
});
