package main

import (
	"context"
	"log/slog"
	"slices"
	"strings"
)

// routineHandler demotes FerretDB's per-request warnings to debug. FerretDB warns about
// every command that fails (a duplicate key on an idempotent insert, the Node driver's
// unsupported endSessions on each disconnect) and every connection a client resets: the
// client already knows, and at warn level these would drown the warnings that matter.
//
// It also defers WithAttrs and WithGroup until a record is written. FerretDB makes a logger
// with the command's attributes for every command, and slog's handlers format attributes when
// they are attached: that formatted every inserted batch in full (a sixth of the store's CPU
// on a bulk load) to log nothing, at the default level.
type routineHandler struct {
	base  slog.Handler
	scope []func(slog.Handler) slog.Handler // WithAttrs and WithGroup calls, in order
}

func newRoutineHandler(base slog.Handler) slog.Handler { return routineHandler{base: base} }

func (h routineHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.base.Enabled(ctx, level)
}

func (h routineHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelWarn && isRoutine(r.Message) {
		if !h.base.Enabled(ctx, slog.LevelDebug) {
			return nil
		}
		r.Level = slog.LevelDebug
	}
	handler := h.base
	for _, apply := range h.scope {
		handler = apply(handler)
	}
	return handler.Handle(ctx, r)
}

func (h routineHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return routineHandler{h.base, append(slices.Clip(h.scope), func(next slog.Handler) slog.Handler { return next.WithAttrs(attrs) })}
}

func (h routineHandler) WithGroup(name string) slog.Handler {
	return routineHandler{h.base, append(slices.Clip(h.scope), func(next slog.Handler) slog.Handler { return next.WithGroup(name) })}
}

func isRoutine(msg string) bool {
	return strings.HasPrefix(msg, "Response header:") ||
		strings.HasPrefix(msg, "Response message:") ||
		msg == "Connection stopped"
}
