// This file is the hub's, not FerretDB's: it is added to FerretDB's SQLite backend at build
// time (see platform/store/pushdown/README.md). The collection's Query, Explain and index
// commands call these first (the hooks in ferretdb.patch).

package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// hubApplies is false for what keeps FerretDB's own path: capped collections (ordered by
// record id) and record-id-only queries.
func hubApplies(meta *metadata.Collection, onlyRecordIDs bool) bool {
	return !meta.Capped() && !onlyRecordIDs
}

// hubPlan brings the collection's keys up to date and plans a query on them.
func (c *collection) hubPlan(ctx context.Context, db *fsql.DB, meta *metadata.Collection, filter, sort *types.Document, limit, hubLimit int64) (*hubPlan, error) {
	keys, err := hubEnsureKeys(ctx, db, c.dbName, meta)
	if err != nil {
		return nil, err
	}

	return hubPlanQuery(ctx, db, meta, keys, filter, sort, limit, hubLimit)
}

// hubQuery answers a query from the key table and indexes; nil, nil when it does not apply.
func (c *collection) hubQuery(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams) (*backends.QueryResult, error) {
	if !hubApplies(meta, params.OnlyRecordIDs) {
		return nil, nil
	}

	p, err := c.hubPlan(ctx, db, meta, params.Filter, params.HubSort, params.Limit, params.HubLimit)
	if err != nil {
		return nil, err
	}

	if params.HubCount && p.count != "" {
		var n int64
		if err = db.QueryRowContext(ctx, p.count, p.countArgs...).Scan(&n); err != nil {
			return nil, lazyerrors.Error(err)
		}

		return &backends.QueryResult{Iter: newQueryIterator(ctx, nil, false), HubCount: &n}, nil
	}

	if params.HubGroup != nil {
		keys, err := hubEnsureKeys(ctx, db, c.dbName, meta) // known by now: hubPlan made them current
		if err != nil {
			return nil, err
		}

		groups, err := hubGroup(ctx, db, meta, keys, p, params.HubGroup)
		if err != nil {
			return nil, err
		}

		if groups != nil {
			return &backends.QueryResult{Iter: newQueryIterator(ctx, nil, false), HubGroups: groups}, nil
		}
	}

	q, args := hubSelect(params.Comment, p)

	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	iter := newQueryIterator(ctx, rows, false)
	iter.(*queryIterator).hubFields = params.HubFields

	return &backends.QueryResult{Iter: iter, HubSorted: p.sorted, HubFiltered: p.exact}, nil
}

// hubSelect is the SELECT of a plan.
func hubSelect(comment string, p *hubPlan) (string, []any) {
	if comment != "" {
		comment = "/* " + strings.ReplaceAll(strings.ReplaceAll(comment, "/*", "/ *"), "*/", "* /") + " */ "
	}

	q := fmt.Sprintf(`SELECT %s%s FROM%s%s%s`, comment, metadata.DefaultColumn, p.from, p.where, p.orderBy)
	args := p.args

	if p.limit != 0 {
		q += ` LIMIT ?`
		args = append(slices.Clip(args), p.limit)
	}

	return q, args
}

// hubExplain is hubQuery's plan, explained; nil, nil when hubQuery would not apply.
func (c *collection) hubExplain(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.ExplainParams) (*backends.ExplainResult, error) {
	if !hubApplies(meta, false) {
		return nil, nil
	}

	p, err := c.hubPlan(ctx, db, meta, params.Filter, params.HubSort, params.Limit, params.HubLimit)
	if err != nil {
		return nil, err
	}

	q, args := hubSelect("", p)

	rows, err := db.QueryContext(ctx, `EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}
	defer rows.Close()

	plan := types.MakeArray(0)

	for rows.Next() {
		var id, parent, notused int32
		var detail string

		if err = rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return nil, lazyerrors.Error(err)
		}

		plan.Append(fmt.Sprintf("id=%d parent=%d notused=%d detail=%s", id, parent, notused, detail))
	}

	if err = rows.Err(); err != nil {
		return nil, lazyerrors.Error(err)
	}

	return &backends.ExplainResult{
		QueryPlanner:   must.NotFail(types.NewDocument("Plan", plan, "SQL", q)),
		FilterPushdown: p.exact && p.filtered,
		SortPushdown:   p.sorted,
		LimitPushdown:  p.limit != 0,
	}, nil
}

// hubIndexesChanged brings the key table in line after createIndexes or dropIndexes.
func (c *collection) hubIndexesChanged(ctx context.Context) error {
	db := c.r.DatabaseGetExisting(ctx, c.dbName)
	if db == nil {
		return nil
	}

	_, err := hubEnsureKeys(ctx, db, c.dbName, c.r.CollectionGet(ctx, c.dbName, c.name))

	return err
}
