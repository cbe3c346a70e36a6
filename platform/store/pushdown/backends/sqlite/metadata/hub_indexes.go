// This file is the hub's, not FerretDB's: it is added to FerretDB's SQLite metadata package at
// build time (see platform/store/pushdown/README.md).

package metadata

import "regexp"

// HubPlainField is a field the hub's key table holds (backends/sqlite/hub_keys.go): top-level,
// and safe inside a JSON path and an SQL string literal without quoting.
var HubPlainField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// hubKeysCover is true for an index whose SQLite index FerretDB would make for nothing: SQLite
// never uses an index on FerretDB's `_ferretdb_sjson->"field"` spelling for a query (FerretDB
// pushes down only `_id`, and spells it differently), and the hub's key table answers queries
// on plain top-level fields. Unique indexes are still made, because SQLite enforces them.
func hubKeysCover(index IndexInfo) bool {
	if index.Unique {
		return false
	}

	for _, key := range index.Key {
		if !HubPlainField.MatchString(key.Field) {
			return false
		}
	}

	return true
}
