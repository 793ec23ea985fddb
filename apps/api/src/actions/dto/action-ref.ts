/** References read "area.number" (8.2), as `addAction` takes them; looking one up takes the same shape. */
export const ACTION_REF = /^\d+\.\d+[a-z]?$/;
export const ACTION_REF_MESSAGE = 'ref must look like 8.2 (area number, dot, action number)';
