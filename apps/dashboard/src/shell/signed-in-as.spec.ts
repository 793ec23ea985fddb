/// <reference types="jest" />
// The dashboard compiles for the browser without test globals; its unit specs ask for them here.
import { signedInAs } from './signed-in-as';

describe('who the header says is signed in', () => {
  it('names the role once, even when the display name carries a description in brackets', () => {
    expect(signedInAs('Prof. Judith Ashworth (independent chair)', ['BOARD_CHAIR'])).toBe('Prof. Judith Ashworth (board chair)');
  });

  it('lists each role once, in words', () => {
    expect(signedInAs('Helen Marsh', ['ACTION_OWNER', 'ACTION_OWNER', 'DFE_ADVISER'])).toBe('Helen Marsh (action owner, DfE adviser)');
  });

  it('says when the person has no role in this area, and keeps a name that is all brackets', () => {
    expect(signedInAs('(visitor)', [])).toBe('(visitor) (no role here)');
  });
});
