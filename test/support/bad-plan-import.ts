/**
 * A spreadsheet of the demo plan with two bad rows and one good one: a date that does not exist
 * (row 2) and an owner the tracker does not know (row 4). Rows are numbered as the council's
 * spreadsheet shows them, the header being row 1.
 */
export const BAD_PLAN_IMPORT = {
  name: 'bad-rows.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      'Ref,Area,Title,Description,Owner,Organisation,Due date',
      '1.7,1,Termly finance report,Report High Needs spend each term.,Helen Marsh,Demo Council,31/02/2027',
      '1.8,1,Annual finance review,Review High Needs spend each year.,Helen Marsh,Demo Council,31/03/2027',
      '1.9,1,Sufficiency plan,Plan specialist places.,Nobody Known,Demo Council,31/03/2027',
      '',
    ].join('\n'),
  ),
};
