// This file is the hub's, not FerretDB's: it is added to FerretDB's SQLite backend at build
// time (see platform/store/pushdown/README.md).
//
// FerretDB 1.24 keeps each document as one JSON text per row and creates an index per
// createIndexes call, but answers every query except `_id` equality by decoding the whole
// collection in Go. Here each collection with indexes gets what SQLite needs to answer the
// hub's queries from indexes instead:
//
//   - a key table, "<table>__hub_keys", one row per indexed top-level field of each document
//     (its type, "missing" when absent) and one per element of an array, kept by triggers in the same
//     transaction as every insert, update and delete, so it cannot drift from the documents;
//   - an index on the `_id` expression FerretDB's own queries use (its `_id_` index is on a
//     different spelling, which SQLite does not match);
//   - per indexed field, an index on the field's sort key in MongoDB's order of types, so a
//     sorted page reads its rows in order and stops.
//
// What the triggers keep is described by a signature (the collection's UUID and its indexed
// fields) in "_hub_keys_meta"; a store that finds another signature rebuilds the keys from the
// documents, so a data folder from before this code, a collection dropped and created again, or
// an index added later all end up consistent.

package sqlite

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// hubKeysVersion changes whenever the key table's contents or the triggers change meaning,
// which makes every store rebuild its keys once.
const hubKeysVersion = "5" // 5: rows for nested elements and the _id's type (hub_group.go)

// hubTriggersVersion changes when the triggers are written differently with the same meaning:
// a store that finds another one makes the triggers again and keeps the keys as they are.
// 2: the triggers read the document as JSONB, and its _id and element types once per row
// (hubTriggerKeyRows).
const hubTriggersVersion = "2"

const hubKeysMetaTable = "_hub_keys_meta"

var hubKeysMetaDDL = fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %q (table_name TEXT PRIMARY KEY, signature TEXT NOT NULL)`, hubKeysMetaTable)

// hubKeysSynced remembers, per database file and table, the keys known to be current, so a
// query costs a map lookup, not a round trip, once they are.
var hubKeysSynced sync.Map // "<db>\x00<table>" -> *hubKeysState

// hubKeysState is what a collection's keys cover.
type hubKeysState struct {
	signature string
	sortable  map[string]bool // fields with a sort index
}

// hubKeysMu serialises rebuilds: two first queries on a collection must not both rebuild it.
var hubKeysMu sync.Mutex

// hubIndexedFields returns the top-level fields the collection's indexes start with or
// contain, without `_id` (which needs no key table), sorted.
func hubIndexedFields(meta *metadata.Collection) []string {
	var fields []string

	for _, index := range meta.Settings.Indexes {
		for _, key := range index.Key {
			if key.Field == "_id" || !metadata.HubPlainField.MatchString(key.Field) || slices.Contains(fields, key.Field) {
				continue
			}

			fields = append(fields, key.Field)
		}
	}

	slices.Sort(fields)

	return fields
}

// hubSignature is "<hubKeysVersion>|<UUID>|<fields, comma-separated>;t<hubTriggersVersion>"
// (signatures written before hubTriggersVersion have no ";t…": their triggers are made again).
func hubSignature(meta *metadata.Collection, fields []string) string {
	return hubSignaturePrefix(meta) + strings.Join(fields, ",") + ";t" + hubTriggersVersion
}

func hubSignaturePrefix(meta *metadata.Collection) string {
	return hubKeysVersion + "|" + meta.Settings.UUID + "|"
}

func hubKeysTable(meta *metadata.Collection) string { return meta.TableName + "__hub_keys" }

// hubEnsureKeys makes the key table, triggers and indexes of the collection match its indexes
// and returns what they cover. Keys for fields newly indexed are added from the documents;
// keys of a collection made again (another UUID) or of an older hubKeysVersion are rebuilt.
func hubEnsureKeys(ctx context.Context, db *fsql.DB, dbName string, meta *metadata.Collection) (*hubKeysState, error) {
	if meta == nil || meta.Capped() {
		return &hubKeysState{}, nil
	}

	fields := hubIndexedFields(meta)
	signature := hubSignature(meta, fields)
	cacheKey := dbName + "\x00" + meta.TableName

	if known, ok := hubKeysSynced.Load(cacheKey); ok && known.(*hubKeysState).signature == signature {
		return known.(*hubKeysState), nil
	}

	hubKeysMu.Lock()
	defer hubKeysMu.Unlock()

	state := &hubKeysState{signature: signature, sortable: map[string]bool{}}

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		if _, err := tx.ExecContext(ctx, hubKeysMetaDDL); err != nil {
			return lazyerrors.Error(err)
		}

		var stored string
		if err := hubQueryStrings(ctx, tx, &stored, fmt.Sprintf(`SELECT signature FROM %q WHERE table_name = ?`, hubKeysMetaTable), meta.TableName); err != nil {
			return err
		}

		if stored != signature {
			statements, err := hubSyncStatements(ctx, tx, meta, stored, fields)
			if err != nil {
				return err
			}

			for _, q := range statements {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return lazyerrors.Errorf("keeping the index keys of %s: %w", meta.Name, err)
				}
			}

			if _, err = tx.ExecContext(ctx, fmt.Sprintf(
				`INSERT OR REPLACE INTO %q (table_name, signature) VALUES (?, ?)`, hubKeysMetaTable,
			), meta.TableName, signature); err != nil {
				return lazyerrors.Error(err)
			}
		}

		sortIndexes, err := hubSortIndexes(ctx, tx, meta.TableName)
		if err != nil {
			return err
		}

		for _, f := range fields {
			state.sortable[f] = slices.Contains(sortIndexes, f)
		}

		return nil
	})
	if err != nil {
		return nil, err
	}

	hubKeysSynced.Store(cacheKey, state)

	return state, nil
}

// hubQueryStrings scans the first column of the first row, if any, into dst.
func hubQueryStrings(ctx context.Context, tx *fsql.Tx, dst *string, q string, args ...any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return lazyerrors.Error(err)
	}
	defer rows.Close()

	if rows.Next() {
		if err = rows.Scan(dst); err != nil {
			return lazyerrors.Error(err)
		}
	}

	if err = rows.Err(); err != nil {
		return lazyerrors.Error(err)
	}

	return nil
}

// hubSortIndexes lists the fields that have a sort index on the table.
func hubSortIndexes(ctx context.Context, tx *fsql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`, table)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}
	defer rows.Close()

	var fields []string

	for rows.Next() {
		var name string
		if err = rows.Scan(&name); err != nil {
			return nil, lazyerrors.Error(err)
		}

		if f, ok := strings.CutPrefix(name, table+"__hub_sort_"); ok {
			fields = append(fields, f)
		}
	}

	if err = rows.Err(); err != nil {
		return nil, lazyerrors.Error(err)
	}

	return fields, nil
}

// hubForgetKeys drops what hubEnsureKeys made for a table about to be dropped (its triggers
// and indexes go with the table; the key table and the signature do not).
func hubForgetKeys(ctx context.Context, db *fsql.DB, dbName string, meta *metadata.Collection) error {
	if meta == nil {
		return nil
	}

	hubKeysMu.Lock()
	defer hubKeysMu.Unlock()

	hubKeysSynced.Delete(dbName + "\x00" + meta.TableName)

	if _, err := db.ExecContext(ctx, fmt.Sprintf(`DROP TABLE IF EXISTS %q`, hubKeysTable(meta))); err != nil {
		return lazyerrors.Error(err)
	}

	if _, err := db.ExecContext(ctx, hubKeysMetaDDL); err != nil {
		return lazyerrors.Error(err)
	}

	if _, err := db.ExecContext(ctx, fmt.Sprintf(`DELETE FROM %q WHERE table_name = ?`, hubKeysMetaTable), meta.TableName); err != nil {
		return lazyerrors.Error(err)
	}

	return nil
}

// hubDropUnsortable drops the sort index of each field that a document about to be written
// gives an array or a document. With one such value stored, hubPlanQuery sorts the field in Go,
// so the index only costs every write its two expressions, each reading the document's JSON
// text (SQLite first compares that text byte for byte with the texts it parsed before).
//
// Sort indexes are made when a field is first indexed, and the subgraphs index their
// collections at start-up, before any data: every field got one, array fields too. On the
// events, 9 of the 18 sort indexes were on array fields (committeeIds, searchTokens, …).
func hubDropUnsortable(ctx context.Context, db *fsql.DB, dbName string, meta *metadata.Collection, docs []*types.Document) error {
	if db == nil || meta == nil || meta.Capped() {
		return nil
	}

	keys, err := hubEnsureKeys(ctx, db, dbName, meta)
	if err != nil {
		return err
	}

	var unsortable []string

	for f, sorted := range keys.sortable {
		if !sorted {
			continue
		}

		if slices.ContainsFunc(docs, func(doc *types.Document) bool {
			switch v, _ := doc.Get(f); v.(type) {
			case *types.Array, *types.Document:
				return true
			default:
				return false
			}
		}) {
			unsortable = append(unsortable, f)
		}
	}

	if len(unsortable) == 0 {
		return nil
	}

	hubKeysMu.Lock()
	defer hubKeysMu.Unlock()

	err = db.InTransaction(ctx, func(tx *fsql.Tx) error {
		for _, f := range unsortable {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`DROP INDEX IF EXISTS %q`, meta.TableName+"__hub_sort_"+f)); err != nil {
				return lazyerrors.Error(err)
			}
		}

		return nil
	})
	if err != nil {
		return err
	}

	next := &hubKeysState{signature: keys.signature, sortable: maps.Clone(keys.sortable)}
	for _, f := range unsortable {
		next.sortable[f] = false
	}

	hubKeysSynced.Store(dbName+"\x00"+meta.TableName, next)

	return nil
}

// hubSyncStatements lists the statements that bring a collection's keys, triggers and hub
// indexes from what the stored signature describes to these fields.
func hubSyncStatements(ctx context.Context, tx *fsql.Tx, meta *metadata.Collection, stored string, fields []string) ([]string, error) {
	table, keys := meta.TableName, hubKeysTable(meta)
	doc := fmt.Sprintf("%q.%s", table, metadata.DefaultColumn)

	// The same version and UUID: only the fields changed, and the keys of the others stand.
	// Only the triggers' version changed (or the signature predates it): the same, with no
	// field added or removed, so the keys stand and only the triggers are made again.
	var had []string
	if rest, ok := strings.CutPrefix(stored, hubSignaturePrefix(meta)); ok && stored != "" {
		rest, _, _ = strings.Cut(rest, ";")
		had = strings.FieldsFunc(rest, func(r rune) bool { return r == ',' })
	}

	statements := []string{
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %q`, table+"__hub_insert"),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %q`, table+"__hub_update"),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %q`, table+"__hub_delete"),
		fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, table+"__hub_id", table, metadata.IDColumn),
	}

	sortIndexes, err := hubSortIndexes(ctx, tx, table)
	if err != nil {
		return nil, err
	}

	for _, f := range sortIndexes {
		if !slices.Contains(fields, f) {
			statements = append(statements, fmt.Sprintf(`DROP INDEX IF EXISTS %q`, table+"__hub_sort_"+f))
		}
	}

	if had == nil {
		statements = append(statements, fmt.Sprintf(`DROP TABLE IF EXISTS %q`, keys))
	}

	if len(fields) == 0 {
		return append(statements, fmt.Sprintf(`DROP TABLE IF EXISTS %q`, keys)), nil
	}

	var added []string

	for _, f := range fields {
		if !slices.Contains(had, f) {
			added = append(added, f)
		}
	}

	statements = append(statements,
		// Without rowid, the table is its (field, type, value, id) index: two B-trees per key
		// row written (this and the id index), not three. A document may repeat a value in an
		// array, hence OR IGNORE in the inserts.
		fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %q (field TEXT NOT NULL, type TEXT NOT NULL, value ANY, id ANY NOT NULL, `+
			`PRIMARY KEY (field, type, value, id)) STRICT, WITHOUT ROWID`, keys),
		fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (id, field, type, value)`, keys+"_id", keys),
	)

	for _, f := range had {
		if !slices.Contains(fields, f) {
			statements = append(statements, fmt.Sprintf(`DELETE FROM %q WHERE field = '%s'`, keys, f))
		}
	}

	if len(added) > 0 {
		statements = append(statements, fmt.Sprintf(`INSERT OR IGNORE INTO %q (field, type, value, id) %s`, keys, hubKeyRows(added, doc, table)))
	}

	statements = append(statements,
		fmt.Sprintf(`CREATE TRIGGER %q AFTER INSERT ON %q BEGIN INSERT OR IGNORE INTO %q (field, type, value, id) %s; END`,
			table+"__hub_insert", table, keys, hubTriggerKeyRows(fields)),
		fmt.Sprintf(`CREATE TRIGGER %q AFTER UPDATE ON %q BEGIN DELETE FROM %q WHERE id = OLD.%s; INSERT OR IGNORE INTO %q (field, type, value, id) %s; END`,
			table+"__hub_update", table, keys, metadata.IDColumn, keys, hubTriggerKeyRows(fields)),
		fmt.Sprintf(`CREATE TRIGGER %q AFTER DELETE ON %q BEGIN DELETE FROM %q WHERE id = OLD.%s; END`,
			table+"__hub_delete", table, keys, metadata.IDColumn),
	)

	// A sort index for each newly indexed field that holds no arrays now (an array sorts by
	// its smallest or largest element, which SQL cannot do, so such a field sorts in Go).
	for _, f := range added {
		var hasArrays string
		q := fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %q WHERE json_type(%s, '$.%s') = 'array')`, table, metadata.DefaultColumn, f)
		if err := hubQueryStrings(ctx, tx, &hasArrays, q); err != nil {
			return nil, err
		}

		if hasArrays == "0" && !slices.Contains(sortIndexes, f) {
			statements = append(statements, fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s, %s)`,
				table+"__hub_sort_"+f, table, hubSortRank(metadata.DefaultColumn, f), hubSortValue(metadata.DefaultColumn, f)))
		}
	}

	return statements, nil
}

// hubTriggerKeyRows is the SELECT of hubKeyRows for a trigger's NEW document, written to read
// the document's JSON as little as possible.
//
// Every JSON function given JSON text looks the text up in SQLite's cache of parsed JSON by
// comparing it byte for byte with the cached texts (memcmp, a byte loop in the Go translation
// of SQLite): about 8 KB per call for an event, and the key rows of one event took some 300
// calls, two per element of each array. That comparison was 40% of the store's CPU while
// writing the synthetic data set. So the document is converted to JSONB once (hub_doc), which
// the functions read as it is, without that lookup; and what every row of a document repeats
// is read once per document (hub_new): its `_id`, and per field the sjson types of its
// array's elements, so an element's type is looked up in that short array, not in the whole
// document. The values are those of hubKeyRows: SQLite reads JSON text through this same
// JSONB, and `$.a.b[k]` in a document is `$[k]` in its `$.a.b`. MATERIALIZED: computed once.
func hubTriggerKeyRows(fields []string) string {
	columns, values := []string{"doc", "id"}, []string{"d", "d->'$._id'"}
	for _, f := range fields {
		columns = append(columns, fmt.Sprintf("%q", "i_"+f))
		values = append(values, fmt.Sprintf(`jsonb_extract(d, '$."$s".p.%s.i')`, f))
	}

	with := fmt.Sprintf(`WITH hub_doc (d) AS MATERIALIZED (SELECT jsonb(NEW.%s)), hub_new (%s) AS MATERIALIZED (SELECT %s FROM hub_doc) `,
		metadata.DefaultColumn, strings.Join(columns, ", "), strings.Join(values, ", "))

	return with + hubKeyRowsFrom(fields, hubKeySource{
		doc:  "hub_new.doc",
		id:   "hub_new.id",
		from: `"hub_new"`,
		elementType: func(f string) string {
			return fmt.Sprintf(`json_extract(hub_new.%q, '$[' || j.key || '].t')`, "i_"+f)
		},
	})
}

// hubKeySource is where hubKeyRowsFrom reads a document: its JSON, its `_id` as JSON, the
// FROM clause that gives them ("" for a trigger's NEW row), and the sjson type of element
// j.key of array field f.
type hubKeySource struct {
	doc, id, from string
	elementType   func(f string) string
}

// hubKeyRows is a SELECT of the key rows of the document `doc` (a column of `table`, or of the
// trigger's NEW row when table is ""). Per field there is always one row for the field itself:
// its sjson type ("missing" when absent, "array" or "object" for those), and its SQL value for
// a scalar. An array also has one row per scalar element, with the element's type. So
// `{f: null}` (null or missing), `$exists` and equality or ranges on elements are all exact
// lookups. An element that is a document or an array gets a row of type "~nested" (value 0)
// instead: no equality or range on a scalar matches it, and a grouping can tell that the array
// holds more than scalars. Key columns cannot be NULL, so a value that is not a scalar is
// stored as 0; lookups of those look at the type alone. One more row per document, field
// "$_id", holds the type of its _id.
func hubKeyRows(fields []string, doc, table string) string {
	from := ""
	if table != "" {
		from = fmt.Sprintf("%q", table)
	}

	return hubKeyRowsFrom(fields, hubKeySource{
		doc:  doc,
		id:   doc + "->'$._id'",
		from: from,
		elementType: func(f string) string {
			return fmt.Sprintf(`json_extract(%s, '$."$s".p.%s.i[' || j.key || '].t')`, doc, f)
		},
	})
}

func hubKeyRowsFrom(fields []string, src hubKeySource) string {
	from, fromWithElements := "", "FROM json_each(%[1]s, '$.%[2]s') AS j"
	if src.from != "" {
		from = "FROM " + src.from
		fromWithElements = "FROM " + src.from + ", json_each(%[1]s, '$.%[2]s') AS j"
	}

	var parts []string

	for _, f := range fields {
		parts = append(parts,
			fmt.Sprintf(`SELECT '%[2]s', COALESCE(json_extract(%[1]s, '$."$s".p.%[2]s.t'), 'missing'), `+
				`CASE WHEN json_type(%[1]s, '$.%[2]s') IN ('array', 'object') THEN 0 ELSE COALESCE(%[1]s->>'$.%[2]s', 0) END, %[3]s %[4]s`, src.doc, f, src.id, from),
			fmt.Sprintf(`SELECT '%[2]s', CASE WHEN j.type IN ('array', 'object') THEN '~nested' ELSE COALESCE(%[3]s, 'null') END, `+
				`CASE WHEN j.type IN ('array', 'object') THEN 0 ELSE COALESCE(j.value, 0) END, %[4]s `+
				fromWithElements+` WHERE json_type(%[1]s, '$.%[2]s') = 'array'`, src.doc, f, src.elementType(f), src.id),
		)
	}

	// The type of the document's _id, so that an answer made of key rows knows what its ids are.
	parts = append(parts, fmt.Sprintf(`SELECT '$_id', COALESCE(json_extract(%[1]s, '$."$s".p._id.t'), 'missing'), 0, %[2]s %[3]s`, src.doc, src.id, from))

	return strings.Join(parts, " UNION ALL ")
}

// hubSortRank is the rank of a field's type in MongoDB's sort order (null and missing, numbers,
// strings, ..., ObjectId, bool, date). Types whose SQL value does not sort as MongoDB sorts them
// (documents, arrays, binary, timestamps, regular expressions, NaN) rank 0: a collection with
// any such value is sorted in Go, as before.
func hubSortRank(doc, f string) string {
	return fmt.Sprintf(`(CASE COALESCE(json_extract(%[1]s, '$."$s".p.%[2]s.t'), 'null') `+
		`WHEN 'null' THEN 1 WHEN 'int' THEN 2 WHEN 'long' THEN 2 `+
		`WHEN 'double' THEN (CASE WHEN typeof(%[1]s->>'$.%[2]s') IN ('integer', 'real') THEN 2 ELSE 0 END) `+
		`WHEN 'string' THEN 3 WHEN 'objectId' THEN 7 WHEN 'bool' THEN 8 WHEN 'date' THEN 9 ELSE 0 END)`, doc, f)
}

// hubSortValue orders values within a rank as MongoDB does: numbers by value, strings by their
// UTF-8 bytes (SQLite's BINARY collation), ObjectIds by their hex text, dates by milliseconds.
func hubSortValue(doc, f string) string {
	return fmt.Sprintf(`(%s->>'$.%s')`, doc, f)
}
