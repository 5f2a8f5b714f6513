/** What is stored of a participant's allergies besides the codes. */
export interface AllergyNoteState {
  note: string;
  needsCoding: boolean;
}

/**
 * Whether an allergy note still needs coding after a write. A note says something the codes may not (an allergy
 * the vocabulary has no code for, or one nobody has coded yet), and a rule never reads a note, so a new or changed
 * note is flagged until a person who may write allergies says the codes cover it (`needsCoding: false`). An
 * unchanged note keeps its flag; an empty note needs nothing.
 */
export function allergiesNeedCoding(before: AllergyNoteState | null, note: string, stated: boolean | undefined): boolean {
  if (note.trim() === '') return false;
  if (stated !== undefined) return stated;
  if (before && before.note === note) return before.needsCoding;
  return true;
}
