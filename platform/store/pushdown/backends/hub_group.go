// This file is the hub's, not FerretDB's: it is added to FerretDB's backends package at build
// time (see platform/store/pushdown/README.md).

package backends

// HubGroup is an aggregation's grouping by one top-level field, which a backend may answer from
// the index keys it keeps instead of reading every document; the handler then skips the
// pipeline's stages. Three shapes, after a $match the backend sees whole:
//
//   - Count "n", not Unwind: {$group: {_id: "$f", n: {$sum: 1}}}, documents per value of f;
//   - Unwind, Pair: {$unwind: "$f"}, {$group: {_id: {<Pair[0]>: ..., <Pair[1]>: ...}}}, with
//     "$f" and "$_id" in the order PairValueFirst says: the distinct (value, document) pairs;
//   - Unwind, Pair and Count: the same, then {$group: {_id: "$_id.<value's key>", n: {$sum: 1}}},
//     the documents per value of f's elements.
type HubGroup struct {
	Field          string
	Unwind         bool
	Pair           [2]string
	PairValueFirst bool
	Count          string
}
