// This file is the hub's, not FerretDB's: it is added to FerretDB's handler at build time (see
// platform/store/pushdown/README.md). It recognises the groupings a backend may answer from its
// index keys (backends.HubGroup).

package handler

import (
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// hubGroupPipeline is the pipeline's grouping as a backends.HubGroup, or nil when the pipeline
// has another shape or the backend would not see its whole $match (pushed is what it sees).
func hubGroupPipeline(stages []any, pushed, filter *types.Document) *backends.HubGroup {
	if len(stages) < 2 || len(stages) > 4 || !hubFilterWhole(pushed, filter) {
		return nil
	}

	body := make([]any, len(stages))
	for i, s := range stages {
		stage, ok := s.(*types.Document)
		if !ok || stage.Len() != 1 {
			return nil
		}

		want := map[int]string{0: "$match", 1: "$group"}[i]
		if len(stages) > 2 {
			want = map[int]string{0: "$match", 1: "$unwind", 2: "$group", 3: "$group"}[i]
		}

		if stage.Command() != want {
			return nil
		}

		body[i] = must.NotFail(stage.Get(want))
	}

	if len(stages) == 2 {
		// {$group: {_id: "$f", n: {$sum: 1}}}
		spec, ok := body[1].(*types.Document)
		if !ok || spec.Len() != 2 || spec.Keys()[0] != "_id" {
			return nil
		}

		f, ok := hubFieldRef(must.NotFail(spec.Get("_id")))
		count := hubSumOfOnes(spec, spec.Keys()[1])
		if !ok || count == "" {
			return nil
		}

		return &backends.HubGroup{Field: f, Count: count}
	}

	// {$unwind: "$f"}, {$group: {_id: {a: "$f", b: "$_id"}}} (or b first)
	f, ok := hubFieldRef(body[1])
	if !ok {
		return nil
	}

	spec, ok := body[2].(*types.Document)
	if !ok || spec.Len() != 1 || spec.Keys()[0] != "_id" {
		return nil
	}

	pair, ok := must.NotFail(spec.Get("_id")).(*types.Document)
	if !ok || pair.Len() != 2 {
		return nil
	}

	g := &backends.HubGroup{Field: f, Unwind: true, Pair: [2]string{pair.Keys()[0], pair.Keys()[1]}}
	first, second := must.NotFail(pair.Get(g.Pair[0])), must.NotFail(pair.Get(g.Pair[1]))

	switch {
	case first == "$"+f && second == "$_id":
		g.PairValueFirst = true
	case first == "$_id" && second == "$"+f:
	default:
		return nil
	}

	if len(stages) == 3 {
		return g
	}

	// {$group: {_id: "$_id.<value's key>", n: {$sum: 1}}}
	counted, ok := body[3].(*types.Document)
	if !ok || counted.Len() != 2 || counted.Keys()[0] != "_id" {
		return nil
	}

	valueKey := g.Pair[1]
	if g.PairValueFirst {
		valueKey = g.Pair[0]
	}

	if must.NotFail(counted.Get("_id")) != "$_id."+valueKey {
		return nil
	}

	if g.Count = hubSumOfOnes(counted, counted.Keys()[1]); g.Count == "" {
		return nil
	}

	return g
}

// hubFieldRef is f for "$f", a top-level field's path.
func hubFieldRef(v any) (string, bool) {
	s, ok := v.(string)
	if !ok || !strings.HasPrefix(s, "$") || strings.HasPrefix(s, "$$") {
		return "", false
	}

	f := s[1:]
	if f == "" || f == "_id" || strings.ContainsAny(f, ".$") {
		return "", false
	}

	return f, true
}

// hubSumOfOnes is name when spec's accumulator name is {$sum: 1} with an integer 1, else "".
func hubSumOfOnes(spec *types.Document, name string) string {
	if strings.HasPrefix(name, "$") {
		return ""
	}

	sum, ok := must.NotFail(spec.Get(name)).(*types.Document)
	if !ok || sum.Len() != 1 || sum.Command() != "$sum" {
		return ""
	}

	switch one := must.NotFail(sum.Get("$sum")).(type) {
	case int32:
		if one == 1 {
			return name
		}
	case int64:
		if one == 1 {
			return name
		}
	}

	return ""
}
