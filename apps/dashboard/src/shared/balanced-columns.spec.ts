/// <reference types="jest" />
// The dashboard compiles for the browser without test globals; its unit specs ask for them here.
import { balancedColumns } from './balanced-columns';

describe('balanced tile columns', () => {
  it('keeps every tile on one row when they fit', () => {
    expect(balancedColumns(5, 1300, 162, 13.5)).toBe(5);
  });

  it('splits eight tiles that do not fit on one row into two rows of four, not seven and one', () => {
    expect(balancedColumns(8, 1300, 162, 13.5)).toBe(4);
  });

  it('on a phone makes rows as even as the width allows', () => {
    // Three 108 px tiles and two gaps need 351 px.
    expect(balancedColumns(5, 360, 108, 13.5)).toBe(3);
    expect(balancedColumns(8, 360, 108, 13.5)).toBe(3);
    expect(balancedColumns(7, 800, 108, 13.5)).toBe(4);
    expect(balancedColumns(4, 200, 162, 13.5)).toBe(1);
  });
});
