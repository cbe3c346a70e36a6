// Command ferretdb-hub is the hub's embedded MongoDB-compatible store: FerretDB with its
// SQLite backend (or, with -postgresql-url, its PostgreSQL backend on a server you run: how the
// two were measured against each other; see the README). It is built from FerretDB's
// embeddable package because FerretDB's own command panics when built outside its repository
// (it wants generated version files).
//
// Clients never talk to FerretDB directly: they connect to the front (front.go), which relays
// to FerretDB on a private Unix socket and lets write commands through one at a time, because
// FerretDB 1.x loses concurrent updates of one document.
//
// Protocol with the parent process: exactly one line "ready mongodb://HOST:PORT/" on stdout
// once the listener is bound (so port 0 reports the real port); failures are one line
// starting with "error: " on stderr and a non-zero exit; FerretDB's logs also go to stderr.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof" // served only with -debug-addr
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	// Exit only after run's deferred cleanups (listener, SQLite, data folder lock) ran.
	os.Exit(run())
}

func run() int {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP `address` to listen on; port 0 picks a free port")
	dataDir := flag.String("data", "", "`folder` for the SQLite database files, created if missing (required)")
	logLevel := flag.String("log-level", "warn", "FerretDB's log `level`: debug, info, warn or error")
	postgresURL := flag.String("postgresql-url", "", "keep the data in this PostgreSQL `URL` instead of SQLite files in -data (which still holds the lock and socket)")
	exitOnStdinClose := flag.Bool("exit-on-stdin-close", false,
		"stop when stdin closes; a parent passes a pipe so that the store dies with it, even on SIGKILL")
	debugAddr := flag.String("debug-addr", "", "serve Go's profiler (net/http/pprof) on this TCP `address`, e.g. 127.0.0.1:6060; off when empty")
	flag.Parse()

	if *dataDir == "" || flag.NArg() > 0 {
		flag.Usage()
		return 2
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fail("invalid -log-level %q: want debug, info, warn or error", *logLevel)
	}

	dir, err := filepath.Abs(*dataDir)
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return fail("cannot create data folder %s: %v", *dataDir, err)
	}

	if *debugAddr != "" {
		debug, err := net.Listen("tcp", *debugAddr)
		if err != nil {
			return fail("cannot listen on -debug-addr %s: %v", *debugAddr, err)
		}
		defer debug.Close()
		go func() { _ = http.Serve(debug, nil) }() // DefaultServeMux: /debug/pprof/
	}

	release, err := lockDataDir(dir)
	if err != nil {
		return fail("%v", err)
	}
	defer release()

	ctx, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	go func() {
		// After the first signal, the default action returns: a second Ctrl-C ends a stuck shutdown.
		<-ctx.Done()
		stopSignals()
	}()

	if *exitOnStdinClose {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel()
		}()
	}

	socket, cleanup, err := backendSocket(dir)
	if err != nil {
		return fail("%v", err)
	}
	defer cleanup()

	logger := slog.New(newRoutineHandler(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Handler:   "sqlite",
		SQLiteURL: (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/", RawQuery: sqliteCache}).String(),
		Logger:    logger,
	}
	if *postgresURL != "" {
		config.Handler = "postgresql"
		config.SQLiteURL = ""
		config.PostgreSQLURL = *postgresURL
	}
	f, err := ferretdb.New(config)
	if err != nil {
		return fail("cannot start FerretDB with data in %s: %v", dir, err)
	}

	// The port is bound only now that FerretDB is up: a client that connects is served at once,
	// never left waiting in the listen queue (a restarted store is reached the moment it listens).
	listener, err := net.Listen("tcp", *listen)
	if err != nil {
		if strings.Contains(err.Error(), "address already in use") {
			return fail("cannot listen on %s: address already in use", *listen)
		}
		return fail("cannot listen on %s: %v", *listen, err)
	}
	defer listener.Close()

	fr := &front{
		listener: listener,
		dial:     func() (net.Conn, error) { return net.Dial("unix", socket) },
		log:      logger,
	}
	served := make(chan struct{})
	go func() {
		defer close(served)
		fr.serve(ctx)
	}()

	fmt.Printf("ready %s\n", (&url.URL{Scheme: "mongodb", Host: listener.Addr().String(), Path: "/"}).String())

	// Run returns once ctx is done and every connection and the SQLite backend are closed.
	_ = f.Run(ctx)
	<-served
	return 0
}

// backendSocket is where FerretDB listens for the front: in the data folder (which this process
// has locked, so a socket file found there is a dead store's and is replaced), or in a private
// temporary folder when that path is too long for a Unix socket.
func backendSocket(dataDir string) (path string, cleanup func(), err error) {
	path = filepath.Join(dataDir, "ferretdb-hub.sock")
	if len(path) < 100 {
		_ = os.Remove(path)
		return path, func() { _ = os.Remove(path) }, nil
	}
	tmp, err := os.MkdirTemp("", "ferretdb-hub-")
	if err != nil {
		return "", nil, fmt.Errorf("cannot create a folder for the store's socket: %w", err)
	}
	return filepath.Join(tmp, "store.sock"), func() { _ = os.RemoveAll(tmp) }, nil
}

// sqliteCache raises each SQLite connection's page cache from SQLite's 2 MB to at most 64 MB
// (allocated as pages are read). A write changes pages all over the key tables
// (platform/store/pushdown); with 2 MB the pages an insert of 1000 events changes did not fit,
// and SQLite wrote them to the WAL, read them back and wrote them again within the transaction.
const sqliteCache = "_pragma=cache_size(-65536)"

func fail(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, "error: "+format+"\n", args...)
	return 1
}
