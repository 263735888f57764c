import { orderEnsureCalls } from '../src/rspack-order';

// Rspack: the planned chunks of an import() go in name order inside its Promise.all([...]), where they stood.
const names = new Map([
  ['871', 'vendor.date-fns.1'],
  ['281', 'vendor.a.1'],
  ['12', 'vendor.z.1'],
]);

it.each([
  [
    'sorts planned chunks by name and keeps the others in place',
    'x(Promise.all(/*! import() | reports */[__webpack_require__.e("871"), __webpack_require__.e("99"), __webpack_require__.e(281)]).then(f))',
    'x(Promise.all(/*! import() | reports */[__webpack_require__.e(281), __webpack_require__.e("99"), __webpack_require__.e("871")]).then(f))',
  ],
  [
    'keeps fetch priorities with their call',
    'Promise.all([__webpack_require__.e(12, "high"), __webpack_require__.e(281, "high")])',
    'Promise.all([__webpack_require__.e(281, "high"), __webpack_require__.e(12, "high")])',
  ],
])('%s', (_, code, expected) => {
  expect(orderEnsureCalls(code, names)).toBe(expected);
});

it('returns undefined when nothing moves (already in order, one chunk, or no planned chunk)', () => {
  expect(
    orderEnsureCalls('Promise.all([__webpack_require__.e(281), __webpack_require__.e(871)])', names),
  ).toBe(undefined);
  expect(orderEnsureCalls('__webpack_require__.e(871).then(f)', names)).toBe(undefined);
  expect(orderEnsureCalls('Promise.all([__webpack_require__.e(5), __webpack_require__.e(4)])', names)).toBe(
    undefined,
  );
});
