package main

import (
	"context"
	"log/slog"
	"strings"
)

// routineHandler demotes FerretDB's per-request warnings to debug. FerretDB warns about
// every command that fails (a duplicate key on an idempotent insert, the Node driver's
// unsupported endSessions on each disconnect) and every connection a client resets: the
// client already knows, and at warn level these would drown the warnings that matter.
type routineHandler struct{ slog.Handler }

func (h routineHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelWarn && isRoutine(r.Message) {
		if !h.Handler.Enabled(ctx, slog.LevelDebug) {
			return nil
		}
		r.Level = slog.LevelDebug
	}
	return h.Handler.Handle(ctx, r)
}

func (h routineHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return routineHandler{h.Handler.WithAttrs(attrs)}
}

func (h routineHandler) WithGroup(name string) slog.Handler {
	return routineHandler{h.Handler.WithGroup(name)}
}

func isRoutine(msg string) bool {
	return strings.HasPrefix(msg, "Response header:") ||
		strings.HasPrefix(msg, "Response message:") ||
		msg == "Connection stopped"
}
