/** Issue 6's targets beside what this run measured, so the report says plainly which are met. */
export class Targets {
  private readonly rows: [string, string, boolean][] = [];

  check(target: string, measured: string, met: boolean): void {
    this.rows.push([target, measured, met]);
    console.log(`  target ${met ? 'met' : 'NOT met'}: ${target} (measured ${measured})`);
  }

  markdown(): string[] {
    return ['| target | measured | met? |', '|---|---|---|', ...this.rows.map(([target, measured, met]) => `| ${target} | ${measured} | ${met ? 'yes' : '**no**'} |`)];
  }
}
