import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}');
  });

  it('encodes strings and numbers exactly as JSON.stringify does, and drops undefined members as stored JSON does', () => {
    const value = { s: 'Siân “quoted” \n 特殊', n: [0.1, 1e21, -3], u: undefined };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
    expect(canonicalJson(value)).toBe('{"n":[0.1,1e+21,-3],"s":"Siân “quoted” \\n 特殊"}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ amount: 10n })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(new TypeError('canonicalJson cannot encode a undefined'));
    expect(() => canonicalJson({ call: () => 1 }.call)).toThrow('canonicalJson cannot encode a function');
  });

  it('writes a hole or undefined in an array as null, as JSON.stringify does', () => {
    expect(canonicalJson([1, undefined, 3])).toBe(JSON.stringify([1, undefined, 3]));
    expect(canonicalJson([1, undefined, 3])).toBe('[1,null,3]');
  });
});
