// This file is the hub's, not FerretDB's: it is added to FerretDB's handler at build time (see
// platform/store/pushdown/README.md). It tells the SQLite backend what more it may do for a
// command (sort, cut at a limit, count) and uses what the backend did.

package handler

import (
	"math"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/handler/common"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// hubFilterWhole is true when the backend sees the whole filter: FerretDB drops dotted keys
// before pushdown, and a count or a limit on what is left would be wrong.
func hubFilterWhole(pushed, filter *types.Document) bool {
	return pushed.Len() == filter.Len()
}

// hubSortAndLimit is what the backend may do for a find (or its explain): sort it, and stop
// after skip+limit rows when it sees the whole filter.
func (h *Handler) hubSortAndLimit(sort, filter, pushed *types.Document, skip, limit int64) (*types.Document, int64) {
	if h.DisablePushdown {
		return nil, 0
	}

	var hubSort *types.Document
	if sort.Len() > 0 && sort.Keys()[0] != "$natural" {
		hubSort = sort
	}

	var hubLimit int64
	if limit > 0 && hubFilterWhole(pushed, filter) {
		hubLimit = limit + skip
	}

	return hubSort, hubLimit
}

// hubFindParams lets the backend sort a find and stop after skip+limit rows, where it can, and
// decode only the fields its projection keeps.
func (h *Handler) hubFindParams(qp *backends.QueryParams, params *common.FindParams) {
	qp.HubSort, qp.HubLimit = h.hubSortAndLimit(params.Sort, params.Filter, qp.Filter, params.Skip, params.Limit)
	if !h.DisablePushdown {
		qp.HubFields = hubFindFields(params)
	}
}

// hubFindFields are the top-level fields a find reads: those its projection includes, and those
// its filter and sort name (Go still filters and may sort each document). nil, for all fields,
// without a projection or with one that excludes fields or computes values.
func hubFindFields(params *common.FindParams) []string {
	projection := params.Projection
	if projection.Len() == 0 {
		return nil
	}

	var kept []string
	for _, k := range projection.Keys() {
		if strings.HasPrefix(k, "$") || strings.Contains(k, "$") {
			return nil
		}

		switch v := must.NotFail(projection.Get(k)).(type) {
		case bool:
			if !v {
				if k == "_id" {
					continue
				}
				return nil
			}
		case int32, int64, float64:
			if types.Compare(v, int32(0)) == types.Equal {
				if k == "_id" {
					continue
				}
				return nil
			}
		default: // $slice, $elemMatch, an expression: decode everything
			return nil
		}

		top, _, _ := strings.Cut(k, ".")
		kept = append(kept, top)
	}

	if len(kept) == 0 {
		return nil // {_id: 0} alone excludes: every other field is kept
	}

	filter := params.Filter
	if filter == nil {
		filter = types.MakeDocument(0)
	}

	stages := []any{must.NotFail(types.NewDocument("$match", filter))}
	if params.Sort.Len() > 0 {
		stages = append(stages, must.NotFail(types.NewDocument("$sort", params.Sort)))
	}

	read := hubPipelineFields(stages)
	if read == nil {
		return nil
	}

	return append(read, kept...)
}

// hubExplainParams is hubFindParams for explain, so that it reports what a find does.
func (h *Handler) hubExplainParams(qp *backends.ExplainParams, params *common.ExplainParams) {
	if !params.Aggregate {
		qp.HubSort, qp.HubLimit = h.hubSortAndLimit(params.Sort, params.Filter, qp.Filter, params.Skip, params.Limit)
	}
}

// hubLeftToDo is what the handler still has to do to the backend's documents: not sort them
// when they come sorted, and not filter them again when the backend matched the whole filter
// exactly (re-testing `_id: {$in: [2,000 ids]}` in Go was a third of such a find's CPU).
func hubLeftToDo(params *common.FindParams, qp *backends.QueryParams, res *backends.QueryResult) *common.FindParams {
	sorted := res.HubSorted
	filtered := res.HubFiltered && hubFilterWhole(qp.Filter, params.Filter)

	if !sorted && !filtered {
		return params
	}

	p := *params
	if sorted {
		p.Sort = nil
	}

	if filtered {
		p.Filter = nil
	}

	return &p
}

// hubCount is the pipeline drivers send for countDocuments,
// [{$match: filter}, {$group: {_id: <constant>, <name>: {$sum: 1}}}], answered by one SQL count
// when the backend can translate the whole filter.
type hubCount struct {
	id   any
	name string
}

func hubCountPipeline(stages []any) *hubCount {
	if len(stages) != 2 {
		return nil
	}

	match, ok1 := stages[0].(*types.Document)
	group, ok2 := stages[1].(*types.Document)
	if !ok1 || !ok2 || match.Len() != 1 || match.Command() != "$match" || group.Len() != 1 || group.Command() != "$group" {
		return nil
	}

	spec, ok := must.NotFail(group.Get("$group")).(*types.Document)
	if !ok || spec.Len() != 2 || spec.Keys()[0] != "_id" {
		return nil
	}

	id := must.NotFail(spec.Get("_id"))
	switch id := id.(type) {
	case *types.Document, *types.Array:
		return nil
	case string:
		if len(id) > 0 && id[0] == '$' {
			return nil // grouping by a field
		}
	}

	name := spec.Keys()[1]
	sum, ok := must.NotFail(spec.Get(name)).(*types.Document)
	if !ok || sum.Len() != 1 || sum.Command() != "$sum" {
		return nil
	}

	switch one := must.NotFail(sum.Get("$sum")).(type) {
	case int32:
		ok = one == 1
	case int64:
		ok = one == 1
	default: // a double 1 would make the count a double: leave that to $group
		ok = false
	}

	if !ok {
		return nil
	}

	return &hubCount{id: id, name: name}
}

// iterator yields what $group yields for n documents: nothing for none, else one document.
func (c *hubCount) iterator(n int64) types.DocumentsIterator {
	if n == 0 {
		return iterator.Values(iterator.ForSlice([]*types.Document{}))
	}

	var count any = n
	if n <= math.MaxInt32 {
		count = int32(n)
	}

	return iterator.Values(iterator.ForSlice([]*types.Document{must.NotFail(types.NewDocument("_id", c.id, c.name, count))}))
}

// hubPipelineFields lists the top-level fields an aggregation reads from the collection's
// documents, for pipelines of $match, $unwind, $group, $sort, $skip, $limit and $count: the
// backend then decodes only those fields of each document (statistics read a few fields of
// every event, and decoding a whole 8 KB event costs a hundred times more). nil when the
// pipeline has another stage or uses a variable ($$ROOT, ...): all fields are decoded.
// Field names met after a $group are the group's own and are collected too, which is harmless.
func hubPipelineFields(stages []any) []string {
	fields := map[string]bool{"_id": true}
	ok := true

	addPath := func(path string) {
		top, _, _ := strings.Cut(path, ".")
		fields[top] = true
	}

	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if strings.HasPrefix(v, "$$") {
				ok = false
			} else if strings.HasPrefix(v, "$") {
				addPath(v[1:])
			}
		case *types.Document:
			for _, k := range v.Keys() {
				walk(must.NotFail(v.Get(k)))
			}
		case *types.Array:
			for i := 0; i < v.Len(); i++ {
				walk(must.NotFail(v.Get(i)))
			}
		}
	}

	var match func(filter *types.Document)
	match = func(filter *types.Document) {
		for _, k := range filter.Keys() {
			v := must.NotFail(filter.Get(k))

			switch {
			case k == "$and" || k == "$or" || k == "$nor":
				arr, isArr := v.(*types.Array)
				if !isArr {
					ok = false
					return
				}

				for i := 0; i < arr.Len(); i++ {
					sub, isDoc := must.NotFail(arr.Get(i)).(*types.Document)
					if !isDoc {
						ok = false
						return
					}

					match(sub)
				}
			case k == "$comment":
			case strings.HasPrefix(k, "$"):
				ok = false // $expr, $where, ...: decode everything
			default:
				addPath(k)
			}
		}
	}

	for _, s := range stages {
		stage, isDoc := s.(*types.Document)
		if !isDoc || stage.Len() != 1 {
			return nil
		}

		body := must.NotFail(stage.Get(stage.Command()))

		switch stage.Command() {
		case "$match":
			filter, isDoc := body.(*types.Document)
			if !isDoc {
				return nil
			}

			match(filter)
		case "$group", "$unwind":
			walk(body)
		case "$sort":
			sort, isDoc := body.(*types.Document)
			if !isDoc {
				return nil
			}

			for _, k := range sort.Keys() {
				addPath(k)
			}
		case "$skip", "$limit", "$count":
		default:
			return nil
		}

		if !ok {
			return nil
		}
	}

	list := make([]string, 0, len(fields))
	for f := range fields {
		list = append(list, f)
	}

	return list
}
