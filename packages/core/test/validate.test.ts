import { assetMatchSchemaProperties, byteSizeSchema, validateOptions } from '@packwise/core';
import type { Schema } from '@packwise/core';

const schema = {
  title: 'Example plugin options',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...assetMatchSchemaProperties,
    threshold: byteSizeSchema('Only assets at least this large.'),
  },
} as Schema;

describe('validateOptions', () => {
  it.each<[string, unknown]>([
    ['no options', undefined],
    ['an empty object', {}],
    ['a RegExp test', { test: /\.js$/ }],
    ['a list of conditions', { include: ['a', /b/, (name: string) => name === 'c'] }],
    ['a threshold in bytes', { threshold: 1024 }],
    ['a human threshold', { threshold: '1.5 KiB' }],
  ])('accepts %s', (_label, options) => {
    expect(() => validateOptions(schema, options, 'Example Plugin')).not.toThrow();
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown option', { treshold: 1 }, /options has an unknown property 'treshold'/],
    ['a negative threshold', { threshold: -1 }, /options\.threshold/],
    ['a threshold in an unknown unit', { threshold: '12 parsecs' }, /options\.threshold/],
    ['an empty string condition', { test: '' }, /options\.test/],
    ['a number as condition', { exclude: 5 }, /options\.exclude/],
  ])('rejects %s and names the option', (_label, options, message) => {
    expect(() => validateOptions(schema, options, 'Example Plugin')).toThrow(message);
    expect(() => validateOptions(schema, options, 'Example Plugin')).toThrow(
      /Example Plugin has been initialized using an options object that does not match the API schema/,
    );
  });

  it('checks empty options against a schema that requires keys, and rejects a non-object', () => {
    const required = { type: 'object', properties: { maxSize: { type: 'number' } }, required: ['maxSize'] };
    expect(() => validateOptions(required as Schema, {}, 'Example Plugin')).toThrow(
      /misses the property 'maxSize'/,
    );
    expect(() => validateOptions(schema, 'fast', 'Example Plugin')).toThrow(/options should be an object/);
  });
});
