import { FormatRegistry } from '@sinclair/typebox';

// TypeBox checks string formats only once they are registered; servers and the conformance suite
// import this module so both judge `email` and `date-time` the same way.
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (v) => emailPattern.test(v));
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (v) => dateTimePattern.test(v) && !Number.isNaN(Date.parse(v)));
}
