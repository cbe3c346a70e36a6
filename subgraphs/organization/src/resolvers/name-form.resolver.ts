import { FieldResolver, Resolver, Root } from 'type-graphql';
import { NameForm } from '../entities/name-form.embeddable.js';
import { SourceDocumentRef } from '../references.js';

@Resolver(() => NameForm)
export class NameFormResolver {
  @FieldResolver(() => SourceDocumentRef, { description: 'The document that writes the name so.' })
  source(@Root() nameForm: NameForm) {
    return SourceDocumentRef.of(nameForm.source);
  }
}
