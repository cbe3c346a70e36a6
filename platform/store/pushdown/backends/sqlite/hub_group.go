// This file is the hub's, not FerretDB's: it is added to FerretDB's SQLite backend at build
// time (see platform/store/pushdown/README.md).
//
// It answers the groupings of backends.HubGroup from the key table, without reading a
// document: a statistics query over 15,000 events then reads their key rows, not 120 MB of
// JSON. It answers only when the key rows say exactly what $group would make of the documents;
// otherwise FerretDB's own pipeline runs, as before:
//
//   - grouping by f: every matched document's f is a string, null or missing (one key row
//     each; null and missing are one group, as in $group);
//   - unwinding f: every matched document's f is a string, missing or an array of strings (no
//     null, which $unwind treats apart, and no nested element, which would be its own group);
//     each (value, document) pair is one key row, as $group's pairs are distinct;
//   - pairs with the documents' ids: every matched _id is a string.

package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// hubGroup is g's answer from the key table, or nil when the key rows cannot give it exactly.
func hubGroup(ctx context.Context, db *fsql.DB, meta *metadata.Collection, keys *hubKeysState, p *hubPlan, g *backends.HubGroup) ([]*types.Document, error) {
	if _, indexed := keys.sortable[g.Field]; !indexed || !p.exact || p.docConds > 0 {
		return nil, nil
	}

	table := hubKeysTable(meta)

	// The matched documents: the key set, or every document for an empty filter.
	matched, args := "", []any{}
	if p.keySet != "" {
		matched, args = fmt.Sprintf(" AND id IN (%s)", p.keySet), p.keyArgs
	}

	allowed := "'string', 'null', 'missing'"
	if g.Unwind {
		allowed = "'string', 'array', 'missing'"
	}

	check := fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %q WHERE field = '%s' AND type NOT IN (%s)%s)`, table, g.Field, allowed, matched)
	if g.Unwind && g.Count == "" {
		check = fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %q WHERE ((field = '%s' AND type NOT IN (%s)) OR (field = '$_id' AND type <> 'string'))%s)`,
			table, g.Field, allowed, matched)
	}

	var inexact bool
	if err := db.QueryRowContext(ctx, check, args...).Scan(&inexact); err != nil {
		return nil, lazyerrors.Error(err)
	}

	if inexact {
		return nil, nil
	}

	var q string

	switch {
	case !g.Unwind:
		q = fmt.Sprintf(`SELECT CASE WHEN type = 'string' THEN value END, count(*) FROM %q WHERE field = '%s'%s GROUP BY 1`, table, g.Field, matched)
	case g.Count != "":
		q = fmt.Sprintf(`SELECT value, count(*) FROM %q WHERE field = '%s' AND type = 'string'%s GROUP BY value`, table, g.Field, matched)
	default:
		q = fmt.Sprintf(`SELECT value, id FROM %q WHERE field = '%s' AND type = 'string'%s`, table, g.Field, matched)
	}

	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}
	defer rows.Close()

	groups := []*types.Document{} // answered, even with no group at all

	for rows.Next() {
		var value *string
		var n int64
		var id string

		if g.Unwind && g.Count == "" {
			err = rows.Scan(&value, &id)
		} else {
			err = rows.Scan(&value, &n)
		}

		if err != nil {
			return nil, lazyerrors.Error(err)
		}

		var key any = types.Null
		if value != nil {
			key = *value
		}

		if g.Count != "" {
			groups = append(groups, must.NotFail(types.NewDocument("_id", key, g.Count, hubCountValue(n))))
			continue
		}

		var docID string
		if err = json.Unmarshal([]byte(id), &docID); err != nil {
			return nil, lazyerrors.Error(err)
		}

		pair := must.NotFail(types.NewDocument(g.Pair[0], docID, g.Pair[1], key))
		if g.PairValueFirst {
			pair = must.NotFail(types.NewDocument(g.Pair[0], key, g.Pair[1], docID))
		}

		groups = append(groups, must.NotFail(types.NewDocument("_id", pair)))
	}

	if err = rows.Err(); err != nil {
		return nil, lazyerrors.Error(err)
	}

	return groups, nil
}

// hubCountValue is a count as $sum of integer ones gives it: an int32 while it fits.
func hubCountValue(n int64) any {
	if n <= math.MaxInt32 {
		return int32(n)
	}

	return n
}
