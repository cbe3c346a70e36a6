// This file is the hub's, not FerretDB's: it is added to FerretDB's SQLite backend at build
// time (see platform/store/pushdown/README.md).
//
// It turns a MongoDB filter and sort into SQL over the key table and sort indexes of
// hub_keys.go. The rule FerretDB's own pushdown follows still holds: the SQL may return more
// documents than match, never fewer, because the handler filters every document again in Go.
// A filter translated in full is marked exact; only then may SQL also count the documents or
// cut the list with LIMIT, which is what lets a sorted page of 20 read 20 rows.

package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// hubPlan is the SQL for one query.
type hubPlan struct {
	from    string // ` "table"` with the index SQLite is to use, if any
	where   string // " WHERE ..." or ""
	args    []any
	exact   bool   // the WHERE clause selects exactly the documents the filter matches
	orderBy string // " ORDER BY ..." or ""
	sorted  bool   // the rows come in the order the sort asks for
	limit   int64  // 0 for none
	count   string // a SELECT count(*) of the matching documents, when exact, else ""

	filtered bool // SQL applies some of the filter

	keySet   string // the ids the key lookups select ("" without lookups), for hub_group.go
	keyArgs  []any
	docConds int // conditions on the documents' table itself (not in the key set)

	countArgs []any
}

// hubCountUpTo bounds the counts that choose a sorted page's plan, so choosing stays cheap.
const hubCountUpTo = 5000

// hubPlanQuery plans a query: the filter conditions SQL can answer from the key table, the sort
// when the collection's values of the sort field all sort in SQL as they do in MongoDB, the
// limit when both are exact, and which index SQLite should start from. SQLite has no
// statistics for these tables, so the plan says which: the key lookups when they are narrow,
// the sort index when a page is wanted from many.
func hubPlanQuery(ctx context.Context, db *fsql.DB, meta *metadata.Collection, keys *hubKeysState, filter, sort *types.Document, limit, hubLimit int64) (*hubPlan, error) {
	fields := map[string]bool{}
	for f := range keys.sortable {
		fields[f] = true
	}

	b := &hubWhereBuilder{keys: hubKeysTable(meta), fields: fields}
	p := &hubPlan{from: fmt.Sprintf(" %q", meta.TableName), exact: filter.Len() == 0 || b.document(filter), limit: limit}

	p.filtered = len(b.conds)+len(b.lookups) > 0
	p.docConds = len(b.conds)

	var keySet string
	var keyArgs []any

	if len(b.lookups) > 0 {
		selects := make([]string, len(b.lookups))
		for i, l := range b.lookups {
			selects[i] = l.sql
			keyArgs = append(keyArgs, l.args...)
		}

		keySet = strings.Join(selects, " INTERSECT ")
		if len(selects) == 1 {
			keySet = strings.Replace(keySet, "SELECT id", "SELECT DISTINCT id", 1)
		}
	}

	p.keySet, p.keyArgs = keySet, keyArgs

	// The documents' own conditions, and the key set as a membership test.
	where := func(withKeySet bool) (string, []any) {
		conds, args := slices.Clone(b.conds), slices.Clone(b.args)
		if withKeySet && keySet != "" {
			conds = append(conds, fmt.Sprintf("%s IN (%s)", metadata.IDColumn, keySet))
			args = append(args, keyArgs...)
		}

		if len(conds) == 0 {
			return "", args
		}

		return " WHERE " + strings.Join(conds, " AND "), args
	}

	// Starting from the key set: each id found once in the key table's index, then its
	// document by the `_id` index (CROSS JOIN fixes that order in SQLite).
	table := fmt.Sprintf("%q", meta.TableName)
	idIndex := meta.TableName + "__hub_id"
	fromKeySet := hubFromIDs(keySet, table, idIndex)

	p.where, p.args = where(true)

	sortField, direction := "", ""
	if sort.Len() == 1 && keys.sortable[sort.Keys()[0]] {
		sortField = sort.Keys()[0]
	}

	if sortField != "" {
		// One document whose value SQL cannot order the MongoDB way is enough to sort in Go.
		var unorderable int
		rank := hubSortRank(metadata.DefaultColumn, sortField)
		q := fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %q WHERE %s = 0)`, meta.TableName, rank)
		if err := db.QueryRowContext(ctx, q).Scan(&unorderable); err != nil {
			return nil, lazyerrors.Error(err)
		}

		if unorderable == 0 {
			if v, _ := sort.Get(sortField); v == int64(-1) {
				direction = " DESC"
			}

			p.orderBy = fmt.Sprintf(" ORDER BY %s%s, %s%s", rank, direction, hubSortValue(metadata.DefaultColumn, sortField), direction)
			p.sorted = true
		}
	}

	if hubLimit > 0 && p.exact && (p.sorted || sort.Len() == 0) && (limit == 0 || hubLimit < limit) {
		p.limit = hubLimit
	}

	// With several lookups, the narrowest drives: its ids, each tested by the others' probes.
	// Intersecting every lookup's ids first passed over all of `archivedAt: null`'s, which is
	// nearly every document, for a filter that matches a hundred. (A sorted page chooses its
	// plan below, and is not counted.)
	var driven *hubDriven
	drive := func() (err error) {
		if driven == nil && len(b.lookups) > 1 {
			driven, err = b.narrowestDriving(ctx, db, table, idIndex)
		}

		return err
	}

	if !(p.sorted && p.limit > 0) {
		if err := drive(); err != nil {
			return nil, err
		}
	}

	if p.exact {
		p.count = `SELECT count(*) FROM ` + table + p.where
		switch {
		case driven != nil && len(b.conds) == 0:
			// Counted in the key table's index alone, without reading a document.
			p.count = fmt.Sprintf(`SELECT count(*) FROM (%s) AS hub_k WHERE %s`, driven.ids, strings.Join(driven.probes, " AND "))
			p.countArgs = append(slices.Clone(driven.idArgs), driven.probeArgs...)
		case driven != nil:
			w, a := driven.where(b)
			p.count, p.countArgs = `SELECT count(*) FROM`+driven.from+w, a
		case keySet != "":
			w, a := where(false)
			p.count, p.countArgs = `SELECT count(*) FROM`+fromKeySet+w, append(slices.Clone(keyArgs), a...)
			if len(b.conds) == 0 {
				// Counted in the key table's index alone, without reading a document.
				p.count = fmt.Sprintf(`SELECT count(*) FROM (%s)`, keySet)
			}
		default:
			p.countArgs = p.args
		}
	}

	if len(b.lookups) == 0 {
		return p, nil // nothing to choose: `_id` conditions and sorts have one index each
	}

	if p.sorted && p.limit > 0 {
		var n int64
		if err := db.QueryRowContext(ctx, fmt.Sprintf(`SELECT coalesce(max(rowid), 0) FROM %s`, table)).Scan(&n); err != nil {
			return nil, lazyerrors.Error(err)
		}

		// A bound on the sort field itself (a cursor: `ascKey > last`) is a seek in the sort
		// index, so a page deep in a list starts there instead of testing every row before it.
		var seeks, probed []hubLookup
		for _, l := range b.lookups {
			if l.seekField == sortField {
				seeks = append(seeks, l)
			} else {
				probed = append(probed, l)
			}
		}

		// A page of limit rows out of m matches among n documents: reading the sort index in
		// order tests about limit*n/m rows with probes; starting from the keys reads m
		// documents and sorts them. The first wins when m*m > limit*n (times a margin for the
		// probes); each m is counted only as far as that decides, n is the table's largest rowid.
		threshold := 4 * float64(p.limit) * float64(n)
		bound := max(hubCountUpTo, int64(math.Sqrt(threshold))+1)
		narrowest := int64(math.MaxInt64)

		for _, l := range probed {
			m, err := l.countUpTo(ctx, db, bound)
			if err != nil {
				return nil, err
			}

			narrowest = min(narrowest, m)
		}

		if float64(narrowest)*float64(narrowest) > threshold {
			conds, args := slices.Clone(b.conds), slices.Clone(b.args)
			for _, l := range seeks {
				conds = append(conds, l.seek)
				args = append(args, l.args...)
			}

			// Each row read is tested with probes in the key table's (id, ...) index, rather
			// than against a list of every match made first (for 15,000 matches, building that
			// list was most of a page's cost).
			for _, l := range probed {
				conds = append(conds, l.probeOf(table+"."+metadata.IDColumn))
				args = append(args, l.probeArgs...)
			}

			p.from = fmt.Sprintf(" %s INDEXED BY %q", table, meta.TableName+"__hub_sort_"+sortField)
			if len(seeks) > 0 {
				// A seek pins the rank (strings); ordered by the rank too, SQLite would sort
				// every row from the seek on instead of reading the index in order.
				p.orderBy = fmt.Sprintf(" ORDER BY %s%s", hubSortValue(metadata.DefaultColumn, sortField), direction)
			}
			p.where = ""
			if len(conds) > 0 {
				p.where = " WHERE " + strings.Join(conds, " AND ")
			}
			p.args = args

			return p, nil
		}
	}

	if err := drive(); err != nil {
		return nil, err
	}

	if driven != nil {
		p.from = driven.from
		p.where, p.args = driven.where(b)

		return p, nil
	}

	w, a := where(false)
	p.from, p.where, p.args = fromKeySet, w, append(slices.Clone(keyArgs), a...)

	return p, nil
}

// hubDriven is a key set read from one lookup (the driver), each of its ids tested by the
// other lookups' probes: the documents fetched by `_id` for those that pass.
type hubDriven struct {
	ids       string // SELECT DISTINCT id ... of the driver
	idArgs    []any
	probes    []string // on hub_k.id
	probeArgs []any
	from      string // " (ids) AS hub_k CROSS JOIN <table> ... ON <table>'s id = hub_k.id"
}

// where is the documents' own conditions and the probes, with from's arguments first.
func (d *hubDriven) where(b *hubWhereBuilder) (string, []any) {
	conds := append(slices.Clone(b.conds), d.probes...)
	args := append(append(slices.Clone(d.idArgs), b.args...), d.probeArgs...)

	return " WHERE " + strings.Join(conds, " AND "), args
}

// narrowestDriving counts each lookup's ids, each only up to the narrowest so far (and at most
// hubCountUpTo), and drives with the narrowest.
func (b *hubWhereBuilder) narrowestDriving(ctx context.Context, db *fsql.DB, table, idIndex string) (*hubDriven, error) {
	narrowest, fewest := 0, int64(hubCountUpTo)

	for i, l := range b.lookups {
		m, err := l.countUpTo(ctx, db, fewest+1)
		if err != nil {
			return nil, err
		}

		if m < fewest || i == 0 {
			narrowest, fewest = i, m
		}
	}

	l := b.lookups[narrowest]
	d := &hubDriven{ids: "SELECT DISTINCT id FROM (" + l.sql + ")", idArgs: slices.Clone(l.args)}

	for i, other := range b.lookups {
		if i != narrowest {
			d.probes = append(d.probes, other.probeOf("hub_k.id"))
			d.probeArgs = append(d.probeArgs, other.probeArgs...)
		}
	}

	d.from = hubFromIDs(d.ids, table, idIndex)

	return d, nil
}

// hubWhereBuilder collects SQL conditions, one per filter condition it can translate.
type hubWhereBuilder struct {
	keys    string
	fields  map[string]bool
	conds   []string // on the documents' table
	args    []any
	lookups []hubLookup // in the key table, intersected
}

// hubLookup is a SELECT of the ids whose key rows meet one condition, and the same condition
// as a test of one document (probe, where hubProbedID stands for its id).
type hubLookup struct {
	sql  string
	args []any

	probe     string
	probeArgs []any

	estimate string // when set, a cheaper SELECT of at least as many ids, to count for the plan

	// For a string bound on a field with a sort index: the same condition on that index's
	// columns (args as for sql), and the field.
	seek      string
	seekField string
}

// hubProbedID stands for the probed document's id column in hubLookup.probe.
const hubProbedID = "{hub_probed_id}"

// probeOf is the lookup's probe of the document whose id is the SQL expression id.
func (l hubLookup) probeOf(id string) string { return strings.ReplaceAll(l.probe, hubProbedID, id) }

// countUpTo counts the lookup's ids (or its estimate's), stopping at limit.
func (l hubLookup) countUpTo(ctx context.Context, db *fsql.DB, limit int64) (int64, error) {
	var n int64
	q := fmt.Sprintf(`SELECT count(*) FROM (%s LIMIT %d)`, cmp.Or(l.estimate, l.sql), limit)
	if err := db.QueryRowContext(ctx, q, l.args...).Scan(&n); err != nil {
		return 0, lazyerrors.Error(err)
	}

	return n, nil
}

// hubFromIDs starts from a set of ids: each found once, then its document by the `_id` index
// (CROSS JOIN fixes that order in SQLite).
func hubFromIDs(ids, table, idIndex string) string {
	return fmt.Sprintf(" (%s) AS hub_k CROSS JOIN %s INDEXED BY %q ON %s.%s = hub_k.id", ids, table, idIndex, table, metadata.IDColumn)
}

// document adds the conditions of a filter document and reports whether they are exact.
func (b *hubWhereBuilder) document(filter *types.Document) bool {
	exact := true

	for _, key := range filter.Keys() {
		value := must.NotFail(filter.Get(key))

		switch {
		case key == "$comment":
		case key == "$and":
			exact = b.and(value) && exact
		case key == "$or":
			exact = b.or(value) && exact
		case strings.HasPrefix(key, "$"):
			exact = false
		case key == "_id":
			exact = b.id(value) && exact
		case b.fields[key]:
			exact = b.field(key, value) && exact
		default:
			exact = false
		}
	}

	return exact
}

func (b *hubWhereBuilder) and(value any) bool {
	arr, ok := value.(*types.Array)
	if !ok || arr.Len() == 0 {
		return false
	}

	exact := true

	for i := 0; i < arr.Len(); i++ {
		sub, ok := must.NotFail(arr.Get(i)).(*types.Document)
		if !ok {
			return false
		}

		exact = b.document(sub) && exact
	}

	return exact
}

// or translates `$or` into one lookup, the union of its branches' key sets, when every branch
// has one (a branch without any is "any document", so nothing narrows); exact when every branch
// is. A branch may be a superset (e.g. `$exists: false`, looked up as "null"), so is the union.
func (b *hubWhereBuilder) or(value any) bool {
	arr, ok := value.(*types.Array)
	if !ok || arr.Len() == 0 {
		return false
	}

	exact := true
	branches := make([]string, 0, arr.Len())
	probes := make([]string, 0, arr.Len())
	var args, probeArgs []any

	for i := 0; i < arr.Len(); i++ {
		sub, ok := must.NotFail(arr.Get(i)).(*types.Document)
		if !ok {
			return false
		}

		branch := &hubWhereBuilder{keys: b.keys, fields: b.fields}
		exact = branch.document(sub) && exact

		if len(branch.lookups) == 0 || len(branch.conds) > 0 {
			return false
		}

		selects := make([]string, len(branch.lookups))
		tests := make([]string, len(branch.lookups))
		for j, l := range branch.lookups {
			selects[j], tests[j] = l.sql, l.probe
			args = append(args, l.args...)
			probeArgs = append(probeArgs, l.probeArgs...)
		}

		branches = append(branches, "SELECT id FROM ("+strings.Join(selects, " INTERSECT ")+")")
		probes = append(probes, "("+strings.Join(tests, " AND ")+")")
	}

	b.lookups = append(b.lookups, hubLookup{
		sql:       "SELECT id FROM (" + strings.Join(branches, " UNION ") + ")",
		args:      args,
		probe:     "(" + strings.Join(probes, " OR ") + ")",
		probeArgs: probeArgs,
		// UNION ALL streams, so counting up to a bound stops there; UNION dedupes all first.
		estimate: "SELECT id FROM (" + strings.Join(branches, " UNION ALL ") + ")",
	})

	return exact
}

// id translates `_id: v` and `_id: {$in: [...]}` for string and ObjectId ids, on FerretDB's
// `_id` expression, which hub_keys.go indexes.
func (b *hubWhereBuilder) id(value any) bool {
	values := []any{value}
	if d, ok := value.(*types.Document); ok {
		if d.Len() != 1 {
			return false
		}

		switch op := d.Keys()[0]; op {
		case "$eq":
			values = []any{must.NotFail(d.Get(op))}
		case "$in":
			arr, ok := must.NotFail(d.Get(op)).(*types.Array)
			if !ok {
				return false
			}
			values = make([]any, arr.Len())
			for i := range values {
				values[i] = must.NotFail(arr.Get(i))
			}
		default:
			return false
		}
	}

	kind := ""
	placeholders := make([]string, 0, len(values))
	args := make([]any, 0, len(values))

	for _, v := range values {
		var k string
		switch v.(type) {
		case string:
			k = "string"
		case types.ObjectID:
			k = "objectId"
		default:
			return false
		}

		if kind != "" && kind != k {
			kind = "mixed"
		} else if kind == "" {
			kind = k
		}

		placeholders = append(placeholders, "?")
		args = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))
	}

	if len(values) == 0 {
		b.conds = append(b.conds, "0")
		return true
	}

	cond := fmt.Sprintf("%s IN (%s)", metadata.IDColumn, strings.Join(placeholders, ", "))
	if kind == "mixed" {
		// An ObjectId and a string of the same hex text look alike in JSON: a superset.
		b.conds = append(b.conds, cond)
		b.args = append(b.args, args...)

		return false
	}

	b.conds = append(b.conds, fmt.Sprintf(`%s AND %s->>'$."$s".p._id.t' = '%s'`, cond, metadata.DefaultColumn, kind))
	b.args = append(b.args, args...)

	return true
}

// field translates the conditions on an indexed field into lookups in the key table.
func (b *hubWhereBuilder) field(f string, value any) bool {
	d, ok := value.(*types.Document)
	if !ok {
		return b.equal(f, value)
	}

	for _, op := range d.Keys() {
		if !strings.HasPrefix(op, "$") {
			return false // equality with a whole document
		}
	}

	exact := true

	for _, op := range d.Keys() {
		v := must.NotFail(d.Get(op))

		switch op {
		case "$eq":
			exact = b.equal(f, v) && exact
		case "$in":
			exact = b.in(f, v) && exact
		case "$all":
			exact = b.all(f, v) && exact
		case "$gt", "$gte", "$lt", "$lte":
			exact = b.compare(f, op, v) && exact
		case "$exists":
			present, ok := v.(bool)
			switch {
			case !ok:
				exact = false
			case present:
				b.lookup(f, "type <> 'missing'")
			default:
				b.lookup(f, "type = 'missing'")
			}
		default:
			exact = false
		}
	}

	return exact
}

// hubScalar is a filter value as the key table holds it: the sjson types it equals and the
// SQL value.
type hubScalar struct {
	types []string
	value any
}

func hubToScalar(v any) (hubScalar, bool) {
	switch v := v.(type) {
	case string:
		return hubScalar{[]string{"string"}, v}, true
	case types.ObjectID:
		return hubScalar{[]string{"objectId"}, fmt.Sprintf("%x", v[:])}, true
	case bool:
		if v {
			return hubScalar{[]string{"bool"}, 1}, true
		}
		return hubScalar{[]string{"bool"}, 0}, true
	case int32:
		return hubScalar{[]string{"int", "long", "double"}, int64(v)}, true
	case int64:
		return hubScalar{[]string{"int", "long", "double"}, v}, true
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return hubScalar{}, false
		}
		return hubScalar{[]string{"int", "long", "double"}, v}, true
	case time.Time:
		return hubScalar{[]string{"date"}, v.UnixMilli()}, true
	case types.NullType:
		return hubScalar{[]string{"null"}, nil}, true
	default:
		return hubScalar{}, false
	}
}

func hubTypeList(ts []string) string {
	return "'" + strings.Join(ts, "', '") + "'"
}

// lookup adds "the document has a key row of field f matching cond".
func (b *hubWhereBuilder) lookup(f, cond string, args ...any) {
	b.lookups = append(b.lookups, hubLookup{
		sql:       fmt.Sprintf(`SELECT id FROM %q WHERE field = '%s' AND %s`, b.keys, f, cond),
		args:      args,
		probe:     fmt.Sprintf(`EXISTS (SELECT 1 FROM %q WHERE field = '%s' AND %s AND id = %s)`, b.keys, f, cond, hubProbedID),
		probeArgs: args,
	})
}

func (b *hubWhereBuilder) equal(f string, v any) bool {
	s, ok := hubToScalar(v)
	if !ok {
		return false
	}

	if s.value == nil {
		b.lookup(f, "type IN ('null', 'missing')")
		return true
	}

	b.lookup(f, fmt.Sprintf("type IN (%s) AND value = ?", hubTypeList(s.types)), s.value)

	return true
}

func (b *hubWhereBuilder) in(f string, v any) bool {
	arr, ok := v.(*types.Array)
	if !ok {
		return false
	}

	// One IN list per group of types (strings, numbers, ...), in the order first seen.
	var groups []string
	byGroup := map[string][]any{}
	null := false

	for i := 0; i < arr.Len(); i++ {
		s, ok := hubToScalar(must.NotFail(arr.Get(i)))
		if !ok {
			return false
		}

		if s.value == nil {
			null = true
			continue
		}

		g := hubTypeList(s.types)
		if _, seen := byGroup[g]; !seen {
			groups = append(groups, g)
		}
		byGroup[g] = append(byGroup[g], s.value)
	}

	var ors []string
	var args []any

	if null {
		ors = append(ors, "type IN ('null', 'missing')")
	}

	for _, g := range groups {
		ors = append(ors, fmt.Sprintf("(type IN (%s) AND value IN (%s))", g, strings.TrimSuffix(strings.Repeat("?, ", len(byGroup[g])), ", ")))
		args = append(args, byGroup[g]...)
	}

	if len(ors) == 0 {
		b.conds = append(b.conds, "0") // $in: [] matches nothing
		return true
	}

	b.lookup(f, "("+strings.Join(ors, " OR ")+")", args...)

	return true
}

func (b *hubWhereBuilder) all(f string, v any) bool {
	arr, ok := v.(*types.Array)
	if !ok || arr.Len() == 0 {
		return false // $all: [] matches nothing in MongoDB; leave it to Go
	}

	exact := true

	for i := 0; i < arr.Len(); i++ {
		e := must.NotFail(arr.Get(i))
		if _, ok := hubToScalar(e); !ok {
			exact = false // e.g. {$elemMatch: ...}
			continue
		}

		exact = b.equal(f, e) && exact
	}

	return exact
}

// compare translates a range bound. MongoDB compares only within a group of types (a string
// bound matches strings), which the type condition keeps; each bound is its own lookup, since
// with arrays different elements may meet different bounds.
func (b *hubWhereBuilder) compare(f, op string, v any) bool {
	s, ok := hubToScalar(v)
	if !ok || s.value == nil {
		return false
	}

	sqlOp := map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}[op]
	b.lookup(f, fmt.Sprintf("type IN (%s) AND value %s ?", hubTypeList(s.types), sqlOp), s.value)

	if _, isString := v.(string); isString {
		// Strings rank 3 in the sort index (hubSortRank) and compare there as in the key table.
		l := &b.lookups[len(b.lookups)-1]
		l.seek = fmt.Sprintf("%s = 3 AND %s %s ?", hubSortRank(metadata.DefaultColumn, f), hubSortValue(metadata.DefaultColumn, f), sqlOp)
		l.seekField = f
	}

	return true
}
