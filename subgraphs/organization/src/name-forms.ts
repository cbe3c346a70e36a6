import { nameFormProblems, type InputCheck } from '@hub/kit';
import { NameForm } from './entities/name-form.embeddable.js';
import type { NameFormInput } from './inputs/name-form.input.js';
import { SourceDocumentRef } from './references.js';

/** Validates the name forms a write gives (each source must exist in knowledge) and makes them records' embeddables. */
export function takeNameForms(check: InputCheck, field: string, forms: readonly NameFormInput[]): NameForm[] {
  forms.forEach((nameForm, n) => {
    for (const [part, problem] of nameFormProblems(nameForm)) check.add(`${field}[${n}].${part}`, problem);
  });
  check.existsElsewhere(`${field}.source`, SourceDocumentRef, forms.map((nameForm) => nameForm.source));
  return NameForm.all(forms.map(({ form, source, passage, onlyInSource, except }) => ({ form, source, passage, onlyInSource: onlyInSource ?? false, except: except ?? [] })));
}
