// This file is the hub's, not FerretDB's: it is added to FerretDB's aggregation stages at build
// time (see platform/store/pushdown/README.md).
//
// FerretDB's $group finds a document's group by comparing its key with every group made so far,
// so grouping n documents into g groups costs n·g comparisons: the hub's per-participant counts
// (150,000 participations into as many (event, participant) groups) never finished. hubGroupKey
// gives each key a bucket, so that only the groups in its bucket are compared: equal keys always
// share a bucket, and the comparison within it is still FerretDB's own, so no group changes.

package stages

import (
	"math"
	"strconv"
	"strings"

	"github.com/FerretDB/FerretDB/internal/types"
)

// hubGroupKey is a bucket for a group key: two keys that CompareForAggregation finds equal always
// get the same bucket. Numbers of every type are written as float64 (1, 1.0 and int64(1) group
// together; -0 as 0), strings, booleans and null exactly, documents and arrays element by
// element; any other type gets a bucket of its own kind only, which is coarse but never wrong.
func hubGroupKey(key any) string {
	var b strings.Builder
	hubWriteGroupKey(&b, key)
	return b.String()
}

func hubWriteGroupKey(b *strings.Builder, key any) {
	switch v := key.(type) {
	case *types.Document:
		b.WriteByte('{')
		values := v.Values()
		for i, k := range v.Keys() {
			hubWriteString(b, k)
			hubWriteGroupKey(b, values[i])
		}
		b.WriteByte('}')
	case *types.Array:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			element, _ := v.Get(i)
			hubWriteGroupKey(b, element)
		}
		b.WriteByte(']')
	case string:
		b.WriteByte('s')
		hubWriteString(b, v)
	case float64:
		hubWriteNumber(b, v)
	case int32:
		hubWriteNumber(b, float64(v))
	case int64:
		hubWriteNumber(b, float64(v))
	case bool:
		if v {
			b.WriteString("t")
		} else {
			b.WriteString("f")
		}
	case types.NullType:
		b.WriteByte('z')
	default:
		// ObjectID, Binary, time, Regex, Timestamp: not used by the hub's groups; one bucket per kind.
		b.WriteByte('?')
		b.WriteString(strconv.Itoa(hubKind(v)))
	}
}

// hubWriteString writes s with its length first, so that no two sequences of strings run together.
func hubWriteString(b *strings.Builder, s string) {
	b.WriteString(strconv.Itoa(len(s)))
	b.WriteByte(':')
	b.WriteString(s)
}

func hubWriteNumber(b *strings.Builder, f float64) {
	b.WriteByte('n')
	switch {
	case f == 0: // -0 equals 0
		b.WriteByte('0')
	case math.IsNaN(f): // NaN equals NaN when grouping
		b.WriteString("NaN")
	default:
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	}
	b.WriteByte(';')
}

// hubKind tells the other scalar types apart, only to spread them over a few buckets.
func hubKind(v any) int {
	switch v.(type) {
	case types.ObjectID:
		return 1
	case types.Binary:
		return 2
	case types.Regex:
		return 3
	case types.Timestamp:
		return 4
	default:
		return 0
	}
}
