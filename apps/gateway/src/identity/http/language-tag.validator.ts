import { registerDecorator, ValidationOptions } from 'class-validator';
import { canonicalLanguageTag } from '../domain/locale-rules';

/** A BCP 47 language tag such as `en`, `zh-CN`, `ps`. */
export function IsLanguageTag(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLanguageTag',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a BCP 47 language tag (e.g. en, zh-CN)`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && canonicalLanguageTag(value) !== undefined },
    });
}
