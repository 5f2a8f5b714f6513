import 'reflect-metadata';
import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';
import { createValidationPipe } from './validation';

class NoteDto {
  @IsString() title!: string;
  @IsOptional() @IsString() note?: string;
  @IsOptional() @IsCalendarDate() on?: string;
}

const body: ArgumentMetadata = { type: 'body', metatype: NoteDto, data: '' };
const pipe = createValidationPipe();

async function refusal(value: unknown, metadata = body): Promise<{ code: string; fields: { field: string; messages: string[] }[] }> {
  try {
    await pipe.transform(value, metadata);
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return (e as BadRequestException).getResponse() as { code: string; fields: { field: string; messages: string[] }[] };
  }
  throw new Error('the pipe accepted it');
}

describe('the validation pipe of every service', () => {
  it('keeps free text with tabs and new lines', async () => {
    await expect(pipe.transform({ title: 'Lyon', note: 'Day 1:\tarrive\r\nDay 2' }, body)).resolves.toEqual({ title: 'Lyon', note: 'Day 1:\tarrive\r\nDay 2' });
  });

  it.each([['NUL', '\u0000'], ['bell', '\u0007'], ['escape', '\u001b'], ['DEL', '\u007f'], ['a C1 control', '\u0085'], ['an unpaired surrogate', '\ud800']])(
    'refuses %s in a text field, naming it', async (_name, ch) => {
      const r = await refusal({ title: 'Lyon', note: `a${ch}b` });
      expect(r).toMatchObject({ code: 'REQUEST.INVALID', fields: [{ field: 'note', messages: [expect.stringContaining('must not contain control characters')] }] });
    });

  it('refuses a control character in a query value and in a route parameter, naming it', async () => {
    expect((await refusal({ title: 'x\u0000' }, { type: 'query', metatype: NoteDto, data: '' })).fields[0].field).toBe('title');
    expect((await refusal('abc\u0000', { type: 'param', metatype: String, data: 'id' })).fields[0].field).toBe('id');
  });

  it('refuses a __proto__ key (an own property after JSON.parse) as an unknown field, at any depth', async () => {
    expect((await refusal(JSON.parse('{"title":"x","__proto__":{"admin":true}}'))).fields).toEqual([{ field: '__proto__', messages: ['property __proto__ should not exist'] }]);
    expect((await refusal(JSON.parse('{"title":"x","note":{"__proto__":{}}}'))).fields[0].field).toBe('note.__proto__');
  });

  it('refuses a date that is not in the calendar', async () => {
    for (const on of ['2027-02-30', '2027-13-01', '0000-01-01', '27-01-01']) expect((await refusal({ title: 'x', on })).fields[0].field).toBe('on');
    await expect(pipe.transform({ title: 'x', on: '2028-02-29' }, body)).resolves.toMatchObject({ on: '2028-02-29' });
  });
});
